"""LLM drafting: Granite on watsonx.ai, then Granite on Ollama, then the rule-based drafter.

    from interpret.llm import draft_with_chain
    drafts = draft_with_chain(facts, rules, settings, say)

returns the same `Drafts` contract as the rule-based drafter, with a `SectionSource` per section
(provider, model, and notes saying why other providers were skipped and which repairs were made)
and token usage under `drafts.llm`. See docs/llm.md.

    drafter.py     the chain over the configured providers     chain.py    one section, with repairs
    providers/     the provider registry (one file each)       prompts.py  the prompt templates
    cache.py       the response cache                          tools.py    `interpret prompts …`
"""

from __future__ import annotations

_LAZY = {
    "draft_with_chain": "drafter",
    "build_providers": "providers",
    "PromptLibrary": "prompts",
    "ResponseCache": "cache",
}


def __getattr__(name: str):
    # `--provider` is validated against `interpret.llm.providers` at start-up, which runs this file:
    # the chain (pydantic, the verifier, the facts) loads only when a name below is first used.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = list(_LAZY)
