"""Names on the network map that can be read: never on top of another name or a marker, never cut
below the whole first name.

Works in screen pixels for the size the map is drawn at. Each person's name is tried in several forms
(whole, on two lines, first name and initial, first name) and places (beside the marker on the outer
side, the other side, above, below, the corners), and, when the map is crowded, set a little apart with
a short line to its marker. First everyone gets the shortest form that fits (so nobody is left without a
name), then each name grows back to the longest form that still fits. Text widths come from the font
the map is drawn in (DejaVu Sans, ``font_metrics``), so the boxes match what the browser draws.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from . import font_metrics
from .text import clusters

LINE_SPACING = 1.3
"""Plotly's line spacing for text of several lines (em)."""
LONG_WORD = 18
"""A first name longer than this (one endless hyphenated word) may end in an ellipsis after all."""
PAD = 2.0
"""Kept free around each name (px)."""
Box = tuple[float, float, float, float]
"""x0, x1, y0, y1 in screen px (y grows downwards)."""

# Plotly's text positions beside a marker, and how the text box sits against the marker.
POSITIONS = (
    "middle right",
    "middle left",
    "top center",
    "bottom center",
    "top right",
    "top left",
    "bottom right",
    "bottom left",
)


@cache
def _widths(bold: bool) -> dict[int, float]:
    """Advance widths in em by code point, from the table of the map's font."""
    raw = "".join(font_metrics.BOLD if bold else font_metrics.REGULAR).split(",")
    out: dict[int, float] = {}
    i = 0
    for a, b in font_metrics.RANGES:
        for cp in range(a, b + 1):
            w = int(raw[i])
            i += 1
            if w:
                out[cp] = w / 2048
    return out


def _em(ch: str, bold: bool) -> float:
    """Advance width of what a reader sees as one character, in em; a glyph the font does not have (an
    emoji, a Chinese character) counts as wide."""
    widths = _widths(bold)
    width = 0.0
    for c in ch:
        cp = ord(c)
        if cp in widths:
            width += widths[cp]
        elif unicodedata.combining(c) or c in "\u200d\ufe0f" or 0xFE00 <= cp <= 0xFE0F or 0x1F3FB <= cp <= 0x1F3FF:
            continue  # joins the character before it
        else:
            width += 1.0 if unicodedata.east_asian_width(c) in ("W", "F") or cp >= 0x1F000 else 0.62
    return width


@lru_cache(maxsize=8192)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in px of one line of ``text`` at font ``size`` px."""
    return sum(_em(c, bold) for c in clusters(text)) * size


def block_size(lines: Sequence[str], size: float, bold: bool = False) -> tuple[float, float]:
    """Width and height (px) of text of one or more lines."""
    return _block_size(tuple(lines), size, bold)


@lru_cache(maxsize=8192)
def _block_size(lines: tuple[str, ...], size: float, bold: bool) -> tuple[float, float]:
    w = max((text_width(line, size, bold) for line in lines), default=0.0)
    h = size * (1.15 + LINE_SPACING * (len(lines) - 1))
    return (w, h)


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def text_box(
    x: float, y: float, position: str, lines: Sequence[str], size: float, marker_r: float, bold: bool = False
) -> Box:
    """The box plotly draws a scatter point's text in, for ``position`` (as ``Drawing.textPointPosition``)."""
    w, h = block_size(lines, size, bold)
    r = marker_r / 0.8 + 1 if marker_r else 0.0
    v, _, hpos = position.partition(" ")
    if hpos == "right":
        x0 = x + r
    elif hpos == "left":
        x0 = x - r - w
    else:
        x0 = x - w / 2
    if v == "top":
        y1 = y - r + 0.22 * size
        y0 = y1 - h
    elif v == "bottom":
        y0 = y + r - 0.05 * size
        y1 = y0 + h
    else:
        y0 = y - h / 2
        y1 = y + h / 2
    return (x0 - PAD, x0 + w + PAD, y0 - PAD / 2, y1 + PAD / 2)


