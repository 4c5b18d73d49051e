"""Where everyone stands on the network map: one layout for the screen, the family screen and the documents.

The children sit at the centre and everyone else in a *seat* of their cell (sector quarter x closeness
ring). A seat's place depends only on its number, so adding a person takes a free seat and nobody else
moves; who has which seat follows the order of arrival (``map_seats.SeatBook``). A person the consultant
moved by hand (``Person.x``/``y``) stays where they were put. ``layout`` (alias ``map_positions``) is the
one public function that says where every person is drawn, hand-placed ones included.

Map units: the map is the rectangle [-MAP_X, MAP_X] x [-MAP_Y, MAP_Y]; x is stretched by ``SX`` (a
projector is wider than high). Pure: no widgets, no plotly.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import numpy as np

from ..domain.case import Case
from ..domain.model import Person

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


Spots = tuple["np.ndarray", "np.ndarray"]
"""A cell's spots, best first, as rows (x, y, side of the name), and their name boxes as rows
(x0, x1, y0, y1): arrays, so that a seat is made only for the spots taken (a few of thousands)."""


def _seat(spots: np.ndarray, i: int, room: int) -> Seat:
    x, y, side = spots[i].tolist()
    return Seat(x, y, room, int(side))


@cache
def _fitting(sector: str, ring: int, size: tuple[float, float], centre: Box, inward: bool) -> Spots:
    """The cell's spots whose name box of ``size`` lies inside the quarter and clear of the children's zone
    and, with ``inward``, not inwards over the ring line: the tests no other seat changes, made once (the
    same tests as ``_box``, ``_inside_quadrant`` and ``_min_radius``, for all spots at once)."""
    cands = _candidates(sector, ring)
    x, y, side = np.array(cands, dtype=float).reshape(-1, 3).T
    w, h = size
    left = side < 0
    bx = np.stack(
        [np.where(left, x - MARKER - w, x - MARKER), np.where(left, x + MARKER, x + MARKER + w), y - h, y + h]
    )
    x0, x1, y0, y1 = bx
    a0, _ = WEDGES[sector]
    gx, g_top, g_bottom = AXIS_GAP
    ok = ((x0 >= gx) & (x1 <= MAP_X)) if a0 in (0.0, 270.0) else ((x1 <= -gx) & (x0 >= -MAP_X))
    ok &= ((y0 >= g_top) & (y1 <= MAP_Y)) if a0 in (0.0, 90.0) else ((y1 <= -g_bottom) & (y0 >= -MAP_Y))
    boxes = bx.T
    ok &= ~_hits(boxes, title_box(sector)) & ~_hits(boxes, centre)
    if inward and ring > 1:
        # A name may reach outwards over a ring line, never inwards into a closer ring.
        px = np.minimum(np.maximum(0.0, x0), x1)
        py = np.minimum(np.maximum(0.0, y0), y1)
        ok &= np.hypot(px / SX, py) >= RING_EDGES[ring - 1] - 0.05
    keep = np.flatnonzero(ok)
    spots = np.stack([x, y, side], axis=1)[keep]
    return spots, np.ascontiguousarray(boxes[keep])


def _hits(boxes: np.ndarray, b: Box) -> np.ndarray:
    """Which of ``boxes`` overlap ``b`` (as ``_overlap``, for all at once)."""
    return (boxes[:, 0] < b[1]) & (b[0] < boxes[:, 1]) & (boxes[:, 2] < b[3]) & (b[2] < boxes[:, 3])


def _next_free(blocked: np.ndarray, start: int) -> int:
    """The first index from ``start`` that is not blocked (``len`` if none)."""
    free = np.flatnonzero(~blocked[start:])
    return start + int(free[0]) if len(free) else len(blocked)


@cache
def _quadrant(sector: str, n_children: int, dense: bool) -> dict[int, tuple[Seat, ...]]:
    """The seats of the three rings of one sector, computed together so that no two names overlap.

    Per ring, best first: seats with room for a name (room 0; in a ``dense`` quarter room 1, a short
    name), then crowded spots (room 2) where names may touch. Fixed: a seat's place depends only on its
    number, never on who else is on the map, so the layout is stable.

    Greedy, spot by spot in order of preference; each name placed marks the spots it overlaps as taken,
    for all the spots at once (numpy), instead of testing each spot against every name placed.
    """
    centre = child_zone(n_children)
    size = LABEL_DENSE if dense else LABEL
    rings = (1, 2, 3)
    seats: dict[int, list[Seat]] = {r: [] for r in rings}
    placed: list[Box] = []
    pools = {r: _fitting(sector, r, size, centre, True) for r in rings}
    blocked = {r: np.zeros(len(pools[r][0]), dtype=bool) for r in rings}
    cursor = dict.fromkeys(rings, 0)
    progress = True
    while progress:  # round-robin over the rings: the inner rings are not crowded out by the outer
        progress = False
        for r in rings:
            spots, boxes = pools[r]
            i = _next_free(blocked[r], cursor[r])
            cursor[r] = min(i + 1, len(spots))
            if i < len(spots):
                seats[r].append(_seat(spots, i, 1 if dense else 0))
                b = tuple(boxes[i])
                placed.append(b)
                for q in rings:
                    blocked[q] |= _hits(pools[q][1], b)
                progress = True
    _crowded(sector, centre, seats, placed)
    _any_free_spot(sector, seats)
    return {r: tuple(v) for r, v in seats.items()}


def _crowded(sector: str, centre: Box, seats: dict[int, list[Seat]], placed: list[Box]) -> None:
    """A small name next to each marker where there is still space (room 2)."""
    for r in seats:
        spots, boxes = _fitting(sector, r, LABEL_TIGHT, centre, False)
        blocked = np.zeros(len(spots), dtype=bool)
        for b in placed:
            blocked |= _hits(boxes, b)
        i = _next_free(blocked, 0)
        while i < len(spots):
            seats[r].append(_seat(spots, i, 2))
            b = tuple(boxes[i])
            placed.append(b)
            blocked |= _hits(boxes, b)
            i = _next_free(blocked, i + 1)


def _any_free_spot(sector: str, seats: dict[int, list[Seat]]) -> None:
    """Past the crowded seats: any spot on the outer side of a marker at least ``gap`` from every seat.

    Greedy, spot by spot in order of preference; the seats so far are kept in a grid of ``gap``-sized
    squares, so a spot is tested only against the seats in its own square and the eight around it."""
    gap = 0.3
    grid: dict[tuple[int, int], list[tuple[float, float]]] = {}

    def add(x: float, y: float) -> None:
        grid.setdefault((math.floor(x / gap), math.floor(y / gap)), []).append((x, y))

    def near(x: float, y: float) -> bool:
        gx, gy = math.floor(x / gap), math.floor(y / gap)
        for i in (gx - 1, gx, gx + 1):
            for j in (gy - 1, gy, gy + 1):
                for px, py in grid.get((i, j), ()):
                    if math.hypot(x - px, y - py) < gap:
                        return True
        return False

    for r in seats:
        for st in seats[r]:
            add(st.x, st.y)
    outward = name_side(sector)
    for r in seats:
        for x, y, side in _candidates(sector, r):
            if side == outward and not near(x, y):
                seats[r].append(Seat(x, y, 2, outward))
                add(x, y)


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


# ---- seats and places ---------------------------------------------------------------------------


def lowest_free(taken: set[int]) -> int:
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
        out[p.id] = lowest_free(t)
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
        spot = seat_position(p.sector, p.closeness, seats[pid], n_kids, p.sector in dense)
        if p.x is not None and p.y is not None:
            side = 1 if p.x >= 0 else -1
            out[pid] = Placement(p.x, p.y, manual=True, room=spot.room, side=side)
        else:
            out[pid] = Placement(spot.x, spot.y, room=spot.room, side=spot.side)
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


map_positions = layout
"""The one public function for where everyone is drawn (screen, family screen, documents)."""

NUDGE = 0.3
"""One press of an arrow button moves a person this far (map units, about 20-25 px)."""


def clamp(x: float, y: float) -> tuple[float, float]:
    """A hand-made position kept on the map."""
    return (min(max(x, -X_LIMIT), X_LIMIT), min(max(y, -Y_LIMIT), Y_LIMIT))


def nudged(place: Placement, dx: float, dy: float) -> tuple[float, float]:
    """Where one press of an arrow button puts a person drawn at ``place`` (``dx``/``dy`` in steps)."""
    x, y = clamp(place.x + dx * NUDGE, place.y + dy * NUDGE)
    return (round(x, 3), round(y, 3))


def cell_at(x: float, y: float) -> tuple[str, int] | None:
    """The (sector, ring) of a spot on the map; None in the children's zone at the centre."""
    r = math.hypot(x / SX, y)
    if r < RING_EDGES[0]:
        return None
    deg = math.degrees(math.atan2(y, x)) % 360.0
    sector = next(s for s, (a0, a1) in WEDGES.items() if a0 <= deg < a1)
    ring = 1 if r < RING_EDGES[1] else 2 if r < RING_EDGES[2] else 3
    return (sector, ring)
