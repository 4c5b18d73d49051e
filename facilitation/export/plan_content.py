"""The safety plan a document shows: a signed version as signed (v1, v2, ...) or, before anything is signed,
the plan as it stands; which version that is, and what changed since the version before.

Small pure helpers over the records (``PlanVersion``, ``SignedItem``, ``SignedAgreement``), kept apart so that
the domain's own ``version_for``/``diff`` can replace them in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.case import Case
from ..domain.model import Agreement, Item, Meeting, PlanVersion
from ..domain.model_trajectory import SignedAgreement, SignedItem

PLAN_ELEMENTS = ("danger_statement", "safety_goal", "bottom_line")


def version_for(case: Case, meeting: Meeting | None) -> PlanVersion | None:
    """The latest version signed at or before the meeting (the latest of all without a meeting)."""
    until = meeting.date if meeting is not None else "9999-12-31"

    def signed(v: PlanVersion) -> str:
        m = case.meetings.get(v.meeting) if v.meeting else None
        return v.signed_on or (m.date if m is not None else "")

    done = [v for v in case.plan_versions.values() if signed(v) and signed(v) <= until]
    return max(done, key=lambda v: (v.number, signed(v)), default=None)


def previous_version(case: Case, version: PlanVersion) -> PlanVersion | None:
    earlier = [v for v in case.plan_versions.values() if v.number < version.number]
    return max(earlier, key=lambda v: v.number, default=None)


@dataclass(frozen=True)
class Statement:
    """A danger statement, safety goal or bottom line as the document shows it."""

    item_id: str
    element: str
    number: int
    text: str
    set_by: str = ""
    item: Item | None = None
    """The live item, for what a signed version does not keep (guided parts, pairing, who agrees)."""


@dataclass(frozen=True)
class PlanAgreement:
    """An agreement as the document shows it: names as they were when signed."""

    agreement_id: str
    number: int
    what: str
    owner: str | None
    owner_name: str
    backup: str | None
    backup_name: str
    when: str
    if_not: str
    check_how: str
    links: tuple[str, ...]
    agreed_by: tuple[str, ...]
    """Names."""


@dataclass(frozen=True)
class PlanContent:
    version: PlanVersion | None
    previous: PlanVersion | None
    statements: dict[str, list[Statement]] = field(default_factory=dict)
    agreements: list[PlanAgreement] = field(default_factory=list)

    def answering(self, s: Statement) -> list[int]:
        """Numbers of the agreements that answer a statement, directly or through its paired goal/danger."""
        ids = {s.item_id}
        if s.item is not None and s.item.paired_with:
            ids.add(s.item.paired_with)
        return [a.number for a in self.agreements if ids & set(a.links)]

    def number_of(self, item_id: str) -> int | None:
        for group in self.statements.values():
            for s in group:
                if s.item_id == item_id:
                    return s.number
        return None


def from_version(case: Case, version: PlanVersion) -> PlanContent:
    by_element: dict[str, list[SignedItem]] = {e: [] for e in PLAN_ELEMENTS}
    for si in version.items:
        by_element.setdefault(si.element, []).append(si)
    statements = {
        e: [Statement(si.item, e, n, si.text, si.set_by, case.items.get(si.item)) for n, si in enumerate(sis, 1)]
        for e, sis in by_element.items()
    }
    agreements = [_signed(sa) for sa in sorted(version.agreements, key=lambda a: a.number)]
    return PlanContent(version, previous_version(case, version), statements, agreements)


def _signed(sa: SignedAgreement) -> PlanAgreement:
    return PlanAgreement(
        sa.agreement,
        sa.number,
        sa.what,
        sa.owner,
        sa.owner_name,
        sa.backup,
        sa.backup_name,
        sa.when,
        sa.if_not,
        sa.check_how,
        sa.links,
        sa.agreed_by,
    )


def from_case(case: Case, items: dict[str, list[Item]], agreements: list[Agreement]) -> PlanContent:
    """The plan as it stands (nothing signed yet): ``items`` per element and ``agreements`` known at the meeting."""
    statements = {
        e: [Statement(i.id, e, n, i.text, i.set_by, i) for n, i in enumerate(items.get(e, []), 1)]
        for e in PLAN_ELEMENTS
    }
    people = case.people
    out = []
    for n, a in enumerate(agreements, 1):
        out.append(
            PlanAgreement(
                a.id,
                n,
                a.what,
                a.owner,
                case.name_of(a.owner),
                a.backup,
                case.name_of(a.backup),
                a.when,
                a.if_not,
                a.check_how,
                a.links,
                tuple(people[p].name for p in a.agreed_by if p in people),
            )
        )
    return PlanContent(None, None, statements, out)


# ---- what changed since the version before ----------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One difference between two versions: ``what`` an element or "agreement"; ``how`` added/removed/changed."""

    what: str
    how: str
    number: int
    text: str


_AGREEMENT_FIELDS = ("what", "owner_name", "backup_name", "when", "if_not", "check_how")


def diff(before: PlanVersion, after: PlanVersion) -> list[Change]:
    """What changed from ``before`` to ``after``: statements and agreements added, removed or reworded."""
    out: list[Change] = []
    for element in PLAN_ELEMENTS:
        old = {si.item: si for si in before.items if si.element == element}
        new = [si for si in after.items if si.element == element]
        for n, si in enumerate(new, 1):
            if si.item not in old:
                out.append(Change(element, "added", n, si.text))
            elif (old[si.item].text, old[si.item].set_by) != (si.text, si.set_by):
                out.append(Change(element, "changed", n, si.text))
        kept = {si.item for si in new}
        olds = [si for si in before.items if si.element == element]
        for n, si in enumerate(olds, 1):
            if si.item not in kept:
                out.append(Change(element, "removed", n, si.text))
    old_a = {sa.agreement: sa for sa in before.agreements}
    new_ids = {sa.agreement for sa in after.agreements}
    for sa in sorted(after.agreements, key=lambda a: a.number):
        prev = old_a.get(sa.agreement)
        if prev is None:
            out.append(Change("agreement", "added", sa.number, sa.what))
        elif any(getattr(prev, f) != getattr(sa, f) for f in _AGREEMENT_FIELDS):
            out.append(Change("agreement", "changed", sa.number, sa.what))
    for sa in sorted(before.agreements, key=lambda a: a.number):
        if sa.agreement not in new_ids:
            out.append(Change("agreement", "removed", sa.number, sa.what))
    return out
