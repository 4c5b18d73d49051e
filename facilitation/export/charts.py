"""The two pictures in the safety plan, drawn with matplotlib (Agg, no pyplot): network map and safety scale.

Both return PNG bytes (or None when there is nothing to draw) and are cached by the content they show,
so a second export of the same case costs nothing.
"""

from __future__ import annotations

import io
import math
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle

from .. import palette
from ..domain.case import Case
from ..domain.model import SECTORS, Person
from ..domain.vocab import map_kind
from ..i18n import translate
from .common import clean_text

SECTOR_COLOURS = dict(palette.SECTOR)
CHILD_COLOUR = palette.CHILD
INK = palette.INK
MUTED = "#6b7280"
TIE_STYLES: dict[str, dict[str, Any]] = {
    "family": {"color": "#9aa5b1", "linestyle": "-", "linewidth": 1.0},
    "support": {"color": "#2f855a", "linestyle": "-", "linewidth": 1.6},
    "conflict": {"color": "#c0392b", "linestyle": (0, (4, 2.5)), "linewidth": 2.0},
    "broken": {"color": "#9aa5b1", "linestyle": (0, (1, 2)), "linewidth": 1.2},
}
# Quarter of the map per sector (degrees, counter-clockwise from the right).
SECTOR_ANGLES = {"friends": (0, 90), "family": (90, 180), "professional": (180, 270), "school": (270, 360)}

