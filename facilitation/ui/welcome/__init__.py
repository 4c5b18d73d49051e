"""The welcome shown while no case is open: open a sample case, start a new case, or import a case file."""

from .view import Welcome

__all__ = ["Welcome"]
