"""What every provider shares: the `Provider` protocol, `Reply`, the two failure kinds and the
narrow list of exceptions that mean "this provider failed".

Failures are caught by a narrow list of real provider errors (SDK, httpx, timeouts), never by
`except Exception`, so a test harness error (a missing recorded interaction) is never mistaken for a
provider outage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

INSTALL_HINT = "pip install langchain-ibm ibm-watsonx-ai langchain-ollama (core dependencies of interpret)"


class ProviderUnavailable(Exception):
    """The provider cannot be used in this run (no credentials, no server, no model); the message says why."""


class ProviderFailure(Exception):
    """A real provider error during a call (HTTP error after the SDK's retries, timeout, bad reply)."""


class ProviderDisabled(ProviderFailure):
    """A failure no retry can mend (401/403, a model the service does not offer, TLS not trusted):
    the chain skips the provider for the rest of the run."""


class TruncatedReply(ProviderFailure):
    """The model stopped at its token limit (`finish_reason`/`done_reason` "length"): half a draft."""


class MalformedReply(ProviderFailure):
    """The reply is not what the API promises (no `choices`, not JSON, the wrong shape, empty)."""


# What an SDK raises when a reply has the wrong shape: it indexes and validates the body it got.
# Caught only around the SDK's own call (never around our code), so our bugs still surface.
REPLY_SHAPE_ERRORS: tuple[type[BaseException], ...] = (KeyError, IndexError, TypeError, AttributeError, ValueError)
DISABLING_STATUSES = (401, 403, 404)


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
    import httpx  # only once a provider is built: `interpret --help` validates provider names, nothing more

    # OSError covers ssl.SSLError and the SDK's "Connection cannot be verified" (TLS verification failed).
    errors: list[type[BaseException]] = [httpx.HTTPError, TimeoutError, ConnectionError, OSError]
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


def status_of(exc: BaseException) -> int | None:
    """The HTTP status an error carries (httpx, the watsonx SDK's ApiRequestFailure, Ollama's ResponseError)."""
    for candidate in (getattr(exc, "status_code", None), getattr(getattr(exc, "response", None), "status_code", None)):
        if isinstance(candidate, int):
            return candidate
    return None


def is_tls_failure(exc: BaseException) -> bool:
    import ssl

    seen, current = 0, exc
    while current is not None and seen < 8:  # the SDK wraps the ssl error in an OSError
        if isinstance(current, ssl.SSLError) or "CERTIFICATE_VERIFY_FAILED" in str(current) or "cannot be verified" in str(current):
            return True
        current, seen = current.__cause__ or current.__context__, seen + 1
    return False


def unwrap_group(exc: BaseException) -> BaseException:
    """The SDK's transport raises an ExceptionGroup of its attempts: the last attempt's error, when
    every attempt failed with a provider error (anything else in the group is re-raised as it is)."""
    if isinstance(exc, BaseExceptionGroup):
        errors = provider_errors()
        if exc.exceptions and all(isinstance(e, errors) for e in exc.exceptions):
            return exc.exceptions[-1]
        raise exc
    return exc


def failure(provider: str, exc: BaseException) -> ProviderFailure:
    """The provider failure a real provider error means: disabling for TLS, 401/403 and 404."""
    if is_tls_failure(exc):
        return ProviderDisabled(f"{provider}: koneksi TLS tidak terpercaya, kunci tidak dikirim ({short(exc)})")
    status = status_of(exc)
    said = _service_message(exc)
    if status in DISABLING_STATUSES:
        return ProviderDisabled(f"{provider}: HTTP {status} ({said or short(exc)})")
    if status is not None and said:
        return ProviderFailure(f"{provider}: HTTP {status} ({said})")
    return ProviderFailure(f"{provider}: {short(exc)}")


def _service_message(exc: BaseException) -> str | None:
    """What the service said, from its error body (watsonx `errors[0]`, Ollama `error`), in one short line."""
    import json

    response = getattr(exc, "response", None)
    try:
        body = json.loads(getattr(response, "text", "") or "")
    except (TypeError, ValueError):
        body = None
    if isinstance(body, dict):
        errors = body.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            first = errors[0]
            return " ".join(f"{first.get('code', '')}: {first.get('message', '')}".split())[:200]
        if isinstance(body.get("error"), str):
            return " ".join(body["error"].split())[:200]
    text = getattr(exc, "error", None)  # Ollama's ResponseError keeps the message here
    return " ".join(text.split())[:200] if isinstance(text, str) and text else None


def check_reply(provider: str, text: str, finish_reason) -> None:
    if finish_reason == "length":
        raise TruncatedReply(f"{provider}: jawaban terpotong di batas token (finish_reason=length)")
    if not text.strip():
        raise MalformedReply(f"{provider}: jawaban kosong")


def short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return f"{type(exc).__name__}: {text[:200]}"


def usage_of(message) -> dict:
    meta = getattr(message, "usage_metadata", None) or {}
    prompt = int(meta.get("input_tokens", 0) or 0)
    completion = int(meta.get("output_tokens", 0) or 0)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": int(meta.get("total_tokens", prompt + completion) or 0)}


def langchain_messages(messages: list[dict], provider: str = ""):
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
    unknown = sorted({str(m.get("role")) for m in messages if m.get("role") not in kinds})
    if unknown:  # an edited prompt copy with a misspelled role: this provider cannot be asked
        raise MalformedReply(f"{provider}: peran pesan tidak dikenal: {', '.join(unknown)} (system | user | assistant; lihat `interpret prompts check`)")
    return [kinds[m["role"]](content=m["content"]) for m in messages]


def text_of(message) -> str:
    content = message.content
    if isinstance(content, list):  # content blocks
        content = "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    return str(content)
