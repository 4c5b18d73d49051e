"""The network: its graph and facts, the stable layout, the map's operations, and the plotly figure."""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass
from typing import Any

import pytest

from facilitation import palette
from facilitation.domain import Case, ValidationError, ops
from facilitation.domain import network as net
from facilitation.figures import map_layout as lay
from facilitation.figures import map_seats
from facilitation.figures.network import clusters, network_figure, plot_text, shorten

HOSTILE = "<img src=x onerror=alert(1)>"


def add(case: Case, name: str, **fields: Any) -> tuple[Case, str]:
    edit, pid = ops.add_person(case, name, **fields)
    return case.apply(edit), pid


def nudge(case: Case, pid: str, dx: int, dy: int) -> Any:
    """One press of an arrow button, as the editor does it."""
    x, y = lay.nudged(lay.layout(case)[pid], dx, dy)
    return net.place_by_hand(case, pid, x, y)


def tie(case: Case, a: str, b: str, kind: str = "support") -> Case:
    edit, _ = ops.add_tie(case, a, b, kind)
    return case.apply(edit)


@pytest.fixture
def family() -> tuple[Case, dict[str, str]]:
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    ids = {"jonas": case.children()[0].id}
    for key, name, fields in (
        ("rita", "Rita", dict(sector="family", closeness=1, knowledge="all", in_safety_network=True)),
        ("koen", "Koen", dict(sector="friends", closeness=2, knowledge="some", in_safety_network=True)),
        ("lies", "Lies", dict(sector="family", closeness=2, age=12)),
        ("ilse", "Ilse", dict(sector="professional", closeness=3, knowledge="all")),
        ("marc", "Marc", dict(sector="school", closeness=3)),
    ):
        case, ids[key] = add(case, name, **fields)
    case = tie(case, ids["rita"], ids["jonas"], "support")
    case = tie(case, ids["koen"], ids["jonas"], "support")
    case = tie(case, ids["rita"], ids["koen"], "conflict")
    case = tie(case, ids["rita"], ids["koen"], "family")
    case = tie(case, ids["ilse"], ids["jonas"], "family")
    return case, ids


# ---- graph and facts ------------------------------------------------------------------------------


def test_graph_has_everyone_and_merges_ties_between_a_pair(family):
    case, ids = family
    g = net.network_graph(case)
    assert set(g.nodes) == set(case.people)
    assert g.edges[ids["rita"], ids["koen"]]["kinds"] == {"conflict", "family"}
    assert g.nodes[ids["ilse"]]["informal"] is False


def test_facts_count_what_the_meeting_needs(family):
    case, ids = family
    edit, _ = ops.add_agreement(case, "Marc haalt Jonas op", owner=ids["marc"])
    case = case.apply(edit)
    f = net.facts(case)
    assert f.people == 5
    assert f.informal_adults == 3  # Rita, Koen, Marc; Lies is 12, Ilse is a professional
    assert f.informal_adult_ids == (ids["koen"], ids["marc"], ids["rita"])
    assert f.know_worries == 2 and f.know_some == 1 and f.know_nothing == 2
    assert f.in_safety_network == 2 and f.safety_network_informal_adults == 2
    assert f.isolated == (ids["lies"], ids["marc"])
    assert f.child_supports == (ids["koen"], ids["rita"])
    assert f.supports_by_child == {ids["jonas"]: (ids["koen"], ids["rita"])}
    # Koen is in the safety network knowing only some; Marc carries an agreement knowing nothing.
    assert f.not_told == (ids["koen"], ids["marc"])
    assert f.conflicts == ((ids["koen"], ids["rita"]),)


def test_facts_of_an_empty_network():
    case = ops.new_case("Leeg", "2026-10-01", [("Noor", 3)])
    f = net.facts(case)
    assert (f.people, f.informal_adults, f.in_safety_network, f.isolated, f.not_told) == (0, 0, 0, (), ())
    assert f.supports_by_child == {case.children()[0].id: ()}


# ---- the layout -----------------------------------------------------------------------------------


