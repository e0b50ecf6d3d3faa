"""Recorded-response tests of the drafting chain (pytest-recording / vcrpy, one cassette per test).

Replayed with record mode "none" (pytest-recording's default): a request missing from a cassette
raises vcrpy's CannotOverwriteExistingCassetteException, which the chain never catches (it catches
only real provider errors), so the test fails instead of falling back; each test also asserts that
every recorded interaction was played.

The model replies in cassettes/ were written by us in the real APIs' response shapes (see
cassettes/README.md): with INTERPRET_RECORD_HANDWRITTEN=1 and `--record-mode=rewrite`, the scenario
servers below answer at the httpcore level, under vcrpy, so the SDKs run for real and the recording
goes through the same secret scrubbing as a recording against watsonx.ai would.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path

import httpcore
import pytest
import yaml

from interpret import resolve_settings, run_brief
from interpret.terms import Verdict

from .support import scrub, standin

ROOT = Path(__file__).resolve().parents[1]
CASSETTES = ROOT / "cassettes"
RECORD_HANDWRITTEN = os.environ.get("INTERPRET_RECORD_HANDWRITTEN") == "1"
WATSONX_URL = "https://us-south.ml.cloud.ibm.com"
# What a replay sends: no real key or project id (the recorded ones were scrubbed to these).
REPLAY_ENV = {"WATSONX_APIKEY": "replay-key", "WATSONX_PROJECT_ID": scrub.FAKE_PROJECT_ID, "WATSONX_URL": WATSONX_URL,
              "WATSONX_MODEL_ID": "ibm/granite-3-3-8b-instruct", "WATSONX_MAX_RETRIES": "1", "WATSONX_DELAY_TIME": "0.01"}  # as recorded
REAL_ENV_NAMES = ("WATSONX_APIKEY", "WATSONX_API_KEY", "WATSONX_PROJECT_ID", "WATSONX_URL")
RECORDING_FOR_REAL = False  # set per test: --record-mode other than "none", without INTERPRET_RECORD_HANDWRITTEN


@pytest.fixture(scope="module")
def vcr_config():
    return scrub.vcr_config()


@pytest.fixture(scope="module")
def vcr_cassette_dir():
    return str(CASSETTES)


@pytest.fixture(autouse=True)
def real_credentials_only_when_recording(record_mode, monkeypatch):
    """A replay never uses credentials from the environment (a real URL or key would not match)."""
    monkeypatch.setattr(sys.modules[__name__], "RECORDING_FOR_REAL", record_mode != "none" and not RECORD_HANDWRITTEN)


@pytest.fixture(autouse=True)
def few_sdk_retries(monkeypatch):
    """The SDK retries 5xx three times in its transport and 429/503 up to ten times with back-off:
    turn both down so a replayed error is played once (or as recorded) and nothing sleeps."""
    from ibm_watsonx_ai._wrappers.httpx.retry_transport import factories

    monkeypatch.setattr(factories, "TRANSPORT_RETRIES", 0)
    monkeypatch.setenv("WATSONX_MAX_RETRIES", "1")
    monkeypatch.setenv("WATSONX_DELAY_TIME", "0.01")


@pytest.fixture(scope="module")
def default_facts():
    """The default data's facts and rules, computed once (the drafting stage is what these tests exercise)."""
    from interpret.data import load_dataset
    from interpret.pipeline import stage_cluster
    from interpret.rules import load_rules

    from .conftest import MEAN_REFERENCE_SPEC

    settings = resolve_settings({}, environ={}, dotenv_path=None)
    # the replies were written against the plain-mean reference's facts: the prompts (matched on body) keep them
    _, facts = stage_cluster(load_dataset(None, MEAN_REFERENCE_SPEC), settings)
    return facts, load_rules(None)


def draft_and_verify(default_facts, settings, say=None):
    """stage_draft then stage_verify, as run_brief calls them."""
    from interpret.pipeline import stage_draft, stage_verify

    facts, rules = default_facts
    drafts = stage_draft(facts, rules, settings, say)
    drafts, body, verification, _ = stage_verify(facts, drafts)
    return drafts, body, verification


def llm_settings(tmp_path, **cli):
    env = {n: os.environ[n] for n in REAL_ENV_NAMES if os.environ.get(n)} if RECORDING_FOR_REAL else dict(REPLAY_ENV)
    cli.setdefault("out", tmp_path / "out")
    cli.setdefault("llm_cache_dir", tmp_path / "cache")
    cli.setdefault("pdf", "off")  # the PDF (issue 6) is not what these tests are about, and it is slow
    cli.setdefault("spec", ROOT / "tests" / "corpus" / "ipm_2023_mean_reference.toml")  # the cassettes' fact base
    return resolve_settings(cli, environ=env, dotenv_path=None)


