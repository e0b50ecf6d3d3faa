"""Benchmark (not a test): the size of each drafting conversation on the default data (issue 13,
target <= 1 500 tokens per cluster prompt), and the Ollama `num_ctx` the chain computes for it.

No real tokenizer can be had offline here: tiktoken installs from PyPI but downloads its encodings at
run time, and a Granite tokenizer.json comes only from a model hub. So, when neither
`tiktoken` (with a cached encoding) nor a `tokenizers` file named by INTERPRET_TOKENIZER_JSON loads,
the count is an estimate, reported two ways: characters / 4 (the usual English rule, which the old
cassettes used) and characters / 2.4 (the ratio a real tokenizer gave on the old prompts: ~3 500
tokens for ~8 400 characters, issue 13). Results go in docs/llm.md, "Prompt size".

    .venv/bin/python benchmarks/prompt_size_bench.py
"""

from __future__ import annotations

import math
import os

from interpret import resolve_settings
from interpret.data import load_dataset
from interpret.llm.context import CHARS_PER_TOKEN, context_window
from interpret.llm.prompts import PromptLibrary
from interpret.llm.tools import contexts_for
from interpret.pipeline import stage_cluster
from interpret.rules import load_rules


def real_tokenizer():
    """(name, count function) of a real tokenizer available offline, or None."""
    path = os.environ.get("INTERPRET_TOKENIZER_JSON")
    if path:
        try:
            from tokenizers import Tokenizer

            tok = Tokenizer.from_file(path)
            return f"tokenizers:{os.path.basename(path)}", lambda text: len(tok.encode(text).ids)
        except Exception:  # noqa: BLE001 - a benchmark reports what it could load
            pass
    try:
        import tiktoken

        enc = tiktoken.get_encoding("o200k_base")
        return "tiktoken:o200k_base", lambda text: len(enc.encode(text))
    except Exception:  # noqa: BLE001 - not installed, or its encoding cannot be downloaded offline
        return None


def main() -> None:
    settings = resolve_settings({}, environ={}, dotenv_path=None)
    _, facts = stage_cluster(load_dataset(None, None), settings)
    rules = load_rules(None)
    library = PromptLibrary(None)
    tokenizer = real_tokenizer()
    print("tokenizer:", tokenizer[0] if tokenizer else "none offline (estimates only)")
    print("| conversation | characters | tokens (chars/4) | tokens (chars/2.4) |" + (" tokens (real) |" if tokenizer else "") + " num_ctx |")
    print("|---|---|---|---|" + ("---|" if tokenizer else "") + "---|")
    worst = 0
    for number in range(1, facts.k + 1):
        contexts = contexts_for(facts, rules, number)
        rows = [(f"klaster {number}", library.render("cluster", contexts["cluster"]), "cluster")]
        if number == 1:
            rows.append(("ringkasan", library.render("summary", contexts["summary"]), "summary"))
        for name, messages, kind in rows:
            chars = sum(len(m["content"]) for m in messages)
            estimate = math.ceil(chars / CHARS_PER_TOKEN)
            worst = max(worst, estimate if kind == "cluster" else 0)
            real = f" {sum(tokenizer[1](m['content']) for m in messages)} |" if tokenizer else ""
            num_ctx = context_window(messages, library.parameters(kind)["max_tokens"])
            print(f"| {name} | {chars} | {math.ceil(chars / 4)} | {estimate} |{real} {num_ctx} |")
    print("target (<= 1 500 tokens per cluster prompt, chars/2.4 estimate):", "met" if worst <= 1500 else f"NOT met ({worst})")


if __name__ == "__main__":
    main()
