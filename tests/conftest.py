"""Shared fixtures: the default brief (built once per session), generated tables and specs."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from interpret import resolve_settings, run_brief
from interpret.data import default_spec_path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CSV = default_spec_path().with_suffix(".csv")
# the IPM data against the plain mean of the provinces: the verifier tests' and the corpus's fixed fact base
MEAN_REFERENCE_SPEC = Path(__file__).parent / "corpus" / "ipm_2023_mean_reference.toml"

# The published K-means partition of the IPM 2023 data (shared/data/README.md): the external truth
# the default run must reproduce, listed here as the study lists it.
PUBLISHED_PARTITION = [
    {"Aceh", "Sumatera Utara", "Sumatera Barat", "Bengkulu", "Nusa Tenggara Barat", "Kalimantan Utara",
     "Sulawesi Tengah", "Sulawesi Tenggara", "Maluku", "Maluku Utara"},
    {"Nusa Tenggara Timur", "Gorontalo", "Sulawesi Barat", "Papua Barat", "Papua"},
    {"Kepulauan Riau", "DKI Jakarta", "D.I. Yogyakarta", "Bali", "Kalimantan Timur"},
]


def published_partition() -> list[set[str]]:
    everyone = set(pd.read_csv(DEFAULT_CSV)["Provinsi"])
    rest = everyone - set().union(*PUBLISHED_PARTITION)
    return PUBLISHED_PARTITION + [rest]


# brief.pdf takes seconds to typeset: tests that want it ask for it (pdf="auto"/"on", INTERPRET_PDF);
# the default brief below does, and tests/test_render_pdf.py checks it.
os.environ.setdefault("INTERPRET_PDF", "off")


def settings(**cli):
    """Settings from CLI-like values only: no environment, no .env, no config file (and no PDF
    unless asked for: pdf="auto")."""
    cli.setdefault("pdf", "off")
    # Rule-based unless a test asks for a provider: a developer's running Ollama must not draft the
    # shared tests' briefs.
    cli.setdefault("provider", "none")
    return resolve_settings(cli, environ={}, dotenv_path=None)


@pytest.fixture(scope="session")
def default_brief(tmp_path_factory):
    out = tmp_path_factory.mktemp("default-brief")
    return run_brief(settings(out=out, pdf="auto"))


@pytest.fixture
def write_file(tmp_path):
    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    return write


SIMPLE_SPEC = """
[dataset]
name = "uji"
title = "Data uji"
unit = "provinsi"

[id]
column = "Provinsi"

[[features]]
column = "A"
label = "Indikator A"
unit = "tahun"
decimals = 2
theme = "kesehatan"

[[features]]
column = "B"
label = "Indikator B"
unit = "ribu rupiah"
decimals = 0
theme = "ekonomi"

[clustering]
k = 2
seed = 1
"""


@pytest.fixture
def simple_spec(write_file):
    return write_file("uji.toml", SIMPLE_SPEC)


@pytest.fixture
def simple_csv(write_file):
    rows = ["Provinsi,A,B"] + [f"P{i:02d},{70 + (i % 5) * 0.7:.2f},{9000 + i * 137}" for i in range(12)]
    return write_file("uji.csv", "\n".join(rows) + "\n")


def make_long_expenditure(path: Path, seed: int = 0) -> Path:
    """A table shaped like BPS pengeluaran.csv: long, with INDONESIA, TOTAL, three daerah, two years,
    and DKI Jakarta's structural gap (no rural figures)."""
    rng = np.random.default_rng(seed)
    provinces = ["ACEH", "SUMATERA UTARA", "DKI JAKARTA", "JAWA BARAT", "DI YOGYAKARTA", "BALI",
                 "NUSA TENGGARA TIMUR", "KALIMANTAN TIMUR", "SULAWESI SELATAN", "PAPUA", "KEP. RIAU", "MALUKU"]
    rows = []
    for year in (2021, 2022):
        for name in provinces + ["INDONESIA"]:
            level = 1.0 if name == "INDONESIA" else rng.uniform(0.7, 1.8)
            for daerah in ("PERKOTAAN", "PERDESAAN", "PERDESAANPERKOTAAN"):
                food = round(600_000 * level * rng.uniform(0.9, 1.1))
                nonfood = round(550_000 * level**1.4 * rng.uniform(0.9, 1.1))
                for jenis, value in (("MAKANAN", food), ("NONMAKANAN", nonfood), ("TOTAL", food + nonfood)):
                    missing = name == "DKI JAKARTA" and daerah == "PERDESAAN"
                    rows.append({"provinsi": name, "daerah": daerah, "jenis": jenis, "tahun": year, "peng": "" if missing else value})
    pd.DataFrame(rows).to_csv(path, index=False)
    make_poverty_lines(path.parent / "garisKemiskinan.csv", provinces + ["INDONESIA"], seed)
    return path


def make_poverty_lines(path: Path, provinces: list[str], seed: int = 0) -> Path:
    """A table shaped like BPS garisKemiskinan.csv (provinsi, jenis, daerah, tahun, periode, gk): the
    lookup the pengeluaran example deflates total expenditure by (examples/pengeluaran_2022.toml)."""
    rng = np.random.default_rng(seed + 1)
    rows = [{"provinsi": name, "jenis": jenis, "daerah": daerah, "tahun": year, "periode": periode,
             "gk": round(500_000 * rng.uniform(0.8, 1.4) * (0.75 if jenis == "MAKANAN" else 0.25 if jenis == "NONMAKANAN" else 1.0))}
            for name in provinces for jenis in ("MAKANAN", "NONMAKANAN", "TOTAL") for daerah in ("PERKOTAAN", "PERDESAAN", "PERDESAANPERKOTAAN")
            for year in (2021, 2022) for periode in ("MARET", "SEPTEMBER")]
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.fixture
def long_expenditure(tmp_path):
    return make_long_expenditure(tmp_path / "pengeluaran.csv")
