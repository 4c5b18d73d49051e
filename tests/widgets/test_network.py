"""The network map part without a browser: add, edit, move, tie, remove, undo, as a consultant would."""

from __future__ import annotations

from typing import Any

import pytest

from facilitation.domain import ops
from facilitation.store import Store
from facilitation.ui.network import NetworkView
from facilitation.ui.session import Session

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "s.sqlite3")


@pytest.fixture
def session(store):
    s = Session(store)
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    for name, fields in (
        ("Rita Maes", dict(relation="grootmoeder", sector="family", closeness=1, knowledge="all")),
        ("Koen", dict(relation="buurman", sector="friends", closeness=2)),
    ):
        edit, _ = ops.add_person(case, name, **fields)
        case = case.apply(edit)
    s.add_case(case)
    return s


@pytest.fixture
def view(session):
    return NetworkView(session)


def pid(session: Session, name: str) -> str:
    return next(p.id for p in session.case.people.values() if p.name == name)


def stored(session: Session) -> Any:
    return session.store.load(session.case.id)


def trace(view: NetworkView, name: str) -> dict[str, Any]:
    return next(t for t in view.plot.figure["data"] if t.get("name") == name)


def on_map(view: NetworkView) -> dict[str, tuple[float, float]]:
    """Person id -> where the map draws them."""
    out = {}
    for name in ("people", "children"):
        try:
            t = trace(view, name)
        except StopIteration:
            continue
        out.update({pid: (x, y) for pid, x, y in zip(t["customdata"], t["x"], t["y"], strict=True)})
    return out


def hovers(view: NetworkView) -> str:
    return " ".join(trace(view, "people")["hovertext"])


def add(view: NetworkView, name: str, relation: str = "", sector: str = "family", ring: int = 2, **more: str) -> None:
    view.add_name.value = name
    view.add_relation.value = relation
    view.add_sector.value = sector
    view.add_ring.value = ring
    if "phone" in more:
        view.add_phone.value = more["phone"]
    if "notes" in more:
        view.add_notes.value = more["notes"]
    view.add_btn.click()


# ---- adding -------------------------------------------------------------------------------------------


def test_add_a_person_in_a_few_fields(view, session):
    add(view, "Lieke", "tante", "family", 2, phone="0471 11 22 33", notes="belt liefst 's avonds")
    lieke = stored(session).people[pid(session, "Lieke")]
    assert (lieke.relation, lieke.sector, lieke.closeness, lieke.phone, lieke.notes) == (
        "tante",
        "family",
        2,
        "0471 11 22 33",
        "belt liefst 's avonds",
    )
    assert session.status == ("Lieke staat op de kaart.", "ok")
    assert view.add_name.value == "" and view.add_relation.value == ""
    assert view.add_sector.value == "family" and view.add_ring.value == 2  # ready for the next family member
    assert "Lieke" in trace(view, "people")["text"]
    assert view.plot.revision >= 2


def test_a_second_person_with_the_same_name_is_added_with_a_note(view, session):
    add(view, "koen")
    assert sum(1 for p in stored(session).people.values() if p.name.casefold() == "koen") == 2
    assert session.status[1] == "ok" and "al iemand met die naam" in session.status[0]


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_a_bad_name_is_refused_and_nothing_is_stored(view, session, name):
    before = stored(session)
    revision = view.plot.revision
    add(view, name)
    msg, level = session.status
    assert level == "error" and "naam" in msg
    assert stored(session).people == before.people
    assert view.plot.revision == revision
    assert view.add_name.value == name  # what was typed stays, to correct it


@pytest.mark.parametrize("name", [HOSTILE, "Zoë Dubois-Éléonore", "جدة فاطمة", "Oma 👵🏽 Rita", "A" * 200])
def test_any_name_is_stored_as_typed_and_shown_as_text(view, session, name):
    add(view, name, "<b>vet</b>")
    p = stored(session).people[pid(session, name)]
    assert p.name == name and p.relation == "<b>vet</b>"
    view.plot.click(p.id)
    assert view.ed_name.value == name
    assert "<img" not in view.ed_title.value and "<b>" not in view.ed_sub.value
    assert "&lt;b&gt;vet&lt;/b&gt;" in view.ed_sub.value
    text = trace(view, "people")["text"]
    assert all("<img" not in t for t in text)
    if len(name) == 200:
        assert any(t.endswith("…") and t.startswith("AAAA") for t in text)
        assert name in hovers(view).replace("<br>", "")


