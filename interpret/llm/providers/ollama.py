"""IBM Granite on a local Ollama server, through langchain-ollama: second in the `auto` chain.

One short probe per run (GET /api/tags) says whether a server is there and has the model; only then
is langchain-ollama imported.
"""

from __future__ import annotations

import json
import threading
import time

import httpx

from ._base import (
    INSTALL_HINT, REPLY_SHAPE_ERRORS, MalformedReply, Reply, check_reply, failure, langchain_messages, provider_errors, short, status_of,
    text_of, usage_of,
)

AUTO_ORDER = 2  # after watsonx in the `auto` chain


def build(settings, model: str | None = None) -> "OllamaProvider":
    return OllamaProvider(model=model or settings.ollama_model, url=settings.ollama_url, timeout=min(settings.llm_timeout, settings.llm_deadline),
                          retries=settings.ollama_retries, num_ctx=getattr(settings, "ollama_num_ctx", 0))


RETRY_STATUSES = (429, 503)  # busy or loading a model: worth asking again after a pause
BACKOFF_SECONDS = 0.5


class OllamaProvider:
    name = "ollama"

    def __init__(self, *, model: str, url: str, timeout: float, probe_timeout: float = 2.0, retries: int = 2, num_ctx: int = 0):
        self.model = model
        self._retries = retries
        self._num_ctx = num_ctx  # 0: computed per conversation (interpret.llm.context.context_window)
        self.endpoint = url.rstrip("/")
        self._timeout = timeout
        self._probe_timeout = min(probe_timeout, timeout)
        self._lock = threading.Lock()
        self._probed = False
        self._reason: str | None = None
        self._chats: dict = {}
        # Plain http (the usual local server) needs no certificates: loading the CA bundle for each
        # client costs ~50 ms. An https URL keeps full verification.
        self._verify = not self.endpoint.startswith("http://")

    def unavailable(self) -> str | None:
        """One short probe per run (GET /api/tags): is a server there, and has it pulled the model?"""
        with self._lock:
            if not self._probed:
                self._reason = self._probe()
                self._probed = True
            return self._reason

    def _probe(self) -> str | None:
        from ...progress import reason  # a Note: the console words it in the run's language

        try:
            response = httpx.get(f"{self.endpoint}/api/tags", timeout=self._probe_timeout, verify=self._verify)
            response.raise_for_status()
            names = {m.get("name", "") for m in response.json().get("models", [])} | {m.get("model", "") for m in response.json().get("models", [])}
        except (httpx.HTTPError, ValueError, AttributeError) as exc:
            return reason("ollama", "no_server", url=self.endpoint, error=type(exc).__name__)
        wanted = {self.model, f"{self.model}:latest"}
        if not wanted & names:
            return reason("ollama", "no_model", model=self.model, url=self.endpoint)
        try:  # only now: importing it costs time a run without a server should not pay
            import langchain_ollama  # noqa: F401
        except ImportError:
            return reason("ollama", "not_installed", package="langchain-ollama", install=INSTALL_HINT)
        return None

    def invoke(self, messages: list[dict], parameters: dict) -> Reply:
        from langchain_ollama import ChatOllama

        options = {
            "temperature": parameters.get("temperature"),
            "num_predict": parameters.get("max_tokens"),
            "top_p": parameters.get("top_p"),
            "seed": parameters.get("seed"),
        }
        options = {k: v for k, v in options.items() if v is not None}
        from ..context import context_window

        # Ollama's default context (4 096) silently cuts a longer conversation: size it to the prompt.
        options["num_ctx"] = self._num_ctx or context_window(messages, int(parameters.get("max_tokens") or 1024))
        schema = parameters.get("json_schema")  # the answer's flat JSON schema: Ollama's structured output
        if schema is not None:
            options["format"] = schema
        conversation = langchain_messages(messages, self.name)
        start = time.perf_counter()
        with self._lock:  # one client per parameter set: building one costs ~60 ms (two httpx clients)
            key = json.dumps(options, sort_keys=True)
            chat = self._chats.get(key)
            if chat is None:
                chat = self._chats[key] = ChatOllama(
                    model=self.model, base_url=self.endpoint, client_kwargs={"timeout": self._timeout, "verify": self._verify}, **options
                )
        attempt = 0
        while True:
            try:
                message = chat.invoke(conversation)
                break
            except provider_errors() as exc:
                if status_of(exc) in RETRY_STATUSES and attempt < self._retries:
                    time.sleep(BACKOFF_SECONDS * 2**attempt)  # bounded: the chain's deadline abandons a call that waits too long
                    attempt += 1
                    continue
                raise failure(self.name, exc) from None
            except REPLY_SHAPE_ERRORS as exc:  # a body that is not JSON, or JSON of the wrong shape (pydantic)
                raise MalformedReply(f"{self.name}: balasan tidak berbentuk jawaban chat ({short(exc)})") from None
        text = text_of(message)
        check_reply(self.name, text, (message.response_metadata or {}).get("done_reason"))
        return Reply(text, usage_of(message), time.perf_counter() - start)
