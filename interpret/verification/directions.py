"""Position against the reference: "di atas / di bawah / lebih tinggi / lebih rendah / setara dengan
rata-rata nasional", and "unggul / tertinggal pada X" (better or worse, taking each indicator's
direction into account), per cluster and indicator. "Seluruh anggota Klaster 4 di bawah rata-rata"
is checked against the members' range (max below the reference), not the mean.
"""

from __future__ import annotations

from ..analysis_text import WORD_DIRECTIONS
from ..terms import Direction
from .lexicon import rx
from .scope import AGGREGATE, Scope


class DirectionChecker:
    def __init__(self, verifier):
        self.v = verifier
        lex = verifier.lex
        self.reference_rx = rx(
            rf"(?P<neg>(?:{lex.negation})\s+(?:\w+\s+)?)?(?P<dir>(?P<above>{lex.direction_above})|(?P<below>{lex.direction_below})|(?P<equal>{lex.direction_equal}))"
            rf"\s+(?:(?:dari(?:pada)?|dengan|terhadap|than|with|to|the)\s+)*(?:{lex.reference})"
        )
        self.better_rx = rx(rf"(?P<neg>(?:{lex.negation})\s+)?(?:(?P<better>{lex.better})|(?P<worse>{lex.worse}))\s+(?:pada|dalam|di|untuk|dari\s+sisi|dari\s+segi|in|on|at|for)\s")

    def check(self, scope: Scope) -> None:
        for match in self.reference_rx.finditer(scope.text):
            word = "di atas" if match.group("above") else "di bawah" if match.group("below") else "setara"
            self._judge(scope, match, word, negated=bool(match.group("neg")), mode="arah")
        for match in self.better_rx.finditer(scope.text):
            self._judge(scope, match, "lebih baik" if match.group("better") else "lebih buruk", negated=bool(match.group("neg")), mode="mutu")
        for claim_row in scope.table_directions:
            self._row(scope, claim_row)

    def _row(self, scope: Scope, word: str) -> None:
        v = self.v
        for cluster in scope.default_clusters[:1]:
            for feature in scope.default_features:
                fact = v.facts.index.get(f"K{cluster}.{feature}.direction")
                if fact is not None:
                    v.claim(scope, "arah", word, (cluster,), (feature,), fact, "benar" if fact.value == WORD_DIRECTIONS.get(word) else "salah")

    def _judge(self, scope: Scope, match, word: str, negated: bool, mode: str) -> None:
        v = self.v
        position = match.start("dir") if mode == "arah" else match.start()
        anchor = scope.nearest_before(position)
        features = scope.features_for(match.end(), after_only=True) if mode == "mutu" else ()
        features = features or scope.features_for(position)
        phrase = match.group(0).strip()
        if anchor is not None and anchor in scope.members and anchor.value != AGGREGATE:
            for feature in features:
                v.unit_direction(scope, phrase, anchor.value, feature, word, negated)
            return
        clusters = scope.clusters_for(position)
        if not clusters or not features:
            v.claim(scope, "arah", phrase, clusters, features, None, "tidak dapat diverifikasi", "klaster atau indikator tidak jelas")
            return
        every_member = bool(rx(v.lex.all_members).search(scope.text, *scope.clause(position)))
        for cluster in clusters:
            for feature in features:
                fact = v.facts.index.get(f"K{cluster}.{feature}.direction")
                if fact is None:
                    continue
                info = v.facts.feature(feature)
                ff = v.facts.cluster(cluster).features[feature]
                if mode == "mutu":
                    higher = info.direction == "higher_is_better"
                    wanted = "di atas" if (word == "lebih baik") == higher else "di bawah"
                else:
                    wanted = word
                if every_member and v.facts.cluster(cluster).size > 1 and wanted != "setara":
                    ok = ff.min > ff.reference if wanted == "di atas" else ff.max < ff.reference
                    note = "diperiksa pada rentang anggota (min–maks)"
                elif wanted == "setara":
                    ok = fact.value == Direction.EQUAL
                    note = ""
                else:
                    equal = fact.value == Direction.EQUAL
                    ok = fact.value == WORD_DIRECTIONS[wanted] or (equal and (ff.diff > 0) == (wanted == "di atas") and ff.diff != 0)
                    note = "selisih dalam toleransi setara" if equal else ""
                if negated:
                    ok = not ok
                v.claim(scope, "arah", phrase, (cluster,), (feature,), fact, "benar" if ok else "salah", note)
