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
