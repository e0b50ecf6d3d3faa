"""One error hierarchy for everything `interpret` refuses to do.

Every message names what is wrong (file, column, row or setting) and how to fix it. The CLI maps
these to exit code 2 (bad input); anything else is unexpected and exits 1.
"""

from __future__ import annotations


class InterpretError(Exception):
    """Base class: a problem the user can fix. ``exit_code`` is what the CLI returns."""

    exit_code = 2


class DataError(InterpretError):
    """The data table cannot be used as it is (missing file, bad values, duplicate ids, ...)."""


class ConfigError(InterpretError):
    """A setting, spec file or config file is wrong."""


class TemplateError(InterpretError):
    """A report or prompt template cannot be rendered."""


class ModelError(InterpretError):
    """A language-model provider failed in a way the fallback chain could not absorb."""


class VerificationError(InterpretError):
    """A narrative could not be checked against the facts."""
