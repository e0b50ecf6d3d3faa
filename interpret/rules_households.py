"""Household rules of the sector rules file: `[[aturan_kelas]]`, recommendations keyed to class shares.

A class rule fires for a cluster when the share of its households (`satuan = "rumah_tangga"`) or
persons (`"penduduk"`) in a group reaches `minimal_pct`. The group is a class of the line (a name of
`thresholds.classes`, e.g. "sangat_miskin"), "below_line" (the poor) or "near_poor". Its text's
{bukti} is the share itself, as a fact of the brief (K2.below_line.households_pct), so the
recommendation can be verified; see interpret/rules/sektor.toml.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .facts import ClassShare, Facts, HouseholdGroup

Texts = Annotated[str, Field(min_length=1)] | dict[str, Annotated[str, Field(min_length=1)]]
GROUPS = ("below_line", "near_poor")


class ClassRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    sektor: str
    kelas: str = Field(pattern=r"^[a-z0-9_]+$")
    """A class name of the spec's thresholds, "below_line" or "near_poor"."""
    satuan: Literal["rumah_tangga", "penduduk"] = "rumah_tangga"
    minimal_pct: float = Field(ge=0, le=100)
    teks: Texts


def group_share(group: HouseholdGroup, name: str) -> ClassShare | None:
    if name in GROUPS:
        return getattr(group, name)
    return group.classes.get(name)


def share_value(share: ClassShare, satuan: str) -> float | None:
    return share.households_pct if satuan == "rumah_tangga" else share.persons_pct


def share_fact_id(cluster: int, name: str, satuan: str) -> str:
    group = name if name in GROUPS else f"class.{name}"
    return f"K{cluster}.{group}.{'households' if satuan == 'rumah_tangga' else 'persons'}_pct"


def firing(rule: ClassRule, cluster: int, facts: Facts) -> ClassShare | None:
    """The share that makes `rule` fire for `cluster`, or None (no households section, unknown class,
    no persons for a "penduduk" rule, or a share below minimal_pct)."""
    if facts.households is None:
        return None
    share = group_share(facts.households.clusters[cluster], rule.kelas)
    if share is None:
        return None
    value = share_value(share, rule.satuan)
    return share if value is not None and value >= rule.minimal_pct else None


__all__ = ["ClassRule", "GROUPS", "firing", "group_share", "share_fact_id", "share_value"]
