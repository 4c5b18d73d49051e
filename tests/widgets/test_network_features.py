"""The network part without a browser: Family Finding, family links and the genogram, the network over
time, quick add, attendance, changes from another screen, forgetting a person, the map's own input."""

from __future__ import annotations

from typing import Any

import pytest

from facilitation import samples
from facilitation.domain import ops
from facilitation.figures.map_parts import Screen
from facilitation.store import Store
from facilitation.ui.network import NetworkView
from facilitation.ui.session import Session


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "s.sqlite3")


@pytest.fixture
def session(store):
    s = Session(store)
    s.add_case(samples.load_sample("lina-en-noah"))
    s.set_meeting("m-nwo1")
    return s


@pytest.fixture
def view(session):
    return NetworkView(session)


def stored(session: Session) -> Any:
    return session.store.load(session.case.id)


def trace(view: NetworkView, name: str) -> dict[str, Any]:
    return next(t for t in view.plot.figure["data"] if t.get("name") == name)


def badges(view: NetworkView) -> dict[str, str]:
    """Person name -> the signs beside their marker on the map."""
    out: dict[str, str] = {}
    people = view.session.case.people
    xy = {
        (p_x, p_y): pid
        for pid, p_x, p_y in zip(*(trace(view, "people")[k] for k in ("customdata", "x", "y")), strict=True)
    }
    signs = trace(view, "badges")
    screen = Screen(*view.plot.figure["layout"]["meta"]["screen"])
    corners = [(dx, dy) for dx in (-12, 12) for dy in (-10, 10)]  # a sign sits 12 px beside, 10 above or below
    for x, y, sign in zip(signs["x"], signs["y"], signs["text"], strict=True):
        pid = next(
            pid
            for (m_x, m_y), pid in xy.items()
            for at in (screen.at(m_x, m_y, dx, dy) for dx, dy in corners)
            if abs(at[0] - x) < 1e-9 and abs(at[1] - y) < 1e-9
        )
        out[people[pid].name] = out.get(people[pid].name, "") + sign
    return out


# ---- Family Finding ---------------------------------------------------------------------------------------


def test_family_finding_list_count_and_signs_on_the_map(view, session):
    ff = view.ff_box
    assert "fac-family-finding" in ff._dom_classes
    rows = [r.children[0].value for r in view.ff_list.children]
    assert len(rows) == 2 and "Kevin D&#x27;Hondt" in rows[0] + rows[1] and "Dylan Mertens" in rows[0] + rows[1]
    assert "Te zoeken" in rows[0] and "Via de griffie" in " ".join(rows)
    assert "(2)" in view.ff_title.value
    # Lifelong network: willing + committed (Monique, Kelly, Nadia committed; Steffi, Linda willing).
    assert '<span class="fac-fact-n">5</span><span>in het levenslang netwerk' in view.facts_html.value
    signs = badges(view)
    assert signs["Dylan Mertens"] == "?" and signs["Linda De Pauw"] == "♡"
    assert signs["Monique Verstraete"] == "★✔"  # committed, and here at this meeting
    assert "Family Finding" in view.legend.value and "Te zoeken" in view.legend.value


def test_family_finding_is_edited_in_the_person_editor(view, session):
    view.plot.click("p-dylan")
    ed = view.ed
    assert ed.ff_status.value == "to_find" and ed.ff_follow.value == "p-pj"
    ed.ff_status.value = "contacted"
    ed.ff_contact.input.value = "30/10/2026"
    ed.ff_follow.value = "p-evelien"
    ed.fields["ff_lead"].value = "Zijn moeder gaf zijn gsm-nummer"
    ed.fields["ff_next_step"].value = "Uitnodigen voor het tweede netwerkoverleg"
    view.save_btn.click()
    p = stored(session).people["p-dylan"]
    assert (p.ff_status, p.ff_last_contact, p.ff_follow_up) == ("contacted", "2026-10-30", "p-evelien")
    assert (p.ff_lead, p.ff_next_step) == (
        "Zijn moeder gaf zijn gsm-nummer",
        "Uitnodigen voor het tweede netwerkoverleg",
    )
    assert len(view.ff_list.children) == 1 and badges(view)["Dylan Mertens"] == "☎"
    assert "p-dylan" not in dict((v, k) for k, v in ed.ff_follow.options)  # nobody follows themselves up


