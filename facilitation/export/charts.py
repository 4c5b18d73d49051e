"""The network map in the documents, drawn with matplotlib (Agg, no pyplot) from the screen's own layout.

Everyone stands where the screen shows them (``figures.map_layout.layout``: the same seats, the hand-placed
positions ``Person.x``/``y``), with the safety circles (filled: knows everything of the worries, a dot:
something, empty: nothing yet), the safety network's green ring and the orange ring of who still needs to
hear the worries. Names are shaped text (matplotlib lays out Arabic and right-to-left runs with libraqm)
with Noto fallback fonts; an emoji in a name is drawn as the text renderer of the documents draws it
(``shaping``): Noto Color Emoji's own picture, else the outline of the Noto Emoji the package ships, never
an empty box. Returns PNG bytes (or None for an empty map), cached by what it shows.
"""

from __future__ import annotations

import io
import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .. import fonts, palette
from ..domain import network as net
from ..domain.case import Case
from ..domain.model import SECTORS
from ..domain.vocab import map_kind
from ..figures import map_layout as geo
from ..figures.network import FF_BADGES
from ..i18n import translate
from . import shaping
from .common import clean_text, shorten
from .fonts import font_path

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.typing import RcKeyType

    from ..domain.record import Record

SECTOR_COLOURS = dict(palette.SECTOR)
CHILD_COLOUR = palette.CHILD
INK = palette.INK
MUTED = palette.MUTED
TIE_STYLES: dict[str, dict[str, Any]] = {
    "family": {"linestyle": "-", "linewidth": 1.1},
    "support": {"linestyle": "-", "linewidth": 1.8},
    "conflict": {"linestyle": (0, (4, 2.5)), "linewidth": 1.8},
    "broken": {"linestyle": (0, (1, 2)), "linewidth": 1.3},
}
TIE_ORDER = ("family", "broken", "support", "conflict")

