"""The network map kept with a meeting, so the network can be compared over time (easyNWK's most asked
feature): who joined, who moved closer, who now knows the worries, how the safety network grew."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from .case import Case, Edit
from .model import Person, Tie
from .model_trajectory import MapSnapshot, PersonOnMap, TieOnMap
from .network import facts
from .ops import create, update


def snapshot_id(meeting_id: str) -> str:
    return f"map:{meeting_id}"


def map_now(case: Case, meeting_id: str, on: str) -> MapSnapshot:
    """The map as it stands, as a snapshot for ``meeting_id`` taken on ``on`` (yyyy-mm-dd)."""
    people = tuple(
        PersonOnMap(
            person=p.id,
            name=p.name,
            relation=p.relation,
            sector=p.sector,
            closeness=p.closeness,
            is_child=p.is_child,
            is_carer=p.is_carer,
            knowledge=p.knowledge,
            in_safety_network=p.in_safety_network,
            ff_status=p.ff_status,
            x=p.x,
            y=p.y,
        )
        for p in case.people.values()
    )
    ties = tuple(
        TieOnMap(a=t.a, b=t.b, kind=t.kind) for t in case.ties.values() if t.a in case.people and t.b in case.people
    )
    return MapSnapshot(id=snapshot_id(meeting_id), meeting=meeting_id, taken_on=on, people=people, ties=ties)


def keep_map(case: Case, meeting_id: str, on: str) -> Edit:
    """Keep the map as it stands with the meeting (replacing what was kept for it before)."""
    case.get("meeting", meeting_id)
    snap = map_now(case, meeting_id, on)
    existing = case.map_snapshots.get(snap.id)
    if existing is None:
        return create(snap, "edit.keep_map")
    fields = {k: v for k, v in snap.to_dict().items() if k != "id"}
    return update(case, "map_snapshot", snap.id, "edit.keep_map", **fields)


def with_map_kept(case: Case, edit: Edit, meeting_id: str, on: str) -> Edit:
    """``edit`` and the map kept with the meeting as it stands after it, as one edit (one undo step): a map
    kept before for that meeting is replaced by the map as it is now."""
    keep = keep_map(case.apply(edit), meeting_id, on)
    return Edit(edit.label, (*edit.changes, *keep.changes), edit.params)


CLOSING_PHASES = frozenset({"closing", "closing_interim", "closing_second"})
"""The standard agendas' last phases: reaching one keeps the map with the meeting."""


def go_to_phase(case: Case, meeting_id: str, n: int, now: str, on: str) -> Edit:
    """The meeting at phase ``n`` of its agenda (``now``: when, an ISO time); at a closing phase the map as it
    stands is kept with the meeting (``on``: the day, yyyy-mm-dd), in the same edit."""
    from .trajectory import agenda_of

    m = case.get("meeting", meeting_id)
    agenda = agenda_of(m)
    n = max(0, min(n, len(agenda) - 1))
    edit = update(
        case, "meeting", meeting_id, "edit.phase", phase=n, phase_started_at=now, started_at=m.started_at or now
    )
    return with_map_kept(case, edit, meeting_id, on) if agenda[n] in CLOSING_PHASES else edit


# ---- the network over time -------------------------------------------------------------------------------

NOW = "now"
"""Stands for the map as it is now, beside the kept ones."""


def kept_maps(case: Case) -> list[MapSnapshot]:
    """The kept maps in the order of their meetings (date, then when kept)."""
    meetings = case.meetings

    def when(s: MapSnapshot) -> tuple[str, str, str]:
        m = meetings.get(s.meeting)
        return (m.date if m else s.taken_on, s.taken_on, s.id)

    return sorted(case.map_snapshots.values(), key=when)


def snapshot_case(case: Case, snap: MapSnapshot) -> Case:
    """The case as its map stood then: the kept people and ties (other details, such as an age, as now)."""
    people = []
    for k in snap.people:
        now = case.people.get(k.person)
        base: dict[str, Any] = now.to_dict() if now is not None else {"id": k.person}
        base.update(
            name=k.name,
            relation=k.relation,
            sector=k.sector,
            closeness=k.closeness,
            is_child=k.is_child,
            is_carer=k.is_carer,
            knowledge=k.knowledge,
            in_safety_network=k.in_safety_network,
            ff_status=k.ff_status,
            x=k.x,
            y=k.y,
        )
        base["ff_follow_up"] = None
        people.append(Person.from_dict(base))
    ids = {p.id for p in people}
    ties = [
        Tie(id=f"t-kept-{i}", a=t.a, b=t.b, kind=t.kind)
        for i, t in enumerate(snap.ties)
        if t.a in ids and t.b in ids and t.a != t.b
    ]
    return Case.from_records([case.info, *people, *ties])


