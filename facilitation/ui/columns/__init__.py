"""The three columns and their eight elements, in the family's own words."""

from .view import ColumnsView

__all__ = ["ColumnsView"]
