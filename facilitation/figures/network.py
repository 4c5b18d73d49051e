"""The network map as a plotly figure (a plain dict, ready for ``PlotView.show``).

The children sit at the centre; everyone else in a closeness ring (very close / close / further away)
within their sector's quarter: family top left, friends and neighbours top right, professionals
bottom left (tinted, drawn as squares: the professional network), school and leisure bottom right.
The fill of a marker shows the safety circles: filled knows everything of the worries, a dot knows
something, empty knows nothing yet. A green ring marks the safety network; an orange ring someone
who still needs to hear the worries. Support is a green solid line, conflict a red dashed one.

User text reaches plotly only escaped (plotly renders a subset of HTML in text and hover text).
"""

from __future__ import annotations

import math
import textwrap
import unicodedata
from collections.abc import Mapping
from typing import Any

from .. import palette
from ..domain.case import Case
from ..domain.model import SECTORS, TIE_KINDS, Person
from ..domain.network import NetworkFacts, facts
from ..domain.vocab import map_kind
from ..i18n import translate
from .map_layout import (
    CHILD_SPACING,
    LABEL,
    MAP_X,
    MAP_Y,
    RING_EDGES,
    SX,
    WEDGES,
    Placement,
    layout,
    name_widths,
)

SECTOR_COLOURS = palette.SECTOR
CHILD_COLOUR = palette.CHILD
INK = palette.INK
MUTED = palette.MUTED
RING_LINE = palette.LINE
SAFETY_COLOUR = palette.SAFETY
TO_TELL_COLOUR = palette.TO_TELL
SELECTED_COLOUR = palette.INK
HALO = "-1px -1px 1px #fff, 1px -1px 1px #fff, -1px 1px 1px #fff, 1px 1px 1px #fff, 0 0 3px #fff"
"""A white edge around names, so a line running behind a name does not cut through it."""
PROFESSIONAL_TINT = "rgba(107, 79, 160, 0.07)"
CHILD_TINT = "rgba(242, 193, 78, 0.16)"

TIE_STYLES: dict[str, dict[str, Any]] = {
    "family": {"color": palette.TIE["family"], "width": 2.0, "dash": "solid"},
    "support": {"color": palette.TIE["support"], "width": 3.5, "dash": "solid"},
    "conflict": {"color": palette.TIE["conflict"], "width": 3.5, "dash": "dash"},
    "broken": {"color": palette.TIE["broken"], "width": 2.5, "dash": "dot"},
}
TIE_ORDER = ("family", "broken", "support", "conflict")
MANY_TIES = 40
"""Drawing order: conflict on top, so it is never hidden under another line."""

KNOWLEDGE_SYMBOL = {"all": "", "some": "-open-dot", "none": "-open"}

# Names on the map: whole up to this many characters; longer ones end in an ellipsis (hover and the
# editor show the whole name). Per room of the seat: 0 roomy, 1 short names, 2 crowded.
NAME_SIZE = {0: 14, 1: 13, 2: 12}
"""Font size of names (px) per room of the seat: 0 roomy, 1 in a dense quarter, 2 crowded."""
TEXT_SIZE_STEP = 3
"""Each step of the map's text size control makes names this many px larger."""
PROJECTION_EXTRA = 2
"""Projection mode: all text on the map this many px larger."""
SMALL_SCREEN = (780, 390)
"""The map's size in px on a 1280×720 screen: assumed until the browser tells the real size."""
CHAR_EM = 0.6
"""An average letter is about 0.6 of the font size wide (to fit a name in the room it has)."""
MIN_CHARS, MAX_CHARS = 6, 32

PLOT_X = MAP_X + 0.05
PLOT_Y = MAP_Y + 0.05

_JOINERS = {"\u200d"}


def _extends(ch: str) -> bool:
    """A character that belongs to the one before it (accents, emoji modifiers, variation selectors)."""
    if unicodedata.combining(ch) or ch in _JOINERS:
        return True
    cp = ord(ch)
    return 0xFE00 <= cp <= 0xFE0F or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F


def clusters(text: str) -> list[str]:
    """Text split in what a reader sees as characters (an accented letter or an emoji family is one)."""
    out: list[str] = []
    glue = False
    for ch in text:
        if out and (glue or _extends(ch)):
            out[-1] += ch
        else:
            out.append(ch)
        glue = ch in _JOINERS
    return out


