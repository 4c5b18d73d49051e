"""Pure pieces of the three columns and the scales: the safety goal sentence, who is speaking from the first
letters of a name, shortcuts in both languages, one text-shortening helper, one day count, Flemish dates."""

from __future__ import annotations

from datetime import date

import pytest

from facilitation.domain import ops, scaling, trajectory
from facilitation.domain.columns import SG_PARTS, missing_goal_parts, safety_goal_sentence
from facilitation.domain.text import day_month_year, shorten
from facilitation.i18n import translate
from facilitation.ui.columns.present import (
    ELEMENT_NUMBERS,
    SHORTCUTS,
    element_of_number,
    set_by_key,
    set_by_text,
    speaker_prefix,
)
from facilitation.ui.scaling.present import SHORTCUTS as SCALING_SHORTCUTS

SG = translate("nl", "columns.sg.template")


def test_safety_goal_is_one_positive_sentence_from_four_answers():
    s = safety_goal_sentence(
        "mama drinkt geen alcohol als ze alleen voor Noah zorgt",
        "zodat Noah elke avond door een nuchtere volwassene in bed wordt gestopt.",
        "dat oma Rita bij haar bezoeken ziet dat mama nuchter is",
        "gedurende minstens zes maanden",
        SG,
    )
    assert s == (
        "Mama drinkt geen alcohol als ze alleen voor Noah zorgt, zodat Noah elke avond door een nuchtere "
        "volwassene in bed wordt gestopt. Anderen zien dat oma Rita bij haar bezoeken ziet dat mama nuchter is. "
        "Dit wordt minstens zes maanden volgehouden."
    )
    en = safety_goal_sentence(
        "Mum stays sober",
        "Noah is safe",
        "that Grandma sees it",
        "for six months",
        translate("en", "columns.sg.template"),
    )
    assert (
        en == "Mum stays sober, so that Noah is safe. Others see that Grandma sees it. This is kept up for six months."
    )


def test_safety_goal_shows_what_is_missing():
    s = safety_goal_sentence("Papa haalt Noor op", "", "", "", SG)
    assert s.startswith("Papa haalt Noor op, zodat …") and s.count("…") == 3
    assert missing_goal_parts("Papa haalt Noor op", " ", "", "drie maanden") == [
        "sg_child_experiences",
        "sg_others_see",
    ]
    assert SG_PARTS == ("sg_carers_do", "sg_child_experiences", "sg_others_see", "sg_how_long")


@pytest.fixture
def people():
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    ids = {"jonas": next(iter(case.people))}
    for key, name, rel in (
        ("rita", "Rita Maes", "grootmoeder"),
        ("rik", "Rik Peeters", "buurman"),
        ("sofie", "Sofie Maes", "mama"),
        ("elodie", "Élodie Dubois", "leerkracht"),
    ):
        edit, ids[key] = ops.add_person(case, name, relation=rel)
        case = case.apply(edit)
    return case, ids


def test_the_first_letters_of_a_name_choose_the_speaker(people):
    case, ids = people
    present = list(ids.values())
    assert speaker_prefix(case, present, "rit: oma haalt Jonas op") == (ids["rita"], "oma haalt Jonas op")
    assert speaker_prefix(case, present, "Mama: ik drink niet meer") == (ids["sofie"], "ik drink niet meer")
    assert speaker_prefix(case, present, "elo: hij is stil in de klas") == (ids["elodie"], "hij is stil in de klas")
    # Ambiguous (Rita and Rik), too short, not a name, or nobody present by that name: the words stay as typed.
    assert speaker_prefix(case, present, "ri: iets") == (None, "ri: iets")
    assert speaker_prefix(case, present, "j: iets") == (None, "j: iets")
    assert speaker_prefix(case, present, "Opmerking: dit is geen naam") == (None, "Opmerking: dit is geen naam")
    assert speaker_prefix(case, [ids["rik"]], "rit: iets") == (None, "rit: iets")
    assert speaker_prefix(case, present, "om 8:30 belt papa") == (None, "om 8:30 belt papa")


def test_number_keys_follow_the_columns_order():
    assert [element_of_number(n) for n in range(1, 10)] == [
        "harm",
        "danger_statement",
        "complicating_factor",
        "strength",
        "exception",
        "existing_safety",
        "safety_goal",
        "bottom_line",
        "next_step",
    ]
    assert element_of_number(0) is None and element_of_number(10) is None
    assert ELEMENT_NUMBERS["exception"] == 5


def test_shortcut_lists_are_translated_for_the_shell():
    for keys, what in [*SHORTCUTS, *SCALING_SHORTCUTS]:
        assert keys and keys == keys.strip()
        nl, en = translate("nl", what), translate("en", what)
        assert nl != what and en != what and nl != en, what


def test_who_set_a_bottom_line_is_stored_as_a_key():
    assert set_by_key("de jeugdrechter") == "judge"
    assert set_by_key("The youth judge") == "judge"
    assert set_by_key("de consulent") == "consultant"
    assert set_by_key("  de  voorzitter ") == "de voorzitter"
    for key in ("judge", "consultant"):  # what the choices offer, in both languages, is understood
        assert all(set_by_key(translate(lang, f"columns.set_by.{key}")) == key for lang in ("nl", "en"))
    nl = lambda k: translate("nl", k)  # noqa: E731
    assert set_by_text("judge", nl) == "de jeugdrechter" and set_by_text("de voorzitter", nl) == "de voorzitter"


def test_one_shortening_helper_never_cuts_a_character_in_two():
    assert shorten("Rene\u0301e Peeters", 5) == "Rene\u0301…"
    assert shorten("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", 2) == "👩‍👩‍👧…"
    assert shorten("  twee\nregels  ", 20) == "twee regels"
    assert shorten("kort", 4) == "kort"


def test_dates_the_flemish_way():
    assert day_month_year("2026-10-05") == "05/10/2026"
    assert day_month_year("") == "" and day_month_year("morgen") == "morgen"


def test_scaling_history_and_timeline_count_the_same_day():
    """Day 1 is the day of the urgent measure: the first network meeting on day 14 is "dag 14" everywhere."""
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    edit, mid = ops.add_meeting(case, "network_meeting", "2026-10-14", list(case.people))
    case = case.apply(edit)
    edit, sid = ops.add_scale(case, "safety")
    case = case.apply(edit)
    case = case.apply(ops.set_score(case, sid, mid, next(iter(case.people)), 4))
    meeting = case.meetings[mid]
    timeline = trajectory.day_number(case, date.fromisoformat(meeting.date))
    assert timeline == 14
    assert scaling.meeting_day(case, meeting) == timeline
    assert scaling.history(case, sid)[0].day == timeline
    words = lambda k, **p: translate("nl", k, **p)  # noqa: E731
    assert list(scaling.scores_frame(case, words)["day"]) == [timeline]
    held = next(m for m in trajectory.milestones(case) if m.key == "first_network_meeting")
    assert held.meeting is not None and held.first_day == timeline
