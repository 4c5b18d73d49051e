"""The safety plan: agreements, live checks, export."""

from .view import PlanView

__all__ = ["PlanView"]
