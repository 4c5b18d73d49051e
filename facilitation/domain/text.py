"""Text as people read it: one line cut to a length at a character a reader sees, and dates the Flemish way.

The one text-shortening helper of the tool (pickers, messages, chart labels); pure, no translations.
"""

from __future__ import annotations

import unicodedata
from datetime import date

ELLIPSIS = "…"

_JOINERS = frozenset("\u200d")


def _extends(ch: str) -> bool:
    """A code point that belongs to the character before it (accent, joiner, variation selector, skin tone, tag)."""
    if unicodedata.combining(ch) or ch in _JOINERS:
        return True
    cp = ord(ch)
    return 0xFE00 <= cp <= 0xFE0F or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F


def clusters(text: str) -> list[str]:
    """Text split in what a reader sees as characters (an accented letter or an emoji family is one)."""
    out: list[str] = []
    glue = False
    for ch in text:
        if out and (glue or _extends(ch)):
            out[-1] += ch
        else:
            out.append(ch)
        glue = ch in _JOINERS
    return out


def shorten(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters; a longer text ends in an ellipsis (never mid-character)."""
    flat = " ".join(str(text).split())
    parts = clusters(flat)
    if len(parts) <= limit:
        return flat
    return "".join(parts[: max(limit - 1, 1)]).rstrip() + ELLIPSIS


def day_month_year(iso: str) -> str:
    """'2026-10-05' -> '05/10/2026', the way dates are written in Flanders; other text is returned as it is."""
    try:
        d = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso or "")
    return f"{d.day:02d}/{d.month:02d}/{d.year}"