def case_at(case: Case, which: str) -> Case:
    """``which`` a kept map's meeting id, or ``NOW``."""
    if which == NOW:
        return case
    snap = case.map_snapshots.get(snapshot_id(which))
    if snap is None:
        case.get("map_snapshot", snapshot_id(which))  # raises NotFoundError
    assert snap is not None
    return snapshot_case(case, snap)


KNOWING = {"none": 0, "some": 1, "all": 2}


@dataclass(frozen=True)
class MapChanges:
    """What changed on the map from one meeting to another (person ids, sorted by name)."""

    joined: tuple[str, ...] = ()
    left: tuple[str, ...] = ()
    closer: tuple[tuple[str, int, int], ...] = ()
    """(person, ring then, ring now)."""
    further: tuple[tuple[str, int, int], ...] = ()
    other_sector: tuple[tuple[str, str, str], ...] = ()
    now_know: tuple[tuple[str, str, str], ...] = ()
    """(person, knowledge then, now): knows more of the worries now."""
    joined_safety: tuple[str, ...] = ()
    left_safety: tuple[str, ...] = ()
    family_finding: tuple[tuple[str, str, str], ...] = ()
    """(person, status then, now)."""
    new_conflicts: tuple[tuple[str, str], ...] = ()
    ended_conflicts: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


def compare(before: Case, after: Case) -> MapChanges:
    """Who joined, left, moved closer or further, now knows the worries, joined the safety network."""
    a, b = before.people, after.people

    def name(pid: str) -> tuple[str, str]:
        p = b.get(pid) or a.get(pid)
        return ((p.name if p else "").casefold(), pid)

    both = sorted(set(a) & set(b), key=name)
    others = [pid for pid in both if not b[pid].is_child]

    def conflicts(c: Case) -> set[tuple[str, str]]:
        pairs = {tuple(sorted((t.a, t.b))) for t in c.ties.values() if t.kind == "conflict"}
        return {p for p in pairs if len(p) == 2}

    ca, cb = conflicts(before), conflicts(after)
    return MapChanges(
        joined=tuple(sorted(set(b) - set(a), key=name)),
        left=tuple(sorted(set(a) - set(b), key=name)),
        closer=tuple((p, a[p].closeness, b[p].closeness) for p in others if b[p].closeness < a[p].closeness),
        further=tuple((p, a[p].closeness, b[p].closeness) for p in others if b[p].closeness > a[p].closeness),
        other_sector=tuple((p, a[p].sector, b[p].sector) for p in others if b[p].sector != a[p].sector),
        now_know=tuple(
            (p, a[p].knowledge, b[p].knowledge) for p in both if KNOWING[b[p].knowledge] > KNOWING[a[p].knowledge]
        ),
        joined_safety=tuple(p for p in others if b[p].in_safety_network and not a[p].in_safety_network),
        left_safety=tuple(p for p in others if a[p].in_safety_network and not b[p].in_safety_network),
        family_finding=tuple((p, a[p].ff_status, b[p].ff_status) for p in others if a[p].ff_status != b[p].ff_status),
        new_conflicts=tuple(sorted(cb - ca)),
        ended_conflicts=tuple(sorted(ca - cb)),
    )


FACT_COLUMNS = (
    "meeting_date",
    "meeting_kind",
    "people",
    "informal_adults",
    "know_all",
    "know_some",
    "safety_network",
    "safety_network_informal_adults",
    "conflict_ties",
    "lifelong_network",
    "to_find",
)


def facts_over_time(case: Case) -> list[tuple[str, Any]]:
    """The network's facts at each kept map (by meeting id) and now (``NOW``)."""
    out: list[tuple[str, Any]] = [(s.meeting, facts(snapshot_case(case, s))) for s in kept_maps(case)]
    out.append((NOW, facts(case)))
    return out


def map_facts_frame(case: Case, t: Callable[..., str] | None = None) -> Any:
    """The facts per kept map and now, one row each (a pandas DataFrame, for the CSV export and the
    screen's table). ``t`` translates the headers (``network.time.col.*``) and the meeting kinds; without
    it the columns are ``FACT_COLUMNS``."""
    import pandas as pd

    rows = []
    for which, f in facts_over_time(case):
        m = case.meetings.get(which)
        kind = (t(f"meeting_kind.{m.kind}") if t else m.kind) if m else (t("network.time.now") if t else NOW)
        rows.append(
            (
                m.date if m else "",
                kind,
                f.people,
                f.informal_adults,
                f.know_worries,
                f.know_some,
                f.in_safety_network,
                f.safety_network_informal_adults,
                len(f.conflicts),
                len(f.lifelong),
                len(f.to_find),
            )
        )
    headers = [t(f"network.time.col.{c}") for c in FACT_COLUMNS] if t else list(FACT_COLUMNS)
    df = pd.DataFrame(rows, columns=headers)
    for col in headers[:2]:
        df[col] = df[col].astype(object)
    return df