class Grid:
    """Boxes in buckets of a grid, to find the ones near a box quickly."""

    def __init__(self, cell: float = 48.0) -> None:
        self.cell = cell
        self.buckets: dict[tuple[int, int], list[tuple[tuple[str, object], Box]]] = {}
        self.cells: dict[tuple[str, object], list[tuple[int, int]]] = {}
        """Boxes by cell, each with its owner: (what, whose), e.g. ("label", person id)."""

    def _keys(self, b: Box) -> Iterable[tuple[int, int]]:
        c = self.cell
        for i in range(math.floor(b[0] / c), math.floor(b[1] / c) + 1):
            for j in range(math.floor(b[2] / c), math.floor(b[3] / c) + 1):
                yield (i, j)

    def add(self, owner: tuple[str, object], b: Box) -> None:
        for k in self._keys(b):
            self.buckets.setdefault(k, []).append((owner, b))
            self.cells.setdefault(owner, []).append(k)

    def remove(self, owner: tuple[str, object]) -> None:
        for k in self.cells.pop(owner, ()):
            self.buckets[k] = [it for it in self.buckets[k] if it[0] != owner]

    def hits(self, b: Box, ignore: object = None) -> bool:
        """Does ``b`` overlap a box (other than those of ``ignore``: a person's own marker)?"""
        for k in self._keys(b):
            for owner, o in self.buckets.get(k, ()):
                if owner[1] != ignore and overlap(b, o):
                    return True
        return False

    def overlap_area(self, b: Box, ignore: object = None) -> float:
        seen: set[int] = set()
        area = 0.0
        for k in self._keys(b):
            for owner, o in self.buckets.get(k, ()):
                if owner[1] == ignore or id(o) in seen or not overlap(b, o):
                    continue
                seen.add(id(o))
                area += (min(b[1], o[1]) - max(b[0], o[0])) * (min(b[3], o[3]) - max(b[2], o[2]))
        return area


@dataclass(frozen=True)
class Label:
    """Where and how a person's name is drawn."""

    lines: tuple[str, ...]
    position: str = "middle right"
    """A plotly text position beside the marker; "" for a name set apart (see ``offset``)."""
    offset: tuple[float, float] = (0.0, 0.0)
    """For a name set apart: the centre of its text relative to the marker (px), with a line to it."""
    box: Box = (0.0, 0.0, 0.0, 0.0)
    short: bool = False
    """Not the whole name (the legend and the hover show it whole)."""
    crowded: bool = False
    """No free place was found: drawn where it overlaps least."""


def name_forms(name: str) -> list[tuple[tuple[str, ...], bool]]:
    """The forms a name may take, longest first (see ``_name_forms``)."""
    return list(_name_forms(name))


