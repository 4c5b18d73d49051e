"""The network map kept with a meeting, so the network can be compared over time (easyNWK's most asked
feature): who joined, who moved closer, who now knows the worries, how the safety network grew."""

from __future__ import annotations

from .case import Case, Edit
from .model_trajectory import MapSnapshot, PersonOnMap, TieOnMap
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
