"""The network map as a plotly figure (a plain dict, ready for ``PlotView.show``).

The children sit at the centre; everyone else in a closeness ring (very close / close / further away)
within their sector's quarter: family top left, friends and neighbours top right, professionals
bottom left (tinted, drawn as squares: the professional network), school and leisure bottom right.
The fill of a marker shows the safety circles (veiligheidscirkels): filled knows everything of the
worries, a dot knows something, empty knows nothing yet. A green ring marks the safety network; an
orange ring someone who still needs to hear the worries. Support is a green solid line, conflict a red
dashed one. A small sign beside a marker gives the person's Family Finding status; a tick, that they are
here at the current meeting.

Names never overlap another name or marker and are never cut below the first name (``map_labels``); the
figure is built for the size it is drawn at (``screen``), so the working screen, the family screen and
a document each get their own fit from the same layout (``map_layout.map_positions``).

User text reaches plotly only escaped (plotly renders a subset of HTML in text and hover text).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import lru_cache
from typing import Any

from .. import palette
from ..domain.case import Case
from ..domain.model import Person
from ..domain.network import NetworkFacts, facts
from ..i18n import translate
from .map_labels import PAD, Box, Label, Seat, block_size, name_forms, place_labels, text_width
from .map_layout import CHILD_SPACING, LABEL, RING_EDGES, Placement, layout
from .map_parts import PLOT_X, PLOT_Y, TIE_STYLES, Screen, TextPoint, background, text_trace, tie_traces
from .text import child_label, clusters, hover_lines, plot_text, shorten

__all__ = [
    "FF_BADGES",
    "PRESENT_BADGE",
    "SAFETY_COLOUR",
    "SECTOR_COLOURS",
    "TIE_STYLES",
    "TO_TELL_COLOUR",
    "child_label",
    "clusters",
    "hover_lines",
    "network_figure",
    "plot_text",
    "shorten",
]

SECTOR_COLOURS = palette.SECTOR
CHILD_COLOUR = palette.CHILD
INK = palette.INK
MUTED = palette.MUTED
SAFETY_COLOUR = palette.SAFETY
TO_TELL_COLOUR = palette.TO_TELL
SELECTED_COLOUR = palette.INK
HALO = "-1px -1px 1px #fff, 1px -1px 1px #fff, -1px 1px 1px #fff, 1px 1px 1px #fff, 0 0 3px #fff"
"""A white edge around names, so a line running behind a name does not cut through it."""

KNOWLEDGE_SYMBOL = {"all": "", "some": "-open-dot", "none": "-open"}
FF_BADGES = {"to_find": "?", "found": "⚐", "contacted": "☎", "willing": "♡", "committed": "★", "declined": "⊘"}
"""Family Finding on the map: a small sign beside the marker (the legend says what each means)."""
PRESENT_BADGE = "✔"
"""Beside the marker of someone present at the current meeting."""

NAME_SIZE = 14
"""Font size of names (px) on a map of about 780×390 px; larger on a larger map."""
TEXT_SIZE_STEP = 3
"""Each step of the map's text size control makes names this many px larger."""
PROJECTION_EXTRA = 2
"""Projection mode: all text on the map this many px larger."""
SMALL_SCREEN = (780, 390)
"""The map's size in px on a 1280×720 screen: assumed until the browser tells the real size."""
MARKER = 15
CHILD_MARKER = 28
BADGE_SIZE = 12
RINGED_ROOM = 21
SELECTED_ROOM = 30
"""The room a name leaves around a ringed marker (its safety ring or to-tell ring) and around the chosen
one's ring (px, as a marker size): plotly places a point's text by its marker's size, so the "people"
trace's (invisible) markers take this size and the names start clear of the ring."""


@lru_cache(maxsize=4096)
def _hover_person(p: Person, lang: str, to_tell: bool, here: bool) -> str:
    """The hover text of a person (kept: people are immutable records, most do not change between drawings)."""

    def t(key: str, **kw: Any) -> str:
        return translate(lang, key, **kw)

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
    if p.ff_status:
        lines.append(plot_text(f"Family Finding: {t(f'ff_status.{p.ff_status}')}"))
    if here:
        lines.append(plot_text(t("network.hover.present")))
    return "<br>".join(lines)


