"""Secret scrubbing for recorded HTTP interactions (vcrpy `before_record_request/response` hooks).

A real watsonx recording would otherwise hold the API key (IAM form body), the bearer JWT, the
IAM refresh token, the project or space id and cookies in plain text. These hooks replace them at
record time. vcrpy also runs them on every interaction it loads and on each live request before
matching, so they are idempotent, and a replayed request matches its scrubbed recording.

The fake IAM token is an unsigned JWT (empty signature) that expires in 2100, so the SDK decodes its
`exp` and does not re-authenticate; no secret scanner mistakes it for a real, signed token.
"""

from __future__ import annotations

import base64
import json
import re
from urllib.parse import parse_qsl, urlencode

FAKE_PROJECT_ID = "00000000-0000-4000-8000-000000000000"
REDACTED = "REDACTED"
SECRET_FIELDS = ("apikey", "api_key", "password", "refresh_token")
DROP_REQUEST_HEADERS = ("cookie", "user-agent", "x-request-id")
DROP_RESPONSE_HEADERS = ("set-cookie", "x-global-transaction-id", "x-request-id", "x-correlation-id")
_SCOPE_IN_URL = re.compile(r"((?:project_id|space_id)=)[^&]+")
_SCOPE_IN_PATH = re.compile(r"(/v2/(?:projects|spaces)/)[^/?]+")


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode().rstrip("=")


FAKE_JWT = _b64({"alg": "none", "typ": "JWT"}) + "." + _b64(
    {"iam_id": "iam-ServiceId-00000000", "sub": "ServiceId-00000000", "iat": 1700000000, "exp": 4102444800}
) + "."


def _text(body) -> tuple[str | None, bool]:
    if body is None:
        return None, False
    if isinstance(body, bytes):
        try:
            return body.decode("utf-8"), True
        except UnicodeDecodeError:
            return None, True
    return str(body), False


def _scrub_json(value):
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in ("project_id", "space_id") and isinstance(item, str):
                out[key] = FAKE_PROJECT_ID
            elif key == "access_token" and isinstance(item, str):
                out[key] = FAKE_JWT
            elif key in SECRET_FIELDS:
                continue
            else:
                out[key] = _scrub_json(item)
        return out
    if isinstance(value, list):
        return [_scrub_json(v) for v in value]
    return value


def scrub_body_text(text: str) -> str:
    stripped = text.strip()
    if stripped.startswith(("{", "[")):
        try:
            return json.dumps(_scrub_json(json.loads(stripped)), ensure_ascii=False, separators=(",", ":"))
        except ValueError:
            pass
    if "=" in text and "\n" not in text and "apikey" in text:  # a form body: apikey=...&grant_type=...
        pairs = [(k, REDACTED if k in SECRET_FIELDS else v) for k, v in parse_qsl(text, keep_blank_values=True)]
        return urlencode(pairs)
    return text


def scrub_request(request):
    """vcrpy before_record_request: headers, form/JSON secrets, project/space id in URL and body."""
    for name in list(request.headers):
        lower = name.lower()
        if lower == "authorization":
            request.headers[name] = REDACTED
        elif lower in DROP_REQUEST_HEADERS:
            del request.headers[name]
    request.uri = _SCOPE_IN_PATH.sub(rf"\g<1>{FAKE_PROJECT_ID}", _SCOPE_IN_URL.sub(rf"\g<1>{FAKE_PROJECT_ID}", request.uri))
    text, was_bytes = _text(request.body)
    if text is not None:
        scrubbed = scrub_body_text(text)
        if scrubbed != text:
            request.body = scrubbed.encode("utf-8") if was_bytes else scrubbed
    return request


def scrub_response(response: dict) -> dict:
    """vcrpy before_record_response: cookies, IAM tokens (→ FAKE_JWT), project ids in bodies."""
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in DROP_RESPONSE_HEADERS:
            del headers[name]
    body = response.get("body", {})
    text, was_bytes = _text(body.get("string"))
    if text is not None and text.strip().startswith(("{", "[")):
        scrubbed = scrub_body_text(text)
        if scrubbed != text:
            body["string"] = scrubbed.encode("utf-8") if was_bytes else scrubbed
            for name in list(headers):
                if name.lower() == "content-length":
                    headers[name] = [str(len(scrubbed.encode("utf-8")))]
    return response


def vcr_config() -> dict:
    """The pytest-recording `vcr_config` for interpret's cassettes (no record_mode: the CLI flag decides)."""
    return {
        "filter_headers": [("authorization", REDACTED), ("cookie", None), ("user-agent", None)],
        "filter_post_data_parameters": [("apikey", REDACTED)],
        "before_record_request": scrub_request,
        "before_record_response": scrub_response,
        "decode_compressed_response": True,
        "match_on": ["method", "scheme", "host", "port", "path", "body"],
    }


# The shapes a cassette must never hold (tests/test_llm_cassettes.py scans every file for them).
SECRET_SHAPES = {
    "signed JWT": re.compile(r"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}"),
    "apikey value": re.compile(r"apikey[\"']?\s*[=:]\s*[\"']?(?!REDACTED)[A-Za-z0-9_-]{8,}"),
    "bearer token": re.compile(r"Bearer\s+(?!REDACTED)[A-Za-z0-9._-]{16,}"),
    "IBM Cloud API key": re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{44}(?![A-Za-z0-9_-])"),
    "refresh token": re.compile(r"refresh_token"),
    "cookie": re.compile(r"(?i)set-cookie|\bcookie:"),
}
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def secret_findings(text: str) -> list[str]:
    """What in a cassette looks like a secret or a real project id; [] when clean."""
    findings = [f"{name}: {m.group(0)[:24]}…" for name, pattern in SECRET_SHAPES.items() for m in pattern.finditer(text)]
    findings += [f"project/space id: {u}" for u in _UUID.findall(text) if u != FAKE_PROJECT_ID]
    return findings
