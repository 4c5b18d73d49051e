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
from .common import PlanView, clean_text

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


# ---- safety scale ---------------------------------------------------------------------------------


def safety_scores(view: PlanView) -> list[tuple[str, str, str, int]]:
    """(meeting date, meeting id, person id, value) of every safety-scale score known at the view's meeting."""
    case = view.case
    scales = {s.id for s in case.scales.values() if s.kind == "safety" and s.scenario is None}
    until = view.meeting.date if view.meeting else "9999-12-31"
    # The family's plan shows the family's meetings; a reflecting team or training shows its own kind too.
    kinds = {"network_meeting", "interim_evaluation"}
    if view.meeting is not None:
        kinds.add(view.meeting.kind)
    out = []
    for sc in case.scores.values():
        m = case.meetings.get(sc.meeting)
        if sc.scale in scales and m is not None and m.kind in kinds and m.date <= until and sc.person in case.people:
            out.append((m.date, m.id, sc.person, sc.value))
    out.sort()
    return out


def scaling_png(view: PlanView) -> bytes | None:
    """Each person's latest safety score on a 0-10 line, and the mean per meeting over time."""
    scores = safety_scores(view)
    if not scores:
        return None
    people = view.case.people
    involved = sorted({p for _, _, p, _ in scores})
    meetings = sorted({m for _, m, _, _ in scores})
    key = (
        "scaling",
        view.lang,
        tuple(scores),
        tuple(people[p] for p in involved),
        tuple(view.case.meetings[m] for m in meetings),
    )
    return _cached(key, lambda: _draw_scaling(view, scores))


MAX_ROWS = 36


def _draw_scaling(view: PlanView, scores: list[tuple[str, str, str, int]]) -> bytes:
    t = view.t
    people = view.case.people
    latest: dict[str, int] = {}
    for _, _, pid, value in scores:  # sorted by date: the last one wins
        latest[pid] = value
    rows = sorted(latest.items(), key=lambda kv: (-kv[1], people[kv[0]].name.casefold()))
    hidden = max(0, len(rows) - MAX_ROWS)
    rows = rows[:MAX_ROWS]
    per_meeting: dict[tuple[str, str], list[int]] = {}
    for mdate, mid, _, value in scores:
        per_meeting.setdefault((mdate, mid), []).append(value)
    series = sorted(per_meeting.items())

    n = len(rows)
    height = min(9.0, max(2.3, 0.24 * n + 1.2))
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(6.6, height))
        gs = fig.add_gridspec(
            1,
            2,
            width_ratios=(1.55, 1.0),
            left=0.25,
            right=0.98,
            top=1 - 0.42 / height,
            bottom=0.55 / height,
            wspace=0.18,
        )
        ax = fig.add_subplot(gs[0, 0])
        ys = list(range(n, 0, -1))
        values = [v for _, v in rows]
        kids = [people[pid].is_child for pid, _ in rows]
        ax.hlines(ys, 0, 10, color="#eef1f5", linewidth=1.0, zorder=1)
        ax.scatter(
            values,
            ys,
            s=70,
            zorder=3,
            c=[
                CHILD_COLOUR if k else SECTOR_COLOURS.get(people[pid].sector, MUTED)
                for (pid, _), k in zip(rows, kids, strict=True)
            ],
            edgecolors=[INK if k else "white" for k in kids],
            linewidths=1,
        )
        for y, value in zip(ys, values, strict=True):
            ax.text(
                value + (0.35 if value < 10 else -0.35),
                y,
                str(value),
                va="center",
                ha="left" if value < 10 else "right",
                fontsize=7,
                color=INK,
                zorder=4,
            )
        # Names as plain texts: a matplotlib tick costs several artists, and this chart may have dozens of rows.
        ax.set_yticks([])
        name_size = 7 if n <= 24 else 6
        for y, (pid, _) in zip(ys, rows, strict=True):
            ax.text(
                -0.7,
                y,
                _short(people[pid].name, 24),
                ha="right",
                va="center",
                fontsize=name_size,
                color=INK,
                clip_on=False,
            )
        ax.set_ylim(0.4, n + 0.6)
        ax.set_xlim(-0.4, 10.6)
        ax.set_xticks(range(11))
        ax.tick_params(axis="both", length=0, labelsize=7)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.spines["bottom"].set_color("#9aa5b1")
        ax.set_title(t("export.chart.latest"), fontsize=8.5, fontweight="bold", loc="left", color=INK)
        if hidden:
            ax.text(0, 0.45, t("export.chart.more_people", n=hidden), fontsize=6.5, color=MUTED, va="bottom")

        bx = fig.add_subplot(gs[0, 1])
        xs = list(range(len(series)))
        means = [sum(v) / len(v) for _, v in series]
        lows = [min(v) for _, v in series]
        highs = [max(v) for _, v in series]
        bx.vlines(xs, lows, highs, color="#cdd5df", linewidth=5, zorder=1)
        bx.plot(xs, means, color="#1f5fa8", marker="o", markersize=5, linewidth=1.8, zorder=3)
        for x, m, (_, v) in zip(xs, means, series, strict=True):
            bx.annotate(
                f"{m:.1f}".replace(".", "," if view.lang == "nl" else "."),
                (x, m),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=7,
                color=INK,
                fontweight="bold",
            )
            bx.annotate(
                t("export.chart.n", n=len(v)),
                (x, 0),
                textcoords="offset points",
                xytext=(0, 3),
                ha="center",
                fontsize=6,
                color=MUTED,
            )
        bx.set_xticks(xs)
        bx.set_xticklabels(
            [_day_month(d) for (d, _), _ in series],
            fontsize=6.5,
            rotation=0 if len(xs) <= 4 else 60,
            ha="center" if len(xs) <= 4 else "right",
            rotation_mode="anchor",
        )
        bx.set_xlim(-0.6, max(xs) + 0.6)
        bx.set_ylim(0, 10.4)
        bx.set_yticks(range(0, 11, 2))
        bx.tick_params(axis="both", length=0, labelsize=7)
        bx.grid(axis="y", color="#eef1f5", linewidth=0.8)
        for side in ("top", "right"):
            bx.spines[side].set_visible(False)
        for side in ("bottom", "left"):
            bx.spines[side].set_color("#9aa5b1")
        bx.set_title(t("export.chart.mean"), fontsize=8.5, fontweight="bold", loc="left", color=INK)
        return _png(fig)


def _day_month(iso: str) -> str:
    parts = iso.split("-")
    return f"{parts[2]}/{parts[1]}" if len(parts) == 3 else iso
