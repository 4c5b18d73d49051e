"""Where the documents find their fonts: one function, ``font_path(role)``.

It asks the fonts bundled with the package first (``facilitation.fonts``, when that module exists), then the
system's fonts from Debian's packages (``fonts-dejavu-core``, ``fonts-noto-core``, ``fonts-noto-color-emoji``;
``scripts/setup`` installs them), then, for the Latin text faces only, the DejaVu Sans that matplotlib ships.
Nothing is ever fetched. A role with no font gives None; ``require`` turns that into a message for the user.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path

from ..domain.errors import FacilitationError

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
NOTO = Path("/usr/share/fonts/truetype/noto")

SYSTEM: dict[str, tuple[Path, ...]] = {
    "regular": (DEJAVU / "DejaVuSans.ttf",),
    "bold": (DEJAVU / "DejaVuSans-Bold.ttf",),
    "italic": (DEJAVU / "DejaVuSans-Oblique.ttf",),
    "bold_italic": (DEJAVU / "DejaVuSans-BoldOblique.ttf",),
    "arabic": (NOTO / "NotoSansArabic-Regular.ttf", NOTO / "NotoNaskhArabic-Regular.ttf"),
    "arabic_bold": (NOTO / "NotoSansArabic-Bold.ttf", NOTO / "NotoNaskhArabic-Bold.ttf"),
    "hebrew": (NOTO / "NotoSansHebrew-Regular.ttf",),
    "hebrew_bold": (NOTO / "NotoSansHebrew-Bold.ttf",),
    "symbols": (NOTO / "NotoSansSymbols2-Regular.ttf", NOTO / "NotoSansSymbols-Regular.ttf"),
    "emoji": (NOTO / "NotoColorEmoji.ttf",),
}
"""Debian's paths per role."""

PACKAGE: dict[str, str] = {
    "regular": "fonts-dejavu-core",
    "bold": "fonts-dejavu-core",
    "italic": "fonts-dejavu-core",
    "bold_italic": "fonts-dejavu-core",
    "arabic": "fonts-noto-core",
    "arabic_bold": "fonts-noto-core",
    "hebrew": "fonts-noto-core",
    "hebrew_bold": "fonts-noto-core",
    "symbols": "fonts-noto-core",
    "emoji": "fonts-noto-color-emoji",
}
"""The Debian package that brings each role (named in the message when a font is missing)."""

_MATPLOTLIB = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}


def _bundled(role: str) -> Path | None:
    """A font the package ships (``facilitation.fonts``), asked by role; any shape of answer that is a file."""
    try:
        mod = importlib.import_module("facilitation.fonts")
    except ImportError:
        return None
    for name in ("font_path", "path"):
        fn = getattr(mod, name, None)
        if callable(fn):
            try:
                found = fn(role)
            except Exception:  # an unknown role: ask the system
                continue
            if found and Path(found).is_file():
                return Path(found)
    return None


def _matplotlib(role: str) -> Path | None:
    file = _MATPLOTLIB.get(role)
    if file is None:
        return None
    try:
        import matplotlib
    except ImportError:
        return None
    p = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / file
    return p if p.is_file() else None


@cache
def font_path(role: str) -> Path | None:
    """The font file for a role (regular, bold, italic, bold_italic, arabic, arabic_bold, hebrew, symbols, emoji)."""
    found = _bundled(role)
    if found is not None:
        return found
    for p in SYSTEM.get(role, ()):
        if p.is_file():
            return p
    return _matplotlib(role)


def require(role: str) -> Path:
    """The font for a role, or a ``FacilitationError`` that names what to install."""
    p = font_path(role)
    if p is None:
        raise FacilitationError("export_font_missing", role=role, package=PACKAGE.get(role, "fonts-noto-core"))
    return p


def clear() -> None:
    font_path.cache_clear()