def _sizes(screen: Screen, n_people: int, text_size: int, projection: bool) -> tuple[int, int]:
    """Font sizes of names and of the children's names: as large as the map allows, smaller when crowded."""
    auto = max(NAME_SIZE, min(19, round(2 * LABEL[1] * screen.sy * 0.8)))
    per_10k = n_people / max(1.0, screen.width * screen.height / 10_000)
    crowd = 3 if per_10k > 2.2 else 2 if per_10k > 1.6 else 1 if per_10k > 1.1 else 0
    extra = (PROJECTION_EXTRA if projection else 0) + TEXT_SIZE_STEP * max(0, min(int(text_size), 2))
    name = max(12, auto - crowd) + extra
    return name, 17 + (auto - NAME_SIZE) + extra


def _badges(
    others: list[Person], pos: Mapping[str, Placement], screen: Screen, present: Collection[str]
) -> tuple[dict[str, Any], list[Box]]:
    """Family Finding signs (upper corner) and present ticks (lower corner), on the side away from the name:
    a text trace (white-edged, like the names) and the boxes the signs take."""
    notes: list[TextPoint] = []
    boxes: list[Box] = []
    for p in others:
        pl = pos[p.id]
        away = -1 if (pl.side or 1) > 0 else 1
        px, py = screen.px(pl.x, pl.y)
        for glyph, dy, colour in (
            (FF_BADGES.get(p.ff_status, ""), -1, INK),
            (PRESENT_BADGE if p.id in present else "", 1, palette.WELL),
        ):
            if not glyph:
                continue
            xs, ys = away * 12, dy * 10
            notes.append((*screen.at(pl.x, pl.y, xs, ys), glyph, "middle center", BADGE_SIZE, colour))
            w = text_width(glyph, BADGE_SIZE)
            boxes.append((px + xs - w / 2 - 1, px + xs + w / 2 + 1, py + ys - 8, py + ys + 8))
    return text_trace("badges", notes, HALO), boxes


def _children(
    kids: list[Person], pos: Mapping[str, Placement], screen: Screen, size: int
) -> tuple[list[str], list[Box]]:
    """The children's names under their markers (bold): whole, on two lines, or first name and initial,
    whichever fits the room between them; and the boxes they take."""
    room = CHILD_SPACING * (0.75 if len(kids) > 4 else 1.0) - 0.15 if len(kids) > 1 else 2.6
    room_px = room * screen.sx
    texts, boxes = [], []
    for p in kids:
        forms = [f for f, _ in name_forms(p.name) if len(f) == 1 or len(kids) <= 2]
        lines = next((f for f in forms if block_size(f, size, bold=True)[0] <= room_px), forms[-1])
        texts.append("<b>" + "<br>".join(plot_text(x) for x in lines) + "</b>")
        px, py = screen.px(pos[p.id].x, pos[p.id].y)
        w, h = block_size(lines, size, bold=True)
        r = CHILD_MARKER / 2 / 0.8 + 1
        boxes.append((px - w / 2 - PAD, px + w / 2 + PAD, py + r - 2, py + r + h + PAD))
        boxes.append((px - CHILD_MARKER / 2 - 2, px + CHILD_MARKER / 2 + 2, py - CHILD_MARKER / 2 - 2, py + r))
    return texts, boxes


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
    present: Collection[str] = (),
    badges: bool = True,
) -> dict[str, Any]:
    """The map of ``case`` as a plotly figure dict; ``selected`` is ringed and its ties stand out.

    ``text_size`` 0, 1, 2: normal, large, extra large names. ``ties``: "all", "strong" (support, conflict
    and broken contact; family ties left out) or "selected" (only the selected person's ties). ``screen``:
    the map's size in px as it is drawn; names grow with it and are placed to fit it. ``present``: who
    is here at the current meeting (a tick); ``badges`` False leaves the ticks and Family Finding signs off.
    The layout's ``meta.shortened`` lists the names not shown whole, as ``[person id, shown (escaped)]``.
    """

    def t(key: str, **kw: Any) -> str:
        return translate(lang, key, **kw)

    f = known if known is not None else facts(case)
    pos = dict(places) if places is not None else layout(case, seats)
    to_tell = set(f.not_told)
    w_px, h_px = screen if screen and screen[0] > 0 and screen[1] > 0 else SMALL_SCREEN
    scr = Screen(int(w_px), int(h_px))
    others = sorted(
        (p for p in case.people.values() if not p.is_child and p.id in pos), key=lambda p: (p.name.casefold(), p.id)
    )
    kids = [p for p in case.children() if p.id in pos]
    name_size, child_size = _sizes(scr, len(others), text_size, projection)
    extra = child_size - 17

    shapes, map_texts, obstacles = background(t, extra, scr)
    annotations: list[dict[str, Any]] = []
    data = tie_traces(case, pos, t, selected, ties)
    present_ids = set(present) if badges else set()
    notes, boxes = _badges(others, pos, scr, present_ids) if badges else (text_trace("badges", []), [])
    obstacles += boxes
    child_texts, boxes = _children(kids, pos, scr, child_size)
    obstacles += boxes
    ringed = {p.id for p in others if p.in_safety_network or p.id in to_tell}
    labels = _labels(others, pos, scr, name_size, obstacles, ringed, selected)
    data += _halos(others, pos, to_tell, selected, case)
    if others:
        rooms = [_room(p.id, ringed, selected) for p in others]
        data += _people_traces(others, pos, labels, name_size, lang, to_tell, present_ids, rooms)
    if kids:
        hover = [_hover_person(p, lang, False, p.id in present_ids) for p in kids]
        data.append(_children_trace(kids, pos, child_texts, child_size, hover))
    # The texts on top, as the annotations they once were; always there, so that a redraw keeps its traces.
    data += [*_set_apart(others, pos, labels, name_size, scr), notes, map_texts]
    if not others:
        annotations.append(
            {
                "x": 0,
                "y": -(RING_EDGES[1] + RING_EDGES[2]) / 2,
                "showarrow": False,
                "text": plot_text(t("network.map_empty")),
                "font": {"size": child_size, "color": MUTED},
                "bgcolor": "rgba(255,255,255,0.9)",
            }
        )
    shortened = [[p.id, plot_text(" ".join(labels[p.id].lines))] for p in others if labels[p.id].short]
    return _figure(data, shapes, annotations, extra, shortened, (scr.width, scr.height))


