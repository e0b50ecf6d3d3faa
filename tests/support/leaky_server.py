"""A stand-in Ollama server on 127.0.0.1 that answers badly and leaks: its probe succeeds, every chat
call fails with an error text quoting a secret (as a misconfigured proxy or a verbose SDK would).

    with leaky_server(secret) as url: ...   # OLLAMA_BASE_URL=url

Run as a script (`python -m tests.support.leaky_server SECRET`) it prints its URL and serves until killed.
"""

from __future__ import annotations

import json
import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODEL = "granite3.3:8b"


def handler(secret: str) -> type[BaseHTTPRequestHandler]:
    class Leaky(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # the test reads the client's output, not ours
            pass

        def _reply(self, code: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path.startswith("/api/tags"):
                self._reply(200, {"models": [{"name": MODEL, "model": MODEL}]})
            else:
                self._reply(404, {"error": f"not found; your key {secret} was logged"})

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self._reply(500, {"error": f"upstream rejected apikey={secret} (Authorization: Bearer {secret}) key {secret}"})

    return Leaky


@contextmanager
def leaky_server(secret: str):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler(secret))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    with leaky_server(sys.argv[1]) as url:
        print(url, flush=True)
        threading.Event().wait()
