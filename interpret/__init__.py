"""interpret: cluster Indonesian socio-economic tables and write a verified policy brief.

Library first: everything the CLI does is one call away.

    from interpret import resolve_settings, run_brief
    brief = run_brief(resolve_settings({"k": 4}), write=False)
    brief.facts.cluster(1).members
"""

from .config import Settings, resolve_settings
from .errors import ConfigError, DataError, InterpretError, ModelError, TemplateError, VerificationError
from .pipeline import BriefResult, run_brief

__version__ = "0.1.0"

__all__ = [
    "BriefResult",
    "ConfigError",
    "DataError",
    "InterpretError",
    "ModelError",
    "Settings",
    "TemplateError",
    "VerificationError",
    "resolve_settings",
    "run_brief",
]
