"""Widgets made together reach the page together, each in one message.

ipywidgets sends a widget to the page (``comm_open``) the moment it is made, and every value set after
that (its CSS classes, its texts, its options, the children of a box) as one more message. Building a part
does both for hundreds of widgets: the three columns on a large case sent about 800 messages, each passed
by the kernel, the server and the page in turn. Inside ``opened_together()`` a new widget is sent only
when the block ends (or sooner, the moment another widget already on the page refers to it), with its
state as it is then: one message per widget, and none for the values set while it was being built.

What the page shows at the end is the same; only the number of messages changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import ipywidgets as W

_pending: dict[int, W.Widget] = {}
_depth = 0
_open = W.Widget.open
_close = W.Widget.close
_model_id = W.Widget.model_id


def _open_later(self: W.Widget) -> None:
    if self.comm is None:
        _pending[id(self)] = self


def _close_pending(self: W.Widget) -> None:
    """Closed before it was sent: never sent."""
    _pending.pop(id(self), None)
    _close(self)


def _model_id_opening(self: W.Widget) -> Any:
    """A widget another one refers to (a box's child, a widget's layout) is sent first, as it is now."""
    if self.comm is None and _pending.pop(id(self), None) is not None:
        _open(self)
    return _model_id.fget(self)  # type: ignore[attr-defined]


def is_pending(widget: W.Widget) -> bool:
    """Made inside ``opened_together()`` and not sent yet (not closed: it will be sent)."""
    return id(widget) in _pending and _pending[id(widget)] is widget


@contextmanager
def opened_together() -> Iterator[None]:
    """Widgets made inside are sent to the page when the outermost block ends, each with its final state."""
    global _depth
    if _depth == 0:
        W.Widget.open = _open_later  # type: ignore[method-assign]
        W.Widget.close = _close_pending  # type: ignore[method-assign]
        W.Widget.model_id = property(_model_id_opening)  # type: ignore[method-assign, assignment]
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            try:
                flush()
            finally:
                _pending.clear()
                W.Widget.open = _open  # type: ignore[method-assign]
                W.Widget.close = _close  # type: ignore[method-assign]
                W.Widget.model_id = _model_id  # type: ignore[method-assign]


def flush() -> None:
    """Send the widgets made so far now (the block goes on deferring those made later): a part sends the
    widgets it built before it computes what they show (a map's layout and figure take a while), so the
    page makes them meanwhile."""
    while _pending:
        # In the order they were made; a widget's children and layout go first (``model_id``).
        widget = _pending.pop(next(iter(_pending)))
        if widget.comm is None:
            _open(widget)
