"""The map kept with a meeting: what it holds, and keeping it again replaces it."""

from facilitation import samples
from facilitation.domain import ops
from facilitation.domain.snapshots import keep_map, snapshot_id


def test_the_kept_map_holds_everyone_as_they_stood_and_does_not_follow_later_changes():
    case = samples.load_sample("jonas-17")
    case = case.apply(keep_map(case, "m-nwo1", "2026-09-15"))
    kept = case.map_snapshots[snapshot_id("m-nwo1")]
    assert {p.person for p in kept.people} == set(case.people)
    ruben = next(p for p in kept.people if p.person == "p-ruben")
    case = case.apply(ops.update(case, "person", "p-ruben", closeness=1))
    assert ruben.closeness == 2 and case.map_snapshots[snapshot_id("m-nwo1")].people == kept.people
    again = keep_map(case, "m-nwo1", "2026-09-15")
    case = case.apply(again)
    assert next(p for p in case.map_snapshots[snapshot_id("m-nwo1")].people if p.person == "p-ruben").closeness == 1
