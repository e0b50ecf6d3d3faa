"""Secrets: the redaction filter, and canary runs where every provider error quotes the API key."""

from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from interpret.llm.providers import ProviderFailure, ProviderUnavailable
from interpret.redaction import MASK, RedactingFilter, install_log_redaction, redact, redact_secrets, register_secret

from .support.leaky_server import leaky_server

ROOT = Path(__file__).resolve().parents[1]
CANARY_KEY = "CanaryKey0123456789abcdefghijklmnopqrstuvwx"  # 44 characters, like an IBM Cloud API key
CANARY_PROJECT = "c0ffee00-1111-4222-8333-123456789abc"
CANARY_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJpYW1faWQiOiJjYW5hcnkifQ.c2lnbmF0dXJlLW9mLXRoZS1jYW5hcnk"
CANARIES = (CANARY_KEY, CANARY_PROJECT, CANARY_JWT)


# -- the filter ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    f"400 Bad Request: apikey={CANARY_KEY}&grant_type=urn",
    f'{{"access_token": "{CANARY_JWT}", "expires_in": 3600}}',
    f"Authorization: Bearer {CANARY_JWT}",
    f"project {CANARY_PROJECT} not found",
    "token 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 expired",
    f"the key {CANARY_KEY} is invalid",
])
def test_credential_shaped_text_is_masked(text):
    masked = redact(text)
    assert MASK in masked
    assert not any(secret in masked for secret in CANARIES) and "9f86d081884c" not in masked


@pytest.mark.parametrize("text", [
    "ollama: tidak ada server di http://127.0.0.1:11434 (ConnectError)",
    "model ibm/granite-3-8b-instruct tidak ditemukan; meta-llama/llama-3-3-70b-instruct juga",
    "ollama: model granite3.3:8b belum diunduh (jalankan `ollama pull granite3.3:8b`)",
])
def test_ordinary_provider_messages_are_kept(text):
    assert redact(text) == text


def test_a_configured_secret_is_masked_even_when_it_looks_like_a_word(monkeypatch):
    monkeypatch.setenv("WATSONX_APIKEY", "hunter2hunter")
    assert redact("password is hunter2hunter, really") == f"password is {MASK}, really"
    register_secret("plain-looking-secret")
    assert redact_secrets("a plain-looking-secret here") == f"a {MASK} here"
    assert redact_secrets("sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") .endswith("0a08")  # hashes stay


def test_log_records_are_redacted_when_made_and_sdk_loggers_stay_off_the_console(capsys):
    install_log_redaction()
    seen: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            seen.append(self.format(record))

    sdk = logging.getLogger("ibm_watsonx_ai.wml_resource")
    root_handler, sdk_handler = Keep(), Keep()
    logging.getLogger().addHandler(root_handler)
    sdk.addHandler(sdk_handler)
    try:
        try:
            raise ValueError(f"echoed body apikey={CANARY_KEY}")
        except ValueError:
            sdk.error("request failed: %s", f"Bearer {CANARY_JWT}", exc_info=True)
        logging.getLogger("interpret.test").warning("project %s", CANARY_PROJECT)
    finally:
        logging.getLogger().removeHandler(root_handler)
        sdk.removeHandler(sdk_handler)
    assert len(seen) == 2 and all(MASK in line for line in seen), seen
    assert not any(secret in line for line in seen for secret in CANARIES)
    captured = capsys.readouterr()
    assert not any(secret in captured.err + captured.out for secret in CANARIES)
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "key %s", (CANARY_KEY,), None)
    assert RedactingFilter().filter(record) and CANARY_KEY not in record.getMessage()


# -- a whole brief, in process: providers whose errors and logs quote the key ----------------------------------
class LeakyProvider:
    def __init__(self, name, unavailable=False):
        self.name, self.model, self.endpoint = name, "granite-test", "fake://"
        self._unavailable = unavailable

    def unavailable(self):
        return f"{self.name}: no credentials for apikey={CANARY_KEY}" if self._unavailable else None

    def invoke(self, messages, parameters):
        logging.getLogger("ibm_watsonx_ai.client").warning("POST /identity/token apikey=%s Authorization: Bearer %s", CANARY_KEY, CANARY_JWT)
        logging.getLogger("httpx").error("HTTP Request: POST https://x/ml/v1/text/chat?project_id=%s", CANARY_PROJECT)
        raise ProviderFailure(f"{self.name}: HTTPStatusError: 401 key {CANARY_KEY} rejected for project {CANARY_PROJECT} ({CANARY_JWT})")


