"""Scaling charts, pure: case -> plotly figure (as the plain JSON dict ``PlotView.show`` sends).

Two pictures for the shared screen:

- ``line_figure``: who is where on the 0-10 line at one meeting. Each person is a dot carrying their
  number, stacked when equal; the family and network above the line, the professionals below it (other
  colour, square dots); a light band shows each group's spread and a pointer on the ruler its median. People are
  never sorted by their score.
- ``history_figure``: the same scale across the case's meetings (day 14, 28, 40...): the spread as a
  band from lowest to highest, the median as a thick line, and a thin line per person.

The figures are built as dictionaries rather than ``plotly.graph_objects`` (valid plotly JSON, several
times faster to build, which keeps a click-to-chart update well under the 150 ms the meeting needs).
User text (names, roles) is escaped: plotly renders a subset of HTML in text and hover labels. The keys
(which colour and shape is who) are HTML next to the charts (``legend_html``), readable at any size.
"""

from __future__ import annotations

import html
import statistics
from collections.abc import Iterable
from functools import partial
from typing import Any

from .. import palette
from ..domain.case import Case
from ..domain.scaling import (
    fmt_number,
    group_of,
    history,
    person_labels,
    role_of,
    scores_at,
    short_labels,
)
from ..domain.text import day_month_year, shorten
from ..i18n import translate

FONT = '"DejaVu Sans", "Noto Sans", "Segoe UI", Arial, sans-serif'
INK = palette.INK
MUTED = palette.MUTED
COLOURS = palette.GROUP
BANDS = {"informal": "rgba(30,123,79,0.10)", "professional": "rgba(31,95,168,0.10)"}
SYMBOLS = {"informal": "circle", "professional": "square"}
DASH = {"informal": "solid", "professional": "dot"}
DOT_PX = 34
LEVEL_PX = 68
LABEL_LIFT = 0.3
"""Labels sit next to their dot, away from the ruler: the dot's radius in level units."""
LABEL_FONT = 17


def esc(value: Any) -> str:
    """Plotly-safe text: ``<``, ``>`` and ``&`` shown as themselves, never as markup."""
    return html.escape(str(value), quote=False)


def _base_layout(height: int) -> dict[str, Any]:
    return {
        "height": height,
        "font": {"family": FONT, "size": 16, "color": INK},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "dragmode": False,
        "hovermode": "closest",
        "hoverlabel": {"font": {"size": 18, "family": FONT}},
    }


def _label_budget(level_cols: set[int], value: int) -> int:
    """Characters a label centred above its dot may take: one column's width, more when both sides are free."""
    crowded = (value - 1) in level_cols or (value + 1) in level_cols
    if crowded:
        return 10
    return 12 if value in (0, 10) else 16


# ---- who is where now ---------------------------------------------------------------------------


def line_figure(
    case: Case,
    scale_id: str,
    meeting_id: str | None,
    *,
    mode: str = "names",
    lang: str = "nl",
    order: Iterable[str] | None = None,
) -> dict[str, Any]:
    """The scores of one meeting as dots on the 0-10 line, stacked when equal, groups apart."""
    scores = scores_at(case, scale_id, meeting_id)
    order_ids = [pid for pid in (order or []) if pid in scores]
    order_ids += sorted(
        (pid for pid in scores if pid not in order_ids), key=lambda pid: case.people[pid].name.casefold()
    )
    words = partial(translate, lang)
    labels = short_labels(case, order_ids, mode, words)
    hover_names = person_labels(case, order_ids, mode, words)
    placed, top, bottom = _stack(case, scores, order_ids)

    traces: list[dict[str, Any]] = []
    shapes: list[dict[str, Any]] = []
    for g in ("informal", "professional"):
        pts = placed[g]
        if pts:
            shape, middle = _band_and_middle(g, pts, top if g == "informal" else bottom, lang)
            shapes.append(shape)
            traces.append(middle)
        texts = _dot_labels(pts, labels)
        hovers = []
        for pid, v, _ in pts:
            p = case.people[pid]
            who = hover_names[pid] if mode != "names" else f"{p.name} ({role_of(p, words)})"
            hovers.append(esc(translate(lang, "scaling.hover", who=shorten(who, 80), value=v)))
        traces += _dots(g, pts, texts, hovers, translate(lang, f"scaling.group.{g}"))

    ruler, annotations = _ruler()
    shapes.append(ruler)
    if not order_ids:
        annotations.append(
            {
                "x": 5,
                "y": 1.4,
                "xref": "x",
                "yref": "y",
                "showarrow": False,
                "text": esc(translate(lang, "scaling.no_scores")),
                "font": {"size": 20, "color": MUTED},
            }
        )
        top = max(top, 2)

    y_hi = top + 0.85 if top else 0.6
    y_lo = -(bottom + 0.85) if bottom else -0.6
    margin = {"l": 16, "r": 16, "t": 8, "b": 8}
    layout = _base_layout(int((y_hi - y_lo) * LEVEL_PX) + margin["t"] + margin["b"])
    layout.update(
        {
            "margin": margin,
            "xaxis": {"range": [-0.6, 10.6], "visible": False, "fixedrange": True},
            "yaxis": {"range": [y_lo, y_hi], "visible": False, "fixedrange": True},
            "shapes": shapes,
            "annotations": annotations,
            "showlegend": False,
        }
    )
    return {"data": traces, "layout": layout}


