"""The training dashboard: exercises on fictional cases, role cards, reveals, groups compared."""

from .view import Training

__all__ = ["Training"]
