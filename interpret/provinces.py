"""Indonesian province names: canonical spelling, aliases, and provincial-capital coordinates.

One table serves the verifier (a narrative says "DIY" or "Jakarta"), the map (a GeoJSON says
"DI. YOGYAKARTA") and data loading (BPS files write "KEP. RIAU"). Coordinates are the public
latitude/longitude of each provincial capital, rounded to 0.01°, so a map needs no download.
Written by hand: no kept package ships BPS province names with their common variants.
"""

from __future__ import annotations

import re
import unicodedata

# canonical name -> (capital, latitude, longitude, aliases)
PROVINCES: dict[str, tuple[str, float, float, tuple[str, ...]]] = {
    "Aceh": ("Banda Aceh", 5.55, 95.32, ("Nanggroe Aceh Darussalam", "NAD", "D.I. Aceh")),
    "Sumatera Utara": ("Medan", 3.59, 98.67, ("Sumut", "North Sumatra")),
    "Sumatera Barat": ("Padang", -0.95, 100.35, ("Sumbar", "West Sumatra")),
    "Riau": ("Pekanbaru", 0.51, 101.45, ()),
    "Jambi": ("Jambi", -1.61, 103.61, ()),
    "Sumatera Selatan": ("Palembang", -2.98, 104.76, ("Sumsel", "South Sumatra")),
    "Bengkulu": ("Bengkulu", -3.80, 102.27, ()),
    "Lampung": ("Bandar Lampung", -5.43, 105.26, ()),
    "Kepulauan Bangka Belitung": ("Pangkalpinang", -2.13, 106.11, ("Kep. Bangka Belitung", "Bangka Belitung", "Babel", "Bangka Belitung Islands")),
    "Kepulauan Riau": ("Tanjungpinang", 0.92, 104.45, ("Kep. Riau", "Kepri", "Riau Islands")),
    "DKI Jakarta": ("Jakarta", -6.21, 106.85, ("Jakarta", "D.K.I. Jakarta", "DKI", "Daerah Khusus Ibukota Jakarta", "Jakarta Raya")),
    "Jawa Barat": ("Bandung", -6.91, 107.61, ("Jabar", "West Java")),
    "Jawa Tengah": ("Semarang", -6.97, 110.42, ("Jateng", "Central Java")),
    "D.I. Yogyakarta": ("Yogyakarta", -7.80, 110.36, ("DI Yogyakarta", "DIY", "Daerah Istimewa Yogyakarta", "Yogyakarta", "DI. Yogyakarta", "Jogja")),
    "Jawa Timur": ("Surabaya", -7.25, 112.75, ("Jatim", "East Java")),
    "Banten": ("Serang", -6.12, 106.15, ()),
    "Bali": ("Denpasar", -8.65, 115.22, ()),
    "Nusa Tenggara Barat": ("Mataram", -8.58, 116.12, ("NTB", "West Nusa Tenggara")),
    "Nusa Tenggara Timur": ("Kupang", -10.18, 123.61, ("NTT", "East Nusa Tenggara")),
    "Kalimantan Barat": ("Pontianak", -0.03, 109.33, ("Kalbar", "West Kalimantan")),
    "Kalimantan Tengah": ("Palangka Raya", -2.21, 113.92, ("Kalteng", "Central Kalimantan")),
    "Kalimantan Selatan": ("Banjarbaru", -3.44, 114.83, ("Kalsel", "South Kalimantan")),
    "Kalimantan Timur": ("Samarinda", -0.50, 117.15, ("Kaltim", "East Kalimantan")),
    "Kalimantan Utara": ("Tanjung Selor", 2.84, 117.37, ("Kaltara", "North Kalimantan")),
    "Sulawesi Utara": ("Manado", 1.47, 124.84, ("Sulut", "North Sulawesi")),
    "Sulawesi Tengah": ("Palu", -0.90, 119.87, ("Sulteng", "Central Sulawesi")),
    "Sulawesi Selatan": ("Makassar", -5.15, 119.43, ("Sulsel", "South Sulawesi")),
    "Sulawesi Tenggara": ("Kendari", -3.97, 122.51, ("Sultra", "Southeast Sulawesi")),
    "Gorontalo": ("Gorontalo", 0.54, 123.06, ()),
    "Sulawesi Barat": ("Mamuju", -2.68, 118.89, ("Sulbar", "West Sulawesi")),
    "Maluku": ("Ambon", -3.70, 128.17, ()),
    "Maluku Utara": ("Sofifi", 0.74, 127.56, ("Malut", "North Maluku")),
    "Papua Barat": ("Manokwari", -0.86, 134.06, ("Irian Jaya Barat", "West Papua")),
    "Papua": ("Jayapura", -2.53, 140.72, ()),
}
AGGREGATES = ("Indonesia", "Nasional")


def normalize(name: str) -> str:
    """Case, accents, dots and spacing folded: 'KEP. RIAU' → 'kep riau'."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    text = re.sub(r"[.\-_/]", " ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


_LOOKUP: dict[str, str] = {}
for _canonical, (_capital, _lat, _lon, _aliases) in PROVINCES.items():
    for _variant in (_canonical, *_aliases):
        _LOOKUP[normalize(_variant)] = _canonical
for _aggregate in AGGREGATES:
    _LOOKUP[normalize(_aggregate)] = "INDONESIA"


def canonical_name(name: str) -> str | None:
    """The canonical province name for any known spelling; 'INDONESIA' for the national aggregate."""
    return _LOOKUP.get(normalize(name))


def aliases(canonical: str) -> tuple[str, ...]:
    """All spellings (canonical first) of one province."""
    capital, lat, lon, extra = PROVINCES[canonical]
    return (canonical, *extra)


def capital_coordinates(canonical: str) -> tuple[float, float]:
    """(latitude, longitude) of the provincial capital."""
    _, lat, lon, _ = PROVINCES[canonical]
    return lat, lon