@dataclass
class Logged:
    seq: int
    kind: str
    id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class Log:
    """A case with the log of its edits, as the store keeps it (for the seat book)."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.rows: list[Logged] = []

    def do(self, edit: Any) -> None:
        self.case = self.case.apply(edit)
        for ch in edit.changes:
            self.rows.append(Logged(len(self.rows) + 1, ch.kind, ch.id, ch.before, ch.after))

    def places(self, book: map_seats.SeatBook | None = None) -> dict[str, lay.Placement]:
        book = book or map_seats.SeatBook()
        book.start(self.case, self.rows)
        return lay.layout(self.case, book.seats(self.case))


def xy(places: dict[str, lay.Placement]) -> dict[str, tuple[float, float]]:
    return {pid: (p.x, p.y) for pid, p in places.items()}


def test_adding_people_never_moves_anyone_else():
    log = Log(ops.new_case("Stabiel", "2026-10-01", [("Jonas", 17)]))
    cells = list(itertools.product(("family", "friends", "school", "professional"), (1, 2, 3)))
    before = xy(log.places())
    for i in range(40):
        sector, ring = cells[(i * 5) % len(cells)]
        edit, _pid = ops.add_person(log.case, f"Persoon {i:02d}", sector=sector, closeness=ring)
        log.do(edit)
        after = xy(log.places())
        moved = {k for k in before if before[k] != after[k]}
        # Only a quarter that just became crowded is re-seated densely (its names get shorter).
        dense_now = {
            p.sector for p in log.case.people.values() if not p.is_child and lay.layout(log.case, None)[p.id].room == 1
        }
        assert all(log.case.people[k].sector in dense_now for k in moved), (i, moved)
        before = after


def test_a_new_person_in_a_roomy_cell_takes_a_free_seat_and_nobody_moves():
    log = Log(ops.new_case("Stabiel", "2026-10-01", [("Jonas", 17)]))
    for name in ("Zoë", "Anna", "Mo"):  # added in this order; Anna sorts first by name and by nothing else
        edit, _ = ops.add_person(log.case, name, sector="family", closeness=2)
        log.do(edit)
        before = xy(log.places())
    edit, _ = ops.add_person(log.case, "Aaron", sector="family", closeness=2)
    log.do(edit)
    after = xy(log.places())
    assert {k: after[k] for k in before} == before


def test_removal_leaves_a_gap_and_undo_puts_the_person_back_on_their_seat():
    log = Log(ops.new_case("Stabiel", "2026-10-01", [("Jonas", 17)]))
    pids = []
    for name in ("A", "B", "C", "D"):
        edit, pid = ops.add_person(log.case, name, sector="friends", closeness=3)
        log.do(edit)
        pids.append(pid)
    full = xy(log.places())
    removal = ops.remove_person(log.case, pids[1])
    log.do(removal)
    without = xy(log.places())
    assert pids[1] not in without
    assert all(without[p] == full[p] for p in without)
    log.do(removal.inverse())
    assert xy(log.places()) == full


def test_moving_to_another_ring_takes_a_free_seat_there_and_back_again():
    log = Log(ops.new_case("Stabiel", "2026-10-01", [("Jonas", 17)]))
    pids = []
    for name, ring in (("A", 1), ("B", 1), ("C", 2), ("D", 2)):
        edit, pid = ops.add_person(log.case, name, sector="school", closeness=ring)
        log.do(edit)
        pids.append(pid)
    start = xy(log.places())
    move = net.move_person(log.case, pids[0], closeness=2)
    log.do(move)
    moved = xy(log.places())
    assert all(moved[p] == start[p] for p in pids[1:])
    assert moved[pids[0]] != start[pids[0]]
    log.do(move.inverse())
    assert xy(log.places()) == start


def test_a_move_shown_before_it_is_logged_seats_the_person_where_the_log_will():
    """The screen shows an edit while it is committed (issue 16.8): the map drawn then puts someone moving back
    to their ring on their former seat, as after the commit, not on a lower free one (a jump later)."""
    log = Log(ops.new_case("Stabiel", "2026-10-01", [("Jonas", 17)]))
    pids = []
    for name in ("A", "B", "C"):
        edit, pid = ops.add_person(log.case, name, sector="school", closeness=1)
        log.do(edit)
        pids.append(pid)
    a, b, _c = pids
    log.do(net.move_person(log.case, a, closeness=2))  # seat 0 of ring 1 free
    log.do(net.move_person(log.case, b, closeness=2))  # and B's seat 1
    book = map_seats.SeatBook()
    book.start(log.case, log.rows)
    log.do(net.move_person(log.case, b, closeness=1))  # on screen, not yet in the book
    shown = book.seats(log.case)
    book.replay(log.rows)
    assert shown == book.seats(log.case) and shown[b] == 1


def test_an_imported_case_is_seated_the_same_every_time():
    case = ops.new_case("Import", "2026-10-01", [("Lina", 10), ("Noah", 1)])
    for i in range(12):
        case, _ = add(case, f"P{i}", sector=("family", "friends", "school", "professional")[i % 4], closeness=1 + i % 3)
    a = xy(lay.layout(case))
    book = map_seats.SeatBook()
    book.start(case, [])
    assert xy(lay.layout(case, book.seats(case))) == a
    # Reversed record order (another store, another load): the same map.
    shuffled = Case.from_records(reversed([r for kind in case.records.values() for r in kind.values()]))
    assert xy(lay.layout(shuffled)) == a


def test_every_person_has_their_own_place_and_children_are_in_the_middle():
    case = ops.new_case("Vol", "2026-10-01", [("Lina", 10), ("Noah", 1), ("Mila", 6)])
    for i in range(60):
        case, _ = add(case, f"P{i}", sector="professional", closeness=3)
    places = lay.layout(case)
    spots = [(round(p.x, 3), round(p.y, 3)) for p in places.values()]
    assert len(set(spots)) == len(spots)
    for kid in case.children():
        assert abs(places[kid.id].x) < 2.5 and abs(places[kid.id].y) < 1.0
    for pid, p in places.items():
        if not case.people[pid].is_child:
            assert p.x < 0 and p.y < 0  # professionals: bottom left


@pytest.mark.parametrize("n_children", [1, 2, 3])
@pytest.mark.parametrize("dense", [False, True])
def test_names_of_roomy_seats_never_overlap(n_children, dense):
    size = lay.LABEL_DENSE if dense else lay.LABEL
    boxes = []
    for sector in lay.WEDGES:
        for ring in (1, 2, 3):
            for s in lay.seats_of_cell(sector, ring, n_children, dense):
                if s.room < 2:
                    boxes.append(lay._box(s.x, s.y, size, s.side))
    assert len(boxes) > 40
    for a, b in itertools.combinations(boxes, 2):
        assert not lay._overlap(a, b)
    for b in boxes:
        assert not lay._overlap(b, lay.child_zone(n_children))
        assert b[0] >= -lay.MAP_X and b[1] <= lay.MAP_X and b[2] >= -lay.MAP_Y and b[3] <= lay.MAP_Y


# ---- operations -----------------------------------------------------------------------------------


def test_nudge_moves_by_hand_and_put_back_returns_to_the_seat(family):
    case, ids = family
    home = lay.layout(case)[ids["koen"]]
    case = case.apply(nudge(case, ids["koen"], 1, 0))
    p = case.people[ids["koen"]]
    assert p.x == pytest.approx(home.x + lay.NUDGE, abs=1e-3) and p.y == pytest.approx(home.y, abs=1e-3)
    assert lay.layout(case)[ids["koen"]].manual
    for _ in range(100):  # never off the map
        case = case.apply(nudge(case, ids["koen"], 1, 1))
    assert case.people[ids["koen"]].x <= lay.X_LIMIT and case.people[ids["koen"]].y <= lay.Y_LIMIT
    case = case.apply(net.put_back(case, ids["koen"]))
    assert lay.layout(case)[ids["koen"]] == home


def test_moving_to_another_sector_lets_go_of_a_hand_made_position(family):
    case, ids = family
    case = case.apply(nudge(case, ids["marc"], -1, 0))
    case = case.apply(net.move_person(case, ids["marc"], sector="friends", closeness=1))
    m = case.people[ids["marc"]]
    assert (m.sector, m.closeness, m.x, m.y) == ("friends", 1, None, None)
    with pytest.raises(ValidationError):
        net.move_person(case, ids["marc"], closeness=4)
    with pytest.raises(ValidationError):
        net.move_person(case, ids["marc"], sector="moon")


def test_tie_edits_refuse_a_duplicate(family):
    case, _ids = family
    conflict = next(t for t in case.ties.values() if t.kind == "conflict")
    with pytest.raises(ValidationError) as e:
        net.edit_tie(case, conflict.id, kind="family")  # Rita and Koen already have a family tie
    assert e.value.code == "tie_exists"
    case = case.apply(net.edit_tie(case, conflict.id, kind="broken", note="  sinds de zomer "))
    assert (case.ties[conflict.id].kind, case.ties[conflict.id].note) == ("broken", "sinds de zomer")
    case = case.apply(net.remove_tie(case, conflict.id))
    assert conflict.id not in case.ties


@pytest.mark.parametrize("typed,expected", [("", None), (" 42 ", 42), (0, 0), (None, None)])
def test_age_as_typed(typed, expected):
    assert net.parse_age(typed) == expected


@pytest.mark.parametrize("typed", ["veertig", "-3", "121", "4.5", True, "٣"])
def test_age_that_is_not_an_age(typed):
    with pytest.raises(ValidationError):
        net.parse_age(typed)


def test_edit_person_validates_and_strips(family):
    case, ids = family
    case = case.apply(net.edit_person(case, ids["rita"], name="  Oma Rita ", relation=" grootmoeder "))
    assert (case.people[ids["rita"]].name, case.people[ids["rita"]].relation) == ("Oma Rita", "grootmoeder")
    for bad in ("", "   ", "x" * 201):
        with pytest.raises(ValidationError):
            net.edit_person(case, ids["rita"], name=bad)
    with pytest.raises(ValidationError):
        net.set_knowledge(case, ids["rita"], "everything")


# ---- the figure -----------------------------------------------------------------------------------


def trace(fig: dict[str, Any], name: str) -> dict[str, Any]:
    return next(t for t in fig["data"] if t.get("name") == name)


def test_user_text_reaches_plotly_escaped():
    case = ops.new_case("Familie <b>X</b>", "2026-10-01", [(HOSTILE, 9)])
    case, pid = add(case, HOSTILE, relation="<script>alert(1)</script> & co")
    case, other = add(case, "Jan", sector="friends")
    edit, _ = ops.add_tie(case, pid, other, "conflict", note="<i>ruzie</i>")
    case = case.apply(edit)
    fig = network_figure(case, "nl")
    blob = json.dumps(fig)
    assert "<img" not in blob and "<script" not in blob and "<i>" not in blob
    assert "&lt;img src=x onerror=alert(1)&gt;" in trace(fig, "people")["hovertext"][0]
    assert "&amp; co" in trace(fig, "people")["hovertext"][0]
    assert "&lt;i&gt;ruzie&lt;/i&gt;" in trace(fig, "ties")["hovertext"][0]


def test_long_names_shorten_to_first_name_and_initial_and_are_whole_in_the_hover():
    long = "Grootmoeder " + "Wilhelmina-" * 17 + "Z"
    assert len(long) == 200
    case = ops.new_case("Lang", "2026-10-01", [("Jonas", 17)])
    case, pid = add(case, long)
    fig = network_figure(case, "nl")
    people = trace(fig, "people")
    assert people["text"][0] == "Grootmoeder W."
    assert fig["layout"]["meta"]["shortened"] == [[pid, "Grootmoeder W."]]
    hover = people["hovertext"][0]
    assert long in hover.replace("<br>", "").replace("<b>", "").replace("</b>", "")
    assert all(len(line) <= 60 for line in hover.split("<br>"))  # wrapped, not one 200-character line


@pytest.mark.parametrize("name", ["Zoë Dubois-Éléonore", "جدة فاطمة", "Oma 👵🏽 Rita", "Mama 👩‍👩‍👧"])
def test_accents_arabic_and_emoji_are_kept(name):
    case = ops.new_case("Tekens", "2026-10-01", [("Jonas", 17)])
    case, _ = add(case, name)
    fig = network_figure(case, "nl")
    assert trace(fig, "people")["text"] == [name]


def test_shortening_never_splits_what_a_reader_sees_as_one_character():
    assert clusters("e\u0301te") == ["e\u0301", "t", "e"]
    assert clusters("👩‍👩‍👧x") == ["👩‍👩‍👧", "x"]
    assert clusters("👵🏽!") == ["👵🏽", "!"]
    assert shorten("Rene\u0301e Peeters", 5) == "Rene\u0301…"
    assert shorten("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", 2) == "👩‍👩‍👧…"
    assert shorten("  twee\nregels  ", 20) == "twee regels"
    assert plot_text("a<b>&c") == "a&lt;b&gt;&amp;c"


def test_conflict_is_red_and_dashed_support_green_and_solid(family):
    case, _ = family
    fig = network_figure(case, "nl")
    conflict, support = trace(fig, "tie-conflict"), trace(fig, "tie-support")
    assert conflict["line"]["dash"] == "dash" and conflict["line"]["color"] == palette.TIE["conflict"]
    assert support["line"]["dash"] == "solid" and support["line"]["color"] == palette.TIE["support"]
    # Two ties between Rita and Koen are drawn side by side, not on top of each other.
    family_tie = trace(fig, "tie-family")
    assert family_tie["x"][:2] != conflict["x"][:2]


def test_people_carry_their_id_and_the_map_shows_who_knows_what(family):
    case, ids = family
    fig = network_figure(case, "nl", selected=ids["koen"])
    people = trace(fig, "people")
    assert set(people["customdata"]) == set(case.people) - {ids["jonas"]}
    assert trace(fig, "children")["customdata"] == [ids["jonas"]]
    marks = trace(fig, "people-marks")
    assert (marks["x"], marks["y"]) == (people["x"], people["y"])
    symbol = dict(zip(people["customdata"], marks["marker"]["symbol"], strict=True))
    assert symbol[ids["rita"]] == "circle" and symbol[ids["koen"]] == "circle-open-dot"
    assert symbol[ids["marc"]] == "circle-open" and symbol[ids["ilse"]] == "square"
    assert len(trace(fig, "to-tell")["x"]) == 1  # Koen: in the safety network, knows only some
    assert len(trace(fig, "safety")["x"]) == 1  # Rita
    assert len(trace(fig, "selected")["x"]) == 1


def test_tie_filters(family):
    case, ids = family
    names = lambda fig: {t["name"] for t in fig["data"]}  # noqa: E731
    assert "tie-family" in names(network_figure(case, "nl"))
    assert "tie-family" not in names(network_figure(case, "nl", ties="strong"))
    only = network_figure(case, "nl", ties="selected", selected=ids["ilse"])
    assert {n for n in names(only) if n.startswith("tie-")} == {"tie-family"}


def test_names_grow_on_a_large_screen_and_with_the_text_size():
    case = ops.new_case("Groot", "2026-10-01", [("Jonas", 17)])
    case, _ = add(case, "Marleen Goossens-Vandenbroucke", sector="friends", closeness=3)
    small = trace(network_figure(case, "nl"), "people")
    large = trace(network_figure(case, "nl", screen=(1200, 760)), "people")
    larger = trace(network_figure(case, "nl", screen=(1200, 760), text_size=2), "people")
    assert small["textfont"]["size"] < large["textfont"]["size"] < larger["textfont"]["size"]
    assert len(large["text"][0]) >= len(small["text"][0])


def test_the_map_speaks_the_language():
    case = ops.new_case("Taal", "2026-10-01", [("Jonas", 17)])
    nl, en = network_figure(case, "nl"), network_figure(case, "en")

    def texts(fig):  # every text on the map: its notes and its text points
        points = [x for t in fig["data"] if "text" in t["mode"] for x in t["text"]]
        return " ".join([a["text"] for a in fig["layout"]["annotations"]] + points)

    assert "Vrienden en buren" in texts(nl) and "Friends and neighbours" in texts(en)
    assert "Nog niemand" in texts(nl)  # an empty map says what to do


def test_a_large_network_is_drawn_whole():
    from facilitation.samples import large_case

    case = large_case()
    fig = network_figure(case, "nl")
    people = trace(fig, "people")
    assert sorted(people["customdata"]) == sorted(p.id for p in case.people.values() if not p.is_child)
    drawn = sum(len([x for x in t["x"] if x is None]) for t in fig["data"] if t["name"].startswith("tie-"))
    assert drawn == len(case.ties)
    json.dumps(fig)  # plain JSON for the widget


def test_a_name_set_apart_leaves_a_space_so_plotly_draws_it_again_later():
    """plotly.js does not draw a point's text after ``Plotly.react`` changed it from empty to a name."""
    from facilitation.samples import large_case

    fig = network_figure(large_case(), "nl", screen=(600, 436))
    people = trace(fig, "people")
    apart = trace(fig, "apart")["text"]
    assert apart  # a full map at 1024×768 sets some names apart
    assert "" not in people["text"] and people["text"].count(" ") == len(apart)


