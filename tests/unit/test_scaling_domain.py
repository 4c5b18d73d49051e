"""Scaling questions, pure: wording, spread, history, labels, the scores table and the two charts."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from facilitation.domain import ops, scaling
from facilitation.domain.model import SCALE_KINDS
from facilitation.figures.scaling import history_figure, line_figure
from facilitation.i18n import has, translate


def words(lang):
    """The reader's words, as a caller hands them to the domain."""
    return lambda key, **params: translate(lang, key, **params)


HOSTILE = "<img src=x onerror=alert(1)>"


def build_case():
    """Jonas (child), Rita (grandmother), Sofie (mother), a neighbour, two professionals; meetings on day 15 and 29 (day 1 is the start date)."""
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    ids = {"jonas": next(iter(case.people))}
    for key, name, rel, sector in (
        ("rita", "Rita Maes", "grootmoeder", "family"),
        ("sofie", "Sofie Maes", "moeder", "family"),
        ("marc", "Marc Peeters", "buurman", "friends"),
        ("an", "An Claes", "consulent", "professional"),
        ("tom", "Tom Wouters", "", "professional"),
    ):
        edit, pid = ops.add_person(case, name, relation=rel, sector=sector)
        case = case.apply(edit)
        ids[key] = pid
    order = [ids[k] for k in ("an", "rita", "jonas", "tom", "sofie", "marc")]
    edit, m1 = ops.add_meeting(case, "network_meeting", "2026-10-15", order)
    case = case.apply(edit)
    edit, m2 = ops.add_meeting(case, "interim_evaluation", "2026-10-29", order)
    case = case.apply(edit)
    edit, sid = ops.add_scale(case, "safety")
    case = case.apply(edit)
    return case, ids, m1, m2, sid


def score(case, sid, mid, pid, value, **answers):
    return case.apply(ops.set_score(case, sid, mid, pid, value, **answers))


@pytest.fixture
def scored():
    case, ids, m1, m2, sid = build_case()
    for key, v in (("jonas", 3), ("rita", 5), ("sofie", 5), ("marc", 7), ("an", 2), ("tom", 4)):
        case = score(case, sid, m1, ids[key], v)
    for key, v in (("jonas", 5), ("rita", 6), ("sofie", 8), ("an", 4), ("tom", 4)):
        case = score(case, sid, m2, ids[key], v)
    return case, ids, m1, m2, sid


# ---- wording ------------------------------------------------------------------------------------


def test_every_kind_has_wording_in_both_languages():
    for kind in SCALE_KINDS:
        w = scaling.wording_keys(kind)
        for key in (w.question, w.low, w.high):
            assert has(key), key
            assert translate("nl", key, name="Sofie") != translate("en", key, name="Sofie")


def test_safety_anchors_are_the_practice_wording():
    w = scaling.wording_keys("safety")
    assert translate("nl", w.high) == (
        "10 betekent: iedereen weet dat de kinderen veilig genoeg zijn om het dossier af te sluiten"
    )
    assert translate("nl", w.low) == "0 betekent: het is zo erg dat de kinderen niet thuis kunnen blijven"
    assert "safe enough for the case to be closed" in translate("en", w.high)
    assert "cannot stay at home" in translate("en", w.low)


def test_parent_scales_name_their_subject():
    assert "Sofie" in translate("nl", scaling.wording_keys("willingness").question, name="Sofie")
    assert scaling.subject_kind("capacity") == "person"
    assert scaling.subject_kind("goal_progress") == "item"
    assert scaling.subject_kind("safety") is None
    with pytest.raises(ValueError):
        scaling.wording_keys("bravery")


def test_scale_titles_and_finding_an_existing_scale():
    case, ids, *_, sid = build_case()
    edit, wid = ops.add_scale(case, "willingness", ids["sofie"])
    case = case.apply(edit)
    edit, fid = ops.add_scale(case, "free", None, "Hoe  goed lukt het ophalen?")
    case = case.apply(edit)
    titles = [scaling.scale_title(case, s, words("nl")) for s in scaling.case_scales(case)]
    assert titles[0] == "Veiligheidsschaal"  # the safety scale first
    assert "Bereidheid · Sofie Maes" in titles
    assert "Hoe goed lukt het ophalen?" in titles
    assert scaling.find_scale(case, "willingness", ids["sofie"]).id == wid
    assert scaling.find_scale(case, "willingness", ids["rita"]) is None
    assert scaling.find_scale(case, "free", None, "hoe goed lukt het   OPHALEN?").id == fid
    assert scaling.find_scale(case, "safety").id == sid


