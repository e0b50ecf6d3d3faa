"""The drafting chain: for each section (one per cluster, then the executive summary) try the
providers in order, and fall back to the rule-based drafter.

Per provider and section: render the prompt → call (through the response cache) → parse and validate
the JSON against the contract → on invalid output, a repair prompt (bounded) → verify every number
and direction with the Verifier → on false or unverifiable claims, a repair prompt quoting each
claim and the correct fact (bounded) → else the next provider. Every section is drafted at the same
time (k + 1 calls at once by default, `llm_concurrency`): the summary from the facts, the rule-based
planner's decisions and the working labels, which are replaced by the final ones afterwards
(interpret.llm.plan), so it waits for no cluster.

Time and failures (the call path): the whole stage has one wall-clock deadline (`llm_deadline`):
each call runs in a daemon thread the chain abandons when the deadline passes (a hang, a dripping
answer, the SDK's retries: none outlives it), and a section not drafted by then is rule-based with a
note saying so. A provider that fails `llm_max_failures` times in a run, or answers in a way no retry
mends (401/403/404, an untrusted TLS certificate: `ProviderDisabled`), is skipped for the rest of the
run. The cache stores a section's answer only once it was accepted (under the key of the section's
first prompt, so a rerun is served without a call), and a file lock on that key makes two concurrent
runs call the model once.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from contextlib import ExitStack
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from pydantic import BaseModel

from ..drafts import ANSWER_OF, ClusterDraft, Drafts, SectionSource, SummaryDraft
from ..facts import Facts
from ..errors import TemplateError
from ..progress import Note, redacted
from ..redaction import redact
from ..verification import Verifier
from ..verification.repair import describe_for_provider, provider_repair_claims, repair_action
from .cache import ResponseCache, cache_key
from .context import prompt_language, cluster_context, summary_context
from .parsing import ContractViolation, DraftProblem, contract_problems, flat_schema, parse_answer
from .plan import cluster_plans, relabel, sector_problem, with_parts
from .prompts import PromptLibrary
from .providers import Provider, ProviderFailure, ProviderUnavailable
from .providers._base import ProviderDisabled


class DraftRejected(Exception):
    """The provider answered, but no answer survived the bounded repairs."""


class DeadlineReached(Exception):
    """The drafting stage's deadline passed: this section is rule-based, no provider is asked."""


@dataclass
class SectionResult:
    draft: BaseModel | None
    provider: Provider | None
    notes: list[str] = field(default_factory=list)


