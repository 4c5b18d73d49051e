"""What the safety plan part shows, as frozen records computed from the session (no widgets)."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.case import Case
from ...domain.model import Agreement, Item, Meeting, Person
from ...domain.model_trajectory import PlanVersion, Review
from ...domain.plan import LINKABLE, PlanChecks, PlanDiff, check_plan, diff_for, reviews_of, version_for, versions
from ...domain.trajectory import SIGNING_KINDS, in_closing
from ..session import Session


@dataclass(frozen=True)
class HistoryLine:
    """What was said about an agreement at one meeting."""

    meeting: Meeting
    review: Review
    said_by: str


@dataclass(frozen=True)
class RowState:
    """Everything one agreement's row shows; equal states draw the same row."""

    agreement: Agreement
    number: int
    last: bool
    owner: Person | None
    backup: Person | None
    links: tuple[Item, ...]
    present: tuple[tuple[str, str], ...]
    """(person id, name) of the people present, who can say they agree."""
    agreed_earlier: tuple[str, ...]
    """Names of people who agreed and are not present now."""
    history: tuple[HistoryLine, ...]
    lang: str


@dataclass(frozen=True)
class VersionState:
    version: PlanVersion
    meeting: Meeting | None
    diff: PlanDiff
    lang: str


@dataclass(frozen=True)
class PlanState:
    lang: str
    rows: tuple[RowState, ...]
    people: tuple[Person, ...]
    """Everyone who can do an agreement or be its backup (the pickers)."""
    linkable: tuple[Item, ...]
    """Danger statements, safety goals and bottom lines an agreement can answer."""
    checks: PlanChecks
    versions: tuple[VersionState, ...]
    meeting: Meeting | None
    signs: bool
    """The current meeting signs a version of the plan (a network meeting, interim or second meeting)."""
    closing: bool
    """The current meeting is in its closing phase: sign the plan and make the documents."""
    own_version: PlanVersion | None
    """The version signed at the current meeting, if any."""
    next_number: int


def row_states(case: Case, session: Session, checks: PlanChecks) -> tuple[RowState, ...]:
    agreements = case.agreements_in_order()
    present = tuple((pid, case.people[pid].name) for pid in session.present_ids())
    here = {pid for pid, _ in present}
    lang = session.lang
    out = []
    for n, a in enumerate(agreements, start=1):
        history = tuple(
            HistoryLine(e.meeting, e.review, case.name_of(e.review.said_by)) for e in reviews_of(case, a.id)
        )
        out.append(
            RowState(
                agreement=a,
                number=n,
                last=n == len(agreements),
                owner=case.people.get(a.owner) if a.owner else None,
                backup=case.people.get(a.backup) if a.backup else None,
                links=tuple(case.items[lid] for lid in a.links if lid in case.items),
                present=present,
                agreed_earlier=tuple(case.name_of(p) for p in a.agreed_by if p not in here and p in case.people),
                history=history,
                lang=lang,
            )
        )
    return tuple(out)


def plan_state(session: Session) -> PlanState:
    case = session.case
    assert case is not None
    checks = check_plan(case)
    m = session.meeting
    all_versions = versions(case)
    return PlanState(
        lang=session.lang,
        rows=row_states(case, session, checks),
        people=tuple(
            sorted(case.people.values(), key=lambda p: (p.sector == "professional", p.is_child, p.name.lower()))
        ),
        linkable=tuple(i for el in LINKABLE for i in case.items_of(el)),
        checks=checks,
        versions=tuple(
            VersionState(v, case.meetings.get(v.meeting or ""), diff_for(case, v), session.lang)
            for v in reversed(all_versions)
        ),
        meeting=m,
        signs=m is not None and m.kind in SIGNING_KINDS,
        closing=in_closing(m) if m is not None and m.kind in SIGNING_KINDS else False,
        own_version=version_for(case, m.id) if m is not None else None,
        next_number=max((v.number for v in all_versions), default=0) + 1,
    )
