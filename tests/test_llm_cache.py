"""The response cache (interpret/llm/cache.py) and `interpret cache info|clear`: keyed on the endpoint
too, only accepted answers stored, bounded with LRU eviction, a lock so concurrent runs call once."""

from __future__ import annotations

import os
import threading
import time

import pytest
from typer.testing import CliRunner

from interpret import resolve_settings
from interpret.llm import draft_with_chain
from interpret.llm.cache import ResponseCache, cache_info, cache_key, clear_cache
from interpret.llm.providers import ProviderFailure, Reply

from .support import standin


class Provider:
    def __init__(self, name="ollama", endpoint="http://a:11434", answer=None, fail=None, delay=0.0):
        self.name, self.model, self.endpoint = name, "granite-test", endpoint
        self.answer = answer or standin.answer
        self.fail, self.delay = fail, delay
        self.sent: list = []
        self._lock = threading.Lock()

    def unavailable(self):
        return None

    def invoke(self, messages, parameters):
        with self._lock:
            self.sent.append(messages)
        if self.delay:
            time.sleep(self.delay)
        if self.fail:
            raise ProviderFailure(f"{self.name}: {self.fail}")
        return Reply(self.answer(messages), {"prompt_tokens": 10, "completion_tokens": 2, "total_tokens": 12}, 0.0)


@pytest.fixture(scope="module")
def default_facts():
    from interpret.data import load_dataset
    from interpret.pipeline import stage_cluster
    from interpret.rules import load_rules

    _, facts = stage_cluster(load_dataset(None, None), resolve_settings({}, environ={}, dotenv_path=None))
    return facts, load_rules(None)


def settings_for(tmp_path, **cli):
    cli.setdefault("llm_cache_dir", tmp_path / "cache")
    return resolve_settings(cli, environ={}, dotenv_path=None)


def answers_in(directory) -> int:
    return sum(1 for p in directory.glob("*/*.json") if '"text"' in p.read_text(encoding="utf-8"))


def test_the_key_includes_the_endpoint_so_two_servers_never_share_answers(tmp_path, default_facts):
    facts, rules = default_facts
    assert cache_key("ollama", "m", {}, [], "http://a:11434") != cache_key("ollama", "m", {}, [], "http://b:11434")
    first, other_host = Provider(endpoint="http://a:11434"), Provider(endpoint="http://b:11434")
    draft_with_chain(facts, rules, settings_for(tmp_path), providers=[first])
    draft_with_chain(facts, rules, settings_for(tmp_path), providers=[other_host])
    assert len(first.sent) == 5 and len(other_host.sent) == 5


def test_failures_and_invalid_answers_are_never_cached(tmp_path, default_facts):
    facts, rules = default_facts
    draft_with_chain(facts, rules, settings_for(tmp_path), providers=[Provider(fail="HTTPStatusError: 500")])
    draft_with_chain(facts, rules, settings_for(tmp_path, llm_repairs=1), providers=[Provider(answer=lambda m: "bukan JSON")])
    assert answers_in(tmp_path / "cache") == 0
    again = Provider(answer=lambda m: "bukan JSON")
    draft_with_chain(facts, rules, settings_for(tmp_path, llm_repairs=1), providers=[again])
    assert len(again.sent) == 10  # asked again: nothing invalid was kept


def test_a_repaired_answer_is_cached_under_the_first_prompt_so_a_rerun_makes_no_call(tmp_path, default_facts):
    facts, rules = default_facts

    def first_broken(messages):
        return "```json\n{\"klaster\": " if len(messages) == 2 else standin.answer(messages)

    first = Provider(answer=first_broken)
    drafts = draft_with_chain(facts, rules, settings_for(tmp_path), providers=[first])
    assert len(first.sent) == 10 and {s.provider for s in drafts.sources} == {"ollama"}
    assert answers_in(tmp_path / "cache") == 5  # one accepted answer per section, not the broken ones
    rerun = Provider(answer=first_broken)
    again = draft_with_chain(facts, rules, settings_for(tmp_path), providers=[rerun])
    assert rerun.sent == [] and again.llm["totals"]["cached_calls"] == 5
    assert [d.model_dump() for d in again.clusters] == [d.model_dump() for d in drafts.clusters]


def test_the_cache_is_bounded_and_evicts_the_least_recently_used(tmp_path):
    cache = ResponseCache(tmp_path / "c", max_entries=3)
    keys = [cache_key("p", "m", {}, [{"role": "user", "content": str(i)}]) for i in range(5)]
    for age, key in enumerate(keys):
        cache.put(key, {"text": key})
        stamp = 1_000_000 + age
        os.utime(cache._path(key), (stamp, stamp))
    assert cache.get(keys[0])["text"] == keys[0]  # the oldest, used again: now the most recent
    assert cache.evict() == 2
    assert [k for k in keys if cache.get(k)] == [keys[0], keys[3], keys[4]]


def test_two_concurrent_runs_call_the_model_once(tmp_path, default_facts):
    facts, rules = default_facts
    runs = [Provider(delay=0.3), Provider(delay=0.3)]
    threads = [threading.Thread(target=draft_with_chain, args=(facts, rules, settings_for(tmp_path)), kwargs={"providers": [p]}) for p in runs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert sum(len(p.sent) for p in runs) == 5  # each prompt once: the second run waited for the first's answer


def test_cache_info_and_clear_commands(tmp_path):
    from interpret.cli import app

    cache = ResponseCache(tmp_path / "c")
    for i in range(3):
        cache.put(cache_key("p", "m", {}, [{"role": "user", "content": str(i)}]), {"text": "x"})
    env = {"INTERPRET_LLM_CACHE_DIR": str(tmp_path / "c")}
    info = CliRunner().invoke(app, ["cache", "info"], env=env)
    assert info.exit_code == 0, info.output
    assert "3 jawaban" in info.output and str(tmp_path / "c") in info.output.replace("\n", "")
    assert cache_info(tmp_path / "c").entries == 3
    cleared = CliRunner().invoke(app, ["cache", "clear"], env=env)
    assert cleared.exit_code == 0 and "3 jawaban dihapus" in cleared.output
    assert cache_info(tmp_path / "c").entries == 0 and clear_cache(tmp_path / "c") == 0
