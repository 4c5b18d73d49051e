"""The network around the child: its graph, the facts a meeting needs, the map's stable layout, its operations.

Pure: no widgets, plotly or store. ``network_graph`` and ``facts`` are used by the network map and by the
safety plan's checks. The layout places the children at the centre and everyone else in a *seat* of their
cell (sector wedge x closeness ring). Seats are handed out in order of arrival in the cell (``SeatBook``
replays the change log), so adding a person takes a free seat and nobody else moves; a person the
consultant moved by hand (``Person.x``/``y``) stays where they were put and keeps their seat for
"put back in its place".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple, Protocol

import networkx as nx

from . import ops
from .case import Case, Edit
from .errors import ValidationError
from .model import CLOSENESS, KNOWLEDGE, SECTORS, TIE_KINDS, Person

# ---- the graph and its facts ----------------------------------------------------------------------


def is_adult(p: Person) -> bool:
    """Counted as an adult unless the case's child or a known age under 18 (ages are often not typed)."""
    return not p.is_child and (p.age is None or p.age >= 18)


def network_graph(case: Case) -> nx.Graph:
    """People as nodes (with their record's fields), ties as edges (``kinds``: the kinds between the pair)."""
    g = nx.Graph()
    for p in case.people.values():
        g.add_node(
            p.id,
            name=p.name,
            sector=p.sector,
            closeness=p.closeness,
            is_child=p.is_child,
            informal=p.informal,
            adult=is_adult(p),
            knowledge=p.knowledge,
            in_safety_network=p.in_safety_network,
        )
    for t in case.ties.values():
        if t.a not in g or t.b not in g or t.a == t.b:
            continue
        if g.has_edge(t.a, t.b):
            data = g.edges[t.a, t.b]
            data["kinds"] = data["kinds"] | {t.kind}
            data["ties"] = (*data["ties"], t.id)
        else:
            g.add_edge(t.a, t.b, kinds=frozenset({t.kind}), ties=(t.id,))
    return g


def kind_subgraph(g: nx.Graph, kind: str) -> nx.Graph:
    """The ties of one kind only (support, conflict, ...), on all nodes."""
    return nx.subgraph_view(g, filter_edge=lambda a, b: kind in g.edges[a, b]["kinds"])


@dataclass(frozen=True)
class NetworkFacts:
    """What the meeting needs to see about the network; counts and person ids (ids sorted by name)."""

    people: int
    """Everyone on the map but the case's children."""
    informal_adults: int
    professionals: int
    know_worries: int
    """Knows everything of the worries (inner safety circle)."""
    know_some: int
    know_nothing: int
    in_safety_network: int
    safety_network_informal_adults: int
    """The adults of the family's own network in the safety network (bottom lines ask 'at least 3')."""
    informal_adult_ids: tuple[str, ...] = ()
    know_worries_ids: tuple[str, ...] = ()
    safety_network_ids: tuple[str, ...] = ()
    isolated: tuple[str, ...] = ()
    """People without any tie (children not counted)."""
    child_supports: tuple[str, ...] = ()
    """People with a support tie to one of the children."""
    supports_by_child: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    not_told: tuple[str, ...] = ()
    """In the safety network or named in the plan, but not (yet) knowing everything of the worries."""
    conflicts: tuple[tuple[str, str], ...] = ()
    """Pairs in conflict."""


def named_in_plan(case: Case) -> set[str]:
    """People the safety plan names: owners, backups and those who agreed."""
    named: set[str] = set()
    for a in case.agreements.values():
        named.update(x for x in (a.owner, a.backup) if x)
        named.update(a.agreed_by)
    return named & set(case.people)


