"""Editing the child's voice: pages, drawings, versions kept as told, the Three Houses, feedback."""

from __future__ import annotations

import json

import pytest

from facilitation import samples
from facilitation.domain import child_edits as ce
from facilitation.domain import drawing
from facilitation.domain.child_voice import DraftPage, house_entries, new_story, new_version, pages_of
from facilitation.domain.errors import ValidationError

LINE = json.dumps([{"color": "#b03a2e", "width": 8, "points": [[10, 10], [500, 400], [990, 740]]}])


@pytest.fixture
def story():
    case = samples.load_sample("lina-en-noah")
    pages = [DraftPage("who_worried", "Een"), DraftPage("what_happened", "Twee"), DraftPage("what_next", "Drie")]
    edit, sid = new_story(case, "Noah", "words_pictures", ["p-noah"], pages, "2026-10-14")
    return case.apply(edit), sid


# ---- drawings -------------------------------------------------------------------------------------------


def test_a_drawing_round_trips_and_stays_inside_its_box():
    strokes = drawing.parse(json.dumps([{"color": "#1D2430", "width": 4, "points": [[-50, 20.04], [1200, 900]]}]))
    assert strokes == (drawing.Stroke("#1d2430", 4.0, ((0.0, 20.0), (1000.0, 750.0))),)
    stored = drawing.dumps(strokes)
    assert json.loads(stored) == [{"color": "#1d2430", "width": 4, "points": [[0, 20], [1000, 750]]}]
    assert drawing.parse(stored) == strokes
    assert drawing.parse("") == () and drawing.dumps(()) == ""


@pytest.mark.parametrize(
    "bad",
    [
        "not json",
        "{}",
        '[{"points": "x"}]',
        '[{"color": "red\\" onload=\\"x", "points": [[1, 1]]}]',
        '[{"color": "#000000", "points": [[1]]}]',
        '[{"color": "#000000", "points": []}]',
        '[{"color": "#000000", "width": true, "points": [[1, 2]]}]',
    ],
)
def test_what_is_not_a_drawing_is_refused_by_name(bad):
    with pytest.raises(ValidationError) as e:
        drawing.clean(bad, "story_page.drawing")
    assert e.value.field == "story_page.drawing" and e.value.code == "drawing_bad"


def test_the_svg_draws_each_stroke_in_its_colour():
    svg = drawing.to_svg(drawing.parse(LINE))
    assert svg.startswith("<svg") and 'viewBox="0 0 1000 750"' in svg
    assert svg.count("<path") == 1 and 'stroke="#b03a2e"' in svg and 'stroke-width="8"' in svg


# ---- pages ----------------------------------------------------------------------------------------------


def test_every_part_of_a_page_is_edited_and_checked(story):
    case, sid = story
    page = pages_of(case, sid)[0]
    case = case.apply(
        ce.update_page(
            case, page.id, text="  Mama en oma zien je graag.\n", drawing=LINE, pictograms=["mama", "heart", "mama"]
        )
    )
    page = case.story_pages[page.id]
    assert page.text == "Mama en oma zien je graag."
    assert json.loads(page.drawing)[0]["points"][1] == [500, 400]
    assert page.pictograms == ("mama", "heart")
    with pytest.raises(ValidationError) as e:
        ce.update_page(case, page.id, pictograms=["../etc/passwd"])
    assert e.value.code == "pictogram_unknown"
    with pytest.raises(ValidationError) as e:
        ce.update_page(case, page.id, contacts=["p-noah"])
    assert e.value.code == "contact_is_child"
    kelly = next(p.id for p in case.people.values() if p.name.startswith("Kelly"))
    case = case.apply(ce.update_page(case, page.id, contacts=[kelly]))
    assert case.story_pages[page.id].contacts == (kelly,)


def test_pages_are_added_reordered_and_removed(story):
    case, sid = story
    first, second, third = pages_of(case, sid)
    edit, new = ce.add_page(case, sid, after=first.id)
    case = case.apply(edit)
    assert [p.id for p in pages_of(case, sid)] == [first.id, new, second.id, third.id]
    case = case.apply(ce.move_page(case, third.id, -1))
    assert [p.text for p in pages_of(case, sid)] == ["Een", "", "Drie", "Twee"]
    assert not ce.move_page(case, first.id, -1)  # already first: nothing changes
    case = case.apply(ce.remove_page(case, new))
    assert [p.text for p in pages_of(case, sid)] == ["Een", "Drie", "Twee"]


