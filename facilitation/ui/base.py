"""What every screen part shares: the session, its texts, safe HTML, and refreshing on events."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any, ClassVar

import ipywidgets as W
from ipywidgets.widgets import widget_bool

from .session import Event, Session


def esc(value: Any) -> str:
    """User text made inert for HTML: markup shows as text, never runs."""
    return html.escape(str(value), quote=True)


def esc_lines(value: Any) -> str:
    """Escaped, with the speaker's line breaks kept."""
    return esc(value).replace("\n", "<br>")


def css(widget: W.Widget, *classes: str) -> W.Widget:
    """Add CSS classes, in one message to the page (not one per class)."""
    new = tuple(c for c in dict.fromkeys(classes) if c not in widget._dom_classes)
    if new:
        widget._dom_classes = (*widget._dom_classes, *new)
    return widget


_SHARED: dict[str, W.Widget] = {}
_SHARED_KINDS: dict[str, Callable[[], W.Widget]] = {
    "layout": W.Layout,
    "layout-full": lambda: W.Layout(width="100%"),
    "button": W.ButtonStyle,
    "toggle": widget_bool.ToggleButtonStyle,
    "checkbox": widget_bool.CheckboxStyle,
}


def shared(kind: str) -> Any:
    """One layout or style model for all the widgets made by the hundred that never change theirs (score
    buttons, agree buttons): every widget otherwise brings two more models to the browser, and opening a
    part with many of them took seconds. Never change a shared model: it would change them all."""
    w = _SHARED.get(kind)
    if w is None or getattr(w, "comm", None) is None:
        w = _SHARED[kind] = _SHARED_KINDS[kind]()
    return w


def is_shared(model: Any) -> bool:
    return any(model is w for w in _SHARED.values())


def button(label: str, *classes: str, style: str = "", tooltip: str = "", many: bool = False) -> W.Button:
    """A button; ``many``: one of hundreds alike, with the shared layout and style (see ``shared``)."""
    looks = {"layout": shared("layout"), "style": shared("button")} if many else {}
    b = W.Button(description=label, tooltip=tooltip or label, button_style=style, **looks)
    return css(b, "fac-btn", *classes)  # type: ignore[return-value]


def status_html(message: str, level: str) -> str:
    """The status line of a dashboard: ``message`` styled by ``level`` (ok, info, error), or nothing."""
    return f'<div class="fac-msg fac-msg-{esc(level)}" role="status">{esc(message)}</div>' if message else ""


class CaseMeetingPicks:
    """The case and meeting dropdowns of a dashboard's top bar: picking one opens it in ``self.session``.

    While the dashboard fills the dropdowns itself it sets ``_quiet`` so that nothing is opened.
    """

    session: Session
    _quiet = False

    def _on_case_pick(self, change: dict[str, Any]) -> None:
        if self._quiet or not change["new"]:
            return
        if self.session.case is None or change["new"] != self.session.case.id:
            self.session.open_case(change["new"])

    def _on_meeting_pick(self, change: dict[str, Any]) -> None:
        if self._quiet or not change["new"]:
            return
        self.session.set_meeting(change["new"])


class Part:
    """A screen part (network, columns, scaling, plan, ...).

    Subclasses set ``key`` (CSS class ``fac-<key>`` on ``self.widget``), ``kinds`` (the record kinds
    they show), build their widgets once in ``build()``, and redraw in ``refresh()``. ``relabel()``
    re-sets texts after a language switch without touching what the user is typing.
    """

    key: ClassVar[str] = "part"
    kinds: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, session: Session) -> None:
        self.session = session
        self.widget: W.Box = W.VBox()
        self.widget.add_class(f"fac-{self.key}")
        self.widget.add_class("fac-part")
        self.build()
        self.relabel()
        self.refresh(Event("case"))
        session.subscribe(self._on_event)

    @property
    def title(self) -> str:
        return self.t(f"part.{self.key}")

    def t(self, key: str, **params: Any) -> str:
        return self.session.t(key, **params)

    @property
    def case(self) -> Any:
        return self.session.case

    def _on_event(self, event: Event) -> None:
        if event.type == "lang":
            self.relabel()
            self.refresh(event)
        elif event.type in ("case", "meeting", "sync", "mode") or (
            event.type == "edit" and (event.kinds & self.kinds or not self.kinds)
        ):
            self.refresh(event)

    # ---- to override -----------------------------------------------------------------------------

    def build(self) -> None:
        """Create the widgets (once)."""

    def relabel(self) -> None:
        """Set every visible label in the current language."""

    def refresh(self, event: Event) -> None:
        """Show the current case."""