# ---- spread, groups, history ---------------------------------------------------------------------


def test_spread_of_values():
    sp = scaling.Spread.of([7, 3, 5, 4])
    assert (sp.n, sp.low, sp.high, sp.median, sp.width) == (4, 3, 7, 4.5, 4)
    assert scaling.Spread.of([]) == scaling.Spread(0, None, None, None)
    assert scaling.fmt_number(4.5) == "4.5" and scaling.fmt_number(6.0) == "6" and scaling.fmt_number(None) == "–"
    assert scaling.fmt_number(4.5, "nl") == "4,5"  # Flemish decimal comma


def test_summary_splits_family_and_network_from_professionals(scored):
    case, _ids, m1, _m2, sid = scored
    s = scaling.summary(case, sid, m1)
    assert (s["all"].n, s["all"].low, s["all"].high) == (6, 2, 7)
    assert (s["informal"].n, s["informal"].low, s["informal"].high, s["informal"].median) == (4, 3, 7, 5.0)
    assert (s["professional"].low, s["professional"].high, s["professional"].median) == (2, 4, 3.0)


def test_history_in_date_order_with_days(scored):
    case, ids, m1, m2, sid = scored
    pts = scaling.history(case, sid)
    assert [p.meeting.id for p in pts] == [m1, m2]
    assert [p.day for p in pts] == [15, 29]  # day 1 is the start date (the urgent measure), as on the timeline
    assert pts[1].values[ids["sofie"]] == 8 and ids["marc"] not in pts[1].values
    assert (pts[1].spread.low, pts[1].spread.high, pts[1].spread.median) == (4, 8, 5.0)
    edit, m3 = ops.add_meeting(case, "network_meeting", "2026-11-10")
    case = case.apply(edit)
    assert len(scaling.history(case, sid)) == 2
    with_current = scaling.history(case, sid, include=m3)
    assert [p.meeting.id for p in with_current][-1] == m3 and with_current[-1].spread.n == 0


def test_participants_fixed_order_never_by_score(scored):
    case, ids, m1, _m2, sid = scored
    meeting = case.meetings[m1]
    order = scaling.participants(case, meeting, sid, meeting.present)
    # child first, then family and network in attendance order, then professionals in attendance order
    assert order == [ids[k] for k in ("jonas", "rita", "sofie", "marc", "an", "tom")]
    case = score(case, sid, m1, ids["rita"], 10)
    assert scaling.participants(case, meeting, sid, meeting.present) == order


def test_participants_include_someone_who_scored_but_is_not_listed(scored):
    case, ids, _m1, m2, sid = scored
    present = [p for p in case.meetings[m2].present if p != ids["tom"]]
    order = scaling.participants(case, case.meetings[m2], sid, present)
    assert ids["tom"] in order and ids["marc"] in order


# ---- labels -------------------------------------------------------------------------------------


def test_initials_and_roles_hide_names(scored):
    case, ids, *_ = scored
    assert scaling.initials("Rita Maes") == "RM"
    assert scaling.initials("Jonas") == "JO"
    assert scaling.initials("  ") == "?"
    labels = scaling.person_labels(case, list(case.people), "initials", words("nl"))
    assert labels[ids["rita"]] == "RM" and labels[ids["marc"]] == "MP" and labels[ids["sofie"]] == "SM"
    edit, rik = ops.add_person(case, "Rik Mertens")
    case = case.apply(edit)
    labels = scaling.person_labels(case, [ids["rita"], rik], "initials", words("nl"))
    assert labels == {ids["rita"]: "RM 1", rik: "RM 2"}  # equal initials told apart
    roles = scaling.person_labels(case, list(case.people), "roles", words("nl"))
    # Jonas is 17: a young person (jongere from 12, issue 13), not "kind".
    assert roles[ids["rita"]] == "grootmoeder" and roles[ids["jonas"]] == "jongere"
    assert roles[ids["tom"]] == "Professionelen"
    assert scaling.person_labels(case, [ids["tom"]], "roles", words("en"))[ids["tom"]] == "Professionals"


