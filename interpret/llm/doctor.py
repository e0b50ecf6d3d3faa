"""`interpret doctor`: can this machine draft with a model? Real requests, made when the user asks.

watsonx.ai: the credentials are there, the IAM token is fetched (over verified TLS), the chat models
the account can use are listed (`foundation_model_specs`, chat models not withdrawn), and the
configured model is among them. Ollama: the server answers, the model is pulled, and its context
length (`/api/show`) holds a prompt. Every line passes `interpret.redaction` (never a key or token). The words are the console catalogue's
(console.toml [note] doctor_*): each check's name and detail is a `Note`, worded in the run's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..progress import Note, redacted
from ..redaction import register_settings


@dataclass(frozen=True)
class Check:
    provider: str
    what: str
    ok: bool
    detail: str


def _what(check: str) -> Note:
    """The name of a check (console.toml [note] doctor_what_<check>), worded in the run's language."""
    return Note.of(f"doctor_what_{check}")


def run_doctor(settings) -> list[Check]:
    from ..redaction import install_log_redaction

    install_log_redaction()
    register_settings(settings)
    checks = watsonx_checks(settings) + ollama_checks(settings)
    return [Check(c.provider, c.what, c.ok, redacted(c.detail)) for c in checks]


def watsonx_checks(settings) -> list[Check]:
    from .providers import ProviderFailure, provider_module
    from .providers._base import provider_errors, short, unwrap_group

    provider = provider_module("watsonx").build(settings)
    checks = []
    reason = provider.unavailable()
    if reason:
        return [Check("watsonx", _what("credentials"), False, reason)]
    checks.append(Check("watsonx", _what("credentials"), True, Note.of("doctor_credentials_ok", endpoint=provider.endpoint)))
    try:
        client = provider.api_client()
    except ProviderFailure as exc:
        return checks + [Check("watsonx", _what("iam_token"), False, redacted(exc))]
    checks.append(Check("watsonx", _what("iam_token"), True, Note.of("doctor_iam_token_ok")))
    try:
        try:
            specs = client.foundation_models.get_chat_model_specs() or {}
        except BaseExceptionGroup as group:
            raise unwrap_group(group) from None
    except provider_errors() as exc:
        return checks + [Check("watsonx", _what("chat_models"), False, Note.of("doctor_chat_models_unread", error=short(exc)))]
    models = sorted(r.get("model_id", "") for r in specs.get("resources", []) if r.get("model_id"))
    granite = [m for m in models if "granite" in m]
    offered = Note.of("doctor_chat_models_granite", n=len(models), granite=", ".join(granite)) if granite else Note.of("doctor_chat_models", n=len(models))
    checks.append(Check("watsonx", _what("chat_models"), bool(models), offered))
    if provider.model in models:
        checks.append(Check("watsonx", _what("model"), True, Note.of("doctor_model_ok", model=provider.model)))
    else:
        missing = Note.of("doctor_model_missing_try", model=provider.model, other=granite[0]) if granite else Note.of("doctor_model_missing", model=provider.model)
        checks.append(Check("watsonx", _what("model"), False, missing))
    return checks


def ollama_checks(settings) -> list[Check]:
    import httpx

    from .providers import provider_module

    provider = provider_module("ollama").build(settings)
    reason = provider.unavailable()
    if reason:
        return [Check("ollama", _what("server"), False, reason)]
    checks = [Check("ollama", _what("server"), True, Note.of("doctor_server_ok", endpoint=provider.endpoint, model=provider.model))]
    try:
        response = httpx.post(f"{provider.endpoint}/api/show", json={"model": provider.model}, timeout=5.0)
        response.raise_for_status()
        shown = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        return checks + [Check("ollama", _what("context"), False, Note.of("doctor_show_failed", error=type(exc).__name__))]
    info = shown.get("model_info") or {}
    context = next((v for k, v in info.items() if k.endswith(".context_length") and isinstance(v, int)), None)
    num_ctx = next((line.split()[-1] for line in str(shown.get("parameters", "")).splitlines() if line.startswith("num_ctx")), None)
    length = Note.of("doctor_context", length=str(context)) if context else Note.of("doctor_context_unknown")
    detail = Note.of("doctor_context_num_ctx", context=length, num_ctx=num_ctx) if num_ctx else length
    checks.append(Check("ollama", _what("context"), context is not None, detail))
    return checks
