"""interpret: cluster Indonesian socio-economic tables and write a verified policy brief.

Library first: everything the CLI does is one call away.

    from interpret import resolve_settings, run_brief
    brief = run_brief(resolve_settings({"k": 4}), write=False)
    brief.facts.cluster(1).members
"""

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


_LAZY = {"Settings": "config", "resolve_settings": "config", "BriefResult": "pipeline", "run_brief": "pipeline"}


def __getattr__(name: str):
    # `import interpret` also runs for `interpret --help`, which needs neither the pipeline (pandas,
    # scikit-learn, the report stack) nor the resolved settings class: both load on first use.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'interpret' has no attribute {name!r}")
