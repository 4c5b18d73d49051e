"""The scaling questions part without a browser: ask, score with one click, answers to the columns, charts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from facilitation.domain import ops
from facilitation.domain.model import Score
from facilitation.store import Store
from facilitation.ui.scaling import ScalingView
from facilitation.ui.session import Session

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "s.sqlite3")


def make_case():
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    ids = {"jonas": next(iter(case.people))}
    for key, name, rel, sector in (
        ("rita", "Rita Maes", "grootmoeder", "family"),
        ("sofie", "Sofie Maes", "moeder", "family"),
        ("marc", "Marc Peeters", "buurman", "friends"),
        ("an", "An Claes", "consulent", "professional"),
    ):
        edit, pid = ops.add_person(case, name, relation=rel, sector=sector)
        case = case.apply(edit)
        ids[key] = pid
    return case, ids


@pytest.fixture
def setup(store):
    """A session on the Maes case at its first network meeting (day 15), everyone present; no scale yet."""
    s = Session(store)
    case, ids = make_case()
    s.add_case(case)
    edit, mid = ops.add_meeting(
        s.case, "network_meeting", "2026-10-15", [ids[k] for k in ("an", "rita", "jonas", "sofie", "marc")]
    )
    assert s.do(edit)
    s.set_meeting(mid)
    view = ScalingView(s)
    return s, view, ids, mid


@pytest.fixture
def asked(setup):
    s, view, ids, mid = setup
    view.ask_safety.click()
    return s, view, ids, mid, view.scale.id


def stored(s):
    return s.store.load(s.case.id)


def stored_scores(s):
    return {k: v.value for k, v in stored(s).scores.items()}


def chosen(view, pid):
    """The score shown as chosen on a person's line (score-row.js marks that button)."""
    value = view._rows[pid].chosen
    return [] if value is None else [value]


def dot_of(view, pid):
    for trace in view.line_plot.figure["data"]:
        if trace.get("meta", {}).get("role") == "dots" and pid in trace["customdata"]:
            i = trace["customdata"].index(pid)
            return trace["x"][i], trace["y"][i]
    return None


def status(s):
    return s.status


# ---- asking -------------------------------------------------------------------------------------


def test_empty_case_offers_the_safety_scale_in_one_click(setup):
    s, view, _ids, _mid = setup
    assert "Nog geen schaalvraag" in view.notice.value
    assert view.ask_safety.layout.display != "none" and view.scoring.layout.display == "none"
    view.ask_safety.click()
    scales = list(stored(s).scales.values())
    assert [sc.kind for sc in scales] == ["safety"]
    q = view.question.value
    # One child, 17: the question names him (issue 13: not "de kinderen" when there is one 17-year-old).
    assert "10 betekent: iedereen weet dat Jonas veilig genoeg is om het dossier af te sluiten" in q
    assert "0 betekent: het is zo erg dat Jonas niet thuis kan blijven" in q
    assert "Wat maakt dat het dit cijfer is en niet lager?" in q and "Wat zou het één punt hoger maken?" in q
    assert view.ask_safety.layout.display == "none" and view.notice.value == ""
    s.set_language("en")
    assert "10 means: everyone knows Jonas is safe enough for the case to be closed" in view.question.value
    assert "0 means: things are so bad that Jonas cannot stay at home" in view.question.value
    assert view.scale_pick.label == "Safety scale"


