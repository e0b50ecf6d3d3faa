"""`interpret doctor`: can this machine draft with a model? Real requests, made when the user asks.

watsonx.ai: the credentials are there, the IAM token is fetched (over verified TLS), the chat models
the account can use are listed (`foundation_model_specs`, chat models not withdrawn), and the
configured model is among them. Ollama: the server answers, the model is pulled, and its context
length (`/api/show`) holds a prompt. Every line passes `interpret.redaction` (never a key or token).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..redaction import redact, register_settings


@dataclass(frozen=True)
class Check:
    provider: str
    what: str
    ok: bool
    detail: str


def run_doctor(settings) -> list[Check]:
    from ..redaction import install_log_redaction

    install_log_redaction()
    register_settings(settings)
    checks = watsonx_checks(settings) + ollama_checks(settings)
    return [Check(c.provider, c.what, c.ok, redact(c.detail)) for c in checks]


def watsonx_checks(settings) -> list[Check]:
    from .providers import ProviderFailure, provider_module
    from .providers._base import provider_errors, short, unwrap_group

    provider = provider_module("watsonx").build(settings)
    checks = []
    reason = provider.unavailable()
    if reason:
        return [Check("watsonx", "kredensial", False, reason)]
    checks.append(Check("watsonx", "kredensial", True, f"kunci API dan proyek/space ada; {provider.endpoint}"))
    try:
        client = provider.api_client()
    except ProviderFailure as exc:
        return checks + [Check("watsonx", "token IAM", False, str(exc))]
    checks.append(Check("watsonx", "token IAM", True, "token diperoleh (TLS terverifikasi)"))
    try:
        try:
            specs = client.foundation_models.get_chat_model_specs() or {}
        except BaseExceptionGroup as group:
            raise unwrap_group(group) from None
    except provider_errors() as exc:
        return checks + [Check("watsonx", "model chat", False, f"daftar model tidak terbaca ({short(exc)})")]
    models = sorted(r.get("model_id", "") for r in specs.get("resources", []) if r.get("model_id"))
    granite = [m for m in models if "granite" in m]
    checks.append(Check("watsonx", "model chat", bool(models), f"{len(models)} model chat tersedia" + (f"; Granite: {', '.join(granite)}" if granite else "")))
    if provider.model in models:
        checks.append(Check("watsonx", "model terpasang", True, f"{provider.model} tersedia"))
    else:
        hint = f" (coba WATSONX_MODEL_ID={granite[0]})" if granite else ""
        checks.append(Check("watsonx", "model terpasang", False, f"{provider.model} tidak ditawarkan untuk akun ini{hint}"))
    return checks


def ollama_checks(settings) -> list[Check]:
    import httpx

    from .providers import provider_module

    provider = provider_module("ollama").build(settings)
    reason = provider.unavailable()
    if reason:
        return [Check("ollama", "server", False, reason)]
    checks = [Check("ollama", "server", True, f"{provider.endpoint}; model {provider.model} sudah diunduh")]
    try:
        response = httpx.post(f"{provider.endpoint}/api/show", json={"model": provider.model}, timeout=5.0)
        response.raise_for_status()
        shown = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        return checks + [Check("ollama", "konteks", False, f"/api/show gagal ({type(exc).__name__})")]
    info = shown.get("model_info") or {}
    context = next((v for k, v in info.items() if k.endswith(".context_length") and isinstance(v, int)), None)
    num_ctx = next((line.split()[-1] for line in str(shown.get("parameters", "")).splitlines() if line.startswith("num_ctx")), None)
    detail = f"panjang konteks model {context if context else 'tidak diketahui'}"
    if num_ctx:
        detail += f"; num_ctx server {num_ctx}"
    checks.append(Check("ollama", "konteks", context is not None, detail))
    return checks
