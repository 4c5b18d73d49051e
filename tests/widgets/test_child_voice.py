"""The child's voice on a real store, without a browser: Words and Pictures, Three Houses, feedback."""

from __future__ import annotations

import json

import pytest

from facilitation import samples
from facilitation.domain.child_voice import pages_of
from facilitation.store import Store
from facilitation.ui.feedback import FeedbackView
from facilitation.ui.session import Session
from facilitation.ui.three_houses import ThreeHousesView, houses_html
from facilitation.ui.words_pictures import WordsPicturesView, reading_page_html, reading_pages

STROKE = json.dumps([{"color": "#e63946", "width": 14, "points": [[100, 100], [300, 200], [500, 120]]}])


@pytest.fixture
def session(tmp_path):
    s = Session(Store(tmp_path / "s.sqlite3"))
    s.add_case(samples.load_sample("lina-en-noah"))
    return s


def stored(session):
    return session.store.load(session.case.id)


def test_a_first_draft_is_made_and_every_page_edit_is_stored_at_once(session):
    view = WordsPicturesView(session)
    assert view.new_form.layout.display == "" and view.board.layout.display == "none"
    assert view.make_story("words_pictures")
    story = next(iter(stored(session).stories.values()))
    assert story.title == "Het verhaal van Noah en Lina" and story.children == ("p-noah", "p-lina")
    pages = pages_of(stored(session), story.id)
    assert [p.topic for p in pages] == [
        "who_worried",
        "what_happened",
        "the_worry",
        "keeping_safe",
        "who_to_go_to",
        "what_next",
    ]
    assert [c["id"] for c in view.board.cards] == [p.id for p in pages]
    assert "Wie maakt zich zorgen?" in view.board.cards[0]["html"]

    view.board.send_event("select", id=pages[1].id)
    assert view.page_title.value.count("Pagina 2 van 6")
    view.pen.strokes = STROKE  # as the browser sends a finished stroke
    view.page_text.value = "Mama was heel moe. <script>x</script>"
    view.picker_btn.value = True
    assert len(view.picker.items) >= 50
    view.picker.choose("bed")
    page = stored(session).story_pages[pages[1].id]
    assert json.loads(page.drawing)[0]["points"][2] == [500, 120]
    assert page.text == "Mama was heel moe. <script>x</script>" and page.pictograms == ("house", "bed")
    card = next(c for c in view.board.cards if c["id"] == pages[1].id)["html"]
    assert "&lt;script&gt;" in card and "<script>" not in card and "<path" in card

    view.board.send_event("move", id=pages[1].id, step=-1)
    assert [p.id for p in pages_of(stored(session), story.id)][:2] == [pages[1].id, pages[0].id]
    assert view.board.cards[0]["id"] == pages[1].id


def test_a_refused_drawing_changes_nothing_and_the_pen_shows_what_is_stored(session):
    view = WordsPicturesView(session)
    view.make_story("immediate")
    view.pen.strokes = STROKE
    view.pen.strokes = '[{"color": "javascript:alert(1)", "points": [[1, 1]]}]'
    assert session.status[1] == "error" and "tekening" in session.status[0]
    page = stored(session).story_pages[view._page_id]
    assert page.drawing == STROKE.replace(" ", "")
    assert view.pen.strokes == page.drawing


def test_contacts_are_picked_from_the_map_and_read_with_their_phone_number(session):
    view = WordsPicturesView(session)
    view.make_story("words_pictures")
    story = next(iter(session.case.stories.values()))
    who = next(p for p in pages_of(session.case, story.id) if p.topic == "who_to_go_to")
    view.select_page(who.id)
    assert view.contacts_box.layout.display == ""
    before = list(who.contacts)
    carer = next(p for p in session.case.people.values() if p.is_carer and p.phone)
    view.contact_add.value = carer.id
    assert stored(session).story_pages[who.id].contacts == (*before, carer.id)
    html = reading_page_html(session.case, session.case.story_pages[who.id], "nl")
    assert carer.phone in html
    view.remove_contact(before[0])
    html = reading_page_html(session.case, session.case.story_pages[who.id], "nl")
    assert session.case.people[before[0]].phone not in html
    # No one else's number on any page of the story.
    phones = {p.phone for p in session.case.people.values() if p.phone and p.id not in (*before[1:], carer.id)}
    assert not any(ph in page for page in reading_pages(session.case, story.id, "nl") for ph in phones)


def test_an_earlier_version_opens_read_only_and_stays_as_it_was(session):
    view = WordsPicturesView(session)
    view.make_story("immediate")
    first = view._story_id
    assert len(view.board.cards) == 3
    view.page_text.value = "Het eerste verhaal"
    assert view.make_version()
    assert len(view.board.cards) == 6  # the full story grew from the immediate one
    assert view.versions.options[0][0].startswith("versie 1")
    view.versions.value = first
    assert view.pen.readonly and view.page_text.disabled and view.board.readonly
    assert "vorige versie" in view.readonly_note.value
    view.edit_page(text="anders")
    assert pages_of(stored(session), first)[0].text == "Het eerste verhaal"


