"""The three columns' rules: danger statement sentences, pairing, three or fewer, who said what."""

from __future__ import annotations

import pytest

from facilitation.domain import ops
from facilitation.domain.columns import (
    chain,
    check_guided,
    clean_part,
    count_matching,
    danger_sentence,
    is_plural,
    is_unpaired_danger,
    matches,
    missing_parts,
    numbers,
    paired_partner,
    too_many_danger_statements,
    unpaired_danger_statements,
    views,
)
from facilitation.domain.errors import ValidationError
from facilitation.i18n import translate

ONE = translate("nl", "columns.ds.template_one")
MANY = translate("nl", "columns.ds.template_many")


@pytest.fixture
def case():
    c = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    for name in ("Rita", "Sofie"):
        edit, _ = ops.add_person(c, name)
        c = c.apply(edit)
    return c


def person(case, name):
    return next(p.id for p in case.people.values() if p.name == name)


def add(case, text, element, **kw):
    edit, iid = ops.add_item(case, text, element=element, **kw)
    return case.apply(edit), iid


def test_sentence_reads_as_one_sentence_with_the_family_words():
    s = danger_sentence("oma Rita", "dat mama 's avonds drinkt.", "Jonas alleen thuis blijft;", ONE, MANY)
    assert (
        s
        == "Oma Rita maakt zich zorgen dat mama 's avonds drinkt. Als er niets verandert, is de zorg dat Jonas alleen thuis blijft."
    )


def test_sentence_verb_agrees_with_several_worried_people():
    s = danger_sentence("Oma en de school", "mama drinkt", "Jonas gewond raakt", ONE, MANY)
    assert s.startswith("Oma en de school maken zich zorgen dat")
    en = danger_sentence(
        "Grandma and the school",
        "mum drinks",
        "Jonas gets hurt",
        translate("en", "columns.ds.template_one"),
        translate("en", "columns.ds.template_many"),
    )
    assert (
        en
        == "Grandma and the school are worried that mum drinks. If nothing changes, the worry is that Jonas gets hurt."
    )


def test_sentence_shows_missing_parts_as_ellipsis_and_joins_lines():
    s = danger_sentence("De consulent", "mama\ndrinkt", "", ONE, MANY)
    assert "mama drinkt" in s and s.endswith("is de zorg dat …")
    assert missing_parts("De consulent", "x", "  ") == ["ds_impact"]
    assert missing_parts("", "", "") == ["ds_who", "ds_behaviour", "ds_impact"]


def test_check_guided_names_the_empty_part():
    with pytest.raises(ValidationError) as e:
        check_guided("Oma", "", "iets")
    assert e.value.field == "item.ds_behaviour" and e.value.code == "empty"
    check_guided("Oma", "mama drinkt", "Jonas valt")


@pytest.mark.parametrize(
    ("who", "plural"),
    [
        ("oma", False),
        ("oma en opa", True),
        ("mama, papa", True),
        ("Grandma and the school", True),
        ("Ben", False),
        ("Enzo", False),
        ("OCJ & school", True),
    ],
)
def test_plural(who, plural):
    assert is_plural(who) is plural


def test_clean_part_keeps_inner_text_and_markup_as_typed():
    assert clean_part("  that <b>he</b> drinks.  ") == "<b>he</b> drinks"
    assert clean_part("datum") == "datum"  # 'dat' only as a whole word


def test_more_than_three_danger_statements(case):
    for n in range(3):
        case, _ = add(case, f"zorg {n}", "danger_statement")
    assert not too_many_danger_statements(case)
    case, _ = add(case, "zorg 4", "danger_statement")
    assert too_many_danger_statements(case)


def test_unpaired_danger_statement_flagged_until_paired(case):
    case, ds = add(case, "zorg", "danger_statement")
    case, goal = add(case, "doel", "safety_goal")
    assert [i.id for i in unpaired_danger_statements(case)] == [ds]
    case = case.apply(ops.pair(case, ds, goal))
    assert unpaired_danger_statements(case) == []
    assert paired_partner(case, case.items[goal]).id == ds
    # Moving the goal elsewhere breaks the pairing on both sides.
    case = case.apply(ops.move_item(case, goal, "next_step"))
    assert is_unpaired_danger(case, case.items[ds])


def test_half_pairing_is_not_a_pairing(case):
    case, ds = add(case, "zorg", "danger_statement")
    case, goal = add(case, "doel", "safety_goal")
    case = case.apply(ops.update(case, "item", ds, paired_with=goal))  # only one side, as a bad import might have
    assert paired_partner(case, case.items[ds]) is None
    assert is_unpaired_danger(case, case.items[ds])


def test_numbers_per_element_in_order(case):
    case, a = add(case, "a", "harm")
    case, b = add(case, "b", "harm")
    case, g = add(case, "g", "safety_goal")
    case = case.apply(ops.reorder(case, "item", b, -1, case.items_of("harm")))
    assert numbers(case) == {b: 1, a: 2, g: 1}


def test_filter_by_person_and_meeting(case):
    rita = person(case, "Rita")
    edit, mid = ops.add_meeting(case, "network_meeting", "2026-10-15")
    case = case.apply(edit)
    case, _ = add(case, "x", "harm", author=rita, meeting=mid)
    case, _ = add(case, "y", "harm", author=rita)
    case, z = add(case, "z", "strength", meeting=mid)
    items = case.items.values()
    assert count_matching(items, rita) == 2
    assert count_matching(items, meeting=mid) == 2
    assert count_matching(items, rita, mid) == 1
    assert matches(case.items[z]) and not matches(case.items[z], rita)


def test_views_by_name_keep_disagreement(case):
    rita, sofie = person(case, "Rita"), person(case, "Sofie")
    case, i = add(case, "mama drinkt", "harm")
    case = case.apply(ops.set_view(case, i, rita, "agree"))
    case = case.apply(ops.set_view(case, i, sofie, "disagree"))
    assert views(case, case.items[i]).agree == ("Rita",)
    assert views(case, case.items[i]).disagree == ("Sofie",)


def test_chain_is_one_undo_step_over_successive_states(case):
    case, ds = add(case, "zorg", "danger_statement")
    case, goal = add(case, "doel", "safety_goal")
    edit = chain(
        case,
        "columns.edit_item",
        [lambda c: ops.update(c, "item", ds, text="zorg, scherper"), lambda c: ops.pair(c, ds, goal)],
    )
    after = case.apply(edit)
    assert after.items[ds].text == "zorg, scherper" and after.items[ds].paired_with == goal
    back = after.apply(edit.inverse())
    assert back.items[ds] == case.items[ds] and back.items[goal] == case.items[goal]


def test_chain_stops_on_invalid_step(case):
    case, i = add(case, "zorg", "harm")
    with pytest.raises(ValidationError):
        chain(case, "x", [lambda c: ops.update(c, "item", i, text="   ")])
