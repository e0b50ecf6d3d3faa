"""Stand-in servers on 127.0.0.1 that speak watsonx.ai (IAM, chat, model specs, over TLS) and Ollama,
with the faults a real service or a man in the middle can produce. The real SDKs run unchanged.

    with ollama_standin(mode="not_json") as server: ...        # OLLAMA_BASE_URL=server.url
    cert = self_signed_cert(tmp_path)                            # for iam.cloud.ibm.com & us-south...
    with watsonx_standin(cert) as server, routed(monkeypatch, server.port): ...

`routed` sends the SDK's connections for the IBM Cloud host names to the stand-in's port (the TLS
handshake still checks the certificate against those names): a man in the middle on 127.0.0.1.
Every request a server receives is kept in `server.received` (raw request line, headers and body),
so a test can prove what never reached it.
"""

from __future__ import annotations

import json
import ssl
import subprocess
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from . import standin

IBM_HOSTS = ("iam.cloud.ibm.com", "us-south.ml.cloud.ibm.com")
MODEL = "granite3.3:8b"


def self_signed_cert(folder: Path, hosts=IBM_HOSTS) -> tuple[Path, Path]:
    """A self-signed certificate (its own CA) for `hosts`, made with the openssl command: (cert.pem, key.pem)."""
    cert_path, key_path = folder / "standin-cert.pem", folder / "standin-key.pem"
    san = ",".join(f"DNS:{h}" for h in hosts)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
         "-subj", f"/CN={hosts[0]}", "-addext", f"subjectAltName={san}", "-addext", "basicConstraints=critical,CA:TRUE",
         "-keyout", str(key_path), "-out", str(cert_path)],
        check=True, capture_output=True,
    )
    return cert_path, key_path


@dataclass
class Server:
    url: str
    port: int
    received: list[bytes] = field(default_factory=list)
    chats: int = 0

    def saw(self, text: str) -> bool:
        return any(text.encode() in r for r in self.received)


def _handler(server: Server, respond):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def _serve(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            server.received.append(self.requestline.encode() + b"\n" + bytes(self.headers) + body)
            respond(self, body)

        do_GET = do_POST = _serve

        def reply(self, code: int, payload, content_type: str = "application/json") -> None:
            data = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


@contextmanager
def _serving(respond, tls: tuple[Path, Path] | None = None):
    state = Server("", 0)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state, respond))
    httpd.daemon_threads = True
    if tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*tls)
        httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    state.port = httpd.server_address[1]
    state.url = f"{'https' if tls else 'http'}://127.0.0.1:{state.port}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


# -- Ollama -------------------------------------------------------------------------------------
OLLAMA_MODES = ("ok", "not_json", "wrong_shape", "length", "empty", "hang", "drip", "busy_then_ok", "model_404", "echo")


@contextmanager
def ollama_standin(mode: str = "ok", *, busy: int = 1, busy_status: int = 503, context_length: int = 131072):
    """An Ollama server whose /api/chat answers per `mode`; /api/tags and /api/show always answer.
    `busy_then_ok` answers `busy_status` (503 loading, 429 too many requests) `busy` times first;
    `echo` answers with the prompt itself, as a tiny model on a CPU did (the data block and the tasks)."""
    assert mode in OLLAMA_MODES, mode
    holder: dict = {}

    def respond(handler, body: bytes) -> None:
        server = holder["server"]
        path = handler.path.split("?")[0]
        if path == "/api/tags":
            return handler.reply(200, standin.ollama_tags([MODEL]))
        if path == "/api/show":
            return handler.reply(200, {"details": {"family": "granite"}, "model_info": {"granite.context_length": context_length},
                                       "parameters": "num_ctx 4096", "capabilities": ["completion"]})
        payload = json.loads(body)
        server.chats += 1
        if mode == "model_404":
            return handler.reply(404, {"error": f"model '{payload['model']}' not found"})
        if mode == "busy_then_ok" and server.chats <= busy:
            return handler.reply(busy_status, {"error": "server busy, please try again"})
        if mode == "hang":
            time.sleep(30)
            return handler.reply(200, b"")
        if mode == "not_json":
            return handler.reply(200, b"<html>502 Bad Gateway</html>\n", "application/x-ndjson")
        if mode == "wrong_shape":
            return handler.reply(200, b'{"model": 1, "message": "no", "done": "maybe"}\n', "application/x-ndjson")
        text = "" if mode == "empty" else payload["messages"][-1]["content"] if mode == "echo" else standin.answer(payload["messages"])
        lines = standin.ollama_chat_lines(payload["model"], text, payload["messages"])
        if mode == "length":
            lines[-1]["done_reason"] = "length"
        data = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()
        if mode != "drip":
            return handler.reply(200, data, "application/x-ndjson")
        handler.send_response(200)
        handler.send_header("Content-Type", "application/x-ndjson")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        try:
            for byte in data:  # one byte every 50 ms: never a read timeout, and minutes for a whole draft
                handler.wfile.write(b"1\r\n" + bytes([byte]) + b"\r\n")
                handler.wfile.flush()
                time.sleep(0.05)
            handler.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass

    with _serving(respond) as server:
        holder["server"] = server
        yield server


