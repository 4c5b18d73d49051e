"""The genogram as a plotly figure (a plain dict): generations, couples, children, household, deceased.

Standard genogram symbols: a square for a man, a circle for a woman, a diamond when not known; the
case's children drawn double; a cross over someone who died. Partners are joined at mid-height (a double
slash for former partners, dashes for parents who were never linked as partners); children hang from
their parents' line. A dashed line goes around who lives with the children. Relatives tied to someone
only as "family" stand beside them on a dotted line. The layout is ``domain.genogram``; this module only
draws it, so the screen and the documents show the same genogram.
"""

from __future__ import annotations

import textwrap
from datetime import date
from typing import Any

from .. import palette
from ..domain.case import Case
from ..domain.genogram import Genogram, Union, genogram
from ..domain.model import Person
from ..i18n import translate
from .map_labels import text_width
from .network import FF_BADGES, HALO, hover_lines, plot_text, shorten

ROW = 2.0
"""Height of a generation (genogram units)."""
SYMBOL = 0.22
"""Half the size of a symbol (genogram units at the reference scale)."""
BAR = 0.62
"""The children's bar hangs this far above their row."""
NAME_CHARS = 13
"""A name is wrapped in lines of this many characters (two lines at most)."""


def age_on(p: Person, today: date) -> int | None:
    """Age from the date of birth when known (on ``today``), else the age typed."""
    if p.birth_date:
        try:
            born = date.fromisoformat(p.birth_date)
        except ValueError:
            return p.age
        years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        return max(0, years)
    return p.age


def months_on(p: Person, today: date) -> int | None:
    """Age in whole months from the date of birth (for a baby), if known."""
    try:
        born = date.fromisoformat(p.birth_date) if p.birth_date else None
    except ValueError:
        return None
    if born is None:
        return None
    return max(0, (today.year - born.year) * 12 + today.month - born.month - (today.day < born.day))


def name_lines(name: str, chars: int = NAME_CHARS, width_px: float | None = None, font: int = 14) -> list[str]:
    """A name in at most two lines of ``chars`` characters (or, given ``width_px``, as wide as that in the
    genogram's font); what does not fit ends in an ellipsis."""
    flat = " ".join(str(name).split())
    if width_px is None:
        lines = textwrap.wrap(flat, chars, break_long_words=True) or [""]
    else:
        lines = []
        for word in flat.split(" "):
            if lines and text_width(f"{lines[-1]} {word}", font) <= width_px:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        lines = lines or [""]
    if len(lines) > 2:
        lines = [lines[0], shorten(" ".join(lines[1:]), max(chars, len(lines[0])))]
    return lines


def gap_texts(case: Case, lang: str, g: Genogram | None = None) -> list[str]:
    """The gaps in words: "Noah: niemand gekend langs vaderskant buiten Kevin D'Hondt"."""
    g = g if g is not None else genogram(case)
    out = []
    for gap in g.gaps:
        names = [case.name_of(k).split(" ")[0] for k in gap.children]
        who = names[0] if len(names) == 1 else translate(lang, "genogram.and", a=", ".join(names[:-1]), b=names[-1])
        if gap.parent is None:
            out.append(translate(lang, f"genogram.gap.{gap.side}", children=who))
        else:
            out.append(translate(lang, f"genogram.gap.{gap.side}_only", children=who, parent=case.name_of(gap.parent)))
    return out


def _y(generation: int) -> float:
    return -generation * ROW


def _symbol(p: Person) -> str:
    return {"male": "square", "female": "circle"}.get(p.gender, "diamond")


def _union_lines(g: Genogram, u: Union, shapes: list[dict[str, Any]], annotations: list[dict[str, Any]]) -> None:
    (xa, ga), (xb, gb) = g.places[u.a], g.places[u.b]
    ya, yb = _y(ga), _y(gb)
    dash = {"partner": "solid", "ex_partner": "solid", "parents": "dash"}[u.kind]
    shapes.append(_line(xa + SYMBOL, ya, xb - SYMBOL, yb, palette.INK, 2.0, dash))
    if u.kind == "ex_partner":  # a double slash across the line: separated
        mx, my = (xa + xb) / 2, (ya + yb) / 2
        for d in (-0.07, 0.07):
            shapes.append(_line(mx + d - 0.07, my - 0.16, mx + d + 0.07, my + 0.16, palette.INK, 2.0, "solid"))


def _line(x0: float, y0: float, x1: float, y1: float, colour: str, width: float, dash: str) -> dict[str, Any]:
    return {
        "type": "line",
        "x0": x0,
        "y0": y0,
        "x1": x1,
        "y1": y1,
        "line": {"color": colour, "width": width, "dash": dash},
        "layer": "below",
    }


