"""What the training dashboard's parts share: the root they belong to, and showing without an open case."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import ipywidgets as W

from ..base import PartView
from ..session import Session
from .owner import TrainingOwner

S = TypeVar("S")


class TrPart(PartView[S]):
    """A part of the training dashboard: knows the root (exercise, copies, trainer actions).

    Unlike the meeting dashboard's parts, the trainer's tabs show something with no case open (before an
    exercise exists: "no exercise yet", the samples to start from): they never wait for a case, and read the
    exercise through the root, never through ``self.case``."""

    needs_case = False

    def __init__(self, session: Session, root: TrainingOwner) -> None:
        self.root = root
        super().__init__(session)

    def pick(self, widget: W.Dropdown, options: Sequence[tuple[str, Any]], value: Any) -> None:
        """Set a dropdown's options and value without a handler running: the options only when they changed
        (setting them chooses the first), then the value."""
        options = tuple(options)
        if tuple(widget.options) != options:
            self.set_quietly(widget, options=options)
        self.set_quietly(widget, value=value)
