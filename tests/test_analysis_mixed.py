"""The village-families example clustered by k-prototypes (interpret/analysis_mixed.py): codes join
the clustering space, the brief profiles them by shares and verifies every claim."""

from __future__ import annotations

import shutil

import pytest

from interpret.errors import ConfigError
from interpret.terms import Verdict

from .test_drafting_households import EXAMPLE, brief_of, _generator


@pytest.fixture(scope="module")
def desa(tmp_path_factory):
    folder = tmp_path_factory.mktemp("desa")
    _generator().main(["desa", str(folder), "--n", "400"])
    shutil.copy(EXAMPLE / "keluarga_desa.toml", folder)
    return folder / "keluarga_desa.toml"


def test_the_village_brief_is_clustered_by_kprototypes_and_verified(desa):
    brief = brief_of(desa, k=4)
    assert brief.facts.method.algorithm == "kprototypes" and brief.facts.stability is None and brief.facts.k_selection is None
    counts = brief.verification.counts
    assert counts[Verdict.FALSE] == 0 and counts[Verdict.UNVERIFIABLE] == 0
    assert "Pekerjaan kepala keluarga yang terbanyak adalah" in brief.markdown
    worst = max(brief.facts.clusters, key=lambda c: c.composite_rank)
    assert brief.facts.households.clusters[worst.number].categories["bahan_bakar"].modal == "3"  # firewood where incomes are lowest


def test_kprototypes_needs_a_fixed_k_and_categorical_features(desa):
    with pytest.raises(ConfigError, match="kprototypes needs a fixed k"):
        brief_of(desa, k="auto")
    numeric_only = desa.with_name("numerik.toml")
    text = desa.read_text(encoding="utf-8")
    numeric_only.write_text(text[: text.index('[[features]]\ncolumn = "pekerjaan"')] + '[clustering]\nmethod = "kprototypes"\nk = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="declares no categorical feature"):
        brief_of(numeric_only, k=3)
