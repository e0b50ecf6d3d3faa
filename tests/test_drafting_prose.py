"""The drafter's prose (interpret/drafting_prose.py): the summary leads with the message and names the
members of small clusters, karakteristik interpret (extremes, the neighbouring cluster, what it means),
money reads as money, and no 8-word sequence repeats more than three times outside tables."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from interpret.drafting import by_need
from interpret.drafting_prose import MEMBERS_IN_FULL, by_marking, members_text
from interpret.language import load_language
from interpret.pipeline import run_brief
from interpret.terms import Verdict
from interpret.verification.engine import verify_markdown

from .conftest import settings

NGRAM, MOST = 8, 3


def prose_lines(markdown: str) -> list[str]:
    """The brief's running text: no headings, no table rows, nothing from the appendices on."""
    lines = []
    for line in markdown.splitlines():
        if re.match(r"^## (Lampiran|Appendix)\b", line):
            break
        if line.strip() and not line.startswith(("#", "|")):
            lines.append(line)
    return lines


def repeated_sequences(markdown: str, n: int = NGRAM, most: int = MOST) -> dict[str, int]:
    """Every n-word sequence (within a sentence, lower case, punctuation dropped) seen more than `most` times."""
    counts: Counter[str] = Counter()
    for line in prose_lines(markdown):
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            words = [w.strip(".,") for w in re.findall(r"[\w%.,+\-−]+", sentence.lower()) if w.strip(".,")]
            counts.update(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return {seq: count for seq, count in counts.items() if count > most}


@pytest.fixture(scope="module")
def english_brief(tmp_path_factory):
    return run_brief(settings(lang="en", provider="none", pdf="off", out=tmp_path_factory.mktemp("english-prose")))


def test_the_counter_finds_a_template_read_aloud():
    sentence = "Rata-rata klaster untuk UHH sebesar 75,10 tahun, 2,7% di atas rata-rata provinsi."
    text = "\n\n".join([sentence] * 4 + ["| " + sentence + " |"] * 9)
    assert repeated_sequences(text) and all(count == 4 for count in repeated_sequences(text).values())
    assert repeated_sequences("\n\n".join([sentence] * 3)) == {}


@pytest.mark.parametrize("which", ["id", "en"])
def test_no_eight_word_sequence_repeats_more_than_three_times(which, default_brief, english_brief):
    brief = default_brief if which == "id" else english_brief
    assert repeated_sequences(brief.markdown) == {}
    assert brief.verification.counts[Verdict.FALSE] == 0 and brief.verification.counts[Verdict.UNVERIFIABLE] == 0


def test_the_summary_leads_with_who_lags_and_what_first(default_brief):
    facts, summary = default_brief.facts, default_brief.drafts.summary.ringkasan
    order = by_need(facts)
    first = summary[0]
    assert first.startswith("Ketertinggalan terbesar ada di Klaster 4")
    assert "Urutan penanganan yang disarankan: Klaster 4 lebih dahulu, kemudian Klaster 3, Klaster 2, dan Klaster 1." in first
    assert [c.number for c in order] == [4, 3, 2, 1]
    assert "69,90 tahun, 4,03 tahun di bawah angka nasional (BPS); secara relatif 5,4% di bawahnya" in first  # the magnitude, in the unit and in percent
    assert summary[-1].startswith("Analisis ini mengelompokkan")  # the method comes last, in one paragraph


def test_members_of_small_clusters_are_named_in_full(default_brief):
    facts, summary = default_brief.facts, " ".join(default_brief.drafts.summary.ringkasan)
    lang = load_language("id")
    for c in facts.clusters:
        if c.size <= MEMBERS_IN_FULL:
            assert all(member in summary for member in c.members)
        else:
            assert f"daftar lengkapnya ada di bagian Klaster {c.number}" in members_text(c, lang)
    assert "Nusa Tenggara Timur, Gorontalo, Sulawesi Barat, Papua Barat, dan Papua" in summary


def test_karakteristik_name_extremes_and_the_neighbour(default_brief):
    facts = default_brief.facts
    text = " ".join(next(d for d in default_brief.drafts.clusters if d.klaster == 4).karakteristik)
    assert by_marking(facts.cluster(4), facts)[0].name == "UHH"
    assert "UHH terentang dari 68,17 tahun di Papua hingga 71,57 tahun di Nusa Tenggara Timur" in text  # the unit facts
    assert "selisih rata-rata UHH antara klaster ini dan Klaster 3, yaitu 4,25 tahun" in text  # the pair fact K3-K4.UHH.gap
    assert "Artinya, ketertinggalan Klaster 4 menyeluruh" in text
    assert "Rata-rata klaster untuk Rata-rata Lama Sekolah" not in default_brief.markdown  # no label doubling


def test_money_is_written_as_rupiah_in_juta_and_read_back():
    id_, en = load_language("id"), load_language("en")
    assert id_.value(15375.8, 0, "ribu rupiah/orang/tahun") == "Rp15,4 juta per orang per tahun"
    assert id_.value(313.2, 0, "ribu rupiah/orang/tahun", per=False) == "Rp313 ribu"
    assert id_.value(668548.2, 0, "rupiah") == "Rp669 ribu"
    assert en.value(15375.8, 0, "ribu rupiah/orang/tahun") == "Rp15.4 million per person per year"
    assert id_.value(75.098, 2, "tahun") == "75,10 tahun" and id_.money(75.1, "tahun") is None
    assert id_.percent(2.7) == "2,7%" and en.percent(2.7) == "2.7%"


def test_the_verifier_reads_rupiah_in_juta_with_the_precision_of_its_digits(default_brief):
    facts = default_brief.facts  # K1.Pengeluaran.mean = 15 375,8 ribu rupiah
    text = "## Klaster 1: Capaian tinggi\n\n### Karakteristik\n\nPengeluaran klaster ini rata-rata {}.\n"
    assert verify_markdown(text.format("Rp15,4 juta per orang per tahun"), facts).counts[Verdict.TRUE] >= 1
    wrong = verify_markdown(text.format("Rp15,5 juta per orang per tahun"), facts)
    assert wrong.counts[Verdict.FALSE] == 1


def test_short_labels_never_double_the_statistic():
    lang = load_language("id")

    class Feature:
        def __init__(self, name, label):
            self.name, self.label = name, label

    assert lang.short_label(Feature("RLS", "Rata-rata Lama Sekolah (RLS)")) == "RLS"
    assert lang.short_label(Feature("Pengeluaran", "Pengeluaran per kapita disesuaikan")) == "Pengeluaran per kapita disesuaikan"
