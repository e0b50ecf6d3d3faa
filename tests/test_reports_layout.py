"""reports/layout.py: what page 1 and the annex of units show, and that the annex's numbers are verified."""

from __future__ import annotations

import copy

from interpret.drafting import by_need
from interpret.language import load_language
from interpret.terms import Verdict
from interpret.verification import Verifier
from interpret.verification.report import split_sentences
from reports.layout import MAX_MARK, MIN_MARK, key_message, lagging_features, masthead, priority_rows, stamp, unit_rows

LANG = load_language("id")


def test_the_key_message_is_the_summary_opening_cut_to_three_sentences(default_brief):
    message, rest = key_message(default_brief.drafts)
    summary = default_brief.drafts.summary.ringkasan
    assert 1 <= len(split_sentences(message)) <= 3
    assert summary[0].startswith(message)
    assert rest[-1] == summary[-1] and len(rest) in (len(summary) - 1, len(summary))


def test_a_long_opening_paragraph_gives_its_fourth_sentence_to_the_rest(default_brief):
    drafts = copy.deepcopy(default_brief.drafts)
    drafts.summary.ringkasan[0] = "Satu. Dua. Tiga. Empat."
    message, rest = key_message(drafts)
    assert message == "Satu. Dua. Tiga." and rest[0] == "Empat."


def test_priority_rows_follow_the_policy_order_with_lagging_indicators_and_sectors(default_brief):
    facts, drafts = default_brief.facts, default_brief.drafts
    rows = priority_rows(facts, drafts, LANG)
    assert [r.number for r in rows] == [c.number for c in by_need(facts)]
    by_number = {c.number: c for c in facts.clusters}
    for row in rows:
        cluster = by_number[row.number]
        assert row.size == cluster.size
        lagging = lagging_features(cluster, facts)
        assert row.lagging == [LANG.short_label(f) for f in lagging]
        for f in lagging:
            assert cluster.features[f.name].better is False
        assert set(row.sectors) == {LANG.sector(r.sektor) for r in drafts.cluster(row.number).rekomendasi}
    assert len(rows[0].lagging) == len(facts.features)  # the default brief's lowest cluster lags everywhere
    assert rows[-1].lagging == []


def test_unit_rows_are_sorted_by_cluster_then_name_and_mark_each_column_extremes(default_brief):
    facts = default_brief.facts
    rows = unit_rows(facts, LANG)
    assert len(rows) == facts.dataset.n_units
    assert [(r.cluster, r.unit.casefold()) for r in rows] == sorted((r.cluster, r.unit.casefold()) for r in rows)
    values = default_brief.dataset.values
    for column, f in enumerate(facts.features):
        marked_max = [r.unit for r in rows if r.cells[column].endswith(MAX_MARK)]
        marked_min = [r.unit for r in rows if r.cells[column].endswith(MIN_MARK)]
        assert set(marked_max) == set(values.index[values[f.name] == values[f.name].max()])
        assert set(marked_min) == set(values.index[values[f.name] == values[f.name].min()])
    aceh = next(r for r in rows if r.unit == "Aceh")
    assert aceh.cells[0] == LANG.number(float(values.loc["Aceh", facts.features[0].name]), facts.features[0].decimals)


def test_the_annex_values_are_claims_bound_to_unit_facts(default_brief):
    claims = [c for c in default_brief.verification.claims if (c.fact_id or "").startswith("UNIT.") and c.fact_id.endswith(".value")]
    facts = default_brief.facts
    assert len(claims) >= facts.dataset.n_units * len(facts.features)
    assert all(c.verdict == Verdict.TRUE for c in claims)
    memberships = [c for c in default_brief.verification.claims if c.section.startswith("Lampiran A") and c.kind == "membership"]
    assert len(memberships) == facts.dataset.n_units


def test_a_wrong_value_or_cluster_in_the_annex_is_caught(default_brief):
    body = default_brief.markdown.split("## Lampiran B")[0]
    annex = "## Lampiran A" + body.split("## Lampiran A")[1]
    row = next(line for line in annex.splitlines() if line.startswith("| Aceh |"))
    cells = row.split(" | ")
    wrong_value = row.replace(cells[2], "99,99", 1)
    wrong_cluster = row.replace(cells[1], "Klaster 4", 1)
    for tampered in (wrong_value, wrong_cluster):
        report = Verifier(default_brief.facts).verify_markdown(annex.replace(row, tampered))
        assert report.counts[Verdict.FALSE] == 1, tampered


def test_masthead_says_status_source_and_units_and_the_stamp_date_and_version(default_brief):
    facts = default_brief.facts
    draft = masthead(facts, LANG, "draft")
    assert draft.startswith("**DRAF") and "34 provinsi" in draft and facts.dataset.source in draft
    assert draft in default_brief.markdown.split("## ")[0]  # under the title, in the verified body
    final = masthead(facts, load_language("en"), "final")
    assert final.startswith("**Final**") and "DRAF" not in final
    made = stamp(LANG, generated="2026-12-02", version="9.9.9")
    assert "2026-12-02" in made and "interpret 9.9.9" in made
    assert '<span class="stamp">' in default_brief.html and '<span class="stamp">' not in default_brief.markdown


def test_the_abbreviation_key_escapes_the_specs_labels(default_brief):
    from types import SimpleNamespace

    from interpret.language import load_language
    from reports.layout import abbreviations

    feature = default_brief.facts.features[0]
    hostile = feature.model_copy(update={"label": "Umur *Harapan* [Hidup](http://example.invalid) (UHH)"})
    key = abbreviations(SimpleNamespace(features=[hostile]), load_language("id"))
    assert "UHH" in key and "*Harapan*" not in key and "[Hidup](" not in key  # shown as text, never as emphasis or a link