def facts(case: Case, graph: nx.Graph | None = None) -> NetworkFacts:
    """The network's facts, computed on its graph."""
    g = graph if graph is not None else network_graph(case)
    people = case.people

    def by_name(ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(set(ids), key=lambda i: (people[i].name.casefold(), i)))

    nodes = g.nodes
    others = [n for n in g if not nodes[n]["is_child"]]
    informal_adults = [n for n in others if nodes[n]["informal"] and nodes[n]["adult"]]
    know_all = [n for n in others if nodes[n]["knowledge"] == "all"]
    safety = [n for n in others if nodes[n]["in_safety_network"]]
    isolated = [n for n in nx.isolates(g) if not nodes[n]["is_child"]]
    support = kind_subgraph(g, "support")
    by_child = {
        c: by_name(n for n in support.neighbors(c) if not nodes[n]["is_child"]) for c in g if nodes[c]["is_child"]
    }
    must_know = set(safety) | (named_in_plan(case) - {n for n in g if nodes[n]["is_child"]})
    conflict = kind_subgraph(g, "conflict")
    pairs = sorted(tuple(sorted((a, b), key=lambda i: (people[i].name.casefold(), i))) for a, b in conflict.edges())
    return NetworkFacts(
        people=len(others),
        informal_adults=len(informal_adults),
        professionals=sum(1 for n in others if not nodes[n]["informal"]),
        know_worries=len(know_all),
        know_some=sum(1 for n in others if nodes[n]["knowledge"] == "some"),
        know_nothing=sum(1 for n in others if nodes[n]["knowledge"] == "none"),
        in_safety_network=len(safety),
        safety_network_informal_adults=sum(1 for n in safety if n in set(informal_adults)),
        informal_adult_ids=by_name(informal_adults),
        know_worries_ids=by_name(know_all),
        safety_network_ids=by_name(safety),
        isolated=by_name(isolated),
        child_supports=by_name(n for ids in by_child.values() for n in ids),
        supports_by_child=by_child,
        not_told=by_name(n for n in must_know if people[n].knowledge != "all"),
        conflicts=tuple(pairs),  # type: ignore[arg-type]
    )


# ---- the map's geometry ---------------------------------------------------------------------------

SX = 1.45
"""The map is wider than high (a projector is 16:9): x is stretched by this factor."""
MAP_X, MAP_Y = 7.5, 4.5
"""The map is the rectangle [-MAP_X, MAP_X] x [-MAP_Y, MAP_Y] (map units)."""
RING_EDGES = (0.9, 2.3, 3.4, 9.0)
"""Radius of the children's zone and the outer edge of rings 1 and 2 (before stretching); ring 3,
further away, reaches to the edges of the map, corners included."""
TITLE_BOX = (4.1, 0.5)
"""Kept free in each corner for the sector's name (width, height)."""
WEDGES: dict[str, tuple[float, float]] = {
    "friends": (0.0, 90.0),
    "family": (90.0, 180.0),
    "professional": (180.0, 270.0),
    "school": (270.0, 360.0),
}
"""Quarter of the map per sector, degrees counter-clockwise from the right (as the exported plan)."""
X_LIMIT = MAP_X - 0.2
Y_LIMIT = MAP_Y - 0.2
"""A person moved by hand stays inside these bounds."""

# A seat's name in map units (the map is drawn at about 55-95 px per unit): beside the marker, on the
# outer side (left in the left half, right in the right half), so names read as lists along the rings.
LABEL = (2.2, 0.21)  # width of the name, half the height of a line
LABEL_DENSE = (1.4, 0.19)
LABEL_TIGHT = (0.9, 0.16)
"""A quarter where some ring holds more people than it has room for is seated densely, with short names."""
MARKER = 0.16
NAME_GAP = 0.15
"""Space kept between the end of a name and the next marker or name."""
AXIS_GAP = (0.06, 0.36, 0.06)
"""Kept free beside the vertical axis, above and below the horizontal one (the ring names stand on it)."""

INNER_NAME_COST = 0.6
"""How much a name on the inner side of its marker counts against a spot (names read best outwards)."""

Box = tuple[float, float, float, float]


class Seat(NamedTuple):
    """A place for a person: the marker at (x, y), the name on ``side`` (-1 left, +1 right); ``room``
    0 a whole name fits, 1 a short name, 2 crowded."""

    x: float
    y: float
    room: int
    side: int


def child_zone(n_children: int) -> Box:
    """The centre kept free for the children's names (x0, x1, y0, y1)."""
    if n_children <= 1:
        return (-1.35, 1.35, -0.85, 0.7)
    if n_children == 2:
        return (-2.6, 2.6, -0.85, 0.7)
    return (-2.6, 2.6, -1.25, 0.9)


def name_side(sector: str) -> int:
    """-1: names left of the marker (left half of the map), +1: right."""
    return 1 if WEDGES[sector][0] in (0.0, 270.0) else -1


