"""Text on the maps: user text made inert for plotly, a child's name on two lines, hover text wrapped.

Splitting in characters and shortening are the one helper of ``domain.text`` (named here too).
"""

from __future__ import annotations

import textwrap
from typing import Any

from ..domain.text import clusters, shorten

__all__ = ["child_label", "clusters", "hover_lines", "plot_text", "shorten"]


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
