"""Running the meeting without a browser: phases, clocks, agenda, projection, the timeline."""

from __future__ import annotations

import re
from datetime import date

import pytest

from facilitation.domain.trajectory import STANDARD_AGENDA
from facilitation.ui.meeting import state as meeting_state
from facilitation.ui.shell import Shell


def flow(shell):
    return next(p for p in shell.parts if p.key == "meeting")


def test_next_phase_moves_on_stores_and_shows_the_part(session, store):
    shell = Shell(session)
    mv = flow(shell)
    assert "Fase 1/7" in mv.phase_title.value and "Uitleg van het traject" in mv.phase_title.value
    mv.next_btn.click()
    m = store.load(session.case.id).meetings[session.meeting_id]
    assert m.phase == 1 and m.started_at and m.phase_started_at
    assert "Voorstelling" in mv.phase_title.value
    keys = [p.key for p in shell.parts]
    if "network" in keys:
        assert shell.tabs.selected_index == keys.index("network")


def test_jump_and_clock_start(session):
    shell = Shell(session)
    mv = flow(shell)
    assert mv.total_clock.since_ms == 0
    mv.go(5)
    assert session.meeting.phase == 5 and mv.total_clock.since_ms > 0 and mv.phase_clock.since_ms > 0
    assert mv.next_btn.disabled is False
    mv.go(6)
    assert mv.next_btn.disabled is True


def test_reaching_the_closing_phase_keeps_the_map_with_the_meeting_and_undo_takes_it_back(session, store):
    mv = flow(Shell(session))
    mid = session.meeting_id
    mv.go(5)
    assert not store.load(session.case.id).map_snapshots
    mv.go(6)  # "Afsluiting"
    kept = store.load(session.case.id).map_snapshots[f"map:{mid}"]
    assert kept.taken_on == date.today().isoformat() and {p.person for p in kept.people} == set(session.case.people)
    assert session.undo()
    stored = store.load(session.case.id)
    assert not stored.map_snapshots and stored.meetings[mid].phase == 5


def test_agenda_is_editable_per_meeting(session, store):
    shell = Shell(session)
    mv = flow(shell)
    mv.new_phase.value = "Pauze <b>10 min</b>"  # what the browser sends on Enter
    assert mv.new_phase.value == ""
    agenda = store.load(session.case.id).meetings[session.meeting_id].agenda
    assert agenda[-1] == "Pauze <b>10 min</b>" and len(agenda) == len(STANDARD_AGENDA) + 1
    labels = [row.children[0].description for row in mv.agenda_box.children]
    assert labels[-1].endswith("Pauze <b>10 min</b>")
    mv.remove_phase(0)
    assert len(session.meeting.agenda) == len(STANDARD_AGENDA)
    mv.reset_agenda()
    assert tuple(session.meeting.agenda) == STANDARD_AGENDA


def test_empty_phase_refused(session):
    shell = Shell(session)
    mv = flow(shell)
    mv.new_phase.value = "   "
    assert not mv.add_phase()
    assert session.status[1] == "error"


def test_projection_hides_professional_note(session, store):
    shell = Shell(session)
    mv = flow(shell)
    mv.note.value = "Vermoeden van middelengebruik bij papa"
    assert store.load(session.case.id).meetings[session.meeting_id].professional_note.startswith("Vermoeden")
    assert "fac-professional-only" in mv.note._dom_classes
    mv.projection.value = True
    assert "fac-projection" in shell.widget._dom_classes
    mv.projection.value = False
    assert "fac-projection" not in shell.widget._dom_classes


def test_timeline_from_start_date(session):
    shell = Shell(session)
    mv = flow(shell)
    html = mv.timeline.value
    # start 2026-10-01 is day 1: day 14 = 14 oktober, day 28 = 28 oktober; the meeting of 2026-10-15 is held
    assert "7–14 oktober 2026" in html and "28 oktober 2026" in html
    assert row_text(html, "first_network_meeting") == (
        "15 | 15 oktober 2026 | Eerste netwerkoverleg Wie: Consulent, crisisbegeleider, ouders, minderjarige, "
        "informeel en professioneel netwerk | ✓ gehouden"
    )
    assert "2026-10" not in html  # no ISO dates on screen