def test_short_labels_use_first_names_and_tell_equal_ones_apart():
    case = ops.new_case("X", "2026-01-01", [("Rita", 9)])
    for name in ("Rita Maes", "Rita Peeters", "Jo"):
        edit, _ = ops.add_person(case, name)
        case = case.apply(edit)
    labels = scaling.short_labels(case, list(case.people), "names", words("nl"))
    assert sorted(labels.values()) == ["Jo", "Rita", "Rita M.", "Rita P."]


# ---- the scores table ---------------------------------------------------------------------------


def test_scores_frame_one_row_per_score(scored):
    case, ids, _m1, m2, sid = scored
    case = score(case, sid, m2, ids["rita"], 6, why_not_lower="=1+1 oma haalt Jonas op", one_point_higher="")
    df = scaling.scores_frame(case, words("nl"))
    assert isinstance(df, pd.DataFrame)
    assert len(df) == len(case.scores) == 11
    assert list(df.columns) == list(scaling.SCORE_COLUMNS)
    assert df["value"].dtype == "int64"
    assert list(df["meeting_date"]) == sorted(df["meeting_date"])
    rita = df[(df.person_id == ids["rita"]) & (df.meeting_id == m2)].iloc[0]
    assert (rita.person, rita.relation, rita.network, rita.value, rita.day) == (
        "Rita Maes",
        "grootmoeder",
        "Gezin en netwerk",
        6,
        29,
    )
    assert rita.why_not_lower.startswith("=1+1")
    assert set(df.scale) == {"Veiligheidsschaal"}
    assert set(df[df.person_id == ids["an"]].network) == {"Professionelen"}
    en = scaling.scores_frame(case, words("en"), headers=True)
    assert "score" in en.columns and "meeting date" in en.columns
    assert set(en["kind of meeting"]) == {"Network meeting", "Interim evaluation"}


def test_scores_frame_of_case_without_scores_is_empty_with_columns():
    case, *_ = build_case()
    df = scaling.scores_frame(case, words("nl"))
    assert df.empty and list(df.columns) == list(scaling.SCORE_COLUMNS)


# ---- the charts ---------------------------------------------------------------------------------


def dots(fig, group):
    return next(t for t in fig["data"] if t.get("meta", {}).get("role") == "dots" and t["meta"]["group"] == group)


def labels_trace(fig, group):
    return next(t for t in fig["data"] if t.get("meta", {}).get("role") == "labels" and t["meta"]["group"] == group)


def test_line_figure_groups_apart_and_stacked_when_equal(scored):
    case, ids, m1, _m2, sid = scored
    fig = line_figure(case, sid, m1, lang="nl", order=case.meetings[m1].present)
    go.Figure(fig)  # valid plotly
    fam = dots(fig, "informal")
    pro = dots(fig, "professional")
    pos = dict(zip(fam["customdata"], zip(fam["x"], fam["y"], strict=False), strict=False))
    assert pos[ids["rita"]] == (5, 1) and pos[ids["sofie"]] == (5, 2)  # equal: stacked
    assert pos[ids["jonas"]] == (3, 1)
    assert all(y > 0 for y in fam["y"]) and all(y < 0 for y in pro["y"])  # family above, professionals below
    assert dict(zip(pro["customdata"], pro["x"], strict=False)) == {ids["an"]: 2, ids["tom"]: 4}
    assert fam["text"] == [str(x) for x in fam["x"]]  # each dot carries its number
    assert fam["marker"]["symbol"] != pro["marker"]["symbol"]
    assert fam["marker"]["color"] != pro["marker"]["color"]
    medians = {t["meta"]["group"]: t for t in fig["data"] if t.get("meta", {}).get("role") == "median"}
    assert medians["informal"]["x"] == [5] and medians["informal"]["y"][0] > 0  # 3, 5, 5, 7
    assert medians["professional"]["x"] == [3.0] and medians["professional"]["y"][0] < 0  # 2, 4
    assert "Midden Professionelen: 3" in medians["professional"]["hovertext"][0]  # one word for it (issue 13)


