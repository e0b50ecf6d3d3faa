"""The bad-input suite: generated mutations of the default table, its spec, the environment, config
files, command-line values and `verify` inputs. Every case exits 2 with a message that names the
file, column, row or setting to fix, or exits 0 when the input is valid; none exits 1, and none
leaves a brief (or a staging folder) behind when it fails.

The CLI runs in-process (typer's CliRunner), rule-based, without PDF or bootstrap, so the whole
suite stays fast; the valid cases are few on purpose.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd
import pytest
from typer.testing import CliRunner

from interpret.cli import app
from interpret.data import default_spec_path

from .conftest import DEFAULT_CSV

runner = CliRunner()
FEATURES = ["UHH", "HLS", "RLS", "Pengeluaran"]
FAST = ["--bootstrap", "0", "--no-pdf", "--provider", "none"]
BRIEF_FILES = ("brief.md", "brief.html", "result.json", "assignments.csv")


@dataclass
class Case:
    """What a case gives the CLI: its arguments, environment, and files written into the tmp folder."""

    name: str
    build: Callable[[Path], "Invocation"]
    code: int = 2
    needle: str | Callable[[Path], str] = ""  # must appear in the output (the name of what to fix)
    check: Callable[[Path], None] | None = None  # of a valid case: asserts on the written brief folder


@dataclass
class Invocation:
    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    chdir: bool = False  # run inside the tmp folder (for ./.env and ./interpret.toml)
    command: str = "run"
    fast: bool = True  # add FAST (no bootstrap, no PDF, rule-based); off when the case sets those itself


def default_table() -> pd.DataFrame:
    return pd.read_csv(DEFAULT_CSV, dtype=str, keep_default_na=False)


def spec_text(**dataset_keys: str) -> str:
    text = default_spec_path().read_text(encoding="utf-8").replace('file = "ipm_2023_provinsi.csv"\n', "")
    extra = "".join(f"{k} = {v}\n" for k, v in dataset_keys.items())
    return text.replace('unit_plural = "provinsi"\n', 'unit_plural = "provinsi"\n' + extra)


def table_run(mutate: Callable[[pd.DataFrame], pd.DataFrame | None], *, suffix: str = ".csv", sep: str = ",",
              encoding: str = "utf-8", spec: str | None = None, extra: list[str] | None = None) -> Callable[[Path], Invocation]:
    def build(tmp: Path) -> Invocation:
        table = default_table()
        table = mutate(table) if mutate else table
        if table is None:
            table = default_table()
        data = tmp / f"data{suffix}"
        if suffix == ".parquet":
            table.to_parquet(data, index=False)
        elif suffix == ".xlsx":
            table.to_excel(data, index=False)
        else:
            data.write_bytes(table.to_csv(index=False, sep=sep).encode(encoding))
        spec_path = tmp / "spec.toml"
        spec_path.write_text(spec or spec_text(), encoding="utf-8")
        return Invocation([str(data), "--spec", str(spec_path), *(extra or [])])

    return build


def raw_file(name: str, content: bytes, *, spec: str | None = None) -> Callable[[Path], Invocation]:
    def build(tmp: Path) -> Invocation:
        (tmp / name).write_bytes(content)
        (tmp / "spec.toml").write_text(spec or spec_text(), encoding="utf-8")
        return Invocation([str(tmp / name), "--spec", str(tmp / "spec.toml")])

    return build


def set_cell(column: str, row: int, value: str):
    def mutate(table):
        table.loc[row, column] = value
        return table

    return mutate


def whole_column(column: str, value: str):
    def mutate(table):
        table[column] = value
        return table

    return mutate


def duplicate_column(column: str):
    def mutate(table):
        copy = table[[column]].copy()
        copy[column] = "1"
        return pd.concat([table, copy], axis=1)

    return mutate


def keep_rows(n: int):
    return lambda table: table.head(n)


def rename_ids(*names: str):
    def mutate(table):
        for i, name in enumerate(names):
            table.loc[i, "Provinsi"] = name
        return table

    return mutate


def rename_units(names: dict[str, str]):
    def mutate(table):
        table["Provinsi"] = table["Provinsi"].replace(names)
        return table

    return mutate


def indonesian(table: pd.DataFrame) -> pd.DataFrame:
    """The default table as an Indonesian spreadsheet writes it: 73,06 and 10.334."""
    for column in ("UHH", "HLS", "RLS"):
        table[column] = table[column].str.replace(".", ",", regex=False)
    table["Pengeluaran"] = [f"{int(v):,}".replace(",", ".") for v in table["Pengeluaran"]]
    return table


def ambiguous(table: pd.DataFrame) -> pd.DataFrame:
    """Only thousands-grouped numbers and whole numbers: 10.334 reads as 10 334 or as 10,334."""
    for column in ("UHH", "HLS", "RLS"):
        table[column] = [str(round(float(v))) for v in table[column]]
    table["Pengeluaran"] = [f"{int(v):,}".replace(",", ".") for v in table["Pengeluaran"]]
    table.loc[0, "UHH"] = "71"  # keep the columns from being constant
    return table


_FAST_OPTIONS = {"INTERPRET_BOOTSTRAP": ["--bootstrap", "0"], "INTERPRET_PDF": ["--no-pdf"], "INTERPRET_PROVIDER": ["--provider", "none"]}


def env_run(env: dict[str, str]) -> Callable[[Path], Invocation]:
    """The environment value alone: the command-line flag that would override it is left out."""
    args = [a for name, option in _FAST_OPTIONS.items() if name not in env for a in option]
    return lambda tmp: Invocation(args, env=env, fast=False)


def cli_run(*args: str | Callable[[Path], str], chdir: bool = False) -> Callable[[Path], Invocation]:
    return lambda tmp: Invocation([a(tmp) if callable(a) else a for a in args], chdir=chdir)


def config_run(text: bytes | str, *, dotenv: bool = False) -> Callable[[Path], Invocation]:
    def build(tmp: Path) -> Invocation:
        data = text.encode("utf-8") if isinstance(text, str) else text
        if dotenv:
            (tmp / ".env").write_bytes(data)
            return Invocation([], chdir=True)
        (tmp / "c.toml").write_bytes(data)
        return Invocation(["--config", str(tmp / "c.toml")])

    return build


def file_at(name: str, content: bytes | None = b"", folder: bool = False) -> Callable[[Path], str]:
    def make(tmp: Path) -> str:
        path = tmp / name
        if folder:
            path.mkdir(parents=True, exist_ok=True)
        elif content is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        return str(path)

    return make


# -- the cases -----------------------------------------------------------------------------------
CASES: list[Case] = []
# Cells of every feature column, at the first and the last row.
for column in FEATURES:
    for row in (0, 33):
        for value, label in (("abc", "text"), ("inf", "inf"), ("-inf", "neg-inf"), ("1e308", "huge"), ("1e999", "overflow")):
            CASES.append(Case(f"cell-{label}-{column}-{row}", table_run(set_cell(column, row, value)), needle=column))
    CASES.append(Case(f"constant-{column}", table_run(whole_column(column, "5")), needle=column))
    CASES.append(Case(f"empty-{column}", table_run(whole_column(column, "")), needle=column))
    CASES.append(Case(f"duplicate-column-{column}", table_run(duplicate_column(column)), needle=column))
    CASES.append(Case(f"missing-cell-{column}", table_run(set_cell(column, 7, "")), needle=column))
# Ids: empty, null-like, separators, duplicates, at the first and the last row.
for row in (0, 33):
    for value, label in (("", "empty"), ("NaN", "NaN"), ("None", "None"), ("null", "null"), ("nan", "nan"), ("NA", "NA"),
                         ("a;b", "semicolon"), ("a\nb", "newline"), ("Aceh" if row else "Papua", "duplicate")):
        CASES.append(Case(f"id-{label}-{row}", table_run(set_cell("Provinsi", row, value)), needle="Provinsi"))
# The shape of the table.
CASES += [
    Case("one-row", table_run(keep_rows(1)), needle="data.csv has 1 provinsi"),
    Case("two-rows-k4", table_run(keep_rows(2)), needle="data.csv has 2 provinsi"),
    Case("header-only", table_run(keep_rows(0)), needle="data.csv"),
    Case("only-id-column", table_run(lambda t: t[["Provinsi"]]), needle="UHH"),
]
# Number formats: one reading per file; an ambiguous file is refused and named.
CASES += [
    Case("indonesian-semicolon-csv", table_run(indonesian, sep=";"), code=0, check=lambda out: read_as_published(out)),
    Case("indonesian-tab-separated", table_run(indonesian, sep="\t", suffix=".tsv"), code=0, check=lambda out: read_as_published(out)),
    Case("ambiguous-thousands", table_run(ambiguous), needle="Pengeluaran"),
    Case("ambiguous-thousands-declared-id", table_run(ambiguous, spec=spec_text(number_format='"id"')), code=0,
         check=lambda out: read_as_published(out, features=("Pengeluaran",))),
    Case("indonesian-declared-en", table_run(indonesian, sep=";", spec=spec_text(number_format='"en"')), needle="UHH"),
    Case("number-format-unknown", table_run(None, spec=spec_text(number_format='"de"')), needle="number_format"),
]
# Ids that reduce to the same fact ID are valid units.
CASES += [
    Case("ids-formula-like", table_run(rename_ids("=1+1", "+1+1")), code=0),
    Case("ids-non-latin", table_run(rename_ids("Ачех", "Бали", "東京")), code=0),
    # with the bootstrap on, every unit has a fact of its own (UNIT.<slug>.moved_pct)
    Case("ids-formula-like-bootstrap", table_run(rename_ids("=1+1", "+1+1"), extra=["--bootstrap", "5"]), code=0),
    # every unit non-Latin: without collision-free fact IDs the units' stability claims cannot be verified
    Case("ids-all-non-latin-bootstrap", table_run(lambda t: t.assign(Provinsi=["Ж" * (i + 1) for i in range(len(t))]), extra=["--bootstrap", "20"]),
         code=0, needle="0 salah, 0 tidak dapat diverifikasi"),
    # DKI Jakarta and D.I. Yogyakarta are the two outliers: each has an ASSUME.outlier.<slug> fact
    Case("ids-formula-like-outliers", table_run(rename_units({"DKI Jakarta": "=1+1", "D.I. Yogyakarta": "+1+1"})), code=0),
    Case("ids-non-latin-outliers", table_run(rename_units({"DKI Jakarta": "Джакарта", "D.I. Yogyakarta": "ジョグジャカルタ"})), code=0),
]
# Files.
_csv = DEFAULT_CSV.read_bytes()
CASES += [
    Case("xlsx-corrupt", raw_file("data.xlsx", b"PK\x03\x04 not really a zip"), needle="data.xlsx"),
    Case("xlsx-is-csv", raw_file("data.xlsx", _csv), needle="data.xlsx"),
    Case("xls-old-excel", raw_file("data.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504), needle="data.xls"),
    Case("parquet-corrupt", raw_file("data.parquet", b"PAR1 nonsense"), needle="data.parquet"),
    Case("csv-latin1", raw_file("data.csv", _csv.replace(b"Aceh", "Acéh".encode("latin-1"))), needle="UTF-8"),
    Case("csv-utf16", raw_file("data.csv", _csv.decode().encode("utf-16")), needle="UTF-8"),
    Case("csv-latin1-declared", raw_file("data.csv", _csv.replace(b"Aceh", "Acéh".encode("latin-1")), spec=spec_text(encoding='"latin-1"')), code=0),
    Case("csv-empty-file", raw_file("data.csv", b""), needle="data.csv"),
    Case("csv-binary", raw_file("data.csv", bytes(range(256)) * 4), needle="data.csv"),
    Case("json-extension", raw_file("data.json", b"{}"), needle="data.json"),
    Case("parquet-inf", table_run(lambda t: t.assign(UHH=[float("inf")] + [float(v) for v in t["UHH"][1:]]), suffix=".parquet"), needle="UHH"),
    Case("xlsx-valid", table_run(None, suffix=".xlsx"), code=0),
]
# The spec.
CASES += [
    Case("spec-not-toml", table_run(None, spec="[dataset\nname ="), needle="spec.toml"),
    Case("spec-unknown-key", table_run(None, spec=spec_text(colour='"red"')), needle="colour"),
    Case("spec-k-1", table_run(None, spec=spec_text().replace("k = 4", "k = 1")), needle="clustering.k"),
    Case("spec-k-above-n", table_run(None, spec=spec_text().replace("k = 4", "k = 40")), needle="k = 40"),
    Case("spec-unknown-column", table_run(None, spec=spec_text().replace('column = "RLS"', 'column = "RLZ"')), needle="RLZ"),
    Case("spec-encoding-unknown", table_run(None, spec=spec_text(encoding='"klingon"')), needle="encoding"),
]
# The environment: validated like the command line.
for env, needle in (
    ({"INTERPRET_LLM_TIMEOUT": "nan"}, "INTERPRET_LLM_TIMEOUT"),
    ({"INTERPRET_LLM_TIMEOUT": "inf"}, "INTERPRET_LLM_TIMEOUT"),
    ({"INTERPRET_LLM_TIMEOUT": "-1"}, "INTERPRET_LLM_TIMEOUT"),
    ({"INTERPRET_LLM_TIMEOUT": "soon"}, "INTERPRET_LLM_TIMEOUT"),
    ({"INTERPRET_SAMPLE_SIZE": "1"}, "INTERPRET_SAMPLE_SIZE"),
    ({"INTERPRET_SAMPLE_SIZE": "50"}, "INTERPRET_SAMPLE_SIZE"),
    ({"INTERPRET_SAMPLE_SIZE": "many"}, "INTERPRET_SAMPLE_SIZE"),
    ({"OLLAMA_BASE_URL": "localhost:11434"}, "OLLAMA_BASE_URL"),
    ({"OLLAMA_BASE_URL": "ftp://host"}, "OLLAMA_BASE_URL"),
    ({"OLLAMA_BASE_URL": "http://"}, "OLLAMA_BASE_URL"),
    ({"OLLAMA_BASE_URL": "http://host:port"}, "OLLAMA_BASE_URL"),
    ({"WATSONX_URL": "us-south.ml.cloud.ibm.com"}, "WATSONX_URL"),
    ({"INTERPRET_K": "zero"}, "INTERPRET_K"),
    ({"INTERPRET_K": "0"}, "INTERPRET_K"),
    ({"INTERPRET_SEED": "1.5"}, "INTERPRET_SEED"),
    ({"INTERPRET_LLM_CONCURRENCY": "-1"}, "INTERPRET_LLM_CONCURRENCY"),  # 0 is valid: every section at once
    ({"INTERPRET_LLM_REPAIRS": "-1"}, "INTERPRET_LLM_REPAIRS"),
    ({"INTERPRET_PDF": "maybe"}, "INTERPRET_PDF"),
    ({"INTERPRET_LANG": "xx"}, "INTERPRET_LANG"),
    ({"INTERPRET_PROVIDER": "gpt"}, "INTERPRET_PROVIDER"),
    ({"INTERPRET_TOLERANCE_PCT": "80"}, "INTERPRET_TOLERANCE_PCT"),
    ({"INTERPRET_TOLERANCE_PCT": "nan"}, "INTERPRET_TOLERANCE_PCT"),
    ({"INTERPRET_BOOTSTRAP": "-3"}, "INTERPRET_BOOTSTRAP"),
    ({"INTERPRET_PROMPTS": "/nowhere/prompts"}, "INTERPRET_PROMPTS"),
    ({"INTERPRET_RULES": "/nowhere/rules.toml"}, "INTERPRET_RULES"),
    ({"INTERPRET_CONFIG": "/nowhere/c.toml"}, "/nowhere/c.toml"),
    ({"INTERPRET_GEOJSON": "/nowhere/map.geojson"}, "INTERPRET_GEOJSON"),
    ({"INTERPRET_LANGUAGES_DIR": "/nowhere/lang"}, "INTERPRET_LANGUAGES_DIR"),
    ({"INTERPRET_K_MAX": "1"}, "INTERPRET_K_MAX"),
):
    CASES.append(Case("env-" + "-".join(f"{k}={v}" for k, v in env.items()), env_run(env), needle=needle))
# Config files and .env.
CASES += [
    Case("config-not-toml", config_run("k = = 3"), needle="c.toml"),
    Case("config-not-utf8", config_run(b"lang = '\xff\xfe'\n"), needle="c.toml"),
    Case("config-api-key", config_run('watsonx_api_key = "abc"\n'), needle="environment"),
    Case("config-api-key-other", config_run('api_key = "abc"\n'), needle="environment"),
    Case("config-secret-token", config_run('watsonx_token = "abc"\n'), needle="environment"),
    Case("config-unknown-key", config_run("clusters = 3\n"), needle="clusters"),
    Case("config-k-text", config_run('k = "three"\n'), needle="c.toml"),
    Case("config-sample-size-1", config_run("sample_size = 1\n"), needle="c.toml"),
    Case("config-timeout-nan", config_run("llm_timeout = nan\n"), needle="c.toml"),
    Case("config-ollama-url", config_run('ollama_url = "localhost"\n'), needle="c.toml"),
    Case("config-prompts-nowhere", config_run('prompts = "/nowhere/prompts"\n'), needle="c.toml"),
    Case("dotenv-not-utf8", config_run(b"INTERPRET_SEED=1\nX=\xff\xfe\n", dotenv=True), needle=".env"),
    Case("dotenv-bad-value", config_run("INTERPRET_K=zero\n", dotenv=True), needle="INTERPRET_K"),
]
# Command-line values, checked before the clustering.
CASES += [
    Case("out-is-a-file", cli_run("--out", file_at("taken.txt", b"x"), *FAST), needle="taken.txt"),
    Case("out-under-a-file", cli_run("--out", lambda tmp: file_at("taken.txt", b"x")(tmp) + "/brief", *FAST), needle="taken.txt"),
    Case("geojson-missing", cli_run("--geojson", lambda tmp: str(tmp / "nope.geojson"), *FAST), needle="nope.geojson"),
    Case("geojson-not-json", cli_run("--geojson", file_at("map.geojson", b"{not json"), *FAST), needle="map.geojson"),
    Case("geojson-empty", cli_run("--geojson", file_at("map.geojson", b""), *FAST), needle="map.geojson"),
    Case("geojson-folder", cli_run("--geojson", file_at("maps", folder=True), *FAST), needle="maps"),
    Case("geojson-no-features", cli_run("--geojson", file_at("map.geojson", b'{"type": "Point"}'), *FAST), needle="map.geojson"),
    Case("prompts-nowhere", cli_run("--prompts", lambda tmp: str(tmp / "nope"), *FAST), needle="nope"),
    Case("prompts-a-file", cli_run("--prompts", file_at("p.txt", b"x"), *FAST), needle="p.txt"),
    Case("rules-nowhere", cli_run("--rules", lambda tmp: str(tmp / "nope.toml"), *FAST), needle="nope.toml"),
    Case("rules-not-toml", cli_run("--rules", file_at("r.toml", b"[[["), *FAST), needle="r.toml"),
    Case("spec-nowhere", cli_run("--spec", lambda tmp: str(tmp / "nope.toml"), *FAST), needle="nope.toml"),
    Case("data-folder", cli_run(file_at("d", folder=True), "--spec", str(default_spec_path()), *FAST), needle="is a folder"),
    Case("k-1", cli_run("--k", "1", *FAST), needle="--k"),
    Case("k-near-n-with-bootstrap", cli_run("--k", "33", "--bootstrap", "5", "--no-pdf", "--provider", "none"), needle="k = 33"),
    Case("k-equals-n", cli_run("--k", "34", *FAST), needle="k = 34"),
    Case("k-min-above-k-max", cli_run("--k", "auto", "--k-min", "6", "--k-max", "4", *FAST), needle="k_min"),
    Case("languages-dir-nowhere", cli_run("--languages-dir", lambda tmp: str(tmp / "nope"), *FAST), needle="nope"),
    Case("config-nowhere", cli_run("--config", lambda tmp: str(tmp / "nope.toml"), *FAST), needle="nope.toml"),
]


def _verify_case(name: str, narrative: Callable[[Path], str], *extra, code: int = 2, needle: str | Callable[[Path], str] = "") -> Case:
    def build(tmp: Path) -> Invocation:
        args = [a(tmp) if callable(a) else a for a in extra]
        return Invocation([narrative(tmp), *args], command="verify")

    return Case(name, build, code=code, needle=needle)


def run_folder(*broken: tuple[str, bytes]) -> Callable[[Path], str]:
    def make(tmp: Path) -> str:
        folder = tmp / "run"
        shutil.copytree(_RUN_DIR, folder)
        for name, content in broken:
            (folder / name).write_bytes(content)
        return str(folder)

    return make


_GOOD = "Klaster 1 beranggotakan 5 provinsi.\n".encode()
CASES += [
    _verify_case("verify-missing", lambda tmp: str(tmp / "nope.md"), "--run", run_folder(), needle="nope.md"),
    _verify_case("verify-empty", file_at("n.md", b""), "--run", run_folder(), needle="n.md"),
    _verify_case("verify-blank", file_at("n.md", b"\n  \n\t\n"), "--run", run_folder(), needle="n.md"),
    _verify_case("verify-not-utf8", file_at("n.md", b"\xff\xfe\x00K"), "--run", run_folder(), needle="n.md"),
    _verify_case("verify-folder", file_at("n", folder=True), "--run", run_folder(), needle="is a folder"),
    _verify_case("verify-notebook-corrupt", file_at("n.ipynb", b"{not json"), "--run", run_folder(), needle="n.ipynb"),
    _verify_case("verify-notebook-cells-not-list", file_at("n.ipynb", b'{"cells": 3}'), "--run", run_folder(), needle="n.ipynb"),
    _verify_case("verify-notebook-no-markdown", file_at("n.ipynb", json.dumps({"cells": [{"cell_type": "code", "source": "x = 1"}]}).encode()),
                 "--run", run_folder(), needle="n.ipynb"),
    _verify_case("verify-json-missing-folder", file_at("n.md", _GOOD), "--run", run_folder(), "--json", lambda tmp: str(tmp / "no" / "v.json"), needle="v.json"),
    _verify_case("verify-run-missing", file_at("n.md", _GOOD), "--run", lambda tmp: str(tmp / "norun"), needle="norun"),
    _verify_case("verify-result-corrupt", file_at("n.md", _GOOD), "--run", run_folder(("result.json", b"{")), needle="result.json"),
    _verify_case("verify-assignments-corrupt", file_at("n.md", _GOOD), "--run", run_folder(("assignments.csv", b"\xff\xfe\x00\x01\"")), needle="assignments.csv"),
    _verify_case("verify-assignments-empty", file_at("n.md", _GOOD), "--run", run_folder(("assignments.csv", b"")), needle="assignments.csv"),
    _verify_case("verify-map-bad", file_at("n.md", _GOOD), "--run", run_folder(), "--map", "A=x", needle="--map"),
    _verify_case("verify-map-out-of-range", file_at("n.md", _GOOD), "--run", run_folder(), "--map", "A=9", needle="--map"),
    _verify_case("verify-valid", file_at("n.md", _GOOD), "--run", run_folder(), code=0),
]

_RUN_DIR: Path | None = None


@pytest.fixture(scope="module", autouse=True)
def written_run(tmp_path_factory):
    """One rule-based brief folder for the `verify --run` cases."""
    global _RUN_DIR
    folder = tmp_path_factory.mktemp("bad-inputs-run") / "run"
    result = runner.invoke(app, ["run", "--out", str(folder), *FAST], env={})
    assert result.exit_code == 0, result.output
    _RUN_DIR = folder
    return folder


def read_as_published(out: Path, features=FEATURES) -> None:
    """The brief's unit values are the published ones: 10.334 in an Indonesian file is 10 334."""
    written = pd.read_csv(out / "assignments.csv").set_index("Provinsi")
    published = pd.read_csv(DEFAULT_CSV).set_index("Provinsi")
    for feature in features:
        assert written[feature].to_dict() == pytest.approx(published[feature].to_dict()), feature


