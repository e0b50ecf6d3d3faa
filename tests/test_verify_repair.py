"""interpret/verification/repair.py: one decision for every failing claim, whoever drafted the sentence."""

from __future__ import annotations

import pytest

from interpret.errors import InternalError
from interpret.terms import ClaimKind, Verdict
from interpret.verification import Claim, VerificationReport
from interpret.verification.repair import (
    RepairAction,
    describe_for_provider,
    provider_repair_claims,
    refuse_false_claims,
    repair_action,
    repair_drafts,
    still_failing,
    unverified_mark,
)


def claim(verdict: Verdict, text: str = "UHH Klaster 2 rata-rata 75,32 tahun.", value: str = "75,32") -> Claim:
    return Claim("C001", ClaimKind.NUMBER, text, value, "Klaster 2", 2, "UHH", "K2.UHH.mean", "72,32 tahun", verdict)


def test_the_decision_per_claim():
    assert repair_action(claim(Verdict.TRUE)) is None
    assert repair_action(claim(Verdict.FALSE)) == RepairAction.REMOVE
    assert repair_action(claim(Verdict.UNVERIFIABLE)) == RepairAction.MARK
    assert repair_action(claim(Verdict.FALSE), provider_can_repair=True) == RepairAction.ASK_PROVIDER
    assert repair_action(claim(Verdict.TRUE), provider_can_repair=True) is None


def test_the_provider_is_told_each_failing_claim_and_its_fact_in_the_prompt_language():
    quoted = provider_repair_claims([claim(Verdict.FALSE), claim(Verdict.TRUE)])
    assert quoted == [{"kalimat": "UHH Klaster 2 rata-rata 75,32 tahun.", "angka_ditulis": "75,32", "putusan": "salah", "tindakan": "perbaiki",
                       "id_fakta": "K2.UHH.mean", "teks_fakta": "72,32 tahun", "alasan": ""}]
    assert describe_for_provider([claim(Verdict.FALSE)]) == "'75,32' (salah; fakta K2.UHH.mean: 72,32 tahun)"


def test_a_claim_bound_to_nothing_is_to_be_deleted_never_given_another_number():
    unbound = Claim("C002", ClaimKind.NUMBER, "Kemiskinan turun 10,1 %.", "10,1 %", "Klaster 2", 2, None, None, None, Verdict.UNVERIFIABLE,
                    "tidak terikat pada fakta mana pun")
    assert provider_repair_claims([unbound]) == [{"kalimat": "Kemiskinan turun 10,1 %.", "angka_ditulis": "10,1 %", "putusan": "tidak dapat diverifikasi",
                                                  "tindakan": "hapus", "id_fakta": None, "teks_fakta": "", "alasan": "tidak terikat pada fakta mana pun"}]
    assert provider_repair_claims([unbound], lang="en")[0]["tindakan"] == "delete"


def test_drafts_lose_false_sentences_and_mark_unverifiable_ones(default_brief):
    drafts = default_brief.drafts
    first = drafts.clusters[0]
    wrong, unsure = first.karakteristik[0], first.karakteristik[1]
    repaired, actions = repair_drafts(drafts, [claim(Verdict.FALSE, wrong), claim(Verdict.UNVERIFIABLE, unsure), claim(Verdict.UNVERIFIABLE, wrong)])
    kept = repaired.clusters[0].karakteristik
    assert wrong not in kept and f"{unsure} {unverified_mark()}" in kept
    assert [(a["action"], a["putusan"]) for a in actions] == [("dihapus", "salah"), ("ditandai", "tidak dapat diverifikasi")]
    assert repaired.llm == drafts.llm and repaired.sources == drafts.sources


def test_a_marked_sentence_is_not_failing_again_and_a_false_claim_left_is_refused():
    report = VerificationReport([claim(Verdict.UNVERIFIABLE, f"Angka kemiskinan turun. {unverified_mark()}"), claim(Verdict.FALSE)])
    assert [c.verdict for c in still_failing(report)] == [Verdict.FALSE]
    with pytest.raises(InternalError, match="The brief still holds false claims") as refused:
        refuse_false_claims(report, "The brief", "Report it.")
    assert refused.value.exit_code == 1  # a false claim left after repair is our bug, not the user's input
    refuse_false_claims(VerificationReport([claim(Verdict.TRUE)]), "The brief", "Report it.")


def test_a_repair_built_from_real_verdicts_never_hands_over_a_number_of_another_attribute():
    """The launder of issue 10: the verifier binds the poverty number to nothing, so the model is told to delete it; a false
    number is quoted with the fact it is bound to (its own subject, indicator and statistic), and that fact's own text."""
    from interpret.verification import Verifier

    from .test_verify import facts_for

    text = ("Pengeluaran per kapita Klaster 2 sebesar 10.314 ribu rupiah. Program ini diharapkan menurunkan kemiskinan sebesar 10,1 %. "
            "Umur harapan hidup Klaster 2 rata-rata 74,15 tahun.")
    facts = facts_for()
    report = Verifier(facts).verify_text(text)
    quoted = {q["angka_ditulis"]: q for q in provider_repair_claims(report.failing())}
    assert quoted["10,1 %"]["tindakan"] == "hapus" and quoted["10,1 %"]["id_fakta"] is None and quoted["10,1 %"]["teks_fakta"] == ""
    # 74,15 is K3's UHH mean: the repair names K2's own UHH mean, never the fact that happens to hold the written number
    assert (quoted["74,15"]["tindakan"], quoted["74,15"]["id_fakta"], quoted["74,15"]["teks_fakta"]) == ("perbaiki", "K2.UHH.mean", facts.index["K2.UHH.mean"].text)
