"""The head of the small household specs the household tests write (one household per row, id "id")."""

HOUSEHOLD_SPEC_HEAD = """
[dataset]
name = "rt"
title = "Rumah tangga uji"
unit = "rumah tangga"

[id]
column = "id"
"""


def categorical_block(column: str, label: str, codes: dict[int, str]) -> str:
    listed = ", ".join(f'{code} = "{name}"' for code, name in codes.items())
    return f'\n[[features]]\ncolumn = "{column}"\nlabel = "{label}"\nkind = "categorical"\ncodes = {{ {listed} }}\n'
