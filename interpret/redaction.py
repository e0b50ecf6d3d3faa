"""One redaction filter for every text that came from a provider or its SDK.

A provider's error text may quote the API key, an IAM bearer token or the project id (an SDK that
echoes its request, a proxy that echoes the form body). Every such text passes through `redact`
before it reaches drafting notes, result.json, the brief, a log record or the console:

- the configured secrets themselves (the watsonx key, project and space id, from the settings and
  from the environment), wherever they appear;
- anything shaped like a credential: JWTs, `Bearer …`, `key=…`/`"token": "…"` pairs, and long runs
  of letters and digits (44-character IBM Cloud keys, hex tokens) that no sentence of ours contains.

`redact_secrets` replaces only the configured secrets: it is the last pass over the brief's files,
whose hashes (data_sha256) are key-shaped but not secret. `install_log_redaction` makes every log
record pass through `redact` and keeps the SDK loggers off the console.
"""

from __future__ import annotations

import logging
import os
import re
import threading

MASK = "[REDACTED]"
# The environment variables whose values are secrets, whichever one the user set.
SECRET_VARIABLES = ("WATSONX_APIKEY", "WATSONX_API_KEY", "WATSONX_PROJECT_ID", "WATSONX_SPACE_ID", "WATSONX_TOKEN", "WATSONX_PASSWORD")
# Below this length a value is too common to replace everywhere (and too short to be a real key).
MIN_SECRET_LENGTH = 6
SDK_LOGGERS = ("ibm_watsonx_ai", "httpx", "httpcore", "langchain", "langchain_core", "langchain_ibm", "langchain_ollama", "ollama", "urllib3", "requests")

_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")
_BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}")
# key=value, key: value, "key": "value" (JSON, form bodies, headers, query strings)
_PAIR = re.compile(
    r"""(?ix)
    (["']?\b(?:[a-z_-]*api[_-]?key|apikey|access[_-]?token|refresh[_-]?token|id[_-]?token|token|secret|password|passwd|
        authorization|x-api-key|project[_-]?id|space[_-]?id)["']?\s*[:=]\s*["']?)
    ([^\s"'&,;}]{4,})"""
)
# A run of token characters with a 20+ stretch of letters and digits mixed: an API key, a hex or base64
# token; never a model id (granite-3-8b-instruct: short parts) nor a word.
_RUN = re.compile(r"[A-Za-z0-9_+/=-]{20,}")
_STRETCH = re.compile(r"[A-Za-z0-9]{20,}")
_UUID = re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")

_registered: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """A secret this run knows (the settings' key, project and space id): replaced wherever it appears."""
    if value and len(value.strip()) >= MIN_SECRET_LENGTH:
        with _lock:
            _registered.add(value.strip())


def register_settings(settings) -> None:
    for name in ("watsonx_api_key", "watsonx_project_id", "watsonx_space_id"):
        register_secret(getattr(settings, name, None))


def known_secrets() -> list[str]:
    """The registered secrets and those in the environment now, longest first (a key that contains
    another is replaced whole)."""
    values = {os.environ.get(name, "").strip() for name in SECRET_VARIABLES}
    with _lock:
        values |= _registered
    return sorted((v for v in values if len(v) >= MIN_SECRET_LENGTH), key=len, reverse=True)


def redact_secrets(text: str) -> str:
    """Only the configured secrets: safe for whole documents that hold key-shaped hashes."""
    for secret in known_secrets():
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def redact(text) -> str:
    """A provider's or SDK's message with every secret and credential-shaped run masked."""
    text = redact_secrets(str(text))
    text = _JWT.sub(MASK, text)
    text = _BEARER.sub(lambda m: f"{m.group(1)} {MASK}", text)
    text = _PAIR.sub(lambda m: m.group(1) + MASK, text)
    text = _UUID.sub(MASK, text)
    return _RUN.sub(_mask_key_shaped, text)


def _mask_key_shaped(match: re.Match) -> str:
    run = match.group(0)
    for stretch in _STRETCH.findall(run):
        if any(c.isdigit() for c in stretch) and any(c.isalpha() for c in stretch):
            return MASK
    return run


class RedactingFilter(logging.Filter):
    """Rewrites a record's message (and its traceback text) through `redact`; drops nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        _redact_record(record)
        return True


def _redact_record(record: logging.LogRecord) -> logging.LogRecord:
    if getattr(record, "_interpret_redacted", False):
        return record
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a malformed record from a library: keep its raw template
        message = str(record.msg)
    record.msg, record.args = redact(message), ()
    if record.exc_info and not record.exc_text:
        record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
    elif record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    record._interpret_redacted = True
    return record


_installed = False


def install_log_redaction() -> None:
    """Every log record, from any logger, is redacted when it is made (a record factory, so no
    handler, not even logging's last-resort stderr handler, sees the raw text); the SDK loggers stop
    at WARNING and do not reach the console unless INTERPRET_DEBUG is set: the one console line per
    provider is the pipeline's own "llm:" line."""
    global _installed
    with _lock:
        if _installed:
            return
        _installed = True
    previous = logging.getLogRecordFactory()

    def factory(*args, **kwargs):
        return _redact_record(previous(*args, **kwargs))

    logging.setLogRecordFactory(factory)
    debug = bool(os.environ.get("INTERPRET_DEBUG"))
    for name in SDK_LOGGERS:
        logger = logging.getLogger(name)
        logger.addFilter(RedactingFilter())
        if not debug:
            logger.setLevel(max(logger.level, logging.WARNING))
            logger.propagate = False
            if not logger.handlers:
                logger.addHandler(logging.NullHandler())  # not the last-resort handler on stderr
