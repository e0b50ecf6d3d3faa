import pytest

from interpret.numbers import format_number, format_percent, parse_number, with_unit


@pytest.mark.parametrize(
    "text, style, expected",
    [
        ("1.327.782", "auto", 1327782.0),
        ("73,13", "auto", 73.13),
        ("73.13", "auto", 73.13),
        ("1,327,782", "auto", 1327782.0),
        ("Rp 884.102", "id", 884102.0),
        ("11.470", "id", 11470.0),
        ("11.470", "en", 11.47),
        ("-0,81", "id", -0.81),
        ("", "auto", None),
        ("-", "auto", None),
        (12, "auto", 12.0),
    ],
)
def test_parse_number(text, style, expected):
    assert parse_number(text, style) == expected


@pytest.mark.parametrize("text", ["tujuh", "1.32.7", "12a"])
def test_parse_number_rejects_words(text):
    with pytest.raises(ValueError):
        parse_number(text, "id")


def test_format_indonesian():
    assert format_number(73.125001, 2) == "73,13"
    assert format_number(11470.4, 0) == "11.470"
    assert format_number(1327782, 0) == "1.327.782"
    assert format_number(1.97, 2, signed=True) == "+1,97"
    assert format_number(-0.81, 2, signed=True) == "-0,81"
    assert format_number(0.0, 1, signed=True) == "0,0"
    assert format_percent(62.94) == "62,9 %"
    assert with_unit("73,13", "tahun") == "73,13 tahun"
    assert with_unit("5", "") == "5"


@pytest.mark.parametrize("style", ["id", "en"])
def test_the_data_loader_and_parse_number_share_one_parser_per_locale(style):
    """A cell the loader's vectorised reading accepts is one `parse_number` accepts, with the same value."""
    import pandas as pd

    from interpret.data import _convert
    from interpret.numbers import NUMBER_LOCALES

    cells = pd.Series(["1.327.782", "73,13", "73.13", "1,327,782", "11.470", "-0,81", "1e3", "12"])
    values, bad = _convert(cells, pd.Series([False] * len(cells)), NUMBER_LOCALES[style])
    for cell, value, rejected in zip(cells, values, bad):
        if rejected:
            with pytest.raises(ValueError):
                parse_number(cell, style)
        else:
            assert parse_number(cell, style) == value
