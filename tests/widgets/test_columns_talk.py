"""The three columns while people talk: speaker and element chosen fast and kept, Enter that adds once,
positions on the worries and the help, exceptions, the guided safety goal, typing that survives a delete."""

from __future__ import annotations

import pytest

from facilitation.domain import ops
from facilitation.ui.columns import ColumnsView
from facilitation.ui.session import Session


@pytest.fixture
def view(session):
    return ColumnsView(session)


def pid(session, name):
    return next(p.id for p in session.case.people.values() if p.name == name)


def enter(view, text):
    """Type in the add field and press Enter, as the page does (the text goes with the Enter)."""
    before = set(view.session.case.items)
    view.add_text.value = text
    view.add_text.press_enter()
    new = set(view.session.case.items) - before
    return new.pop() if new else None


# ---- speaker and element ---------------------------------------------------------------------------


def test_name_buttons_of_the_people_present_and_the_speaker_stays(view, session, store):
    labels = [label for label, _ in view.add_author.options]
    # First names of who is here, the child first, then nobody.
    assert labels[0] == "Jonas" and sorted(labels[1:3]) == ["Rita", "Sofie"] and labels[3:] == ["niemand"]
    view.add_author.value = pid(session, "Rita Maes")
    a = enter(view, "Ik kan woensdag koken")
    b = enter(view, "En ik breng Jonas naar school")
    items = store.load(session.case.id).items
    assert items[a].author == items[b].author == pid(session, "Rita Maes")  # the last speaker stays chosen
    assert view.add_author.value == pid(session, "Rita Maes")
    # Someone leaves the meeting: their button goes, the speaker falls back to nobody.
    m = session.meeting
    assert session.do(
        ops.update(session.case, "meeting", m.id, present=[p for p in m.present if p != pid(session, "Rita Maes")])
    )
    assert "Rita" not in [label for label, _ in view.add_author.options] and view.add_author.value == ""


def test_first_letters_of_a_name_choose_the_speaker_as_they_are_typed(view, session, store):
    view.add_text.value = "sof: ik"
    assert view.add_author.value == pid(session, "Sofie Maes")  # her button lights up while typing
    iid = enter(view, "sof: ik wil dat het thuis rustig is")
    item = store.load(session.case.id).items[iid]
    assert (item.text, item.author) == ("ik wil dat het thuis rustig is", pid(session, "Sofie Maes"))
    iid = enter(view, "en ook 's avonds")  # she goes on
    assert store.load(session.case.id).items[iid].author == pid(session, "Sofie Maes")


def test_a_number_key_chooses_the_element_and_it_stays(view, session, store):
    view.keys.press("element:5")
    assert view.add_element.value == "exception"
    a = enter(view, "Als we samen naar de voetbal gaan, is er geen ruzie")
    b = enter(view, "Op zondag gaat het goed")
    items = store.load(session.case.id).items
    assert items[a].element == items[b].element == "exception" and items[a].column == "working_well"
    view.keys.press("element:9")
    assert view.add_element.value == "next_step"
    view.keys.press("element:0")  # no tenth element: nothing changes
    assert view.add_element.value == "next_step"


def test_the_shortcuts_are_one_key_away(view, session):
    assert view.help.layout.display == "none"
    view.keys.press("help")
    assert view.help.layout.display == "" and "Alt+N" in view.help.value and "Kies het onderdeel" in view.help.value
    session.set_language("en")
    assert "Choose the element" in view.help.value
    view.keys.press("escape")
    assert view.help.layout.display == "none"
    codes = {b.get("code") for b in view.keys.bindings}
    assert "Digit1|Numpad1" in codes and "KeyN" in codes  # by key code: the same on AZERTY


# ---- Enter adds once ------------------------------------------------------------------------------


def test_enter_adds_what_was_typed_once_even_when_the_value_comes_late(view, session, store):
    """While the kernel is busy the page holds the field's value back but sends Enter at once. The Enter
    now carries the text, and the field is emptied, so the late value cannot be added a second time."""
    view.add_text.value = "Ma"  # the last value that reached the kernel before it got busy
    view.add_text._on_custom_msg(view.add_text, {"event": "submit", "text": "Mama drinkt 's avonds"}, [])
    view.add_text.value = ""  # what the page sends after Enter
    view.add_text.press_enter()  # a second Enter on the emptied field
    texts = [i.text for i in store.load(session.case.id).items.values()]
    assert texts == ["Mama drinkt 's avonds"]
    assert view.add_text.value == ""


