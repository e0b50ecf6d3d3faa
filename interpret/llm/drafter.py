"""Drafting with the provider chain (watsonx.ai, then Ollama, then the rule-based drafter).

    drafts = draft_with_chain(facts, rules, settings, say)

returns the same `Drafts` contract as the rule-based drafter, with a `SectionSource` per section
(provider, model, and notes saying why other providers were skipped and which repairs were made)
and token usage under `drafts.llm`. See docs/llm.md.
"""

from __future__ import annotations

from typing import Callable

from ..drafting import draft_rule_based
from ..drafts import Drafts
from ..progress import Note
from ..redaction import install_log_redaction, register_settings
from .cache import ResponseCache
from .chain import Chain
from .prompts import PromptLibrary
from .providers import Provider, build_providers


def draft_with_chain(facts, rules, settings, say: Callable[[str, str], None] | None = None, *,
                     providers: list[Provider] | None = None) -> Drafts:
    """Draft every section with the configured chain; never raises for a provider outage."""
    say = say or (lambda stage, message: None)
    install_log_redaction()  # before any SDK logs: its records never carry the key
    register_settings(settings)
    rule_based = draft_rule_based(facts, rules)
    rules_model = rule_based.sources[0].model
    providers = build_providers(settings) if providers is None else providers
    if not providers:
        rule_based.llm = {"provider": settings.provider, "chain": [], "calls": [], "totals": _empty_totals()}
        return rule_based
    library = PromptLibrary(settings.prompts)
    cache = ResponseCache(settings.llm_cache_dir, enabled=not settings.no_cache, max_entries=settings.llm_cache_max_entries)
    chain = Chain(facts, rules.book.sektor, providers, library, cache, repairs=settings.llm_repairs, concurrency=settings.llm_concurrency,
                  deadline=settings.llm_deadline, max_failures=settings.llm_max_failures, decisions=rules.book.keputusan)
    drafts = chain.run(rule_based, rules_model)
    cache.evict()

    used = {s.provider for s in drafts.sources}
    status = []
    for p in providers:
        if p.name in used:
            status.append({"provider": p.name, "model": p.model, "status": "dipakai", "code": "used", "detail": ""})
        else:
            code, detail = chain.skip_codes.get(p.name, ("unused", ""))
            status.append({"provider": p.name, "model": p.model, "status": chain.skipped.get(p.name, "tidak dipakai"), "code": code, "detail": detail})
    usage = chain.usage()
    drafts.llm = {"provider": settings.provider, "chain": status, "cache": "aktif" if cache.enabled else "nonaktif",
                  "deadline_s": settings.llm_deadline, "deadline_reached": chain.deadline_hit, **usage}
    unused = [Note.of(f"provider_{s['code']}", provider=s["provider"], detail=s["detail"]) for s in status if s["code"] != "used"]
    if unused:
        say("llm", Note.of("llm", providers=unused, writer=", ".join(sorted(used))))
    return drafts


def _empty_totals() -> dict:
    return {"model_calls": 0, "cached_calls": 0, "prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}


__all__ = ["draft_with_chain"]