def _labels(
    others: list[Person],
    pos: Mapping[str, Placement],
    scr: Screen,
    size: int,
    obstacles: list[Box],
    ringed: set[str],
    selected: str | None,
) -> dict[str, Label]:
    """Every name placed in screen px, clear of the others, the markers, their rings and the texts."""
    seats_px = []
    for p in others:
        px, py = scr.px(pos[p.id].x, pos[p.id].y)
        side = pos[p.id].side or (1 if pos[p.id].x >= 0 else -1)
        keep = 16.5 if p.id == selected else 12.0 if p.id in ringed else MARKER / 2
        room = _room(p.id, ringed, selected) / 2
        seats_px.append(Seat(p.id, px, py, p.name, side, size, room, keep))
    return place_labels(seats_px, obstacles, (1.0, scr.width - 1.0, 1.0, scr.height - 1.0))


def _halos(
    others: list[Person], pos: Mapping[str, Placement], to_tell: set[str], selected: str | None, case: Case
) -> list[dict[str, Any]]:
    """Rings behind the markers: the safety network, who still needs to hear the worries, the chosen one."""
    rings = [
        ([p.id for p in others if p.in_safety_network and p.id not in to_tell], SAFETY_COLOUR, 23, 3.0, "safety"),
        ([p.id for p in others if p.id in to_tell], TO_TELL_COLOUR, 23, 3.0, "to-tell"),
    ]
    if selected is not None and selected in pos:
        rings.append(([selected], SELECTED_COLOUR, 42 if case.people[selected].is_child else 33, 3.5, "selected"))
    out = []
    for ids, colour, size, width, name in rings:
        if ids:
            marker = {"symbol": "circle-open", "size": size, "color": colour, "line": {"width": width, "color": colour}}
            xs, ys = [pos[i].x for i in ids], [pos[i].y for i in ids]
            out.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "x": xs,
                    "y": ys,
                    "hoverinfo": "skip",
                    "name": name,
                    "marker": marker,
                }
            )
    return out


def _children_trace(
    kids: list[Person], pos: Mapping[str, Placement], texts: list[str], size: int, hover: list[str]
) -> dict[str, Any]:
    return {
        "type": "scatter",
        "mode": "markers+text",
        "name": "children",
        "x": [pos[p.id].x for p in kids],
        "y": [pos[p.id].y for p in kids],
        "customdata": [p.id for p in kids],
        "text": texts,
        "textposition": "bottom center",
        "textfont": {"size": size, "color": INK, "shadow": HALO},
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>",
        "cliponaxis": False,
        "marker": {
            "symbol": "circle",
            "size": CHILD_MARKER,
            "color": CHILD_COLOUR,
            "line": {"width": 2.5, "color": INK},
        },
    }


def _room(pid: str, ringed: set[str], selected: str | None) -> int:
    return SELECTED_ROOM if pid == selected else RINGED_ROOM if pid in ringed else MARKER