DPI = 120
LABEL_BOX = {"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.8}
# User text must never be read as mathtext ($...$); the plain DejaVu Sans matplotlib ships is used.
RC = {"text.parse_math": False, "font.family": "DejaVu Sans", "font.size": 8, "svg.fonttype": "none"}

_cache: OrderedDict[Hashable, bytes | None] = OrderedDict()
_CACHE_SIZE = 32


def _cached(key: Hashable, draw: Any) -> bytes | None:
    try:
        hit = _cache[key]
    except KeyError:
        pass
    except TypeError:  # unhashable content: draw without caching
        return draw()  # type: ignore[no-any-return]
    else:
        _cache.move_to_end(key)
        return hit
    png = draw()
    _cache[key] = png
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return png  # type: ignore[no-any-return]


def clear_cache() -> None:
    _cache.clear()


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    FigureCanvasAgg(fig)
    fig.savefig(buf, format="png", dpi=DPI, facecolor="white", pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def _short(text: str, n: int = 22) -> str:
    text = " ".join(clean_text(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


# ---- network map ----------------------------------------------------------------------------------


def network_png(case: Case, lang: str = "nl") -> bytes | None:
    """People in closeness rings around the children, coloured by sector, with their ties."""
    if not case.people:
        return None
    key = ("network", lang, _by_id(case.people), _by_id(case.ties))
    return _cached(key, lambda: _draw_network(case, lang))


def _by_id(records: Any) -> tuple[Any, ...]:
    return tuple(records[k] for k in sorted(records))


def network_positions(case: Case) -> dict[str, tuple[float, float]]:
    """Children at the centre, everyone else on the ring of their closeness inside their sector's quarter."""
    pos: dict[str, tuple[float, float]] = {}
    kids = case.children()
    for i, c in enumerate(kids):
        if len(kids) == 1:
            pos[c.id] = (0.0, 0.0)
        else:
            a = math.pi / 2 + 2 * math.pi * i / len(kids)
            r = 0.42
            pos[c.id] = (r * math.cos(a), r * math.sin(a))
    cells: dict[tuple[str, int], list[Person]] = {}
    for p in case.people.values():
        if not p.is_child:
            cells.setdefault((p.sector, p.closeness), []).append(p)
    for (sector, ring), people in cells.items():
        people.sort(key=lambda p: (p.name.casefold(), p.id))
        a0, a1 = SECTOR_ANGLES.get(sector, (0, 90))
        n = len(people)
        pad = 9 if n > 1 else 0
        for i, p in enumerate(people):
            frac = 0.5 if n == 1 else i / (n - 1)
            a = math.radians(a0 + pad + frac * (a1 - a0 - 2 * pad))
            # Many people in one cell: stagger them in and out so neighbouring labels do not collide.
            if n <= 3:
                r = float(ring)
            elif n <= 8:
                r = ring + (0.22 if i % 2 else -0.22)
            else:
                r = ring + (-0.3, 0.05, 0.38)[i % 3]
            pos[p.id] = (r * math.cos(a), r * math.sin(a))
    return pos


def _draw_network(case: Case, lang: str) -> bytes:
    t = lambda k, **kw: translate(lang, k, **kw)  # noqa: E731
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(6.4, 5.6))
        ax = fig.add_axes((0.0, 0.09, 1.0, 0.91))
        ax.set_aspect("equal")
        ax.axis("off")
        lim = 3.6
        ax.set_xlim(-lim, lim)
        ax.set_ylim(-lim, lim)
        for r in (1, 2, 3):
            ax.add_patch(Circle((0, 0), r, fill=False, color="#d5dbe3", linewidth=0.9, zorder=0))
        for deg in (0, 90, 180, 270):
            a = math.radians(deg)
            ax.plot(
                [0.55 * math.cos(a), 3.3 * math.cos(a)],
                [0.55 * math.sin(a), 3.3 * math.sin(a)],
                color="#e3e7ed",
                linewidth=0.8,
                zorder=0,
            )
        for sector, (a0, a1) in SECTOR_ANGLES.items():
            # In the corners, clear of the people on the outer ring.
            a = math.radians((a0 + a1) / 2)
            sx, sy = (1 if math.cos(a) > 0 else -1), (1 if math.sin(a) > 0 else -1)
            ax.text(
                sx * (lim - 0.05),
                sy * (lim - 0.05),
                t(f"sector.{sector}"),
                ha="right" if sx > 0 else "left",
                va="top" if sy > 0 else "bottom",
                fontsize=9,
                fontweight="bold",
                color=SECTOR_COLOURS[sector],
                zorder=1,
            )

        pos = network_positions(case)
        # One artist per tie kind and one for all people: matplotlib's cost is per artist.
        segments: dict[str, list[list[tuple[float, float]]]] = {}
        drawn: set[tuple[str, frozenset[str]]] = set()
        for tie in case.ties.values():
            kind = map_kind(tie.kind)  # a parent link is drawn as a family tie, once per pair
            if tie.a in pos and tie.b in pos and (kind, frozenset((tie.a, tie.b))) not in drawn:
                drawn.add((kind, frozenset((tie.a, tie.b))))
                segments.setdefault(kind, []).append([pos[tie.a], pos[tie.b]])
        for kind, segs in segments.items():
            style = TIE_STYLES.get(kind, TIE_STYLES["support"])
            # In a big network the many family and support lines fade a little; conflicts stay vivid.
            alpha = 1.0 if kind == "conflict" or len(case.ties) <= 30 else 0.45
            ax.add_collection(
                LineCollection(
                    segs,
                    colors=style["color"],
                    linestyles=[style["linestyle"]],
                    linewidths=style["linewidth"],
                    zorder=2,
                    capstyle="round",
                    alpha=alpha,
                )
            )

        people = sorted(case.people.values(), key=lambda p: (p.is_child, p.id))
        crowd = len(people)
        label_size = 7.0 if crowd <= 25 else (6.0 if crowd <= 50 else 5.2)
        node = 150 if crowd <= 25 else (95 if crowd <= 50 else 60)
        xs = [pos[p.id][0] for p in people]
        ys = [pos[p.id][1] for p in people]
        ax.scatter(
            xs,
            ys,
            s=[330 if p.is_child else node for p in people],
            c=[CHILD_COLOUR if p.is_child else SECTOR_COLOURS.get(p.sector, MUTED) for p in people],
            edgecolors=[INK if (p.in_safety_network or p.is_child) else "white" for p in people],
            linewidths=[2.0 if p.in_safety_network else 1.2 for p in people],
            zorder=3,
        )
        for p, x, y in zip(people, xs, ys, strict=True):
            ax.text(
                x,
                y - (0.27 if p.is_child else 0.07 + 0.012 * node**0.5),
                _short(p.name, 20),
                ha="center",
                va="top",
                fontsize=8 if p.is_child else label_size,
                fontweight="bold" if p.is_child else "normal",
                color=INK,
                zorder=4,
                bbox=LABEL_BOX,
            )

        handles = [
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=7,
                markerfacecolor=CHILD_COLOUR,
                markeredgecolor=INK,
                label=t("export.chart.children"),
            ),
            *(
                Line2D(
                    [],
                    [],
                    marker="o",
                    linestyle="",
                    markersize=7,
                    markerfacecolor=SECTOR_COLOURS[s],
                    markeredgecolor="white",
                    label=t(f"sector.{s}"),
                )
                for s in SECTORS
            ),
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=7,
                markerfacecolor="white",
                markeredgecolor=INK,
                markeredgewidth=2,
                label=t("export.in_safety_network"),
            ),
            *(
                Line2D([], [], label=t(f"tie.{k}"), **TIE_STYLES[k])
                for k in ("family", "support", "conflict", "broken")
            ),
        ]
        fig.legend(
            handles=handles,
            loc="lower center",
            ncol=5,
            fontsize=6.5,
            frameon=False,
            bbox_to_anchor=(0.5, 0.0),
            handlelength=2.2,
            columnspacing=1.2,
        )
        return _png(fig)