def test_refused_words_come_back_into_the_field(view, session, store):
    enter(view, "x" * 10_001)
    assert session.status[1] == "error" and view.add_text.value == "x" * 10_001
    assert store.load(session.case.id).items == {}


def test_the_page_paints_the_words_where_they_land_and_every_enter_is_answered(view, session, store, monkeypatch):
    """Issue 16.8: the page shows the words of an Enter at once in the group the kernel names, marked as being
    saved; the kernel answers each Enter with the new item, or with none when it refused the words."""
    answers: list[dict] = []
    monkeypatch.setattr(view.add_text, "send", lambda content, buffers=None: answers.append(content))
    assert view.add_text.ahead == f".{view.uid} .fac-el-harm" and view.add_text.ahead_label == "bewaren…"
    view.keys.press("element:6")
    assert view.add_text.ahead == f".{view.uid} .fac-el-existing_safety"
    view.add_text._on_custom_msg(view.add_text, {"event": "submit", "text": "Oma komt elke dag", "token": 4}, [])
    (iid,) = store.load(session.case.id).items
    assert answers[-1] == {"event": "done", "token": 4, "id": iid}
    view.add_text._on_custom_msg(view.add_text, {"event": "submit", "text": "x" * 10_001, "token": 5}, [])
    assert answers[-2:] == [{"event": "restore", "text": "x" * 10_001}, {"event": "done", "token": 5, "id": None}]
    assert list(store.load(session.case.id).items) == [iid]
    # Where the page cannot know how the item will show, it waits for the kernel.
    view.keys.press("element:2")  # a danger statement: asked part by part
    assert view.add_text.ahead == ""
    view.keys.press("element:1")
    view.add_long_toggle.value = True
    assert view.add_text.ahead == ""
    view.add_long_toggle.value = False
    view.filter_person.value = pid(session, "Rita Maes")
    assert view.add_text.ahead != ""  # highlighted: every row still shows
    view.filter_mode.value = "only"
    assert view.add_text.ahead == ""  # only Rita's words: the new one may not be hers
    session.set_language("en")
    assert view.add_text.ahead_label == "saving…"


# ---- positions (practice element 1) ----------------------------------------------------------------


def test_a_persons_position_shows_with_who_said_what_and_is_edited_there(view, session, store):
    sofie = pid(session, "Sofie Maes")
    assert session.do(ops.update(session.case, "person", sofie, view_on_worries="Ik drink niet meer dan anderen."))
    assert view.positions.widget.layout.display == "none"
    view.filter_person.value = sofie
    panel = view.positions
    assert panel.widget.layout.display == "" and "Sofie Maes (moeder)" in panel.title.value
    assert panel.fields["view_on_worries"].value == "Ik drink niet meer dan anderen."
    assert "Hoe kijkt Sofie naar de hulp" in panel.labels["view_on_help"].value
    panel.fields["view_on_help"].value = "De hulp mag, als ze mij niet beoordelen."  # stored when the box is left
    assert store.load(session.case.id).people[sofie].view_on_help == "De hulp mag, als ze mij niet beoordelen."
    assert session.status[1] == "ok"
    # Another screen's change reaches a box nobody is typing in.
    other = Session(store)
    other.open_case(session.case.id)
    assert other.do(ops.update(other.case, "person", sofie, view_on_help="Ik wil oma erbij."))
    assert session.sync()
    assert panel.fields["view_on_help"].value == "Ik wil oma erbij."
    view.filter_person.value = ""
    assert panel.widget.layout.display == "none"


# ---- exceptions and the guided safety goal ----------------------------------------------------------


