"""The map's own input: its size in the browser, double-click and drag on it, keys in the editors; and
the menu that asks which kind of tie a drag from one person to another draws."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import ipywidgets as W
import traitlets

from ...domain.text import shorten
from .. import esm
from ..base import button, css, esc
from ..loop import kernel_loop
from .owner import NetworkOwner

log = logging.getLogger(__name__)

SIZE_WAIT_S = 2.0
"""On first opening the map waits for its size at most this long after the page shows it (``Measured.wait``)."""
UNSHOWN_WAIT_S = 8.0
"""... and at most this long after it was built, when the page never says it shows it."""
TIE_MENU = ("support", "conflict", "family", "broken", "parent_of", "child_of", "partner", "ex_partner")


class Measured(esm.Widget):  # type: ignore[misc]
    """A widget whose page tells the kernel the size of a plot (``size``: [width, height] in pixels), or
    says it cannot measure it (the message ``{"type": "unsized"}``: a hidden tab). A map's figure depends on
    that size (names are placed in pixels): ``wait`` lets the part draw it once, at the measured size. Used
    by the network map (``MapInput``) and by the family screen's stage (``ui/family/view.py``)."""

    size = traitlets.List(traitlets.Int(), default_value=[]).tag(sync=True)

    due = False
    """The map waits for its size in the browser before it is first drawn (``wait``)."""

    def wait(self, without: Callable[[], None]) -> None:
        """On first opening the map is computed and drawn once, at the size the page measures, not at an
        assumed size and then again: the part draws nothing while ``due`` and draws when ``size`` comes.
        ``without()`` draws it at the assumed size when the page says it cannot measure (``unsized``), or
        says nothing within ``SIZE_WAIT_S`` of showing it (``shown``: the time a busy page takes to load
        and draw the part does not count), or never says it shows it (``UNSHOWN_WAIT_S``); ``due`` is then
        already False. Not in a kernel (widget tests): no waiting."""
        loop = kernel_loop()
        if loop is None:
            return
        self.due = True

        def give_up() -> None:
            if not self.due:
                return
            self.due = False
            try:
                without()
            except Exception:  # on the kernel's loop: a map that fails must not stop it (as in Session._emit)
                log.exception("the map without its size failed")

        def on_msg(_w: Any, content: Any, _b: Any) -> None:
            if content == {"type": "unsized"}:
                give_up()
            elif content == {"type": "shown"} and self.due:
                loop.call_later(SIZE_WAIT_S, give_up)

        self.on_msg(on_msg)
        loop.call_later(UNSHOWN_WAIT_S, give_up)

    def screen(self, low: int = 100, high: int = 10_000) -> tuple[int, int] | None:
        """The measured size, when there is one within bounds (a map squeezed to nothing is drawn as if
        unmeasured)."""
        size = self.size
        if len(size) == 2 and all(low <= n <= high for n in size):
            return int(size[0]), int(size[1])
        return None


class MapInput(Measured):
    """The size of the plot in view (the map, the genogram or one of the two compared maps), double-clicks
    and drags on the map, Escape/Enter in the editors; the kernel asks it to scroll the side panel to the
    top (``scroll``), to focus a field (``focus``) or to measure again (``measure_n``)."""

    _esm = traitlets.Unicode(esm.module("network-input")).tag(sync=True)
    scroll = traitlets.Int(0).tag(sync=True)
    focus = traitlets.Unicode("").tag(sync=True)
    focus_n = traitlets.Int(0).tag(sync=True)
    measure_n = traitlets.Int(0).tag(sync=True)
    """Asks the page to measure again (another plot came into view: the genogram, the comparison)."""

    def ask_focus(self, selector: str) -> None:
        with self.hold_sync():
            self.focus = selector
            self.focus_n += 1


class TieMenu:
    """After dragging from one person to another: which kind of tie? (Escape or "Cancel" closes it.)"""

    def __init__(self, view: NetworkOwner) -> None:
        self.view = view
        self.pair: tuple[str, str] | None = None
        self.text_html = css(W.HTML(), "fac-tie-menu-text")
        self.buttons = {k: button("", "fac-tie-menu-choice", f"fac-tie-menu-{k}") for k in TIE_MENU}
        for k, b in self.buttons.items():
            b.on_click(lambda _b, k=k: self.choose(k))
        self.cancel = view.text(button("", "fac-tie-menu-cancel"), "network.tie.menu_cancel")
        self.cancel.on_click(lambda _b: self.close())
        grid = css(W.HBox([*self.buttons.values(), self.cancel]), "fac-net-row", "fac-tie-menu-grid")
        self.widget = css(W.VBox([self.text_html, grid]), "fac-net-box", "fac-tie-menu")
        self.widget.layout.display = "none"

    def ask(self, a: Any, b: Any) -> None:
        v = self.view
        people = v.case.people
        if not (isinstance(a, str) and isinstance(b, str) and a in people and b in people and a != b):
            return
        self.pair = (a, b)
        na, nb = shorten(people[a].name, 30), shorten(people[b].name, 30)
        self.text_html.value = f"<b>{esc(v.t('network.tie.menu', a=na, b=nb))}</b>"
        first_a, first_b = na.split(" ")[0], nb.split(" ")[0]  # the question above names them whole
        for k, btn in self.buttons.items():
            btn.description = v.t(f"network.tie.menu.{k}", a=first_a, b=first_b)
        self.widget.layout.display = ""
        v.input.scroll += 1
        v.input.ask_focus(".fac-tie-menu-support")

    def choose(self, choice: str) -> None:
        if self.pair is not None and self.view.add_link(*self.pair, choice):
            self.close()

    def close(self) -> None:
        self.pair = None
        self.widget.layout.display = "none"
