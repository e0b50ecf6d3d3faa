"""The providers on the wire (interpret/llm/providers/, the chain's call and failure path): TLS, reply
faults, the deadline and the circuit breaker, against stand-in servers on 127.0.0.1
(tests/support/wire_standin.py); the real SDKs run unchanged. No timing assertions: the deadline
tests assert that the deadline path was taken and how many calls were made."""

from __future__ import annotations

import json

import pytest

from interpret import resolve_settings
from interpret.llm import draft_with_chain
from interpret.terms import Verdict

from .support import wire_standin
from .support.wire_standin import clear_sdk_environment, closed_port, ollama_standin, routed, self_signed_cert, watsonx_standin

KEY = "canaryKEY0123456789abcdefghijklmnopqrstuvwxyzAB"
PROJECT = "1234abcd-1111-4222-8333-123456789abc"


@pytest.fixture(scope="module")
def default_facts():
    from interpret.data import load_dataset
    from interpret.pipeline import stage_cluster
    from interpret.rules import load_rules

    _, facts = stage_cluster(load_dataset(None, None), resolve_settings({}, environ={}, dotenv_path=None))
    return facts, load_rules(None)


@pytest.fixture(autouse=True)
def sdk_environment(monkeypatch):
    clear_sdk_environment(monkeypatch)


def wire_settings(tmp_path, env=None, **cli):
    cli.setdefault("llm_cache_dir", tmp_path / "cache")
    cli.setdefault("pdf", "off")
    cli.setdefault("out", tmp_path / "out")
    return resolve_settings(cli, environ=dict(env or {}), dotenv_path=None)


def watsonx_env(**extra):
    return {"WATSONX_APIKEY": KEY, "WATSONX_PROJECT_ID": PROJECT, "WATSONX_MAX_RETRIES": "0", "WATSONX_DELAY_TIME": "0.01", **extra}


def draft_and_verify(default_facts, settings, said=None):
    from interpret.pipeline import stage_draft, stage_verify

    facts, rules = default_facts
    drafts = stage_draft(facts, rules, settings, (lambda s, m: said.append((s, m))) if said is not None else None)
    drafts, body, verification, _ = stage_verify(facts, drafts)
    return drafts, body, verification


# -- TLS ------------------------------------------------------------------------------------------
def test_an_untrusted_certificate_never_receives_the_key_and_the_console_says_why(tmp_path, monkeypatch, default_facts):
    cert = self_signed_cert(tmp_path)
    said: list = []
    with watsonx_standin(cert) as mitm:
        routed(monkeypatch, mitm.port)
        settings = wire_settings(tmp_path, watsonx_env(OLLAMA_BASE_URL=f"http://127.0.0.1:{closed_port()}"))
        drafts, body, verification = draft_and_verify(default_facts, settings, said)
    assert mitm.received == []  # the handshake failed: not one request, so no key and no bearer token
    assert not mitm.saw(KEY) and not mitm.saw("Bearer")
    assert {s.provider for s in drafts.sources} == {"rule-based"}
    line = [m for s, m in said if s == "llm"]
    assert len(line) == 1 and "watsonx gagal" in line[0] and "TLS tidak terpercaya" in line[0] and KEY not in line[0]
    assert verification.counts[Verdict.FALSE] == 0 and KEY not in body


def test_a_ca_bundle_makes_the_same_server_trusted(tmp_path, monkeypatch, default_facts):
    cert = self_signed_cert(tmp_path)
    with watsonx_standin(cert) as server:
        routed(monkeypatch, server.port)
        settings = wire_settings(tmp_path, watsonx_env(WATSONX_CA_BUNDLE=str(cert[0])), provider="watsonx")
        drafts, _, verification = draft_and_verify(default_facts, settings)
    assert {s.provider for s in drafts.sources} == {"watsonx"}
    assert server.chats == 5 and server.saw(KEY)  # the key went to the server the bundle vouches for
    assert verification.counts[Verdict.FALSE] == 0


