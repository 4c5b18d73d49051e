"""Parts of the network map that are not people: the quarters, rings and their names, and the ties.

Each part returns plotly shapes or traces (plain dicts) and, where text is drawn, the boxes it takes in
screen pixels, so the people's names can be placed around them (``map_labels``).

Texts are points of a text trace (``text_trace``), not layout annotations: plotly.js measures every
annotation in the page (a forced layout each, and one more for an arrow), which on the large map took
about half of its drawing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .. import palette
from ..domain.case import Case
from ..domain.model import SECTORS, TIE_KINDS
from ..domain.vocab import map_kind
from .map_labels import PAD, Box, block_size
from .map_layout import MAP_X, MAP_Y, RING_EDGES, SX, WEDGES, Placement
from .text import hover_lines, plot_text, shorten

PLOT_X = MAP_X + 0.05
PLOT_Y = MAP_Y + 0.05
MARGIN = 4
"""The figure's margin on every side (px)."""
RING_LINE = palette.LINE
MUTED = palette.MUTED
PROFESSIONAL_TINT = "rgba(107, 79, 160, 0.07)"
CHILD_TINT = "rgba(242, 193, 78, 0.16)"

TIE_STYLES: dict[str, dict[str, Any]] = {
    "family": {"color": palette.TIE["family"], "width": 2.0, "dash": "solid"},
    "support": {"color": palette.TIE["support"], "width": 3.5, "dash": "solid"},
    "conflict": {"color": palette.TIE["conflict"], "width": 3.5, "dash": "dash"},
    "broken": {"color": palette.TIE["broken"], "width": 2.5, "dash": "dot"},
}
TIE_ORDER = ("family", "broken", "support", "conflict")
"""Drawing order: conflict on top, so it is never hidden under another line."""
MANY_TIES = 40


@dataclass(frozen=True)
class Screen:
    """The map as drawn in the browser: px size and the conversion of map units to px (y downwards)."""

    width: int
    height: int

    @property
    def sx(self) -> float:
        return (self.width - 2 * MARGIN) / (2 * PLOT_X)

    @property
    def sy(self) -> float:
        return (self.height - 2 * MARGIN) / (2 * PLOT_Y)

    def px(self, x: float, y: float) -> tuple[float, float]:
        return (MARGIN + (x + PLOT_X) * self.sx, MARGIN + (PLOT_Y - y) * self.sy)

    def at(self, x: float, y: float, dx: float, dy: float) -> tuple[float, float]:
        """The map point ``dx`` px right of and ``dy`` px below the map point (x, y)."""
        return (x + dx / self.sx, y - dy / self.sy)


TextPoint = tuple[float, float, str, str, float, str]
"""x, y (map units), text (plotly markup, escaped), plotly text position, font size (px), colour."""


def text_trace(uid: str, points: list[TextPoint], shadow: str | None = None) -> dict[str, Any]:
    """Texts drawn on the map as one trace of text points, on top, never hovered or clicked.

    A point's text sits beside the point as its position says ("bottom right": below it, to its right);
    with no marker drawn there is no room left around the point. ``uid`` names the trace's SVG group
    (``g.trace<uid>``)."""
    font: dict[str, Any] = {"size": [p[4] for p in points], "color": [p[5] for p in points]}
    if shadow:
        font["shadow"] = shadow
    return {
        "type": "scatter",
        "mode": "text",
        "name": uid,
        "uid": uid,
        "x": [p[0] for p in points],
        "y": [p[1] for p in points],
        "text": [p[2] for p in points],
        "textposition": [p[3] for p in points],
        "textfont": font,
        "hoverinfo": "skip",
        "cliponaxis": False,
    }


# The plotly text position of a text whose xanchor / yanchor side is at its point.
_POSITION = {"left": "right", "right": "left", "center": "center"}
_VERTICAL = {"bottom": "top", "top": "bottom", "middle": "middle"}
ANCHOR_INSET = 2.0
"""A text anchored at a point keeps this many px from it (as the box of a plotly annotation did)."""


def anchored_text(screen: Screen, x: float, y: float, xanchor: str, yanchor: str) -> tuple[float, float, str]:
    """The point and text position of a text whose ``xanchor``/``yanchor`` side is at (x, y)."""
    dx = {"left": ANCHOR_INSET, "right": -ANCHOR_INSET}.get(xanchor, 0.0)
    dy = {"top": ANCHOR_INSET, "bottom": -ANCHOR_INSET}.get(yanchor, 0.0)
    return (*screen.at(x, y, dx, dy), f"{_VERTICAL[yanchor]} {_POSITION[xanchor]}")


