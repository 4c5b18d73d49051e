"""What every screen part shares: the session, its texts, safe HTML, and refreshing on events."""

from __future__ import annotations

import html
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

import ipywidgets as W
from ipywidgets.widgets import widget_bool

from ..domain.case import Case
from . import opening
from .opening import is_pending
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
    if w is None or (getattr(w, "comm", None) is None and not is_pending(w)):
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


# ---- the house style: state -> present -> view --------------------------------------------------------

S = TypeVar("S")
K = TypeVar("K", bound=Hashable)
WidgetT = TypeVar("WidgetT", bound=W.Widget)


class NoCaseOpen(RuntimeError):
    """A part asked for the case while none is open (the shell shows no part then)."""


@dataclass
class _Bound:
    widget: W.Widget
    attr: str
    key: str
    params: Mapping[str, Any]
    html: bool


class Texts:
    """Widget texts bound to translation keys, the one binding mechanism of ``ui/``: a text is set when it is
    bound and again by ``apply()`` after a language switch. Every part has one (``PartView.text``); so have
    the dashboards' own bars (``ui/shell.py``). A parameter may be a function, called each time."""

    def __init__(self, t: Callable[..., str]) -> None:
        self._t = t
        self._bound: list[_Bound] = []

    def bind(
        self, widget: WidgetT, key: str, attr: str = "description", *, html: bool = False, **params: Any
    ) -> WidgetT:
        """Bind ``widget.attr`` to a translation key (escaped for an HTML widget); returns the widget."""
        self._bound = [b for b in self._bound if not (b.widget is widget and b.attr == attr)]
        bound = _Bound(widget, attr, key, params, html)
        self._bound.append(bound)
        self._set(bound)
        return widget

    def _set(self, b: _Bound) -> None:
        params = {k: (v() if callable(v) else v) for k, v in b.params.items()}
        value = self._t(b.key, **params)
        setattr(b.widget, b.attr, esc(value) if b.html else value)

    def apply(self) -> None:
        """Set every bound text again (in the language now chosen)."""
        for b in self._bound:
            self._set(b)


