"""Stage 4: the rule-based drafter writes from the facts, with sectors from the rules file."""

from __future__ import annotations

from interpret.drafting import cluster_labels, draft_rule_based
from interpret.drafts import check_contract
from interpret.rules import load_rules


def test_drafts_satisfy_the_contract(default_brief):
    rules = load_rules()
    drafts = default_brief.drafts
    assert check_contract(drafts, sectors=rules.book.sektor, fact_ids=set(default_brief.facts.index), k=4) == []
    assert {s.provider for s in drafts.sources} == {"rule-based"}


def test_labels_are_distinct_and_follow_the_composite_rank(default_brief):
    labels = cluster_labels(default_brief.facts)
    assert labels == {1: "Capaian tinggi", 2: "Capaian menengah atas", 3: "Capaian menengah bawah", 4: "Capaian rendah"}


def test_lowest_cluster_gets_bansos_and_no_digital_premium(default_brief):
    lowest = default_brief.drafts.cluster(4)
    sectors = [r.sektor for r in lowest.rekomendasi]
    assert "bansos" in sectors and "ekonomi digital" not in sectors
    highest = default_brief.drafts.cluster(1)
    assert "bansos" not in [r.sektor for r in highest.rekomendasi]


def test_recommendations_cite_existing_facts(default_brief):
    for draft in default_brief.drafts.clusters:
        for rec in draft.rekomendasi:
            assert rec.fakta and all(f in default_brief.facts.index for f in rec.fakta)


def test_sentences_quote_the_formatted_facts(default_brief):
    facts = default_brief.facts
    text = " ".join(default_brief.drafts.cluster(1).karakteristik)
    assert facts.index["K1.UHH.mean"].text in text
    assert facts.index["REF.UHH"].text in text


def test_rules_file_changes_the_sectors_without_code(default_brief, write_file):
    rules = write_file(
        "r.toml",
        """
        sektor = ["ketahanan pangan"]
        [cadangan]
        sektor = "ketahanan pangan"
        teks = "Jaga ketahanan pangan: {bukti}."
        [[aturan]]
        id = "semua"
        sektor = "ketahanan pangan"
        tema = ["*"]
        posisi = "tertinggal"
        teks = "Perkuat ketahanan pangan: {bukti}."
        """,
    )
    drafts = draft_rule_based(default_brief.facts, load_rules(rules))
    assert {r.sektor for d in drafts.clusters for r in d.rekomendasi} == {"ketahanan pangan"}


def test_no_matching_rule_and_no_fallback_is_a_config_error(default_brief, write_file):
    import pytest

    from interpret.errors import ConfigError

    rules = write_file("r.toml", 'sektor = ["bansos"]\n[[aturan]]\nid = "x"\nsektor = "bansos"\ntema = ["*"]\nposisi = "tertinggal"\ncakupan = "semua"\nteks = "t {bukti}"\n')
    with pytest.raises(ConfigError, match="no \\[cadangan\\]"):
        draft_rule_based(default_brief.facts, load_rules(rules))


def test_a_cluster_no_rule_fits_gets_the_configured_fallback(default_brief, write_file):
    rules = write_file(
        "r.toml",
        """
        sektor = ["bansos", "UMKM"]
        [cadangan]
        sektor = "UMKM"
        teks = "Perkuat UMKM: {bukti}."
        [[aturan]]
        id = "hanya-terendah"
        sektor = "bansos"
        tema = ["*"]
        posisi = "tertinggal"
        cakupan = "semua"
        peringkat = ["terendah"]
        teks = "Bansos: {bukti}."
        """,
    )
    drafts = draft_rule_based(default_brief.facts, load_rules(rules))
    assert [r.sektor for r in drafts.cluster(4).rekomendasi] == ["bansos"]
    top = drafts.cluster(1).rekomendasi
    assert [r.sektor for r in top] == ["UMKM"] and top[0].teks.startswith("Perkuat UMKM: Rata-rata klaster untuk Pengeluaran")