def test_adding_someone_does_not_move_anyone_else(view, session):
    for i in range(6):
        add(view, f"Buur {i}", sector="friends", ring=2)
    before = on_map(view)
    add(view, "Aaron", sector="friends", ring=2)
    after = on_map(view)
    assert {k: after[k] for k in before} == before


def test_people_added_on_another_screen_appear_in_the_same_place(view, session, store):
    other = Session(store)
    other.open_case(session.case.id)
    other_view = NetworkView(other)
    add(other_view, "Marc", sector="school", ring=3)
    add(other_view, "Ann", sector="school", ring=3)
    assert session.sync()
    assert "Marc" in trace(view, "people")["text"]
    assert on_map(view) == on_map(other_view)


# ---- selecting and editing -------------------------------------------------------------------------------


def test_click_a_person_on_the_map_to_edit_them(view, session):
    koen = pid(session, "Koen")
    view.plot.click(koen)
    assert view.selected == koen
    assert view.editor.layout.display == "" and view.add_box.layout.display == "none"
    assert (view.ed_name.value, view.ed_relation.value) == ("Koen", "buurman")
    assert len(trace(view, "selected")["x"]) == 1
    view.plot.click(None)  # a click on a tie or the background changes nothing
    assert view.selected == koen
    view.back_btn.click()
    assert view.selected is None and view.add_box.layout.display == ""


def test_safety_circles_and_safety_network_and_who_still_needs_to_hear(view, session):
    koen = pid(session, "Koen")
    view.plot.click(koen)
    view.ed_safety.value = True
    assert stored(session).people[koen].in_safety_network
    assert [b.description for b in view.to_tell_line.children[1:]] == ["Koen"]
    assert len(trace(view, "to-tell")["x"]) == 1
    view.ed_knowledge.value = "some"
    assert stored(session).people[koen].knowledge == "some"
    assert [b.description for b in view.to_tell_line.children[1:]] == ["Koen"]
    view.ed_knowledge.value = "all"
    assert view.to_tell_line.children[1:] == ()
    assert "weet alles" in view.to_tell_label.value.lower() or "weten alles" in view.to_tell_label.value.lower()
    assert '<span class="fac-fact-n">2</span><span>weten alles' in view.facts_html.value


def test_a_name_in_the_facts_opens_that_person(view, session):
    view.plot.click(pid(session, "Koen"))
    view.ed_safety.value = True
    view.back_btn.click()
    button = view.to_tell_line.children[1]
    button.click()
    assert view.selected == pid(session, "Koen")


def test_move_to_another_ring_or_sector(view, session):
    koen = pid(session, "Koen")
    view.plot.click(koen)
    before = on_map(view)[koen]
    view.ed_ring.value = 3
    view.ed_sector.value = "school"
    p = stored(session).people[koen]
    assert (p.sector, p.closeness) == ("school", 3)
    x, y = on_map(view)[koen]
    assert (x, y) != before and x > 0 and y < 0  # school and leisure: bottom right


def test_move_by_hand_and_put_back(view, session):
    koen = pid(session, "Koen")
    view.plot.click(koen)
    home = on_map(view)[koen]
    assert view.put_back_btn.disabled
    view.nudges["left"].click()
    view.nudges["up"].click()
    p = stored(session).people[koen]
    assert p.x == pytest.approx(home[0] - 0.3, abs=1e-3) and p.y == pytest.approx(home[1] + 0.3, abs=1e-3)
    assert on_map(view)[koen] == pytest.approx((p.x, p.y))
    assert not view.put_back_btn.disabled and view.moved_note.value
    view.put_back_btn.click()
    assert stored(session).people[koen].x is None
    assert on_map(view)[koen] == home


def test_edit_details_and_save(view, session):
    rita = pid(session, "Rita Maes")
    view.plot.click(rita)
    view.ed_name.value = "Oma Rita"
    view.ed_age.value = "71"
    view.ed_phone.value = "0471 22 33 44"
    view.save_btn.click()
    p = stored(session).people[rita]
    assert (p.name, p.age, p.phone) == ("Oma Rita", 71, "0471 22 33 44")
    assert "Oma Rita" in view.ed_title.value and "Oma Rita" in trace(view, "people")["text"]


