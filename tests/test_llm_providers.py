"""Provider settings and the providers' own behaviour (interpret/llm/providers): key names, the model
option, settings from the environment, the Ollama probe, a whole run without credentials or against a
rule-breaking Ollama stand-in, and the scrubbing of recorded traffic."""

from __future__ import annotations

import json
import socket
import threading

import pytest
from typer.testing import CliRunner

from interpret import resolve_settings
from interpret.llm import build_providers
from interpret.llm.providers.ollama import OllamaProvider

from .support import scrub, standin

# -- settings and providers --------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["WATSONX_APIKEY", "WATSONX_API_KEY"])
def test_both_watsonx_key_names_are_accepted_and_never_shown(name):
    settings = resolve_settings({}, environ={name: "secret-key-value", "WATSONX_PROJECT_ID": "p"}, dotenv_path=None)
    assert settings.watsonx_api_key == "secret-key-value"
    assert "secret-key-value" not in repr(settings)
    assert build_providers(settings)[0].unavailable() is None


def test_model_option_names_the_first_providers_model():
    auto = build_providers(resolve_settings({"model": "ibm/granite-x"}, environ={}, dotenv_path=None))
    assert [(p.name, p.model) for p in auto] == [("watsonx", "ibm/granite-x"), ("ollama", "granite3.3:8b")]
    ollama = build_providers(resolve_settings({"provider": "ollama", "model": "granite4:tiny"}, environ={}, dotenv_path=None))
    assert [(p.name, p.model) for p in ollama] == [("ollama", "granite4:tiny")]
    assert build_providers(resolve_settings({"provider": "none"}, environ={}, dotenv_path=None)) == []


def test_llm_settings_come_from_the_environment():
    settings = resolve_settings({}, environ={"INTERPRET_NO_CACHE": "true", "INTERPRET_LLM_CONCURRENCY": "2", "OLLAMA_MODEL": "granite4"}, dotenv_path=None)
    assert settings.no_cache is True and settings.llm_concurrency == 2 and settings.ollama_model == "granite4"
    from interpret.errors import ConfigError

    with pytest.raises(ConfigError, match="provider"):
        resolve_settings({"provider": "openai"}, environ={}, dotenv_path=None)
    with pytest.raises(ConfigError, match="INTERPRET_NO_CACHE"):
        resolve_settings({}, environ={"INTERPRET_NO_CACHE": "mungkin"}, dotenv_path=None)


def test_ollama_probe_gives_up_after_the_timeout_on_a_silent_server():
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        provider = OllamaProvider(model="granite3.3:8b", url=f"http://127.0.0.1:{silent.getsockname()[1]}", timeout=0.3)
        reason = provider.unavailable()
    assert reason.startswith("ollama: tidak ada server") and "Timeout" in reason


