"""A drawing made with the pen: its strokes, read and checked from the stored JSON, written back, drawn as SVG.

Stored as ``[{"color": "#1d2430", "width": 4, "points": [[x, y], ...]}, ...]`` in a 0..1000 × 0..750 box
(see ``model_child``). ``parse`` refuses what is not such a drawing with a ``ValidationError`` naming the
field; points outside the box are moved onto its edge. The documents draw the strokes themselves (sharp in
the PDF) from ``parse``; the screen uses ``to_svg``.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import ValidationError
from .vocab import MAX_DRAWING

WIDTH = 1000
HEIGHT = 750
MIN_LINE = 1.0
MAX_LINE = 60.0
MAX_STROKES = 2000
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Stroke:
    """One line drawn without lifting the pen: its colour (#rrggbb), width (in box units) and points."""

    color: str
    width: float
    points: tuple[tuple[float, float], ...]


def _number(value: object, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or abs(value) == float("inf"):
        raise ValidationError(field, "drawing_bad")
    return float(value)


def _point(raw: object, field: str) -> tuple[float, float]:
    if not isinstance(raw, (list, tuple)) or len(raw) != 2:
        raise ValidationError(field, "drawing_bad")
    x, y = _number(raw[0], field), _number(raw[1], field)
    return (round(min(max(x, 0.0), float(WIDTH)), 1), round(min(max(y, 0.0), float(HEIGHT)), 1))


def _stroke(raw: object, field: str) -> Stroke:
    if not isinstance(raw, dict) or not isinstance(raw.get("points"), list):
        raise ValidationError(field, "drawing_bad")
    color = raw.get("color", "#1d2430")
    if not isinstance(color, str) or not _COLOR.match(color):
        raise ValidationError(field, "drawing_bad")
    width = min(max(_number(raw.get("width", 4), field), MIN_LINE), MAX_LINE)
    points = tuple(_point(p, field) for p in raw["points"])
    if not points:
        raise ValidationError(field, "drawing_bad")
    return Stroke(color.lower(), width, points)


def parse(text: str, field: str = "drawing") -> tuple[Stroke, ...]:
    """The strokes of a stored drawing ('' is an empty drawing); a faulty one raises ValidationError."""
    if not text.strip():
        return ()
    if len(text) > MAX_DRAWING:
        raise ValidationError(field, "drawing_too_big")
    try:
        raw = json.loads(text)
    except ValueError:
        raise ValidationError(field, "drawing_bad") from None
    if not isinstance(raw, list):
        raise ValidationError(field, "drawing_bad")
    if len(raw) > MAX_STROKES:
        raise ValidationError(field, "drawing_too_big")
    return tuple(_stroke(s, field) for s in raw)


def _num(v: float) -> int | float:
    r = round(v, 1)
    return int(r) if r == int(r) else r


def dumps(strokes: Iterable[Stroke]) -> str:
    """The strokes as stored: compact JSON, coordinates to a tenth of a unit ('' when there are none)."""
    out = [
        {"color": s.color, "width": _num(s.width), "points": [[_num(x), _num(y)] for x, y in s.points]} for s in strokes
    ]
    return json.dumps(out, separators=(",", ":")) if out else ""


def clean(text: str, field: str = "drawing") -> str:
    """A drawing as it should be stored: checked, points kept inside the box; raises when it does not fit."""
    stored = dumps(parse(text, field))
    if len(stored) > MAX_DRAWING:
        raise ValidationError(field, "drawing_too_big")
    return stored


def is_empty(text: str) -> bool:
    try:
        return not parse(text)
    except ValidationError:
        return True


def _path(points: tuple[tuple[float, float], ...]) -> str:
    """A smooth line through the points: quadratic curves through the midpoints (a single point is a dot)."""
    (x0, y0) = points[0]
    if len(points) == 1:
        return f"M{_num(x0)} {_num(y0)}l0 0"
    if len(points) == 2:
        (x1, y1) = points[1]
        return f"M{_num(x0)} {_num(y0)}L{_num(x1)} {_num(y1)}"
    parts = [f"M{_num(x0)} {_num(y0)}"]
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        parts.append(f"Q{_num(ax)} {_num(ay)} {_num((ax + bx) / 2)} {_num((ay + by) / 2)}")
    (xl, yl) = points[-1]
    parts.append(f"L{_num(xl)} {_num(yl)}")
    return "".join(parts)


def to_svg(strokes: Iterable[Stroke], css_class: str = "fac-drawing") -> str:
    """The drawing as an inline SVG scaled to its container (colours and widths are checked values)."""
    paths = "".join(f'<path d="{_path(s.points)}" stroke="{s.color}" stroke-width="{_num(s.width)}"/>' for s in strokes)
    return (
        f'<svg class="{css_class}" viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg" '
        f'preserveAspectRatio="xMidYMid meet" role="img" aria-hidden="true">'
        f'<g fill="none" stroke-linecap="round" stroke-linejoin="round">{paths}</g></svg>'
    )