def _family_lines(g: Genogram, shapes: list[dict[str, Any]], below: dict[str, float]) -> None:
    """Children hang from their parents' line (or, for one parent, from under that parent's name:
    ``below`` is how far a person's name reaches under them)."""
    unions = {frozenset((u.a, u.b)) for u in g.unions}
    for fam in g.families:
        parents = [p for p in fam.parents if p in g.places]
        kids = [k for k in fam.children if k in g.places]
        if not parents or not kids:
            continue
        px = [g.places[p][0] for p in parents]
        py = max(_y(g.places[p][1]) for p in parents)
        couple = len(parents) == 2 and frozenset(parents) in unions
        top = (sum(px) / 2, py) if couple else (px[0], py - below.get(parents[0], SYMBOL))
        ky = [(g.places[k][0], _y(g.places[k][1])) for k in kids]
        bar = max(y for _, y in ky) + BAR
        xs = [x for x, _ in ky] + [top[0]]
        shapes.append(_line(top[0], top[1], top[0], bar, palette.INK, 2.0, "solid"))
        shapes.append(_line(min(xs), bar, max(xs), bar, palette.INK, 2.0, "solid"))
        for x, y in ky:
            shapes.append(_line(x, bar, x, y + SYMBOL, palette.INK, 2.0, "solid"))


def household_outlines(g: Genogram) -> list[list[tuple[float, float]]]:
    """Outlines (closed, in genogram units) around who lives with the children: per run of consecutive
    generations whose members overlap, one staircase (the screen and the printed genogram draw these)."""
    rows: dict[int, list[float]] = {}
    for pid in g.household:
        x, gen = g.places[pid]
        rows.setdefault(gen, []).append(x)
    pad_x = 0.72
    spans = [(gen, min(xs) - pad_x, max(xs) + pad_x) for gen, xs in sorted(rows.items())]
    runs: list[list[tuple[int, float, float]]] = []
    for s in spans:
        last = runs[-1][-1] if runs else None
        if last and s[0] == last[0] + 1 and s[1] < last[2] and last[1] < s[2]:
            runs[-1].append(s)
        else:
            runs.append([s])
    outlines = []
    for run in runs:
        # Rows of one run meet halfway between them, so the line goes round them without a notch.
        tops = [_y(gen) + (0.45 if i == 0 else ROW / 2) for i, (gen, _, _) in enumerate(run)]
        bottoms = [_y(gen) - (1.05 if i == len(run) - 1 else ROW / 2) for i, (gen, _, _) in enumerate(run)]
        pts = [(run[0][1], tops[0]), (run[0][2], tops[0])]
        for i, (_, _, r) in enumerate(run):
            pts += [(r, tops[i]), (r, bottoms[i])]
        for i in range(len(run) - 1, -1, -1):
            _, left, _ = run[i]
            pts += [(left, bottoms[i]), (left, tops[i])]
        outlines.append(pts)
    return outlines


def _household_paths(g: Genogram) -> list[str]:
    return ["M " + " L ".join(f"{x:.3f},{y:.3f}" for x, y in pts) + " Z" for pts in household_outlines(g)]


def link_lines(g: Genogram, below: dict[str, float]) -> list[dict[str, Any]]:
    """Every line between people as plotly line shapes (couples, children under their parents, loose
    relatives): the screen draws them as they are, the printed genogram reads their ends and dashes."""
    shapes: list[dict[str, Any]] = []
    for u in g.unions:
        _union_lines(g, u, shapes, [])
    _family_lines(g, shapes, below)
    for rel, anchor in g.loose:
        (x0, g0), (x1, g1) = g.places[anchor], g.places[rel]
        shapes.append(_line(x0, _y(g0), x1, _y(g1), palette.MUTED, 2.0, "dot"))
    return shapes


def genogram_figure(
    case: Case,
    lang: str = "nl",
    *,
    screen: tuple[int, int] | None = None,
    today: date | None = None,
    selected: str | None = None,
    layout: Genogram | None = None,
) -> dict[str, Any]:
    """The genogram of ``case`` as a plotly figure dict, sized for ``screen`` (px) when given."""

    def t(key: str, **kw: Any) -> str:
        return translate(lang, key, **kw)

    g = layout if layout is not None else genogram(case)
    today = today or date.today()
    people = case.people
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    data: list[dict[str, Any]] = []
    placed = [people[p] for p in g.places if p in people]
    if not placed:
        annotations.append(
            {"x": 0, "y": 0, "showarrow": False, "text": plot_text(t("genogram.empty")), "font": {"size": 17}}
        )
        return _figure(data, shapes, annotations, (-4.0, 4.0), (-1.5, 1.5))
    xs = [g.places[p.id][0] for p in placed]
    ys = [_y(g.places[p.id][1]) for p in placed]
    x_range = (min(xs) - 1.0, max(xs) + 1.0)
    y_range = (min(ys) - 1.3, max(ys) + 0.75)
    w_px, h_px = screen if screen and screen[0] > 0 and screen[1] > 0 else (780, 390)
    unit = min(w_px / (x_range[1] - x_range[0]), h_px / (y_range[1] - y_range[0]))
    font = max(12, min(19, round(unit * 0.19)))
    size = max(16, min(34, round(unit * 2 * SYMBOL)))
    room = 1.2 * unit  # a name as wide as the room between two people (px)
    chars = max(8, int(room / (0.6 * font)))

    for path in _household_paths(g):
        shapes.append(
            {
                "type": "path",
                "path": path,
                "line": {"color": palette.ACCENT, "width": 2, "dash": "dash"},
                "layer": "below",
            }
        )
    below = {p.id: SYMBOL + (len(name_lines(p.name, chars, room, font)) + 1) * 1.3 * font / unit for p in placed}
    shapes += link_lines(g, below)

    order = sorted(placed, key=lambda p: (g.places[p.id][1], g.places[p.id][0]))
    kids = {p.id for p in case.children()}
    trace = _people_trace(g, order, kids, t, today, (chars, room, font))
    trace["textfont"]["size"] = font
    trace["marker"]["size"] = size
    data.append(trace)
    doubled = [p for p in order if p.id in kids]
    if doubled:
        data.append(_ring(g, doubled, size + 10, palette.INK, "index", open_symbol=True))
    dead = [p for p in order if p.deceased]
    if dead:
        data.append(_ring(g, dead, size + 4, palette.INK, "deceased", open_symbol=False))
    if selected is not None and selected in g.places and selected in people:
        data.append(_ring(g, [people[selected]], size + 18, palette.ACCENT, "selected", open_symbol=True))
    return _figure(data, shapes, annotations, x_range, y_range)


