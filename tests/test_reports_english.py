"""--lang en: an English brief (templates, labels, number formats), verified in English."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from interpret import run_brief
from interpret.cli import app
from interpret.errors import ConfigError
from interpret.language import load_language
from interpret.numbers import format_number
from interpret.verification import Verifier
from interpret.terms import ClaimKind, Verdict

from .conftest import settings


@pytest.fixture(scope="module")
def english_brief(tmp_path_factory):
    return run_brief(settings(lang="en", provider="none", pdf="off", out=tmp_path_factory.mktemp("english")))


def numbers_before_appendix(markdown: str, facts) -> list[str]:
    body = markdown.split("## Appendix B")[0]
    body = re.sub(r"[Cc]luster \d+", "", body)
    for f in facts.features:
        body = body.replace(f.label_en or f.label, "")
    body = body.replace(facts.dataset.title_en or facts.dataset.title, "")  # the title is data, never a claim (its year is not checked)
    if facts.reference.source:  # the reference's source is data (its dates are no claims)
        body = body.replace(facts.reference.source, "")
    return re.findall(r"(?:(?<![\w.,])|(?<=Rp))[+-]?\d(?:[\d,]*\d)?(?:\.\d+)?", body)  # "11,470", "73.13", "Rp15.4 million", not "4,"


def test_every_number_in_the_english_brief_is_verified_and_none_is_false(english_brief):
    markdown = english_brief.markdown
    claims = english_brief.verification.claims
    numbers = numbers_before_appendix(markdown, english_brief.facts)
    number_claims = [c for c in claims if c.kind == ClaimKind.NUMBER]
    assert len(number_claims) == len(numbers)
    assert sorted(re.sub(r"[^\d.,+-]", "", c.value) for c in number_claims) == sorted(numbers)
    assert english_brief.verification.counts[Verdict.FALSE] == 0
    assert all(c.verdict == Verdict.TRUE for c in claims)
    # Independently: the English verifier over the whole body agrees.
    again = Verifier(english_brief.facts, locale="en").verify_markdown(markdown.split("## Appendix B")[0])
    assert again.counts == english_brief.verification.counts


def test_english_numbers_labels_and_sections(english_brief):
    md = english_brief.markdown
    for heading in ("## Executive summary", "## Data and method", "## Cluster 1: High achievement", "## Conclusion", "## Appendix A. Values per province", "## Appendix B. Verification", "## Appendix C. Provenance"):
        assert heading in md
    assert "| Adjusted per capita expenditure | 15,376 | 14,924 |" in md  # thousands with ",", the spec's label_en
    assert "69.90 years, 4.03 years below the national figure (BPS); in relative terms, 5.4% below" in md  # decimals with "."
    assert "Rp15.4 million per person per year" in md  # money as a reader says it
    assert "62.9%" in md
    assert "Klaster" not in md.split("## Appendix B")[0] and "rata-rata provinsi" not in md
    sources = {s.provider for s in english_brief.drafts.sources}
    assert sources == {"rule-based (en)"}


def test_english_html_and_charts(english_brief):
    html = (english_brief.out_dir / "brief.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert '<p class="toc-title">Contents</p>' in html
    sections = re.split(r'<h2 id="[^"]+">', html)
    charts = next(s for s in sections if s.startswith("Charts"))
    assert 'id="fig-pca"' in charts
    assert 'id="fig-map"' in next(s for s in sections if s.startswith("Executive summary"))  # page 1
    assert 'id="fig-profile-2"' in next(s for s in sections if s.startswith("Cluster 2:"))
    assert "Map of province clusters" in html and "Peta klaster" not in html
    labels = dict(zip(english_brief.assignments["klaster"], english_brief.assignments["label"]))
    assert labels[1] == "High achievement"


def test_english_golden(english_brief):
    from .test_render_golden import check_golden

    check_golden("ipm_2023_provinsi.en.md", english_brief.markdown)


def test_lang_is_validated():
    with pytest.raises(ConfigError, match="lang = 'fr'"):
        settings(lang="fr")
    result = CliRunner().invoke(app, ["run", "--lang", "fr"], env={}, catch_exceptions=False)
    assert result.exit_code == 2 and "id, en" in result.output


# -- the analyses in English (k-panel reasoning, stability, assumption checks, unit notes) ---------
def _english_body(brief) -> str:
    return brief.markdown.split("## Appendix B")[0]


def _section(body: str, heading: str) -> str:
    return body.split(heading, 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]


def test_english_consensus_paragraph_agrees_with_the_panel_votes(english_brief):
    body = _english_body(english_brief)
    ks = english_brief.facts.k_selection
    panel = _section(body, "### Choosing the number of clusters")
    paragraph = next(line for line in panel.splitlines() if "voting indices agree" in line or "indices disagree" in line)
    from interpret.language import load_language

    english = load_language("en")
    index_names = {name: english.word("index_name", name) for name in ("wss", "silhouette", "gap", "dbi", "ch", "connectivity")}
    named = {}
    for k, names in re.findall(r"k = (\d+) is chosen by (.+?)(?:;|\.)", paragraph):
        for name, words in index_names.items():
            if words in names.replace(" and ", ", ").split(", "):
                named[name] = int(k)
    assert named == {name: k for name, k in ks.votes.items() if name != "wss"}
    if ks.knee is not None:
        assert f"The WSS curve bends (elbow) at k = {ks.knee};" in paragraph
    top = ks.vote_counts[ks.chosen_k]
    if ks.tie_break:  # the most votes split between several k: silhouette decides
        assert f"The most votes ({top} of {len(ks.votes)} indices) are split between" in paragraph and f"k = {ks.chosen_k} is chosen because its silhouette" in paragraph
    else:
        assert f"k = {ks.chosen_k}, with the most votes ({top} of {len(ks.votes)} indices)" in paragraph
    used = english_brief.facts.method.k
    assert f"This analysis uses the k = {used} that was set (different from the consensus choice)" in paragraph
    assert "dipilih oleh" not in body and "sepakat" not in body


def test_english_consensus_and_indonesian_word_the_same_decisions():
    from interpret.analysis_text import consensus_paragraph
    from interpret.language import load_language

    def english(ks):
        return consensus_paragraph(ks, load_language("en"))

    votes = {"wss": 3, "silhouette": 3, "gap": 2, "dbi": 2, "ch": 4, "connectivity": 5}
    tie = SimpleNamespace(votes=votes, knee=3, chosen_k=3, tie_break="silhouette", user_k=None)
    en = english(tie)
    assert "The most votes (2 of 6 indices) are split between k = 2 and k = 3; k = 3 is chosen" in en
    assert en.endswith("This analysis uses that consensus, k = 3, as the number of clusters.")
    assert "Suara terbanyak (2 dari 6 indeks) terbagi antara k = 2 dan k = 3; dipilih k = 3" in consensus_paragraph(tie, load_language("id"))
    agree = SimpleNamespace(votes={"silhouette": 4, "gap": 4}, knee=None, chosen_k=4, tie_break=None, user_k=4)
    en = english(agree)
    assert en.startswith("All voting indices agree: k = 4 is chosen by the silhouette and the gap statistic.")
    assert "no clear elbow" in en and "(the same as the consensus choice)" in en


def test_english_stability_section_shows_the_jaccard_facts(english_brief):
    facts = english_brief.facts
    body = _english_body(english_brief)
    st = facts.stability
    section = _section(body, "### Cluster stability")
    rows = dict((int(n), (value, rating)) for n, value, rating in re.findall(r"^\| Cluster (\d+) \| ([\d.]+) \| ([a-z ]+) \|$", section, re.M))
    assert set(rows) == {c.number for c in facts.clusters}
    for n, (value, rating) in rows.items():
        jaccard = facts.index[f"K{n}.jaccard"].value
        assert value == format_number(jaccard, 2, locale="en")
        assert (rating == "unstable") == (jaccard < 0.6) and (rating in ("stable", "very stable")) == (jaccard >= 0.75)
    unstable = st.unstable_clusters
    assert unstable  # the default data have unstable clusters, so the sentence below is exercised
    assert " and ".join(f"Cluster {n}" for n in unstable) + " are unstable" in section
    assert f"{len(st.unstable_units)} provinces moved to another cluster in at least {st.threshold_pct:.1f}% of the replicates" in section
    # Each cluster's Notes name its unstable members with the facts' percentages, and only those.
    for c in facts.clusters:
        notes = body.split(f"## Cluster {c.number}:", 1)[1].split("### Notes", 1)[1].split("\n## ", 1)[0]
        assert f"- Bootstrap stability: Jaccard {format_number(facts.index[f'K{c.number}.jaccard'].value, 2, locale='en')}," in notes
        members = st.clusters[c.number].unstable_members
        named = re.findall(r"(?:: |; )([^;:]+?) moved to another cluster in ([\d.]+)% of the replicates", notes)
        assert [u for u, _ in named] == [m.unit for m in members]
        assert all(u in c.members for u, _ in named)
        assert [p for _, p in named] == [format_number(m.moved_pct, 1, locale="en") for m in members]


def test_english_assumption_checks_agree_with_the_facts(english_brief):
    facts = english_brief.facts
    asm = facts.assumptions
    section = _section(_english_body(english_brief), "### Assumption checks")
    overall = format_number(facts.index["ASSUME.kmo"].value, 2, locale="en")
    assert f"sampling adequacy is {overall}, {'adequate' if asm.kmo.overall >= 0.5 else 'inadequate'} (threshold 0.50)" in section
    for f in facts.features:
        assert f"| {f.label_en} | {format_number(asm.kmo.per_variable[f.name], 2, locale='en')} |" in section
    listed = section.split("Outliers (|z| > 3), reported and kept in the clustering", 1)[1].split("\n", 1)[0]
    named = re.findall(r"(?:: |; )(.+?) on (.+?) \(z = ([+-][\d.]+)\)", listed)
    assert asm.outliers  # DKI Jakarta and D.I. Yogyakarta in the shipped data
    assert [u for u, _, _ in named] == [o.unit for o in asm.outliers]
    english = load_language("en")
    assert [label for _, label, _ in named] == [english.short_label(facts.feature(o.feature)) for o in asm.outliers]  # "HLS", not "… (HLS) (z = …)"
    assert [z for _, _, z in named] == [format_number(o.z, 2, signed=True, locale="en") for o in asm.outliers]
    assert ("No pair of indicators correlates very strongly" in section) == (not asm.high_correlations)


@pytest.mark.parametrize("options", [{"k": 3}, {"k": 5}, {"bootstrap": 0}])
def test_english_analyses_verify_at_other_k_and_without_bootstrap(options, tmp_path):
    brief = run_brief(settings(lang="en", provider="none", pdf="off", out=tmp_path, **options), write=False)
    body = _english_body(brief)
    counts = Verifier(brief.facts, locale="en").verify_markdown(body).counts
    assert counts[Verdict.FALSE] == 0 and counts[Verdict.UNVERIFIABLE] == 0 and counts[Verdict.TRUE] > 300
    assert "### Choosing the number of clusters" in body and "### Assumption checks" in body
    if options.get("bootstrap") == 0:
        assert "### Cluster stability" not in body and "Bootstrap stability" not in body
    else:
        assert "### Cluster stability" in body
        assert body.count("- Bootstrap stability: Jaccard") == options["k"]
        assert f"This analysis uses the k = {options['k']} that was set" in body


def test_english_weighted_data_wording(tmp_path):
    import numpy as np

    from .test_clustering_pipeline import _blobs_frame, _spec, _write

    frame = _blobs_frame(1)
    frame["bobot"] = np.random.default_rng(1).uniform(50, 500, size=len(frame)).round(1)
    data, spec = _write(tmp_path, "survei", frame, _spec("survei", ["A", "B", "C"], k="k = 3", extra_dataset='weight = "bobot"'))
    brief = run_brief(settings(lang="en", provider="none", pdf="off", data=data, spec=spec, bootstrap=10), write=False)
    body = _english_body(brief)
    assert "Survey weights: column `bobot`" in body and "weighted mean of the" in body and "without population weights" not in body
    share = format_number(brief.facts.index["K1.population_pct"].value, 1, locale="en")
    assert f"- Estimated population (weighted): {format_number(brief.facts.index['K1.population'].value, 0, locale='en')} ({share}% of the whole population)." in body
    assert brief.verification.counts[Verdict.FALSE] == 0 and brief.verification.counts[Verdict.UNVERIFIABLE] == 0


# -- fully English: no Indonesian word outside the data, the spec's English labels, the glosses --------
# Words and markers only Indonesian prose, headings, units or ids use; none of them is an English word.
INDONESIAN_MARKERS = ("dan", "yang", "provinsi", "klaster", "capaian", "lampiran", "ringkasan", "bagian", "tahun",
                      "di atas", "di bawah", "setara", "menurut", "rata-rata", "untuk", "dengan", "tidak", "sebesar",
                      "atau", "berbasis", "aturan", "penduduk", "pengeluaran", "pendidikan", "orang", "ribu", "juta",
                      "grafik", "peta", "belum terverifikasi", "benar", "salah", "sumber", "indikator", "secara",
                      "harapan", "sekolah", "umur", "disesuaikan", "kapita", "komponen", "pembangunan", "manusia")


def indonesian_words(text: str, brief) -> list[str]:
    """The Indonesian markers in `text` once the data are taken out: unit names, the reference's quoted
    source title, file names and fact IDs (identifiers such as K1.Pengeluaran.mean)."""
    facts = brief.facts
    data = [m for c in facts.clusters for m in c.members] + [facts.reference.source or "", facts.dataset.file,
                                                           brief.result["provenance"]["spec_file"], brief.result["provenance"]["rules_file"]]
    for item in sorted(filter(None, data), key=len, reverse=True):
        text = text.replace(item, " ")
    text = re.sub(r"\b(?:K\d+(?:-K\d+)?|REF|DATA|RUN|UNIT|ASSUME|KSEL|STAB|FIT|METHOD)\.[\w .-]*?(?= \||$)", " ", text, flags=re.M)
    found = []
    for word in INDONESIAN_MARKERS:
        for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I):
            found.append(f"{word!r} in …{text[max(0, match.start() - 50): match.end() + 30]}…")
    return found


def test_the_english_markdown_has_no_indonesian_word_outside_the_data(english_brief):
    found = indonesian_words(english_brief.markdown, english_brief)
    assert not found, f"{len(found)} Indonesian words, e.g. {found[:3]}"


def test_the_english_html_text_and_section_ids_are_english(english_brief):
    import html as html_lib

    page = (english_brief.out_dir / "brief.html").read_text(encoding="utf-8")
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    ids = re.findall(r'<h2 id="([^"]+)"', page)
    assert ids[0] == "executive-summary" and {"data-and-method", "cluster-1-high-achievement"} <= set(ids)
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
    assert all(f'href="#{i}"' in page for i in ids)  # the table of contents links each
    visible = html_lib.unescape(re.sub(r"<[^>]+>", " ", page)).replace("\u00a0", " ")  # the charts' SVG text included (svg.fonttype none); no-break spaces read as spaces
    found = indonesian_words(visible + "\n" + " ".join(ids), english_brief)
    assert not found, f"{len(found)} Indonesian words, e.g. {found[:3]}"
    assert "<title>Human Development Index (IPM) 2023 by province" in page


def test_the_english_texts_of_result_json_are_english(english_brief):
    texts = []
    for item in english_brief.result["drafts"]:
        content = item["content"]
        texts += [*item["notes"], content.get("label", ""), *content.get("karakteristik", []), *content.get("ringkasan", []),
                  *content.get("kesimpulan", []), *(r["teks"] for r in content.get("rekomendasi", []))]
    texts += [text for chart in english_brief.result["charts"] for text in (chart["title"], chart["caption"], *chart["notes"])]
    found = indonesian_words("\n".join(texts), english_brief)
    assert len(texts) > 30 and not found, found[:3]


def test_label_en_title_en_and_source_en_are_what_the_english_brief_prints(english_brief):
    md = english_brief.markdown
    facts = english_brief.facts
    assert md.startswith("# Human Development Index (IPM) 2023 by province: a clustering-based policy brief")
    assert "Data source: Statistics Indonesia (BPS), components of the Human Development Index, year 2023;" in md
    table = md.split("| Indicator | Unit | Better when | Reference |", 1)[1].split("\n\n", 1)[0]
    assert [row.split(" | ")[0].lstrip("| ") for row in table.strip().splitlines()[1:]] == [f.label_en for f in facts.features]
    assert "by UHH, HLS, RLS and Adjusted per capita expenditure" in md  # the short name of a label without abbreviation
    assert "the reason given: it follows the published K-means analysis" in md
    assert facts.features[0].label == "Umur Harapan Hidup (UHH)"  # the facts keep the spec's own words
    assert "Pengeluaran per kapita disesuaikan" not in md


def test_without_label_en_the_english_brief_prints_the_spec_label(tmp_path):
    from .conftest import SIMPLE_SPEC

    spec = tmp_path / "uji.toml"
    spec.write_text(SIMPLE_SPEC.replace('label = "Indikator A"', 'label = "Indikator A"\nlabel_en = "Indicator A"'), encoding="utf-8")
    data = tmp_path / "uji.csv"
    rows = ["Provinsi,A,B"] + [f"P{i},{60 + i * 1.5:.2f},{900 + (i % 5) * 70}" for i in range(12)]
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    brief = run_brief(settings(lang="en", provider="none", pdf="off", data=data, spec=spec, bootstrap=0, out=tmp_path / "out"), write=False)
    md = brief.markdown
    assert "| Indicator A | years |" in md and "| Indikator B | thousand rupiah |" in md  # label_en, else the label itself
    assert "Indikator A" not in md.split("## Appendix A")[0]
    assert brief.verification.counts[Verdict.FALSE] == 0 and brief.verification.counts[Verdict.UNVERIFIABLE] == 0


def test_english_glosses_of_the_sectors():
    from interpret.language import load_language

    english = load_language("en")
    assert english.sector("UMKM") == "MSMEs (UMKM)"
    assert english.sector("IKM") == "small and medium industries (IKM)"
    assert english.sector("bansos") == "social assistance (bansos)"
    from interpret.rules import load_rules

    english_rules = " ".join(str(v) for v in _english_texts(load_rules().book.model_dump()))
    assert "micro, small and medium enterprises (MSMEs)" in english_rules
    assert "micro and small enterprises through" not in english_rules and "Develop small industry" not in english_rules
    assert "infants" not in english_rules  # balita are children under five


def _english_texts(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from ([value] if key == "en" and isinstance(value, str) else _english_texts(value))
    elif isinstance(node, list):
        for value in node:
            yield from _english_texts(value)


def test_the_verification_table_states_facts_in_english(english_brief):
    rows = [line.split(" | ") for line in english_brief.markdown.split("## Appendix A", 1)[1].splitlines() if line.startswith("| C")]
    by_fact = {row[4]: row[5] for row in rows}
    assert by_fact["K4.UHH.mean"] == "69.90 years" and by_fact["K4.UHH.direction"] == "below" and by_fact["K1.size"] == "5 provinces"
    member = next(row for row in rows if row[4] == "K1.members")
    assert member[5] == f"{member[3]} ∈ Cluster 1"


def test_no_parenthesised_number_follows_a_parenthesised_reference(english_brief, default_brief):
    """"… the national figure (BPS) (5.4%)": the source's bracket never meets a number's, in either language."""
    for brief, appendix in ((english_brief, "## Appendix A"), (default_brief, "## Lampiran A")):
        body = brief.markdown.split(appendix)[0]
        assert brief.facts.reference.publisher == "BPS" and "(BPS)" in body
        doubled = re.findall(r"[^\n]{0,40}\)\s*\([^\n]{0,20}", body)
        assert not doubled, doubled[:3]
    assert "29.2% above the national figure (BPS) of Rp11.9 million" in english_brief.markdown
    assert "29,2% di atas angka nasional (BPS) sebesar Rp11,9 juta" in default_brief.markdown


@pytest.mark.parametrize("code, points", [("en", "percentage points"), ("id", "poin persen")])
def test_differences_of_a_share_are_in_percentage_points(tmp_path, code, points):
    spec = tmp_path / "pangsa.toml"
    spec.write_text("""