def shorten(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters; a longer text ends in an ellipsis."""
    flat = " ".join(str(text).split())
    parts = clusters(flat)
    if len(parts) <= limit:
        return flat
    return "".join(parts[: max(limit - 1, 1)]).rstrip() + "…"


def plot_text(text: Any) -> str:
    """User text made inert for plotly's text and hover text (which render a subset of HTML)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quarter_path(a0: float, a1: float, inner: float, steps: int = 24) -> str:
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


def child_label(name: str, chars: int, lines: int) -> str:
    """A child's name under its marker: on up to ``lines`` lines of ``chars``; what does not fit ends in …"""
    flat = " ".join(str(name).split())
    if lines < 2 or len(clusters(flat)) <= chars:
        return plot_text(shorten(flat, chars))
    first, _, rest = flat.partition(" ")
    if not rest or len(clusters(first)) > chars:
        return plot_text(shorten(flat, chars))
    return plot_text(first) + "<br>" + plot_text(shorten(rest, chars))


def hover_lines(text: str, width: int = 44) -> str:
    """User text for a hover box: escaped, wrapped in lines of about ``width`` characters."""
    flat = " ".join(str(text).split())
    return "<br>".join(plot_text(line) for line in textwrap.wrap(flat, width) or [""])


def _hover_person(p: Person, t: Any, to_tell: bool) -> str:
    lines = [f"<b>{hover_lines(p.name)}</b>"]
    if p.relation:
        lines.append(hover_lines(p.relation))
    if p.is_child:
        lines.append(plot_text(t("network.hover.child")))
    else:
        lines.append(plot_text(f"{t(f'sector.{p.sector}')} · {t(f'closeness.{p.closeness}')}"))
    lines.append(plot_text(t(f"knowledge.{p.knowledge}")))
    if p.in_safety_network:
        lines.append(plot_text(t("network.in_safety_network")))
    if to_tell:
        lines.append(plot_text(t("network.hover.to_tell")))
    return "<br>".join(lines)


def network_figure(
    case: Case,
    lang: str = "nl",
    *,
    seats: Mapping[str, int] | None = None,
    selected: str | None = None,
    text_size: int = 0,
    projection: bool = False,
    ties: str = "all",
    screen: tuple[int, int] | None = None,
    known: NetworkFacts | None = None,
    places: Mapping[str, Placement] | None = None,
) -> dict[str, Any]:
    """The map of ``case`` as a plotly figure dict; ``selected`` is ringed and its ties stand out.

    ``text_size`` 0, 1, 2: normal, large, extra large names (a projector at 1920×1080 has room for them).
    ``ties``: "all", "strong" (support, conflict and broken contact; family ties left out) or "selected"
    (only the selected person's ties): a large network stays readable. ``screen``: the map's size in px
    as the browser shows it; names grow with it (readable from the back of the room on a large screen)
    and are shortened only where they would run into a neighbour.
    """

    def t(key: str, **kw: Any) -> str:
        return translate(lang, key, **kw)

    f = known if known is not None else facts(case)
    pos = dict(places) if places is not None else layout(case, seats)
    to_tell = set(f.not_told)
    people = case.people
    w_px, h_px = screen if screen and screen[0] > 0 and screen[1] > 0 else SMALL_SCREEN
    px_x, px_y = w_px / (2 * PLOT_X), h_px / (2 * PLOT_Y)
    # Names as large as their row allows (a row is 2 x LABEL[1] map units high), 14 to 19 px.
    auto = max(14, min(19, round(2 * LABEL[1] * px_y * 0.8)))
    extra = auto - NAME_SIZE[0] + (PROJECTION_EXTRA if projection else 0)
    extra += TEXT_SIZE_STEP * max(0, min(int(text_size), 2))

    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    # The professional quarter is tinted: the professional network, apart from the family's own.
    a0, a1 = WEDGES["professional"]
    shapes.append(
        {
            "type": "path",
            "path": _quarter_path(a0, a1, RING_EDGES[0]),
            "fillcolor": PROFESSIONAL_TINT,
            "line": {"width": 0},
            "layer": "below",
        }
    )
    shapes.append(
        {
            "type": "circle",
            "xref": "x",
            "yref": "y",
            "x0": -SX * RING_EDGES[0],
            "x1": SX * RING_EDGES[0],
            "y0": -RING_EDGES[0],
            "y1": RING_EDGES[0],
            "fillcolor": CHILD_TINT,
            "line": {"color": RING_LINE, "width": 1.5},
            "layer": "below",
        }
    )
    for r in RING_EDGES[1:-1]:
        shapes.append(
            {
                "type": "circle",
                "xref": "x",
                "yref": "y",
                "x0": -SX * r,
                "x1": SX * r,
                "y0": -r,
                "y1": r,
                "line": {"color": RING_LINE, "width": 1.5},
                "layer": "below",
            }
        )
    inner = RING_EDGES[0]
    for x0, y0, x1, y1 in (
        (SX * inner, 0, MAP_X, 0),
        (-SX * inner, 0, -MAP_X, 0),
        (0, inner, 0, MAP_Y),
        (0, -inner, 0, -MAP_Y),
    ):
        shapes.append(
            {
                "type": "line",
                "x0": x0,
                "y0": y0,
                "x1": x1,
                "y1": y1,
                "line": {"color": RING_LINE, "width": 1.5},
                "layer": "below",
            }
        )
    # Ring names just above the horizontal axis, both sides: rings 1 and 2 against their outer line
    # (clear of the children's names), the open outer ring just past the last line.
    for ring in (1, 2, 3):
        edge = SX * RING_EDGES[min(ring, 2)]
        inside = ring < 3
        for side in (-1, 1):
            outward = "right" if side > 0 else "left"
            inward = "left" if side > 0 else "right"
            annotations.append(
                {
                    "x": side * (edge - 0.08 if inside else edge + 0.08),
                    "y": 0.02,
                    "text": plot_text(t(f"closeness.{ring}")),
                    "showarrow": False,
                    "font": {"size": 12 + extra // 2, "color": MUTED},
                    "xanchor": outward if inside else inward,
                    "yanchor": "bottom",
                }
            )
    for sector in SECTORS:
        sa0, _ = WEDGES[sector]
        right = sa0 in (0.0, 270.0)
        top = sa0 in (0.0, 90.0)
        label = t(f"sector.{sector}")
        annotations.append(
            {
                "x": PLOT_X if right else -PLOT_X,
                "y": PLOT_Y if top else -PLOT_Y,
                "xanchor": "right" if right else "left",
                "yanchor": "top" if top else "bottom",
                "text": f"<b>{plot_text(label)}</b>",
                "showarrow": False,
                "font": {"size": 17 + extra, "color": SECTOR_COLOURS[sector]},
            }
        )

    data: list[dict[str, Any]] = []
    # Ties: one line trace per kind (segments split by None); parallel ties between a pair side by side.
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
    mids_x: list[float] = []
    mids_y: list[float] = []
    mids_text: list[str] = []
    for group in pairs.values():
        group.sort(key=lambda tie: (TIE_KINDS.index(tie.kind), tie.id))
        # A parent link and a family tie between the same two people are one family line on the map.
        by_kind: dict[str, Any] = {}
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
            mids_x.append((pa.x + pb.x) / 2 + ox)
            mids_y.append((pa.y + pb.y) / 2 + oy)
            note = f"<br>{hover_lines(shorten(tie.note, 200))}" if tie.note else ""
            mids_text.append(
                f"{plot_text(shorten(people[tie.a].name, 40))} — {plot_text(shorten(people[tie.b].name, 40))}"
                f"<br>{plot_text(t(f'tie.{tie.kind}'))}{note}"
            )
    # Many ties: thinner and lighter lines, so the people stay visible (a chosen person's ties stand out).
    n_drawn = sum(len(g) for g in pairs.values())
    thin = 1.0 if n_drawn <= MANY_TIES else max(0.55, math.sqrt(MANY_TIES / n_drawn))
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
    if mids_x:
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": mids_x,
                "y": mids_y,
                "hovertext": mids_text,
                "hovertemplate": "%{hovertext}<extra></extra>",
                "name": "ties",
                "marker": {"size": 12, "color": "rgba(0,0,0,0)"},
            }
        )

    # Halos behind the markers: selected, safety network, still to be told.
    others = [p for p in people.values() if not p.is_child and p.id in pos]
    others.sort(key=lambda p: (p.name.casefold(), p.id))
    widths = name_widths(case, pos)
    font = {p.id: NAME_SIZE[pos[p.id].room] + extra for p in others}

    def label(p: Person) -> str:
        chars = int(widths.get(p.id, 0.0) * px_x / (font[p.id] * CHAR_EM))
        return plot_text(shorten(p.name, max(MIN_CHARS, min(MAX_CHARS, chars))))

    kids = [p for p in case.children() if p.id in pos]

    def halo(ids: list[str], colour: str, size: int, width: float, name: str) -> None:
        if ids:
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "x": [pos[i].x for i in ids],
                    "y": [pos[i].y for i in ids],
                    "hoverinfo": "skip",
                    "name": name,
                    "marker": {
                        "symbol": "circle-open",
                        "size": size,
                        "color": colour,
                        "line": {"width": width, "color": colour},
                    },
                }
            )

    halo([p.id for p in others if p.in_safety_network and p.id not in to_tell], SAFETY_COLOUR, 23, 3, "safety")
    halo([p.id for p in others if p.id in to_tell], TO_TELL_COLOUR, 23, 3, "to-tell")
    if selected in pos:
        halo([selected], SELECTED_COLOUR, 42 if people[selected].is_child else 33, 3.5, "selected")

    # White discs under the markers, so lines do not run through the open (empty) ones.
    if others:
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": [pos[p.id].x for p in others],
                "y": [pos[p.id].y for p in others],
                "hoverinfo": "skip",
                "name": "under",
                "marker": {
                    "symbol": ["square" if not p.informal else "circle" for p in others],
                    "size": 17,
                    "color": "#ffffff",
                    "line": {"width": 0},
                },
            }
        )
        data.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "name": "people",
                "x": [pos[p.id].x for p in others],
                "y": [pos[p.id].y for p in others],
                "customdata": [p.id for p in others],
                "text": [label(p) for p in others],
                "textposition": ["middle right" if pos[p.id].side > 0 else "middle left" for p in others],
                "textfont": {"size": [font[p.id] for p in others], "color": INK, "shadow": HALO},
                "hovertext": [_hover_person(p, t, p.id in to_tell) for p in others],
                "hovertemplate": "%{hovertext}<extra></extra>",
                "cliponaxis": False,
                "marker": {
                    "symbol": [("circle" if p.informal else "square") + KNOWLEDGE_SYMBOL[p.knowledge] for p in others],
                    "size": 15,
                    "color": [SECTOR_COLOURS[p.sector] for p in others],
                    "line": {"width": 2.5, "color": [SECTOR_COLOURS[p.sector] for p in others]},
                },
            }
        )
    if kids:
        room = CHILD_SPACING * (0.75 if len(kids) > 4 else 1.0) - 0.15 if len(kids) > 1 else 2.6
        child_chars = max(MIN_CHARS, min(MAX_CHARS, int(room * px_x / ((17 + extra) * CHAR_EM * 1.05))))
        data.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "name": "children",
                "x": [pos[p.id].x for p in kids],
                "y": [pos[p.id].y for p in kids],
                "customdata": [p.id for p in kids],
                "text": [f"<b>{child_label(p.name, child_chars, 2 if len(kids) <= 2 else 1)}</b>" for p in kids],
                "textposition": "bottom center",
                "textfont": {"size": 17 + extra, "color": INK, "shadow": HALO},
                "hovertext": [_hover_person(p, t, False) for p in kids],
                "hovertemplate": "%{hovertext}<extra></extra>",
                "cliponaxis": False,
                "marker": {"symbol": "circle", "size": 28, "color": CHILD_COLOUR, "line": {"width": 2.5, "color": INK}},
            }
        )
    if not others:
        annotations.append(
            {
                "x": 0,
                "y": -(RING_EDGES[1] + RING_EDGES[2]) / 2,
                "showarrow": False,
                "text": plot_text(t("network.map_empty")),
                "font": {"size": 17 + extra, "color": MUTED},
                "bgcolor": "rgba(255,255,255,0.9)",
            }
        )

    return {
        "data": data,
        "layout": {
            "xaxis": {"range": [-PLOT_X, PLOT_X], "visible": False, "fixedrange": True},
            "yaxis": {"range": [-PLOT_Y, PLOT_Y], "visible": False, "fixedrange": True},
            "margin": {"l": 4, "r": 4, "t": 4, "b": 4},
            "showlegend": False,
            "hovermode": "closest",
            "hoverdistance": 24,
            "hoverlabel": {"font": {"size": 16 + extra}, "align": "left"},
            "dragmode": False,
            "paper_bgcolor": "#ffffff",
            "plot_bgcolor": "#ffffff",
            "font": {"family": "DejaVu Sans, Noto Sans, Arial, sans-serif", "color": INK},
            "shapes": shapes,
            "annotations": annotations,
            "uirevision": "network",
        },
    }