@pytest.mark.parametrize(
    "field,value", [("ed_age", "zeventig"), ("ed_age", "130"), ("ed_name", ""), ("ed_phone", "0" * 61)]
)
def test_bad_details_are_refused_and_nothing_changes(view, session, field, value):
    rita = pid(session, "Rita Maes")
    view.plot.click(rita)
    before = stored(session).people[rita]
    getattr(view, field).value = value
    view.save_btn.click()
    assert session.status[1] == "error"
    assert stored(session).people[rita] == before
    assert getattr(view, field).value == value  # kept, to correct it


def test_typing_is_not_lost_when_something_else_changes(view, session):
    rita, koen = pid(session, "Rita Maes"), pid(session, "Koen")
    view.plot.click(rita)
    view.ed_notes.value = "half getypt"
    assert session.do(lambda c: ops.update(c, "person", koen, relation="buurman en vriend"))
    view.ed_knowledge.value = "some"  # an immediate change to Rita herself
    assert view.ed_notes.value == "half getypt"
    view.save_btn.click()
    assert stored(session).people[rita].notes == "half getypt"


def test_child_is_edited_without_rings_or_safety_network(view, session):
    jonas = session.case.children()[0].id
    view.plot.click(jonas)
    assert view.move_box.layout.display == "none" and view.ed_safety.layout.display == "none"
    view.ed_knowledge.value = "some"
    assert stored(session).people[jonas].knowledge == "some"


# ---- ties -------------------------------------------------------------------------------------------------


def test_add_edit_and_remove_ties(view, session):
    rita, koen, jonas = pid(session, "Rita Maes"), pid(session, "Koen"), session.case.children()[0].id
    view.plot.click(rita)
    assert view.tie_other.options[0][1] == jonas  # the children first
    view.tie_other.value = jonas
    view.tie_kind.value = "support"
    view.tie_add_btn.click()
    view.tie_other.value = koen
    view.tie_kind.value = "conflict"
    view.tie_note.value = "ruzie over de tuin"
    view.tie_add_btn.click()
    ties = stored(session).ties
    assert {(t.kind, frozenset((t.a, t.b)), t.note) for t in ties.values()} == {
        ("support", frozenset((rita, jonas)), ""),
        ("conflict", frozenset((rita, koen)), "ruzie over de tuin"),
    }
    assert "Rita Maes" in view.supports_html.value
    assert len(view.tie_rows.children) == 2
    assert trace(view, "tie-conflict")["line"]["dash"] == "dash"

    # The same tie again is refused.
    view.tie_other.value = koen
    view.tie_kind.value = "conflict"
    view.tie_add_btn.click()
    assert session.status[1] == "error" and len(stored(session).ties) == 2

    # Change the conflict into contact broken, with a note, from its row.
    row = next(r for r in view.tie_rows.children if "Koen" in r.children[0].value)
    row.children[1].value = "broken"
    row = next(r for r in view.tie_rows.children if "Koen" in r.children[0].value)
    row.children[2].value = "sinds september"
    conflict = next(t for t in stored(session).ties.values() if koen in (t.a, t.b))
    assert (conflict.kind, conflict.note) == ("broken", "sinds september")

    # Remove the support tie.
    row = next(r for r in view.tie_rows.children if "Jonas" in r.children[0].value)
    row.children[3].click()
    assert len(stored(session).ties) == 1
    assert "nog niemand met een steunband" in view.supports_html.value


def test_a_tie_row_refusing_a_duplicate_shows_the_stored_kind_again(view, session):
    rita, koen = pid(session, "Rita Maes"), pid(session, "Koen")
    for kind in ("family", "conflict"):
        edit, _ = ops.add_tie(session.case, rita, koen, kind)
        assert session.do(edit)
    view.plot.click(rita)
    row = next(r for r in view.tie_rows.children if r.children[1].value == "conflict")
    row.children[1].value = "family"
    assert session.status[1] == "error"
    assert sorted(t.kind for t in stored(session).ties.values()) == ["conflict", "family"]
    assert sorted(r.children[1].value for r in view.tie_rows.children) == ["conflict", "family"]


# ---- removing ---------------------------------------------------------------------------------------------


