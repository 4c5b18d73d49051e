"""Scaling questions asked of every participant, side by side and across meetings."""

from .view import ScalingView

__all__ = ["ScalingView"]
