"""The family screen's widgets: the stage (``js/family-stage.js``), the network map, the small control.

Opened two ways: as its own window (``?view=family``: the projector, no control at all) or inside the
working screen in projection mode (one screen: a small control to change phase, blank, go back).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as W
import traitlets

from ...domain import ops
from ...domain.errors import FacilitationError
from ...figures import map_layout
from ...figures.network import network_figure
from ...services.seats import Seats
from .. import esm
from ..base import PartView, button, css
from ..network.map_input import Measured
from ..plot import PlotView
from ..session import Event, Session
from .present import board_html, present
from .state import FamilyState

TURN_SECONDS = 25
"""Pages of a full board turn by themselves this often (long enough to read a page aloud)."""

SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("→ / PageDown", "shortcuts.page_next"),
    ("← / PageUp", "shortcuts.page_prev"),
)
"""The family screen's keys (the shell's ``?`` list shows them)."""


class FamilyStage(Measured):
    """The board as HTML, fitted and paged in the browser; reports its size (the map waits for it, as the
    network map does: ``Measured.wait``); B asks the kernel to blank."""

    _esm = traitlets.Unicode(esm.module("family-stage")).tag(sync=True)
    html = traitlets.Unicode("").tag(sync=True)
    pointer = traitlets.Unicode("").tag(sync=True)
    blank = traitlets.Bool(False).tag(sync=True)
    page_text = traitlets.Unicode("").tag(sync=True)
    turn_seconds = traitlets.Int(TURN_SECONDS).tag(sync=True)
    own_keys = traitlets.Bool(False).tag(sync=True)
    """The family screen's own window: B blanks (in the working screen its blank screen does that)."""


class FamilyView(PartView[FamilyState]):
    """What the family sees; follows the session's case and meeting (pointer, blank, pinned included)."""

    key = "family-view"
    SHORTCUTS = SHORTCUTS

    def __init__(
        self,
        session: Session,
        *,
        control: dict[str, Callable[[], Any]] | None = None,
        own_window: bool = False,
    ) -> None:
        self._control_actions = control
        self._own_window = own_window
        self.active = True
        self._seat_book = Seats(lambda: self.session.store)
        self._map_shown: Any = None
        super().__init__(session)
        self.widget.add_class("fac-ready")

    # ---- building --------------------------------------------------------------------------------

    def build(self) -> None:
        self.stage = FamilyStage(own_keys=self._own_window)
        self.text(self.stage, "fv.page", "page_text", n="{n}", total="{total}")
        self.stage.on_msg(self._on_stage_msg)
        self.stage.observe(self._on_size, "size")
        self.stage.wait(self._redraw_map)  # drawn once, at the size the page measures
        self.map = css(PlotView(), "fac-fv-map")
        self.map.layout.display = "none"
        kids: list[W.Widget] = [self.stage, self.map]
        if self._control_actions is not None:
            kids.append(self._build_control(self._control_actions))
        self.widget.children = kids

    def _build_control(self, actions: dict[str, Callable[[], Any]]) -> W.Widget:
        """Four small buttons in a corner: previous/next phase, blank, back to the working screen."""
        self.control_buttons: dict[str, W.Button] = {}
        for name in ("prev", "next", "blank", "back"):
            b = button("", "fac-fv-control-btn", f"fac-fv-control-{name}")
            self.text(b, f"fv.control.{name}")
            self.text(b, f"fv.control.{name}_tip", "tooltip")
            action = actions[name]
            b.on_click(lambda _b, action=action: action())
            self.control_buttons[name] = b
        box = css(W.HBox(list(self.control_buttons.values())), "fac-fv-control")
        return box

    # ---- showing ---------------------------------------------------------------------------------

    def concerns(self, event: Event) -> bool:
        return self.active and super().concerns(event)

    def state(self) -> FamilyState:
        return present(self.session.case, self.session.meeting, self.session.lang)

    def show(self, state: FamilyState, previous: FamilyState | None) -> None:
        if previous is None or state.board != previous.board:
            self.stage.html = board_html(state.board)
        pointer = state.pointer or ""
        if self.stage.pointer != pointer or self.stage.blank != state.blank:
            with self.stage.hold_sync():
                self.stage.pointer = pointer
                self.stage.blank = state.blank
        self._redraw_map()

    def _redraw_map(self) -> None:
        state = self._shown
        on_map = state is not None and state.board.layout == "map"
        self.map.layout.display = "" if on_map else "none"
        if not on_map or self.session.case is None or state is None or self.stage.due:
            return
        screen = self.stage.screen()
        key = (state.map_records, state.pointer, state.lang, screen)
        if key == self._map_shown:
            return
        self._map_shown = key
        case = self.session.case
        try:
            seats = self._seats()
        except FacilitationError:
            seats = None
        figure = network_figure(
            case,
            self.session.lang,
            places=map_layout.layout(case, seats),
            selected=state.pointer if state.pointer in case.people else None,
            projection=True,
            screen=screen,
        )
        self.map.show(figure)

    def _on_size(self, _change: dict[str, Any]) -> None:
        self.stage.due = False  # the size came: the map, if shown, is drawn now, at that size
        self._redraw_map()

    def _seats(self) -> dict[str, int]:
        """Seats by order of arrival from the change log, as on the working screen (the same map)."""
        return self._seat_book(self.case)

    def activate(self, on: bool) -> None:
        """Follow the meeting (on) or rest while the working screen is shown (off)."""
        self.active = on
        if on:
            self._apply_texts()
            self.update(force=True)

    # ---- the family window's own keys --------------------------------------------------------------

    def _on_stage_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("type") == "blank":
            self.toggle_blank()

    def toggle_blank(self) -> bool:
        """B in the family screen's own window: blank it (and every screen of the meeting), or come back."""
        m = self.session.meeting
        if m is None:
            return False
        return self.session.do(
            lambda case: ops.update(case, "meeting", m.id, "edit.family_screen", blank=not m.blank), undoable=False
        )


def family_window(session: Session) -> W.Widget:
    """The family screen as a page of its own: no control, B blanks, the page named in the language."""
    from ..page.widgets import PageInfo, shortcut_groups
    from ..style import stylesheet

    view = FamilyView(session, own_window=True)
    page = PageInfo(charts=True)  # the network map, when the meeting comes to it
    own = (("B", "shortcuts.blank"), ("?", "shortcuts.help"))

    def label(_event: Event | None = None) -> None:
        t = session.t
        with page.hold_sync():
            page.lang = session.lang
            page.title = t("fv.page_title")
            page.shortcuts_title = t("shortcuts.title")
            page.close_label = t("shortcuts.close")
            page.shortcuts = shortcut_groups([("fv.title", (*SHORTCUTS, *own))], t)

    label()
    session.subscribe(lambda e: label(e) if e.type == "lang" else None)
    root = css(W.VBox([W.HTML(stylesheet()), page, view.widget]), "fac-family-window")
    root.family_view = view  # type: ignore[attr-defined]
    return root
