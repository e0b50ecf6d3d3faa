"""interpret/sentences.py: one rule for where a sentence ends, shared by the verifier and the report."""

from __future__ import annotations

from interpret import sentences
from interpret.verification import split_sentences as verifier_split


def test_sentences_end_at_a_full_stop_before_a_capital_but_not_after_an_abbreviation():
    text = "Klaster 4 tertinggal. D.I. Yogyakarta unggul, Rp. 15 juta. Kep. Riau juga! \"Kutipan\" ikut. akhir kecil tetap."
    assert sentences.split_sentences(text) == [
        "Klaster 4 tertinggal.", "D.I. Yogyakarta unggul, Rp. 15 juta.", "Kep. Riau juga!", "\"Kutipan\" ikut. akhir kecil tetap."]


def test_the_verifier_cuts_with_the_same_rule():
    assert verifier_split is sentences.split_sentences
    assert sentences.split_sentences("") == [] and sentences.split_sentences("  Satu.  ") == ["Satu."]
