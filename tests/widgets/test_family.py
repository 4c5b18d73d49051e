"""The family screen without a browser: what the family sees, and how it follows the consultant's laptop."""

from __future__ import annotations

import dataclasses

import pytest

from facilitation.domain import ops
from facilitation.domain.trajectory import STANDARD_AGENDA
from facilitation.samples import load_sample
from facilitation.services.last_used import recall
from facilitation.ui.family import FamilyView
from facilitation.ui.family.present import board_for, no_phone, present, spread_words, translator
from facilitation.ui.session import Session
from facilitation.ui.shell import Shell


@pytest.fixture
def jonas(store):
    """The sample case on a store, opened at its first meeting."""
    s = Session(store)
    s.add_case(load_sample("jonas-17"))
    s.set_meeting(s.case.meetings_by_date()[0].id)
    return s


def other_screen(session: Session) -> Session:
    """A second window on the same store (the family screen's own kernel)."""
    s = Session(session.store)
    s.open_case(session.case.id)
    s.set_meeting(session.meeting_id)
    return s


def go_to_phase(session: Session, phase: str) -> None:
    m = session.meeting
    assert session.do(ops.update(session.case, "meeting", m.id, "edit.phase", phase=STANDARD_AGENDA.index(phase)))


def entry_texts(view: FamilyView) -> str:
    return view.stage.html


@pytest.mark.parametrize(
    ("phase", "elements"),
    [
        ("danger_goals_bottom_lines", ("danger_statement", "safety_goal", "bottom_line")),
        (
            "strengths_worries",
            ("harm", "danger_statement", "complicating_factor", "strength", "exception", "existing_safety"),
        ),
    ],
)
def test_each_phase_shows_every_item_of_its_elements(jonas, phase, elements):
    go_to_phase(jonas, phase)
    view = FamilyView(jonas)
    assert "fac-family-view" in view.widget._dom_classes
    html = entry_texts(view)
    for item in jonas.case.items.values():
        if item.element in elements and item.scenario is None:
            assert f'data-id="{item.id}"' in html, item.text[:40]


def test_plan_phase_shows_agreement_cards_without_phone_numbers(jonas):
    go_to_phase(jonas, "safety_plan")
    view = FamilyView(jonas)
    html = view.stage.html
    assert view._shown.board.key == "plan"
    for a in jonas.case.agreements.values():
        assert f'data-id="{a.id}"' in html
    for p in jonas.case.people.values():
        if p.phone:
            assert p.phone not in html
    assert "0479 35 66 02" not in html  # typed inside an agreement of the sample
    assert "Als die niet kan:" in html and "Wie:" in html


def test_no_professional_note_nor_person_notes_on_the_family_screen(jonas):
    m = jonas.meeting
    assert jonas.do(ops.update(jonas.case, "meeting", m.id, "edit.phase", professional_note="Vermoeden van drugs"))
    pid = next(iter(jonas.case.people))
    assert jonas.do(ops.update(jonas.case, "person", pid, "edit.update", notes="Geheim: schulden"))
    for phase in STANDARD_AGENDA:
        go_to_phase(jonas, phase)
        view = FamilyView(jonas)
        assert "drugs" not in view.stage.html and "schulden" not in view.stage.html


def test_scale_shows_each_score_by_name_and_the_spread_in_words(jonas):
    go_to_phase(jonas, "scaling")
    state = present(jonas.case, jonas.meeting, "nl")
    scale = state.board.scale
    assert scale is not None and scale.question and scale.low.startswith("0") and scale.high.startswith("10")
    values = [r.value for r in scale.rows if r.value is not None]
    assert scale.spread == f"Van {min(values)} tot {max(values)}"
    assert all(r.name for r in scale.rows)


def test_spread_in_plain_words():
    t = translator("nl")
    assert spread_words([3, 7, 5], t) == "Van 3 tot 7"
    assert spread_words([5, 5], t) == "Iedereen zegt 5"
    assert spread_words([], t) == "Nog niemand gaf een score."


def test_phone_numbers_are_left_out_but_dates_and_times_stay():
    t = translator("nl")
    assert "0479" not in no_phone("belt Lotte (0479 35 66 02)", t)
    assert "+32" not in no_phone("+32 9 123 45 67", t)
    assert no_phone("op 05/09/2026 van 09.00-12.30", t) == "op 05/09/2026 van 09.00-12.30"


def test_pointing_on_the_laptop_highlights_on_the_family_screen_and_is_not_undoable(jonas):
    family = other_screen(jonas)
    go_to_phase(jonas, "strengths_worries")
    family.sync()
    view = FamilyView(family)
    item = jonas.case.items_of("strength")[0]
    undo_before = jonas.can_undo
    assert jonas.point_at(item.id)
    assert jonas.store.load(jonas.case.id).meetings[jonas.meeting_id].pointer == item.id
    assert jonas.can_undo == undo_before  # pointing is not an edit to undo
    assert family.sync()
    assert view.stage.pointer == item.id
    assert jonas.point_at(None) and family.sync()
    assert view.stage.pointer == ""


def test_pinned_part_shows_whatever_the_phase(jonas):
    shell = Shell(jonas)
    family = other_screen(jonas)
    view = FamilyView(family)
    assert view._shown.board.key == board_for(jonas.meeting)
    shell.family_pin.value = "plan"
    assert jonas.meeting.pinned == "plan"
    family.sync()
    assert view._shown.board.key == "plan" and "Veiligheidsplan" in view.stage.html
    shell.family_pin.value = ""
    family.sync()
    assert view._shown.board.key == board_for(dataclasses.replace(jonas.meeting, pinned=""))


