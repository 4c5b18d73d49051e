"""The dashboard's stylesheet: large, calm, readable from the back of the room."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def stylesheet() -> str:
    """All CSS of the tool as one <style> element (our own text, no user input)."""
    parts = [files("facilitation.ui").joinpath("style.css").read_text(encoding="utf-8")]
    return "<style>" + "\n".join(parts) + "</style>"
