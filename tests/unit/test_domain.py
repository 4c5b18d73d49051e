"""The domain: records validate, operations change a case, every edit can be undone."""

from __future__ import annotations

import pytest

from facilitation.domain import Case, ConflictError, ValidationError, ops
from facilitation.domain.model import Item, Person, Score


@pytest.fixture
def case() -> Case:
    c = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    for name, sector in (("Rita", "family"), ("Koen", "friends"), ("An", "professional")):
        edit, _ = ops.add_person(c, name, sector=sector)
        c = c.apply(edit)
    return c


def pid(case: Case, name: str) -> str:
    return next(p.id for p in case.people.values() if p.name == name)


def test_new_case_puts_children_at_the_centre(case):
    (jonas,) = case.children()
    assert jonas.name == "Jonas" and jonas.age == 17 and jonas.closeness == 1


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_person_needs_a_sensible_name(case, name):
    with pytest.raises(ValidationError) as e:
        ops.add_person(case, name)
    assert e.value.field == "person.name"


def test_closeness_outside_the_rings_is_refused(case):
    with pytest.raises(ValidationError) as e:
        ops.add_person(case, "Oom", closeness=4)
    assert e.value.code == "out_of_range"


def test_edit_and_its_inverse(case):
    edit, iid = ops.add_item(case, "Mama en Jonas vochten", column="worries", author=pid(case, "Rita"))
    after = case.apply(edit)
    assert after.items[iid].element == "harm"
    back = after.apply(edit.inverse())
    assert iid not in back.items


def test_stale_edit_is_a_conflict(case):
    edit, iid = ops.add_item(case, "x", column="worries")
    c1 = case.apply(edit)
    e1 = ops.update(c1, "item", iid, text="eerste")
    e2 = ops.update(c1, "item", iid, text="tweede")
    c2 = c1.apply(e1)
    with pytest.raises(ConflictError):
        c2.apply(e2)


def test_remove_person_clears_references_and_undo_restores_them(case):
    rita = pid(case, "Rita")
    edit, tid = ops.add_tie(case, rita, pid(case, "Koen"), "support")
    case = case.apply(edit)
    edit, aid = ops.add_agreement(case, "Rita belt elke avond", owner=rita, backup=pid(case, "Koen"))
    case = case.apply(edit)
    assert ("usage.owner", "Rita belt elke avond") in ops.person_usages(case, rita)
    removal = ops.remove_person(case, rita)
    gone = case.apply(removal)
    assert rita not in gone.people and tid not in gone.ties and gone.agreements[aid].owner is None
    restored = gone.apply(removal.inverse())
    assert restored.agreements[aid].owner == rita and tid in restored.ties


def test_tie_to_self_and_duplicates_refused(case):
    rita, koen = pid(case, "Rita"), pid(case, "Koen")
    with pytest.raises(ValidationError):
        ops.add_tie(case, rita, rita)
    edit, _ = ops.add_tie(case, rita, koen, "conflict")
    with pytest.raises(ValidationError):
        ops.add_tie(case.apply(edit), koen, rita, "conflict")


@pytest.mark.parametrize("bad", [-1, 11, 7.5, "7.5", "", "  ", "zeven", None, True, "٣"])
def test_scores_are_whole_numbers_0_to_10(bad):
    with pytest.raises(ValidationError):
        ops.parse_score(bad)


@pytest.mark.parametrize("good,value", [(0, 0), (10, 10), ("7", 7), (" 3 ", 3), (4.0, 4)])
def test_scores_accepted(good, value):
    assert ops.parse_score(good) == value


def test_rescoring_replaces_and_keeps_answers(case):
    edit, mid = ops.add_meeting(case, "network_meeting", "2026-10-15", case.people)
    case = case.apply(edit)
    edit, sid = ops.add_scale(case, "safety")
    case = case.apply(edit)
    rita = pid(case, "Rita")
    case = case.apply(ops.set_score(case, sid, mid, rita, 4, why_not_lower="Jonas slaapt bij mij"))
    case = case.apply(ops.set_score(case, sid, mid, rita, "6"))
    score: Score = case.scores[Score.key(sid, mid, rita)]
    assert score.value == 6 and score.why_not_lower == "Jonas slaapt bij mij"
    assert len(case.scores) == 1


def test_pairing_is_kept_on_both_sides(case):
    e1, ds = ops.add_item(case, "We zijn bang dat...", element="danger_statement")
    case = case.apply(e1)
    e2, goal = ops.add_item(case, "Jonas is veilig", element="safety_goal")
    case = case.apply(e2)
    case = case.apply(ops.pair(case, ds, goal))
    assert case.items[ds].paired_with == goal and case.items[goal].paired_with == ds
    case = case.apply(ops.delete_item(case, goal))
    assert case.items[ds].paired_with is None


def test_move_item_to_another_column(case):
    edit, iid = ops.add_item(case, "Oma helpt", column="worries")
    case = case.apply(edit)
    case = case.apply(ops.move_item(case, iid, "strength"))
    item: Item = case.items[iid]
    assert item.column == "working_well"


def test_agree_and_disagree_are_exclusive(case):
    edit, iid = ops.add_item(case, "zorg", column="worries")
    case = case.apply(edit)
    rita = pid(case, "Rita")
    case = case.apply(ops.set_view(case, iid, rita, "agree"))
    case = case.apply(ops.set_view(case, iid, rita, "disagree"))
    assert case.items[iid].agree == () and case.items[iid].disagree == (rita,)


def test_reorder_swaps_positions(case):
    ids = []
    for t in ("een", "twee", "drie"):
        edit, iid = ops.add_item(case, t, column="worries")
        case = case.apply(edit)
        ids.append(iid)
    case = case.apply(ops.reorder(case, "item", ids[2], -1, case.items_of("harm")))
    assert [i.text for i in case.items_of("harm")] == ["een", "drie", "twee"]


def test_unknown_field_named():
    with pytest.raises(ValidationError) as e:
        Person.from_dict({"id": "p", "name": "A", "shoe_size": 42})
    assert e.value.field == "person.shoe_size" and e.value.code == "unknown_field"


def test_update_can_change_fields_called_kind(case):
    rita, koen = pid(case, "Rita"), pid(case, "Koen")
    edit, tid = ops.add_tie(case, rita, koen, "support")
    case = case.apply(edit)
    case = case.apply(ops.update(case, "tie", tid, kind="conflict"))
    assert case.ties[tid].kind == "conflict"