# -- watsonx.ai (IAM + chat + model specs) over TLS -------------------------------------------------
def fake_jwt() -> str:
    from . import scrub

    return scrub.FAKE_JWT


WATSONX_MODES = ("ok", "no_choices", "length", "model_404", "unauthorized", "rate_limited")


@contextmanager
def watsonx_standin(tls: tuple[Path, Path], mode: str = "ok", models=("ibm/granite-4-h-small", "ibm/granite-3-3-8b-instruct")):
    assert mode in WATSONX_MODES, mode
    holder: dict = {}

    def respond(handler, body: bytes) -> None:
        server = holder["server"]
        path = handler.path.split("?")[0]
        if path == "/identity/token":
            if mode == "unauthorized":
                return handler.reply(400, {"errorCode": "BXNIM0415E", "errorMessage": "Provided API key could not be found."})
            return handler.reply(200, {"access_token": fake_jwt(), "token_type": "Bearer", "expires_in": 3600, "expiration": 4102444800})
        if path == "/ml/v1/foundation_model_specs":
            resources = [{"model_id": m, "label": m, "functions": [{"id": "text_chat"}, {"id": "text_generation"}],
                          "model_limits": {"max_sequence_length": 131072}} for m in models]
            return handler.reply(200, {"total_count": len(resources), "limit": 200, "resources": resources})
        if path == "/ml/v1/text/chat":
            payload = json.loads(body)
            server.chats += 1
            if mode == "rate_limited":  # a persistent 429: the SDK's retries, bounded by our settings, then our circuit breaker
                return handler.reply(429, {"errors": [{"code": "too_many_requests", "message": "Rate limit exceeded"}], "status_code": 429})
            if mode == "model_404" or payload["model_id"] not in models:
                return handler.reply(404, {"errors": [{"code": "model_not_supported", "message": f"Model '{payload['model_id']}' is not supported"}],
                                           "status_code": 404})
            reply = standin.watsonx_chat_response(payload["model_id"], standin.answer(payload["messages"]), payload["messages"])
            if mode == "no_choices":
                reply.pop("choices")
            if mode == "length":
                reply["choices"][0]["finish_reason"] = "length"
            return handler.reply(200, reply)
        return handler.reply(404, {"errors": [{"code": "not_found", "message": path}]})

    with _serving(respond, tls) as server:
        holder["server"] = server
        yield server


def routed(monkeypatch, standin_port: int, hosts=IBM_HOSTS) -> None:
    """Connections to `hosts`:443 go to 127.0.0.1:`port` (the certificate is still checked against the host name)."""
    from httpcore._backends.sync import SyncBackend

    original = SyncBackend.connect_tcp

    def connect_tcp(self, host, port=443, *args, **kwargs):
        if host in hosts:
            host, port = "127.0.0.1", standin_port
        return original(self, host, port, *args, **kwargs)

    monkeypatch.setattr(SyncBackend, "connect_tcp", connect_tcp)


SDK_ENVIRONMENT = ("WATSONX_MAX_RETRIES", "WATSONX_DELAY_TIME", "WX_CLIENT_VERIFY_REQUESTS", "REQUESTS_CA_BUNDLE", "WATSONX_CA_BUNDLE")


def clear_sdk_environment(monkeypatch) -> None:
    """The SDK reads these from os.environ; each test starts from none (the provider sets them)."""
    for name in SDK_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
