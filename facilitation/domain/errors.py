"""Errors that carry a message key and parameters, so the user reads them in their own language."""

from __future__ import annotations

from typing import Any


class FacilitationError(Exception):
    """Base: ``code`` is a translation key under ``error.``; ``params`` fill it in."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:  # English-ish fallback for logs; the UI translates
        return f"{self.code} {self.params}"


class ValidationError(FacilitationError):
    """A value does not fit: ``field`` names where (e.g. ``person.name`` or ``people[3].closeness``)."""

    def __init__(self, field: str, code: str, **params: Any) -> None:
        super().__init__(code, field=field, **params)
        self.field = field


class ConflictError(FacilitationError):
    """Someone else changed the same thing first: the edit was not stored."""


class NotFoundError(FacilitationError):
    """A case, meeting or record that does not exist (any more)."""