def invoke(case: Case, tmp: Path, monkeypatch) -> tuple[object, Path]:
    invocation = case.build(tmp)
    out = tmp / "out"
    args = [invocation.command, *invocation.args]
    if invocation.command == "run":
        args += ["--out", str(out)] if "--out" not in args else []
        args += FAST if invocation.fast and "--bootstrap" not in args else []
    if invocation.chdir:
        monkeypatch.chdir(tmp)
    result = runner.invoke(app, args, env=invocation.env)
    return result, out


def test_the_suite_has_at_least_100_generated_cases():
    assert len(CASES) >= 100
    assert len({c.name for c in CASES}) == len(CASES), "case names must be unique"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_input(case: Case, tmp_path, monkeypatch):
    monkeypatch.delenv("INTERPRET_DEBUG", raising=False)
    result, out = invoke(case, tmp_path, monkeypatch)
    # the tmp folder's name holds the case's name: the needle must be found in the message, not in the path
    output = " ".join(result.output.split()).replace(str(tmp_path), "<tmp>")
    assert "Traceback" not in result.output
    assert result.exit_code == case.code, output[-1500:]
    needle = case.needle(tmp_path) if callable(case.needle) else case.needle
    assert needle in output, output[-1500:]
    if case.check is not None:
        case.check(out)
    if case.code == 2:
        assert not any((out / name).exists() for name in BRIEF_FILES), "a failed run left a brief behind"
    staging = [p.name for p in tmp_path.iterdir() if p.name.startswith(".interpret-")]
    assert staging == [], f"staging folders left: {staging}"