def assert_fully_played(cassette) -> None:
    if cassette.record_mode == "none":
        assert cassette.all_played, f"{cassette._path}: {len(cassette.data) - cassette.play_count} recorded interaction(s) not played"
    else:
        assert len(cassette.data) > 0


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- the hand-written scenario servers (used only when recording with INTERPRET_RECORD_HANDWRITTEN=1) --
SIGNED_LOOKING_JWT = scrub._b64({"alg": "RS256", "kid": "20261101"}) + "." + scrub._b64(
    {"iam_id": "iam-ServiceId-1234", "exp": 4102444800, "iat": 1795000000}
) + "." + "S" * 342  # what IAM returns looks like this; the scrubber must replace it


def _json_response(status: int, body: dict, extra_headers=()) -> httpcore.Response:
    content = json.dumps(body, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(content)).encode())] + list(extra_headers)
    return httpcore.Response(status, headers=headers, content=content)


def _section_of(messages: list[dict]) -> str:
    data = standin.data_blocks(messages)[0]
    return f"klaster-{data['klaster']}" if isinstance(data.get("klaster"), int) else "ringkasan"


class FakeAPIs:
    """watsonx.ai (IAM + chat) and Ollama, answering with the stand-in's drafts unless a scenario
    hook changes the answer: `chat(section, messages, attempt) -> (status, text)`."""

    def __init__(self, chat=None, ollama: str = "up"):
        self.chat = chat or (lambda section, messages, attempt: (200, standin.answer(messages)))
        self.ollama = ollama
        self.attempts: dict[str, int] = {}

    def __call__(self, pool, request: httpcore.Request) -> httpcore.Response:
        url = request.url
        host, path = url.host.decode(), url.target.decode().split("?")[0]
        body = b"".join(request.stream)
        if host == "iam.cloud.ibm.com":
            return _json_response(
                200,
                {"access_token": SIGNED_LOOKING_JWT, "refresh_token": "OKBnZXJhbmQtcmVmcmVzaC10b2tlbi1ub3QtcmVhbA", "token_type": "Bearer",
                 "expires_in": 3600, "expiration": 4102444800, "scope": "ibm openid"},
                [(b"set-cookie", b"sessioncookie=abc123; Path=/; Secure")],
            )
        if path.endswith("/ml/v1/text/chat"):
            payload = json.loads(body)
            section = _section_of(payload["messages"])
            key = f"{section}:{len(payload['messages'])}"
            attempt = self.attempts[key] = self.attempts.get(key, 0) + 1
            status, text = self.chat(section, payload["messages"], attempt)
            if status != 200:
                return _json_response(status, {"errors": [{"code": "server_error" if status >= 500 else "too_many_requests",
                                                           "message": text}], "trace": "0000", "status_code": status})
            return _json_response(200, standin.watsonx_chat_response(payload["model_id"], text, payload["messages"]))
        if host in ("127.0.0.1", "localhost"):
            if self.ollama == "down":
                raise httpcore.ConnectError("[Errno 111] Connection refused")
            if path == "/api/tags":
                return _json_response(200, standin.ollama_tags(["granite3.3:8b"]))
            payload = json.loads(body)
            lines = standin.ollama_chat_lines(payload["model"], standin.answer(payload["messages"]), payload["messages"])
            content = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-8")
            return httpcore.Response(200, headers=[(b"content-type", b"application/x-ndjson")], content=content)
        raise AssertionError(f"unexpected request in a hand-written scenario: {request.method!r} {url}")


@pytest.fixture
def scenario(monkeypatch):
    """Install a scenario server under vcrpy when (re)writing the hand-written cassettes."""

    def install(fake: FakeAPIs) -> FakeAPIs:
        if RECORD_HANDWRITTEN:
            monkeypatch.setattr(httpcore.ConnectionPool, "handle_request", lambda pool, request: fake(pool, request))
        return fake

    return install


def cassette_requests(name: str) -> list[dict]:
    data = yaml.safe_load((CASSETTES / name).read_text(encoding="utf-8"))
    return [i["request"] for i in data["interactions"]]