def _anchored(x: float, y: float, w: float, h: float, xanchor: str, yanchor: str) -> Box:
    x0 = x - w if xanchor == "right" else x - w / 2 if xanchor == "center" else x
    y0 = y if yanchor == "top" else y - h if yanchor == "bottom" else y - h / 2
    return (x0 - PAD, x0 + w + PAD, y0 - PAD, y0 + h + PAD)


def quarter_path(a0: float, a1: float, inner: float, steps: int = 24) -> str:
    """SVG path of a quarter of the map outside the children's zone (plotly paths have no arcs)."""
    cx = MAP_X if math.cos(math.radians((a0 + a1) / 2)) > 0 else -MAP_X
    cy = MAP_Y if math.sin(math.radians((a0 + a1) / 2)) > 0 else -MAP_Y
    a_start, a_end = math.radians(a0), math.radians(a1)
    pts = [(SX * inner * math.cos(a_start), inner * math.sin(a_start))]
    pts.append((cx if abs(math.cos(a_start)) > 0.5 else 0.0, cy if abs(math.sin(a_start)) > 0.5 else 0.0))
    pts.append((cx, cy))
    pts.append((cx if abs(math.cos(a_end)) > 0.5 else 0.0, cy if abs(math.sin(a_end)) > 0.5 else 0.0))
    for i in range(steps, -1, -1):
        a = math.radians(a0 + (a1 - a0) * i / steps)
        pts.append((SX * inner * math.cos(a), inner * math.sin(a)))
    return "M " + " L ".join(f"{x:.3f},{y:.3f}" for x, y in pts) + " Z"


COMPACT_WIDTH = 560
"""A map narrower than this (px: a comparison side by side, a small window) names its rings once, smaller."""


def background(t: Callable[..., str], extra: int, screen: Screen) -> tuple[list[Any], dict[str, Any], list[Box]]:
    """Shapes, the text trace of the ring and sector names, and the px boxes of their text."""
    compact = screen.width < COMPACT_WIDTH
    shapes: list[dict[str, Any]] = []
    texts: list[TextPoint] = []
    boxes: list[Box] = []
    a0, a1 = WEDGES["professional"]  # tinted: the professional network, apart from the family's own
    shapes.append(
        {
            "type": "path",
            "path": quarter_path(a0, a1, RING_EDGES[0]),
            "fillcolor": PROFESSIONAL_TINT,
            "line": {"width": 0},
            "layer": "below",
        }
    )
    for i, r in enumerate(RING_EDGES[:-1]):
        circle = {"type": "circle", "x0": -SX * r, "x1": SX * r, "y0": -r, "y1": r, "layer": "below"}
        circle["line"] = {"color": RING_LINE, "width": 1.5}
        if i == 0:
            circle["fillcolor"] = CHILD_TINT
        shapes.append(circle)
    inner = RING_EDGES[0]
    for x0, y0, x1, y1 in (
        (SX * inner, 0, MAP_X, 0),
        (-SX * inner, 0, -MAP_X, 0),
        (0, inner, 0, MAP_Y),
        (0, -inner, 0, -MAP_Y),
    ):
        line = {"color": RING_LINE, "width": 1.5}
        shapes.append({"type": "line", "x0": x0, "y0": y0, "x1": x1, "y1": y1, "line": line, "layer": "below"})
    # Ring names just above the horizontal axis, both sides: rings 1 and 2 against their outer line
    # (clear of the children's names), the open outer ring just past the last line.
    ring_size = 11 if compact else 12 + extra // 2
    for ring in (1, 2, 3):
        edge = SX * RING_EDGES[min(ring, 2)]
        inside = ring < 3
        text = t(f"closeness.{ring}")
        w, h = block_size([text], ring_size)
        # The room for the name: between its ring's lines, or for the open outer ring from its line to the
        # map's edge (a small map, a comparison side by side: "Verder weg" was cut off at the edge).
        outer = (PLOT_X - edge - 0.08) * screen.sx - ANCHOR_INSET - 1
        span = (RING_EDGES[ring] - RING_EDGES[ring - 1]) * SX * screen.sx if inside else outer
        if w > span:  # a small map: the name does not fit
            continue
        for side in (1,) if compact else (-1, 1):
            xanchor = ("right" if side > 0 else "left") if inside else ("left" if side > 0 else "right")
            x = side * (edge - 0.08 if inside else edge + 0.08)
            at_x, at_y, position = anchored_text(screen, x, 0.02, xanchor, "bottom")
            texts.append((at_x, at_y, plot_text(text), position, ring_size, MUTED))
            px, py = screen.px(x, 0.02)
            boxes.append(_anchored(px, py, w + 2, h, xanchor, "bottom"))
    title_size = 14 if compact else 17 + extra
    for sector in SECTORS:
        sa0, _ = WEDGES[sector]
        right, top = sa0 in (0.0, 270.0), sa0 in (0.0, 90.0)
        label = t(f"sector.{sector}")
        x, y = (PLOT_X if right else -PLOT_X), (PLOT_Y if top else -PLOT_Y)
        xanchor, yanchor = ("right" if right else "left"), ("top" if top else "bottom")
        at_x, at_y, position = anchored_text(screen, x, y, xanchor, yanchor)
        texts.append((at_x, at_y, f"<b>{plot_text(label)}</b>", position, title_size, palette.SECTOR[sector]))
        w, h = block_size([label], title_size, bold=True)
        px, py = screen.px(x, y)
        boxes.append(_anchored(px, py, w + 4, h, xanchor, yanchor))
    return shapes, text_trace("map-texts", texts), boxes