def test_a_row_of_the_list_opens_that_person(view):
    row = view.ff_list.children[0]
    row.children[1].click()
    assert view.selected in ("p-kevin", "p-dylan") and view.editor.layout.display == ""


# ---- family links and the genogram ---------------------------------------------------------------------------


def test_a_grandmother_added_on_the_map_appears_in_the_genogram_once_linked(view, session):
    view.add_name.value, view.add_relation.value = "Oma Paula", "grootmoeder langs vaderskant"
    view.add_btn.click()
    paula = next(p.id for p in session.case.people.values() if p.name == "Oma Paula")
    view.mode.value = "genogram"
    assert view.genogram_box.layout.display == "" and view.map_box.layout.display == "none"
    assert view.geno_plot.revision >= 1
    assert "fac-genogram" in view.genogram_box._dom_classes
    assert paula not in view.geno_plot.figure["data"][0]["customdata"]
    assert "Oma Paula" in view.gaps.value  # listed as not yet in the genogram
    assert "Noah: niemand gekend langs vaderskant buiten Kevin D&#x27;Hondt" in view.gaps.value
    view.select(paula)
    view.tie_kind.value = "parent_of"
    view.tie_other.value = "p-kevin"
    view.tie_add_btn.click()
    tie = next(t for t in stored(session).ties.values() if paula in (t.a, t.b))
    assert (tie.kind, tie.a, tie.b) == ("parent", paula, "p-kevin")
    assert paula in view.geno_plot.figure["data"][0]["customdata"]
    assert "Noah: niemand gekend langs vaderskant" not in view.gaps.value
    # From Kevin's side the same link reads "child of".
    view.select("p-kevin")
    kinds = {r.children[0].value: r.children[1].value for r in view.tie_rows.children}
    assert any("Oma Paula" in k and v == "child_of" for k, v in kinds.items())


def test_switching_back_to_the_map_keeps_the_map(view):
    revision = view.plot.revision
    view.mode.value = "genogram"
    view.mode.value = "map"
    assert view.map_box.layout.display == "" and view.plot.revision == revision  # nothing redrawn for nothing


# ---- the network over time ---------------------------------------------------------------------------------


def test_keep_the_map_at_two_meetings_and_compare(view, session):
    view.mode.value = "time"
    assert "fac-map-compare" in view.time.widget._dom_classes and view.time_box.layout.display == ""
    assert "Nog geen kaart bewaard" in view.time.empty.value
    view.time.keep.click()
    assert "map:m-nwo1" in stored(session).map_snapshots
    # Between the meetings: Johan moves closer, a new neighbour comes, Linda hears everything.
    assert session.do(lambda c: ops.update(c, "person", "p-johan", closeness=1))
    edit, _ = ops.add_person(session.case, "Ahmed Benali", relation="buurman", sector="friends", closeness=2)
    assert session.do(edit)
    assert session.do(lambda c: ops.update(c, "person", "p-linda", knowledge="all"))
    session.set_meeting("m-tse")
    view.time.keep.click()
    assert (view.time.before.value, view.time.after.value) == ("m-nwo1", "m-tse")
    changes = view.time.changes.value
    assert "Nieuw op de kaart:</b> Ahmed Benali" in changes
    assert "Dichterbij gekomen:</b> Johan Pauwels (verder weg → heel dichtbij)" in changes
    assert "Weten nu meer van de zorgen:</b> Linda De Pauw" in changes
    assert len(view.time.plots[0].figure["data"]) and len(view.time.plots[1].figure["data"])
    table = view.time.table.value
    assert "volwassenen in het informele netwerk" in table and "Tussentijdse evaluatie" in table
    # Compared with now: nothing changed since the last kept map.
    view.time.before.value = "m-tse"
    view.time.after.value = "now"
    assert "Geen verschil" in view.time.changes.value


