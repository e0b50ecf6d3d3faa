"""Synthetic household microdata shaped like Susenas: one row per household, 16 numeric features
and a survey weight, for the clustering benchmark (no real microdata is shipped or needed).

Households are drawn from five latent types (large poor rural families, urban workers, elderly
households, young urban singles/couples, affluent families), so the data has real structure with
realistic overlap. Values stay in plausible ranges: household size 1–12, per-capita monthly
expenditure in rupiah (log-normal), food share 20–85 %, working members ≤ household size, binary
access indicators, and a survey weight (households represented) between 20 and 900.

    python benchmarks/household.py --rows 1000000 --out /tmp/households.parquet
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

FEATURES = [
    "ukuran_rt", "pengeluaran_kapita", "pangsa_makanan", "art_bekerja", "umur_krt", "pendidikan_krt",
    "luas_lantai_kapita", "air_layak", "sanitasi_layak", "listrik_pln", "rumah_milik", "jumlah_balita",
    "jumlah_lansia", "pangsa_pendidikan", "pangsa_kesehatan", "internet",
]

# Per type: share of households, and the parameters below (one row per type).
TYPES = {
    #              share  size  log_exp food  work  age  school floor  water sanit  pln  own  balita lansia edu  health net
    "miskin_desa": (0.26, 5.6, 13.35, 68.0, 0.38, 44, 5.5, 7.0, 0.62, 0.55, 0.88, 0.92, 1.1, 0.3, 2.0, 2.0, 0.20),
    "pekerja_kota": (0.30, 4.1, 14.05, 52.0, 0.45, 40, 10.0, 12.0, 0.93, 0.88, 0.99, 0.63, 0.6, 0.2, 4.5, 3.0, 0.75),
    "lansia": (0.14, 2.1, 13.75, 58.0, 0.25, 67, 5.0, 20.0, 0.80, 0.75, 0.96, 0.95, 0.1, 1.5, 0.5, 6.5, 0.25),
    "muda_kota": (0.18, 1.8, 14.45, 40.0, 0.85, 27, 13.5, 16.0, 0.96, 0.93, 0.99, 0.30, 0.2, 0.0, 6.0, 2.0, 0.95),
    "mampu": (0.12, 4.0, 15.05, 33.0, 0.50, 48, 15.0, 32.0, 0.99, 0.98, 1.00, 0.90, 0.5, 0.3, 9.0, 4.5, 0.98),
}


def generate(rows: int, seed: int = 2024) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    params = np.array(list(TYPES.values()))
    shares = params[:, 0] / params[:, 0].sum()
    kind = rng.choice(len(TYPES), size=rows, p=shares)
    p = params[kind]

    def clip(values, low, high):
        return np.clip(values, low, high)

    size = clip(np.rint(rng.normal(p[:, 1], 1.2)), 1, 12)
    data = {
        "id_rt": np.char.add("RT", np.arange(1, rows + 1).astype(str)),
        "ukuran_rt": size,
        "pengeluaran_kapita": np.rint(np.exp(rng.normal(p[:, 2], 0.35)) / 100) * 100,
        "pangsa_makanan": clip(rng.normal(p[:, 3], 7.0), 20, 85).round(1),
        "art_bekerja": np.minimum(size, clip(np.rint(rng.normal(p[:, 4] * size, 0.7)), 0, 12)),
        "umur_krt": clip(np.rint(rng.normal(p[:, 5], 7)), 17, 95),
        "pendidikan_krt": clip(np.rint(rng.normal(p[:, 6], 2.5)), 0, 18),
        "luas_lantai_kapita": clip(rng.lognormal(np.log(p[:, 7]), 0.35), 2, 200).round(1),
        "air_layak": (rng.random(rows) < p[:, 8]).astype(float),
        "sanitasi_layak": (rng.random(rows) < p[:, 9]).astype(float),
        "listrik_pln": (rng.random(rows) < p[:, 10]).astype(float),
        "rumah_milik": (rng.random(rows) < p[:, 11]).astype(float),
        "jumlah_balita": np.minimum(size - 1, rng.poisson(p[:, 12])).clip(0),
        "jumlah_lansia": np.minimum(size, rng.poisson(p[:, 13])),
        "pangsa_pendidikan": clip(rng.normal(p[:, 14], 1.5), 0, 30).round(1),
        "pangsa_kesehatan": clip(rng.normal(p[:, 15], 1.2), 0, 30).round(1),
        "internet": (rng.random(rows) < p[:, 16]).astype(float),
        "bobot": rng.uniform(20, 900, size=rows).round(1),
    }
    return pd.DataFrame(data)


def spec_text(file_name: str, k: str = "") -> str:
    """The data-set spec for the generated table (k absent: --k auto)."""
    labels = {
        "ukuran_rt": ("Ukuran rumah tangga", "orang", 1, "demografi"),
        "pengeluaran_kapita": ("Pengeluaran per kapita sebulan", "rupiah", 0, "ekonomi"),
        "pangsa_makanan": ("Pangsa pengeluaran makanan", "persen", 1, "ekonomi"),
        "art_bekerja": ("Anggota rumah tangga bekerja", "orang", 1, "ketenagakerjaan"),
        "umur_krt": ("Umur kepala rumah tangga", "tahun", 1, "demografi"),
        "pendidikan_krt": ("Lama sekolah kepala rumah tangga", "tahun", 1, "pendidikan"),
        "luas_lantai_kapita": ("Luas lantai per kapita", "m2", 1, "perumahan"),
        "air_layak": ("Akses air minum layak", "proporsi", 2, "perumahan"),
        "sanitasi_layak": ("Akses sanitasi layak", "proporsi", 2, "perumahan"),
        "listrik_pln": ("Listrik PLN", "proporsi", 2, "perumahan"),
        "rumah_milik": ("Rumah milik sendiri", "proporsi", 2, "perumahan"),
        "jumlah_balita": ("Jumlah balita", "orang", 2, "demografi"),
        "jumlah_lansia": ("Jumlah lansia", "orang", 2, "demografi"),
        "pangsa_pendidikan": ("Pangsa pengeluaran pendidikan", "persen", 1, "pendidikan"),
        "pangsa_kesehatan": ("Pangsa pengeluaran kesehatan", "persen", 1, "kesehatan"),
        "internet": ("Akses internet", "proporsi", 2, "digital"),
    }
    lower_better = {"pangsa_makanan", "jumlah_balita"}
    features = "\n".join(
        f'[[features]]\ncolumn = "{name}"\nlabel = "{label}"\nunit = "{unit}"\ndecimals = {dec}\ntheme = "{theme}"\n'
        f'direction = "{"lower_is_better" if name in lower_better else "higher_is_better"}"\n'
        for name, (label, unit, dec, theme) in labels.items()
    )
    return (
        f'[dataset]\nname = "rumah_tangga_sintetis"\ntitle = "Rumah tangga sintetis (benchmark)"\nunit = "rumah tangga"\n'
        f'file = "{file_name}"\nweight = "bobot"\n\n[id]\ncolumn = "id_rt"\n\n[reference]\nkind = "mean"\n\n{features}\n'
        f"[clustering]\n{k}\nseed = 42\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", type=Path, default=Path("/tmp/households.parquet"))
    args = parser.parse_args()
    frame = generate(args.rows, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_parquet(args.out, index=False)
    args.out.with_suffix(".toml").write_text(spec_text(args.out.name), encoding="utf-8")
    print(f"{args.out} ({len(frame)} rows x {len(FEATURES)} features + bobot), spec {args.out.with_suffix('.toml')}")


if __name__ == "__main__":
    main()