def test_requests_ca_bundle_is_the_second_name_and_cloud_pak_parameters_reach_the_credentials(tmp_path):
    from interpret.llm.providers import build_providers

    bundle = tmp_path / "ca.pem"
    bundle.write_text("x")
    settings = wire_settings(tmp_path, watsonx_env(REQUESTS_CA_BUNDLE=str(bundle), WATSONX_USERNAME="admin", WATSONX_INSTANCE_ID="openshift",
                                                   WATSONX_VERSION="5.1", WATSONX_URL="https://cpd.example.org"), provider="watsonx")
    credentials = build_providers(settings)[0].credentials()
    assert (credentials.verify, credentials.username, credentials.instance_id, credentials.version) == (str(bundle), "admin", "openshift", "5.1")
    plain = build_providers(wire_settings(tmp_path, watsonx_env(), provider="watsonx"))[0].credentials()
    assert plain.verify is True  # never None (the SDK's unverified fallback) and never False


# -- any reply is survivable --------------------------------------------------------------------------
@pytest.mark.parametrize("mode, why", [("no_choices", "tidak berbentuk jawaban chat"), ("length", "terpotong")])
def test_a_watsonx_reply_of_the_wrong_shape_falls_back(tmp_path, monkeypatch, default_facts, mode, why):
    cert = self_signed_cert(tmp_path)
    with watsonx_standin(cert, mode=mode) as server, ollama_standin() as ollama:
        routed(monkeypatch, server.port)
        settings = wire_settings(tmp_path, watsonx_env(WATSONX_CA_BUNDLE=str(cert[0]), OLLAMA_BASE_URL=ollama.url), llm_max_failures=10)
        drafts, _, verification = draft_and_verify(default_facts, settings)
    assert {s.provider for s in drafts.sources} == {"ollama"}
    assert all(any(n.startswith("gagal: watsonx") and why in n for n in s.notes) for s in drafts.sources)
    assert verification.counts[Verdict.FALSE] == 0


@pytest.mark.parametrize("mode, why", [("not_json", "tidak berbentuk jawaban chat"), ("wrong_shape", "tidak berbentuk jawaban chat"),
                                       ("length", "terpotong"), ("empty", "kosong")])
def test_an_ollama_reply_that_cannot_be_read_is_a_provider_failure(tmp_path, default_facts, mode, why):
    with ollama_standin(mode) as server:
        settings = wire_settings(tmp_path, {"OLLAMA_BASE_URL": server.url}, provider="ollama", llm_max_failures=10)
        drafts, _, verification = draft_and_verify(default_facts, settings)
    assert {s.provider for s in drafts.sources} == {"rule-based"}
    assert all(any(n.startswith("gagal: ollama") and why in n for n in s.notes) for s in drafts.sources), drafts.sources[0].notes
    assert server.chats == 5 and verification.counts[Verdict.FALSE] == 0


def test_a_misspelled_role_in_a_prompt_copy_is_a_provider_failure_not_a_crash(tmp_path, default_facts):
    import shutil
    from pathlib import Path

    prompts = tmp_path / "prompts"
    shutil.copytree(Path(__file__).resolve().parents[1] / "prompts", prompts)
    for toml in prompts.glob("*.toml"):
        toml.write_text(toml.read_text(encoding="utf-8").replace('role = "user"', 'role = "usr"'), encoding="utf-8")
    with ollama_standin() as server:
        settings = wire_settings(tmp_path, {"OLLAMA_BASE_URL": server.url}, provider="ollama", prompts=prompts)
        drafts, _, _ = draft_and_verify(default_facts, settings)
    if server.chats:  # the copy's roles were not where this test expects them: nothing was tested
        pytest.fail("the prompt copy still had valid roles")
    assert {s.provider for s in drafts.sources} == {"rule-based"}
    # the prompt library refuses the copy when it loads (`interpret prompts check` names it too): no model is asked
    assert any("role = 'usr' is not a chat role" in n for n in drafts.sources[0].notes), drafts.sources[0].notes


# -- the circuit breaker -------------------------------------------------------------------------------
def test_a_model_the_service_does_not_offer_is_asked_once_per_run(tmp_path, monkeypatch, default_facts):
    cert = self_signed_cert(tmp_path)
    with watsonx_standin(cert, mode="model_404") as server:
        routed(monkeypatch, server.port)
        settings = wire_settings(tmp_path, watsonx_env(WATSONX_CA_BUNDLE=str(cert[0])), provider="watsonx", llm_concurrency=1)
        drafts, _, _ = draft_and_verify(default_facts, settings)
    assert server.chats == 1  # 404 model-not-found: skipped for the rest of the run, not retried per section
    assert {s.provider for s in drafts.sources} == {"rule-based"}
    assert any("tidak dicoba lagi" in n for n in drafts.sources[-1].notes)


