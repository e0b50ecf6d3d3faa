import pandas as pd
import pytest

from interpret.provinces import PROVINCES, aliases, canonical_name, capital_coordinates

from .conftest import DEFAULT_CSV


@pytest.mark.parametrize(
    "variant, canonical",
    [("DKI JAKARTA", "DKI Jakarta"), ("Jakarta", "DKI Jakarta"), ("DIY", "D.I. Yogyakarta"), ("DI YOGYAKARTA", "D.I. Yogyakarta"),
     ("KEP. RIAU", "Kepulauan Riau"), ("KEP. BANGKA BELITUNG", "Kepulauan Bangka Belitung"), ("INDONESIA", "INDONESIA"), ("Atlantis", None)],
)
def test_aliases(variant, canonical):
    assert canonical_name(variant) == canonical


def test_every_default_province_is_known_and_placed_in_indonesia():
    names = pd.read_csv(DEFAULT_CSV)["Provinsi"]
    assert all(canonical_name(n) == n for n in names)
    assert len(PROVINCES) == 34
    for name in PROVINCES:
        lat, lon = capital_coordinates(name)
        assert -11 < lat < 6 and 95 < lon < 141
        assert aliases(name)[0] == name
