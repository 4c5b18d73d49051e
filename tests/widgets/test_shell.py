"""The shell without a browser: what a consultant does and what is stored."""

from __future__ import annotations

from facilitation.i18n import translate
from facilitation.store import Store
from facilitation.ui.session import Session
from facilitation.ui.shell import Shell


def test_shell_is_ready_and_lists_the_case(session):
    shell = Shell(session)
    assert "fac-ready" in shell.widget._dom_classes and "fac-shell" in shell.widget._dom_classes
    assert any("Familie Maes" in label for label, _ in shell.case_pick.options)


def test_create_case_with_children(session, store):
    shell = Shell(session)
    shell.nc_title.value = "Familie Peeters"
    shell.nc_start.input.value = "1/9/2026"  # typed the Flemish way
    shell.nc_children.value = "Lina, 10\nNoah, 1\n"
    assert shell.create_case()
    stored = store.load(session.case.id)
    assert stored.info.start_date == "2026-09-01"
    assert sorted((c.name, c.age) for c in stored.children()) == [("Lina", 10), ("Noah", 1)]


def test_bad_children_line_gives_message_and_stores_nothing(session, store):
    shell = Shell(session)
    before = len(store.list_cases())
    shell.nc_title.value = "Familie X"
    shell.nc_children.value = "Lina, tien"
    assert not shell.create_case()
    assert "Regel 1" in shell.status.value and len(store.list_cases()) == before


def test_empty_title_refused(session, store):
    shell = Shell(session)
    shell.nc_title.value = "   "
    shell.nc_children.value = "Lina"
    assert not shell.create_case()
    assert "mag niet leeg zijn" in shell.status.value
    assert len(store.list_cases()) == 1


def test_start_meeting_with_present_people(session, store):
    shell = Shell(session)
    shell.nm_kind.value = "interim_evaluation"
    shell.nm_date.input.value = "29/10/2026"
    shell.nm_present.value = tuple(v for _, v in shell.nm_present.options[:2])
    assert shell.start_meeting()
    m = store.load(session.case.id).meetings[session.meeting_id]
    assert m.kind == "interim_evaluation" and m.date == "2026-10-29" and len(m.present) == 2
    assert "Tussentijdse evaluatie" in shell.meeting_pick.label


def test_language_switch_keeps_typed_text(session):
    shell = Shell(session)
    shell.nc_title.value = "half getypt"
    shell.lang_pick.value = "en"
    assert shell.new_case_btn.description == "New case"
    assert shell.nc_title.value == "half getypt"
    assert "Network meeting" in shell.meeting_pick.label
    # Every text of the bar and the forms follows, with the choices: bound to their keys.
    en = {k: translate("en", k) for k in ("app.title", "shell.undo_tip", "shell.case_title", "shell.present")}
    assert shell.title.value == en["app.title"] and shell.undo_btn.tooltip == en["shell.undo_tip"]
    assert shell.nc_labels[0].value == en["shell.case_title"] and shell.nm_labels[2].value == en["shell.present"]
    assert translate("en", "meeting_kind.interim_evaluation") in [label for label, _ in shell.nm_kind.options]
    shell.lang_pick.value = "nl"
    assert shell.new_case_btn.description == "Nieuw dossier" and shell.nc_labels[0].value == translate(
        "nl", "shell.case_title"
    )


def test_undo_button(session, store):
    shell = Shell(session)
    shell.nm_date.input.value = "2026-11-01"  # ISO is understood too
    assert shell.start_meeting()
    n = len(store.load(session.case.id).meetings)
    shell.undo_btn.click()
    assert len(store.load(session.case.id).meetings) == n - 1
    assert "Ongedaan gemaakt" in shell.status.value


def test_status_text_is_escaped(session):
    shell = Shell(session)
    session.set_status("<img src=x onerror=alert(1)>", "error")
    assert "<img" not in shell.status.value and "&lt;img" in shell.status.value


def test_second_screen_edit_arrives_via_sync(session, store):
    other = Session(Store(store.path))
    other.open_case(session.case.id)
    from facilitation.domain import ops

    edit, pid = ops.add_person(other.case, "Buurvrouw Els")
    assert other.do(edit)
    assert session.sync()
    assert session.case.people[pid].name == "Buurvrouw Els"


def test_conflict_is_shown_not_swallowed(session, store):
    from facilitation.domain import ops

    other = Session(Store(store.path))
    other.open_case(session.case.id)
    pid = next(p.id for p in session.case.people.values() if p.name == "Rita Maes")
    assert other.do(ops.update(other.case, "person", pid, name="Rita (scribe)"))
    assert not session.do(ops.update(session.case, "person", pid, name="Rita (facilitator)"))
    assert session.status[1] == "error"
    assert session.case.people[pid].name == "Rita (scribe)"
    assert store.load(session.case.id).people[pid].name == "Rita (scribe)"


def test_edit_from_another_screen_just_before_ours_is_not_skipped(session, store):
    from facilitation.domain import ops

    other = Session(Store(store.path))
    other.open_case(session.case.id)
    edit, theirs = ops.add_person(other.case, "Buurman Jef")
    assert other.do(edit)
    edit, ours = ops.add_person(session.case, "Tante Mieke")  # before our screen synced
    assert session.do(edit)
    assert session.sync()
    assert theirs in session.case.people and ours in session.case.people


def test_ticks_in_the_new_meeting_form_survive_another_screens_new_person(session, store):
    from facilitation.domain import ops

    shell = Shell(session)
    first = shell.nm_present.options[0][1]
    shell.nm_present.value = (first,)
    other = Session(Store(store.path))
    other.open_case(session.case.id)
    edit, _ = ops.add_person(other.case, "Buurvrouw Els")
    assert other.do(edit)
    assert session.sync()
    assert shell.nm_present.value == (first,)
    assert any("Buurvrouw Els" in label for label, _ in shell.nm_present.options)