@lru_cache(maxsize=4096)
def _name_forms(name: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """The forms a name may take, longest first: whole, on two lines, first name + initial, first name.
    Never shorter than the first name."""
    flat = " ".join(str(name).split())
    words = flat.split(" ")
    forms: list[tuple[tuple[str, ...], bool]] = [((flat,), False)]
    if len(words) >= 2:
        # Two lines, split where the lines are most even.
        best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
        forms.append(((" ".join(words[:best]), " ".join(words[best:])), False))
        first = words[0]
        # "dokter Geert Mertens" -> "dokter Geert M."; "Fatima El Amrani" -> "Fatima E."
        lead = words[:-1] if len(words) >= 3 and words[0][:1].islower() else [first]
        rest = words[len(lead) :]
        initial = next((w for w in rest if w[:1].isupper()), rest[0] if rest else "")
        if initial:
            forms.append(((" ".join(lead) + " " + clusters(initial)[0] + ".",), True))
        forms.append(((" ".join(lead),), True))
    pieces = clusters(forms[-1][0][0])
    if len(pieces) > LONG_WORD:  # one endless word: its beginning
        forms.append((("".join(pieces[: LONG_WORD - 1]) + "…",), True))
    return tuple(forms)


@dataclass
class Seat:
    """One person to label: the marker in px, its radius, the side names prefer, the name."""

    pid: str
    x: float
    y: float
    name: str
    side: int
    size: float
    marker_r: float
    keep: float = 0.0
    """Kept free around the marker (px): its radius, or a ring's around it."""
    forms: list[tuple[tuple[str, ...], bool]] = field(default_factory=list)


def _positions(side: int) -> list[str]:
    first, second = ("middle right", "middle left") if side >= 0 else ("middle left", "middle right")
    corners = ("top right", "bottom right", "top left", "bottom left")
    if side < 0:
        corners = ("top left", "bottom left", "top right", "bottom right")
    return [first, second, "top center", "bottom center", *corners]


def _apart(s: Seat, lines: Sequence[str], grid: Grid, bounds: Box) -> Label | None:
    """A free spot a little apart from the marker (a short line leads to it)."""
    w, h = block_size(lines, s.size)
    turns = [0.0] + [sign * step * 22.5 for step in range(1, 9) for sign in (-1, 1)]
    for dist in (34.0, 48.0, 64.0, 82.0, 104.0, 130.0, 160.0, 200.0, 250.0):
        for turn in turns:
            a = math.radians((0 if s.side >= 0 else 180) + turn * 0.999)
            cx, cy = s.x + dist * math.cos(a), s.y + dist * 0.75 * math.sin(a)
            b = (cx - w / 2 - PAD, cx + w / 2 + PAD, cy - h / 2 - PAD / 2, cy + h / 2 + PAD / 2)
            if inside(b, bounds) and not grid.hits(b, s.pid):
                return Label(tuple(lines), "", (cx - s.x, cy - s.y), b)
    return None


def inside(b: Box, bounds: Box) -> bool:
    return b[0] >= bounds[0] and b[1] <= bounds[1] and b[2] >= bounds[2] and b[3] <= bounds[3]


def place_labels(seats: list[Seat], obstacles: Iterable[Box], bounds: Box) -> dict[str, Label]:
    """A label per seat that overlaps no other label, marker or obstacle, within ``bounds`` (px)."""
    grid = Grid()
    for i, b in enumerate(obstacles):
        grid.add(("obstacle", i), b)
    for s in seats:
        r = max(s.keep, s.marker_r) + 1.5
        grid.add(("marker", s.pid), (s.x - r, s.x + r, s.y - r, s.y + r))
        s.forms = s.forms or name_forms(s.name)
    out: dict[str, Label] = {}

    def fits(s: Seat, lines: Sequence[str], short: bool) -> Label | None:
        for pos in _positions(s.side):
            b = text_box(s.x, s.y, pos, lines, s.size, s.marker_r)
            if inside(b, bounds) and not grid.hits(b, s.pid):
                return Label(tuple(lines), pos, (0.0, 0.0), b, short)
        return None

    # Most crowded first: who has the least room around them chooses first.
    def crowd(s: Seat) -> int:
        probe = (s.x - 70, s.x + 70, s.y - 22, s.y + 22)
        return -sum(1 for o in seats if o is not s and probe[0] < o.x < probe[1] and probe[2] < o.y < probe[3])

    order = sorted(seats, key=lambda s: (crowd(s), s.y, s.x))
    for s in order:  # the shortest form that fits, beside the marker or set apart
        lines, short = s.forms[-1]
        label = fits(s, lines, short) or _apart(s, lines, grid, bounds)
        if label is None:  # no free place anywhere near: where it overlaps least
            scored = []
            for pos in _positions(s.side):
                b = text_box(s.x, s.y, pos, lines, s.size, s.marker_r)
                scored.append((grid.overlap_area(b, s.pid) + (0 if inside(b, bounds) else 1e6), pos, b))
            _, pos, b = min(scored, key=lambda c: c[0])
            label = Label(tuple(lines), pos, (0.0, 0.0), b, short, crowded=True)
        else:
            label = Label(label.lines, label.position, label.offset, label.box, short)
        out[s.pid] = label
        grid.add(("label", s.pid), label.box)
    for s in order:  # grow back to the longest form that still fits
        current = out[s.pid]
        if current.crowded:
            continue
        grid.remove(("label", s.pid))
        for lines, short in s.forms[:-1]:
            better = fits(s, lines, short)
            if better is not None:
                out[s.pid] = better
                break
        grid.add(("label", s.pid), out[s.pid].box)
    return out
