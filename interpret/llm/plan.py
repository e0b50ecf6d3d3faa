"""The rule-based drafter's decisions, handed to a model so its draft follows the same ones.

The rule-based drafter is the planner (interpret/drafting.py): which sectors a cluster gets under the
rules file, on which facts, with which severity tier and planner parts ("Rincian: tingkat selisih
berat; instrumen: …; pelaksana: …"), and, with the rules file's `[keputusan]` thresholds, which
clusters share a priority ("sejajar"), which priority is provisional (an unstable cluster) and which
cluster is small. A model gets these in its data block and writes the prose; the code keeps the
decisions:

- a model's recommendations must use exactly the planned sectors (a contract problem otherwise,
  repaired, then the next provider), so the summary, drafted at the same time from the same plan,
  names the sectors the cluster sections carry;
- each planned recommendation's planner line is appended, as the rule-based drafter words it, to the
  model's first recommendation of that sector (`with_parts`): the model never retypes it;
- the summary is drafted concurrently with the clusters from the working (rule-based) labels, and
  each working label in it is replaced by the cluster's final label once the clusters are done
  (`relabel`), so the summary never names a label the cluster sections do not carry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..drafting import priority_groups, sectors_of, unstable_clusters
from ..drafts import ClusterDraft, Drafts, SummaryDraft


DATA_KEYS = {"severity": "tingkat"}


@dataclass(frozen=True)
class Planned:
    """One recommendation of the plan: its sector, the facts it rests on, its planner line (or "")."""

    sektor: str
    fakta: list[str]
    parts: str  # the whole sentence, "Rincian: …." as the rule-based drafter appends it; "" when none

    def as_data(self, language) -> dict:
        """What a model needs to write the recommendation: the sector, the facts, the severity tier and
        the instrument; the rest of the planner line (actor, target, data, funding) is appended by the
        drafter, so it costs the prompt nothing."""
        key = self.indicator()
        item = {"sektor": self.sektor, **({"indikator": key} if key else {"fakta": self.fakta})}
        item.update(self.part_values(language, ("severity", "instrumen")))
        return item

    def indicator(self) -> str | None:
        """The indicator code when the facts are the usual evidence of one indicator (its cluster mean,
        the reference, the difference in percent): the data block then names the code alone."""
        if len(self.fakta) == 3 and self.fakta[1].startswith("REF."):
            code = self.fakta[1].removeprefix("REF.")
            base = self.fakta[0].rsplit(".", 1)[0]
            if self.fakta == [f"{base}.mean", f"REF.{code}", f"{base}.diff_pct"] and base.endswith(f".{code}"):
                return code
        return None

    def part_values(self, language, keys) -> dict[str, str]:
        """The planner line read back into its parts (`draft.part.<key>` of the catalogue), keyed as
        the data block names them ("tingkat" for the severity)."""
        prefix, suffix = parts_frame(language)
        found = {}
        for piece in self.parts.removeprefix(prefix).removesuffix(suffix).split("; ") if self.parts else []:
            for key in keys:
                head = language.t(f"draft.part.{key}", value="\x00").partition("\x00")[0]
                if head and piece.startswith(head):
                    found[DATA_KEYS.get(key, key)] = piece[len(head):]
        return found


def parts_frame(language) -> tuple[str, str]:
    """The catalogue's words around the planner parts ("Rincian: " and ".")."""
    prefix, _, suffix = language.t("draft.parts", parts="\x00").partition("\x00")
    return prefix, suffix


def cluster_plans(rule_based: Drafts, language) -> dict[int, list[Planned]]:
    """Per cluster, the rule-based drafter's recommendations as a plan (their planner line read back
    from their text, where the drafter put it last)."""
    prefix, _ = parts_frame(language)
    plans = {}
    for draft in rule_based.clusters:
        items = []
        for rec in draft.rekomendasi:
            at = rec.teks.rfind(prefix) if prefix else -1
            items.append(Planned(rec.sektor, list(rec.fakta), rec.teks[at:] if at >= 0 else ""))
        plans[draft.klaster] = items
    return plans


def planned_sectors(plan: list[Planned]) -> list[str]:
    return list(dict.fromkeys(p.sektor for p in plan))


def sector_problem(draft: ClusterDraft, plan: list[Planned], message: str) -> str | None:
    """The contract problem of a model's draft whose sectors are not the plan's (None: they are)."""
    wanted = planned_sectors(plan)
    given = sectors_of(draft)
    if {s.lower() for s in given} == {s.lower() for s in wanted}:
        return None
    return message.format(sectors=", ".join(wanted), given=", ".join(given) or "-")


def with_parts(draft: ClusterDraft, plan: list[Planned]) -> ClusterDraft:
    """The model's recommendations with the plan's planner line after the first one of each sector,
    and that one's evidence facts (`fakta`) the plan's."""
    parts, facts = {}, {}
    for item in plan:
        parts.setdefault(item.sektor.lower(), item.parts)
        facts.setdefault(item.sektor.lower(), item.fakta)
    done: set[str] = set()
    recs = []
    for rec in draft.rekomendasi:
        key = rec.sektor.lower()
        line = parts.get(key, "")
        if line and key not in done and not rec.teks.endswith(line):
            rec = rec.model_copy(update={"teks": f"{rec.teks.rstrip()} {line}"})
        if key not in done and key in facts:  # the evidence the plan decided, whatever the model listed
            rec = rec.model_copy(update={"fakta": list(facts[key])})
        done.add(key)
        recs.append(rec)
    return draft.model_copy(update={"rekomendasi": recs})


def priorities(facts, decisions) -> dict[int, dict]:
    """Per cluster, the summary's decisions under the rules file's thresholds: its priority position
    (1 = first; tied clusters share one), the clusters it is tied with, provisional, small."""
    unstable = unstable_clusters(facts)
    found = {}
    for position, group in enumerate(priority_groups(facts, decisions), start=1):
        for c in group:
            item = {"prioritas": position}
            tied = [o.number for o in group if o is not c]
            if tied:
                item["sejajar_dengan"] = tied
            if c.number in unstable:
                item["sementara"] = True
            if c.size <= decisions.klaster_kecil_maks:
                item["kecil"] = list(c.members)
            found[c.number] = item
    return found


def relabel(summary: SummaryDraft, working: dict[int, str], final: dict[int, str]) -> SummaryDraft:
    """The summary with each cluster's working label replaced by its final one, in one pass (so a
    final label that equals another cluster's working label is not replaced again)."""
    if all(final.get(n, label) == label for n, label in working.items()):
        return summary
    # Every working label is in the pattern, an unchanged one mapped to itself: a working label that
    # is the start of a longer one ("Capaian menengah" / "Capaian menengah atas") is never cut.
    changed = {label: final.get(n, label) for n, label in working.items()}
    pattern = re.compile("|".join(re.escape(label) for label in sorted(changed, key=len, reverse=True)))

    def swap(text: str) -> str:
        return pattern.sub(lambda m: changed[m.group(0)], text)

    return SummaryDraft(ringkasan=[swap(t) for t in summary.ringkasan], kesimpulan=[swap(t) for t in summary.kesimpulan])
