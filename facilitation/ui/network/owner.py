"""What the network's helper panels (editor, tie menu, over time, quick add) use of the view that owns them: a
Protocol, so that they call back into it without importing it (the view imports them, never the other way round)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Protocol, TypeVar

import ipywidgets as W

from ...domain.case import Case
from ..session import Session
from .state import ViewChoices

WidgetT = TypeVar("WidgetT")


class NetworkOwner(Protocol):
    @property
    def session(self) -> Session: ...

    @property
    def case(self) -> Case: ...

    @property
    def choices(self) -> ViewChoices: ...

    @property
    def input(self) -> Any: ...  # the map's input widget (map_input.MapInput): scroll, ask_focus

    def t(self, key: str, **params: Any) -> str: ...

    def text(
        self, widget: WidgetT, key: str, attr: str = "description", *, html: bool = False, **params: Any
    ) -> WidgetT: ...

    def on(self, widget: W.Widget, handler: Callable[[Any], None], name: str = "value") -> None: ...

    def quietly(self) -> AbstractContextManager[None]: ...

    def set_quietly(self, widget: W.Widget, **traits: Any) -> None: ...

    def set_choices(self, widget: W.Widget, options: list[tuple[str, Any]], value: Any = ...) -> None: ...

    def update(self, force: bool = False) -> None: ...

    def choose(self, **changes: Any) -> None: ...

    def select(self, person_id: str | None) -> None: ...

    def add_link(self, pid: str, other: str, choice: str, note: str = "", clear: W.Text | None = None) -> bool: ...

    def nudge(self, dx: int, dy: int) -> bool: ...

    def remove_person(self) -> bool: ...

    def forget_person(self) -> bool: ...