[dataset]
name = "pangsa"
title = "Pangsa uji"
title_en = "Test shares"
unit = "provinsi"

[id]
column = "Provinsi"

[[features]]
column = "makanan"
label = "Pangsa makanan"
label_en = "Food share"
unit = "%"
decimals = 1
direction = "lower_is_better"
theme = "ekonomi"

[[features]]
column = "rasio"
label = "Rasio garis kemiskinan"
label_en = "Poverty line ratio"
decimals = 2
theme = "ekonomi"

[clustering]
k = 3
seed = 1
""", encoding="utf-8")
    data = tmp_path / "pangsa.csv"
    # three groups of shares, the ratio falling as the share rises (Engel), every row distinct
    rows = ["Provinsi,makanan,rasio"] + [f"P{i},{38 + (i % 3) * 7 + (i * 7 % 11) * 0.4:.1f},{3.4 - (i % 3) * 0.5 - (i * 5 % 13) * 0.03:.2f}" for i in range(27)]
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    brief = run_brief(settings(lang=code, provider="none", pdf="off", data=data, spec=spec, bootstrap=0, out=tmp_path / "out"), write=False)
    body = brief.markdown.split("## Appendix A" if code == "en" else "## Lampiran A")[0]
    gaps = re.findall(r"[\d.,]+ " + points, body)
    assert gaps, [(c.text[:150], c.value, c.fact_id, c.expected, c.verdict) for c in brief.verification.claims if c.verdict != Verdict.TRUE] + [str(r)[:300] for r in brief.verification.repairs]
    assert not re.search(r"\d%,? (?:or|atau) \d", body)
    assert brief.verification.counts[Verdict.UNVERIFIABLE] == 0, [(c.text[:200], c.value) for c in brief.verification.claims if c.verdict != Verdict.TRUE]
    assert brief.verification.counts[Verdict.FALSE] == 0 and brief.verification.counts[Verdict.UNVERIFIABLE] == 0
    assert not brief.verification.repairs  # no sentence was removed to get there


def test_the_english_verifier_binds_label_en_as_the_indicator(english_brief):
    """The verifier names an indicator by its label_en too (scope.py: labels and aliases)."""
    facts = english_brief.facts
    text = "## Cluster 4: Low achievement\n\n### Characteristics\n\nLife expectancy at birth averages 69.90 years in this cluster.\n"
    claims = Verifier(facts, locale="en").verify_markdown(text).claims
    assert [(c.value, c.fact_id, c.verdict) for c in claims] == [("69.90", "K4.UHH.mean", Verdict.TRUE)]
    wrong = Verifier(facts, locale="en").verify_markdown(text.replace("69.90", "72.32")).claims
    assert [(c.fact_id, c.verdict) for c in wrong] == [("K4.UHH.mean", Verdict.FALSE)]
