"""The report's words in the brief's language: Indonesian (default) and English.

Chart titles, axis labels, captions and the HTML chrome are looked up here by key, so a chart module
never holds a sentence in one language only. Captions carry no numbers on purpose: every number the
brief states must be a verified fact, and a caption is read as part of the brief.
"""

from __future__ import annotations

from interpret.errors import ConfigError
from interpret.numbers import format_number

LANGS = ("id", "en")

_TEXT: dict[str, dict[str, str]] = {
    "id": {
        "cluster": "Klaster",
        "contents": "Daftar isi",
        "figure": "Gambar",
        "figures_heading": "Grafik",
        "reference_mean": "rata-rata provinsi",
        "reference": "pembanding",
        # k selection
        "k_title": "Pemilihan jumlah klaster (k)",
        "k_caption": "Empat indeks dihitung untuk setiap k; garis putus-putus menandai k yang dipakai, garis titik-titik k pilihan konsensus panel bila berbeda, dan segitiga menandai siku (knee) kurva WSS bila ada.",
        "k_axis": "jumlah klaster k",
        "k_wss": "WSS (data baku)",
        "k_wss_short": "Metode elbow: jumlah kuadrat dalam klaster",
        "k_sil": "indeks (−1 s.d. 1)",
        "k_sil_short": "Silhouette (makin besar makin baik)",
        "k_gap": "gap ± galat baku",
        "k_gap_short": "Statistik gap (makin besar makin baik)",
        "k_dbi": "indeks DBI",
        "k_dbi_short": "Davies–Bouldin (makin kecil makin baik)",
        "k_chosen": "k yang dipakai",
        "k_consensus": "k konsensus panel",
        "k_knee": "siku",
        # PCA
        "pca_title": "Sebaran unit pada dua komponen utama (PCA dari data baku)",
        "pca_caption": "Setiap titik adalah satu unit berwarna menurut klaster, dan panah menunjukkan arah tiap indikator pada bidang dua komponen utama.",
        "pca_axis": "Komponen utama {n} ({pct} % ragam, tanpa satuan)",
        # profile
        "profile_title": "Klaster {n}: selisih rata-rata terhadap {ref} (%)",
        "profile_caption": "Panjang batang adalah selisih persen rata-rata klaster dari {ref}, ke kanan bila lebih besar dan ke kiri bila lebih kecil; pita abu-abu menandai rentang yang disebut setara.",
        "profile_axis": "selisih terhadap {ref} (%)",
        # heatmap
        "heat_title": "Rata-rata klaster per indikator dalam z-score",
        "heat_caption": "Biru berarti rata-rata klaster lebih besar daripada rata-rata seluruh unit dan merah lebih kecil, dalam satuan simpangan baku.",
        "heat_bar": "z-score (simpangan baku)",
        # map
        "map_title": "Peta klaster provinsi",
        "map_caption_points": "Setiap lingkaran adalah ibu kota provinsi, berwarna menurut klaster provinsinya.",
        "map_caption_geo": "Setiap provinsi diwarnai menurut klasternya; wilayah abu-abu tidak ada dalam data atau namanya tidak cocok.",
        "map_axis_lon": "bujur (derajat)",
        "map_axis_lat": "lintang (derajat)",
        "map_no_data": "tanpa data",
        "map_unplaced": "Unit yang tidak dapat ditempatkan di peta (nama tidak dikenal sebagai provinsi): {names}.",
        "map_geo_unmatched": "Nama wilayah di {file} yang tidak cocok dengan provinsi mana pun: {names}.",
        "map_geo_missing": "Provinsi dalam data yang tidak ditemukan di {file}: {names}.",
        "map_none": "Peta tidak dibuat: tidak ada unit yang namanya dikenali sebagai provinsi Indonesia.",
    },
    "en": {
        "cluster": "Cluster",
        "contents": "Contents",
        "figure": "Figure",
        "figures_heading": "Charts",
        "reference_mean": "provincial average",
        "reference": "reference",
        "k_title": "Choosing the number of clusters (k)",
        "k_caption": "Four indices are computed for each k; the dashed line marks the k used, the dotted line the panel's consensus k when it differs, and the triangle marks the knee of the WSS curve when there is one.",
        "k_axis": "number of clusters k",
        "k_wss": "WSS (standardized data)",
        "k_wss_short": "Elbow method: within-cluster sum of squares",
        "k_sil": "index (−1 to 1)",
        "k_sil_short": "Silhouette (higher is better)",
        "k_gap": "gap ± standard error",
        "k_gap_short": "Gap statistic (higher is better)",
        "k_dbi": "DBI index",
        "k_dbi_short": "Davies–Bouldin (lower is better)",
        "k_chosen": "k used",
        "k_consensus": "panel consensus k",
        "k_knee": "knee",
        "pca_title": "Units on the first two principal components (PCA of standardized data)",
        "pca_caption": "Each point is one unit coloured by cluster, and the arrows show the direction of each indicator in the plane of the two components.",
        "pca_axis": "Principal component {n} ({pct} % of variance, unitless)",
        "profile_title": "Cluster {n}: difference of the mean from the {ref} (%)",
        "profile_caption": "Each bar is the percentage difference of the cluster mean from the {ref}, to the right when larger and to the left when smaller; the grey band marks the range called similar.",
        "profile_axis": "difference from the {ref} (%)",
        "heat_title": "Cluster means per indicator as z-scores",
        "heat_caption": "Blue means the cluster mean is larger than the mean of all units and red smaller, in standard deviations.",
        "heat_bar": "z-score (standard deviations)",
        "map_title": "Map of province clusters",
        "map_caption_points": "Each circle is a provincial capital, coloured by the cluster of its province.",
        "map_caption_geo": "Each province is coloured by its cluster; grey areas are not in the data or their names did not match.",
        "map_axis_lon": "longitude (degrees)",
        "map_axis_lat": "latitude (degrees)",
        "map_no_data": "no data",
        "map_unplaced": "Units that could not be placed on the map (name not recognised as a province): {names}.",
        "map_geo_unmatched": "Area names in {file} that match no province: {names}.",
        "map_geo_missing": "Provinces in the data not found in {file}: {names}.",
        "map_none": "No map: no unit name was recognised as an Indonesian province.",
    },
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ConfigError(f"lang = {lang!r} is not supported; choose one of {', '.join(LANGS)} (--lang id|en).")
    return lang


def text(lang: str, key: str, **values) -> str:
    """The sentence `key` in `lang`, with {placeholders} filled."""
    template = _TEXT[check_lang(lang)][key]
    return template.format(**values) if values else template


def number(value: float, decimals: int, lang: str, signed: bool = False) -> str:
    """A number in the brief's language: "73,13" (id) or "73.13" (en)."""
    return format_number(value, decimals, signed=signed, locale="en" if lang == "en" else "id")


def reference_phrase(facts, lang: str) -> str:
    """How the brief names its reference ("rata-rata provinsi" / "provincial average" / "INDONESIA")."""
    ref = facts.reference
    if ref.kind == "row":
        return ref.label or text(lang, "reference")
    if lang == "id":
        from interpret.analysis_text import reference_phrase as indonesian

        return indonesian(facts)
    return "provincial average" if facts.dataset.unit == "provinsi" else "average of the units"