def output_texts(out: Path) -> dict[str, str]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir() if p.suffix != ".pdf"}
    pdf = out / "brief.pdf"
    if pdf.exists():
        texts["brief.pdf"] = subprocess.run([shutil.which("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return texts


def test_canary_key_reaches_no_output_file_log_or_console_in_process(tmp_path, monkeypatch):
    from interpret.cli import app
    import interpret.llm.drafter as drafter

    monkeypatch.setattr(drafter, "build_providers", lambda settings: [LeakyProvider("watsonx"), LeakyProvider("ollama", unavailable=True)])
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    keep = Keep()
    for name in ("", "ibm_watsonx_ai", "httpx"):
        logging.getLogger(name).addHandler(keep)
    env = {"WATSONX_APIKEY": CANARY_KEY, "WATSONX_PROJECT_ID": CANARY_PROJECT, "INTERPRET_PDF": "off",
           "INTERPRET_LLM_CACHE_DIR": str(tmp_path / "cache"), "INTERPRET_PROVIDER": "auto"}
    try:
        result = CliRunner().invoke(app, ["run", "--out", str(tmp_path / "out")], env=env)
    finally:
        for name in ("", "ibm_watsonx_ai", "httpx"):
            logging.getLogger(name).removeHandler(keep)
    assert result.exit_code == 0, result.output
    texts = output_texts(tmp_path / "out")
    assert set(texts) == {"brief.md", "brief.html", "verification.html", "result.json", "assignments.csv"}
    for name, text in {**texts, "console": result.output, "logs": "\n".join(records)}.items():
        assert not any(secret in text for secret in CANARIES), name
    document = json.loads(texts["result.json"])
    statuses = {c["provider"]: c["status"] for c in document["llm"]["chain"]}
    assert MASK in statuses["watsonx"] and MASK in statuses["ollama"]  # the errors were there, masked
    assert all(MASK in " ".join(d["notes"]) for d in document["drafts"])
    assert MASK in texts["brief.md"] and len(records) >= 2


# -- a whole brief, a real process: a stand-in server on 127.0.0.1 whose errors quote the key --------------------------
def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_canary_key_reaches_no_output_file_or_console_line_of_the_cli(tmp_path):
    out = tmp_path / "out"
    with leaky_server(CANARY_KEY) as url:
        env = {**{k: v for k, v in os.environ.items() if not k.startswith(("WATSONX_", "INTERPRET_", "OLLAMA_"))},
               "PYTHONPATH": str(ROOT), "WATSONX_APIKEY": CANARY_KEY, "WATSONX_PROJECT_ID": CANARY_PROJECT,
               "WATSONX_URL": f"https://127.0.0.1:{closed_port()}", "OLLAMA_BASE_URL": url, "INTERPRET_PDF": "auto",
               "INTERPRET_LLM_CACHE_DIR": str(tmp_path / "cache"), "INTERPRET_LLM_TIMEOUT": "10", "COLUMNS": "400"}
        proc = subprocess.run([sys.executable, "-m", "interpret.cli", "run", "--out", str(out)], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr
    texts = output_texts(out)
    assert {"brief.md", "brief.html", "result.json", "assignments.csv"} <= set(texts)
    for name, text in {**texts, "stdout": proc.stdout, "stderr": proc.stderr}.items():
        assert not any(secret in text for secret in CANARIES), name
    statuses = {c["provider"]: c["status"] for c in json.loads(texts["result.json"])["llm"]["chain"]}
    assert "HTTP 500" in statuses["ollama"] and MASK in statuses["ollama"], statuses  # the server did quote the key (its error body, one line)
    assert len([line for line in proc.stderr.splitlines() if "llm:" in line]) == 1
