"""Where the documents find their fonts: one function, ``font_path(role)``.

It asks the fonts the package ships first (``facilitation.fonts``: DejaVu Sans, Noto Sans Arabic, Noto Emoji),
then the system's fonts from Debian's packages (``fonts-noto-core`` for Hebrew and symbols,
``fonts-noto-color-emoji`` for emoji in colour; ``scripts/setup`` installs them). Nothing is ever fetched. A
role with no font gives None; ``require`` turns that into a message for the user naming what to install.
"""

from __future__ import annotations

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

BUNDLED: dict[str, str] = {
    "regular": "body",
    "bold": "bold",
    "italic": "italic",
    "bold_italic": "bold_italic",
    "arabic": "arabic",
    "arabic_bold": "arabic_bold",
    "emoji": "emoji",
}
"""Roles the package ships a font for (``facilitation.fonts``), by that module's role names."""


def _bundled(role: str) -> Path | None:
    """The package's own font for a role (or the system's copy of that same face), if there is one."""
    from .. import fonts

    name = BUNDLED.get(role)
    if name is None:
        return None
    try:
        return fonts.path(name)
    except fonts.FontMissing:
        return None


@cache
def font_path(role: str) -> Path | None:
    """The font file for a role (regular, bold, italic, bold_italic, arabic, arabic_bold, hebrew, symbols, emoji).

    Emoji are drawn as the colour pictures of Noto Color Emoji where the system has it; else with the outlines
    of the Noto Emoji the package ships (printed in black)."""
    if role == "emoji":
        for p in SYSTEM["emoji"]:
            if p.is_file():
                return p
    found = _bundled(role)
    if found is not None:
        return found
    for p in SYSTEM.get(role, ()):
        if p.is_file():
            return p
    return None


def require(role: str) -> Path:
    """The font for a role, or a ``FacilitationError`` that names what to install."""
    p = font_path(role)
    if p is not None:
        return p
    if role in BUNDLED:  # a font the package ships is missing: ``fonts.path`` names the font and its file
        from .. import fonts

        fonts.path(BUNDLED[role])
    raise FacilitationError("export_font_missing", role=role, package=PACKAGE.get(role, "fonts-noto-core"))


def clear() -> None:
    from .. import fonts

    font_path.cache_clear()
    fonts.path.cache_clear()