def test_parent_scale_goal_scale_and_own_question(asked):
    s, view, ids, _mid, _sid = asked
    view.new_scale_btn.click()
    assert view.ns_form.layout.display != "none"
    view.ns_kind.value = "willingness"
    assert view.ns_subject.value == view.ns_subject.options[0][1]  # the first parent is chosen, not nothing
    assert ids["sofie"] in [v for _, v in view.ns_subject.options]
    assert ids["an"] not in [v for _, v in view.ns_subject.options]  # a professional is not a parent
    assert ids["jonas"] not in [v for _, v in view.ns_subject.options]
    view.ns_subject.value = ids["sofie"]
    view.ns_add.click()
    assert view.scale.kind == "willingness" and view.scale.subject == ids["sofie"]
    assert "Hoe bereid is Sofie Maes" in view.question.value
    assert "10 betekent: Sofie Maes wil alles doen wat nodig is" in view.question.value

    # Progress on a safety goal: none yet -> a message, nothing stored.
    n = len(stored(s).scales)
    view.new_scale_btn.click()
    view.ns_kind.value = "goal_progress"
    view.ns_add.click()
    assert status(s)[1] == "error" and "veiligheidsdoel" in status(s)[0]
    assert len(stored(s).scales) == n
    edit, goal = ops.add_item(s.case, "Jonas slaapt elke nacht thuis", element="safety_goal")
    assert s.do(edit)
    assert view.ns_subject.value == goal
    view.ns_add.click()
    assert view.scale.subject == goal and "Jonas slaapt elke nacht thuis" in view.question.value

    # Own question: empty -> message; with words and anchors -> shown as text.
    view.new_scale_btn.click()
    view.ns_kind.value = "free"
    view.ns_question.value = "   "
    view.ns_add.click()
    assert status(s)[1] == "error" and len(stored(s).scales) == n + 1
    view.ns_question.value = f"Hoe goed lukt het ophalen? {HOSTILE}"
    view.ns_low.value = "het lukt nooit"
    view.ns_high.value = "het lukt altijd"
    view.ns_add.click()
    q = view.question.value
    assert "&lt;img src=x" in q and "<img" not in q
    assert "0 betekent: het lukt nooit" in q and "10 betekent: het lukt altijd" in q
    assert len(stored(s).scales) == n + 2

    # Asking the same again picks the existing one.
    view.new_scale_btn.click()
    view.ns_kind.value = "willingness"
    view.ns_subject.value = ids["sofie"]
    view.ns_add.click()
    assert status(s) == (view.t("scaling.exists"), "info")
    assert view.scale.kind == "willingness" and len(stored(s).scales) == n + 2
    labels = [label for label, _ in view.scale_pick.options]
    assert labels[0] == "Veiligheidsschaal" and "Bereidheid · Sofie Maes" in labels


def test_a_child_scale_needs_a_child_chosen(asked):
    # No child chosen (or someone who is not a child): a message, nothing stored.
    s, view, ids, _mid, _sid = asked
    view.ns_kind.value = "safety"
    for subject in (None, ids["sofie"]):
        if subject is None:
            view.ns_subject.value = None
        assert not view.add_scale("child", subject)
        assert status(s) == (view.t("scaling.need_child"), "error")
    assert len(stored(s).scales) == 1
    assert view.add_scale("child", ids["jonas"])
    assert view.scale.kind == "child" and view.scale.subject == ids["jonas"]


def test_too_long_question_is_refused(asked):
    s, view, _ids, _mid, _sid = asked
    view.ns_kind.value = "free"
    view.ns_question.value = "x" * 1001
    assert not view.add_scale()
    assert status(s)[1] == "error" and "1000" in status(s)[0]
    assert len(stored(s).scales) == 1


# ---- recording ----------------------------------------------------------------------------------


def test_one_click_per_person_and_the_chart_follows(asked):
    s, view, ids, mid, sid = asked
    rows = [r.pid for r in view._rows.values() if r.widget in view.rows_box.children]
    # Child first, family and network in attendance order, professionals last.
    assert rows == [ids[k] for k in ("jonas", "rita", "sofie", "marc", "an")]
    rev = view.line_plot.revision
    view._rows[ids["rita"]].click(7)
    assert stored_scores(s) == {Score.key(sid, mid, ids["rita"]): 7}
    assert chosen(view, ids["rita"]) == [7]
    assert view._rows[ids["rita"]].typed_value == "7"
    assert view.line_plot.revision == rev + 1
    assert dot_of(view, ids["rita"]) == (7, 1)
    assert "1 van 5 gescoord" in view.count.value
    assert status(s) == ("Score genoteerd: Rita Maes op 7", "ok")
    view._rows[ids["an"]].click(3)
    view._rows[ids["sofie"]].click(7)
    assert dot_of(view, ids["an"]) == (3, -1)  # professionals below the line
    assert dot_of(view, ids["sofie"]) == (7, 2)  # equal: stacked
    assert "Gezin en netwerk</span>: 7" in view.spread.value and "Professionelen</span>: 3" in view.spread.value


