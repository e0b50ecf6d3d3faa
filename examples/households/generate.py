"""Synthetic household tables shaped like two studies (never real microdata): write them into a folder you name.

    python examples/households/generate.py banyumas OUT_DIR [--n 5000] [--seed 7] [--parquet]
    python examples/households/generate.py desa OUT_DIR [--n 1005] [--seed 11]

- `banyumas`: a regency's households (Banyumas-like, Jawa Tengah) for classification against the
  BPS poverty line: per-capita expenditure, household size, floor area, schooling of the head,
  roof / floor / water source codes, a household weight, and `garisKemiskinan.csv` (a small table
  of poverty lines by province, period and daerah, the shape of BPS's table; the values are
  illustrative, not BPS's). Seven latent groups, so k = 7 has structure to find.
- `desa`: 1 005 village families with many questionnaire attributes, several of them coded
  (occupation, roof, floor, wall, fuel, toilet), as in a village survey where DBI chose k.

The values are drawn from distributions chosen to look plausible; no row describes a real household.
Generated data are never committed (tests generate their own, small, into a temporary folder).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

# Illustrative poverty lines (Rp per capita per month) by province, period and daerah.
POVERTY_LINES = {
    ("Jawa Tengah", "2023-03", "perkotaan"): 512_000,
    ("Jawa Tengah", "2023-03", "perdesaan"): 478_000,
    ("Jawa Tengah", "2022-09", "perkotaan"): 498_000,
    ("Jawa Tengah", "2022-09", "perdesaan"): 466_000,
    ("DI Yogyakarta", "2023-03", "perkotaan"): 601_000,
    ("DI Yogyakarta", "2023-03", "perdesaan"): 523_000,
}

# Seven latent household groups: expenditure as a multiple of the line, size, floor area per
# person, years of schooling of the head, and the chance of a poor-quality roof / earth floor / unprotected water.
BANYUMAS_GROUPS = [
    # ratio, art, floor m²/person, schooling, roof (genteng, seng, asbes, lainnya), floor (keramik, semen, tanah), water
    (0.70, 5.6, 6.0, 4.0, (0.35, 0.30, 0.15, 0.20), (0.05, 0.35, 0.60), (0.10, 0.30, 0.45, 0.15)),
    (0.88, 4.9, 7.5, 5.5, (0.55, 0.25, 0.10, 0.10), (0.15, 0.50, 0.35), (0.15, 0.45, 0.30, 0.10)),
    (1.02, 4.4, 9.0, 6.5, (0.70, 0.15, 0.10, 0.05), (0.30, 0.50, 0.20), (0.25, 0.50, 0.20, 0.05)),
    (1.15, 4.0, 11.0, 7.5, (0.80, 0.10, 0.07, 0.03), (0.50, 0.40, 0.10), (0.35, 0.50, 0.12, 0.03)),
    (1.40, 3.7, 14.0, 8.5, (0.88, 0.06, 0.05, 0.01), (0.70, 0.27, 0.03), (0.50, 0.42, 0.07, 0.01)),
    (1.90, 3.4, 18.0, 10.0, (0.93, 0.03, 0.04, 0.00), (0.85, 0.14, 0.01), (0.65, 0.32, 0.03, 0.00)),
    (3.00, 3.1, 26.0, 13.0, (0.97, 0.01, 0.02, 0.00), (0.95, 0.05, 0.00), (0.80, 0.19, 0.01, 0.00)),
]


def _choice(rng: np.random.Generator, probabilities, size: int) -> np.ndarray:
    p = np.asarray(probabilities, dtype=float)
    return rng.choice(np.arange(1, len(p) + 1), size=size, p=p / p.sum())


def banyumas(n: int = 5000, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(households, poverty lines) for a Banyumas-shaped study."""
    rng = np.random.default_rng(seed)
    group = rng.choice(len(BANYUMAS_GROUPS), size=n, p=[0.08, 0.14, 0.18, 0.20, 0.18, 0.14, 0.08])
    daerah = np.where(rng.random(n) < 0.45, "perkotaan", "perdesaan")
    periode = "2023-03"
    line = np.array([POVERTY_LINES[("Jawa Tengah", periode, d)] for d in daerah], dtype=float)
    rows = {"id_rt": [f"RT{i + 1:06d}" for i in range(n)], "provinsi": "Jawa Tengah", "periode": periode, "daerah": daerah}
    ratio, art, floor, school = (np.empty(n) for _ in range(4))
    atap, lantai, air = (np.empty(n, dtype=int) for _ in range(3))
    for g, (r, size, area, years, roof, fl, water) in enumerate(BANYUMAS_GROUPS):
        rows_g = group == g
        m = int(rows_g.sum())
        ratio[rows_g] = r * np.exp(rng.normal(0, 0.10, m))
        art[rows_g] = np.clip(np.round(rng.normal(size, 0.9, m)), 1, 12)
        floor[rows_g] = np.clip(rng.normal(area, area * 0.15, m), 2, None)
        school[rows_g] = np.clip(np.round(rng.normal(years, 1.2, m)), 0, 18)
        atap[rows_g], lantai[rows_g], air[rows_g] = _choice(rng, roof, m), _choice(rng, fl, m), _choice(rng, water, m)
    rows.update({
        "kapita": np.round(ratio * line, -2).astype(int),
        "art": art.astype(int),
        "luas_lantai": np.round(floor, 1),
        "lama_sekolah_krt": school.astype(int),
        "atap": atap, "lantai": lantai, "sumber_air": air,
        "weind": np.round(rng.uniform(60, 320, n), 2),
    })
    lines = pd.DataFrame([{"provinsi": p, "periode": t, "daerah": d, "gk": v} for (p, t, d), v in POVERTY_LINES.items()])
    return pd.DataFrame(rows), lines