def test_a_provider_failing_n_times_is_skipped_for_the_rest_of_the_run(tmp_path, default_facts):
    with ollama_standin("not_json") as server:
        settings = wire_settings(tmp_path, {"OLLAMA_BASE_URL": server.url}, provider="ollama", llm_max_failures=2, llm_concurrency=1)
        drafts, _, _ = draft_and_verify(default_facts, settings)
    assert server.chats == 2
    assert {s.provider for s in drafts.sources} == {"rule-based"}
    assert drafts.sources[-1].notes == ["dilewati: ollama: gagal 2 kali; tidak dicoba lagi dalam run ini"]


@pytest.mark.parametrize("status", [503, 429])
def test_ollama_retries_a_busy_server_with_bounded_back_off(tmp_path, default_facts, status):
    with ollama_standin("busy_then_ok", busy=1, busy_status=status) as server:
        settings = wire_settings(tmp_path, {"OLLAMA_BASE_URL": server.url, "INTERPRET_OLLAMA_RETRIES": "2"}, provider="ollama", llm_concurrency=1)
        drafts, _, _ = draft_and_verify(default_facts, settings)
    assert {s.provider for s in drafts.sources} == {"ollama"}
    assert server.chats == 6  # one 503, its retry, and the four other sections


def test_a_persistent_429_costs_the_bounded_retries_then_the_circuit_breaker(tmp_path, monkeypatch, default_facts):
    """Before: 10 SDK retries per call, 55 requests. Now: WATSONX_MAX_RETRIES retries per call, and the
    provider is skipped after llm_max_failures failed calls; every section is rule-based, nothing false."""
    cert = self_signed_cert(tmp_path)
    with watsonx_standin(cert, mode="rate_limited") as server:
        routed(monkeypatch, server.port)
        settings = wire_settings(tmp_path, watsonx_env(WATSONX_CA_BUNDLE=str(cert[0]), WATSONX_MAX_RETRIES="1"), provider="watsonx",
                                 llm_concurrency=1, llm_max_failures=2)
        drafts, body, verification = draft_and_verify(default_facts, settings)
    assert server.chats == 2 * (1 + 1)  # two failed calls, each the first request and one retry; then no more
    assert {s.provider for s in drafts.sources} == {"rule-based"}
    assert drafts.sources[-1].notes == ["dilewati: watsonx: gagal 2 kali; tidak dicoba lagi dalam run ini"]
    assert body and verification.counts[Verdict.FALSE] == 0


def test_the_sdk_retries_come_from_a_dotenv_file(tmp_path):
    import os

    from interpret.llm.providers import build_providers

    dotenv = tmp_path / ".env"
    dotenv.write_text(f"WATSONX_APIKEY={KEY}\nWATSONX_PROJECT_ID={PROJECT}\nWATSONX_MAX_RETRIES=3\nWATSONX_DELAY_TIME=0.125\n", encoding="utf-8")
    settings = resolve_settings({"provider": "watsonx", "llm_cache_dir": tmp_path / "cache"}, environ={}, dotenv_path=dotenv)
    build_providers(settings)[0].sdk_retries()
    assert (os.environ["WATSONX_MAX_RETRIES"], os.environ["WATSONX_DELAY_TIME"]) == ("3", "0.125")  # the SDK reads os.environ only


def test_the_sdk_retries_come_from_our_settings(tmp_path, monkeypatch):
    import os

    from interpret.llm.providers import build_providers

    provider = build_providers(wire_settings(tmp_path, watsonx_env(WATSONX_MAX_RETRIES="4", WATSONX_DELAY_TIME="0.25"), provider="watsonx"))[0]
    provider.sdk_retries()
    assert (os.environ["WATSONX_MAX_RETRIES"], os.environ["WATSONX_DELAY_TIME"], os.environ["WX_CLIENT_VERIFY_REQUESTS"]) == ("4", "0.25", "True")


