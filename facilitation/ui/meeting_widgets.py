"""Small browser-side widgets for running the meeting: a ticking clock and the blank screen.

Both work in the browser alone once drawn (the clock ticks without the kernel; the blank screen
appears on one key press even if the kernel is busy) and report to the kernel through their traits.
"""

from __future__ import annotations

import anywidget
import traitlets

from . import esm

_CLOCK_CSS = """
.fac-clock { display: inline-flex; gap: 0.35em; align-items: baseline; color: #4a5568; font-size: 0.9em; }
.fac-clock-value { font-variant-numeric: tabular-nums; font-weight: 600; }
"""


class ClockView(anywidget.AnyWidget):  # type: ignore[misc]
    """Shows ``label`` and the time since ``since_ms`` (epoch milliseconds; 0 = not started)."""

    _esm = traitlets.Unicode(esm.module("clock")).tag(sync=True)
    _css = traitlets.Unicode(_CLOCK_CSS).tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    since_ms = traitlets.Int(0).tag(sync=True)


_BLANK_CSS = """
.fac-blank { position: fixed; inset: 0; background: #000; z-index: 100000; cursor: none; }
.fac-blank-hint { position: absolute; bottom: 8px; right: 12px; color: #1a1a1a; font-size: 12px; }
"""


class BlankScreen(anywidget.AnyWidget):  # type: ignore[misc]
    """Press B (outside a text field) to show nothing at all; B, Escape or a double click to return."""

    _esm = traitlets.Unicode(esm.module("blank-screen")).tag(sync=True)
    _css = traitlets.Unicode(_BLANK_CSS).tag(sync=True)
    blank = traitlets.Bool(False).tag(sync=True)
    hint = traitlets.Unicode("").tag(sync=True)