def row_text(html: str, step: str) -> str:
    """The words of one row of the timeline, cells joined by " | "."""
    row = re.search(rf'<tr class="[^"]*fac-step-{step}\b[^"]*">(.*?)</tr>', html).group(1)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    return " | ".join(" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in cells)


@pytest.fixture
def on_day(monkeypatch):
    """Fix today's date for the meeting part."""

    def fix(day: date) -> None:
        monkeypatch.setattr(meeting_state, "today", lambda: day)

    return fix


def test_a_meeting_in_the_future_is_planned_not_held(session, on_day):
    on_day(date(2026, 10, 10))
    shell = Shell(session)
    mv = flow(shell)
    html = mv.timeline.value
    assert "gepland op 15 oktober 2026" in html and "gehouden" not in html
    assert "Vandaag, 10 oktober 2026, is dag 10 van het traject." in html
    assert "Volgende: Eerste netwerkoverleg, 15 oktober 2026 (dag 15)." in html  # not skipped by "next"


def test_overdue_steps_are_marked_as_such_and_a_step_is_done_with_its_real_date(session, store, on_day):
    on_day(date(2026, 10, 20))
    shell = Shell(session)
    mv = flow(shell)
    html = mv.timeline.value
    assert "fac-ms-overdue fac-step-hearing" in html and "te laat" in html
    assert "gedaan" not in html.replace("nog niet gedaan", "")  # the calendar ticks nothing off
    mv.step_pick.value = "hearing"
    mv.step_date.input.value = "04/10/2026"
    mv.step_done.click()
    assert store.load(session.case.id).steps["hearing"].done_on == "2026-10-04"
    assert row_text(mv.timeline.value, "hearing").endswith("| ✓ gedaan")  # on its own days (3/4)
    assert session.status == ("Voorleiding bij de jeugdrechter: gedaan op 4 oktober 2026.", "ok")
    mv.step_pick.value = "triage"
    mv.step_date.input.value = "5-10-2026"
    mv.step_done.click()
    assert row_text(mv.timeline.value, "triage").endswith("| ✓ gedaan op 05/10/2026")  # later than its days
    # Not on a day still to come.
    mv.step_pick.value = "child_explained"
    mv.step_date.input.value = "25/10/2026"
    mv.step_done.click()
    assert session.status[1] == "error" and "child_explained" not in store.load(session.case.id).steps
    # Moved instead: planned on that day.
    mv.step_move.click()
    assert store.load(session.case.id).steps["child_explained"].planned == "2026-10-25"
    assert "25 oktober 2026 (verplaatst)" in re.sub(r"<[^>]+>", "", mv.timeline.value)
    mv.step_reset.click()
    assert "child_explained" not in store.load(session.case.id).steps


def test_who_is_present_is_ticked_with_checkboxes_family_first(session, store):
    from facilitation.domain import ops

    assert session.do(lambda c: ops.add_person(c, "Ilse", relation="consulent", sector="professional")[0])
    shell = Shell(session)
    mv = flow(shell)
    att = mv.attendance
    titles = [g["title"] for g in att.groups]
    assert titles == ["Gezin en familie", "Professionelen"]
    labels = [label for label, _ in att.options]
    assert labels[0] == "Jonas (kind)" and labels[-1] == "Ilse (consulent)"
    everyone_before = set(session.meeting.present)
    att.tick([])  # the page: "Niemand aangevinkt"
    assert store.load(session.case.id).meetings[session.meeting_id].present == ()
    att.tick([v for _, v in att.options])  # "Iedereen op de kaart is er"
    stored = store.load(session.case.id).meetings[session.meeting_id].present
    assert set(stored) == everyone_before | {p.id for p in session.case.people.values() if p.name == "Ilse"}
    assert session.undo() and set(session.meeting.present) == set()
    assert att.value == ()


def test_each_kind_of_meeting_runs_its_own_course(session):
    from facilitation.domain import ops

    shell = Shell(session)
    mv = flow(shell)
    edit, mid = ops.add_meeting(session.case, "interim_evaluation", "2026-10-28", list(session.meeting.present))
    assert session.do(edit)
    session.set_meeting(mid)
    labels = [row.children[0].description for row in mv.agenda_box.children]
    assert labels[1] == "2. Elke afspraak overlopen: werkt ze?" and labels[-1].startswith("6. Afsluiting")
    assert mv.review_box.layout.display == ""
    edit, mid = ops.add_meeting(session.case, "second_network_meeting", "2026-11-09")
    assert session.do(edit)
    session.set_meeting(mid)
    labels = [row.children[0].description for row in mv.agenda_box.children]
    assert "5. Wat gaat er in het advies aan de jeugdrechter?" in labels


def test_language_switch_relabels(session):
    shell = Shell(session)
    mv = flow(shell)
    shell.lang_pick.value = "en"
    assert mv.next_btn.description.startswith("Next phase")
    assert "Explaining the trajectory" in mv.phase_title.value


def test_note_changed_on_another_screen_while_typing_is_not_overwritten(session, store):
    from facilitation.domain import ops
    from facilitation.store import Store
    from facilitation.ui.session import Session

    shell = Shell(session)
    mv = flow(shell)
    other = Session(Store(store.path))
    other.open_case(session.case.id)
    assert other.do(ops.update(other.case, "meeting", session.meeting_id, professional_note="scribe: papa belde"))
    mv.note.value = "facilitator: mama twijfelt"  # typed (and sent on leaving the field) before this screen synced
    assert session.status[1] == "error"
    assert store.load(session.case.id).meetings[session.meeting_id].professional_note == "scribe: papa belde"
    session.sync()
    assert mv.note.value == "facilitator: mama twijfelt"  # what was typed is still there
    mv.note.value = "facilitator: mama twijfelt (na overleg)"
    assert store.load(session.case.id).meetings[session.meeting_id].professional_note.endswith("(na overleg)")


def test_undo_of_the_note_shows_the_stored_note_again(session, store):
    shell = Shell(session)
    mv = flow(shell)
    mv.note.value = "eerste versie"
    mv.note.value = "tweede versie"
    assert session.undo()
    assert mv.note.value == "eerste versie"
    mv.note.value = "derde versie"  # no false "changed on another screen"
    assert store.load(session.case.id).meetings[session.meeting_id].professional_note == "derde versie"