def test_remove_warns_where_the_person_is_used_and_undo_restores_everything(view, session):
    rita, jonas = pid(session, "Rita Maes"), session.case.children()[0].id
    edit, _ = ops.add_tie(session.case, rita, jonas, "support")
    assert session.do(edit)
    edit, aid = ops.add_agreement(session.case, "Oma <b>Rita</b> haalt Jonas op", owner=rita)
    assert session.do(edit)
    view.plot.click(rita)
    view.remove_btn.click()
    warning = view.remove_text.value
    assert "doet de afspraak: Oma &lt;b&gt;Rita&lt;/b&gt; haalt Jonas op" in warning
    assert "1 band(en)" in warning
    assert view.remove_confirm.layout.display == ""

    view.remove_no.click()
    assert rita in stored(session).people and view.remove_confirm.layout.display == "none"

    view.remove_btn.click()
    view.remove_yes.click()
    after = stored(session)
    assert rita not in after.people and not after.ties and after.agreements[aid].owner is None
    assert view.selected is None and "Rita Maes" not in trace(view, "people")["text"]

    assert session.undo()
    back = stored(session)
    assert rita in back.people and len(back.ties) == 1 and back.agreements[aid].owner == rita
    assert "Rita Maes" in trace(view, "people")["text"]


def test_someone_removed_on_another_screen_closes_the_editor(view, session, store):
    koen = pid(session, "Koen")
    view.plot.click(koen)
    other = Session(store)
    other.open_case(session.case.id)
    assert other.do(lambda c: ops.remove_person(c, koen))
    assert session.sync()
    assert view.selected is None and view.editor.layout.display == "none"


# ---- language, projection, many people -------------------------------------------------------------------------


def test_language_switch_keeps_what_is_being_typed(view, session):
    view.add_name.value = "Half"
    view.add_sector.value, view.add_ring.value = "school", 3
    view.show_ties.value = "strong"
    view.plot.click(pid(session, "Koen"))
    view.ed_notes.value = "nog niet bewaard"
    session.set_language("en")
    assert view.add_btn.description == "Add" and view.save_btn.description == "Save"
    assert view.add_name.value == "Half" and view.ed_notes.value == "nog niet bewaard"
    assert (view.add_sector.value, view.add_ring.value, view.show_ties.value) == ("school", 3, "strong")
    assert view.add_sector.label == "School and leisure"
    assert dict(view.ed_sector.options)["Friends and neighbours"] == "friends"
    sectors = " ".join(next(t for t in view.plot.figure["data"] if t["name"] == "map-texts")["text"])
    assert "Professionals" in sectors
    assert "Add" in view.add_btn.description and "weet" not in view.legend.value


def test_notes_are_hidden_in_projection_mode(view):
    for w in (view.add_notes, view.ed_notes, view.ed_labels["notes"]):
        assert "fac-professional-only" in w._dom_classes


def test_text_size_and_tie_filter(view, session):
    rita, koen = pid(session, "Rita Maes"), pid(session, "Koen")
    for kind in ("family", "conflict"):
        edit, _ = ops.add_tie(session.case, rita, koen, kind)
        assert session.do(edit)
    size = trace(view, "people")["textfont"]["size"]
    view.text_size.value = 2
    assert trace(view, "people")["textfont"]["size"] == size + 6
    names = lambda: {t["name"] for t in view.plot.figure["data"]}  # noqa: E731
    assert "tie-family" in names()
    view.show_ties.value = "strong"
    assert "tie-family" not in names() and "tie-conflict" in names()


def test_map_size_from_the_browser_makes_names_larger(view):
    size = trace(view, "people")["textfont"]["size"]
    view.input.size = [1200, 760]
    assert trace(view, "people")["textfont"]["size"] > size
    assert "fac-net-sized" in view.widget._dom_classes
    view.input.size = [5, 5]  # nonsense is ignored
    assert trace(view, "people")["textfont"]["size"] == size


def test_large_network(store):
    from facilitation.samples import large_case

    s = Session(store)
    s.add_case(large_case())
    view = NetworkView(s)
    assert len(trace(view, "people")["customdata"]) == len(s.case.people) - len(s.case.children())
    add(view, "Nieuwe buur", sector="friends", ring=3)
    assert pid(s, "Nieuwe buur") in trace(view, "people")["customdata"]
    assert "58" in view.facts_html.value or "59" in view.facts_html.value


def test_typed_details_are_not_thrown_away_by_a_click_on_someone_else(view, session):
    rita, koen = pid(session, "Rita Maes"), pid(session, "Koen")
    view.plot.click(rita)
    view.ed_phone.value = "0470 11 22 33"
    view.plot.click(koen)
    assert view.selected == rita and view.ed_phone.value == "0470 11 22 33"
    assert session.status[1] == "error"
    assert view.save_person()
    assert stored(session).people[rita].phone == "0470 11 22 33"
    view.plot.click(koen)
    assert view.selected == koen
