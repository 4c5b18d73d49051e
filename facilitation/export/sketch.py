"""A child's drawing on paper: the pen strokes drawn as vectors in the PDF (sharp at any size), as a picture
in Word; pictograms from the SVGs shipped with the package (``facilitation.pictograms``) when present.

Strokes are JSON as the drawing pad stores them (``domain.model_child``): ``[{"color": "#1d2430", "width": 4,
"points": [[x, y], ...]}, ...]`` in a 1000 x 750 box, y downwards. Anything that does not fit is left out.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Drawing, Group, PolyLine
from reportlab.lib import colors
from reportlab.platypus import Flowable

BOX_W, BOX_H = 1000.0, 750.0
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
FRAME = colors.HexColor("#c5ccd6")


@dataclass(frozen=True)
class Stroke:
    colour: str
    width: float
    points: tuple[tuple[float, float], ...]


@lru_cache(maxsize=256)
def strokes(drawing: str) -> tuple[Stroke, ...]:
    """The strokes of a drawing; malformed strokes or points are skipped, never fatal."""
    try:
        data = json.loads(drawing) if drawing.strip() else []
    except ValueError:
        return ()
    out = []
    for s in data if isinstance(data, list) else []:
        if not isinstance(s, dict):
            continue
        colour = s.get("color", "#1d2430")
        colour = colour if isinstance(colour, str) and _HEX.match(colour) else "#1d2430"
        width = s.get("width", 4)
        width = float(width) if isinstance(width, (int, float)) and 0 < width <= 80 else 4.0
        pts = []
        for p in s.get("points", []) if isinstance(s.get("points"), list) else []:
            if isinstance(p, (list, tuple)) and len(p) >= 2 and all(isinstance(c, (int, float)) for c in p[:2]):
                pts.append((min(max(float(p[0]), 0.0), BOX_W), min(max(float(p[1]), 0.0), BOX_H)))
        if pts:
            out.append(Stroke(colour, width, tuple(pts)))
    return tuple(out)


def pictogram_path(name: str) -> Path | None:
    """The SVG of a shipped pictogram (``facilitation.pictograms.path(name)``), when the package has it."""
    try:
        from .. import pictograms  # type: ignore[attr-defined]
    except ImportError:
        return None
    try:
        found = pictograms.path(name)
    except Exception:  # an unknown name
        return None
    return Path(found) if found and Path(found).is_file() else None


@lru_cache(maxsize=64)
def _svg(path: str) -> Any:
    try:
        from svglib.svglib import svg2rlg
    except ImportError:
        return None
    return svg2rlg(path)


def vector(drawing: str, pictograms: tuple[str, ...], width: float, height: float) -> Drawing:
    """The picture as a reportlab drawing of ``width`` x ``height`` points: strokes, then pictograms in a row."""
    d = Drawing(width, height)
    scale = min(width / BOX_W, height / BOX_H)
    ox, oy = (width - BOX_W * scale) / 2, (height - BOX_H * scale) / 2
    for s in strokes(drawing):
        pts: list[float] = []
        for x, y in s.points:
            pts += [ox + x * scale, oy + (BOX_H - y) * scale]
        if len(pts) == 2:
            pts += [pts[0] + 0.01, pts[1]]  # a dot
        d.add(
            PolyLine(
                pts,
                strokeColor=colors.HexColor(s.colour),
                strokeWidth=max(0.6, s.width * scale),
                strokeLineCap=1,
                strokeLineJoin=1,
            )
        )
    found = [g for g in (_svg(str(p)) for p in map(pictogram_path, pictograms) if p) if g is not None]
    if found:
        size = height * (0.3 if strokes(drawing) else 0.8)
        gap = size * 0.15
        x = (width - len(found) * size - (len(found) - 1) * gap) / 2
        y = 4 if strokes(drawing) else (height - size) / 2
        for g in found:
            k = size / max(g.width, g.height, 1)
            grp = Group(*g.contents)
            grp.transform = (k, 0, 0, k, x, y)
            d.add(grp)
            x += size + gap
    return d


class SketchFlowable(Flowable):  # type: ignore[misc]
    """The picture in a PDF, as wide as the text and at most ``max_height`` high, in a light frame."""

    def __init__(self, drawing: str, pictograms: tuple[str, ...], max_height: float) -> None:
        super().__init__()
        self.drawing, self.pictograms, self.max_height = drawing, pictograms, max_height

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
        pic = vector(self.drawing, self.pictograms, self.w - 12, self.h - 12)
        pic.drawOn(c, 6, 16)


def png(drawing: str, width_px: int = 1000) -> bytes:
    """The strokes as a PNG (for Word), drawn at twice the size and scaled down for smooth lines."""
    from PIL import Image, ImageDraw

    k = 2 * width_px / BOX_W
    img = Image.new("RGB", (int(BOX_W * k), int(BOX_H * k)), "white")
    pen = ImageDraw.Draw(img)
    for s in strokes(drawing):
        pts = [(x * k, y * k) for x, y in s.points]
        w = max(1, int(s.width * k))
        if len(pts) > 1:
            pen.line(pts, fill=s.colour, width=w, joint="curve")
        for x, y in (pts[0], pts[-1]):  # round ends
            pen.ellipse((x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=s.colour)
    img = img.resize((width_px, int(width_px * BOX_H / BOX_W)), Image.LANCZOS)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()