def test_the_comparison_maps_show_family_finding_signs_so_a_change_of_status_is_seen(view, session):
    view.mode.value = "time"
    view.time.keep.click()
    assert session.do(lambda c: ops.update(c, "person", "p-dylan", ff_status="contacted"))
    session.set_meeting("m-tse")
    view.time.keep.click()
    assert (view.time.before.value, view.time.after.value) == ("m-nwo1", "m-tse")

    def signs(plot: Any) -> set[str]:
        return set(next(t for t in plot.figure["data"] if t.get("name") == "badges")["text"])

    before, after = (signs(p) for p in view.time.plots)
    assert "?" in before and "☎" in after and "★" in before and "★" in after
    assert "✔" not in before | after  # present ticks belong to the meeting on screen, not to a kept map
    legend = view.time.signs.value
    assert "Family Finding" in legend and "Te zoeken" in legend and "Gecontacteerd" in legend


# ---- quick add ------------------------------------------------------------------------------------------------


def test_quick_add_previews_then_stores_and_keeps_what_it_did_not_understand(view, session):
    qa = view.quick
    assert "fac-quick-add" in qa.widget._dom_classes
    qa.text.value = "Fatima El Amrani, oma, familie, heel dichtbij\njuf Els; leerkracht van Noah; school\nMama heeft gisteren gebeld over het overleg van volgende week."
    preview = qa.preview.value
    assert "Fatima El Amrani" in preview and "Heel dichtbij" in preview and "School en vrije tijd" in preview
    assert "een zin, geen naam" in preview
    assert qa.add.description == "Deze 2 toevoegen" and not qa.add.disabled
    before = len(stored(session).people)
    assert len(stored(session).people) == before  # nothing stored by the preview
    qa.add.click()
    people = {p.name: p for p in stored(session).people.values()}
    assert (people["Fatima El Amrani"].sector, people["Fatima El Amrani"].closeness) == ("family", 1)
    assert people["juf Els"].sector == "school"
    assert qa.text.value.startswith("Mama heeft gisteren")  # shown, not dropped
    assert session.undo() and "Fatima El Amrani" not in {p.name for p in stored(session).people.values()}


# ---- attendance -------------------------------------------------------------------------------------------------


def test_present_is_ticked_from_the_editor_and_shown_on_the_map(view, session):
    view.select("p-johan")
    assert view.ed_present.layout.display == "" and not view.ed_present.value
    view.ed_present.value = True
    assert "p-johan" in stored(session).meetings["m-nwo1"].present
    assert "✔" in badges(view)["Johan Pauwels"]
    view.ed_present.value = False
    assert "p-johan" not in stored(session).meetings["m-nwo1"].present


# ---- two screens, forgetting ---------------------------------------------------------------------------------


def test_a_person_edited_on_two_screens_is_not_silently_overwritten(view, session, store):
    other = Session(store)
    other.open_case(session.case.id)
    view.select("p-johan")
    view.ed_phone.value = "0470 00 00 01"
    assert other.do(lambda c: ops.update(c, "person", "p-johan", phone="0499 99 99 99", relation="buurman (links)"))
    assert session.sync()
    assert view.ed_phone.value == "0470 00 00 01"  # what is being typed stays
    assert view.ed_relation.value == "buurman (links)"  # an untouched field follows
    view.save_btn.click()
    assert session.status[1] == "error" and "ander scherm" in session.status[0]
    assert stored(session).people["p-johan"].phone == "0499 99 99 99"
    view.save_btn.click()  # on purpose, a second time: my version
    p = stored(session).people["p-johan"]
    assert p.phone == "0470 00 00 01" and p.relation == "buurman (links)"


def test_text_typed_for_someone_removed_elsewhere_is_offered(view, session, store):
    other = Session(store)
    other.open_case(session.case.id)
    view.select("p-johan")
    view.ed_notes.value = "belt liever 's avonds"
    view.ed_phone.value = "0470 12 34 56"
    assert other.do(lambda c: ops.remove_person(c, "p-johan"))
    assert session.sync()
    assert view.selected is None and view.add_box.layout.display == ""
    assert (view.add_name.value, view.add_phone.value, view.add_notes.value) == (
        "Johan Pauwels",
        "0470 12 34 56",
        "belt liever 's avonds",
    )
    assert "Johan Pauwels werd intussen van de kaart gehaald" in view.gone.value