def person_note(p: Person, t: Any, today: date) -> str:
    """What stands under a name: the age (months under two) or a cross, and the Family Finding sign."""
    extra = []
    age = age_on(p, today)
    if p.deceased:
        extra.append("†")
    elif age is not None:
        months = months_on(p, today) if age < 2 else None
        extra.append(t("genogram.months", n=months) if months is not None else t("genogram.age", n=age))
    if p.ff_status:
        extra.append(FF_BADGES[p.ff_status])
    return " ".join(extra)


def _people_trace(
    g: Genogram, order: list[Person], kids: set[str], t: Any, today: date, fit: tuple[int, float, int]
) -> dict[str, Any]:
    """Everyone's symbol, name (two lines at most), age or cross, Family Finding sign, and hover text."""
    labels, hover = [], []
    for p in order:
        lines = [plot_text(x) for x in name_lines(p.name, *fit)]
        extra = person_note(p, t, today)
        if extra:
            lines.append(f'<span style="color:{palette.MUTED}">{plot_text(extra)}</span>')
        labels.append("<br>".join(lines))
        parts = [f"<b>{hover_lines(p.name)}</b>"]
        if p.relation:
            parts.append(hover_lines(p.relation))
        if p.ff_status:
            parts.append(plot_text(t(f"ff_status.{p.ff_status}")))
        if p.household:
            parts.append(plot_text(t("genogram.lives_with")))
        hover.append("<br>".join(parts))
    return {
        "type": "scatter",
        "mode": "markers+text",
        "name": "genogram",
        "x": [g.places[p.id][0] for p in order],
        "y": [_y(g.places[p.id][1]) for p in order],
        "customdata": [p.id for p in order],
        "text": labels,
        "textposition": "bottom center",
        "textfont": {"size": 14, "color": palette.INK, "shadow": HALO},
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>",
        "cliponaxis": False,
        "marker": {
            "symbol": [_symbol(p) for p in order],
            "size": 24,
            "color": [palette.CHILD if p.id in kids else "#ffffff" for p in order],
            "line": {"width": 2.5, "color": palette.INK},
        },
    }


def _ring(g: Genogram, who: list[Person], size: int, colour: str, name: str, *, open_symbol: bool) -> dict[str, Any]:
    return {
        "type": "scatter",
        "mode": "markers",
        "name": name,
        "x": [g.places[p.id][0] for p in who],
        "y": [_y(g.places[p.id][1]) for p in who],
        "hoverinfo": "skip",
        "marker": {
            "symbol": [(_symbol(p) + "-open") if open_symbol else "x-thin-open" for p in who],
            "size": size,
            "color": colour,
            "line": {"width": 2 if open_symbol else 2.5, "color": colour},
        },
    }


def _figure(
    data: list[dict[str, Any]],
    shapes: list[dict[str, Any]],
    annotations: list[dict[str, Any]],
    x_range: tuple[float, float],
    y_range: tuple[float, float],
) -> dict[str, Any]:
    return {
        "data": data,
        "layout": {
            "xaxis": {"range": list(x_range), "visible": False, "fixedrange": True},
            "yaxis": {"range": list(y_range), "visible": False, "fixedrange": True, "scaleanchor": "x"},
            "margin": {"l": 4, "r": 4, "t": 4, "b": 4},
            "showlegend": False,
            "hovermode": "closest",
            "hoverlabel": {"font": {"size": 16}, "align": "left"},
            "dragmode": False,
            "paper_bgcolor": "#ffffff",
            "plot_bgcolor": "#ffffff",
            "font": {"family": "DejaVu Sans, Noto Sans, Arial, sans-serif", "color": palette.INK},
            "shapes": shapes,
            "annotations": annotations,
            "uirevision": "genogram",
        },
    }