class Chain:
    def __init__(self, facts: Facts, sectors: list[str], providers: list[Provider], library: PromptLibrary,
                 cache: ResponseCache, *, repairs: int = 2, concurrency: int = 0, deadline: float = 120.0, max_failures: int = 3,
                 decisions=None):
        self.facts = facts
        self.decisions = decisions  # the rules file's [keputusan]: the summary's priorities, also when a model drafts it
        self.sectors = list(sectors)
        self.providers = providers
        self.library = library
        self.cache = cache
        self.repairs = repairs
        self.concurrency = max(0, concurrency)  # 0: one call per section at once (k + 1)
        self.plans: dict[int, list] = {}
        self.fact_ids = set(facts.index)
        self.deadline_seconds = deadline
        self.deadline = time.monotonic() + deadline  # reset when run() starts
        self.max_failures = max(1, max_failures)
        self.failures: dict[str, int] = {}
        self.disabled: dict[str, str] = {}  # provider name -> why it is skipped for the rest of the run
        self.deadline_hit = False
        self.language = prompt_language()  # a cited fact's text is written in the prompts' language
        self.calls: list[dict] = []
        self.skipped: dict[str, str] = {}  # provider name -> first reason it was skipped or failed
        self.skip_codes: dict[str, tuple[str, str]] = {}  # the same as (code, detail): the console words it (console.toml [note] provider_<code>)
        self._lock = threading.Lock()
        self._local = threading.local()
        # One Verifier for every section, used under a lock: it keeps state while it verifies, and the
        # drafts' checks are CPU-bound Python, which threads would not run in parallel anyway; one per
        # thread rebuilt the lexicon, the consistency rules and the regular expressions k + 1 times at once.
        self._verifier: Verifier | None = None
        self._verify_lock = threading.Lock()
        self._facts_fingerprint = hashlib.sha256(
            json.dumps(sorted((f.id, f.text, f.cluster, f.feature, f.kind) for f in facts.index.values()), default=str).encode()
        ).hexdigest()

    # -- one model call, through the cache, bounded by the deadline ------------------------------
    def call(self, provider: Provider, messages: list[dict], parameters: dict, section: str, purpose: str) -> str:
        key = cache_key(provider.name, provider.model, parameters, messages, getattr(provider, "endpoint", ""))
        conversation = self._local.__dict__.setdefault("conversation", {})
        if conversation.get("first_key") is None and "stack" in conversation:
            conversation["first_key"] = key  # the section's first prompt: locked until its answer is accepted
            conversation["stack"].enter_context(self.cache.lock(key, timeout=self.remaining()))
        hit = self.cache.get(key)
        if hit is not None and isinstance(hit.get("text"), str):
            self._record(section, provider, purpose, True, hit.get("usage", {}), 0.0)
            conversation["last"] = hit
            return hit["text"]
        if self.remaining() <= 0:
            raise DeadlineReached()
        reason = provider.unavailable()
        if reason:
            raise ProviderUnavailable(reason)
        reply = self._invoke_before_deadline(provider, messages, parameters)
        conversation["last"] = {"provider": provider.name, "model": provider.model, "endpoint": getattr(provider, "endpoint", ""),
                                "parameters": parameters, "text": reply.text, "usage": reply.usage}
        self._record(section, provider, purpose, False, reply.usage, reply.seconds)
        return reply.text

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def _invoke_before_deadline(self, provider: Provider, messages: list[dict], parameters: dict):
        """The call in a daemon thread, abandoned at the deadline: a hang or a dripping answer costs
        at most the time left (the abandoned thread ends with its socket's timeout, or with the process)."""
        box: dict = {}
        done = threading.Event()

        def work() -> None:
            try:
                box["reply"] = provider.invoke(messages, parameters)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread as it is
                box["error"] = exc
            finally:
                done.set()

        threading.Thread(target=work, name=f"interpret-llm-{provider.name}", daemon=True).start()
        if not done.wait(max(0.0, self.remaining())):
            raise DeadlineReached()
        if "error" in box:
            raise box["error"]
        return box["reply"]

    def _record(self, section, provider, purpose, cached, usage, seconds) -> None:
        with self._lock:
            self.calls.append(
                {
                    "section": section, "provider": provider.name, "model": provider.model, "purpose": purpose, "cached": cached,
                    "prompt_tokens": int(usage.get("prompt_tokens", 0)), "completion_tokens": int(usage.get("completion_tokens", 0)),
                    "total_tokens": int(usage.get("total_tokens", 0)), "seconds": round(seconds, 3),
                }
            )

    # -- one section with one provider ----------------------------------------------------------
    def failing_claims(self, draft: BaseModel, number: int | None) -> list:
        if isinstance(draft, ClusterDraft):
            texts = [draft.label, *draft.karakteristik, *(r.teks for r in draft.rekomendasi)]
            section = f"Klaster {number}"
        else:
            texts = [*draft.ringkasan, *draft.kesimpulan]
            section = "Ringkasan eksekutif"
        # A draft that passed against these very facts before (a rerun) need not be verified again;
        # the pipeline's stage_verify checks the whole brief regardless.
        passed_key = "verified:" + hashlib.sha256(f"{self._facts_fingerprint}|{section}|{draft.model_dump_json()}".encode()).hexdigest()
        if self.cache.get(passed_key) is not None:
            return []
        failing = []
        with self._verify_lock:
            if self._verifier is None:
                self._verifier = Verifier(self.facts)
            for text in texts:
                report = self._verifier.verify_text(text, section=section, cluster=number)
                failing.extend(c for c in report.claims if repair_action(c, provider_can_repair=True) is not None)
        if not failing:
            self.cache.put(passed_key, {"verified": True})
        return failing

    def parameters(self, kind: str, model: type[BaseModel]) -> dict:
        """A prompt's model parameters plus `json_schema`, the flat answer schema a provider may enforce
        (Ollama `format`, watsonx `response_format`); the cache key covers it."""
        return {**self.library.parameters(kind), "json_schema": flat_schema(ANSWER_OF[model])}

    def draft_with(self, provider: Provider, kind: str, number: int | None, context: dict, model: type[BaseModel],
                   history: list[str]) -> BaseModel:
        section = f"klaster-{number}" if number else "ringkasan"
        messages = self.library.render(kind, context)
        text = self.call(provider, messages, self.parameters(kind, model), section, "draft")
        json_repairs = fact_repairs = contract_repairs = 0
        while True:
            try:
                draft = parse_answer(text, model, self.facts, self.language)
                problems = contract_problems(draft, number=number, sectors=self.sectors, fact_ids=self.fact_ids)
                if number is not None and self.plans.get(number):
                    off_plan = sector_problem(draft, self.plans[number], self.language_contract("plan_sectors"))
                    problems += [off_plan] if off_plan else []
                if problems:
                    raise DraftProblem("; ".join(problems))
            except DraftProblem as problem:
                # A content violation (a typed number, an unknown ID, a meta sentence, an oversize answer) gets
                # one repair turn naming it; a model that breaks the contract twice is not asked again.
                violation = isinstance(problem, ContractViolation)
                if json_repairs >= self.repairs or (violation and contract_repairs >= 1):
                    why = problem.note if violation else problem
                    raise DraftRejected(Note.of("source_invalid_answer", provider=provider.name, repairs=json_repairs, why=redact(str(why)))) from None
                json_repairs += 1
                contract_repairs += violation
                history.append(Note.of("source_json_repair", provider=provider.name, repair=json_repairs, why=redact(str(problem.note if violation else problem))))
                messages = messages + [{"role": "assistant", "content": text}]
                messages += self.library.render("repair_json", {**context, "problem": str(problem)})
                text = self.call(provider, messages, self.parameters("repair_json", model), section, f"perbaikan-json-{json_repairs}")
                continue
            failing = self.failing_claims(draft, number)
            if not failing:
                return draft
            quoted = describe_for_provider(failing)
            if fact_repairs >= self.repairs:
                raise DraftRejected(Note.of("source_claims_failing", provider=provider.name, n=len(failing), repairs=fact_repairs, claims=redact(quoted)))
            fact_repairs += 1
            history.append(Note.of("source_fact_repair", provider=provider.name, repair=fact_repairs, claims=redact(quoted)))
            claims = provider_repair_claims(failing)
            messages = messages + [{"role": "assistant", "content": text}]
            messages += self.library.render("repair_facts", {**context, "claims": claims})
            text = self.call(provider, messages, self.parameters("repair_facts", model), section, f"perbaikan-fakta-{fact_repairs}")

    def draft_accepted(self, provider: Provider, kind: str, number: int | None, context: dict, model: type[BaseModel],
                       history: list[str]) -> BaseModel:
        """draft_with, holding the lock of the section's first prompt; the accepted answer is cached
        under that prompt's key (failures and invalid answers never are)."""
        with ExitStack() as stack:
            self._local.conversation = {"stack": stack, "first_key": None}
            try:
                draft = self.draft_with(provider, kind, number, context, model, history)
                accepted = self._local.conversation
                if accepted.get("first_key") and accepted.get("last"):
                    self.cache.put(accepted["first_key"], accepted["last"])
                return draft
            finally:
                self._local.conversation = {}

    def section(self, kind: str, number: int | None, context: dict, model: type[BaseModel]) -> SectionResult:
        notes: list[str] = []
        for provider in self.providers:
            if provider.name in self.disabled:
                notes.append(Note.of("source_skipped", reason=redacted(self.disabled[provider.name])))
                continue
            try:
                draft = self.draft_accepted(provider, kind, number, context, model, notes)
                return SectionResult(draft, provider, [redacted(n) for n in notes])
            except DeadlineReached:
                notes.append(Note.of("source_deadline", seconds=f"{self.deadline_seconds:g}"))
                self.deadline_hit = True
                self._skip(provider, f"tenggat habis ({self.deadline_seconds:g} s)", "deadline", f"{self.deadline_seconds:g} s")
                break
            except ProviderUnavailable as exc:
                notes.append(Note.of("source_skipped", reason=redacted(exc)))
                self._skip(provider, f"dilewati ({exc})", "skipped", exc)
            except ProviderFailure as exc:
                notes.append(Note.of("source_failed", reason=redacted(exc)))
                self._skip(provider, f"gagal ({exc})", "failed", exc)
                self._count_failure(provider, exc)
            except DraftRejected as exc:
                notes.append(Note.of("source_rejected", reason=redacted(exc)))
                self._skip(provider, f"ditolak ({exc})", "rejected", exc)
            except TemplateError as exc:
                # A broken prompt copy (a misspelled role, a bad parameter) fails for every provider alike: the
                # section is rule-based, and `interpret prompts check` names the file for the prompt author.
                notes.append(Note.of("source_template", reason=redacted(exc)))
                self._skip(provider, f"templat prompt tidak sah ({exc})", "template", exc)
                break
        return SectionResult(None, None, [redacted(n) for n in notes])

    def _count_failure(self, provider: Provider, exc: ProviderFailure) -> None:
        """The circuit breaker: a disabling failure at once, any other after `max_failures`."""
        with self._lock:
            self.failures[provider.name] = count = self.failures.get(provider.name, 0) + 1
            if provider.name in self.disabled:
                return
            if isinstance(exc, ProviderDisabled):
                self.disabled[provider.name] = Note.of("source_disabled", reason=redacted(exc))
            elif count >= self.max_failures:
                self.disabled[provider.name] = Note.of("source_disabled_after", provider=provider.name, count=count)

    def _skip(self, provider: Provider, reason: str, code: str, detail) -> None:
        """The chain's status line of a provider (result.json `llm.chain[].status`), and its code and
        detail (`code`, `detail`: the console's "llm:" line, worded in the run's language)."""
        reason = redact(reason.replace(f"({provider.name}: ", "(", 1))
        said = detail.args[0] if isinstance(detail, Exception) and detail.args else detail
        # A provider's reason as a Note (interpret.progress.reason) keeps its key: the console words it.
        detail = said.values["reason"] if isinstance(said, Note) and said.key == "prefixed" else redact(str(detail).removeprefix(f"{provider.name}: "))
        with self._lock:
            self.skipped.setdefault(provider.name, reason)
            self.skip_codes.setdefault(provider.name, (code, detail))

    def language_contract(self, key: str) -> str:
        from ..verification.lexicon import load_lexicon
        from .parsing import CONTRACT_LANGUAGE

        return load_lexicon(CONTRACT_LANGUAGE).contract[key]

    # -- the whole set ----------------------------------------------------------------------------
    def run(self, rule_based: Drafts, rules_model: str) -> Drafts:
        from ..drafting import summary_draft as rule_based_summary

        self.deadline = time.monotonic() + self.deadline_seconds
        provisional = {d.klaster: d.label for d in rule_based.clusters}
        self.plans = cluster_plans(rule_based, self.language)
        numbers = [c.number for c in self.facts.clusters]

        def one(number: int | None) -> SectionResult:
            if number is None:  # the summary, from the planner's labels and sectors: it waits for no cluster
                context = summary_context(self.facts, self.sectors, rule_based.clusters, self.decisions)
                return self.section("summary", None, context, SummaryDraft)
            context = cluster_context(self.facts, number, self.sectors, provisional, self.plans.get(number))
            return self.section("cluster", number, context, ClusterDraft)

        self.library.compile_all()  # once, here: threads compiling the same templates would race for the GIL
        sections = [*numbers, None]
        workers = len(sections) if self.concurrency == 0 else min(self.concurrency, len(sections))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="interpret-llm") as pool:
            *results, summary_result = list(pool.map(one, sections))

        clusters: list[ClusterDraft] = []
        sources: list[SectionSource] = []
        for number, result in zip(numbers, results):
            if result.draft is None:
                clusters.append(rule_based.cluster(number))
                sources.append(SectionSource(f"klaster-{number}", "rule-based", rules_model, result.notes))
            else:
                clusters.append(with_parts(result.draft, self.plans.get(number, [])))
                sources.append(SectionSource(f"klaster-{number}", result.provider.name, result.provider.model, result.notes))
        clusters = distinct_labels(clusters, provisional, sources)

        if summary_result.draft is None:
            summary = rule_based_summary(self.facts, clusters, decisions=self.decisions)
            sources.append(SectionSource("ringkasan", "rule-based", rules_model, summary_result.notes))
        else:
            summary = relabel(summary_result.draft, provisional, {d.klaster: d.label for d in clusters})
            sources.append(SectionSource("ringkasan", summary_result.provider.name, summary_result.provider.model, summary_result.notes))
        return Drafts(clusters=clusters, summary=summary, sources=sources)

    def usage(self) -> dict:
        live = [c for c in self.calls if not c["cached"]]
        totals = {key: sum(c[key] for c in live) for key in ("prompt_tokens", "completion_tokens", "total_tokens")}
        return {
            "calls": sorted(self.calls, key=lambda c: (c["section"], c["purpose"], c["provider"])),
            "totals": {"model_calls": len(live), "cached_calls": len(self.calls) - len(live), **totals},
        }


def distinct_labels(clusters: list[ClusterDraft], provisional: dict[int, str], sources: list[SectionSource]) -> list[ClusterDraft]:
    """Two clusters with the same label: the later one takes its rule-based label (distinct by design)."""
    seen: set[str] = set()
    result = []
    for draft, source in zip(clusters, sources):
        label = draft.label
        if label.strip().lower() in seen:
            label = provisional[draft.klaster]
            if label.strip().lower() in seen:
                label = f"{label} (Klaster {draft.klaster})"[:80]
            source.notes.append(Note.of("source_label_renamed", old=draft.label, new=label))
            draft = draft.model_copy(update={"label": label})
        seen.add(label.strip().lower())
        result.append(draft)
    return result
