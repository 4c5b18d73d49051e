"""Small browser-side widgets for running the meeting: a ticking clock and the blank screen.

Both work in the browser alone once drawn (the clock ticks without the kernel; the blank screen
appears on one key press even if the kernel is busy) and report to the kernel through their traits.
"""

from __future__ import annotations

import traitlets

from .. import esm


class ClockView(esm.Widget):  # type: ignore[misc]
    """Shows ``label`` and the time since ``since_ms`` (epoch milliseconds; 0 = not started)."""

    _esm = traitlets.Unicode(esm.module("clock")).tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    since_ms = traitlets.Int(0).tag(sync=True)


class BlankScreen(esm.Widget):  # type: ignore[misc]
    """Press B (outside a text field) to show nothing at all; B, Escape or a double click to return."""

    _esm = traitlets.Unicode(esm.module("blank-screen")).tag(sync=True)
    blank = traitlets.Bool(False).tag(sync=True)
    hint = traitlets.Unicode("").tag(sync=True)