DESA_OCCUPATIONS = 6  # 1 petani, 2 buruh tani, 3 pedagang, 4 buruh bangunan, 5 PNS/karyawan, 6 lainnya


def desa(n: int = 1005, seed: int = 11) -> pd.DataFrame:
    """1 005 village families: numbers and codes of a village questionnaire, four latent profiles."""
    rng = np.random.default_rng(seed)
    group = rng.choice(4, size=n, p=[0.3, 0.3, 0.25, 0.15])
    income = np.array([1.2, 2.0, 3.2, 5.5])[group] * np.exp(rng.normal(0, 0.2, n))  # juta rupiah per month
    occupations = np.array([[0.25, 0.45, 0.05, 0.15, 0.00, 0.10], [0.45, 0.15, 0.15, 0.15, 0.02, 0.08],
                            [0.20, 0.05, 0.35, 0.10, 0.20, 0.10], [0.10, 0.02, 0.25, 0.03, 0.50, 0.10]])
    roof = np.array([[0.4, 0.4, 0.2], [0.6, 0.3, 0.1], [0.8, 0.15, 0.05], [0.95, 0.05, 0.0]])
    floor = np.array([[0.1, 0.4, 0.5], [0.3, 0.5, 0.2], [0.6, 0.35, 0.05], [0.9, 0.1, 0.0]])
    fuel = np.array([[0.2, 0.1, 0.7], [0.5, 0.1, 0.4], [0.8, 0.1, 0.1], [0.9, 0.1, 0.0]])
    table = {
        "id_keluarga": [f"KK{i + 1:04d}" for i in range(n)],
        "pendapatan": np.round(income, 2),
        "anggota": np.clip(np.round(rng.normal(np.array([5.0, 4.4, 3.8, 3.4])[group], 1.0)), 1, 11).astype(int),
        "luas_rumah": np.round(np.clip(rng.normal(np.array([36, 48, 65, 95])[group], 10), 12, None), 0),
        "sekolah_kk": np.clip(np.round(rng.normal(np.array([5, 7, 9, 12])[group], 1.5)), 0, 18).astype(int),
        "lahan": np.round(np.clip(rng.normal(np.array([0.05, 0.35, 0.25, 0.4])[group], 0.1), 0, None), 2),
    }
    for name, probabilities in (("pekerjaan", occupations), ("atap", roof), ("lantai", floor), ("bahan_bakar", fuel)):
        table[name] = np.array([rng.choice(np.arange(1, probabilities.shape[1] + 1), p=probabilities[g]) for g in group])
    table["jamban"] = np.where(rng.random(n) < np.array([0.55, 0.75, 0.9, 0.98])[group], 1, 2)
    return pd.DataFrame(table)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("study", choices=["banyumas", "desa"])
    parser.add_argument("out", type=Path, help="folder to write into (created)")
    parser.add_argument("--n", type=int, default=None, help="rows (banyumas: 5000, desa: 1005)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--parquet", action="store_true", help="also write Parquet (needs pyarrow)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.study == "banyumas":
        households, lines = banyumas(args.n or 5000, 7 if args.seed is None else args.seed)
        tables = {"rumah_tangga_banyumas": households, "garisKemiskinan": lines}
    else:
        tables = {"keluarga_desa": desa(args.n or 1005, 11 if args.seed is None else args.seed)}
    for name, table in tables.items():
        table.to_csv(args.out / f"{name}.csv", index=False)
        if args.parquet and name != "garisKemiskinan":
            table.to_parquet(args.out / f"{name}.parquet", index=False)
        print(f"wrote {args.out / name}.csv ({len(table)} rows)")


if __name__ == "__main__":
    main()