def test_the_texts_on_a_full_map_are_text_points_not_annotations():
    """plotly.js measures every layout annotation in the page (a forced layout each, one more for an arrow):
    on the large map that was about half of its drawing. Its texts are points of text traces."""
    from facilitation.figures.map_parts import Screen
    from facilitation.samples import large_case

    case = large_case()
    present = [p.id for p in case.people.values()][:12]
    fig = network_figure(case, "nl", screen=(600, 436), present=present)
    assert fig["layout"]["annotations"] == []
    names = {t["name"]: t for t in fig["data"]}
    assert "✔" in names["badges"]["text"] and "Professionelen" in " ".join(names["map-texts"]["text"])
    apart, lines = names["apart"], names["apart-lines"]
    assert len(apart["text"]) >= 3
    # Each name set apart has its line: from the edge of the name to just short of the marker.
    scr = Screen(600, 436)
    people = trace(fig, "people")
    markers = [scr.px(x, y) for x, y in zip(people["x"], people["y"], strict=True)]
    ends = [scr.px(x, y) for x, y in zip(lines["x"], lines["y"], strict=True) if x is not None]
    assert len(ends) == 2 * len(apart["text"])
    centres = [scr.px(x, y) for x, y in zip(apart["x"], apart["y"], strict=True)]
    for (x0, y0), (x1, y1), (tx, ty) in zip(ends[::2], ends[1::2], centres, strict=True):
        # half a marker and 1 px from a marker
        assert any(abs(math.dist(m, (x1, y1)) - 8.5) < 0.01 for m in markers)
        assert 0 < math.dist((x0, y0), (tx, ty)) < math.dist((x1, y1), (tx, ty))


