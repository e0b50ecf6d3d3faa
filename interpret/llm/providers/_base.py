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


def short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return f"{type(exc).__name__}: {text[:200]}"


def usage_of(message) -> dict:
    meta = getattr(message, "usage_metadata", None) or {}
    prompt = int(meta.get("input_tokens", 0) or 0)
    completion = int(meta.get("output_tokens", 0) or 0)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": int(meta.get("total_tokens", prompt + completion) or 0)}


def langchain_messages(messages: list[dict]):
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
    return [kinds[m["role"]](content=m["content"]) for m in messages]


def text_of(message) -> str:
    content = message.content
    if isinstance(content, list):  # content blocks
        content = "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    return str(content)