def test_an_earlier_version_stays_as_it_was_told(story):
    case, sid = story
    edit, v2 = new_version(case, sid, "2026-10-23")
    case = case.apply(edit)
    old = pages_of(case, sid)[0]
    for make in (
        lambda: ce.update_page(case, old.id, text="anders"),
        lambda: ce.move_page(case, old.id, 1),
        lambda: ce.remove_page(case, old.id),
        lambda: ce.add_page(case, sid),
        lambda: ce.set_title(case, sid, "Anders"),
    ):
        with pytest.raises(ValidationError) as e:
            make()
        assert e.value.code == "story_superseded"
    case = case.apply(ce.update_page(case, pages_of(case, v2)[0].id, text="anders"))
    assert pages_of(case, sid)[0].text == "Een"
    # Removing the newest version makes the one before it the one to edit again.
    case = case.apply(ce.remove_story(case, v2))
    assert v2 not in case.stories and not [p for p in case.story_pages.values() if p.story == v2]
    assert ce.update_page(case, old.id, text="weer")


# ---- Three Houses ----------------------------------------------------------------------------------------


def test_a_house_entry_is_private_until_the_child_allows_it():
    case = samples.load_sample("lina-en-noah")
    edit, eid = ce.add_house_entry(case, "p-noah", "dreams", "2026-10-20", text="Een hond", pictograms=["dog"])
    case = case.apply(edit)
    assert house_entries(case, "p-noah", shared_only=True) == []
    case = case.apply(ce.set_shareable(case, eid, True))
    assert [e.text for e in house_entries(case, "p-noah", "dreams", shared_only=True)] == ["Een hond"]
    with pytest.raises(ValidationError) as e:
        ce.add_house_entry(case, "p-noah", "worries", "2026-10-20", text="  ")
    assert e.value.code == "entry_empty"
    with pytest.raises(ValidationError):
        ce.update_house_entry(case, eid, text="", pictograms=[])
    with pytest.raises(ValidationError) as e:
        ce.add_house_entry(case, "p-noah", "worries", "2026-10-20", drawing="[1]")
    assert e.value.code == "drawing_bad"


# ---- feedback ----------------------------------------------------------------------------------------------


def test_feedback_takes_halves_on_the_subscales_and_a_mark_of_one_to_ten():
    case = samples.load_sample("lina-en-noah")
    edit, fid = ce.add_feedback(case, "p-noah", "interim", "2026-10-28", 7, result=2.5, process=3, comment=" fijn ")
    case = case.apply(edit)
    fb = case.feedback[fid]
    assert (fb.mark, fb.result, fb.process, fb.comment) == (7, 2.5, 3.0, "fijn")
    for fields, code in (
        ({"result": 2.3}, "half_steps"),
        ({"process": 4.5}, "out_of_range"),
        ({"mark": 11}, "out_of_range"),
        ({"mark": 0}, "out_of_range"),
    ):
        with pytest.raises(ValidationError) as e:
            case.apply(ce.update_feedback(case, fid, **fields))
        assert e.value.code == code
    case = case.apply(ce.update_feedback(case, fid, result=None))
    assert case.feedback[fid].result is None


def test_a_page_dragged_over_several_places_lands_there(story):
    case, sid = story
    first, _second, _third = pages_of(case, sid)
    case = case.apply(ce.move_page(case, first.id, 2))
    assert [p.text for p in pages_of(case, sid)] == ["Twee", "Drie", "Een"]
    case = case.apply(ce.move_page(case, first.id, -5))
    assert [p.text for p in pages_of(case, sid)] == ["Een", "Twee", "Drie"]


def test_the_immediate_story_grows_into_the_full_story_in_a_new_version():
    from datetime import date

    from facilitation.domain.child_voice import draft_story, immediate_story
    from facilitation.i18n import translate

    case = samples.load_sample("lina-en-noah")

    def t(key, **kw):
        return translate("nl", key, **kw)

    def words(d):
        return d.isoformat()

    today = date(2026, 10, 14)
    short = immediate_story(case, ["p-noah"], t, words, today)
    edit, sid = new_story(case, "Noah", "immediate", ["p-noah"], short, "2026-10-14")
    case = case.apply(edit)
    case = case.apply(ce.update_page(case, pages_of(case, sid)[0].id, text="Onze eigen woorden"))
    full = draft_story(case, ["p-noah"], t, words, today)
    edit, v2 = ce.next_version(case, sid, "2026-10-23", full)
    case = case.apply(edit)
    assert case.stories[v2].kind == "words_pictures" and case.stories[v2].version == 2
    assert [p.topic for p in pages_of(case, v2)] == [d.topic for d in full]
    assert pages_of(case, v2)[0].text == "Onze eigen woorden"  # the family's words are kept
    assert [p.topic for p in pages_of(case, sid)] == ["who_worried", "what_happened", "what_next"]