@pytest.mark.parametrize("screen", [(295, 220), (420, 300), (600, 436), (1248, 560)])
def test_the_ring_and_sector_names_fit_on_the_map(screen):
    """On a small map (two compared side by side at 1024×768) "Verder weg" ran off the map's edge, cut."""
    from facilitation.figures.map_labels import block_size
    from facilitation.figures.map_parts import Screen

    case = ops.new_case("Klein", "2026-10-01", [("Jonas", 17)])
    fig = network_figure(case, "nl", screen=screen)
    texts = trace(fig, "map-texts")
    scr = Screen(*screen)
    assert "Professionelen" in " ".join(texts["text"])
    for x, y, text, position, size in zip(
        texts["x"], texts["y"], texts["text"], texts["textposition"], texts["textfont"]["size"], strict=True
    ):
        bold = text.startswith("<b>")
        w, _ = block_size([text.removeprefix("<b>").removesuffix("</b>")], size, bold=bold)
        px, _ = scr.px(x, y)
        x0 = px if position.endswith("right") else px - w if position.endswith("left") else px - w / 2
        assert x0 >= 0 and x0 + w <= screen[0], (text, x0, x0 + w, screen)


def test_a_ringed_persons_name_starts_clear_of_the_ring():
    """A name beside a marker in a safety ring (or the chosen one's ring) started inside the ring: plotly
    places a point's text by its marker's size, and the ring is larger than the marker."""
    case = ops.new_case("Ring", "2026-10-01", [("Jonas", 17)])
    for name, safety in (("Rita Maes", True), ("Koen Peeters", False), ("Juf Ilse", False)):
        edit, pid = ops.add_person(case, name, sector="family", closeness=2, relation="")
        case = case.apply(edit)
        if safety:
            case = case.apply(ops.update(case, "person", pid, "edit.update", in_safety_network=True))
    chosen = next(p.id for p in case.people.values() if p.name == "Juf Ilse")
    fig = network_figure(case, "nl", screen=(900, 500), selected=chosen)
    people = trace(fig, "people")
    room = dict(zip(people["customdata"], people["marker"]["size"], strict=True))
    names = {p.id: p.name for p in case.people.values()}
    ring_r = {
        t["name"]: t["marker"]["size"] / 2 + t["marker"]["line"]["width"] / 2
        for t in fig["data"]
        if t["name"] in ("safety", "to-tell", "selected")
    }
    for pid, size in room.items():
        start = size / 2 / 0.8 + 1  # where plotly.js starts a text beside a marker of this size
        if names[pid] == "Rita Maes":
            assert start > ring_r.get("safety", ring_r.get("to-tell", 99)) + 0.5
        elif names[pid] == "Juf Ilse":
            assert start > ring_r["selected"] + 0.5
        else:
            assert size == 15  # no ring: the marker's own size
