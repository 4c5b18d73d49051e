"""Text on the maps: user text made inert for plotly, split in what a reader sees as characters, shortened."""

from __future__ import annotations

import textwrap
import unicodedata
from typing import Any

_JOINERS = {"\u200d"}


def _extends(ch: str) -> bool:
    """A character that belongs to the one before it (accents, emoji modifiers, variation selectors)."""
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
    """One line of at most ``limit`` characters; a longer text ends in an ellipsis."""
    flat = " ".join(str(text).split())
    parts = clusters(flat)
    if len(parts) <= limit:
        return flat
    return "".join(parts[: max(limit - 1, 1)]).rstrip() + "…"


def plot_text(text: Any) -> str:
    """User text made inert for plotly's text and hover text (which render a subset of HTML)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def child_label(name: str, chars: int, lines: int) -> str:
    """A child's name under its marker: on up to ``lines`` lines of ``chars``; what does not fit ends in …"""
    flat = " ".join(str(name).split())
    if lines < 2 or len(clusters(flat)) <= chars:
        return plot_text(shorten(flat, chars))
    first, _, rest = flat.partition(" ")
    if not rest or len(clusters(first)) > chars:
        return plot_text(shorten(flat, chars))
    return plot_text(first) + "<br>" + plot_text(shorten(rest, chars))


def hover_lines(text: str, width: int = 44) -> str:
    """User text for a hover box: escaped, wrapped in lines of about ``width`` characters."""
    flat = " ".join(str(text).split())
    return "<br>".join(plot_text(line) for line in textwrap.wrap(flat, width) or [""])
