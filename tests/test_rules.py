import pytest

from interpret.errors import ConfigError
from interpret.rules import load_rules, matching_features, tier_of


def test_default_rules_load_and_name_their_sectors():
    rules = load_rules()
    assert {"IKM", "UMKM", "bansos", "ekonomi digital", "pendidikan", "kesehatan"} <= set(rules.book.sektor)
    assert len(rules.sha256) == 64


def test_rule_with_unknown_sector_is_refused(write_file):
    path = write_file("r.toml", 'sektor = ["UMKM"]\n[[aturan]]\nid = "x"\nsektor = "pariwisata"\ntema = ["*"]\nposisi = "unggul"\nteks = "t"\n')
    with pytest.raises(ConfigError, match="sector 'pariwisata'"):
        load_rules(path)


def test_missing_rules_file(tmp_path):
    with pytest.raises(ConfigError, match="Rules file not found"):
        load_rules(tmp_path / "none.toml")


def test_matching_respects_scope_and_tier(default_brief):
    facts = default_brief.facts
    rules = {r.id: r for r in load_rules().book.aturan}
    lowest, highest = facts.cluster(4), facts.cluster(1)
    assert tier_of(lowest, 4) == "terendah" and tier_of(highest, 4) == "tertinggi"
    assert matching_features(rules["infrastruktur-terendah"], lowest, facts) == ["UHH", "HLS", "RLS", "Pengeluaran"]
    assert matching_features(rules["infrastruktur-terendah"], highest, facts) == []
    assert matching_features(rules["digital-tertinggi"], highest, facts) == ["Pengeluaran"]


def test_decisions_are_read_from_the_rules_file_and_checked(write_file):
    book = load_rules().book
    assert book.keputusan.setara_kebijakan_sd == 0.5 and book.keputusan.severity(-0.6) == "ringan"
    assert book.keputusan.severity(1.0) == "sedang" and book.keputusan.severity(-1.7) == "berat"
    text = load_rules().path and open(load_rules().path, encoding="utf-8").read()
    bad = write_file("bad.toml", text.replace("ringan_maks_sd = 0.8", "ringan_maks_sd = 0.1"))
    with pytest.raises(ConfigError, match="setara_kebijakan_sd <= ringan_maks_sd"):
        load_rules(bad)


def test_gap_in_sd_and_the_policy_minimum():
    from interpret.data import load_dataset
    from interpret.pipeline import stage_cluster
    from interpret.rules import gap_sd, unit_sd

    from .conftest import MEAN_REFERENCE_SPEC, settings

    _, facts = stage_cluster(load_dataset(None, MEAN_REFERENCE_SPEC), settings(bootstrap=0))
    book = load_rules().book
    rules = {r.id: r for r in book.aturan}
    # Against the provinces' mean (the pinned spec), the gap in SD is each cluster's z-score.
    assert unit_sd(facts, "UHH") > 0
    assert gap_sd(facts.cluster(4), "UHH", facts) == pytest.approx(facts.cluster(4).features["UHH"].z)
    # Cluster 2 is 1,1 % (0,42 SD) below on UHH: below the policy minimum, no health programme;
    # cluster 4 is 4,4 % (1,68 SD) below: the same rule fires.
    assert matching_features(rules["kesehatan-dasar"], facts.cluster(2), facts) == ["UHH"]  # sign only
    assert matching_features(rules["kesehatan-dasar"], facts.cluster(2), facts, book.keputusan) == []
    assert matching_features(rules["kesehatan-dasar"], facts.cluster(4), facts, book.keputusan) == ["UHH"]
