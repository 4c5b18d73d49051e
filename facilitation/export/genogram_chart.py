"""The genogram in the documents, drawn with matplotlib (Agg) from the screen's own layout.

Who stands where is ``domain.genogram`` and the lines between people are ``figures.genogram.link_lines`` (the
screen's shapes), so the printed genogram is the screen's: a square for a man, a circle for a woman, a
diamond when not known; the children filled and drawn double; a cross over someone who died; a dashed line
around who lives with the children; the age and the Family Finding sign under each name. Returns PNG bytes,
or None when the case has no family links to draw; cached by what it shows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Polygon

from .. import palette
from ..domain.case import Case
from ..domain.genogram import Genogram, genogram
from ..figures import genogram as fig_geno
from ..i18n import translate
from .charts import DPI, _by_id, _cached, _colour, _png, _rc, label
from .common import clean_text

WIDTH_IN = 7.2
MAX_HEIGHT_IN = 6.2
DASHES: dict[str, Any] = {"solid": "-", "dash": (0, (5, 3)), "dot": (0, (1, 2.2))}
MARKERS = {"square": "s", "circle": "o", "diamond": "D"}


def genogram_png(case: Case, lang: str = "nl", today: date | None = None) -> bytes | None:
    """The genogram as the screen lays it out; None when nobody is linked as parent, child or partner."""
    g = genogram(case)
    if not has_links(g):
        return None
    on = today or date.today()
    key = ("genogram", lang, on, _by_id(case.people), _by_id(case.ties))
    return _cached(key, lambda: _draw(case, g, lang, on))


def has_links(g: Genogram) -> bool:
    """Something to draw: parents and children, partners, or relatives tied as family (not a child alone)."""
    return bool(g.unions or g.families or g.loose)


def _draw(case: Case, g: Genogram, lang: str, today: date) -> bytes:
    t = lambda k, **kw: translate(lang, k, **kw)  # noqa: E731
    people = case.people
    placed = [people[p] for p in g.places if p in people]
    xs = [g.places[p.id][0] for p in placed]
    ys = [-g.places[p.id][1] * fig_geno.ROW for p in placed]
    x0, x1 = min(xs) - 1.0, max(xs) + 1.0
    y0, y1 = min(ys) - 1.35, max(ys) + 0.7
    height = min(MAX_HEIGHT_IN, max(1.8, WIDTH_IN * (y1 - y0) / (x1 - x0)))
    width = min(WIDTH_IN, height * (x1 - x0) / (y1 - y0)) if height == MAX_HEIGHT_IN else WIDTH_IN
    pt_per_unit = 72 * width / (x1 - x0)
    font = max(5.0, min(8.0, pt_per_unit * 0.19))
    chars = max(8, int(1.25 * pt_per_unit / (0.6 * font)))
    kids = {p.id for p in case.children()}
    with matplotlib.rc_context(_rc()):
        fig = Figure(figsize=(width, height))
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        for pts in fig_geno.household_outlines(g):
            outline = Polygon(pts, closed=True, fill=False, edgecolor=palette.ACCENT, linewidth=1.2, zorder=1)
            outline.set_linestyle(DASHES["dash"])
            ax.add_patch(outline)
        line_h = 1.25 * font / pt_per_unit
        below = {p.id: fig_geno.SYMBOL + 0.25 + (len(fig_geno.name_lines(p.name, chars)) + 1) * line_h for p in placed}
        for sh in fig_geno.link_lines(g, below):
            style = sh["line"]
            ax.plot(
                [sh["x0"], sh["x1"]],
                [sh["y0"], sh["y1"]],
                color=_colour(style["color"]),
                linewidth=style["width"] * 0.6,
                linestyle=DASHES[style["dash"]],
                solid_capstyle="butt",
                zorder=2,
            )
        _symbols(ax, g, placed, kids, pt_per_unit)
        for p in placed:
            x, gen = g.places[p.id]
            y = -gen * fig_geno.ROW - fig_geno.SYMBOL - 0.08
            lines = [clean_text(s) for s in fig_geno.name_lines(p.name, chars)]
            label(
                ax,
                x,
                y,
                "\n".join(lines),
                "center",
                "top",
                fontsize=font,
                color=palette.INK,
                fontweight="bold" if p.id in kids else "normal",
            )
            note = fig_geno.person_note(p, t, today)
            if note:
                ax.text(
                    x,
                    y - len(lines) * line_h - 0.05,
                    note,
                    ha="center",
                    va="top",
                    fontsize=font * 0.9,
                    color=palette.MUTED,
                    zorder=6,
                )
        return _png(fig)


def _symbols(ax: Any, g: Genogram, placed: list[Any], kids: set[str], pt_per_unit: float) -> None:
    """Symbols by gender; the children filled and ringed twice; a cross over who died."""
    side = 2 * fig_geno.SYMBOL * pt_per_unit  # the symbol's width in points
    for symbol, marker in MARKERS.items():
        group = [p for p in placed if fig_geno._symbol(p) == symbol]
        if not group:
            continue
        size = (side * (0.8 if marker == "D" else 1.0)) ** 2
        at = [(g.places[p.id][0], -g.places[p.id][1] * fig_geno.ROW) for p in group]
        ax.scatter(
            [a for a, _ in at],
            [b for _, b in at],
            s=size,
            marker=marker,
            facecolors=[palette.CHILD if p.id in kids else "white" for p in group],
            edgecolors=palette.INK,
            linewidths=1.4,
            zorder=4,
        )
        double = [xy for xy, p in zip(at, group, strict=True) if p.id in kids]
        if double:
            ax.scatter(
                *zip(*double, strict=True),
                s=size * 1.7,
                marker=marker,
                facecolors="none",
                edgecolors=palette.INK,
                linewidths=1.1,
                zorder=3,
            )
        dead = [xy for xy, p in zip(at, group, strict=True) if p.deceased]
        if dead:
            ax.scatter(*zip(*dead, strict=True), s=size * 1.1, marker="x", color=palette.INK, linewidths=1.3, zorder=5)


__all__ = ["DPI", "genogram_png", "has_links"]