def test_the_reader_shows_every_page_with_the_picture_above_the_text(session):
    view = WordsPicturesView(session)
    view.make_story("words_pictures")
    view.open_reader()
    assert view.reader.showing and len(view.reader.pages) == 6
    first = view.reader.pages[0]
    assert first.index("fac-picture") < first.index("fac-read-text")
    assert "Dit is jullie boekje, Noah en Lina" in first


def test_a_house_entry_not_marked_shareable_appears_on_no_shared_screen(session):
    view = ThreeHousesView(session)
    view._on_child("p-noah")
    view.start_entry("worries")
    view.entry_text.value = "Geheim: ik ben bang als het donker is"
    view.start_entry("dreams")
    view.entry_text.value = "Een hond"
    view.shareable.value = True
    entries = {e.text: e for e in stored(session).house_entries.values()}
    assert not entries["Geheim: ik ben bang als het donker is"].shareable and entries["Een hond"].shareable

    def on_screen() -> str:
        return " ".join(
            w.children[0].value for col in view.house_lists.values() for w in col.children if w.layout.display != "none"
        )

    assert "Geheim" in on_screen() and "alleen voor het kind" in on_screen()  # the worker's own screen
    session.set_projection(True)
    assert "Geheim" not in on_screen() and "Een hond" in on_screen()
    assert view.editor.layout.display == "none"
    # The family screen's rendering (ui/three_houses houses_html) never has it either.
    shared = houses_html(session.case, "p-noah", "nl")
    assert "Een hond" in shared and "Geheim" not in shared
    session.set_projection(False)
    assert "Geheim" in on_screen()


def test_feedback_is_noted_shown_per_person_over_time_and_edited(session):
    view = FeedbackView(session)
    sections = {s.children[0].value.split("<span")[0]: s for s in view.list.children}
    assert any("Noah Verstraete" in k for k in sections)
    view.open_form()
    view.person.value = "p-noah"
    view.moment.value = "end"
    view.mark.value = 9
    view.result.value = 3.5
    assert view.save_new()
    mine = [f for f in stored(session).feedback.values() if f.person == "p-noah"]
    assert [(f.moment, f.mark, f.result, f.process) for f in mine if f.moment == "end"] == [("end", 9, 3.5, None)]
    noah = next(s for s in view.list.children if "Noah Verstraete" in s.children[0].value)
    html = " ".join(getattr(w, "value", "") or "" for row in noah.children for w in getattr(row, "children", [row]))
    assert "3,5" in html
    fid = next(f.id for f in mine if f.moment == "end")
    view.open_form(fid)
    view.mark.value = 7
    assert stored(session).feedback[fid].mark == 7
    view.remove(fid)
    assert fid not in stored(session).feedback


def test_the_parts_carry_their_css_classes(session):
    assert "fac-words-pictures" in WordsPicturesView(session).widget._dom_classes
    assert "fac-three-houses" in ThreeHousesView(session).widget._dom_classes


def test_a_house_entry_keeps_the_childs_drawing_pictures_and_choice_to_show_it(session):
    view = ThreeHousesView(session)
    view._on_child("p-noah")
    view.start_entry("good_things")
    view.pen.strokes = STROKE  # the first change of a new entry stores it
    view.picker_btn.value = True
    assert view.picker.layout.display == ""
    view.picker.choose("bed")
    (entry,) = stored(session).house_entries.values()
    assert json.loads(entry.drawing)[0]["points"][2] == [500, 120] and entry.pictograms == ("bed",)
    assert not entry.shareable
    # The child's choice, *mag getoond worden*, made on the entry's own toggle in the house.
    (row,) = [w for w in view.house_lists["good_things"].children if w.layout.display != "none"]
    share = row.fac_parts[1]
    share.value = True
    assert stored(session).house_entries[entry.id].shareable
    share.value = False
    assert not stored(session).house_entries[entry.id].shareable


def test_an_opened_feedback_is_changed_field_by_field(session):
    before = set(stored(session).feedback)
    view = FeedbackView(session)
    view.open_form()
    view.person.value = "p-jessica"
    view.mark.value = 8
    view.result.value = 3.0
    view.process.value = 2.5
    assert view.save_new()
    (fid,) = set(stored(session).feedback) - before
    view.open_form(fid)
    view.result.value = -1.0  # 'niet gegeven'
    view.comment.value = "Fijn dat ik mocht meepraten"
    view.given_on.value = "2026-10-02"
    f = stored(session).feedback[fid]
    assert (f.result, f.process, f.comment, f.given_on) == (None, 2.5, "Fijn dat ik mocht meepraten", "2026-10-02")


def test_a_pages_topic_is_changed_from_the_editor(session):
    view = WordsPicturesView(session)
    assert view.make_story("blank")
    story = next(iter(stored(session).stories.values()))
    first = pages_of(stored(session), story.id)[0]
    view.board.send_event("select", id=first.id)
    view.topic.value = "own"
    assert stored(session).story_pages[first.id].topic == "own"