# Problems that used to surface only after 20–35 s of clustering are refused before it.
EARLY = ["out-is-a-file", "out-under-a-file", "geojson-not-json", "geojson-empty", "geojson-no-features", "rules-not-toml",
         "prompts-nowhere", "verify-empty", "verify-notebook-corrupt", "verify-json-missing-folder"]


@pytest.mark.parametrize("name", EARLY)
def test_checked_before_the_clustering(name, tmp_path, monkeypatch):
    import interpret.pipeline

    def no_clustering(*args, **kwargs):
        raise AssertionError("the clustering ran before the input was checked")

    monkeypatch.setattr(interpret.pipeline, "stage_cluster", no_clustering)
    case = next(c for c in CASES if c.name == name)
    if case.name.startswith("verify-"):  # without --run: the facts would come from a fresh clustering
        build = case.build

        def without_run(tmp: Path) -> Invocation:
            invocation = build(tmp)
            at = invocation.args.index("--run")
            invocation.args[at:at + 2] = []
            return invocation

        case = Case(case.name, without_run, case.code, case.needle)
    result, _ = invoke(case, tmp_path, monkeypatch)
    assert result.exit_code == 2, result.output
    assert "the clustering ran" not in result.output


def test_pdf_asked_for_without_weasyprint_is_refused_first(tmp_path, monkeypatch):
    import reports.pdf

    monkeypatch.setattr(reports.pdf, "pdf_available", lambda: False)
    result = runner.invoke(app, ["run", "--out", str(tmp_path / "o"), "--pdf", "--bootstrap", "0", "--provider", "none"], env={})
    assert result.exit_code == 2 and "WeasyPrint" in result.output and "--no-pdf" in result.output
    assert "clustering" not in result.output and not (tmp_path / "o").exists()


@pytest.mark.parametrize("name", ["ambiguous-thousands", "dotenv-not-utf8"])
def test_as_a_process(name, tmp_path):
    """A handful as real processes: the exit code and the message on stderr, no traceback."""
    import os
    import subprocess
    import sys

    invocation = next(c for c in CASES if c.name == name).build(tmp_path)
    args = [sys.executable, "-m", "interpret.cli", invocation.command, *invocation.args, "--out", str(tmp_path / "o"), *FAST]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[1]), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=tmp_path if invocation.chdir else None, env=env)
    assert proc.returncode == 2, proc.stderr
    assert ("Pengeluaran" if name == "ambiguous-thousands" else ".env") in proc.stderr and "Traceback" not in proc.stderr