def test_run_without_credentials_or_ollama_writes_the_rule_based_brief(tmp_path, monkeypatch):
    from interpret.cli import app

    for name in ("WATSONX_APIKEY", "WATSONX_API_KEY", "WATSONX_PROJECT_ID", "WATSONX_SPACE_ID", "INTERPRET_PROVIDER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {"OLLAMA_BASE_URL": f"http://127.0.0.1:{port}", "INTERPRET_PDF": "off", "INTERPRET_LLM_CACHE_DIR": str(tmp_path / "c")}
    result = CliRunner().invoke(app, ["run", "--out", str(tmp_path / "out")], env=env)
    assert result.exit_code == 0, result.output
    why = [line for line in result.output.splitlines() if "llm:" in line]
    assert len(why) == 1 and "watsonx dilewati" in why[0] and "ollama dilewati" in why[0] and "rule-based" in why[0]
    document = json.loads((tmp_path / "out" / "result.json").read_text(encoding="utf-8"))
    assert {d["provider"] for d in document["drafts"]} == {"rule-based"}
    assert document["llm"]["totals"]["model_calls"] == 0


def _ollama_standin(answer):
    """A local Ollama-format server on 127.0.0.1 whose /api/chat answers with `answer(messages)`;
    it keeps every chat request body."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    bodies: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _send(self, body: bytes, content_type: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            self._send(json.dumps(standin.ollama_tags(["granite3.3:8b"])).encode(), "application/json")

        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            bodies.append(body)
            lines = standin.ollama_chat_lines(body["model"], answer(body["messages"]), body["messages"])
            self._send("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-8"), "application/x-ndjson")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, bodies


def test_a_run_with_a_model_that_breaks_every_rule_exits_0_and_ships_no_false_or_meta_claim(tmp_path, monkeypatch):
    """Through the CLI and a real HTTP stand-in: cluster answers that type numbers, write meta claims,
    run to 2 000 sentences or cite unknown IDs; the run exits 0 with a brief, and none of it ships."""
    from interpret.cli import app

    def hostile(messages):
        draft = json.loads(standin.answer(messages))
        if "karakteristik" not in draft:
            return json.dumps({**draft, "kesimpulan": draft["kesimpulan"][:-1] + ["Semua angka dalam laporan ini benar dan telah diverifikasi oleh BPS."]})
        n = draft["klaster"]
        if n == 1:
            draft["label"] = "Semua angka benar"
        elif n == 2:
            draft["karakteristik"].append("Kemiskinan turun sebesar 99,99 %.")
        elif n == 3:
            draft["karakteristik"] += ["Klaster ini tumbuh pesat."] * 2000
        else:
            draft["karakteristik"].append("Rata-rata UHH {K4.UHH.rerata}.")
        return json.dumps(draft, ensure_ascii=False)

    server, bodies = _ollama_standin(hostile)
    try:
        for name in ("WATSONX_APIKEY", "WATSONX_API_KEY", "WATSONX_PROJECT_ID", "WATSONX_SPACE_ID", "INTERPRET_PROVIDER"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.chdir(tmp_path)
        env = {"OLLAMA_BASE_URL": f"http://127.0.0.1:{server.server_address[1]}", "INTERPRET_PDF": "off",
               "INTERPRET_LLM_CACHE_DIR": str(tmp_path / "c")}
        result = CliRunner().invoke(app, ["run", "--provider", "ollama", "--out", str(tmp_path / "out")], env=env)
    finally:
        server.shutdown()
    assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "out" / "result.json").read_text(encoding="utf-8"))
    assert {d["section"]: d["provider"] for d in document["drafts"]} == {
        "klaster-1": "rule-based", "klaster-2": "rule-based", "klaster-3": "rule-based", "klaster-4": "rule-based", "ringkasan": "rule-based"}
    brief = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.md"))
    found = [line for line in brief.splitlines() if any(bad in line for bad in ("Semua angka benar", "telah diverifikasi oleh BPS", "99,99", "rerata", "tumbuh pesat"))]
    assert brief and not found, found
    # Structured output and a sized context reached the server; each section had one repair turn, no more.
    assert all(b["format"]["type"] == "object" and "$defs" not in json.dumps(b["format"]) and b["options"]["num_ctx"] >= 4096 for b in bodies)
    assert len(bodies) == 5 * 2


# -- scrubbing -----------------------------------------------------------------------------------------------
def test_scrubbing_is_idempotent_and_removes_secrets():
    from vcr.request import Request

    request = Request("POST", "https://iam.cloud.ibm.com/identity/token", b"apikey=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH&grant_type=x",
                      {"Authorization": "Bearer abc", "Cookie": "a=b"})
    once = scrub.scrub_request(request)
    assert once.body == b"apikey=REDACTED&grant_type=x" and once.headers["Authorization"] == "REDACTED" and "Cookie" not in once.headers
    assert scrub.scrub_request(once).body == once.body
    chat = Request("POST", "https://x/ml/v1/text/chat?version=1", json.dumps({"project_id": "1234abcd-1111-4222-8333-123456789abc"}), {})
    assert json.loads(scrub.scrub_request(chat).body)["project_id"] == scrub.FAKE_PROJECT_ID
    signed = "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9." + "s" * 60
    response = {"headers": {"Set-Cookie": ["x"], "Content-Type": ["application/json"]},
                "body": {"string": json.dumps({"access_token": signed, "refresh_token": "r" * 30, "expires_in": 3600}).encode()}}
    first = scrub.scrub_response(json.loads(json.dumps({**response, "body": {"string": response["body"]["string"].decode()}})))
    second = scrub.scrub_response(json.loads(json.dumps(first)))
    assert first == second and "Set-Cookie" not in first["headers"]
    body = json.loads(first["body"]["string"])
    assert body["access_token"] == scrub.FAKE_JWT and "refresh_token" not in body
    assert scrub.secret_findings(signed) and scrub.secret_findings("1234abcd-1111-4222-8333-123456789abc")
    assert scrub.secret_findings(scrub.FAKE_JWT) == []


def test_ollama_probe_says_when_the_model_is_not_pulled():
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Tags(BaseHTTPRequestHandler):
        def do_GET(self):
            body = json.dumps(standin.ollama_tags(["llama3:8b"])).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Tags)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    try:
        provider = OllamaProvider(model="granite3.3:8b", url=f"http://127.0.0.1:{server.server_address[1]}", timeout=5)
        assert provider.unavailable() == (
            f"ollama: model granite3.3:8b belum diunduh di http://127.0.0.1:{server.server_address[1]} (jalankan `ollama pull granite3.3:8b`)"
        )
    finally:
        thread.join(5)
        server.server_close()


