"""The words the checks look for, in Indonesian (default) and English.

Each entry is a regular expression fragment; the checks compile them once per locale. Kept apart
from the logic so a reviewer can read what counts as, say, a homogeneity claim without reading code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
ORDINAL_WORDS = {
    "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7, "kedelapan": 8,
    "kesembilan": 9, "kesepuluh": 10,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
}
NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
    "sepuluh": 10, "sebelas": 11, "dua belas": 12, "tiga belas": 13, "empat belas": 14, "lima belas": 15,
    "enam belas": 16, "tujuh belas": 17, "delapan belas": 18, "sembilan belas": 19, "dua puluh": 20,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
}


@dataclass(frozen=True)
class Lexicon:
    cluster_word: str  # "Klaster", "Cluster", "Kelompok" (capitalised or followed by a number)
    this_cluster: str  # "klaster ini"
    reference: str  # "rata-rata nasional", "angka nasional", ...
    direction_above: str
    direction_below: str
    direction_equal: str
    better: str
    worse: str
    all_features: str
    superlative_high: str
    superlative_low: str
    superlative_best: str
    superlative_worst: str
    spread_nouns: str  # nouns a superlative may modify that are not a rank claim
    gap_between: str  # "antarklaster"
    compare_high: str  # "lebih tinggi dari" + a cluster
    compare_low: str
    membership: str
    exclusive: str  # "hanya" before a member list
    negation: str
    count_units: str  # words after a number that make it a count of units
    cluster_units: str  # "klaster" after a number
    approx: str
    above_bound: str
    below_bound: str
    nearly: str
    ratio: str
    composite: str
    respectively: str
    clause_break: str
    low_spread: str
    high_spread: str
    zero_spread: str
    all_members: str  # "seluruh anggota", "pola yang identik": a claim about several members
    widest: str  # "paling lebar pada X"
    largest_shortfall: str
    largest_lead: str
    stable: str
    unstable: str
    year_before: str
    stat_words: tuple[tuple[str, str], ...]  # (pattern, fact kind)


ID = Lexicon(
    cluster_word=r"(?:[Kk]laster|KLASTER|[Cc]luster|Kelompok)",
    this_cluster=r"\b(?:[Kk]laster|[Cc]luster|[Kk]elompok)\s+(?:ini|tersebut|itu)\b",
    reference=(
        r"(?:rata-rata|rerata|angka|nilai|capaian|tingkat|level)\s+(?:nasional|provinsi|unit|(?:\d+\s+)?(?:seluruh\s+)?provinsi|keseluruhan|Indonesia)"
        r"|(?:angka|nilai)\s+referensi|referensi(?:\s+nasional)?|pembanding|rata-rata(?=\s*(?:[.,;:)]|$))"
    ),
    direction_above=r"di\s+atas|lebih\s+tinggi|melampaui|melebihi|mengungguli",
    direction_below=r"di\s+bawah|lebih\s+rendah|tertinggal\s+dari",
    direction_equal=r"setara|sama|sejajar|sebanding|mendekati|tidak\s+berbeda\s+jauh",
    better=r"\bunggul\b|lebih\s+baik|\bmengungguli\b",
    worse=r"(?<!ke)\btertinggal\b|lebih\s+buruk|\bmenunjukkan\s+ketertinggalan\b",
    all_features=r"\b(?:semua|seluruh|keempat|ketiga|kelima|setiap|masing-masing)\s+(?:indikator|komponen|dimensi|variabel)\b",
    superlative_high=r"tertinggi|terbesar|paling\s+tinggi|paling\s+besar|terbanyak|paling\s+banyak",
    superlative_low=r"terendah|terkecil|paling\s+rendah|paling\s+kecil|paling\s+sedikit|tersedikit",
    superlative_best=r"terbaik|paling\s+baik|paling\s+unggul|paling\s+maju|paling\s+sejahtera",
    superlative_worst=r"terburuk|paling\s+buruk|paling\s+tertinggal|paling\s+rentan|paling\s+tertinggal",
    spread_nouns=r"variasi|keragaman|kesenjangan|selisih|ketertinggalan|keunggulan|perbedaan|jarak|rentang|gap|ketimpangan|simpangan",
    gap_between=r"antar\s*-?\s*klaster|antar\s*-?\s*kelompok|antara\s+klaster|antarcluster",
    compare_high=r"lebih\s+tinggi|lebih\s+besar|lebih\s+baik|unggul|mengungguli|melampaui|melebihi|di\s+atas",
    compare_low=r"lebih\s+rendah|lebih\s+kecil|lebih\s+buruk|tertinggal|kalah|di\s+bawah",
    membership=(
        r"terdiri\s+(?:dari|atas)|beranggotakan|anggota(?:nya)?|mencakup|meliputi|termasuk|masuk\s+(?:ke\s+)?(?:dalam\s+)?|"
        r"tergabung|tergolong|digolongkan|bergabung|berisi|yaitu|yakni|antara\s+lain|di\s+antaranya|berada\s+(?:di|dalam)|dihuni|ditempati|menghimpun|mengelompokkan|bersama"
    ),
    exclusive=r"\bhanya\b|\bsaja\b",
    negation=r"\btidak\b|\bbukan\b|\btanpa\b|\btak\b|\bbelum\b|\btiada\b",
    count_units=r"provinsi|kabupaten|kota|kabupaten/kota|wilayah|daerah|anggota|unit",
    cluster_units=r"klaster|kelompok|cluster",
    approx=r"sekitar|kira-kira|kurang\s+lebih|lebih\s+kurang|sekira|±|~|berkisar",
    above_bound=r"lebih\s+dari|di\s+atas|melebihi|melampaui|mencapai\s+lebih\s+dari|>",
    below_bound=r"kurang\s+dari|di\s+bawah|tidak\s+sampai|<",
    nearly=r"hampir|nyaris|mendekati",
    ratio=r"kali(?:\s+lipat)?|x\b",
    composite=r"capaian|komposit|secara\s+keseluruhan|kesejahteraan|pembangunan\s+manusia|IPM|semua\s+indikator|seluruh\s+indikator|keempat\s+indikator",
    respectively=r"masing-masing|berturut-turut|secara\s+berurutan",
    clause_break=r";|\bsedangkan\b|\bsementara(?:\s+itu)?\b|\bnamun\b|\btetapi\b|\bdibandingkan\b|\bdibanding\b|\bketimbang\b|\badapun\b|\bberbeda\s+dengan\b",
    low_spread=(
        r"homogen|seragam|kompak|rapat|relatif\s+mirip|mirip\s+satu\s+sama\s+lain|tidak\s+jauh\s+berbeda|"
        r"(?:variasi|keragaman|sebaran|perbedaan|simpangan)\s+(?:\w+\s+){0,5}?(?:yang\s+)?(?:kecil|rendah|sempit|terbatas|tipis|minim)\b"
    ),
    high_spread=(
        r"heterogen|beragam|bervariasi|timpang|tersebar\s+lebar|sangat\s+berbeda|"
        r"(?:variasi|keragaman|sebaran|perbedaan|simpangan|kesenjangan|ketimpangan)\s+(?:\w+\s+){0,5}?(?:yang\s+)?(?:besar|tinggi|lebar|tajam|mencolok|nyata)\b"
    ),
    zero_spread=r"(?:tidak\s+ada|tanpa|tiada)\s+(?:\w+\s+){0,1}?(?:variasi|keragaman|perbedaan)",
    all_members=(
        r"(?:seluruh|semua|setiap|segenap|masing-masing)\s+(?:provinsi\s+)?anggota(?:nya)?|anggota-anggota(?:nya)?|antar\s*-?\s*anggota|"
        r"pola\s+(?:yang\s+)?(?:identik|sama|serupa|seragam|bersama|konsisten)|identik|keseragaman"
    ),
    widest=r"paling\s+(?:lebar|besar|tinggi|beragam)|terlebar|terbesar",
    largest_shortfall=r"ketertinggalan\s+(?:yang\s+)?(?:terbesar|paling\s+besar|terdalam|paling\s+dalam)",
    largest_lead=r"keunggulan\s+(?:yang\s+)?(?:terbesar|paling\s+besar|paling\s+menonjol)",
    stable=r"(?<!tidak\s)(?<!kurang\s)(?<!tak\s)\b(?:sangat\s+)?stabil\b|\bkokoh\b|\bmantap\b|\btangguh\b",
    unstable=r"(?:tidak|kurang|tak)\s+stabil|\blabil\b|\brapuh\b|\bgoyah\b",
    year_before=r"tahun",
    stat_words=(
        (r"\bmedian\b|nilai\s+tengah", "median"),
        (r"simpangan\s+baku|standar\s+deviasi|deviasi\s+standar", "sd"),
        (r"\bminimum\b|nilai\s+terendah|paling\s+rendah\s+di\s+antara\s+anggota", "min"),
        (r"\bmaksimum\b|nilai\s+tertinggi|paling\s+tinggi\s+di\s+antara\s+anggota", "max"),
        (r"skor\s+z|z-score|\bz\s*=", "z"),
    ),
)

EN = Lexicon(
    cluster_word=r"(?:[Cc]luster|CLUSTER|[Gg]roup|[Kk]laster)",
    this_cluster=r"\b(?:[Tt]his|[Tt]he|[Tt]hat)\s+(?:cluster|group)\b(?!\s+(?:means|average|profile))",
    reference=r"(?:the\s+)?(?:national|provincial|overall|reference)\s+(?:average|mean|figure|level|value)|(?:the\s+)?reference(?:\s+value)?|(?:the\s+)?average(?=\s*(?:[.,;:)]|$))",
    direction_above=r"above|higher\s+than|exceeds?|exceeding|over",
    direction_below=r"below|lower\s+than|under|behind|trails?",
    direction_equal=r"in\s+line\s+with|on\s+par\s+with|close\s+to|similar\s+to|equal\s+to|level\s+with|at",
    better=r"\bahead\b|\bbetter\b|\boutperforms?\b|\bleads?\b",
    worse=r"\blags?\s+behind\b|\bworse\b|\bfalls?\s+behind\b|\blags?\b",
    all_features=r"\b(?:all|every|each|all\s+four|all\s+three)\s+(?:the\s+)?(?:indicators?|components?|dimensions?|variables?)\b",
    superlative_high=r"highest|largest|greatest|biggest",
    superlative_low=r"lowest|smallest|least|fewest|bottom",
    superlative_best=r"best|most\s+advanced|most\s+prosperous",
    superlative_worst=r"worst|most\s+lagging|most\s+vulnerable|least\s+developed",
    spread_nouns=r"variation|diversity|gap|difference|shortfall|lead|range|spread|dispersion|inequality",
    gap_between=r"between\s+(?:the\s+)?clusters|across\s+(?:the\s+)?clusters|inter-cluster",
    compare_high=r"higher|greater|larger|better|ahead\s+of|above|exceeds?|outperforms?",
    compare_low=r"lower|smaller|worse|behind|below|trails?",
    membership=r"consists?\s+of|comprises?|is\s+made\s+up\s+of|includes?|including|contains?|members?|belongs?\s+to|is\s+in|are\s+in|namely|such\s+as|grouped\s+(?:with|in)",
    exclusive=r"\bonly\b|\bjust\b",
    negation=r"\bnot\b|\bno\b|\bnever\b|\bwithout\b|\bisn't\b|\baren't\b|\bdoes\s+not\b",
    count_units=r"provinces?|districts?|regenc(?:y|ies)|regions?|members?|units?",
    cluster_units=r"clusters?|groups?",
    approx=r"about|around|approximately|roughly|some|~|±|circa",
    above_bound=r"more\s+than|over|above|exceeding|>",
    below_bound=r"less\s+than|under|below|fewer\s+than|<",
    nearly=r"nearly|almost|close\s+to|just\s+under",
    ratio=r"times|fold|x\b",
    composite=r"overall|composite|welfare|human\s+development|HDI|IPM|all\s+indicators|every\s+indicator",
    respectively=r"respectively|in\s+turn",
    clause_break=r";|\bwhereas\b|\bwhile\b|\bbut\b|\bhowever\b|\bcompared\s+(?:with|to)\b|\bunlike\b|\bagainst\b",
    low_spread=r"homogeneous|uniform|tight|compact|similar\s+to\s+each\s+other|(?:low|small|little|narrow|limited)\s+(?:internal\s+)?(?:variation|diversity|spread|dispersion)",
    high_spread=r"heterogeneous|diverse|varied|wide-ranging|(?:high|large|wide|considerable|marked)\s+(?:internal\s+)?(?:variation|diversity|spread|dispersion)",
    zero_spread=r"(?:no|without)\s+(?:\w+\s+)?(?:variation|diversity|differences?)",
    all_members=r"(?:all|every|each)\s+(?:of\s+its\s+)?members?|(?:all|every)\s+provinces?\s+in|identical\s+pattern|shared\s+pattern|common\s+pattern|identical|uniformity",
    widest=r"widest|largest|greatest|broadest|most\s+varied",
    largest_shortfall=r"(?:largest|biggest|greatest|deepest)\s+(?:shortfall|gap|lag)",
    largest_lead=r"(?:largest|biggest|greatest)\s+(?:lead|advantage)",
    stable=r"(?<!not\s)(?<!less\s)\b(?:very\s+|highly\s+)?stable\b|\brobust\b",
    unstable=r"(?:not|less|un)\s*stable|\bunstable\b|\bfragile\b",
    year_before=r"year|in",
    stat_words=(
        (r"\bmedian\b", "median"),
        (r"standard\s+deviation|\bsd\b", "sd"),
        (r"\bminimum\b|lowest\s+member", "min"),
        (r"\bmaximum\b|highest\s+member", "max"),
        (r"z-score|\bz\s*=", "z"),
    ),
)

LEXICONS = {"id": ID, "en": EN}


@lru_cache(maxsize=None)
def rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern:
    """Compile once: the checks call this with lexicon fragments on every sentence."""
    return re.compile(pattern, flags)
