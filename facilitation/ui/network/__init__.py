"""The network map: people, ties, sectors, closeness rings and safety circles."""

from .view import NetworkView

__all__ = ["NetworkView"]
