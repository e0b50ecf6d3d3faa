"""IBM Granite on watsonx.ai, through langchain-ibm: first in the `auto` chain.

langchain-ibm is imported lazily (it alone costs ~1.7 s to import), and the watsonx client is built
on first use, inside the fallback boundary: its constructor already fetches an IAM token, so building
it offline raises a network error that only a failure handler around the call itself can absorb.
"""

from __future__ import annotations

import json
import threading
import time
import warnings

import httpx

from ._base import INSTALL_HINT, ProviderFailure, Reply, langchain_messages, provider_errors, short, text_of, usage_of

AUTO_ORDER = 1  # first in the `auto` chain


def build(settings, model: str | None = None) -> "WatsonxProvider":
    from ...redaction import register_settings

    register_settings(settings)  # its key and ids are masked in every message this provider causes
    return WatsonxProvider(
        model=model or settings.watsonx_model,
        url=settings.watsonx_url,
        api_key=settings.watsonx_api_key,
        project_id=settings.watsonx_project_id,
        space_id=settings.watsonx_space_id,
        timeout=settings.llm_timeout,
    )


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
                self._client_error = f"watsonx: autentikasi gagal ({short(exc)})"
                raise ProviderFailure(self._client_error) from None
            return self._client

    def invoke(self, messages: list[dict], parameters: dict) -> Reply:
        from langchain_ibm import ChatWatsonx

        client = self._api_client()
        start = time.perf_counter()
        try:
            with self._lock, warnings.catch_warnings():
                warnings.simplefilter("ignore")
                # The answer's flat JSON schema (interpret.llm.chain) becomes watsonx's `response_format`.
                parameters = dict(parameters)
                schema = parameters.pop("json_schema", None)
                key = (tuple(sorted(parameters.items())), json.dumps(schema, sort_keys=True))
                if schema is not None:
                    parameters["response_format"] = {"type": "json_schema", "json_schema": {"name": "draft", "schema": schema}}
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
            message = chat.invoke(langchain_messages(messages))
        except provider_errors() as exc:
            raise ProviderFailure(f"watsonx: {short(exc)}") from None
        return Reply(text_of(message), usage_of(message), time.perf_counter() - start)
