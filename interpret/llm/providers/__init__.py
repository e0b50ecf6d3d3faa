"""The model providers of the drafting chain, as a registry: one module per provider in this folder.

A provider module defines `build(settings, model=None) -> Provider` and `AUTO_ORDER` (its place in
the `auto` chain, or None to be used only when named with --provider). Its name is its file name, so
a new provider is one file here (and its settings in interpret/settings.py): `--provider NAME`
accepts it, `auto` tries it in its order. Names are listed from the folder without importing a
module, so validating `--provider` costs nothing at start-up.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType

from ._base import INSTALL_HINT, Provider, ProviderFailure, ProviderUnavailable, Reply, provider_errors

AUTO, NONE = "auto", "none"  # every provider in AUTO_ORDER; no provider (the rule-based drafter)


@cache
def provider_names() -> tuple[str, ...]:
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


def provider_choices() -> tuple[str, ...]:
    """What --provider accepts (interpret/settings.py validates against it)."""
    return (AUTO, *provider_names(), NONE)


def provider_module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


def chain_names(choice: str) -> list[str]:
    """The providers `--provider choice` tries, in order."""
    if choice == NONE:
        return []
    if choice != AUTO:
        return [choice]
    ranked = [(provider_module(n).AUTO_ORDER, n) for n in provider_names()]
    return [n for order, n in sorted((o, n) for o, n in ranked if o is not None)]


def build_providers(settings) -> list[Provider]:
    """The chain's providers; `--model` names the model of the first one."""
    names = chain_names(settings.provider)
    return [provider_module(n).build(settings, model=settings.model if i == 0 else None) for i, n in enumerate(names)]


__all__ = [
    "INSTALL_HINT", "Provider", "ProviderFailure", "ProviderUnavailable", "Reply",
    "build_providers", "chain_names", "provider_choices", "provider_errors", "provider_module", "provider_names",
]
