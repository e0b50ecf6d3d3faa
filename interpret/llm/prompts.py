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
# What each parameter may be (watsonx.ai and Ollama accept these; outside them a call fails or misbehaves).
RANGES = {"temperature": (0.0, 2.0), "max_tokens": (1, 32_768), "top_p": (0.01, 1.0), "seed": (0, 2**32 - 1)}
ROLES = ("system", "user", "assistant")
TOML_KEYS = {"system", "role", "parameters"}
# Templates rendered with user data: each must hold a data block, and that data only inside it.
CARRIES_DATA = ("cluster", "summary", "repair_json", "repair_facts")
_DATA_BLOCK = re.compile(r"<data>(.*?)</data>", re.DOTALL)
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
            low, high = RANGES[key]
            if not low <= value <= high:
                raise TemplateError(f"{toml_path}: parameter {key} = {value!r} is out of range; allowed {low} to {high}.")
            parameters[key] = kind(value)
        role = raw.get("role", "user")
        if role not in ROLES:
            raise TemplateError(f"{toml_path}: role = {role!r} is not a chat role; use one of {', '.join(ROLES)}.")
        system = raw.get("system") or None
        if system is not None and (not isinstance(system, str) or not (self.directory / f"{system}.j2").is_file()):
            raise TemplateError(f"{toml_path}: system = {system!r} names no template in {self.directory}; name the system message's template (e.g. \"system\").")
        return PromptSpec(name, path, role, system, parameters)

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
        if library.spec(name).system and library.spec(library.spec(name).system).role != "system":
            problems.append(f"{path.with_suffix('.toml')}:1: system = {library.spec(name).system!r} is a template whose role is not \"system\".")
        problems.extend(data_problems(library, name, source, messages[-1]["content"], user_values(contexts[name])))
    return problems


def _data_filtered(node) -> bool:
    from jinja2 import nodes

    return isinstance(node, nodes.Filter) and node.name == "data"


def data_problems(library: PromptLibrary, name: str, source: str, rendered: str, values: list[str]) -> list[str]:
    """The data-safety rule: a template that carries user data has a `<data>` block; every value printed
    inside it goes through `| data` (JSON, "<" and ">" escaped); no user value appears outside it."""
    from jinja2 import nodes

    path = library.directory / f"{name}.j2"
    problems = []
    inside = False
    for output in library.env.parse(source).find_all(nodes.Output):
        for node in output.nodes:
            if isinstance(node, nodes.TemplateData):
                for tag in re.findall(r"</?data>", node.data):
                    inside = tag == "<data>"
            elif inside and not _data_filtered(node):
                problems.append(f"{path}:{node.lineno}: a value inside <data> must be written with the data filter ({{{{ value | data }}}}): "
                                "it writes JSON and escapes \"<\" and \">\" so the value cannot end the block.")
    if name in CARRIES_DATA and not _DATA_BLOCK.search(rendered):
        problems.append(f"{path}:1: no <data> … </data> block; the user's values (names, labels) must reach the model only inside one.")
    outside = _DATA_BLOCK.sub(" ", rendered)
    leaked = sorted({v for v in values if v in outside})
    if leaked:
        problems.append(f"{path}:1: user data printed outside the <data> block: {', '.join(repr(v[:40]) for v in leaked[:4])}; "
                        "move it into the data block (through | data).")
    return problems


def user_values(context: dict) -> list[str]:
    """The values of a context that come from the user's table or spec (names, titles, labels), long
    enough to find in a prompt without false alarms."""
    found: list[str] = []
    dataset = context.get("dataset", {})
    found += [str(dataset.get(k, "")) for k in ("name", "title", "source")]
    found += [str(context.get("reference", {}).get("label", ""))]
    found += [str(f.get("label", "")) for f in context.get("features", [])]
    found += [str(m) for m in context.get("cluster", {}).get("members", [])]
    found += [str(v) for v in (context.get("other_labels") or {}).values()]
    found += [str(c.get("label", "")) for c in context.get("clusters", [])]
    return [v for v in dict.fromkeys(found) if len(v) >= 5]
