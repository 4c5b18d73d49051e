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


# ---- the network over time -------------------------------------------------------------------------------

from facilitation.domain import network as net  # noqa: E402
from facilitation.domain.snapshots import NOW, case_at, compare, kept_maps, map_facts_frame  # noqa: E402
from facilitation.i18n import translate  # noqa: E402


def two_meetings():  # type: ignore[no-untyped-def]
    """Jonas's case: the map kept at the first meeting; Ruben moved closer, a new aunt, Marleen told
    everything and in the safety network; the map kept again at the interim evaluation."""
    case = samples.load_sample("jonas-17")
    case = case.apply(keep_map(case, "m-nwo1", "2026-09-15"))
    case = case.apply(net.move_person(case, "p-ruben", closeness=1))
    edit, lieve = ops.add_person(case, "Lieve Cooreman", relation="tante", sector="family", closeness=2)
    case = case.apply(edit)
    case = case.apply(net.set_knowledge(case, "p-marleen", "all"))
    case = case.apply(net.set_safety_network(case, "p-marleen", True))
    case = case.apply(net.set_family_finding(case, "p-hilde", ff_status="contacted"))
    case = case.apply(keep_map(case, "m-tse", "2026-09-28"))
    return case, lieve


def test_the_comparison_names_who_joined_moved_closer_and_now_knows():
    case, lieve = two_meetings()
    assert [s.meeting for s in kept_maps(case)] == ["m-nwo1", "m-tse"]
    changes = compare(case_at(case, "m-nwo1"), case_at(case, "m-tse"))
    assert changes.joined == (lieve,)
    assert changes.left == ()
    assert changes.closer == (("p-ruben", 2, 1),)
    assert changes.further == ()
    assert changes.now_know == (("p-marleen", "some", "all"),)
    assert changes.joined_safety == ("p-marleen",)
    assert changes.family_finding == (("p-hilde", "to_find", "contacted"),)
    # Nothing changed since the last kept map.
    assert not compare(case_at(case, "m-tse"), case_at(case, NOW))


def test_a_person_removed_since_shows_as_left_with_the_name_kept_then():
    case, _ = two_meetings()
    case = case.apply(ops.remove_person(case, "p-dirk"))
    before = case_at(case, "m-tse")
    changes = compare(before, case_at(case, NOW))
    assert changes.left == ("p-dirk",) and before.people["p-dirk"].name == "Dirk Maes"
    assert changes.ended_conflicts == (("p-dirk", "p-jonas"),)


def test_the_facts_per_meeting_as_a_table():
    case, _ = two_meetings()
    df = map_facts_frame(case)
    assert list(df["meeting_date"]) == ["2026-09-15", "2026-09-28", ""]
    assert list(df["meeting_kind"]) == ["network_meeting", "interim_evaluation", "now"]
    first, second = df.iloc[0], df.iloc[1]
    assert second["informal_adults"] == first["informal_adults"] + 1  # the new aunt
    assert second["know_all"] == first["know_all"] + 1  # Marleen
    assert second["safety_network"] == first["safety_network"] + 1
    assert second["conflict_ties"] == first["conflict_ties"] == 2
    assert first["to_find"] == 1 and second["to_find"] == 0  # Hilde was contacted
    nl = map_facts_frame(case, lambda key, **kw: translate("nl", key, **kw))
    assert "volwassenen in het informele netwerk" in nl.columns
    assert list(nl.iloc[:, 1]) == ["Netwerkoverleg", "Tussentijdse evaluatie", "nu"]


# ---- the map kept without a click: at the signing and at the meeting's closing phase ------------------

from facilitation.domain import plan  # noqa: E402
from facilitation.domain.snapshots import go_to_phase  # noqa: E402
from facilitation.domain.trajectory import agenda_of  # noqa: E402


def _ring_of(case, meeting_id, pid):  # type: ignore[no-untyped-def]
    kept = case.map_snapshots[snapshot_id(meeting_id)]
    return next(p for p in kept.people if p.person == pid).closeness


def test_signing_the_plan_keeps_the_map_with_the_meeting_in_the_same_edit():
    case = samples.load_sample("jonas-17")
    case = case.apply(ops.update(case, "person", "p-ruben", closeness=1))
    edit, vid = plan.sign_version(case, "m-nwo1", "2026-09-15")
    signed = case.apply(edit)
    assert vid in signed.plan_versions
    kept = signed.map_snapshots[snapshot_id("m-nwo1")]
    assert kept.taken_on == "2026-09-15" and {p.person for p in kept.people} == set(case.people)
    assert _ring_of(signed, "m-nwo1", "p-ruben") == 1
    # One undo takes back both the version and the kept map.
    back = signed.apply(edit.inverse())
    assert vid not in back.plan_versions and snapshot_id("m-nwo1") not in back.map_snapshots


def test_signing_again_replaces_the_map_kept_for_that_meeting_with_the_map_at_the_signing():
    case = samples.load_sample("jonas-17")
    case = case.apply(keep_map(case, "m-nwo1", "2026-09-14"))
    assert _ring_of(case, "m-nwo1", "p-ruben") == 2
    case = case.apply(ops.update(case, "person", "p-ruben", closeness=1))
    edit, _ = plan.sign_version(case, "m-nwo1", "2026-09-15")
    case = case.apply(edit)
    assert len(case.map_snapshots) == 1 and _ring_of(case, "m-nwo1", "p-ruben") == 1
    assert case.map_snapshots[snapshot_id("m-nwo1")].taken_on == "2026-09-15"


def test_reaching_the_closing_phase_keeps_the_map_and_other_phases_do_not():
    case = samples.load_sample("jonas-17")
    assert agenda_of(case.meetings["m-nwo1"])[1] == "introductions"
    assert agenda_of(case.meetings["m-nwo1"])[-1] == "closing"
    case = case.apply(go_to_phase(case, "m-nwo1", 1, "2026-09-15T10:00:00+00:00", "2026-09-15"))
    assert case.meetings["m-nwo1"].phase == 1 and snapshot_id("m-nwo1") not in case.map_snapshots
    edit = go_to_phase(case, "m-nwo1", 99, "2026-09-15T11:30:00+00:00", "2026-09-15")  # the last: closing
    closed = case.apply(edit)
    assert closed.meetings["m-nwo1"].phase_started_at == "2026-09-15T11:30:00+00:00"
    assert closed.map_snapshots[snapshot_id("m-nwo1")].taken_on == "2026-09-15"
    assert snapshot_id("m-nwo1") not in closed.apply(edit.inverse()).map_snapshots