# -- the tests -----------------------------------------------------------------------------------
@pytest.mark.vcr
def test_watsonx_happy_path_default_data(tmp_path, vcr, scenario):
    scenario(FakeAPIs())
    brief = run_brief(llm_settings(tmp_path, provider="watsonx"))
    assert_fully_played(vcr)
    assert [(s.section, s.provider) for s in brief.drafts.sources] == [
        ("klaster-1", "watsonx"), ("klaster-2", "watsonx"), ("klaster-3", "watsonx"), ("klaster-4", "watsonx"), ("ringkasan", "watsonx")
    ]
    assert {s.model for s in brief.drafts.sources} == {"ibm/granite-3-3-8b-instruct"}
    assert brief.verification.counts[Verdict.FALSE] == 0
    # The drafts came from the cassette: the stand-in's labels, not the rule-based ones.
    assert brief.drafts.cluster(1).label == "Pembangunan manusia paling maju"
    assert "## Klaster 1: Pembangunan manusia paling maju" in brief.markdown
    # Structured output: the flat answer schema went to watsonx as response_format; the drafts cite facts by ID.
    pairs = [(json.loads(q.body), a) for q, a in zip(vcr.requests, vcr.responses) if q.path.endswith("/ml/v1/text/chat")]
    assert len(pairs) == 5
    assert all(q["response_format"]["type"] == "json_schema" and "$defs" not in json.dumps(q["response_format"]) for q, _ in pairs)
    replies = [json.loads(a["body"]["string"])["choices"][0]["message"]["content"] for _, a in pairs]
    assert all("{K" in r or "{DATA." in r for r in replies)
    llm = json.loads((brief.out_dir / "result.json").read_text(encoding="utf-8"))["llm"]
    assert llm["totals"]["model_calls"] == 5 and llm["totals"]["total_tokens"] > 0
    assert all(c["provider"] == "watsonx" and not c["cached"] and c["total_tokens"] > 0 for c in llm["calls"])


@pytest.mark.vcr
def test_watsonx_429_then_success(tmp_path, vcr, scenario, default_facts):
    def chat(section, messages, attempt):
        if section == "klaster-1" and attempt == 1:
            return 429, "Rate limit exceeded: too many requests"
        return 200, standin.answer(messages)

    scenario(FakeAPIs(chat))
    drafts, _, _ = draft_and_verify(default_facts, llm_settings(tmp_path, provider="watsonx"))
    assert_fully_played(vcr)
    assert [r["status"]["code"] for r in vcr.responses].count(429) == 1
    assert {s.provider for s in drafts.sources} == {"watsonx"}  # the SDK's own retry absorbed the 429
    assert all(not s.notes for s in drafts.sources)


@pytest.mark.vcr
def test_watsonx_500_falls_back_to_ollama(tmp_path, vcr, scenario, default_facts):
    scenario(FakeAPIs(lambda section, messages, attempt: (500, "Internal Server Error")))
    # as recorded: every section asks watsonx once (the circuit breaker, tests/test_llm_wire.py, would stop after 3)
    settings = llm_settings(tmp_path, provider="auto", ollama_url="http://127.0.0.1:11434", llm_max_failures=10)
    drafts, _, verification = draft_and_verify(default_facts, settings)
    assert_fully_played(vcr)
    assert {s.provider for s in drafts.sources} == {"ollama"}
    assert {s.model for s in drafts.sources} == {"granite3.3:8b"}
    for source in drafts.sources:
        assert any(n.startswith("gagal: watsonx") and "500" in n for n in source.notes), source.notes
    assert verification.counts[Verdict.FALSE] == 0


@pytest.mark.vcr(ignore_localhost=True)
def test_both_down_falls_back_to_rule_based(tmp_path, vcr, scenario, default_facts):
    port = closed_port()  # Ollama "down" for real: nothing listens there (localhost is not recorded)
    scenario(FakeAPIs(lambda section, messages, attempt: (500, "Internal Server Error"), ollama="down"))
    said = []
    settings = llm_settings(tmp_path, provider="auto", ollama_url=f"http://127.0.0.1:{port}", llm_max_failures=10)
    drafts, _, verification = draft_and_verify(default_facts, settings, lambda s, m: said.append((s, m)))
    assert_fully_played(vcr)
    assert {s.provider for s in drafts.sources} == {"rule-based"}
    reasons = [m for s, m in said if s == "llm"]
    assert len(reasons) == 1 and "watsonx gagal" in reasons[0] and "ollama dilewati" in reasons[0] and "rule-based" in reasons[0]
    assert drafts.llm["chain"][1]["status"].startswith("dilewati")
    assert verification.counts[Verdict.FALSE] == 0