def test_forget_this_person_asks_and_calls_the_session(view, session):
    calls = []

    def forget_person(pid: str) -> bool:
        calls.append(pid)
        return session.do(lambda c: ops.remove_person(c, pid))

    session.forget_person = forget_person  # type: ignore[attr-defined]
    view.select("p-johan")
    view.ed.forget.click()
    assert view.ed.forget_confirm.layout.display == "" and "niet ongedaan" in view.ed.forget_text.value
    view.ed.forget_no.click()
    assert calls == [] and view.ed.forget_confirm.layout.display == "none"
    view.ed.forget.click()
    view.ed.forget_yes.click()
    assert calls == ["p-johan"] and "p-johan" not in stored(session).people
    assert session.status == ("Johan Pauwels is vergeten.", "ok")


def test_forget_without_the_session_method_says_so_and_keeps_the_person(view, session):
    if hasattr(type(session), "forget_person"):
        pytest.skip("the session can forget: covered above")
    view.select("p-johan")
    view.ed.forget.click()
    view.ed.forget_yes.click()
    assert "p-johan" in stored(session).people and session.status[1] == "error"


# ---- on the map itself ----------------------------------------------------------------------------------------


def test_double_click_an_empty_spot_sets_where_the_new_person_goes(view):
    focus = view.input.focus_n
    view._on_input(view.input, {"type": "dblclick", "x": -3.6, "y": 0.8}, None)  # top left, close
    assert (view.add_sector.value, view.add_ring.value) == ("family", 2)
    assert "Familie · Dichtbij" in view.add_hint.value
    assert view.input.focus == ".fac-add-name" and view.input.focus_n == focus + 1
    view._on_input(view.input, {"type": "dblclick", "x": 6.5, "y": -4.0}, None)  # bottom right, far
    assert (view.add_sector.value, view.add_ring.value) == ("school", 3)
    view._on_input(view.input, {"type": "dblclick", "x": 0.1, "y": 0.1}, None)  # the children's centre
    assert (view.add_sector.value, view.add_ring.value) == ("school", 3)


def test_drag_from_one_person_to_another_asks_which_tie(view, session):
    view._on_input(view.input, {"type": "drag", "from": "p-steffi", "to": "p-johan"}, None)
    assert view.tie_menu.layout.display == ""
    assert "Steffi Claus" in view.tie_menu_text.value and "Johan Pauwels" in view.tie_menu_text.value
    view.tie_menu_buttons["conflict"].click()
    assert any({t.a, t.b} == {"p-steffi", "p-johan"} and t.kind == "conflict" for t in stored(session).ties.values())
    assert view.tie_menu.layout.display == "none"
    view._on_input(view.input, {"type": "drag", "from": "p-monique", "to": "p-kelly"}, None)
    view.tie_menu_cancel.click()
    assert view.tie_menu.layout.display == "none"


def test_opening_a_person_scrolls_the_editor_to_the_top_and_the_picker_opens_anyone(view):
    scroll = view.input.scroll
    view.plot.click("p-johan")
    assert view.input.scroll == scroll + 1
    view.pick.value = "p-greet"
    assert view.selected == "p-greet" and view.pick.value == ""
    assert view.input.focus == ".fac-person-name"


def test_enter_stores_what_the_page_shows_even_before_the_fields_caught_up(view, session):
    """The page sends the typed text with Enter: a field's own update may still be on its way."""
    view.add_name.value = "S"  # what reached the kernel so far
    assert view.submit("add", {"name": "Sam Peeters", "relation": "buurman", "phone": "", "notes": ""})
    sam = next(p for p in stored(session).people.values() if p.name == "Sam Peeters")
    assert sam.relation == "buurman"
    view.select(sam.id)
    assert view.submit("editor", {"phone": "0470 11 22 33", "name": "Sam Peeters"})
    assert stored(session).people[sam.id].phone == "0470 11 22 33"
