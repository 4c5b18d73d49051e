"""A child's picture on paper: the pen strokes and the chosen pictograms, laid out once for PDF and Word.

The strokes are read by the one parser of stored drawings, ``domain.drawing.parse`` (the screen's own: the
same widths, colours and points); a drawing it refuses is left out, never fatal. Pictograms come from the
package (``facilitation.pictograms``): in the PDF as vectors from their SVG (sharp at any size), in Word as
their PNG (Word cannot hold SVG), where the PDF draws them. As on the screen, the pictograms stand in a row
under the drawing (never on it); alone, they fill the picture.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Drawing, Group, PolyLine
from reportlab.lib import colors
from reportlab.platypus import Flowable

from .. import pictograms
from ..domain import drawing as pen
from ..domain.errors import ValidationError

if TYPE_CHECKING:
    from PIL import Image  # loaded where a picture is made, not with the module

BOX_W, BOX_H = float(pen.WIDTH), float(pen.HEIGHT)
FRAME = colors.HexColor("#c5ccd6")


@lru_cache(maxsize=256)
def strokes(drawing: str) -> tuple[pen.Stroke, ...]:
    """The strokes of a stored drawing, as the screen reads them; () for none or for one that does not parse."""
    try:
        return pen.parse(drawing)
    except ValidationError:
        return ()


def shown(names: Iterable[str]) -> tuple[str, ...]:
    """The pictograms of a page that the package ships (an unknown name is left out)."""
    return tuple(n for n in names if pictograms.known(n))


def has_picture(drawing: str, names: Iterable[str]) -> bool:
    return bool(strokes(drawing)) or bool(shown(names))


def pictogram_path(name: str) -> Path | None:
    """The SVG of a shipped pictogram (for the PDF)."""
    return pictograms.path(name) if pictograms.known(name) else None


ROW = 0.24
"""The share of a drawn picture's height the row of pictograms under the drawing takes."""


@dataclass(frozen=True)
class Layout:
    """Where the drawing's box goes in a picture (x, y from the bottom, scale of the 1000 x 750 box) and each
    pictogram (x, y from the bottom, size)."""

    x: float
    y: float
    scale: float
    slots: tuple[tuple[float, float, float], ...]


def layout(width: float, height: float, drawn: bool, count: int) -> Layout:
    """The drawing fitted above a row of pictograms, or the pictograms alone across the picture (smaller when
    many must fit)."""
    row = height * ROW if drawn and count else 0.0
    scale = min(width / BOX_W, (height - row) / BOX_H)
    x, y = (width - BOX_W * scale) / 2, row + (height - row - BOX_H * scale) / 2
    if not count:
        return Layout(x, y, scale, ())
    size = row * 0.9 if drawn else height * 0.8
    size = min(size, width / (count + 0.15 * (count - 1)))
    gap = size * 0.15
    left = (width - count * size - (count - 1) * gap) / 2
    bottom = (row - size) / 2 if drawn else (height - size) / 2
    return Layout(x, y, scale, tuple((left + i * (size + gap), bottom, size) for i in range(count)))


@lru_cache(maxsize=64)
def _svg(path: str) -> Drawing | None:
    from svglib.svglib import svg2rlg

    return svg2rlg(path)


def vector(drawing: str, names: tuple[str, ...], width: float, height: float) -> Drawing:
    """The picture as a reportlab drawing of ``width`` x ``height`` points: strokes, and the pictograms under them."""
    d = Drawing(width, height)
    lines = strokes(drawing)
    found = [g for g in (_svg(str(p)) for p in map(pictogram_path, names) if p) if g is not None]
    at = layout(width, height, bool(lines), len(found))
    for s in lines:
        pts: list[float] = []
        for x, y in s.points:
            pts += [at.x + x * at.scale, at.y + (BOX_H - y) * at.scale]
        if len(pts) == 2:
            pts += [pts[0] + 0.01, pts[1]]  # a dot
        d.add(
            PolyLine(
                pts,
                strokeColor=colors.HexColor(s.color),
                strokeWidth=max(0.6, s.width * at.scale),
                strokeLineCap=1,
                strokeLineJoin=1,
            )
        )
    for g, (x, y, size) in zip(found, at.slots, strict=True):
        k = size / max(g.width, g.height, 1)
        grp = Group(*g.contents)
        grp.transform = (k, 0, 0, k, x, y)
        d.add(grp)
    return d


class SketchFlowable(Flowable):
    """The picture in a PDF, as wide as the text and at most ``max_height`` high, in a light frame."""

    def __init__(self, drawing: str, names: tuple[str, ...], max_height: float) -> None:
        super().__init__()
        self.drawing, self.names, self.max_height = drawing, names, max_height

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.w = avail_w
        self.h = min(self.max_height, avail_w * BOX_H / BOX_W)
        return self.w, self.h + 10

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(FRAME)
        c.setLineWidth(0.8)
        c.roundRect(0, 10, self.w, self.h, 10, stroke=1, fill=0)
        c.restoreState()
        pic = vector(self.drawing, self.names, self.w - 12, self.h - 12)
        pic.drawOn(c, 6, 16)


@lru_cache(maxsize=64)
def _png_of(name: str) -> Image.Image:
    from PIL import Image

    with Image.open(pictograms.png_path(name)) as img:
        return img.convert("RGBA")


@lru_cache(maxsize=256)
def _png_sized(name: str, side: int) -> Image.Image:
    """A pictogram at ``side`` pixels square (the same few sizes come back in every booklet)."""
    from PIL import Image

    return _png_of(name).resize((side, side), Image.Resampling.LANCZOS)


@lru_cache(maxsize=32)
def png(drawing: str, names: tuple[str, ...] = (), width_px: int = 1000, height_px: int = 750) -> bytes:
    """The picture as a PNG (for Word), laid out as ``vector`` lays it out: the strokes drawn at twice the size
    and halved (each pixel the mean of four: smooth lines), the pictograms' PNGs in their places.

    Kept for the same drawing: a booklet exported again (or the judge's document beside it) does not draw and
    encode every picture anew. The bytes are immutable, so sharing them is safe."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (2 * width_px, 2 * height_px), "white")
    ink = ImageDraw.Draw(img)
    lines = strokes(drawing)
    found = shown(names)
    at = layout(img.width, img.height, bool(lines), len(found))
    top = img.height - at.y - BOX_H * at.scale  # the drawing's box, from the top
    for s in lines:
        pts = [(at.x + x * at.scale, top + y * at.scale) for x, y in s.points]
        w = max(1, int(s.width * at.scale))
        if len(pts) > 1:
            ink.line(pts, fill=s.color, width=w, joint="curve")
        for x, y in (pts[0], pts[-1]):  # round ends
            ink.ellipse((x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=s.color)
    for name, (x, y, size) in zip(found, at.slots, strict=True):
        side = max(1, round(size))
        pic = _png_sized(name, side)
        img.paste(pic, (round(x), round(img.height - y - side)), pic)
    # Halving by the mean of each 2x2 block is the antialiasing the double size is for; a Lanczos filter over
    # three million pixels cost 50 ms a picture and looks the same at the size Word prints it (6 or 11 cm).
    img = img.reduce(2)
    out = io.BytesIO()
    img.save(out, format="PNG", compress_level=6)  # "optimize" tried every filter: 3x the time for 10 % less
    return out.getvalue()
