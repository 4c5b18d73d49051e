"""The reflecting-team dashboard: the case mapped by the team, scenarios, rounds, the record."""

from .view import ReflectingTeam

__all__ = ["ReflectingTeam"]