Placed = list[tuple[str, int, int]]
"""(person id, score, level) of one group: the level counts from the line outwards."""
SIGN = {"informal": 1, "professional": -1}
"""The family and network above the line, the professionals below it."""


def _stack(case: Case, scores: dict[str, Any], order_ids: list[str]) -> tuple[dict[str, Placed], int, int]:
    """The n-th person (in the fixed order, never by score) at a value goes n levels from the line."""
    placed: dict[str, Placed] = {"informal": [], "professional": []}
    height_of: dict[tuple[str, int], int] = {}
    for pid in order_ids:
        g = group_of(case.people[pid])
        v = scores[pid].value
        level = height_of.get((g, v), 0) + 1
        height_of[(g, v)] = level
        placed[g].append((pid, v, level))
    top = max((lv for _, _, lv in placed["informal"]), default=0)
    bottom = max((lv for _, _, lv in placed["professional"]), default=0)
    return placed, top, bottom


def _band_and_middle(g: str, pts: Placed, depth: int, lang: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A group's band from its lowest to its highest score, and its middle as a pointer on the ruler's edge."""
    s = SIGN[g]
    values = [v for _, v, _ in pts]
    y0, y1 = sorted((s * 0.55, s * (depth + 0.5)))
    band = {
        "type": "rect",
        "xref": "x",
        "yref": "y",
        "x0": min(values) - 0.42,
        "x1": max(values) + 0.42,
        "y0": y0,
        "y1": y1,
        "fillcolor": BANDS[g],
        "line": {"width": 0},
        "layer": "below",
    }
    med = statistics.median(values)
    label = translate(
        lang, "scaling.median_of", group=translate(lang, f"scaling.group.{g}"), value=fmt_number(med, lang)
    )
    middle = {
        "type": "scatter",
        "mode": "markers",
        "showlegend": False,
        "x": [med],
        "y": [s * 0.45],
        "marker": {"size": 18, "color": COLOURS[g], "symbol": "triangle-down" if s > 0 else "triangle-up"},
        "hovertext": [esc(label)],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "cliponaxis": False,
        "meta": {"role": "median", "group": g, "value": med},
    }
    return band, middle


def _dot_labels(pts: Placed, labels: dict[str, str]) -> list[str]:
    """Each dot's name, cut to the room its neighbours leave."""
    level_cols: dict[int, set[int]] = {}
    for _pid, v, lv in pts:
        level_cols.setdefault(lv, set()).add(v)
    return [esc(shorten(labels[pid], _label_budget(level_cols[lv], v))) for pid, v, lv in pts]


def _dots(g: str, pts: Placed, texts: list[str], hovers: list[str], name: str) -> list[dict[str, Any]]:
    """A group's dots (each carrying its number) and, point for point, their names."""
    s = SIGN[g]
    xs = [v for _, v, _ in pts]
    ys = [s * lv for _, _, lv in pts]
    ids = [pid for pid, _, _ in pts]
    dots = {
        "type": "scatter",
        "mode": "markers+text",
        "name": name,
        "legendgroup": g,
        "x": xs,
        "y": ys,
        "customdata": ids,
        "text": [str(v) for v in xs],
        "textposition": "middle center",
        "textfont": {"color": "#ffffff", "size": 17, "family": FONT},
        "marker": {"size": DOT_PX, "color": COLOURS[g], "symbol": SYMBOLS[g], "line": {"color": "#ffffff", "width": 2}},
        "hovertext": hovers,
        "hovertemplate": "%{hovertext}<extra></extra>",
        "cliponaxis": False,
        "meta": {"role": "dots", "group": g},
    }
    names = {
        "type": "scatter",
        "mode": "text",
        "showlegend": False,
        "legendgroup": g,
        "x": xs,
        "y": [y + s * LABEL_LIFT for y in ys],
        "customdata": ids,
        "text": texts,
        # Away from the ruler: above the dot for the family and network, below it for professionals.
        "textposition": "top center" if s > 0 else "bottom center",
        "textfont": {"color": INK, "size": LABEL_FONT, "family": FONT},
        "hoverinfo": "skip",
        "cliponaxis": False,
        "meta": {"role": "labels", "group": g},
    }
    return [dots, names]


def _ruler() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The 0-10 ruler: a band with its numbers, the line everyone is placed on."""
    band = {
        "type": "rect",
        "xref": "x",
        "yref": "y",
        "x0": -0.45,
        "x1": 10.45,
        "y0": -0.3,
        "y1": 0.3,
        "fillcolor": "#e9edf3",
        "line": {"color": "#c4ccd8", "width": 1},
        "layer": "below",
    }
    numbers = [
        {
            "x": v,
            "y": 0,
            "xref": "x",
            "yref": "y",
            "text": f"<b>{v}</b>",
            "showarrow": False,
            "font": {"size": 20, "color": MUTED},
        }
        for v in range(11)
    ]
    return band, numbers


# ---- across meetings ----------------------------------------------------------------------------


def _tick(lang: str, day: int | None, when: str, current: bool) -> str:
    shown = esc(day_month_year(when))
    text = f"{esc(translate(lang, 'scaling.day', day=day))}<br>{shown}" if day is not None else shown
    return f"<b>{text}</b>" if current else text


def _names_line(names: list[str], limit: int) -> str:
    """'Rita, Sofie, Jonas' within ``limit`` characters, else 'Rita, Sofie +3'."""
    shown: list[str] = []
    for i, n in enumerate(names):
        rest = len(names) - i - 1
        candidate = ", ".join([*shown, n]) + (f" +{rest}" if rest else "")
        if len(candidate) > limit and shown:
            return ", ".join(shown) + f" +{len(names) - len(shown)}"
        shown.append(n)
    return shorten(", ".join(shown), limit)


def history_figure(
    case: Case,
    scale_id: str,
    *,
    mode: str = "names",
    lang: str = "nl",
    current: str | None = None,
    people: bool = True,
) -> dict[str, Any]:
    """The scale across meetings: a band from lowest to highest, the middle as a thick line, a thin line per
    person."""
    points = history(case, scale_id, include=current)
    scored = [pt for pt in points if pt.spread.n]
    n = len(points)
    everyone: list[str] = []
    for pt in points:
        for pid in pt.values:
            if pid not in everyone:
                everyone.append(pid)
    labels = short_labels(case, everyone, mode, partial(translate, lang))

    traces: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    # Names at the line ends, one label per score so each stays exactly at its line's height.
    labelled = bool(people and scored)
    gutter = 0.9 if n <= 3 else 1.3
    if scored:
        traces += _band(points, lang)
    if people:
        traces += [_person_line(case, pid, points, labels, lang, len(everyone)) for pid in everyone]
        if labelled:
            annotations += _line_ends(points, everyone, labels, 22 if gutter > 1 else 26)
    if scored:
        traces.append(_middle_line(points, lang))
    else:
        annotations.append(
            {
                "x": 0.5,
                "y": 0.5,
                "xref": "paper",
                "yref": "paper",
                "showarrow": False,
                "text": esc(translate(lang, "scaling.no_history")),
                "font": {"size": 18, "color": MUTED},
            }
        )
    shapes = [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": i - 0.35,
            "x1": i + 0.35,
            "y0": 0,
            "y1": 1,
            "fillcolor": "rgba(31,95,168,0.07)",
            "line": {"width": 0},
            "layer": "below",
        }
        for i, pt in enumerate(points)
        if current is not None and pt.meeting.id == current
    ]
    layout = _history_layout(points, lang, current, gutter if labelled else 0.35)
    layout.update({"annotations": annotations, "shapes": shapes})
    return {"data": traces, "layout": layout}


def _band(points: list[Any], lang: str) -> list[dict[str, Any]]:
    """From the lowest to the highest score of each meeting: two lines with the space between them filled."""
    xs = list(range(len(points)))
    highs = [pt.spread.high if pt.spread.n else None for pt in points]
    lows = [pt.spread.low if pt.spread.n else None for pt in points]
    edge = {"width": 0, "color": "rgba(31,95,168,0.3)"}
    top = {
        "type": "scatter",
        "mode": "lines",
        "x": xs,
        "y": highs,
        "line": edge,
        "showlegend": False,
        "hoverinfo": "skip",
        "legendgroup": "band",
    }
    bottom = {
        "type": "scatter",
        "mode": "lines",
        "x": xs,
        "y": lows,
        "fill": "tonexty",
        "fillcolor": "rgba(31,95,168,0.16)",
        "line": edge,
        "name": translate(lang, "scaling.band"),
        "legendgroup": "band",
        "hoverinfo": "skip",
    }
    return [top, bottom]


def _person_line(
    case: Case, pid: str, points: list[Any], labels: dict[str, str], lang: str, people: int
) -> dict[str, Any]:
    """One person's scores across the meetings, in their group's colour and dash."""
    g = group_of(case.people[pid])
    px = [i for i, pt in enumerate(points) if pid in pt.values]
    py = [points[i].values[pid] for i in px]
    return {
        "type": "scatter",
        "mode": "lines+markers",
        "x": px,
        "y": py,
        "showlegend": False,
        "line": {"color": COLOURS[g], "width": 2, "dash": DASH[g]},
        "opacity": 0.8 if people <= 12 else 0.5,
        "marker": {"size": 9, "color": COLOURS[g], "symbol": SYMBOLS[g]},
        "customdata": [pid] * len(px),
        "hovertext": [esc(translate(lang, "scaling.hover", who=shorten(labels[pid], 60), value=v)) for v in py],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "meta": {"role": "person", "group": g},
    }


def _line_ends(points: list[Any], everyone: list[str], labels: dict[str, str], limit: int) -> list[dict[str, Any]]:
    """The names at the end of the lines, at the last meeting with scores (people at one height share a label)."""
    last = max(i for i, pt in enumerate(points) if pt.spread.n)
    at: dict[int, list[str]] = {}
    for pid in everyone:
        v = points[last].values.get(pid)
        if v is not None:
            at.setdefault(v, []).append(labels[pid])
    return [
        {
            "x": last + 0.1,
            "y": v,
            "xref": "x",
            "yref": "y",
            "xanchor": "left",
            "text": esc(_names_line(names, limit)),
            "showarrow": False,
            "font": {"size": 15, "color": INK},
        }
        for v, names in sorted(at.items())
    ]


def _middle_line(points: list[Any], lang: str) -> dict[str, Any]:
    """The middle score of each meeting as a thick line carrying its number."""
    meds = [pt.spread.median if pt.spread.n else None for pt in points]
    hovers = [
        esc(
            translate(
                lang,
                "scaling.median_hover",
                median=fmt_number(pt.spread.median, lang),
                low=fmt_number(pt.spread.low),
                high=fmt_number(pt.spread.high),
            )
        )
        if pt.spread.n
        else ""
        for pt in points
    ]
    return {
        "type": "scatter",
        "mode": "lines+markers+text",
        "x": list(range(len(points))),
        "y": meds,
        "name": translate(lang, "scaling.median"),
        "line": {"color": INK, "width": 5},
        "marker": {"size": 14, "color": INK},
        "text": [fmt_number(m, lang) if m is not None else "" for m in meds],
        "textposition": "top center",
        "textfont": {"size": 18, "color": INK},
        "cliponaxis": False,
        "hovertext": hovers,
        "hovertemplate": "%{hovertext}<extra></extra>",
        "meta": {"role": "median"},
    }


def _history_layout(points: list[Any], lang: str, current: str | None, right: float) -> dict[str, Any]:
    """The axes: a meeting per tick (its day and date), scores 0 to 10 up the side."""
    n = len(points)
    layout = _base_layout(440)
    layout.update(
        {
            "margin": {"l": 70, "r": 16, "t": 16, "b": 70},
            "xaxis": {
                "range": [-0.35, max(0, n - 1) + right],
                "tickvals": list(range(n)),
                "ticktext": [_tick(lang, pt.day, pt.meeting.date, pt.meeting.id == current) for pt in points],
                "fixedrange": True,
                "tickfont": {"size": 16},
                "showgrid": False,
                "zeroline": False,
            },
            "yaxis": {
                "range": [-0.5, 10.7],
                "tickvals": list(range(11)),
                "fixedrange": True,
                "tickfont": {"size": 16},
                "title": {"text": esc(translate(lang, "scaling.axis")), "font": {"size": 16}},
                "gridcolor": "#e3e8ef",
                "zeroline": False,
            },
            "showlegend": False,
        }
    )
    return layout


# ---- keys ---------------------------------------------------------------------------------------


def legend_html(which: str, lang: str) -> str:
    """The key of a chart as HTML (which colour and shape is who), shown above the chart in large type.

    The marks are drawn by ``ui/scaling/scaling.css`` from their classes (the palette's group colours)."""

    def item(mark: str, key: str) -> str:
        return (
            f'<span class="fac-key-item"><span class="fac-key-mark {mark}" aria-hidden="true"></span>'
            f"{esc(translate(lang, key))}</span>"
        )

    if which == "line":
        parts = [
            item("fac-key-dot", "scaling.group.informal"),
            item("fac-key-square", "scaling.group.professional"),
            item("fac-key-pointer", "scaling.median"),
        ]
    else:
        parts = [
            item("fac-key-band", "scaling.band"),
            item("fac-key-median", "scaling.median"),
            item("fac-key-family", "scaling.group.informal"),
            item("fac-key-pro", "scaling.group.professional"),
        ]
    return f'<div class="fac-legend">{"".join(parts)}</div>'