def _box(x: float, y: float, size: tuple[float, float], side: int) -> Box:
    w, h = size
    if side < 0:
        return (x - MARKER - w, x + MARKER, y - h, y + h)
    return (x - MARKER, x + MARKER + w, y - h, y + h)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def _inside_quadrant(b: Box, sector: str) -> bool:
    """Within the sector's quarter of the map, off the axes, clear of the sector's name in the corner."""
    a0, _ = WEDGES[sector]
    right = a0 in (0.0, 270.0)
    top = a0 in (0.0, 90.0)
    gx, g_top, g_bottom = AXIS_GAP
    ok_x = (b[0] >= gx and b[1] <= MAP_X) if right else (b[1] <= -gx and b[0] >= -MAP_X)
    ok_y = (b[2] >= g_top and b[3] <= MAP_Y) if top else (b[3] <= -g_bottom and b[2] >= -MAP_Y)
    return ok_x and ok_y and not _overlap(b, title_box(sector))


def title_box(sector: str) -> Box:
    """The corner of the map where the sector's name stands."""
    a0, _ = WEDGES[sector]
    w, h = TITLE_BOX
    x0, x1 = (MAP_X - w, MAP_X) if a0 in (0.0, 270.0) else (-MAP_X, -MAP_X + w)
    y0, y1 = (MAP_Y - h, MAP_Y) if a0 in (0.0, 90.0) else (-MAP_Y, -MAP_Y + h)
    return (x0, x1, y0, y1)


def _min_radius(b: Box) -> float:
    """The smallest ring radius any point of the box lies on."""
    px = min(max(0.0, b[0]), b[1])
    py = min(max(0.0, b[2]), b[3])
    return math.hypot(px / SX, py)


def _point(r: float, deg: float) -> tuple[float, float]:
    a = math.radians(deg)
    return (SX * r * math.cos(a), r * math.sin(a))


@cache
def _candidates(sector: str, ring: int) -> tuple[tuple[float, float, int], ...]:
    """Spots for a marker and its name in a cell, best first: (x, y, side of the name).

    Best is the middle of the ring (so a ring fills along its arc; the outer ring from its inner edge
    outwards) and of the wedge, with the name on the outer side; a name on the inner side costs a little.
    """
    a0, a1 = WEDGES[sector]
    r0, r1 = RING_EDGES[ring - 1], RING_EDGES[ring]
    outer = ring == len(RING_EDGES) - 1
    mid_r = r0 + 0.55 if outer else (r0 + r1) / 2
    cx, cy = _point(mid_r, (a0 + a1) / 2)
    out_side = name_side(sector)
    if outer:
        radii = [r0 + 0.15 + 0.1 * i for i in range(60)]
    else:
        radii = [r0 + (r1 - r0) * (0.1 + 0.8 * i / 8) for i in range(9)]
    cands: list[tuple[float, float, float, int]] = []
    for r in radii:
        for j in range(48):
            x, y = _point(r, a0 + 2 + (a1 - a0 - 4) * j / 47)
            if abs(x) > MAP_X or abs(y) > MAP_Y:
                continue
            cost = (abs(r - mid_r) * 1.6) ** 2 + (x - cx) ** 2 + (y - cy) ** 2
            cands.append((cost, x, y, out_side))
            cands.append((cost + INNER_NAME_COST, x, y, -out_side))
    cands.sort()
    return tuple((x, y, side) for _, x, y, side in cands)