def test_blank_on_the_laptop_blanks_the_family_screen(jonas):
    shell = Shell(jonas)
    family = other_screen(jonas)
    view = FamilyView(family)
    shell.part("meeting").blank.blank = True  # what B does in the browser
    assert jonas.meeting.blank
    family.sync()
    assert view.stage.blank
    shell.part("meeting").blank.blank = False
    family.sync()
    assert not view.stage.blank


def test_b_in_the_family_window_blanks_the_laptop_too(jonas):
    shell = Shell(jonas)
    family = other_screen(jonas)
    view = FamilyView(family, own_window=True)
    view.toggle_blank()
    assert jonas.sync()
    assert shell.part("meeting").blank.blank


def test_projection_in_one_window_is_the_family_view_with_a_small_control(jonas):
    shell = Shell(jonas)
    meeting = shell.part("meeting")
    meeting.projection.value = True
    assert shell.family_view is not None and shell.family_view.active
    assert shell.family_view.widget in shell.widget.children
    phase = jonas.meeting.phase
    shell.family_view.control_buttons["next"].click()
    assert jonas.meeting.phase == phase + 1
    shell.family_view.control_buttons["blank"].click()
    assert jonas.meeting.blank and meeting.blank.blank
    shell.family_view.control_buttons["blank"].click()
    assert not jonas.meeting.blank
    shell.family_view.control_buttons["back"].click()
    assert not jonas.projection and not meeting.projection.value and not shell.family_view.active


def test_family_link_carries_case_and_meeting(jonas):
    shell = Shell(jonas)
    assert shell.family_link.case_id == jonas.case.id
    assert shell.family_link.meeting_id == jonas.meeting_id
    other = jonas.case.meetings_by_date()[-1].id
    jonas.set_meeting(other)
    assert shell.family_link.meeting_id == other


def test_language_switch_reaches_the_family_screen(jonas):
    go_to_phase(jonas, "danger_goals_bottom_lines")
    view = FamilyView(jonas)
    assert "Bodemeisen" in view.stage.html
    jonas.set_language("en")
    assert "Bottom lines" in view.stage.html and view.stage.page_text.startswith("Page")


def test_shortcuts_list_holds_the_shells_and_the_blank_screens_keys(jonas):
    shell = Shell(jonas)
    rows = {keys: text for group in shell.page.shortcuts for keys, text in group["rows"]}
    assert "?" in rows and rows["B"].startswith("Scherm zwart")
    assert shell.page.lang == "nl" and shell.page.title == "Samen op weg naar veiligheid"
    jonas.set_language("en")
    assert shell.page.lang == "en" and shell.page.title == "Working together towards safety"


def test_the_case_used_last_is_remembered_and_reopened(store, monkeypatch, tmp_path):
    from facilitation import app

    monkeypatch.delenv("FACILITATION_CASE", raising=False)
    monkeypatch.delenv("QUERY_STRING", raising=False)
    s = Session(store)
    first = s.add_case(load_sample("jonas-17"))
    second = s.add_case(load_sample("lina-en-noah"))
    shell = Shell(s)
    shell.case_pick.value = first
    shell.case_pick.value = second
    assert recall(store).case == second
    root = app.meeting_dashboard(str(store.path))
    assert any(second == v and label == root_case_label(root) for label, v in root_options(root))


def root_options(root):  # type: ignore[no-untyped-def]
    pick = next(w for w in root.children[1].children if "fac-case-pick" in w._dom_classes)
    return list(pick.options)


def root_case_label(root):  # type: ignore[no-untyped-def]
    pick = next(w for w in root.children[1].children if "fac-case-pick" in w._dom_classes)
    return pick.label


def test_view_family_in_the_address_opens_the_family_screen_of_that_meeting(jonas, monkeypatch):
    from facilitation import app

    meeting = jonas.case.meetings_by_date()[0].id
    monkeypatch.setenv("QUERY_STRING", f"view=family&case={jonas.case.id}&meeting={meeting}&lang=en")
    root = app.meeting_dashboard(str(jonas.store.path))
    view = root.family_view
    assert "fac-family-view" in view.widget._dom_classes
    assert view.session.case.id == jonas.case.id and view.session.meeting_id == meeting
    assert view.session.lang == "en"
    assert not any(type(w).__name__ in ("Button", "Text", "Textarea", "Dropdown") for w in view.widget.children)


def test_pointing_does_not_block_undoing_the_phase_change_before_it(jonas):
    m = jonas.meeting
    item = jonas.case.items_of("strength")[0]
    assert jonas.do(ops.update(jonas.case, "meeting", m.id, "edit.phase", phase=3))
    assert jonas.point_at(item.id)
    assert jonas.undo()
    stored = jonas.store.load(jonas.case.id).meetings[m.id]
    assert stored.phase == m.phase and stored.pointer == item.id
    assert "Ongedaan gemaakt" in jonas.status[0]


def test_family_screen_follows_the_meeting_and_language_of_the_laptop_but_never_another_case(jonas):
    from facilitation.ui.live import follow_working_screen

    shell = Shell(jonas)
    family = other_screen(jonas)
    follow = follow_working_screen(family)
    other = next(m.id for m in jonas.case.meetings.values() if m.id != jonas.meeting_id)
    shell.meeting_pick.value = other
    jonas.set_language("en")
    follow()
    assert family.meeting_id == other and family.lang == "en"
    jonas.add_case(load_sample("lina-en-noah"))  # the consultant opens another family's case on the laptop
    follow()
    assert family.case.info.title.startswith("Jonas")
