"""What the reflecting team's parts use of the dashboard that owns them (their root): a Protocol, so that they
call back into it without importing it (the dashboard imports them, never the other way round)."""

from __future__ import annotations

from typing import Any, Protocol

from ...domain.case import Case
from ...domain.model import Meeting


class ReflectingOwner(Protocol):
    @property
    def shown(self) -> Case | None: ...

    @property
    def meeting(self) -> Meeting | None: ...

    @property
    def pseudonym(self) -> str | None: ...

    @property
    def corrections(self) -> dict[str, str]: ...

    def say(self, message: str, level: str = "info") -> None: ...

    def do(self, make: Any) -> bool: ...

    def set_corrections(self, corrections: dict[str, str]) -> None: ...
