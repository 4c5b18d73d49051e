"""Running the meeting without a browser: phases, clocks, agenda, projection, the timeline."""

from __future__ import annotations

from facilitation.domain.trajectory import STANDARD_AGENDA
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
    # start 2026-10-01: day 14 = 2026-10-14, day 28 = 2026-10-28; the meeting of 2026-10-15 counts as held
    assert "2026-10-14" in html and "2026-10-28" in html
    assert "gehouden op 2026-10-15" in html


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