class PartView(Generic[S]):
    """A screen part in the house style (``ui/<feature>/``): ``state()`` -> ``show()``.

    - ``state()`` returns a small frozen record of everything the part shows, computed from the session
      (the feature's ``state.py``); pure functions in ``present.py`` turn it into texts, rows and classes.
    - ``build()`` creates the widgets once. Texts are bound to translation keys with ``text()`` and follow
      a language switch by themselves: there is no ``relabel()``.
    - ``show(state, previous)`` sets the widgets from a new state; it runs only when the state changed.
    - Handlers are attached with ``on()``: they do not run while the view sets values itself
      (``set_quietly``/``quietly``), so no echo reaches the store.

    The root widget has the CSS classes ``fac-<key>`` and ``fac-part``. The case is never None inside
    ``state()``/``show()``: the part is not updated while no case is open.
    """

    key: ClassVar[str] = "part"
    kinds: ClassVar[frozenset[str]] = frozenset()
    """Record kinds whose edits concern this part (an empty set: every edit)."""
    needs_case: ClassVar[bool] = True
    """False for a part that shows something with no case open (the trainer's tabs before an exercise exists):
    its ``state()`` then never reads ``self.case``."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.widget: W.Box = css(W.VBox(), f"fac-{self.key}", "fac-part")  # type: ignore[assignment]
        self._texts = Texts(self.t)
        self._quiet = 0
        self._shown: S | None = None
        self.build()
        self._apply_texts()
        opening.flush()  # built widgets go to the page while the part computes what they show
        self.update()
        session.subscribe(self._on_event)

    # ---- reading -----------------------------------------------------------------------------------

    @property
    def case(self) -> Case:
        case = self.session.case
        if case is None:
            raise NoCaseOpen(self.key)
        return case

    @property
    def title(self) -> str:
        return self.t(f"part.{self.key}")

    def t(self, key: str, **params: Any) -> str:
        return self.session.t(key, **params)

    # ---- binding -----------------------------------------------------------------------------------

    def text(
        self, widget: WidgetT, key: str, attr: str = "description", *, html: bool = False, **params: Any
    ) -> WidgetT:
        """Bind ``widget.attr`` to a translation key (escaped for an HTML widget); returns the widget."""
        return self._texts.bind(widget, key, attr, html=html, **params)

    def _apply_texts(self) -> None:
        self._texts.apply()

    def on(self, widget: W.Widget, handler: Callable[[Any], None], name: str = "value") -> None:
        """Call ``handler(new_value)`` when the user changes ``widget.name`` (never for our own settings)."""

        def observe(change: Mapping[str, Any]) -> None:
            if not self._quiet:
                handler(change["new"])

        widget.observe(observe, name)

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Set widget values without running this part's handlers."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def set_quietly(self, widget: W.Widget, **traits: Any) -> None:
        """Set traits in one message to the page, skipping those already equal; no handler runs."""
        changed = {k: v for k, v in traits.items() if getattr(widget, k) != v}
        if not changed:
            return
        with self.quietly(), widget.hold_sync():
            for k, v in changed.items():
                setattr(widget, k, v)

    # ---- rendering ---------------------------------------------------------------------------------

    def build(self) -> None:
        """Create the widgets once (override)."""

    def state(self) -> S:
        """Everything the part shows, as a frozen record (override)."""
        raise NotImplementedError

    def show(self, state: S, previous: S | None) -> None:
        """Set the widgets from ``state`` (override); ``previous`` is what was shown before, if anything."""

    def update(self, force: bool = False) -> None:
        """Show the current state if it changed (or always, with ``force``). With no case open a part that
        needs one shows nothing new and forgets what it showed, so that the case opened next is drawn in full."""
        if self.needs_case and self.session.case is None:
            self._shown = None
            return
        new = self.state()
        if not force and self._shown is not None and new == self._shown:
            return
        previous, self._shown = self._shown, new
        self.show(new, previous)

    def concerns(self, event: Event) -> bool:
        """Does this event change what the part shows?"""
        if event.type in ("case", "meeting", "sync", "mode", "lang"):
            return True
        return event.type == "edit" and (not self.kinds or bool(event.kinds & self.kinds))

    def _on_event(self, event: Event) -> None:
        if event.type == "lang":
            self._apply_texts()
        if self.concerns(event):
            self.update()


class Rows(Generic[K, S]):
    """Widgets for a list of rows, each made once and redrawn only when its own state changed.

    ``make(state)`` builds a row's widget; ``redraw(widget, state)`` updates it. ``widgets(rows)`` returns
    the widgets in order; rows no longer listed are handed back by ``take_gone()`` so the view can close
    them once the page no longer shows them (closing a shown widget makes the page lose it).
    """

    def __init__(self, make: Callable[[S], W.Widget], redraw: Callable[[W.Widget, S], None]) -> None:
        self._make = make
        self._redraw = redraw
        self._rows: dict[K, tuple[W.Widget, S]] = {}
        self._gone: list[W.Widget] = []

    def widgets(self, rows: Iterable[tuple[K, S]]) -> list[W.Widget]:
        out: list[W.Widget] = []
        keep: dict[K, tuple[W.Widget, S]] = {}
        for key, state in rows:
            found = self._rows.get(key)
            if found is None:
                widget = self._make(state)
            else:
                widget, old = found
                if old != state:
                    self._redraw(widget, state)
            keep[key] = (widget, state)
            out.append(widget)
        self._gone += [w for k, (w, _) in self._rows.items() if k not in keep]
        self._rows = keep
        return out

    def take_gone(self) -> list[W.Widget]:
        gone, self._gone = self._gone, []
        return gone

    def __len__(self) -> int:
        return len(self._rows)