def test_rescoring_replaces_and_undo_brings_back(asked):
    s, view, ids, mid, sid = asked
    row = view._rows[ids["marc"]]
    row.click(6)
    row.click(4)
    assert stored_scores(s) == {Score.key(sid, mid, ids["marc"]): 4}
    assert chosen(view, ids["marc"]) == [4] and dot_of(view, ids["marc"]) == (4, 1)
    assert "van 6 naar 4" in status(s)[0]
    rev = view.line_plot.revision
    row.click(4)  # the same number again changes nothing
    assert view.line_plot.revision == rev and s.can_undo
    assert s.undo()
    assert stored_scores(s) == {Score.key(sid, mid, ids["marc"]): 6}
    assert chosen(view, ids["marc"]) == [6] and dot_of(view, ids["marc"]) == (6, 1)
    assert s.undo()
    assert stored_scores(s) == {} and chosen(view, ids["marc"]) == [] and dot_of(view, ids["marc"]) is None


@pytest.mark.parametrize("typed", ["-1", "11", "7.5", "zeven", "", "   ", "7,5", "٣", "1e1", "0x7", "10" * 400])
def test_typed_score_refuses_what_is_not_0_to_10(asked, typed):
    s, view, ids, _mid, _sid = asked
    row = view._rows[ids["sofie"]]
    row.click(5)
    before = stored_scores(s)
    row.type(typed)
    assert status(s)[1] == "error", typed
    assert stored_scores(s) == before
    assert row.typed_value == "5" and chosen(view, ids["sofie"]) == [5]


def test_typed_score_records_like_a_click(asked):
    s, view, ids, mid, sid = asked
    row = view._rows[ids["jonas"]]
    row.type(" 8 ")
    assert stored_scores(s) == {Score.key(sid, mid, ids["jonas"]): 8}
    assert chosen(view, ids["jonas"]) == [8] and row.typed_value == "8"
    row.type("0")
    assert stored_scores(s)[Score.key(sid, mid, ids["jonas"])] == 0 and dot_of(view, ids["jonas"]) == (0, 1)


@pytest.mark.parametrize("value", [None, 7.5, -1, 11, True, [7], {"v": 7}])
def test_wrong_types_get_a_message(asked, value):
    s, view, ids, _mid, _sid = asked
    assert not view.record(ids["rita"], value)
    assert status(s)[1] == "error" and stored_scores(s) == {}


def test_clear_a_score_and_undo(asked):
    s, view, ids, mid, sid = asked
    row = view._rows[ids["an"]]
    assert row.chosen is None  # nothing to clear yet (score-row.js disables the button)
    row.click(2)
    assert row.chosen == 2
    row.press_clear()
    assert stored_scores(s) == {} and chosen(view, ids["an"]) == [] and row.typed_value == ""
    assert s.undo()
    assert stored_scores(s) == {Score.key(sid, mid, ids["an"]): 2} and chosen(view, ids["an"]) == [2]


def test_no_meeting_no_scoring_but_history(asked):
    s, view, ids, mid, sid = asked
    view._rows[ids["rita"]].click(5)
    s.set_meeting(None)
    assert "Start eerst een overleg" in view.notice.value
    assert view.rows_box.children == ()
    assert not view.record(ids["rita"], 6)
    assert stored_scores(s) == {Score.key(sid, mid, ids["rita"]): 5}
    assert view.history_box.layout.display != "none"
    med = next(t for t in view.history_plot.figure["data"] if t.get("meta", {}).get("role") == "median")
    assert med["y"] == [5]


# ---- answers ------------------------------------------------------------------------------------


def test_answers_are_stored_and_become_items(asked):
    s, view, ids, mid, sid = asked
    row = view._rows[ids["rita"]]
    row.toggle_answers(True)
    assert row.panel is None  # score first
    row.click(6)
    row.toggle_answers(True)
    assert row.panel is not None and row.panel.layout.display != "none"
    row.why.value = "Oma haalt Jonas elke dag op"
    assert stored(s).scores[Score.key(sid, mid, ids["rita"])].why_not_lower == "Oma haalt Jonas elke dag op"
    assert "Niet lager omdat" in row.widget.answers_html
    row.to_strength.click()
    items = [i for i in stored(s).items.values() if i.text == "Oma haalt Jonas elke dag op"]
    assert len(items) == 1
    item = items[0]
    assert (item.element, item.author, item.meeting, item.column) == ("strength", ids["rita"], mid, "working_well")
    assert row.to_strength.disabled and "✓" in row.to_strength.description
    assert "Wat gaat er goed?" in status(s)[0]

    # One point higher -> needs to happen (next step); typed and sent in one go.
    row.higher.value = "Als mama de afspraken met de school nakomt"
    row.to_next.click()
    item = next(i for i in stored(s).items.values() if i.element == "next_step")
    assert (item.text, item.author, item.meeting) == ("Als mama de afspraken met de school nakomt", ids["rita"], mid)
    assert stored(s).scores[Score.key(sid, mid, ids["rita"])].one_point_higher == item.text
    # Changing one's mind about the number keeps the answers.
    row.click(7)
    sc = stored(s).scores[Score.key(sid, mid, ids["rita"])]
    assert (sc.value, sc.why_not_lower) == (7, "Oma haalt Jonas elke dag op")
    # Undo takes the item and the answer back together.
    assert s.undo() and s.undo()
    assert not [i for i in stored(s).items.values() if i.element == "next_step"]


