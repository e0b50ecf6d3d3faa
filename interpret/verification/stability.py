"""Stability claims ("Klaster 2 stabil", "Klaster 4 paling tidak stabil"), checked against the
bootstrap Jaccard facts `K{n}.jaccard` when the stability analysis ran; thresholds live in
interpret/rules/konsistensi.toml ([stabilitas]). Without those facts the claim cannot be verified.
Numbers such as "berpindah klaster pada 35 % replikasi" are number claims matched to the unit facts.
"""

from __future__ import annotations

from .lexicon import rx
from .scope import Scope


class StabilityChecker:
    def __init__(self, verifier, thresholds):
        self.v = verifier
        self.t = thresholds
        self.unstable_rx = rx(verifier.lex.unstable)
        self.stable_rx = rx(verifier.lex.stable)
        self.unit_rx = rx(r"anggota|penempatan|provinsi|unit|member|placement|assignment")
        self.most_rx = rx(r"paling\s+(?P<neg>tidak\s+)?stabil|most\s+(?P<neg2>un)?stable|least\s+stable")

    def check(self, scope: Scope) -> None:
        v = self.v
        taken = []
        for match in self.most_rx.finditer(scope.text):
            taken.append((match.start(), match.end()))
            least = bool(match.group("neg") or match.group("neg2")) or match.group(0).lower().startswith("least")
            values = {c.number: v.facts.index.get(f"K{c.number}.jaccard") for c in v.facts.clusters}
            values = {n: f for n, f in values.items() if f is not None}
            for cluster in scope.clusters_for(match.start()):
                if not values:
                    v.claim(scope, "stabilitas", match.group(0), (cluster,), (), None, "tidak dapat diverifikasi", "analisis stabilitas tidak dijalankan")
                    continue
                target = (min if least else max)(values, key=lambda n: float(values[n].value))
                v.claim(scope, "stabilitas", match.group(0), (cluster,), (), values.get(cluster), "benar" if cluster == target else "salah",
                        f"Jaccard tertinggi/terendah: Klaster {target}")
        for label, pattern in (("tidak stabil", self.unstable_rx), ("stabil", self.stable_rx)):
            for match in pattern.finditer(scope.text):
                if any(s <= match.start() < e for s, e in taken):
                    continue
                taken.append((match.start(), match.end()))
                start, _ = scope.clause(match.start())
                if self.unit_rx.search(scope.text, max(start, match.start() - 40), match.start()):
                    continue  # about one unit's placement ("penempatannya tidak stabil"): its numbers are unit facts
                clusters = scope.clusters_for(match.start())
                for cluster in clusters:
                    fact = v.facts.index.get(f"K{cluster}.jaccard")
                    if fact is None:
                        v.claim(scope, "stabilitas", match.group(0), (cluster,), (), None, "tidak dapat diverifikasi", "analisis stabilitas tidak dijalankan")
                        continue
                    value = float(fact.value)
                    if label == "tidak stabil" and rx(r"kurang|less").search(match.group(0)):
                        ok = value < self.t.stabil_min
                    elif label == "tidak stabil":
                        ok = value < self.t.tidak_stabil_maks
                    elif rx(r"sangat|highly|very").search(match.group(0)):
                        ok = value >= self.t.sangat_stabil_min
                    else:
                        ok = value >= self.t.stabil_min
                    v.claim(scope, "stabilitas", match.group(0), (cluster,), (), fact, "benar" if ok else "salah",
                            f"Jaccard {value:.2f}; ambang stabil {self.t.stabil_min}")