# -- the deadline -------------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["hang", "drip"])
def test_a_hang_or_a_dripping_answer_ends_at_the_deadline(tmp_path, default_facts, mode):
    with ollama_standin(mode) as server:
        settings = wire_settings(tmp_path, {"OLLAMA_BASE_URL": server.url}, provider="ollama", llm_deadline=1.0, llm_timeout=30)
        drafts, body, verification = draft_and_verify(default_facts, settings)
    assert {s.provider for s in drafts.sources} == {"rule-based"}
    assert drafts.llm["deadline_reached"] is True
    assert all(any("tenggat penyusunan LLM (1 s) habis" in n for n in s.notes) for s in drafts.sources)
    assert server.chats == 5  # every section's call started at once (the summary too); none came back before the deadline
    assert verification.counts[Verdict.FALSE] == 0 and "tenggat penyusunan LLM" not in body


def test_the_deadline_is_in_the_provenance_of_the_brief(tmp_path, monkeypatch):
    from interpret import run_brief

    with ollama_standin("hang") as server:
        monkeypatch.setenv("OLLAMA_BASE_URL", server.url)
        brief = run_brief(wire_settings(tmp_path, {"OLLAMA_BASE_URL": server.url}, provider="ollama", llm_deadline=0.5), write=False)
    assert "tenggat penyusunan LLM (0.5 s) habis" in brief.markdown
    assert brief.verification.counts[Verdict.FALSE] == 0


def test_the_sdk_log_lines_never_reach_the_console(tmp_path, monkeypatch, capfd):
    from typer.testing import CliRunner

    from interpret.cli import app

    cert = self_signed_cert(tmp_path)
    monkeypatch.chdir(tmp_path)
    with watsonx_standin(cert, mode="model_404") as server:
        routed(monkeypatch, server.port)
        env = {**watsonx_env(WATSONX_CA_BUNDLE=str(cert[0])), "OLLAMA_BASE_URL": f"http://127.0.0.1:{closed_port()}", "INTERPRET_PDF": "off",
               "INTERPRET_LLM_CACHE_DIR": str(tmp_path / "c")}
        result = CliRunner().invoke(app, ["run", "--out", str(tmp_path / "out")], env=env)
    assert result.exit_code == 0, result.output
    captured = capfd.readouterr()
    console = result.output + captured.out + captured.err
    assert "Failure during chat" not in console and "wml_client_error" not in console and "WARNING" not in console and KEY not in console
    llm = [line for line in console.splitlines() if "llm:" in line]
    assert len(llm) == 1 and "watsonx gagal (HTTP 404 (model_not_supported: Model 'ibm/granite-4-h-small' is not supported))" in llm[0]
    assert "ollama dilewati" in llm[0]
    document = json.loads((tmp_path / "out" / "result.json").read_text(encoding="utf-8"))
    assert {d["provider"] for d in document["drafts"]} == {"rule-based"}


# -- every fault of issue 13, through the command line: exit 0, a brief, nothing false -----------------------
@pytest.mark.parametrize("mode", ["not_json", "wrong_shape", "length", "empty", "echo", "hang", "drip", "model_404"])
def test_a_run_against_a_faulty_server_exits_0_with_a_brief_and_no_false_claim(tmp_path, monkeypatch, mode):
    from typer.testing import CliRunner

    from interpret.cli import app

    monkeypatch.chdir(tmp_path)
    with ollama_standin(mode) as server:
        env = {"OLLAMA_BASE_URL": server.url, "INTERPRET_PDF": "off", "INTERPRET_LLM_CACHE_DIR": str(tmp_path / "c"),
               "INTERPRET_LLM_DEADLINE": "2", "INTERPRET_LLM_TIMEOUT": "30"}
        result = CliRunner().invoke(app, ["run", "--provider", "ollama", "--out", str(tmp_path / "out")], env=env)
    assert result.exit_code == 0, result.output
    assert server.chats >= 1  # the server was asked: the fault was met, not skipped
    document = json.loads((tmp_path / "out" / "result.json").read_text(encoding="utf-8"))
    assert {d["provider"] for d in document["drafts"]} == {"rule-based"}
    assert document["verification"]["counts"].get(Verdict.FALSE.value, 0) == 0
    brief = (tmp_path / "out" / "brief.md").read_text(encoding="utf-8")
    assert "## Ringkasan eksekutif" in brief and all(f"## Klaster {n}:" in brief for n in range(1, 5))
    assert "<data>" not in brief and "Tugas:" not in brief  # an echoed prompt never ships
