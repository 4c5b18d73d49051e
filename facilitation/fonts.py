"""The fonts the documents use, found by role: shipped in the package first, then the system's.

The package carries its fonts (``facilitation/fonts/``, see the README there for why each one), so a PDF
looks the same on every laptop and nothing is fetched at run time. The system's font folders are only a
fallback, for a build of the package without them (a distribution that packs fonts separately). A font
found nowhere raises ``FontMissing``, whose message names the font and the file to install.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .domain.errors import FacilitationError

PACKAGE_FONTS = Path(__file__).resolve().parent / "fonts"


@dataclass(frozen=True)
class Font:
    """One face: its family name as a person would install it, and the file names it goes by."""

    family: str
    files: tuple[str, ...]


ROLES: dict[str, Font] = {
    # The PDFs' text today (export/render_pdf.py).
    "body": Font("DejaVu Sans", ("DejaVuSans.ttf",)),
    "bold": Font("DejaVu Sans Bold", ("DejaVuSans-Bold.ttf",)),
    "italic": Font("DejaVu Sans Oblique", ("DejaVuSans-Oblique.ttf",)),
    "bold_italic": Font("DejaVu Sans Bold Oblique", ("DejaVuSans-BoldOblique.ttf",)),
    # For text shaped with HarfBuzz: Latin, Arabic and emoji faces of one design family.
    "sans": Font("Noto Sans", ("NotoSans-Regular.ttf",)),
    "sans_bold": Font("Noto Sans Bold", ("NotoSans-Bold.ttf",)),
    "sans_italic": Font("Noto Sans Italic", ("NotoSans-Italic.ttf",)),
    "sans_bold_italic": Font("Noto Sans Bold Italic", ("NotoSans-BoldItalic.ttf",)),
    # Noto Naskh Arabic is the same letters in the traditional style: a system that has only that will do.
    "arabic": Font("Noto Sans Arabic", ("NotoSansArabic-Regular.ttf", "NotoNaskhArabic-Regular.ttf")),
    "arabic_bold": Font("Noto Sans Arabic Bold", ("NotoSansArabic-Bold.ttf", "NotoNaskhArabic-Bold.ttf")),
    # Outlines, not colour bitmaps: a PDF embeds them and they print in black and white.
    "emoji": Font("Noto Emoji", ("NotoEmoji-Regular.ttf",)),
}

LICENCES = ("LICENSE-DejaVu.txt", "LICENSE-OFL.txt")


class FontMissing(FacilitationError):
    """A font the documents need is neither in the package nor on this computer."""


def system_font_dirs(platform: str | None = None, env: Mapping[str, str] | None = None) -> list[Path]:
    """Where this kind of computer keeps its fonts (the user's own folder first)."""
    platform = sys.platform if platform is None else platform
    env = os.environ if env is None else env
    home = Path(env.get("USERPROFILE" if platform == "win32" else "HOME", "~")).expanduser()
    if platform == "win32":
        # Windows: fonts installed for this user only, then for everyone.
        local = env.get("LOCALAPPDATA")
        windir = env.get("WINDIR") or env.get("SystemRoot") or "C:\\Windows"
        dirs = [Path(local) / "Microsoft" / "Windows" / "Fonts"] if local else []
        return [*dirs, Path(windir) / "Fonts"]
    if platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    data_home = env.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    data_dirs = (env.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":")
    return [Path(data_home) / "fonts", home / ".fonts", *(Path(d) / "fonts" for d in data_dirs if d)]


def _in_dir(folder: Path, names: tuple[str, ...], recursive: bool) -> Path | None:
    for name in names:
        direct = folder / name
        if direct.is_file():
            return direct
    if recursive and folder.is_dir():
        # System font folders sort fonts into subfolders (truetype/dejavu, noto, ...).
        for name in names:
            for found in sorted(folder.rglob(name)):
                if found.is_file():
                    return found
    return None


@cache
def path(role: str) -> Path:
    """The font file for ``role`` (see ``ROLES``): the package's own, else the system's; else ``FontMissing``."""
    font = ROLES[role]
    found = _in_dir(PACKAGE_FONTS, font.files, recursive=False)
    if found is None:
        for folder in system_font_dirs():
            found = _in_dir(folder, font.files, recursive=True)
            if found is not None:
                break
    if found is None:
        raise FontMissing("font_missing", font=font.family, file=font.files[0], folder=str(PACKAGE_FONTS))
    return found


def missing() -> list[str]:
    """Roles whose font is found nowhere (empty when the package is complete)."""
    out = []
    for role in ROLES:
        try:
            path(role)
        except FontMissing:
            out.append(role)
    return out