def test_empty_or_huge_answer_is_refused(asked):
    s, view, ids, mid, sid = asked
    row = view._rows[ids["marc"]]
    row.click(4)
    row.toggle_answers(True)
    n_items = len(stored(s).items)
    row.to_next.click()
    assert status(s) == (view.t("scaling.answer_empty"), "error") and len(stored(s).items) == n_items
    row.why.value = "x" * 10_001
    assert status(s)[1] == "error"
    assert stored(s).scores[Score.key(sid, mid, ids["marc"])].why_not_lower == ""
    assert row.why.value == "x" * 10_001  # what was typed stays to be shortened
    row.to_strength.click()
    assert status(s)[1] == "error" and len(stored(s).items) == n_items


def test_answer_needs_a_score(asked):
    s, view, ids, _mid, _sid = asked
    assert not view.save_answer(ids["sofie"], "why_not_lower", "iets")
    assert status(s)[1] == "error"
    assert not view.answer_to_item(ids["sofie"], "why_not_lower")


# ---- names, hostile text, languages -------------------------------------------------------------


def test_hidden_names_on_rows_and_chart(asked):
    s, view, ids, _mid, _sid = asked
    for k, v in (("rita", 5), ("sofie", 6), ("an", 3)):
        view._rows[ids[k]].click(v)
    view.names.value = "initials"
    shown = (
        " ".join(r.widget.name_html for r in view._rows.values())
        + json.dumps(view.line_plot.figure)
        + json.dumps(view.history_plot.figure)
    )
    assert "Rita" not in shown and "Sofie" not in shown and "An Claes" not in shown
    assert "RM" in view._rows[ids["rita"]].widget.name_html
    view._rows[ids["rita"]].click(8)
    assert "Rita" not in status(s)[0] and "RM" in status(s)[0]
    view.names.value = "roles"
    shown = " ".join(r.widget.name_html for r in view._rows.values()) + json.dumps(view.line_plot.figure)
    assert "Rita" not in shown and "grootmoeder" in shown and "consulent" in shown
    view.names.value = "names"
    assert "Rita Maes" in view._rows[ids["rita"]].widget.name_html


@pytest.mark.parametrize("name", [HOSTILE, "محمد علي", "Zoë 🌈 Ünal-Ærøskøbing", "Ä" * 200])
def test_names_render_as_text(store, name):
    s = Session(store)
    case, ids = make_case()
    edit, pid = ops.add_person(case, name, relation=HOSTILE, sector="school")
    case = case.apply(edit)
    s.add_case(case)
    edit, mid = ops.add_meeting(s.case, "network_meeting", "2026-10-15", [pid, ids["an"]])
    s.do(edit)
    s.set_meeting(mid)
    view = ScalingView(s)
    view.ask_safety.click()
    row = view._rows[pid]
    row.click(9)
    row.toggle_answers(True)
    row.why.value = HOSTILE
    html = row.widget.name_html + row.widget.answers_html
    assert "<img" not in html and "&lt;img" in html
    fig = json.dumps(view.line_plot.figure, ensure_ascii=False) + json.dumps(
        view.history_plot.figure, ensure_ascii=False
    )
    assert "<img" not in fig
    if name != HOSTILE:
        assert name[:8] in row.widget.name_html
    assert dot_of(view, pid) == (9, 1)


def test_language_switch_keeps_typed_answer(asked):
    s, view, ids, _mid, _sid = asked
    row = view._rows[ids["sofie"]]
    row.click(5)
    row.toggle_answers(True)
    row._quiet = True  # typed in the browser, not yet sent (no blur yet)
    row.higher.value = "Als de buurman mee oplet"
    row._quiet = False
    s.set_language("en")
    assert row.higher.value == "Als de buurman mee oplet"
    assert row.to_next.description == "→ What needs to happen?"
    assert row.widget.clear_label == "Clear"
    assert view.names.options[0][0] == "Names"
    assert "Family and network" in json.dumps(view.line_plot.figure)


