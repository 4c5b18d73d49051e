"""What the training dashboard's parts share: the root they belong to, an exercise's source."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..base import Part
from ..session import Session

if TYPE_CHECKING:
    from .view import Training

log = logging.getLogger(__name__)


# ---- exercises in the store ---------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """What an exercise can start from: a sample case or a fictional case in the store."""

    key: str
    title: str


class TrPart(Part):
    """A part of the training dashboard: knows the root (exercise, copies, trainer actions)."""

    def __init__(self, session: Session, root: Training) -> None:
        self.root = root
        super().__init__(session)
