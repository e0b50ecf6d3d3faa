"""`interpret doctor` (interpret/llm/doctor.py) against the stand-ins on 127.0.0.1: the IAM token over
verified TLS, the account's chat models, the configured model, the Ollama server, model and context."""

from __future__ import annotations


import pytest
from typer.testing import CliRunner

from interpret import resolve_settings
from interpret.cli import app
from interpret.llm.doctor import run_doctor

from .support.wire_standin import clear_sdk_environment, closed_port, ollama_standin, routed, self_signed_cert, watsonx_standin

KEY = "doctorKEY0123456789abcdefghijklmnopqrstuvwxyzAB"


@pytest.fixture(autouse=True)
def sdk_environment(monkeypatch):
    clear_sdk_environment(monkeypatch)


def test_doctor_lists_the_chat_models_and_checks_the_configured_one_and_ollama(tmp_path, monkeypatch):
    cert = self_signed_cert(tmp_path)
    with watsonx_standin(cert) as wx, ollama_standin(context_length=8192) as ollama:
        routed(monkeypatch, wx.port)
        env = {"WATSONX_APIKEY": KEY, "WATSONX_PROJECT_ID": "p-1", "WATSONX_CA_BUNDLE": str(cert[0]), "OLLAMA_BASE_URL": ollama.url}
        result = CliRunner().invoke(app, ["doctor"], env=env)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("✓ watsonx · token IAM") for line in lines)
    assert any(line.startswith("✓ watsonx · model chat: 2 model chat tersedia") and "ibm/granite-4-h-small" in line for line in lines)
    assert "✓ watsonx · model terpasang: ibm/granite-4-h-small tersedia" in lines  # the default model
    assert any(line.startswith("✓ ollama · konteks: panjang konteks model 8192") for line in lines)
    assert KEY not in result.output and wx.saw("foundation_model_specs")


def test_doctor_says_when_the_model_is_not_offered_and_when_tls_is_not_trusted(tmp_path, monkeypatch):
    cert = self_signed_cert(tmp_path)
    offline = f"http://127.0.0.1:{closed_port()}"
    with watsonx_standin(cert, models=("ibm/granite-3-3-8b-instruct",)) as wx:
        routed(monkeypatch, wx.port)
        settings = resolve_settings({}, environ={"WATSONX_APIKEY": KEY, "WATSONX_PROJECT_ID": "p-1", "WATSONX_CA_BUNDLE": str(cert[0]),
                                                 "OLLAMA_BASE_URL": offline}, dotenv_path=None)
        checks = {(c.provider, c.what): c for c in run_doctor(settings)}
        untrusted = resolve_settings({}, environ={"WATSONX_APIKEY": KEY, "WATSONX_PROJECT_ID": "p-1", "OLLAMA_BASE_URL": offline},
                                     dotenv_path=None)
        tls = {(c.provider, c.what): c for c in run_doctor(untrusted)}
    model = checks[("watsonx", "model terpasang")]
    assert not model.ok and "coba WATSONX_MODEL_ID=ibm/granite-3-3-8b-instruct" in model.detail
    assert not checks[("ollama", "server")].ok
    assert not tls[("watsonx", "token IAM")].ok and "TLS tidak terpercaya" in tls[("watsonx", "token IAM")].detail
    assert all(KEY not in c.detail for c in [*checks.values(), *tls.values()])


def test_doctor_exits_2_when_no_provider_is_usable(tmp_path, monkeypatch):
    for name in ("WATSONX_APIKEY", "WATSONX_API_KEY", "WATSONX_PROJECT_ID", "WATSONX_SPACE_ID"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(app, ["doctor"], env={"OLLAMA_BASE_URL": f"http://127.0.0.1:{closed_port()}"})
    assert result.exit_code == 2
    assert "✗ watsonx · kredensial: watsonx: tidak ada kunci API" in result.output and "✗ ollama · server" in result.output


def test_doctor_speaks_the_language_of_the_run(tmp_path, monkeypatch):
    cert = self_signed_cert(tmp_path)
    with watsonx_standin(cert) as wx, ollama_standin(context_length=8192) as ollama:
        routed(monkeypatch, wx.port)
        env = {"WATSONX_APIKEY": KEY, "WATSONX_PROJECT_ID": "p-1", "WATSONX_CA_BUNDLE": str(cert[0]), "OLLAMA_BASE_URL": ollama.url}
        result = CliRunner().invoke(app, ["doctor", "--lang", "en"], env=env)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "✓ watsonx · IAM token: token obtained (TLS verified)" in lines
    assert any(line.startswith("✓ watsonx · chat models: 2 chat models available; Granite:") for line in lines)
    assert any(line.startswith("✓ ollama · context: model context length 8192") for line in lines)
    assert not any(word in result.output for word in ("tersedia", "diperoleh", "konteks", "diunduh"))
