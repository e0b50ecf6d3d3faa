"""The data set's own names for its reference, added to the lexicon's `reference` words per run.

The lexicon names the reference in general words ("rata-rata nasional", "the national average",
"rata-rata provinsi"). A brief about households compares every cluster with "rata-rata rumah tangga"
(the weighted mean of the households, as the catalogue's `reference.mean_by_unit` names it), and a
model writes "rata-rata seluruh keluarga" or "the household average": phrases that depend on the
data set's unit, so no fixed lexicon entry can hold them. Without them "Klaster 3 di atas rata-rata
rumah tangga" yields no claim at all and would ship unchecked.

So the verifier reads two more sources, both words kept in data, not here:
- the phrase the brief's catalogue uses for this data set's reference (`Language.reference_phrase`);
- the lexicon's `unit_reference` pattern with `{unit}` filled by the unit's nouns (the spec's own, the
  catalogue's singular and plural);
and neither may stand before `unit_reference_not_before` (its `{cluster_word}` and `{this_cluster}` the
lexicon's own): "rata-rata rumah tangga di Klaster 3" is that cluster's mean, not the reference.

Which reference such a phrase means (the published figures or the plain mean of the units) is still
decided by unit_mean.py: the phrase only makes the sentence a claim.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..language import load_language


def unit_nouns(facts, lang) -> list[str]:
    """The nouns the text may name a unit by: the spec's (Indonesian) and the catalogue's, both numbers."""
    nouns = {str(facts.dataset.unit or "").strip()}
    if lang is not None:
        for plural in (True, False):
            try:
                nouns.add(lang.unit_noun(facts, plural=plural))
            except Exception:  # a catalogue without unit nouns: the spec's noun is enough
                pass
    return sorted((n for n in nouns if n), key=len, reverse=True)


def data_reference_words(lex, facts, languages_dir: str | None = None) -> list[str]:
    """Regex fragments naming this data set's reference: the catalogue's phrase and `unit_reference`, filled."""
    try:
        lang = load_language(lex.code, [languages_dir] if languages_dir else [])
    except Exception:  # a lexicon without a catalogue: the unit's own noun only
        lang = None
    fragments = []

    def filled(pattern: str) -> str:
        for name, value in (("{unit}", alternatives), ("{cluster_word}", lex.cluster_word), ("{this_cluster}", lex.this_cluster)):
            pattern = pattern.replace(name, value)
        return pattern

    nouns = unit_nouns(facts, lang) if getattr(facts, "dataset", None) is not None else []
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns) or r"(?!)"
    guard = f"(?!{filled(lex.words['unit_reference_not_before'])})" if "unit_reference_not_before" in lex.words else ""
    if lang is not None:
        try:
            phrase = lang.reference_phrase(facts).strip()
        except Exception:  # facts without a data set (a partial result.json): nothing to add
            phrase = ""
        if phrase:
            fragments.append(re.escape(phrase).replace(r"\ ", r"\s+") + guard)
    if nouns and "unit_reference" in lex.words:
        fragments.append(f"(?:{filled(lex.words['unit_reference'])}){guard}")
    return fragments


def with_data_references(lex, facts, languages_dir: str | None = None):
    """The lexicon with this data set's reference phrases added to `reference` (a new object; the shared one stays)."""
    fragments = data_reference_words(lex, facts, languages_dir)
    if not fragments:
        return lex
    # the longer, data-specific phrases first: "rata-rata rumah tangga" before the bare "rata-rata" of the lexicon
    words = dict(lex.words, reference="|".join(f"(?:{f})" for f in fragments) + f"|{lex.words['reference']}")
    return replace(lex, words=words)