@cache
def _quadrant(sector: str, n_children: int, dense: bool) -> dict[int, tuple[Seat, ...]]:
    """The seats of the three rings of one sector, computed together so that no two names overlap.

    Per ring, best first: seats with room for a name (room 0; in a ``dense`` quarter room 1, a short
    name), then crowded spots (room 2) where names may touch. Fixed: a seat's place depends only on its
    number, never on who else is on the map, so the layout is stable.
    """
    centre = child_zone(n_children)
    size = LABEL_DENSE if dense else LABEL
    rings = (1, 2, 3)
    seats: dict[int, list[Seat]] = {r: [] for r in rings}
    boxes: list[Box] = []
    cursor = dict.fromkeys(rings, 0)
    progress = True
    while progress:  # round-robin over the rings: the inner rings are not crowded out by the outer
        progress = False
        for r in rings:
            pool = _candidates(sector, r)
            while cursor[r] < len(pool):
                x, y, side = pool[cursor[r]]
                cursor[r] += 1
                b = _box(x, y, size, side)
                # A name may reach outwards over a ring line, never inwards into a closer ring.
                inward_ok = r == 1 or _min_radius(b) >= RING_EDGES[r - 1] - 0.05
                if (
                    inward_ok
                    and _inside_quadrant(b, sector)
                    and not _overlap(b, centre)
                    and not any(_overlap(b, o) for o in boxes)
                ):
                    seats[r].append(Seat(x, y, 1 if dense else 0, side))
                    boxes.append(b)
                    progress = True
                    break
    # Crowded: a small name next to each marker where there is still space, then any free spot.
    for r in rings:
        for x, y, side in _candidates(sector, r):
            b = _box(x, y, LABEL_TIGHT, side)
            if _inside_quadrant(b, sector) and not _overlap(b, centre) and not any(_overlap(b, o) for o in boxes):
                seats[r].append(Seat(x, y, 2, side))
                boxes.append(b)
    gap = 0.3
    grid: dict[tuple[int, int], list[tuple[float, float]]] = {}

    def cell(x: float, y: float) -> tuple[int, int]:
        return (math.floor(x / gap), math.floor(y / gap))

    def near(x: float, y: float) -> bool:
        cx, cy = cell(x, y)
        return any(
            math.hypot(x - sx, y - sy) < gap
            for i in (-1, 0, 1)
            for j in (-1, 0, 1)
            for sx, sy in grid.get((cx + i, cy + j), ())
        )

    for st in (st for r in rings for st in seats[r]):
        grid.setdefault(cell(st.x, st.y), []).append((st.x, st.y))
    for r in rings:
        for x, y, side in _candidates(sector, r):
            if side == name_side(sector) and not near(x, y):
                seats[r].append(Seat(x, y, 2, side))
                grid.setdefault(cell(x, y), []).append((x, y))
    return {r: tuple(v) for r, v in seats.items()}


def seats_of_cell(sector: str, ring: int, n_children: int = 1, dense: bool = False) -> tuple[Seat, ...]:
    return _quadrant(sector, n_children, dense)[ring]


def roomy_seats(sector: str, ring: int, n_children: int = 1, dense: bool = False) -> int:
    """How many people a cell holds before names may touch."""
    return sum(1 for s in seats_of_cell(sector, ring, n_children, dense) if s.room < 2)