DPI = 150
LABEL_BOX = {"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85}
SAFETY = palette.SAFETY
FALLBACK_ROLES = ("arabic", "hebrew", "symbols")
"""Fonts matplotlib falls back on, letter by letter, after DejaVu Sans."""

_cache: OrderedDict[Hashable, bytes | None] = OrderedDict()
_CACHE_SIZE = 32


def _cached(key: Hashable, draw: Callable[[], bytes | None]) -> bytes | None:
    try:
        hit = _cache[key]
    except KeyError:
        pass
    except TypeError:  # unhashable content: draw without caching
        return draw()
    else:
        _cache.move_to_end(key)
        return hit
    png = draw()
    _cache[key] = png
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return png


def clear_cache() -> None:
    _cache.clear()


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    FigureCanvasAgg(fig)
    fig.savefig(buf, format="png", dpi=DPI, facecolor="white", pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def _rc() -> dict[RcKeyType, Any]:
    """Matplotlib settings: user text never read as mathtext ($...$), DejaVu Sans then the Noto fallbacks."""
    from matplotlib import font_manager

    # A fallback font without a bold face (Noto Sans Symbols2) is used in its regular weight: expected, not news.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)

    families = ["DejaVu Sans"]
    found = [font_path(role) for role in FALLBACK_ROLES]
    try:
        found.append(fonts.path("emoji"))  # outlines: what the colour pictures cannot draw is still drawn
    except fonts.FontMissing:
        pass
    for p in found:
        if p is not None:
            font_manager.fontManager.addfont(str(p))
            families.append(font_manager.FontProperties(fname=str(p)).get_name())
    return {"text.parse_math": False, "font.family": families, "font.size": 8}


def label(ax: Axes, x: float, y: float, text: str, ha: str, va: str, **style: Any) -> None:
    """A name on the map in its white box; emoji as Noto Color Emoji's pictures, as in the documents' text."""
    pieces = shaping.visual(text) if shaping.needs_shaping(text) else []
    pictures = {p.text: shaping.emoji_picture(p.text) for p in pieces if p.role == "emoji"}
    if not any(pictures.values()):
        ax.text(x, y, text, ha=ha, va=va, zorder=6, bbox=LABEL_BOX, **style)
        return
    from matplotlib.offsetbox import AnnotationBbox, HPacker, OffsetImage, TextArea

    size = style.get("fontsize", 8)
    parts: list[Any] = []
    words = ""
    for p in pieces:
        pic = pictures.get(p.text) if p.role == "emoji" else None
        if pic is None and not p.rtl:
            words += p.text
            continue
        if words:
            parts.append(TextArea(words, textprops=style))
            words = ""
        parts.append(
            TextArea(p.text, textprops=style)
            if pic is None
            else OffsetImage(_emoji_pixels(p.text), zoom=size / pic.ppem)
        )
    if words:
        parts.append(TextArea(words, textprops=style))
    box = HPacker(children=parts, align="center", pad=0, sep=0.5)
    where = ({"left": 0.0, "center": 0.5, "right": 1.0}[ha], {"top": 1.0, "center": 0.5, "bottom": 0.0}[va])
    frame = {"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85}
    ab = AnnotationBbox(box, (x, y), box_alignment=where, frameon=True, pad=0.15, bboxprops=frame, zorder=6)
    ax.add_artist(ab)


def _emoji_pixels(cluster: str) -> Any:
    """An emoji's picture as an RGBA array (matplotlib draws images from arrays)."""
    import numpy as np
    from PIL import Image

    pic = shaping.emoji_picture(cluster)
    assert pic is not None
    with Image.open(io.BytesIO(pic.png)) as img:
        return np.asarray(img.convert("RGBA"))


def _colour(value: str) -> str | tuple[float, float, float, float]:
    """``rgba(110, 122, 138, 0.75)`` or ``#1d2430`` as matplotlib takes it."""
    if value.startswith("rgba("):
        r, g, b, a = (float(x) for x in value[5:-1].split(","))
        return (r / 255, g / 255, b / 255, a)
    return value


def network_png(case: Case, lang: str = "nl", seats: Mapping[str, int] | None = None) -> bytes | None:
    """The map as the screen lays it out (``seats``: the screen's seats, from the change log; default by id)."""
    if not case.people:
        return None
    key = ("network", lang, _by_id(case.people), _by_id(case.ties), tuple(sorted((seats or {}).items())))
    return _cached(key, lambda: _draw_network(case, lang, seats))


def _by_id(records: Mapping[str, Record]) -> tuple[Record, ...]:
    return tuple(records[k] for k in sorted(records))


def _frame(ax: Axes, t: Callable[..., str]) -> None:
    """Rings, axes, the professionals' tinted quarter, sector and ring names: the screen's map without people."""
    from matplotlib.patches import Ellipse, Wedge

    inner = geo.RING_EDGES[0]
    ax.add_patch(
        Ellipse(
            (0, 0),
            2 * geo.SX * inner,
            2 * inner,
            facecolor=(0.95, 0.76, 0.31, 0.16),
            edgecolor=palette.LINE,
            lw=1.2,
            zorder=0,
        )
    )
    a0, a1 = geo.WEDGES["professional"]
    tint = Wedge((0, 0), 20, a0, a1, width=20 - inner, facecolor=(0.42, 0.31, 0.63, 0.06), edgecolor="none", zorder=0)
    ax.add_patch(tint)
    for r in geo.RING_EDGES[1:-1]:
        ax.add_patch(Ellipse((0, 0), 2 * geo.SX * r, 2 * r, fill=False, edgecolor=palette.LINE, lw=1.2, zorder=0))
    for x0, y0, x1, y1 in (
        (geo.SX * inner, 0, geo.MAP_X, 0),
        (-geo.SX * inner, 0, -geo.MAP_X, 0),
        (0, inner, 0, geo.MAP_Y),
        (0, -inner, 0, -geo.MAP_Y),
    ):
        ax.plot([x0, x1], [y0, y1], color=palette.LINE, lw=1.2, zorder=0)
    for ring in (1, 2, 3):
        edge = geo.SX * geo.RING_EDGES[min(ring, 2)]
        for side in (-1, 1):
            inside = ring < 3
            x = side * (edge - 0.08 if inside else edge + 0.08)
            ha = ("right" if side > 0 else "left") if inside else ("left" if side > 0 else "right")
            ax.text(x, 0.04, t(f"closeness.{ring}"), ha=ha, va="bottom", fontsize=6.5, color=MUTED, zorder=1)
    for sector in SECTORS:
        sa0, _ = geo.WEDGES[sector]
        right, top = sa0 in (0.0, 270.0), sa0 in (0.0, 90.0)
        ax.text(
            geo.MAP_X if right else -geo.MAP_X,
            geo.MAP_Y if top else -geo.MAP_Y,
            t(f"sector.{sector}"),
            ha="right" if right else "left",
            va="top" if top else "bottom",
            fontsize=9.5,
            fontweight="bold",
            color=SECTOR_COLOURS[sector],
            zorder=1,
        )


def _draw_network(case: Case, lang: str, seats: Mapping[str, int] | None) -> bytes:
    t = lambda k, **kw: translate(lang, k, **kw)  # noqa: E731
    places = geo.layout(case, seats)
    facts = net.facts(case)
    to_tell = set(facts.not_told)
    width_in = 7.2
    with matplotlib.rc_context(_rc()):
        fig = Figure(figsize=(width_in, width_in * geo.MAP_Y / geo.MAP_X + 0.75))
        ax = fig.add_axes((0.01, 0.13, 0.98, 0.86))
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_xlim(-geo.MAP_X - 0.05, geo.MAP_X + 0.05)
        ax.set_ylim(-geo.MAP_Y - 0.05, geo.MAP_Y + 0.05)
        _frame(ax, t)
        _ties(ax, case, places)
        _people(ax, case, places, to_tell)
        _legend(fig, t)
        return _png(fig)


def _ties(ax: Axes, case: Case, places: Mapping[str, geo.Placement]) -> None:
    segments: dict[str, list[list[tuple[float, float]]]] = {}
    drawn: set[tuple[str, frozenset[str]]] = set()
    for tie in case.ties.values():
        kind = map_kind(tie.kind)  # a parent link is drawn as a family tie, once per pair
        pair = frozenset((tie.a, tie.b))
        if tie.a in places and tie.b in places and tie.a != tie.b and (kind, pair) not in drawn:
            drawn.add((kind, pair))
            a, b = places[tie.a], places[tie.b]
            segments.setdefault(kind, []).append([(a.x, a.y), (b.x, b.y)])
    many = sum(len(s) for s in segments.values()) > 40
    for kind in TIE_ORDER:
        if kind not in segments:
            continue
        style = TIE_STYLES[kind]
        ax.add_collection(
            LineCollection(
                segments[kind],
                colors=[_colour(palette.TIE[kind])],
                linestyles=[style["linestyle"]],
                linewidths=style["linewidth"] * (0.7 if many and kind != "conflict" else 1.0),
                alpha=0.55 if many and kind != "conflict" else 1.0,
                zorder=2,
                capstyle="round",
            )
        )


def _people(ax: Axes, case: Case, places: Mapping[str, geo.Placement], to_tell: set[str]) -> None:
    people = case.people
    others = sorted((p for p in people.values() if not p.is_child and p.id in places), key=lambda p: p.id)
    crowd = len(others)
    label_size = 7.0 if crowd <= 25 else (6.0 if crowd <= 50 else 5.0)
    widths = geo.name_widths(case, places)
    for shape, informal in (("o", True), ("s", False)):
        group = [p for p in others if p.informal == informal]
        if not group:
            continue
        xs = [places[p.id].x for p in group]
        ys = [places[p.id].y for p in group]
        rings = [(SAFETY, p) for p in group if p.in_safety_network and p.id not in to_tell]
        rings += [(palette.TO_TELL, p) for p in group if p.id in to_tell]
        if rings:
            ax.scatter(
                [places[p.id].x for _, p in rings],
                [places[p.id].y for _, p in rings],
                s=150,
                marker=shape,
                facecolors="none",
                edgecolors=[c for c, _ in rings],
                linewidths=2.0,
                zorder=3,
            )
        colours = [SECTOR_COLOURS.get(p.sector, MUTED) for p in group]
        faces = [c if p.knowledge == "all" else "white" for c, p in zip(colours, group, strict=True)]
        ax.scatter(xs, ys, s=55, marker=shape, facecolors=faces, edgecolors=colours, linewidths=1.8, zorder=4)
        dots = [p for p in group if p.knowledge == "some"]
        if dots:
            ax.scatter(
                [places[p.id].x for p in dots],
                [places[p.id].y for p in dots],
                s=9,
                marker="o",
                color=[SECTOR_COLOURS.get(p.sector, MUTED) for p in dots],
                zorder=5,
            )
    units_per_char = 2 * geo.MAP_X / (7.2 * 72) * label_size * 0.6  # map units one letter takes at this size
    for p in others:
        pl = places[p.id]
        side = pl.side or 1
        chars = max(6, min(32, int(widths.get(p.id, 2.0) / units_per_char)))
        name = shorten(clean_text(p.name), chars)
        sign = FF_BADGES.get(p.ff_status)
        if sign:  # Family Finding: the screen's sign, between the name and the marker (in the name's box)
            name = shorten(clean_text(p.name), max(6, chars - 2))
            name = f"{sign} {name}" if side > 0 else f"{name} {sign}"
        label(
            ax,
            pl.x + side * 0.22,
            pl.y,
            name,
            "left" if side > 0 else "right",
            "center",
            fontsize=label_size,
            color=INK,
        )
    _children(ax, case, places)


def _children(ax: Axes, case: Case, places: Mapping[str, geo.Placement]) -> None:
    """The children in the middle, larger, their names under them in bold."""
    kids = [p for p in case.children() if p.id in places]
    if not kids:
        return
    xs, ys = [places[p.id].x for p in kids], [places[p.id].y for p in kids]
    ax.scatter(xs, ys, s=170, color=CHILD_COLOUR, edgecolors=INK, linewidths=1.6, zorder=4)
    chars = 24 if len(kids) <= 2 else 14
    for p in kids:
        pl = places[p.id]
        name = shorten(clean_text(p.name), chars)
        label(ax, pl.x, pl.y - 0.3, name, "center", "top", fontsize=8, fontweight="bold", color=INK)


def _legend(fig: Figure, t: Callable[..., str]) -> None:
    def dot(face: str, edge: str, label: str, marker: str = "o", width: float = 1.5) -> Line2D:
        return Line2D(
            [],
            [],
            marker=marker,
            linestyle="",
            markersize=7,
            markerfacecolor=face,
            markeredgecolor=edge,
            markeredgewidth=width,
            label=label,
        )

    handles = [
        dot(CHILD_COLOUR, INK, t("export.chart.children")),
        *(
            dot(SECTOR_COLOURS[s], SECTOR_COLOURS[s], t(f"sector.{s}"), "s" if s == "professional" else "o")
            for s in SECTORS
        ),
        dot(INK, INK, t("knowledge.all")),
        Line2D([], [], marker=".", linestyle="", markersize=5, color=INK, label=t("knowledge.some")),
        dot("white", INK, t("knowledge.none")),
        dot("white", SAFETY, t("export.in_safety_network"), width=2.5),
        dot("white", palette.TO_TELL, t("export.chart.to_tell"), width=2.5),
        *(
            Line2D(
                [],
                [],
                color=_colour(palette.TIE[k]),
                linestyle=TIE_STYLES[k]["linestyle"],
                linewidth=1.8,
                label=t(f"tie.{k}"),
            )
            for k in ("family", "support", "conflict", "broken")
        ),
    ]
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=5,
        fontsize=6.3,
        frameon=False,
        bbox_to_anchor=(0.5, 0.0),
        handlelength=2.0,
        columnspacing=1.0,
    )
