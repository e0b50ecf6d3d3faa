"""One error hierarchy for everything `interpret` refuses to do.

Every message names what is wrong (file, column, row or setting) and how to fix it. `exit_code` is
what the CLI returns: 2 for a problem in the user's input, 1 for a bug in interpret itself
(`InternalError`); any other exception is unexpected and also exits 1.
"""

from __future__ import annotations


class InterpretError(Exception):
    """Base class. ``exit_code`` is what the CLI returns: 2, a problem the user can fix."""

    exit_code = 2


class DataError(InterpretError):
    """The data table cannot be used as it is (missing file, bad values, duplicate ids, ...)."""


class ConfigError(InterpretError):
    """A setting, spec file or config file is wrong."""


class TemplateError(InterpretError):
    """A report or prompt template cannot be rendered."""


class VerificationError(InterpretError):
    """A narrative could not be checked against the facts."""


class InternalError(InterpretError):
    """A broken promise inside interpret (a drafter broke its contract, a repair left a false claim):
    not the user's input, so exit 1 and ask for a bug report."""

    exit_code = 1
