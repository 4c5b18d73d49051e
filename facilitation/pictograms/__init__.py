"""The pictures a family chooses for Words and Pictures and the Three Houses, shipped with the tool.

OpenMoji pictograms (CC BY-SA 4.0, see README.md and LICENSE-CC-BY-SA-4.0.txt beside this file): an SVG per
name for the screen and a 256 px PNG for documents. Nothing is fetched at run time.

- ``names()``: every shipped name, in the picker's order; ``groups()``: (group, names) for the picker.
- ``path(name)`` / ``png_path(name)``: the SVG / PNG file; ``svg(name)``: its text; ``data_uri(name)``: the
  SVG as a ``data:`` URI for an ``<img>`` (no request leaves the page).
- ``label(name, lang)``: what it shows, in the reader's language ("mama", "politieauto").
- ``ATTRIBUTION``: the line to print wherever the pictures are shown or printed.
"""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

from ..i18n import translate
from .catalog import GROUPS, PICTOGRAMS

FOLDER = Path(__file__).resolve().parent
LICENCE_FILE = FOLDER / "LICENSE-CC-BY-SA-4.0.txt"
ATTRIBUTION = "OpenMoji (openmoji.org), CC BY-SA 4.0"


class UnknownPictogram(KeyError):
    """A name that is not among the shipped pictograms."""


def names() -> list[str]:
    return list(PICTOGRAMS)


def known(name: str) -> bool:
    return name in PICTOGRAMS


def groups() -> list[tuple[str, list[str]]]:
    """(group, names) in the picker's order."""
    return [(g, [n for n, (_, grp) in PICTOGRAMS.items() if grp == g]) for g in GROUPS]


def _file(name: str, suffix: str) -> Path:
    if name not in PICTOGRAMS:
        raise UnknownPictogram(name)
    return FOLDER / f"{name}{suffix}"


def path(name: str) -> Path:
    """The SVG of a pictogram."""
    return _file(name, ".svg")


def png_path(name: str) -> Path:
    """The 256 × 256 PNG of a pictogram (for Word and PDF documents)."""
    return _file(name, ".png")


@cache
def svg(name: str) -> str:
    return path(name).read_text(encoding="utf-8")


@cache
def data_uri(name: str) -> str:
    """The SVG as a data URI, for ``<img src=...>`` on screen."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg(name).encode("utf-8")).decode("ascii")


def label(name: str, lang: str) -> str:
    """The pictogram's name in the reader's language; an unknown name is shown as itself."""
    return translate(lang, f"pictogram.{name}") if name in PICTOGRAMS else name
