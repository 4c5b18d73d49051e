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
from datetime import date
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
    shorten,
)
from ..i18n import translate

FONT = '"DejaVu Sans", "Noto Sans", "Segoe UI", Arial, sans-serif'
INK = "#1d2430"
MUTED = "#4a5568"
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
    labels = short_labels(case, order_ids, mode, lang)
    hover_names = person_labels(case, order_ids, mode, lang)

    # Stack: the n-th person (in the fixed order, never by score) at a value goes n levels from the line.
    placed: dict[str, list[tuple[str, int, int]]] = {"informal": [], "professional": []}
    height_of: dict[tuple[str, int], int] = {}
    for pid in order_ids:
        g = group_of(case.people[pid])
        v = scores[pid].value
        level = height_of.get((g, v), 0) + 1
        height_of[(g, v)] = level
        placed[g].append((pid, v, level))
    top = max((lv for _, _, lv in placed["informal"]), default=0)
    bottom = max((lv for _, _, lv in placed["professional"]), default=0)

    traces: list[dict[str, Any]] = []
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    sign = {"informal": 1, "professional": -1}
    for g in ("informal", "professional"):
        pts = placed[g]
        name = translate(lang, f"scaling.group.{g}")
        s = sign[g]
        if pts:
            values = [v for _, v, _ in pts]
            lo, hi = min(values), max(values)
            depth = top if g == "informal" else bottom
            y0, y1 = sorted((s * 0.55, s * (depth + 0.5)))
            shapes.append(
                {
                    "type": "rect",
                    "xref": "x",
                    "yref": "y",
                    "x0": lo - 0.42,
                    "x1": hi + 0.42,
                    "y0": y0,
                    "y1": y1,
                    "fillcolor": BANDS[g],
                    "line": {"width": 0},
                    "layer": "below",
                }
            )
            # The median: a pointer on the ruler's edge, clear of the dots and their names.
            med = statistics.median(values)
            label = translate(lang, "scaling.median_of", group=name, value=fmt_number(med, lang))
            traces.append(
                {
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
            )
        level_cols: dict[int, set[int]] = {}
        for _pid, v, lv in pts:
            level_cols.setdefault(lv, set()).add(v)
        texts = []
        for pid, v, lv in pts:
            texts.append(esc(shorten(labels[pid], _label_budget(level_cols[lv], v))))
        hovers = []
        for pid, v, _ in pts:
            p = case.people[pid]
            who = hover_names[pid] if mode != "names" else f"{p.name} ({role_of(p, lang)})"
            hovers.append(esc(translate(lang, "scaling.hover", who=shorten(who, 80), value=v)))
        xs = [v for _, v, _ in pts]
        ys = [s * lv for _, _, lv in pts]
        ids = [pid for pid, _, _ in pts]
        traces.append(
            {
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
                "marker": {
                    "size": DOT_PX,
                    "color": COLOURS[g],
                    "symbol": SYMBOLS[g],
                    "line": {"color": "#ffffff", "width": 2},
                },
                "hovertext": hovers,
                "hovertemplate": "%{hovertext}<extra></extra>",
                "cliponaxis": False,
                "meta": {"role": "dots", "group": g},
            }
        )
        traces.append(
            {
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
        )

    # The 0-10 ruler: a band with its numbers, the line everyone is placed on.
    shapes.append(
        {
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
    )
    for v in range(11):
        annotations.append(
            {
                "x": v,
                "y": 0,
                "xref": "x",
                "yref": "y",
                "text": f"<b>{v}</b>",
                "showarrow": False,
                "font": {"size": 20, "color": MUTED},
            }
        )
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


# ---- across meetings ----------------------------------------------------------------------------


def _tick(lang: str, day: int | None, when: str, current: bool) -> str:
    try:
        d = date.fromisoformat(when)
        shown = f"{d.day}/{d.month}/{d.year}"
    except ValueError:
        shown = esc(when)
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
    """The scale across meetings: spread band (lowest to highest), median line, a thin line per person."""
    points = history(case, scale_id, include=current)
    scored = [pt for pt in points if pt.spread.n]
    n = len(points)
    xs = list(range(n))
    ticktext = [_tick(lang, pt.day, pt.meeting.date, pt.meeting.id == current) for pt in points]

    everyone: list[str] = []
    for pt in points:
        for pid in pt.values:
            if pid not in everyone:
                everyone.append(pid)
    labels = short_labels(case, everyone, mode, lang)

    traces: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    shapes: list[dict[str, Any]] = []
    # Names at the line ends, one label per score so each stays exactly at its line's height.
    labelled = bool(people and scored)
    gutter = 0.9 if n <= 3 else 1.3
    highs = [pt.spread.high if pt.spread.n else None for pt in points]
    lows = [pt.spread.low if pt.spread.n else None for pt in points]
    meds = [pt.spread.median if pt.spread.n else None for pt in points]
    if scored:
        band_name = translate(lang, "scaling.band")
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": xs,
                "y": highs,
                "line": {"width": 0, "color": "rgba(31,95,168,0.3)"},
                "showlegend": False,
                "hoverinfo": "skip",
                "legendgroup": "band",
            }
        )
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": xs,
                "y": lows,
                "fill": "tonexty",
                "fillcolor": "rgba(31,95,168,0.16)",
                "line": {"width": 0, "color": "rgba(31,95,168,0.3)"},
                "name": band_name,
                "legendgroup": "band",
                "hoverinfo": "skip",
            }
        )
    if people:
        for pid in everyone:
            p = case.people[pid]
            g = group_of(p)
            px = [i for i, pt in enumerate(points) if pid in pt.values]
            py = [points[i].values[pid] for i in px]
            hover = [esc(translate(lang, "scaling.hover", who=shorten(labels[pid], 60), value=v)) for v in py]
            traces.append(
                {
                    "type": "scatter",
                    "mode": "lines+markers",
                    "x": px,
                    "y": py,
                    "showlegend": False,
                    "line": {"color": COLOURS[g], "width": 2, "dash": DASH[g]},
                    "opacity": 0.8 if len(everyone) <= 12 else 0.5,
                    "marker": {"size": 9, "color": COLOURS[g], "symbol": SYMBOLS[g]},
                    "customdata": [pid] * len(px),
                    "hovertext": hover,
                    "hovertemplate": "%{hovertext}<extra></extra>",
                    "meta": {"role": "person", "group": g},
                }
            )
        if labelled:
            last = max(i for i, pt in enumerate(points) if pt.spread.n)
            at: dict[int, list[str]] = {}
            for pid in everyone:
                v = points[last].values.get(pid)
                if v is not None:
                    at.setdefault(v, []).append(labels[pid])
            for v, names in sorted(at.items()):
                annotations.append(
                    {
                        "x": last + 0.1,
                        "y": v,
                        "xref": "x",
                        "yref": "y",
                        "xanchor": "left",
                        "text": esc(_names_line(names, 22 if gutter > 1 else 26)),
                        "showarrow": False,
                        "font": {"size": 15, "color": INK},
                    }
                )
    if scored:
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers+text",
                "x": xs,
                "y": meds,
                "name": translate(lang, "scaling.median"),
                "line": {"color": INK, "width": 5},
                "marker": {"size": 14, "color": INK},
                "text": [fmt_number(m, lang) if m is not None else "" for m in meds],
                "textposition": "top center",
                "textfont": {"size": 18, "color": INK},
                "cliponaxis": False,
                "hovertext": [
                    esc(
                        translate(
                            lang,
                            "scaling.median_hover",
                            median=fmt_number(m, lang),
                            low=fmt_number(lo),
                            high=fmt_number(hi),
                        )
                    )
                    if m is not None
                    else ""
                    for m, lo, hi in zip(meds, lows, highs, strict=False)
                ],
                "hovertemplate": "%{hovertext}<extra></extra>",
                "meta": {"role": "median"},
            }
        )
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
    if current is not None:
        for i, pt in enumerate(points):
            if pt.meeting.id == current:
                shapes.append(
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
                )

    right = gutter if labelled else 0.35
    layout = _base_layout(440)
    layout.update(
        {
            "margin": {"l": 70, "r": 16, "t": 16, "b": 70},
            "xaxis": {
                "range": [-0.35, max(0, n - 1) + right],
                "tickvals": xs,
                "ticktext": ticktext,
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
            "annotations": annotations,
            "shapes": shapes,
            "showlegend": False,
        }
    )
    return {"data": traces, "layout": layout}


# ---- keys ---------------------------------------------------------------------------------------


def legend_html(which: str, lang: str) -> str:
    """The key of a chart as HTML (which colour and shape is who), shown above the chart in large type."""
    sw = "display:inline-block;vertical-align:middle;margin:0 0.35em 0 0.9em;"

    def item(mark: str, key: str) -> str:
        return f'<span class="fac-key-item">{mark}{esc(translate(lang, key))}</span>'

    dot = f'<span style="{sw}width:0.8em;height:0.8em;border-radius:50%;background:{COLOURS["informal"]}"></span>'
    square = f'<span style="{sw}width:0.75em;height:0.75em;background:{COLOURS["professional"]}"></span>'
    if which == "line":
        tri = f'<span style="{sw}color:{MUTED}">▼</span>'
        parts = [
            item(dot, "scaling.group.informal"),
            item(square, "scaling.group.professional"),
            item(tri, "scaling.median"),
        ]
    else:
        band = f'<span style="{sw}width:1.6em;height:0.8em;background:rgba(31,95,168,0.25)"></span>'
        median = f'<span style="{sw}width:1.6em;height:0;border-top:5px solid {INK}"></span>'
        fam = f'<span style="{sw}width:1.6em;height:0;border-top:2px solid {COLOURS["informal"]}"></span>'
        pro = f'<span style="{sw}width:1.6em;height:0;border-top:3px dotted {COLOURS["professional"]}"></span>'
        parts = [
            item(band, "scaling.band"),
            item(median, "scaling.median"),
            item(fam, "scaling.group.informal"),
            item(pro, "scaling.group.professional"),
        ]
    return f'<div class="fac-legend">{"".join(parts)}</div>'
