"""Scaling while going round the table (one key per score), and a child's own scale beside the adults'."""

from __future__ import annotations

import pytest

from facilitation.domain import ops
from facilitation.domain.model import Score
from facilitation.store import Store
from facilitation.ui.scaling import ScalingView
from facilitation.ui.session import Session


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "s.sqlite3")


def family(store, children=(("Noor", 10), ("Adam", 6)), adults=10):
    """A case with children and ``adults`` adults, all present at a meeting on day 15."""
    s = Session(store)
    case = ops.new_case("Familie Peeters", "2026-10-01", list(children))
    for n in range(adults):
        sector = "professional" if n >= adults - 2 else "family"
        edit, _ = ops.add_person(
            case, f"Volwassene {n + 1}", relation="tante" if sector == "family" else "consulent", sector=sector
        )
        case = case.apply(edit)
    s.add_case(case)
    edit, mid = ops.add_meeting(s.case, "network_meeting", "2026-10-15", list(s.case.people))
    assert s.do(edit)
    s.set_meeting(mid)
    return s, ScalingView(s), mid


def by_name(s, name):
    return next(p.id for p in s.case.people.values() if p.name == name)


def test_ten_scores_are_ten_key_presses(store):
    s, view, mid = family(store, children=(("Jonas", 17),), adults=9)
    view.ask_safety.click()
    sid = view.scale.id
    order = list(view._row_order)
    assert len(order) == 10
    view._rows[order[0]].widget.act(event="select")  # the first selection (a click or Tab on the name)
    assert view._selected == order[0] and view._rows[order[0]].widget.selected
    for n, key in enumerate(["3", "5", "5", "7", "0", "9", "4", "6", "8", "10"]):
        view.keys.press(f"score:{key}")
        assert view._selected == (order[n + 1] if n + 1 < len(order) else None)  # the next person is chosen
    scores = {pid: s.case.scores[Score.key(sid, mid, pid)].value for pid in order}
    assert list(scores.values()) == [3, 5, 5, 7, 0, 9, 4, 6, 8, 10]
    assert "10 van 10 gescoord" in view.count.value
    # After the round nobody is chosen: a stray digit changes nothing.
    view.keys.press("score:2")
    assert s.case.scores[Score.key(sid, mid, order[-1])].value == 10
    # Arrows go back and forth; a score given again to the same number keeps it and moves on.
    view.keys.press("previous")
    assert view._selected == order[-1]
    view.keys.press("next")
    assert view._selected is None
    view._rows[order[3]].click(7)  # a click too moves the choice on
    assert view._selected == order[4]


def test_a_child_under_12_gets_the_childs_question_not_the_adults(store):
    s, view, mid = family(store)
    view.ask_safety.click()
    noor, adam = by_name(s, "Noor"), by_name(s, "Adam")
    assert noor not in view._row_order and adam not in view._row_order  # the adults' question: adults only
    buttons = {b.description: b for b in view.young.children}
    assert set(buttons) == {"Kindervraag voor Noor", "Kindervraag voor Adam"}
    # Both children named in the adults' question, and the verb agrees.
    assert "iedereen weet dat Noor en Adam veilig genoeg zijn" in view.question.value
    buttons["Kindervraag voor Noor"].click()
    scale = view.scale
    assert (scale.kind, scale.subject) == ("child", noor)
    q = view.question.value
    assert "Noor, hoe veilig voel jij je thuis?" in q and "fac-face-0" in q and "fac-face-10" in q
    assert "Wat maakt dat het dit cijfer" not in q  # no adult follow-up questions for a child
    assert view._row_order == [noor]
    row = view._rows[noor]
    assert row.widget.faces
    row.click(6)
    assert s.case.scores[Score.key(scale.id, mid, noor)].value == 6
    assert view.spread.value == ""  # one child: no "family and network" spread to read
    # Back on the safety scale: her answer beside the adults', never in their spread or on their line.
    safety = next(sc for sc in s.case.scales.values() if sc.kind == "safety")
    view.select_scale(safety.id)
    for pid in view._row_order[:3]:
        view._rows[pid].click(2)
    assert "Wat zeggen de kinderen zelf?" in view.voices.value
    assert "Noor (10): 6" in view.voices.value and "fac-face-6" in view.voices.value
    assert "van 2 tot" not in view.spread.value and "Gezin en netwerk</span>: 2" in view.spread.value
    dots = [t for t in view.line_plot.figure["data"] if t.get("meta", {}).get("role") == "dots"]
    assert noor not in [pid for t in dots for pid in t["customdata"]]
    # Asking again opens the same scale.
    before = len(s.case.scales)
    next(b for b in view.young.children if "Noor" in b.description).click()
    assert len(s.case.scales) == before and view.scale.subject == noor


def test_the_child_question_in_english_and_with_names_hidden(store):
    s, view, _mid = family(store, children=(("Noor", 10),), adults=3)
    view.ask_safety.click()
    assert "dat Noor veilig genoeg is" in view.question.value
    view.names.value = "initials"
    assert "dat het kind veilig genoeg is" in view.question.value and "Noor" not in view.question.value
    assert "Kindervraag voor NO" in [b.description for b in view.young.children]
    s.set_language("en")
    view.names.value = "names"
    assert "everyone knows Noor is safe enough" in view.question.value
    view.young.children[0].click()
    assert "Noor, how safe do you feel at home?" in view.question.value


def test_a_child_of_12_or_older_is_a_young_person_and_answers_the_adults(store):
    s, view, _mid = family(store, children=(("Lotte", 14), ("Bram", 12)), adults=2)
    view.ask_safety.click()
    assert by_name(s, "Lotte") in view._row_order and by_name(s, "Bram") in view._row_order
    assert view.young.children == ()
    view.names.value = "roles"
    assert "dat de jongeren veilig genoeg zijn" in view.question.value


def test_the_new_scale_form_offers_the_childs_scale(store):
    s, view, _mid = family(store, adults=2)
    view.ask_safety.click()
    view.new_scale_btn.click()
    view.ns_kind.value = "child"
    assert [label for label, _ in view.ns_subject.options] == ["Noor", "Adam"]
    view.ns_subject.value = by_name(s, "Adam")
    view.ns_add.click()
    assert view.scale.kind == "child" and view.scale.subject == by_name(s, "Adam")
    assert "Adam, hoe veilig voel jij je thuis?" in view.question.value
