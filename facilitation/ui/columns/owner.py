"""What the columns' helper panels (editor, orphan, positions) use of the view that owns them: a Protocol, so
that they call back into it without importing it (the view imports them, never the other way round)."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from ...domain.case import Case
from ..session import Session

WidgetT = TypeVar("WidgetT")


class ColumnsOwner(Protocol):
    @property
    def session(self) -> Session: ...

    @property
    def case(self) -> Case: ...

    def t(self, key: str, **params: Any) -> str: ...

    def text(
        self, widget: WidgetT, key: str, attr: str = "description", *, html: bool = False, **params: Any
    ) -> WidgetT: ...

    def number_of(self, item_id: str) -> int: ...

    def open_editor(self, item_id: str) -> None: ...

    def close_editor(self) -> None: ...
