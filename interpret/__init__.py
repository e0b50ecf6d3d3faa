"""interpret: cluster Indonesian socio-economic tables and write a verified policy brief.

Library first: everything the CLI does is one call away.

    from interpret import resolve_settings, run_brief
    brief = run_brief(resolve_settings({"k": 4}), write=False)
    brief.facts.cluster(1).members
"""

from .config import Settings, resolve_settings
from .errors import ConfigError, DataError, InternalError, InterpretError, TemplateError, VerificationError

__version__ = "0.1.0"

__all__ = [
    "BriefResult",
    "ConfigError",
    "DataError",
    "InternalError",
    "InterpretError",
    "Settings",
    "TemplateError",
    "VerificationError",
    "resolve_settings",
    "run_brief",
]


def __getattr__(name: str):
    # The pipeline imports pandas, scikit-learn and the report stack. `import interpret` also runs for
    # `interpret --help`, so the pipeline's names load on first use instead.
    if name in ("BriefResult", "run_brief"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'interpret' has no attribute {name!r}")
