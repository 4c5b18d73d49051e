"""The guided safety goal: four parts, one text the family can check."""

from __future__ import annotations

import pytest

from facilitation.domain.errors import ValidationError
from facilitation.domain.goals import check_goal, compose_safety_goal, missing_goal_parts
from facilitation.i18n import translate


def test_the_four_parts_make_one_positive_goal_in_dutch_and_english():
    nl = compose_safety_goal(
        "mama zorgt dat er altijd een volwassene bij Noah en Lina is.",
        "noah en Lina voelen zich veilig en weten wie er komt",
        "oma en de buurvrouw zien dat mama 's nachts thuis is;",
        "gedurende zes maanden",
        translate("nl", "goal.sentence"),
    )
    assert nl == (
        "Mama zorgt dat er altijd een volwassene bij Noah en Lina is. Noah en Lina voelen zich veilig en weten wie "
        "er komt. Oma en de buurvrouw zien dat mama 's nachts thuis is. Zo blijft het minstens zes maanden."
    )
    en = compose_safety_goal(
        "Mum is home at night", "", "", "for at least three months", translate("en", "goal.sentence")
    )
    assert en == "Mum is home at night. … … This lasts for at least three months."


def test_missing_parts_are_named():
    assert missing_goal_parts("x", " ", "y", "") == ["sg_child_experiences", "sg_how_long"]
    with pytest.raises(ValidationError) as e:
        check_goal("x", "y", "", "drie maanden")
    assert e.value.field == "item.sg_others_see" and e.value.code == "empty"
    check_goal("x", "y", "z", "drie maanden")