@lru_cache(maxsize=8192)
def _tie_hover(tie: Any, name_a: str, name_b: str, kind: str) -> str:
    note = f"<br>{hover_lines(shorten(tie.note, 200))}" if tie.note else ""
    return f"{plot_text(shorten(name_a, 40))} — {plot_text(shorten(name_b, 40))}<br>{plot_text(kind)}{note}"


def tie_traces(
    case: Case, pos: Mapping[str, Placement], t: Callable[..., str], selected: str | None, ties: str
) -> list[dict[str, Any]]:
    """One line trace per kind (segments split by None), parallel ties between a pair side by side, and
    invisible points halfway along each tie for its hover text."""
    people = case.people
    pairs: dict[frozenset[str], list[Any]] = {}
    for tie in case.ties.values():
        if tie.a not in pos or tie.b not in pos or tie.a == tie.b:
            continue
        if ties == "strong" and map_kind(tie.kind) == "family":
            continue
        if ties == "selected" and selected not in (tie.a, tie.b):
            continue
        pairs.setdefault(frozenset((tie.a, tie.b)), []).append(tie)
    segs: dict[tuple[str, bool], tuple[list[float | None], list[float | None]]] = {}
    mids: tuple[list[float], list[float], list[str]] = ([], [], [])
    for group in pairs.values():
        group.sort(key=lambda tie: (TIE_KINDS.index(tie.kind), tie.id))
        by_kind: dict[str, Any] = {}  # a parent link and a family tie between two people: one family line
        for tie in group:
            by_kind.setdefault(map_kind(tie.kind), tie)
        group[:] = list(by_kind.values())
        for k, tie in enumerate(group):
            pa, pb = pos[tie.a], pos[tie.b]
            dx, dy = pb.x - pa.x, pb.y - pa.y
            length = math.hypot(dx, dy) or 1.0
            off = (k - (len(group) - 1) / 2) * 0.09
            ox, oy = -dy / length * off, dx / length * off
            focus = selected is None or selected in (tie.a, tie.b)
            xs, ys = segs.setdefault((map_kind(tie.kind), focus), ([], []))
            xs += [pa.x + ox, pb.x + ox, None]
            ys += [pa.y + oy, pb.y + oy, None]
            mids[0].append((pa.x + pb.x) / 2 + ox)
            mids[1].append((pa.y + pb.y) / 2 + oy)
            mids[2].append(_tie_hover(tie, people[tie.a].name, people[tie.b].name, t(f"tie.{tie.kind}")))
    # Many ties: thinner and lighter lines, so the people stay visible (a chosen person's ties stand out).
    n_drawn = sum(len(g) for g in pairs.values())
    thin = 1.0 if n_drawn <= MANY_TIES else max(0.55, math.sqrt(MANY_TIES / n_drawn))
    data: list[dict[str, Any]] = []
    for kind in TIE_ORDER:
        for focus in (False, True):
            if (kind, focus) not in segs:
                continue
            xs, ys = segs[(kind, focus)]
            style = TIE_STYLES[kind]
            chosen = focus and selected is not None
            width = style["width"] * (1.0 if chosen else thin) + (1.5 if chosen else 0)
            opacity = 1.0 if chosen or (focus and thin == 1.0) else (0.7 if focus else 0.25)
            data.append(
                {
                    "type": "scatter",
                    "mode": "lines",
                    "x": xs,
                    "y": ys,
                    "hoverinfo": "skip",
                    "opacity": opacity,
                    "name": f"tie-{kind}",
                    "line": {"color": style["color"], "width": width, "dash": style["dash"]},
                }
            )
    if mids[0]:
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": mids[0],
                "y": mids[1],
                "hovertext": mids[2],
                "hovertemplate": "%{hovertext}<extra></extra>",
                "name": "ties",
                "marker": {"size": 12, "color": "rgba(0,0,0,0)"},
            }
        )
    return data