# ---- other screens, history, export -------------------------------------------------------------


def test_score_from_another_screen_shows(asked, store):
    s, view, ids, mid, sid = asked
    other = Session(store)
    other.open_case(s.case.id)
    assert other.do(lambda case: ops.set_score(case, sid, mid, ids["marc"], 9))
    assert s.sync()
    assert chosen(view, ids["marc"]) == [9] and dot_of(view, ids["marc"]) == (9, 1)


def test_history_across_meetings(asked):
    s, view, ids, mid, _sid = asked
    for k, v in (("rita", 3), ("sofie", 4), ("an", 2)):
        view._rows[ids[k]].click(v)
    edit, m2 = ops.add_meeting(s.case, "interim_evaluation", "2026-10-29", list(s.case.meetings[mid].present))
    assert s.do(edit)
    s.set_meeting(m2)
    assert all(chosen(view, pid) == [] for pid in view._row_order)  # a new meeting starts empty
    for k, v in (("rita", 6), ("sofie", 7), ("an", 5)):
        view._rows[ids[k]].click(v)
    fig = view.history_plot.figure
    ticks = fig["layout"]["xaxis"]["ticktext"]
    assert "dag 15" in ticks[0] and "dag 29" in ticks[1]  # day 1 is the start date (issue 13), as the timeline
    med = next(t for t in fig["data"] if t.get("meta", {}).get("role") == "median")
    assert med["y"] == [3, 6]
    view.history_people.value = False
    assert not [t for t in view.history_plot.figure["data"] if t.get("meta", {}).get("role") == "person"]


def test_scores_as_csv_next_to_the_store(asked, tmp_path):
    s, view, ids, _mid, _sid = asked
    view.csv_btn.click()
    assert status(s) == (view.t("scaling.csv_none"), "info")
    view._rows[ids["rita"]].click(5)
    view._rows[ids["rita"]].toggle_answers(True)
    view._rows[ids["rita"]].why.value = "=HYPERLINK(1) oma"
    view._rows[ids["an"]].click(3)
    path = Path(view.save_csv())
    assert path.parent == tmp_path / "exports" and path.exists()
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 2
    rita = next(r for r in rows if r["persoon"] == "Rita Maes")
    assert rita["score"] == "5" and rita["niet lager omdat"].startswith("'=")  # no formula in Excel
    assert "download=" in view.csv_out.value and "fac-csv-link" in view.csv_out.value
    assert "fac-professional-only" in view.csv_btn._dom_classes


def test_person_removed_from_case_disappears(asked):
    s, view, ids, _mid, _sid = asked
    view._rows[ids["marc"]].click(4)
    assert s.do(lambda case: ops.remove_person(case, ids["marc"]))
    assert ids["marc"] not in view._row_order and dot_of(view, ids["marc"]) is None


def test_chart_only_hides_the_input(asked):
    _s, view, ids, _mid, _sid = asked
    view._rows[ids["rita"]].click(5)
    view.chart_only.value = True
    assert view.rows_box.layout.display == "none" and view.count.layout.display == "none"
    assert view.line_plot.layout.display != "none" and dot_of(view, ids["rita"]) == (5, 1)
    view.chart_only.value = False
    assert view.rows_box.layout.display == "" and view.count.layout.display == ""


def test_spread_is_said_in_plain_words(asked):
    s, view, ids, _mid, _sid = asked
    view._rows[ids["rita"]].click(5)
    view._rows[ids["sofie"]].click(6)
    # On the family's screen: from lowest to highest, no statistics words (issue 13).
    assert "van 5 tot 6" in view.spread.value and "mediaan" not in view.spread.value
    s.set_language("en")
    assert "from 5 to 6" in view.spread.value and "median" not in view.spread.value


def test_own_wording_of_any_scale_is_shown(asked, store):
    s, view, _ids, _mid, sid = asked
    assert s.do(lambda case: ops.update(case, "scale", sid, question="Hoe veilig is Jonas nu, thuis bij mama?"))
    assert "Hoe veilig is Jonas nu, thuis bij mama?" in view.question.value
    assert "10 betekent: iedereen weet" in view.question.value  # the standard anchors stay
