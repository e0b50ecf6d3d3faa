"""Where a recommendation states why: the premises of a policy sentence, read apart from the advice.

A model rarely writes "Klaster 2 perlu X karena Y" only. It puts the reason first ("Since its spending is the
lowest, …"), in a relative clause of the cluster ("For Cluster 3, which trails …, a health programme …"), before a
consequence ("…, sehingga bansos tetap relevan", "…, so social assistance …") or in the sentence before ("… Oleh
karena itu, bansos …", "… Hence …"), and it concedes what argues the other way ("walaupun …", "although …"),
which is no premise. The words are the lexicon's (`policy_reason`, `policy_consequence`, `policy_concession`,
`policy_relative`); this module only says where each part of the sentence is, so policy.py can tell the advice from
its ground and check the ground against the facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import rx
from .scope import Scope

# a comma that ends a phrase (not the decimal comma of "12,9")
_COMMA = re.compile(r",(?!\d)")


@dataclass
class Premises:
    reasons: list[tuple[int, int]] = field(default_factory=list)  # after a reason word: the ground, never the advice
    grounds: list[tuple[int, int]] = field(default_factory=list)  # every premise: reasons, relative clauses, before a consequence
    concessions: list[tuple[int, int]] = field(default_factory=list)  # what the sentence concedes: no premise
    follows_previous: bool = False  # the sentence opens with a consequence: its premise is the sentence before
    advice_starts: list[int] = field(default_factory=list)  # where the advice begins, after "…, so" / "…, sehingga"
    linked: dict[int, tuple[int, int]] = field(default_factory=dict)  # a clause's start → the clause before, its premise

    def in_reason(self, position: int) -> bool:
        return any(a <= position < b for a, b in self.reasons)

    def in_ground(self, position: int) -> bool:
        return any(a <= position < b for a, b in self.grounds)

    def conceded(self, position: int) -> bool:
        return any(a <= position < b for a, b in self.concessions)


class PremiseReader:
    def __init__(self, lex, cue_rx: re.Pattern | None):
        self.reason_rx = rx(lex.policy_reason)
        self.consequence_rx = rx(lex.policy_consequence)
        self.conclusion_rx = rx(lex.policy_conclusion)
        self.concession_rx = rx(lex.policy_concession)
        self.relative_rx = rx(rf"\s*,?\s*(?:{lex.policy_relative})\b")
        self.cue_rx = cue_rx

    def read(self, scope: Scope) -> Premises:
        text = scope.text
        found = Premises()
        consequences = [m.span() for m in self.consequence_rx.finditer(text)]
        for m in self.reason_rx.finditer(text):
            if not any(a <= m.start() < b for a, b in consequences):  # "oleh karena itu" is a consequence, not a reason
                found.reasons.append((m.start(), self._reach(scope, m.start(), m.end())))
        for m in self.concession_rx.finditer(text):
            found.concessions.append((m.start(), self._reach(scope, m.start(), m.end())))
        # a premise ends where a concession begins ("…, sehingga bansos tetap relevan — walaupun …")
        found.reasons = [(a, min([b] + [c for c, _ in found.concessions if a < c < b])) for a, b in found.reasons]
        found.grounds = list(found.reasons)
        for cluster in scope.clusters:
            relative = self.relative_rx.match(text, cluster.end)
            if relative is not None:
                found.grounds.append((relative.start(), self._reach(scope, relative.start(), relative.end())))
        conclusions = [m.span() for m in self.conclusion_rx.finditer(text)]
        for a, b in consequences:
            clause_start, _ = scope.clause(a)
            advice_before = self.cue_rx is not None and self.cue_rx.search(text, clause_start, a)
            if not re.search(r"\w", text[:a]):
                found.follows_previous = True  # "Karena itu, …", "Hence, …": the sentence before says why
            elif advice_before and any(c <= a < d for c, d in conclusions):
                # "Social assistance should therefore be its priority": the advice looks back, to the clause before it
                # ("…; social assistance should therefore …") or, in the sentence's first clause, to the sentence before
                if re.search(r"\w", text[:clause_start]):
                    found.linked[clause_start] = (scope.clause(clause_start - 1)[0], clause_start)
                else:
                    found.follows_previous = True
            elif self.cue_rx is not None and self.cue_rx.search(text, b) and not advice_before \
                    and re.search(r"\w", text[clause_start:a]):
                # "Pengeluarannya di bawah angka nasional, sehingga bansos tetap relevan": what precedes is the premise
                # (after the advice, "Klaster 4 memerlukan bansos, sehingga perlu dipantau", it is no premise)
                found.reasons.append((clause_start, a))
                found.grounds.append((clause_start, a))
                found.advice_starts.append(b)
        return found

    def _reach(self, scope: Scope, start: int, end: int) -> int:
        """Where a reason or a concession that begins at `start` ends: at the first comma after which the sentence
        still recommends ("Since its spending is the lowest (…), Cluster 4 should pilot …", "Klaster 4, karena …,
        membutuhkan …"), else at the end of its clause ("…, mengingat pengeluarannya sekitar Rp15,4 juta, kira-kira
        29% di atas angka nasional")."""
        text = scope.text
        _, clause_end = scope.clause(start)
        depth, position = 0, end
        for position in range(end, clause_end):
            char = text[position]
            depth += char == "("
            depth -= char == ")" and depth > 0
            if not depth and _COMMA.match(text, position) and self.cue_rx is not None and self.cue_rx.search(text, position, clause_end):
                return position
        return clause_end
