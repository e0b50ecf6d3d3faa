"""The model providers of the drafting chain: IBM Granite on watsonx.ai, then Granite on Ollama.

Both LangChain integrations are imported lazily (langchain-ibm alone costs ~1.7 s to import), and the
watsonx client is built on first use, inside the fallback boundary: its constructor already fetches
an IAM token, so building it offline raises a network error that only a failure handler around the
call itself can absorb. Failures are caught by a narrow list of real provider errors (SDK, httpx,
timeouts), never by `except Exception`, so a test harness error (a missing recorded interaction) is
never mistaken for a provider outage.
"""

from __future__ import annotations

import threading
import time
import warnings
from dataclasses import dataclass, field
from typing import Protocol

import httpx

INSTALL_HINT = "pip install langchain-ibm ibm-watsonx-ai langchain-ollama (core dependencies of interpret)"


class ProviderUnavailable(Exception):
    """The provider cannot be used in this run (no credentials, no server, no model); the message says why."""


class ProviderFailure(Exception):
    """A real provider error during a call (HTTP error after the SDK's retries, timeout, bad reply)."""


@dataclass
class Reply:
    text: str
    usage: dict = field(default_factory=dict)  # prompt_tokens, completion_tokens, total_tokens
    seconds: float = 0.0


class Provider(Protocol):
    name: str
    model: str
    endpoint: str

    def unavailable(self) -> str | None: ...

    def invoke(self, messages: list[dict], parameters: dict) -> Reply: ...


def provider_errors() -> tuple[type[BaseException], ...]:
    """The exceptions that mean "this provider failed": caught, recorded, next provider."""
    errors: list[type[BaseException]] = [httpx.HTTPError, TimeoutError, ConnectionError]
    try:
        from ibm_watsonx_ai.wml_client_error import WMLClientError

        errors.append(WMLClientError)
    except ImportError:
        pass
    try:
        from ollama import ResponseError

        errors.append(ResponseError)
    except ImportError:
        pass
    return tuple(errors)


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return f"{type(exc).__name__}: {text[:200]}"


def _usage(message) -> dict:
    meta = getattr(message, "usage_metadata", None) or {}
    prompt = int(meta.get("input_tokens", 0) or 0)
    completion = int(meta.get("output_tokens", 0) or 0)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": int(meta.get("total_tokens", prompt + completion) or 0)}


def _langchain_messages(messages: list[dict]):
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
    return [kinds[m["role"]](content=m["content"]) for m in messages]


def _text(message) -> str:
    content = message.content
    if isinstance(content, list):  # content blocks
        content = "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    return str(content)


class WatsonxProvider:
    name = "watsonx"

    def __init__(self, *, model: str, url: str, api_key: str | None, project_id: str | None, space_id: str | None, timeout: float):
        self.model = model
        self.endpoint = url
        self._api_key = api_key
        self._project_id = project_id
        self._space_id = space_id
        self._timeout = timeout
        self._lock = threading.Lock()
        self._client = None
        self._client_error: str | None = None
        self._chats: dict = {}

    def __repr__(self) -> str:  # never show the key
        return f"WatsonxProvider(model={self.model!r}, url={self.endpoint!r})"

    def unavailable(self) -> str | None:
        if not self._api_key:
            return "watsonx: tidak ada kunci API (WATSONX_APIKEY/WATSONX_API_KEY)"
        if not (self._project_id or self._space_id):
            return "watsonx: tidak ada WATSONX_PROJECT_ID atau WATSONX_SPACE_ID"
        try:
            import langchain_ibm  # noqa: F401
        except ImportError:
            return f"watsonx: langchain-ibm tidak terpasang ({INSTALL_HINT})"
        return None

    def _api_client(self):
        """Built once per run, on first use (it fetches the IAM token); a failure is remembered."""
        with self._lock:
            if self._client is not None:
                return self._client
            if self._client_error is not None:
                raise ProviderFailure(self._client_error)
            from ibm_watsonx_ai import APIClient, Credentials
            from ibm_watsonx_ai.utils.utils import HttpClientConfig

            config = HttpClientConfig(timeout=httpx.Timeout(self._timeout, connect=min(self._timeout, 10.0)))
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # the SDK warns that scope_validation=False skips checks we do not need
                    self._client = APIClient(
                        credentials=Credentials(url=self.endpoint, api_key=self._api_key),
                        project_id=self._project_id,
                        space_id=None if self._project_id else self._space_id,
                        httpx_client=config,
                        async_httpx_client=config,
                        scope_validation=False,  # skips a GET of the project: one request fewer per run
                    )
            except provider_errors() as exc:
                self._client_error = f"watsonx: autentikasi gagal ({_short(exc)})"
                raise ProviderFailure(self._client_error) from None
            return self._client

    def invoke(self, messages: list[dict], parameters: dict) -> Reply:
        from langchain_ibm import ChatWatsonx

        client = self._api_client()
        start = time.perf_counter()
        try:
            with self._lock, warnings.catch_warnings():
                warnings.simplefilter("ignore")
                key = tuple(sorted(parameters.items()))
                chat = self._chats.get(key)
                if chat is None:
                    chat = self._chats[key] = ChatWatsonx(
                        model_id=self.model,
                        watsonx_client=client,
                        project_id=self._project_id,
                        space_id=None if self._project_id else self._space_id,
                        validate_model=False,  # skips GET foundation_model_specs: a wrong id fails at the call instead
                        **parameters,
                    )
            message = chat.invoke(_langchain_messages(messages))
        except provider_errors() as exc:
            raise ProviderFailure(f"watsonx: {_short(exc)}") from None
        return Reply(_text(message), _usage(message), time.perf_counter() - start)


class OllamaProvider:
    name = "ollama"

    def __init__(self, *, model: str, url: str, timeout: float, probe_timeout: float = 2.0):
        self.model = model
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
        try:
            response = httpx.get(f"{self.endpoint}/api/tags", timeout=self._probe_timeout, verify=self._verify)
            response.raise_for_status()
            names = {m.get("name", "") for m in response.json().get("models", [])} | {m.get("model", "") for m in response.json().get("models", [])}
        except (httpx.HTTPError, ValueError, AttributeError) as exc:
            return f"ollama: tidak ada server di {self.endpoint} ({type(exc).__name__})"
        wanted = {self.model, f"{self.model}:latest"}
        if not wanted & names:
            return f"ollama: model {self.model} belum diunduh di {self.endpoint} (jalankan `ollama pull {self.model}`)"
        try:  # only now: importing it costs time a run without a server should not pay
            import langchain_ollama  # noqa: F401
        except ImportError:
            return f"ollama: langchain-ollama tidak terpasang ({INSTALL_HINT})"
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
        start = time.perf_counter()
        try:
            with self._lock:  # one client per parameter set: building one costs ~60 ms (two httpx clients)
                key = tuple(sorted(options.items()))
                chat = self._chats.get(key)
                if chat is None:
                    chat = self._chats[key] = ChatOllama(
                        model=self.model, base_url=self.endpoint, client_kwargs={"timeout": self._timeout, "verify": self._verify}, **options
                    )
            message = chat.invoke(_langchain_messages(messages))
        except provider_errors() as exc:
            raise ProviderFailure(f"ollama: {_short(exc)}") from None
        return Reply(_text(message), _usage(message), time.perf_counter() - start)