def _people_traces(
    others: list[Person],
    pos: Mapping[str, Placement],
    labels: Mapping[str, Label],
    size: int,
    lang: str,
    to_tell: set[str],
    present: set[str],
    rooms: list[int],
) -> list[dict[str, Any]]:
    """White discs under the markers (lines do not run through the open ones), the markers, then the people:
    their names, what the hover says and what a click picks, at invisible markers of the room their names
    leave (``RINGED_ROOM``).

    A name set apart leaves its point's text a space, not empty: plotly.js (4.1) does not draw a point's
    text when ``Plotly.react`` changes it from empty to a name."""
    xs, ys = [pos[p.id].x for p in others], [pos[p.id].y for p in others]
    under = {
        "type": "scatter",
        "mode": "markers",
        "x": xs,
        "y": ys,
        "hoverinfo": "skip",
        "name": "under",
        "marker": {
            "symbol": ["square" if not p.informal else "circle" for p in others],
            "size": 17,
            "color": "#ffffff",
            "line": {"width": 0},
        },
    }
    colours = [SECTOR_COLOURS[p.sector] for p in others]
    marks = {
        "type": "scatter",
        "mode": "markers",
        "name": "people-marks",
        "x": xs,
        "y": ys,
        "hoverinfo": "skip",
        "cliponaxis": False,
        "marker": {
            "symbol": [("circle" if p.informal else "square") + KNOWLEDGE_SYMBOL[p.knowledge] for p in others],
            "size": MARKER,
            "color": colours,
            "line": {"width": 2.5, "color": colours},
        },
    }
    people = {
        "type": "scatter",
        "mode": "markers+text",
        "name": "people",
        "x": xs,
        "y": ys,
        "customdata": [p.id for p in others],
        "text": [
            "<br>".join(plot_text(line) for line in labels[p.id].lines) if labels[p.id].position else " "
            for p in others
        ],
        "textposition": [labels[p.id].position or "middle right" for p in others],
        "textfont": {"size": size, "color": INK, "shadow": HALO},
        "hovertext": [_hover_person(p, lang, p.id in to_tell, p.id in present) for p in others],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "cliponaxis": False,
        "marker": {"size": rooms, "color": "rgba(0,0,0,0)", "line": {"width": 0}},
    }
    return [under, marks, people]


def _set_apart(
    others: list[Person], pos: Mapping[str, Placement], labels: Mapping[str, Label], size: int, scr: Screen
) -> list[dict[str, Any]]:
    """Names set a little apart on a crowded map, with a thin line to their marker: the lines (from the
    edge of the name's box to just short of the marker) and the names, centred where they were placed."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    names: list[TextPoint] = []
    for p in others:
        label = labels[p.id]
        if label.position:
            continue
        dx, dy = label.offset
        x, y = pos[p.id].x, pos[p.id].y
        names.append(
            (*scr.at(x, y, dx, dy), "<br>".join(plot_text(line) for line in label.lines), "middle center", size, INK)
        )
        (x0, y0), (x1, y1) = (scr.at(x, y, *end) for end in _line_to_marker(dx, dy, label.box))
        xs += [x0, x1, None]
        ys += [y0, y1, None]
    lines = {
        "type": "scatter",
        "mode": "lines",
        "name": "apart-lines",
        "uid": "apart-lines",
        "x": xs,
        "y": ys,
        "hoverinfo": "skip",
        "cliponaxis": False,
        "line": {"color": MUTED, "width": 1.2},
    }
    return [lines, text_trace("apart", names)]


def _line_to_marker(dx: float, dy: float, box: Box) -> tuple[tuple[float, float], tuple[float, float]]:
    """The line from a name set apart (its centre ``dx``, ``dy`` px from the marker) to the marker, as px
    offsets from the marker: from where it leaves the name's box to just short of the marker's edge."""
    dist = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / dist, dy / dist
    half_w = (box[1] - box[0]) / 2 - PAD
    half_h = (box[3] - box[2]) / 2 - PAD / 2
    # From the box's centre towards the marker, the box is left after this many px.
    leave = min(half_w / abs(ux) if ux else float("inf"), half_h / abs(uy) if uy else float("inf"))
    near = MARKER / 2 + 1
    far = max(dist - leave, near)
    return ((ux * far, uy * far), (ux * near, uy * near))


def _figure(
    data: list[Any],
    shapes: list[Any],
    annotations: list[Any],
    extra: int,
    shortened: list[list[str]],
    screen: tuple[int, int],
) -> dict[str, Any]:
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
            "meta": {"shortened": shortened, "screen": list(screen)},
        },
    }
