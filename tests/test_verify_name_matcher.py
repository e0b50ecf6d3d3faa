"""interpret/verification/name_matcher.py: every unit name found in one pass, longest first, case rules kept."""

from __future__ import annotations

from interpret.verification.name_matcher import NameMatcher, printed_forms


def test_unit_names_are_found_longest_first_whatever_their_number():
    names = {f"RT{i}": f"RT{i}" for i in range(1, 50_001)}
    names.update({"Papua": "Papua", "Papua Barat": "Papua Barat", "NTT": "Nusa Tenggara Timur"})
    matcher = NameMatcher(names)
    found = [(m.value, m.text) for m in matcher.find("RT12 dan RT123, lalu papua barat; NTT bukan ntt, RT500000 tidak ada.")]
    assert found == [("RT12", "RT12"), ("RT123", "RT123"), ("Papua Barat", "papua barat"), ("Nusa Tenggara Timur", "NTT")]


def test_a_numeric_name_is_a_number_where_a_measure_follows_it():
    import re

    matcher = NameMatcher({"73,13": "73,13", "Aceh": "Aceh"}, re.compile(r"\s*(?:tahun|%)(?![\w])"))
    assert [m.value for m in matcher.find("Aceh 73,13 tahun; kode 73,13 saja.")] == ["Aceh", "73,13"]


def test_a_name_is_matched_as_the_brief_prints_it():
    # at a line's start md_text escapes "[x]", inside a sentence it need not; markup characters are always escaped
    assert printed_forms("[x] Papua") == {"\\[x] Papua", "[x] Papua"}
    assert printed_forms("a*b") == {"a\\*b"}
