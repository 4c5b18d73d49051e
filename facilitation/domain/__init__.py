"""Pure domain model: the case and the operations that change it (no widgets, plotly or storage)."""

from .case import Case, Change, Edit
from .errors import ConflictError, FacilitationError, NotFoundError, ValidationError
from .model import (
    Agreement,
    CaseInfo,
    Item,
    Meeting,
    Person,
    Reflection,
    Scale,
    Scenario,
    Score,
    Tie,
)

__all__ = [
    "Agreement",
    "Case",
    "CaseInfo",
    "Change",
    "ConflictError",
    "Edit",
    "FacilitationError",
    "Item",
    "Meeting",
    "NotFoundError",
    "Person",
    "Reflection",
    "Scale",
    "Scenario",
    "Score",
    "Tie",
    "ValidationError",
]
