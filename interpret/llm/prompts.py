"""The prompt library: Jinja2 templates in prompts/ (or a copy named with --prompts), each with its
model parameters in a TOML file beside it, rendered in a sandbox with StrictUndefined.

`render(name, context)` returns the chat messages exactly as they are sent; `check(...)` finds what
would break a run (syntax, undefined variables, a template that no longer asks for JSON, sectors
the rules do not know, bad parameter files) and names file and line.
"""

from __future__ import annotations

import re
import tomllib
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError as JinjaTemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from ..errors import TemplateError
from .context import data_json

REQUIRED = ("system", "cluster", "summary", "repair_json", "repair_facts")
ASKS_FOR_JSON = ("cluster", "summary", "repair_json", "repair_facts")
PARAMETERS = {"temperature": float, "max_tokens": int, "top_p": float, "seed": int}
TOML_KEYS = {"system", "role", "parameters"}
_SECTOR_IN_EXAMPLE = re.compile(r'"sektor"\s*:\s*"([^"]+)"')


def default_prompts_dir() -> Path:
    from prompts import PROMPTS_DIR

    return PROMPTS_DIR


@dataclass(frozen=True)
class PromptSpec:
    name: str
    path: Path
    role: str
    system: str | None
    parameters: dict = field(default_factory=dict)


class PromptLibrary:
    def __init__(self, directory: Path | None = None):
        self.directory = Path(directory) if directory else default_prompts_dir()
        if not self.directory.is_dir():
            raise TemplateError(f"Prompts folder not found: {self.directory}. Pass an existing folder with --prompts (copy prompts/ to start).")
        self.env = SandboxedEnvironment(
            loader=FileSystemLoader(str(self.directory)),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            autoescape=False,
        )
        self.env.filters["data"] = data_json
        self._specs: dict[str, PromptSpec] = {}

    def names(self) -> list[str]:
        return sorted(p.stem for p in self.directory.glob("*.j2"))

    def spec(self, name: str) -> PromptSpec:
        if name not in self._specs:
            self._specs[name] = self._read_spec(name)
        return self._specs[name]

    def _read_spec(self, name: str) -> PromptSpec:
        path = self.directory / f"{name}.j2"
        if not path.is_file():
            raise TemplateError(f"Prompt '{name}' not found: {path} does not exist (known: {', '.join(self.names())}).")
        toml_path = path.with_suffix(".toml")
        raw: dict = {}
        if toml_path.is_file():
            try:
                raw = tomllib.loads(toml_path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise TemplateError(f"{toml_path}: not valid TOML: {exc}. Fix the syntax.") from None
        unknown = sorted(set(raw) - TOML_KEYS)
        if unknown:
            raise TemplateError(f"{toml_path}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(TOML_KEYS))}.")
        parameters = dict(raw.get("parameters", {}))
        for key, value in parameters.items():
            kind = PARAMETERS.get(key)
            if kind is None:
                raise TemplateError(f"{toml_path}: unknown model parameter '{key}'; known: {', '.join(PARAMETERS)}.")
            if not isinstance(value, (int, float)) or isinstance(value, bool) or (kind is int and not float(value).is_integer()):
                raise TemplateError(f"{toml_path}: parameter {key} = {value!r} must be a {kind.__name__}.")
            parameters[key] = kind(value)
        return PromptSpec(name, path, str(raw.get("role", "user")), raw.get("system") or None, parameters)

    def _render_one(self, name: str, context: dict) -> str:
        try:
            template = self.env.get_template(f"{name}.j2")
            return template.render(**context).strip()
        except TemplateSyntaxError as exc:
            raise TemplateError(f"{self.directory / (exc.name or name + '.j2')}:{exc.lineno}: syntax error: {exc.message}") from None
        except UndefinedError as exc:
            raise TemplateError(f"{self.directory / (name + '.j2')}:{_template_line(exc, name)}: undefined variable: {exc.message}. "
                                "prompts/README.md lists every variable.") from None
        except JinjaTemplateError as exc:
            raise TemplateError(f"{self.directory / (name + '.j2')}:{_template_line(exc, name)}: {exc}") from None

    def render(self, name: str, context: dict) -> list[dict]:
        """The messages of prompt `name`: its system message (if it names one), then its own."""
        spec = self.spec(name)
        messages = []
        if spec.system:
            system = self.spec(spec.system)
            messages.append({"role": system.role, "content": self._render_one(system.name, context)})
        messages.append({"role": spec.role, "content": self._render_one(name, context)})
        return messages

    def compile_all(self) -> None:
        for name in self.names():
            try:
                self.env.get_template(f"{name}.j2")
            except JinjaTemplateError:
                pass  # reported with file and line when the template is rendered

    def parameters(self, name: str) -> dict:
        return dict(self.spec(name).parameters)

    def source(self, name: str) -> str:
        return self.spec(name).path.read_text(encoding="utf-8")


def _template_line(exc: Exception, name: str) -> int | str:
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(f"{name}.j2"):
            return frame.lineno
    return "?"


def check_library(library: PromptLibrary, contexts: dict[str, dict], sectors: list[str]) -> list[str]:
    """Every problem in the prompts folder, as "file:line: message" strings; [] when all is well.

    `contexts` maps a prompt name to an example context (built from real facts) to render it with.
    """
    problems: list[str] = []
    names = library.names()
    for required in REQUIRED:
        if required not in names:
            problems.append(f"{library.directory / (required + '.j2')}: missing; the drafting chain needs it (copy it from the shipped prompts/).")
    allowed = {s.lower() for s in sectors}
    for name in names:
        path = library.directory / f"{name}.j2"
        source = path.read_text(encoding="utf-8")
        try:
            library.env.parse(source, name=f"{name}.j2")
        except TemplateSyntaxError as exc:
            problems.append(f"{path}:{exc.lineno}: syntax error: {exc.message}")
            continue
        for lineno, line in enumerate(source.splitlines(), start=1):
            for sector in _SECTOR_IN_EXAMPLE.findall(line):
                if "{" not in sector and sector.lower() not in allowed:
                    problems.append(f"{path}:{lineno}: unknown sector '{sector}' (the rules allow: {', '.join(sectors)})")
        try:
            library.spec(name)
        except TemplateError as exc:
            problems.append(str(exc))
            continue
        if name not in contexts:
            continue
        try:
            messages = library.render(name, contexts[name])
        except TemplateError as exc:
            problems.append(str(exc))
            continue
        if name in ASKS_FOR_JSON and ("JSON" not in source or "JSON" not in messages[-1]["content"]):
            problems.append(f"{path}:1: the prompt no longer asks for JSON; the drafting chain parses a JSON object from the answer.")
    return problems
