"""Browser-side widgets of the child's voice: the pen, the pictogram picker, the storyboard, the reader.

Each keeps its JavaScript in ``ui/js/`` (anywidget). The pen and the picker report through their traits
(``strokes``, ``chosen``); the storyboard sends events (open a page, move it); tests act as the browser
does with the same traits and messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import traitlets

from ... import pictograms
from .. import esm

PEN_COLORS = ("#1d2430", "#e63946", "#f4a261", "#ffd23f", "#2a9d4f", "#1f6fd1", "#7b4fa0", "#8d5524", "#ff8fab")
"""Ink, red, orange, yellow, green, blue, purple, brown, pink: the colours of a child's pencil case."""
PEN_COLOR_KEYS = ("black", "red", "orange", "yellow", "green", "blue", "purple", "brown", "pink")
PEN_WIDTHS = (6, 14, 30)
"""Thin, medium, thick (in the 1000-wide box of a drawing)."""


class Pen(esm.Widget):  # type: ignore[misc]
    """A drawing surface: ``strokes`` is the drawing as stored (JSON), sent when a stroke ends."""

    _esm = traitlets.Unicode(esm.module("pen")).tag(sync=True)
    strokes = traitlets.Unicode("").tag(sync=True)
    readonly = traitlets.Bool(False).tag(sync=True)
    colors = traitlets.List(traitlets.Unicode(), default_value=list(PEN_COLORS)).tag(sync=True)
    widths = traitlets.List(traitlets.Int(), default_value=list(PEN_WIDTHS)).tag(sync=True)
    labels = traitlets.Dict().tag(sync=True)


def pen_labels(t: Callable[..., str]) -> dict[str, Any]:
    return {
        "undo": t("child.pen.undo"),
        "clear": t("child.pen.clear"),
        "canvas": t("child.pen.canvas"),
        "colors": [t(f"child.pen.color.{k}") for k in PEN_COLOR_KEYS],
        "widths": [t(f"child.pen.width.{k}") for k in ("thin", "medium", "thick")],
    }


class PictogramPicker(esm.Widget):  # type: ignore[misc]
    """The shipped pictograms by group; ``chosen`` holds the names on the page, in the order chosen."""

    _esm = traitlets.Unicode(esm.module("pictogram-picker")).tag(sync=True)
    groups = traitlets.List(traitlets.Dict()).tag(sync=True)
    items = traitlets.List(traitlets.Dict()).tag(sync=True)
    chosen = traitlets.List(traitlets.Unicode()).tag(sync=True)
    readonly = traitlets.Bool(False).tag(sync=True)

    def fill(self, lang: str, t: Callable[..., str]) -> None:
        """The pictures and their labels in ``lang`` (sent once per language: some 200 kB of pictures)."""
        with self.hold_sync():
            self.groups = [{"key": g, "label": t(f"pictogram.group.{g}")} for g, _ in pictograms.groups()]
            self.items = [
                {"name": n, "group": g, "label": pictograms.label(n, lang), "src": pictograms.data_uri(n)}
                for g, names in pictograms.groups()
                for n in names
            ]

    def choose(self, name: str) -> None:
        """Act as a click on a picture does in the browser (tests): put it on, or take it off."""
        now = list(self.chosen)
        self.chosen = [n for n in now if n != name] if name in now else [*now, name]


class _Events(esm.Widget):  # type: ignore[misc]
    """A widget whose browser side sends ``{"event": ..., ...}`` messages to named handlers."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._handlers: dict[str, list[Callable[..., None]]] = {}
        self.on_msg(self._on_custom_msg)

    def on_event(self, event: str, fn: Callable[..., None]) -> None:
        self._handlers.setdefault(event, []).append(fn)

    def send_event(self, event: str, **data: Any) -> None:
        """Act as the browser does: the same comm message (tests call this)."""
        content = {"event": event, **data}
        self._handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": []})

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        data = {k: v for k, v in content.items() if k != "event"}
        for fn in list(self._handlers.get(str(content.get("event")), [])):
            fn(**data)


class Storyboard(_Events):
    """The pages of a story as cards: ``select`` (id) opens one, ``move`` (id, step) moves it."""

    _esm = traitlets.Unicode(esm.module("storyboard")).tag(sync=True)
    cards = traitlets.List(traitlets.Dict()).tag(sync=True)
    labels = traitlets.Dict().tag(sync=True)
    readonly = traitlets.Bool(False).tag(sync=True)


class StoryReader(esm.Widget):  # type: ignore[misc]
    """Reading together: ``pages`` (HTML, escaped in Python) over the whole window while ``showing``."""

    _esm = traitlets.Unicode(esm.module("story-reader")).tag(sync=True)
    pages = traitlets.List(traitlets.Unicode()).tag(sync=True)
    index = traitlets.Int(0).tag(sync=True)
    showing = traitlets.Bool(False).tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)
    labels = traitlets.Dict().tag(sync=True)