def test_line_figure_stacks_in_given_order_not_by_score(scored):
    case, ids, m1, _m2, sid = scored
    a = line_figure(case, sid, m1, order=[ids["sofie"], ids["rita"]])
    pos = dict(zip(dots(a, "informal")["customdata"], dots(a, "informal")["y"], strict=False))
    assert pos[ids["sofie"]] == 1 and pos[ids["rita"]] == 2


def test_line_figure_escapes_and_hides_names(scored):
    case, _ids, m1, _m2, sid = scored
    for name in (HOSTILE, "محمد علي", "Zoë 🌈 Ünal", "X" * 200):
        edit, pid = ops.add_person(case, name, relation=HOSTILE, sector="school")
        case = case.apply(edit)
        case = score(case, sid, m1, pid, 9)
    fig = line_figure(case, sid, m1)
    text = json.dumps(fig, ensure_ascii=False)
    assert "<img" not in text and "&lt;img src=x" in text
    assert "محمد" in text and "🌈" in text
    assert all(len(t) <= 17 for t in labels_trace(fig, "informal")["text"])  # long names are shortened
    hidden = json.dumps(line_figure(case, sid, m1, mode="initials"), ensure_ascii=False)
    assert "Rita" not in hidden and "Sofie" not in hidden and "RM" in hidden
    roles = json.dumps(line_figure(case, sid, m1, mode="roles"), ensure_ascii=False)
    assert "Rita" not in roles and "grootmoeder" in roles


def test_line_figure_without_scores_says_so():
    case, _ids, m1, _m2, sid = build_case()
    fig = line_figure(case, sid, m1)
    go.Figure(fig)
    assert any("Nog geen scores" in a["text"] for a in fig["layout"]["annotations"])


def test_history_figure_band_median_and_people(scored):
    case, ids, _m1, m2, sid = scored
    fig = history_figure(case, sid, current=m2)
    go.Figure(fig)
    ticks = fig["layout"]["xaxis"]["ticktext"]
    assert "dag 15" in ticks[0] and "dag 29" in ticks[1] and ticks[1].startswith("<b>")  # day 1 = start
    assert "15/10/2026" in ticks[0]  # dates the Flemish way
    median = next(t for t in fig["data"] if t.get("meta", {}).get("role") == "median")
    assert median["y"] == [4.5, 5.0]
    band = next(t for t in fig["data"] if t.get("fill") == "tonexty")
    assert band["y"] == [2, 4]
    people = [t for t in fig["data"] if t.get("meta", {}).get("role") == "person"]
    assert len(people) == 6
    sofie = next(t for t in people if t["customdata"][0] == ids["sofie"])
    assert sofie["y"] == [5, 8]
    without = history_figure(case, sid, people=False)
    assert not [t for t in without["data"] if t.get("meta", {}).get("role") == "person"]


def test_history_figure_empty():
    case, _ids, _m1, _m2, sid = build_case()
    fig = history_figure(case, sid)
    go.Figure(fig)
    assert "Nog geen scores" in fig["layout"]["annotations"][0]["text"]


def test_history_names_line_ends_at_their_height(scored):
    case, _ids, _m1, m2, sid = scored
    fig = history_figure(case, sid)
    ends = {a["y"]: a["text"] for a in fig["layout"]["annotations"]}
    # who scored what at the last meeting; equal scores share one label at that height
    assert ends == {4: "An, Tom", 5: "Jonas", 6: "Rita", 8: "Sofie"}
    for i in range(10):
        edit, pid = ops.add_person(case, f"Buurvrouw {i}", sector="friends")
        case = case.apply(edit)
        case = score(case, sid, m2, pid, 4)
    crowded = history_figure(case, sid)
    four = next(a["text"] for a in crowded["layout"]["annotations"] if a["y"] == 4)
    assert four.startswith("An, Tom") and four.endswith("+9") and len(four) <= 26
    assert len([t for t in crowded["data"] if t.get("meta", {}).get("role") == "person"]) == 16
