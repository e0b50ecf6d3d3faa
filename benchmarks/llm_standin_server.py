"""A local stand-in for an Ollama server on 127.0.0.1: answers GET /api/tags and POST /api/chat in
Ollama's wire format (NDJSON stream) after a fixed delay, with the deterministic stand-in model of
tests/support/standin.py. Used by benchmarks/llm_bench.py; run it alone to try the chain offline:

    python benchmarks/llm_standin_server.py --port 11435 --delay 1
    OLLAMA_BASE_URL=http://127.0.0.1:11435 interpret run --provider ollama
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the stand-in model is test support: tests/support/

from tests.support.standin import answer, ollama_chat_lines, ollama_tags  # noqa: E402

MODELS = ["granite3.3:8b"]


class StandIn(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int = 0, delay: float = 1.0):
        super().__init__(("127.0.0.1", port), Handler)
        self.delay = delay
        self.requests: list[str] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> "StandIn":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        with self.server.lock:
            self.server.requests.append(f"GET {self.path}")
        if self.path == "/api/tags":
            self._send(200, json.dumps(ollama_tags(MODELS)).encode(), "application/json")
        else:
            self._send(404, b'{"error":"not found"}', "application/json")

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        with self.server.lock:
            self.server.requests.append(f"POST {self.path}")
        if self.path != "/api/chat":
            self._send(404, b'{"error":"not found"}', "application/json")
            return
        time.sleep(self.server.delay)
        text = answer(body["messages"])
        lines = ollama_chat_lines(body["model"], text, body["messages"])
        payload = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-8")
        self._send(200, payload, "application/x-ndjson")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=11435)
    parser.add_argument("--delay", type=float, default=1.0)
    args = parser.parse_args()
    server = StandIn(args.port, args.delay)
    print(f"stand-in Ollama at {server.url} (delay {args.delay} s); Ctrl-C to stop", flush=True)
    server.serve_forever()