def seat_position(sector: str, ring: int, seat: int, n_children: int = 1, dense: bool = False) -> Seat:
    """Seat number ``seat`` of a cell; past the last seat, places repeat slightly shifted."""
    seats = seats_of_cell(sector, ring, n_children, dense)
    if seat < len(seats):
        return seats[seat]
    s = seats[seat % len(seats)]
    shift = 0.12 * (seat // len(seats))
    return Seat(s.x + shift, s.y - shift, 2, s.side)


CHILD_SPACING = 2.6
"""Between two children side by side (map units): room for each name."""


def child_positions(children: list[Person]) -> dict[str, tuple[float, float]]:
    """The children at the centre: one in the middle, more in rows (oldest first)."""
    n = len(children)
    if n == 0:
        return {}
    if n == 1:
        return {children[0].id: (0.0, 0.35)}
    # One or two: side by side, a name may take two lines. More: two (from five on three) to a row.
    cols = 2 if n <= 4 else 3
    rows = math.ceil(n / cols)
    pos = {}
    for i, c in enumerate(children):
        row, col = divmod(i, cols)
        in_row = min(cols, n - row * cols)
        x = (col - (in_row - 1) / 2) * (CHILD_SPACING if cols == 2 else CHILD_SPACING * 0.75)
        y = 0.35 if rows == 1 else 0.55 - row * (1.0 if rows == 2 else 0.6)
        pos[c.id] = (x, y)
    return pos


def cell_of(p: Person) -> tuple[str, int] | None:
    """The (sector, ring) a person sits in; None for the case's children (at the centre)."""
    return None if p.is_child else (p.sector, p.closeness)


# ---- seats: who sits where, in order of arrival ---------------------------------------------------


class LoggedPersonChange(Protocol):
    """What ``SeatBook`` reads of a stored change (``store.LoggedChange`` fits)."""

    seq: int
    kind: str
    id: str
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None


def _cell_of_data(d: Mapping[str, Any] | None) -> tuple[str, int] | None:
    if d is None or d.get("is_child"):
        return None
    sector, ring = d.get("sector", "family"), d.get("closeness", 2)
    if sector not in WEDGES or ring not in CLOSENESS:
        return None
    return (str(sector), int(ring))


class SeatBook:
    """Replays the change log of people: each arrival in a cell takes a free seat (its old one if free).

    Adding a person or moving one to another ring or sector therefore never moves anyone else, and
    undoing a move or a removal puts the person back on their former seat. People that were in the case
    before its log starts (an imported case) are seated by id. ``seats(case)`` always gives a valid
    seating for the case as it is, even if the book has not seen every change.
    """

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.seq = 0
        self._at: dict[str, tuple[tuple[str, int], int]] = {}
        self._taken: dict[tuple[str, int], set[int]] = {}
        self._former: dict[tuple[str, tuple[str, int]], int] = {}
        self._seen: set[str] = set()

    def start(self, case: Case, changes: Iterable[LoggedPersonChange]) -> None:
        """Read a case's whole log: seat the people it started with, then replay."""
        self._reset()
        rows = [c for c in changes if c.kind == "person"]
        first: dict[str, LoggedPersonChange] = {}
        for c in rows:
            first.setdefault(c.id, c)
        initial: dict[str, tuple[str, int] | None] = {}
        for pid, c in first.items():
            if c.before is not None:
                initial[pid] = _cell_of_data(c.before)
        for pid, p in case.people.items():
            if pid not in first:
                initial[pid] = cell_of(p)
        for pid in sorted(initial):
            cell = initial[pid]
            self._seen.add(pid)
            if cell is not None:
                self._arrive(pid, cell)
        self.replay(rows)

    def replay(self, changes: Iterable[LoggedPersonChange]) -> None:
        """Follow more changes (in log order); changes already seen are skipped."""
        for c in changes:
            if c.seq <= self.seq:
                continue
            self.seq = max(self.seq, c.seq)
            if c.kind != "person":
                continue
            pid = c.id
            if pid not in self._seen and c.before is not None:
                cell0 = _cell_of_data(c.before)
                if cell0 is not None:
                    self._arrive(pid, cell0)
            self._seen.add(pid)
            new = _cell_of_data(c.after)
            old = self._at.get(pid)
            if old is not None and (new is None or old[0] != new):
                self._leave(pid)
            if new is not None and (old is None or old[0] != new):
                self._arrive(pid, new)

    def _arrive(self, pid: str, cell: tuple[str, int]) -> None:
        taken = self._taken.setdefault(cell, set())
        seat = self._former.get((pid, cell))
        if seat is None or seat in taken:
            seat = _lowest_free(taken)
        taken.add(seat)
        self._at[pid] = (cell, seat)

    def _leave(self, pid: str) -> None:
        cell, seat = self._at.pop(pid)
        self._taken[cell].discard(seat)
        self._former[(pid, cell)] = seat

    def seats(self, case: Case) -> dict[str, int]:
        return assign_seats(case, {pid: at for pid, at in self._at.items()})


def _lowest_free(taken: set[int]) -> int:
    i = 0
    while i in taken:
        i += 1
    return i


def assign_seats(case: Case, wished: Mapping[str, tuple[tuple[str, int], int]] | None = None) -> dict[str, int]:
    """A seat per person (children excluded): the wished seat where it fits their cell and is free,
    otherwise the lowest free seat, people without a wish taken in id order."""
    wished = wished or {}
    taken: dict[tuple[str, int], set[int]] = {}
    out: dict[str, int] = {}
    rest: list[Person] = []
    for pid in sorted(case.people):
        p = case.people[pid]
        cell = cell_of(p)
        if cell is None:
            continue
        wish = wished.get(pid)
        if wish is not None and wish[0] == cell and wish[1] not in taken.get(cell, set()):
            taken.setdefault(cell, set()).add(wish[1])
            out[pid] = wish[1]
        else:
            rest.append(p)
    for p in rest:
        cell = cell_of(p)
        assert cell is not None
        t = taken.setdefault(cell, set())
        out[p.id] = _lowest_free(t)
        t.add(out[p.id])
    return out


@dataclass(frozen=True)
class Placement:
    """Where a person is drawn, whether moved by hand, and the room for the name: 0 whole, 1 short, 2 tight."""

    x: float
    y: float
    manual: bool = False
    room: int = 0
    side: int = 0
    """Side of the name: -1 left, +1 right, 0 below (the children)."""


def layout(case: Case, seats: Mapping[str, int] | None = None) -> dict[str, Placement]:
    """Every person's place on the map: children at the centre, others on their seat or where moved."""
    if seats is None:
        seats = assign_seats(case)
    elif any(pid not in seats for pid, p in case.people.items() if not p.is_child):
        wished = {}
        for pid, seat in seats.items():
            cell = cell_of(case.people[pid]) if pid in case.people else None
            if cell is not None:
                wished[pid] = (cell, seat)
        seats = assign_seats(case, wished)
    kids = case.children()
    n_kids = len(kids)
    counts: dict[tuple[str, int], int] = {}
    for pid, seat in seats.items():
        cell = cell_of(case.people[pid])
        if cell is not None:
            # A cell is as full as its highest seat: a gap left by someone who went does not shrink it.
            counts[cell] = max(counts.get(cell, 0), seat + 1)
    dense = {cell[0] for cell, n in counts.items() if n > roomy_seats(cell[0], cell[1], n_kids)}
    out: dict[str, Placement] = {}
    for pid, (x, y) in child_positions(kids).items():
        out[pid] = Placement(x, y)
    for pid, p in case.people.items():
        if p.is_child:
            if p.x is not None and p.y is not None:
                out[pid] = Placement(p.x, p.y, manual=True)
            continue
        seat = seat_position(p.sector, p.closeness, seats[pid], n_kids, p.sector in dense)
        if p.x is not None and p.y is not None:
            side = 1 if p.x >= 0 else -1
            out[pid] = Placement(p.x, p.y, manual=True, room=seat.room, side=side)
        else:
            out[pid] = Placement(seat.x, seat.y, room=seat.room, side=seat.side)
    return out


def name_widths(case: Case, places: Mapping[str, Placement]) -> dict[str, float]:
    """How wide each person's name may be drawn (map units) before it runs into another person, the
    children, a corner's sector name, the middle axis or the edge of the map. Only people actually on
    the map count, so a name is shown whole when its neighbours' seats are empty."""
    n_kids = len(case.children())
    obstacles: list[tuple[str, Box]] = [("", child_zone(n_kids))]
    obstacles += [("", title_box(s)) for s in WEDGES]
    h = LABEL[1]
    for pid, pl in places.items():
        p = case.people.get(pid)
        if p is None or p.is_child:
            continue
        size = LABEL if pl.room == 0 else LABEL_DENSE
        obstacles.append((pid, (pl.x - MARKER, pl.x + MARKER, pl.y - h, pl.y + h)))  # the marker
        w = size[0] * 0.6  # the shortest a neighbour's name is drawn
        side = pl.side or 1
        lo, hi = (pl.x + MARKER, pl.x + MARKER + w) if side > 0 else (pl.x - MARKER - w, pl.x - MARKER)
        obstacles.append((pid, (lo, hi, pl.y - h, pl.y + h)))
    out: dict[str, float] = {}
    for pid, pl in places.items():
        p = case.people.get(pid)
        if p is None or p.is_child:
            continue
        side = pl.side or 1
        start = pl.x + side * MARKER
        # The edge of the map; the middle axis too unless the person was moved there by hand.
        limit = MAP_X if side > 0 else -MAP_X
        if not pl.manual and (start < 0) == (side > 0):
            limit = 0.0
        for owner, (x0, x1, y0, y1) in obstacles:
            if owner == pid or y1 <= pl.y - h or y0 >= pl.y + h:
                continue
            if side > 0 and x1 > start:
                limit = min(limit, max(x0, start))
            elif side < 0 and x0 < start:
                limit = max(limit, min(x1, start))
        out[pid] = max(0.0, abs(limit - start) - NAME_GAP)
    return out


# ---- operations -----------------------------------------------------------------------------------

NUDGE = 0.3
"""One press of an arrow button moves a person this far (map units, about 20-25 px)."""


def edit_person(case: Case, person_id: str, **fields: Any) -> Edit:
    """Change a person's details (name, relation, phone, notes, age); text is stripped as typed."""
    for k in ("name", "relation", "phone", "notes"):
        if k in fields and isinstance(fields[k], str):
            fields[k] = ops.clean(fields[k])
    return ops.update(case, "person", person_id, "network.edit.person", **fields)


def move_person(case: Case, person_id: str, sector: str | None = None, closeness: int | None = None) -> Edit:
    """To another sector or ring: the person takes a free seat there (a hand-made position is let go)."""
    p: Person = case.get("person", person_id)
    if sector is not None and sector not in SECTORS:
        raise ValidationError("person.sector", "not_in_choices", value=str(sector)[:40], choices=", ".join(SECTORS))
    fields: dict[str, Any] = {
        "sector": p.sector if sector is None else sector,
        "closeness": p.closeness if closeness is None else closeness,
    }
    if (fields["sector"], fields["closeness"]) != (p.sector, p.closeness):
        fields.update(x=None, y=None)
    return ops.update(case, "person", person_id, "network.edit.moved", **fields)


def nudge(case: Case, person_id: str, dx: float, dy: float, seats: Mapping[str, int] | None = None) -> Edit:
    """Move a person on the map by hand by (dx, dy) map units from where they are drawn now."""
    place = layout(case, seats)[person_id] if person_id in case.people else None
    if place is None:
        case.get("person", person_id)  # raises NotFoundError
        raise AssertionError  # pragma: no cover
    x = min(max(place.x + dx, -X_LIMIT), X_LIMIT)
    y = min(max(place.y + dy, -Y_LIMIT), Y_LIMIT)
    return ops.update(case, "person", person_id, "network.edit.nudged", x=round(x, 3), y=round(y, 3))


def put_back(case: Case, person_id: str) -> Edit:
    """Let go of a hand-made position: the person goes back to their seat."""
    return ops.update(case, "person", person_id, "network.edit.put_back", x=None, y=None)


def set_knowledge(case: Case, person_id: str, knowledge: str) -> Edit:
    """Safety circles: how much the person knows of the worries (all, some, none)."""
    if knowledge not in KNOWLEDGE:
        raise ValidationError(
            "person.knowledge", "not_in_choices", value=str(knowledge)[:40], choices=", ".join(KNOWLEDGE)
        )
    return ops.update(case, "person", person_id, "network.edit.knowledge", knowledge=knowledge)


def set_safety_network(case: Case, person_id: str, member: bool) -> Edit:
    return ops.update(case, "person", person_id, "network.edit.safety_network", in_safety_network=bool(member))


def ties_of(case: Case, person_id: str) -> list[Any]:
    """A person's ties, the others' names in alphabetical order."""
    out = [t for t in case.ties.values() if person_id in (t.a, t.b)]
    other = lambda t: t.b if t.a == person_id else t.a  # noqa: E731
    return sorted(out, key=lambda t: (case.name_of(other(t)).casefold(), TIE_KINDS.index(t.kind), t.id))


def edit_tie(case: Case, tie_id: str, kind: str | None = None, note: str | None = None) -> Edit:
    """Change a tie's kind or note; two ties of the same kind between the same pair are one too many."""
    tie = case.get("tie", tie_id)
    fields: dict[str, Any] = {}
    if kind is not None:
        if kind not in TIE_KINDS:
            raise ValidationError("tie.kind", "not_in_choices", value=str(kind)[:40], choices=", ".join(TIE_KINDS))
        for t in case.ties.values():
            if t.id != tie_id and {t.a, t.b} == {tie.a, tie.b} and t.kind == kind:
                raise ValidationError("tie.kind", "tie_exists")
        fields["kind"] = kind
    if note is not None:
        fields["note"] = ops.clean(note) if isinstance(note, str) else note
    # ``ops.update`` takes kind, id and label positionally only, so the tie's ``kind`` field passes as a keyword.
    return ops.update(case, "tie", tie_id, "network.edit.tie", **fields)


def remove_tie(case: Case, tie_id: str) -> Edit:
    return ops.delete(case, "tie", tie_id, "network.edit.remove_tie")


def parse_age(text: Any) -> int | None:
    """An age as typed: empty = unknown; otherwise a whole number 0-120."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValidationError("person.age", "not_int")
    if isinstance(text, int):
        value = text
    else:
        s = str(text).strip()
        if not s:
            return None
        if not (s.isascii() and s.isdigit()):
            raise ValidationError("person.age", "not_int")
        value = int(s)
    if not 0 <= value <= 120:
        raise ValidationError("person.age", "out_of_range", value=value, min=0, max=120)
    return value
