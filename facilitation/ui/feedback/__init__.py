"""Feedback of children and parents (the EXIT questionnaire of seed 004), per person over time."""

from .view import FeedbackView

__all__ = ["FeedbackView"]
