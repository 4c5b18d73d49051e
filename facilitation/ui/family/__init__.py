"""The family screen (familiescherm): what the family sees on the projector, following the meeting."""

from .view import FamilyView, family_window

__all__ = ["FamilyView", "family_window"]
