"""Policy claims and their premises (interpret/verification/policy.py, premises.py), on the shipped data against the
plain mean of the provinces (k = 4): Klaster 1 leads on every indicator; Klaster 2 trails on UHH and expenditure and
leads on schooling; Klaster 3 leads on UHH and expenditure and trails on schooling; Klaster 4 trails on all. On UHH
Klaster 1 is the highest and Klaster 4 the lowest."""

from __future__ import annotations

import pytest

from interpret.terms import ClaimKind, Verdict
from interpret.verification import Verifier

from .test_verify import facts_for


def policy(text: str, lang: str = "id") -> list[tuple[str, int | None, Verdict]]:
    report = Verifier(facts_for(), locale=lang).verify_text(text)
    return [(c.value, c.cluster, c.verdict) for c in report.claims if c.kind == ClaimKind.POLICY]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a rank stated as the reason, false for the cluster: the advice rests on it
        ("Klaster 2 memerlukan perluasan PKH karena harapan hidup di klaster ini adalah yang terendah di antara klaster.", "id",
         [("PKH", 2, Verdict.FALSE)]),
        ("Cash transfers for Cluster 2 are warranted because its life expectancy is the lowest of all clusters.", "en",
         [("Cash transfers", 2, Verdict.FALSE)]),
        # the same advice with a true reason
        ("Klaster 4 memerlukan perluasan PKH karena harapan hidup di klaster ini adalah yang terendah di antara klaster.", "id",
         [("PKH", 4, Verdict.TRUE)]),
        # a relative clause of the cluster is a premise too
        ("Klaster 2, yang pengeluaran per kapitanya di atas rata-rata provinsi, membutuhkan perluasan bansos.", "id",
         [("bansos", 2, Verdict.FALSE)]),
        ("Cluster 2, whose per capita expenditure is below the provincial average, needs social protection.", "en",
         [("social protection", 2, Verdict.TRUE)]),
        # what the sentence concedes is no premise
        ("Klaster 2 membutuhkan bansos karena pengeluarannya di bawah rata-rata provinsi, walaupun harapan hidupnya di atas rata-rata provinsi.",
         "id", [("bansos", 2, Verdict.TRUE)]),
        # the part before "sehingga" / "so" is the premise; the advice before it is still advice
        ("Pengeluaran Klaster 2 di atas rata-rata provinsi, sehingga bansos tetap diperlukan di klaster ini.", "id",
         [("bansos", 2, Verdict.FALSE)]),
        ("Cluster 4's spending is below the provincial average, so social protection should be expanded there.", "en",
         [("social protection", 4, Verdict.TRUE)]),
        ("Klaster 4 memerlukan bansos, sehingga penyalurannya perlu dipantau.", "id", [("bansos", 4, Verdict.TRUE)]),
        # after "so", the advice names its own cluster, not the premise's
        ("Although Cluster 1 leads on every indicator, its gap to Cluster 2 is small, so scholarships should go to Cluster 3.", "en",
         [("scholarships", 3, Verdict.TRUE)]),
        # a reason that opens the sentence ends at its comma: what follows is the advice
        ("Since its spending is the lowest of all clusters, Cluster 4 should pilot a digital economy strategy.", "en",
         [("digital economy", 4, Verdict.FALSE)]),
        ("Mengingat daya belinya paling rendah, Klaster 4 sebaiknya memprioritaskan ekonomi digital.", "id",
         [("ekonomi digital", 4, Verdict.FALSE)]),
    ],
)
def test_a_recommendation_is_judged_with_its_premise(text, lang, expected):
    assert policy(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "Oleh karena itu" / "Hence": the sentence before is the premise ("karena" in it is no reason word)
        ("Harapan hidup Klaster 2 adalah yang tertinggi di antara klaster. Oleh karena itu, bansos perlu diperluas di Klaster 2.", "id",
         [("bansos", 2, Verdict.FALSE)]),
        ("Harapan hidup Klaster 2 adalah yang tertinggi di antara klaster. Selain itu, bansos perlu diperluas di Klaster 2.", "id",
         [("bansos", 2, Verdict.TRUE)]),
        ("Pengeluaran Klaster 4 di bawah rata-rata provinsi. Karena itu, bansos perlu diperluas di Klaster 4.", "id",
         [("bansos", 4, Verdict.TRUE)]),
        ("Cluster 2's life expectancy is the highest of the four clusters. Hence social protection should be expanded in Cluster 2.", "en",
         [("social protection", 2, Verdict.FALSE)]),
        # "therefore" after the advice looks back: to the clause before it, or to the sentence before
        ("Cluster 2's life expectancy is the highest of the four clusters; social protection should therefore be expanded there.", "en",
         [("social protection", 2, Verdict.FALSE)]),
        ("Cluster 2's life expectancy is the highest of the four clusters. Social protection should therefore be its priority.", "en",
         [("Social protection", 2, Verdict.FALSE)]),
        ("Cluster 2's life expectancy is the highest of the four clusters. Social protection should also be its priority.", "en",
         [("Social protection", 2, Verdict.TRUE)]),
    ],
)
def test_a_consequence_takes_its_premise_from_the_sentence_before(text, lang, expected):
    assert policy(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a level before the indicator ("given its weak education", "rendahnya pendidikan"), of a dimension word
        ("Cluster 2 needs social protection given its weak education.", "en", [("social protection", 2, Verdict.FALSE)]),
        ("Cluster 4 needs social protection given its weak education.", "en", [("social protection", 4, Verdict.TRUE)]),
        ("Klaster 2 memerlukan perlindungan sosial mengingat rendahnya pendidikan di klaster ini.", "id",
         [("perlindungan sosial", 2, Verdict.FALSE)]),
        # a lag stated as the reason
        ("Cluster 2 needs social protection because its education lags behind.", "en", [("social protection", 2, Verdict.FALSE)]),
        # a sector word that is also a dimension word ("education") still names the premise's indicator
        ("Cluster 2 needs cash transfers given the lag in its education.", "en", [("cash transfers", 2, Verdict.FALSE)]),
        # a level compared with another cluster is no level against the reference
        ("Klaster 3 memerlukan beasiswa karena harapan hidupnya lebih rendah dari Klaster 1.", "id", [("beasiswa", 3, Verdict.TRUE)]),
        ("Klaster 3 memerlukan beasiswa karena harapan hidupnya rendah.", "id", [("beasiswa", 3, Verdict.FALSE)]),
    ],
)
def test_a_stated_level_is_checked_against_the_clusters_position(text, lang, expected):
    assert policy(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a dimension word is a sector when it is what the sentence recommends
        ("Untuk Klaster 3, prioritasnya adalah perluasan akses dan mutu pendidikan.", "id", [("pendidikan", 3, Verdict.TRUE)]),
        ("For Cluster 1, the priority is better quality of education.", "en", [("education", 1, Verdict.FALSE)]),
        # and a state when the sentence gives its level
        ("Klaster 1 perlu ekonomi digital; pendidikannya sudah di atas rata-rata provinsi.", "id", [("ekonomi digital", 1, Verdict.TRUE)]),
        # a contrast drops only what follows it
        ("Cluster 1 should be steered toward the digital economy rather than cash transfers.", "en", [("digital economy", 1, Verdict.TRUE)]),
        ("Bansos lebih mendesak bagi Klaster 4 daripada ekonomi digital.", "id", [("Bansos", 4, Verdict.TRUE)]),
        # a cue with the possessive suffix, and the hedged ways a model advises
        ("Bagi Klaster 4, rekomendasinya adalah bansos.", "id", [("bansos", 4, Verdict.TRUE)]),
        ("Klaster 1 dianjurkan menerima kartu sembako.", "id", [("kartu sembako", 1, Verdict.FALSE)]),
        ("Even Cluster 1 would benefit from nutrition programmes.", "en", [("nutrition", 1, Verdict.FALSE)]),
        ("Klaster 1 tidak memerlukan bansos.", "id", []),
        ("Cluster 4 makes a strong case for social assistance.", "en", [("social assistance", 4, Verdict.TRUE)]),
        # a hedge that describes, with the sector denied, recommends nothing
        ("Cluster 1 could be described as prosperous, with little reliance on social assistance.", "en", []),
        ("Klaster 1 tidak lagi bergantung pada bansos.", "id", []),
    ],
)
def test_what_a_sentence_recommends(text, lang, expected):
    assert policy(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # one clause's reason is not the next clause's: Klaster 4's low spending says nothing of Klaster 1
        ("Klaster 4 membutuhkan bansos karena pengeluaran per kapitanya paling rendah, sementara Klaster 1 cocok untuk ekonomi digital.", "id",
         [("bansos", 4, Verdict.TRUE), ("ekonomi digital", 1, Verdict.TRUE)]),
        ("For Cluster 2, where life expectancy trails the provincial average, health services should come first, while Cluster 1 can lead the digital economy.",
         "en", [("health services", 2, Verdict.TRUE), ("digital economy", 1, Verdict.TRUE)]),
        # "UHH-nya": the suffix after a hyphen still joins the indicator to its level (a good UHH argues against a health programme)
        ("Klaster 3 memerlukan beasiswa karena UHH-nya rendah.", "id", [("beasiswa", 3, Verdict.FALSE)]),
    ],
)
def test_a_premise_stays_in_its_clause(text, lang, expected):
    assert policy(text, lang) == expected


def test_a_recommendation_bullet_under_a_bold_heading_is_about_its_cluster():
    md = "**Cluster 1**\n\n- Life expectancy is above the provincial average.\n- Recommendation: nutrition programmes.\n"
    claims = [(c.value, c.cluster, c.verdict) for c in Verifier(facts_for(), locale="en").verify_markdown(md).claims if c.kind == ClaimKind.POLICY]
    assert claims == [("nutrition", 1, Verdict.FALSE)]  # Klaster 1 leads on UHH: a health programme contradicts it
