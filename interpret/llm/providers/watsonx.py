"""IBM Granite on watsonx.ai, through langchain-ibm: first in the `auto` chain.

langchain-ibm is imported lazily (it alone costs ~1.7 s to import), and the watsonx client is built
on first use, inside the fallback boundary: its constructor already fetches an IAM token, so building
it offline raises a network error that only a failure handler around the call itself can absorb.

TLS is always verified (`Credentials(verify=True)`, or the CA bundle of `WATSONX_CA_BUNDLE` /
`REQUESTS_CA_BUNDLE`): without `verify` the SDK falls back to an unverified connection on an SSL
error, and would send the API key to whoever answers. The SDK's retries are bounded by our
settings: it reads `WATSONX_MAX_RETRIES` / `WATSONX_DELAY_TIME` from os.environ only (never from
.env), so the resolved values are put there, and its transport's 5xx retries follow the same count.
"""

from __future__ import annotations

import json
import os
import threading
import time
import warnings

import httpx

from ._base import (
    INSTALL_HINT, REPLY_SHAPE_ERRORS, MalformedReply, ProviderFailure, Reply, check_reply, failure, langchain_messages,
    provider_errors, short, text_of, unwrap_group, usage_of,
)

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
        timeout=min(settings.llm_timeout, settings.llm_deadline),
        verify=str(settings.watsonx_ca_bundle) if settings.watsonx_ca_bundle else True,
        username=settings.watsonx_username,
        instance_id=settings.watsonx_instance_id,
        version=settings.watsonx_version,
        max_retries=settings.watsonx_max_retries,
        delay_time=settings.watsonx_delay_time,
    )


class WatsonxProvider:
    name = "watsonx"

    def __init__(self, *, model: str, url: str, api_key: str | None, project_id: str | None, space_id: str | None, timeout: float,
                 verify: bool | str = True, username: str | None = None, instance_id: str | None = None, version: str | None = None,
                 max_retries: int = 2, delay_time: float = 0.5):
        self.model = model
        self.endpoint = url
        self._api_key = api_key
        self._project_id = project_id
        self._space_id = space_id
        self._timeout = timeout
        self._verify = verify if verify not in (None, False, "") else True  # never off
        self._username, self._instance_id, self._version = username, instance_id, version
        self._max_retries, self._delay_time = max_retries, delay_time
        self._lock = threading.Lock()
        self._client = None
        self._client_error: ProviderFailure | None = None
        self._chats: dict = {}

    def __repr__(self) -> str:  # never show the key
        return f"WatsonxProvider(model={self.model!r}, url={self.endpoint!r})"

    def unavailable(self) -> str | None:
        from ...progress import reason  # a Note: the console words it in the run's language

        if not self._api_key:
            return reason("watsonx", "no_key", variables="WATSONX_APIKEY/WATSONX_API_KEY")
        if not (self._project_id or self._space_id):
            return reason("watsonx", "no_project", project="WATSONX_PROJECT_ID", space="WATSONX_SPACE_ID")
        try:
            import langchain_ibm  # noqa: F401
        except ImportError:
            return reason("watsonx", "not_installed", package="langchain-ibm", install=INSTALL_HINT)
        return None

    def sdk_retries(self) -> None:
        """What the SDK reads from os.environ, from our settings (so .env values reach it too)."""
        os.environ["WATSONX_MAX_RETRIES"] = str(self._max_retries)
        os.environ["WATSONX_DELAY_TIME"] = str(self._delay_time)
        os.environ["WX_CLIENT_VERIFY_REQUESTS"] = str(self._verify)  # the SDK's global switch: never "false"

    def credentials(self):
        from ibm_watsonx_ai import Credentials

        return Credentials(url=self.endpoint, api_key=self._api_key, username=self._username, instance_id=self._instance_id,
                           version=self._version, verify=self._verify)

    def api_client(self):
        """Built once per run, on first use (it fetches the IAM token); a failure is remembered."""
        with self._lock:
            if self._client is not None:
                return self._client
            if self._client_error is not None:
                raise self._client_error
            from ibm_watsonx_ai import APIClient
            from ibm_watsonx_ai._wrappers.httpx.retry_transport import factories
            from ibm_watsonx_ai.utils.utils import HttpClientConfig

            self.sdk_retries()
            config = HttpClientConfig(timeout=httpx.Timeout(self._timeout, connect=min(self._timeout, 10.0)))
            transport_retries = factories.TRANSPORT_RETRIES
            try:
                # The transport's 5xx retries are a module constant read when a client is built.
                factories.TRANSPORT_RETRIES = min(transport_retries, self._max_retries)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # the SDK warns that scope_validation=False skips checks we do not need
                    self._client = APIClient(
                        credentials=self.credentials(),
                        project_id=self._project_id,
                        space_id=None if self._project_id else self._space_id,
                        httpx_client=config,
                        async_httpx_client=config,
                        scope_validation=False,  # skips a GET of the project: one request fewer per run
                    )
            except BaseException as exc:  # noqa: BLE001 - narrowed at once: only provider errors become failures
                reason = _client_failure(exc)
                if reason is None:
                    raise
                self._client_error = reason
                raise reason from None
            finally:
                factories.TRANSPORT_RETRIES = transport_retries
            return self._client

    def invoke(self, messages: list[dict], parameters: dict) -> Reply:
        from langchain_ibm import ChatWatsonx

        conversation = langchain_messages(messages, self.name)
        client = self.api_client()
        start = time.perf_counter()
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
        try:
            try:
                message = chat.invoke(conversation)
            except BaseExceptionGroup as group:
                raise unwrap_group(group) from None
        except provider_errors() as exc:
            raise failure(self.name, exc) from None
        except REPLY_SHAPE_ERRORS as exc:  # the SDK indexed a reply without `choices`, `message`, ...
            raise MalformedReply(f"{self.name}: balasan tidak berbentuk jawaban chat ({short(exc)})") from None
        text = text_of(message)
        check_reply(self.name, text, (message.response_metadata or {}).get("finish_reason"))
        return Reply(text, usage_of(message), time.perf_counter() - start)


def _client_failure(exc: BaseException) -> ProviderFailure | None:
    """The failure building the client means (IAM token refused, TLS not trusted, offline), or None."""
    try:
        exc = unwrap_group(exc) if isinstance(exc, BaseExceptionGroup) else exc
    except BaseExceptionGroup:
        return None
    if not isinstance(exc, provider_errors()):
        return None
    reason = failure("watsonx", exc)
    return type(reason)(str(reason).replace("watsonx: ", "watsonx: autentikasi gagal: ", 1))