@pytest.mark.vcr
def test_malformed_json_is_repaired(tmp_path, vcr, scenario, default_facts):
    def chat(section, messages, attempt):
        good = standin.answer(messages)
        if section == "klaster-1" and len(messages) == 2:
            return 200, "Berikut draf JSON-nya:\n```json\n" + good[: len(good) // 2]  # cut off: not JSON
        if section == "klaster-2":  # valid, but fenced and followed by prose: parsed without a repair
            return 200, "```json\n" + good + "\n```\nSemoga membantu!"
        return 200, good

    scenario(FakeAPIs(chat))
    drafts, _, _ = draft_and_verify(default_facts, llm_settings(tmp_path, provider="watsonx"))
    assert_fully_played(vcr)
    sources = {s.section: s for s in drafts.sources}
    assert sources["klaster-1"].provider == "watsonx"
    assert any("perbaikan JSON 1" in n for n in sources["klaster-1"].notes)
    assert sources["klaster-2"].provider == "watsonx" and not sources["klaster-2"].notes
    repair = [json.loads(r.body) for r in vcr.requests if r.path.endswith("/text/chat") and len(json.loads(r.body)["messages"]) == 4]
    assert len(repair) == 1 and "tidak dapat dipakai" in repair[0]["messages"][-1]["content"]
    assert [c["purpose"] for c in drafts.llm["calls"] if c["section"] == "klaster-1"] == ["draft", "perbaikan-json-1"]


@pytest.mark.vcr
def test_wrong_number_is_caught_and_repaired(tmp_path, vcr, scenario, default_facts):
    def chat(section, messages, attempt):
        good = standin.answer(messages)
        if section == "klaster-2" and len(messages) == 2:
            return 200, good.replace("{K2.UHH.mean}", "{K3.UHH.mean}")  # cites cluster 3's mean (74,15 tahun) as its own
        return 200, good

    scenario(FakeAPIs(chat))
    drafts, body, verification = draft_and_verify(default_facts, llm_settings(tmp_path, provider="watsonx"))
    assert_fully_played(vcr)
    source = next(s for s in drafts.sources if s.section == "klaster-2")
    assert source.provider == "watsonx"
    assert any("perbaikan fakta 1" in n and "'74,15' (salah; fakta K2.UHH." in n for n in source.notes), source.notes
    repair = [json.loads(r.body) for r in vcr.requests if r.path.endswith("/text/chat") and len(json.loads(r.body)["messages"]) == 4]
    assert len(repair) == 1
    prompt = repair[0]["messages"][-1]["content"]
    quoted = json.loads(prompt.split("<data>")[1].split("</data>")[0])  # each failing claim with the fact it should match
    assert {(c["angka_ditulis"], c["putusan"]) for c in quoted} == {("74,15", "salah")}
    # bound to the fact the sentence is about (K2.UHH.mean), never to the nearest number of another fact
    assert all(c["id_fakta"] == "K2.UHH.mean" and c["teks_fakta"] == "72,32 tahun" and c["tindakan"] == "perbaiki"
               and "74,15 tahun" in c["kalimat"] for c in quoted)
    assert "{id_fakta}" in prompt  # the model is asked to cite the bound fact's ID, not to copy a number
    assert "74,15" not in " ".join(drafts.cluster(2).karakteristik) and verification.counts[Verdict.FALSE] == 0


@pytest.mark.vcr
def test_second_identical_run_makes_no_model_calls(tmp_path, vcr, scenario, default_facts):
    from interpret.llm import draft_with_chain

    scenario(FakeAPIs())
    facts, rules = default_facts
    settings = llm_settings(tmp_path, provider="watsonx")
    first = draft_with_chain(facts, rules, settings)
    played = vcr.play_count
    second = draft_with_chain(facts, rules, settings)
    assert_fully_played(vcr)
    assert vcr.play_count == played  # not one more request, not even the IAM token
    assert first.llm["totals"]["model_calls"] == 5
    assert second.llm["totals"]["model_calls"] == 0 and second.llm["totals"]["cached_calls"] == 5
    assert [d.model_dump() for d in second.clusters] == [d.model_dump() for d in first.clusters]
    assert second.summary == first.summary


def test_prompts_render_equals_the_recorded_request(tmp_path):
    from typer.testing import CliRunner

    from interpret.cli import app

    spec = str(ROOT / "tests" / "corpus" / "ipm_2023_mean_reference.toml")  # the cassette's fact base
    result = CliRunner().invoke(app, ["prompts", "render", "cluster", "--cluster", "2", "--spec", spec])
    assert result.exit_code == 0, result.output
    rendered = json.loads(result.stdout)
    recorded = [json.loads(r["body"])["messages"] for r in cassette_requests("test_watsonx_happy_path_default_data.yaml")
                if r["uri"].split("?")[0].endswith("/ml/v1/text/chat")]
    assert rendered in recorded


def test_cassettes_hold_no_secrets():
    files = sorted(CASSETTES.glob("*.yaml"))
    assert len(files) >= 7
    hook = __import__("re").compile(r"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{40,}|apikey=[A-Za-z0-9_-]{20,}|Bearer [A-Za-z0-9._-]{40,}")
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert scrub.secret_findings(text) == [], path.name
        assert not hook.search(text), path.name
        assert "REDACTED" in text or "127.0.0.1" in text, path.name  # the IAM form body and the bearer header were scrubbed