def test_exceptions_are_a_kind_of_strength_with_their_question(view, session):
    assert "Uitzonderingen" in view.group_heads["exception"].value
    assert "Wanneer gaat het wel goed?" in view.group_heads["exception"].value
    assert (
        "fac-col-working_well"
        in next(c for c in view.grid.children if view.groups["exception"] in c.children)._dom_classes
    )
    view.add_element.value = "exception"
    iid = enter(view, "Als oma er is, eten we samen")
    assert "fac-item-exception" in view.shown_row(iid)["classes"]
    view.open_editor(iid)
    assert view.editor.element.value == "exception" and "Uitzondering" in view.editor.title.value
    view.editor.element.value = "strength"
    view.editor.save.click()
    assert session.case.items[iid].element == "strength"


def test_guided_safety_goal_makes_a_sentence_and_keeps_its_parts(view, session, store):
    view.add_element.value = "safety_goal"
    assert view.add_guided.layout.display == "" and view.add_text.layout.display == ""  # one line still works
    view.add_guided.value = True
    sg = view.add_sg
    assert view.add_text.layout.display == "none" and sg.widget.layout.display == ""
    sg.fields["sg_carers_do"].value = "Mama drinkt geen alcohol als ze alleen voor Jonas zorgt"
    view.add_btn.click()
    assert session.status[1] == "error" and "Wat zal het kind ervaren?" in session.status[0]
    sg.fields["sg_child_experiences"].value = "Jonas weet dat er 's avonds een nuchtere volwassene is"
    sg.fields["sg_others_see"].value = "oma Rita ziet bij haar bezoeken dat mama nuchter is"
    sg.fields["sg_how_long"].value = "zes maanden"
    assert view.add_long.value.endswith("Dit wordt zes maanden volgehouden.")
    view.add_btn.click()
    goal = next(i for i in store.load(session.case.id).items.values() if i.element == "safety_goal")
    assert goal.text.startswith("Mama drinkt geen alcohol als ze alleen voor Jonas zorgt, zodat Jonas weet")
    assert (goal.sg_others_see, goal.sg_how_long) == (
        "oma Rita ziet bij haar bezoeken dat mama nuchter is",
        "zes maanden",
    )
    assert sg.fields["sg_how_long"].value == "" and view.add_long.value == ""  # ready for the next one
    # The editor shows the four parts; changing one rewrites the sentence that was made from them.
    view.open_editor(goal.id)
    assert view.editor.sg.widget.layout.display == "" and view.editor.ds.widget.layout.display == "none"
    view.editor.sg.fields["sg_how_long"].value = "een jaar"
    assert view.editor.text.value.endswith("Dit wordt een jaar volgehouden.")
    view.editor.save.click()
    stored = store.load(session.case.id).items[goal.id]
    assert stored.sg_how_long == "een jaar" and stored.text.endswith("een jaar volgehouden.")


# ---- typing survives a delete on another screen -------------------------------------------------------


def test_words_typed_for_an_item_deleted_elsewhere_are_offered_again(view, session, store):
    rita = pid(session, "Rita Maes")
    view.add_author.value = rita
    iid = enter(view, "Oma haalt Jonas op")
    view.open_editor(iid)
    view.editor.text.value = "Oma haalt Jonas op, elke dinsdag en donderdag"
    other = Session(store)
    other.open_case(session.case.id)
    assert other.do(lambda case: ops.delete_item(case, iid))
    assert session.sync()
    assert view.editor.item_id is None
    assert view.orphan.widget.layout.display == ""
    assert "elke dinsdag en donderdag" in view.orphan.words.value
    assert session.status[1] == "error"
    new = view.orphan.add_again()
    item = store.load(session.case.id).items[new]
    assert (item.text, item.author, item.element) == ("Oma haalt Jonas op, elke dinsdag en donderdag", rita, "harm")
    assert view.orphan.widget.layout.display == "none"


def test_an_untouched_editor_of_a_deleted_item_just_closes(view, session, store):
    iid = enter(view, "Oma haalt Jonas op")
    view.open_editor(iid)
    other = Session(store)
    other.open_case(session.case.id)
    assert other.do(lambda case: ops.delete_item(case, iid))
    assert session.sync()
    assert view.editor.item_id is None and view.orphan.widget.layout.display == "none"


def test_deleting_it_here_keeps_nothing_to_offer(view, session):
    iid = enter(view, "Oma haalt Jonas op")
    view.open_editor(iid)
    view.editor.text.value = "iets anders"
    view.editor.delete.click()
    assert iid not in session.case.items and view.orphan.widget.layout.display == "none"
