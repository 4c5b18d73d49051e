"""What the reflecting team's parts share: the root, item lists, the add row, the team's scores, a board of three
columns."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import ipywidgets as W

from ...domain import ops
from ...domain import reflecting as rt
from ...domain.case import Case
from ...domain.model import COLUMNS, ELEMENT_KINDS, Meeting
from ..base import NoCaseOpen, PartView, button, css, esc, esc_lines
from ..session import Session
from .owner import ReflectingOwner
from .present import element_options, scale_html, score_options
from .state import NO_SCORE, TEAM, BoardState, ElementRows, ScaleState, scenario_id

log = logging.getLogger(__name__)

S = TypeVar("S")
Translate = Callable[..., str]
Bind = Callable[..., Any]
"""``bind(widget, "i18n.key", attr, html=False)``: a text that follows the language (``PartView.text``)."""


# ---- the parts' base --------------------------------------------------------------------------


class RtView(PartView[S]):
    """A part of the reflecting-team dashboard: knows the root (the case as shown, the team's meeting).

    Its state is drawn from ``shown`` (the case or its pseudonymised copy); edits go through the root, which
    gives this dashboard's errors their own message. With no case open the tabs are hidden and nothing is drawn;
    the case opened next is drawn in full.
    """

    def __init__(self, session: Session, root: ReflectingOwner) -> None:
        self.root = root
        super().__init__(session)

    @property
    def shown(self) -> Case:
        shown = self.root.shown
        if shown is None:
            raise NoCaseOpen(self.key)
        return shown

    @property
    def meeting(self) -> Meeting | None:
        return self.root.meeting

    def do(self, make: Any) -> bool:
        return self.root.do(make)


# ---- shared pieces ------------------------------------------------------------------------------


class ItemList:
    """The items of one column (of the case or of a scenario), each with a remove button."""

    def __init__(self, part: RtView[Any], column: str) -> None:
        self.part = part
        self.column = column
        self.widget = css(W.VBox(), "fac-rt-items")
        self.hint = css(W.HTML(), "fac-rt-hint")
        self._rows: dict[tuple[str, str, str, str], W.Widget] = {}

    def show(self, t: Translate, elements: tuple[ElementRows, ...]) -> None:
        kids: list[W.Widget] = []
        rows: dict[tuple[str, str, str, str], W.Widget] = {}
        remove = t("reflecting.remove")
        for el in elements:
            kids.append(css(W.HTML(esc(t(f"element.{el.element}"))), "fac-rt-el"))
            for item in el.items:
                key = (item.id, item.text, el.element, remove)
                row = self._rows.get(key) or self._row(item.id, item.text, remove)
                rows[key] = row
                kids.append(row)
        if not kids:
            self.hint.value = esc(t("reflecting.nothing_yet"))
            kids.append(self.hint)
        self._rows = rows
        self.widget.children = kids

    def _row(self, item_id: str, text: str, remove: str) -> W.Widget:
        shown = css(W.HTML(f'<span class="fac-rt-text">{esc_lines(text)}</span>'), "fac-rt-item-text")
        drop = button("✕", "fac-x", "fac-rt-remove-item", tooltip=remove)
        drop.on_click(lambda _b: self.part.do(lambda case: ops.delete_item(case, item_id)))
        return css(W.HBox([shown, drop]), "fac-rt-item", f"fac-rt-item-{self.column}")


class AddItem:
    """Add an item to the case's columns or to a scenario: element, text, add."""

    def __init__(
        self, part: RtView[Any], scenario: str | None, bind: Bind, elements: tuple[str, ...] = ELEMENT_KINDS
    ) -> None:
        self.part = part
        self.scenario = scenario
        self.elements = elements
        self.element = css(W.Dropdown(options=[]), "fac-rt-element")
        self.text = bind(css(W.Textarea(rows=2), "fac-rt-text-in"), "reflecting.item_ph", "placeholder")
        self.add = bind(button("", "fac-rt-add-item", style="primary"), "reflecting.add")
        self.add.on_click(lambda _b: self.submit())
        self.widget = css(W.HBox([self.element, self.text, self.add]), "fac-rt-add")

    def show(self, t: Translate) -> None:
        """The element's choices in the language shown; the one chosen stays chosen."""
        options = element_options(t, self.elements)
        if list(self.element.options) == options:
            return
        current = self.element.value
        with self.part.quietly(), self.element.hold_sync():
            self.element.options = options
            self.element.value = current if current in self.elements else self.elements[0]

    def submit(self) -> bool:
        m = self.part.meeting
        text, element = self.text.value, self.element.value
        if self.scenario == TEAM:
            ok = self.part.do(lambda case: rt.add_team_item(case, m.id if m else None, text, element)[0])
        else:
            ok = self.part.do(
                lambda case: ops.add_item(
                    case, text, element=element, scenario=self.scenario, meeting=m.id if m else None
                )[0]
            )
        if ok:
            self.text.value = ""
        return ok


class ScoreRow:
    """The team's scores on one safety scale (of the case or a scenario) in this meeting."""

    def __init__(self, part: RtView[Any], scenario: str | None, bind: Bind) -> None:
        self.part = part
        self.scenario = scenario
        self.title = bind(css(W.HTML(), "fac-rt-scale-title"), "reflecting.team_scale", "value", html=True)
        self.no_team = bind(css(W.HTML(), "fac-rt-hint"), "reflecting.no_team", "value", html=True)
        self.row = css(W.HBox(), "fac-rt-scores")
        self.track = css(W.HTML(), "fac-rt-track-box")
        self.widget = css(W.VBox([self.title, self.row, self.track]), "fac-rt-scale")
        self._pickers: dict[str, W.Dropdown] = {}
        self._labels: dict[str, W.HTML] = {}

    def show(self, t: Translate, scale: ScaleState, lang: str) -> None:
        if not scale.team:
            self.row.children = [self.no_team]
            self.track.value = ""
            return
        kids = []
        for s in scale.team:
            picker = self._pickers.get(s.id)
            if picker is None:
                picker = css(W.Dropdown(options=score_options(), value=NO_SCORE), "fac-rt-score-pick")
                self.part.on(picker, self._handler(s.id))
                self._pickers[s.id] = picker
                self._labels[s.id] = css(W.HTML(), "fac-rt-score-name")
            self._labels[s.id].value = esc(s.name)
            self.part.set_quietly(picker, value=s.score, tooltip=t("reflecting.score_tip", name=s.name))
            kids.append(css(W.HBox([self._labels[s.id], picker]), "fac-rt-score"))
        self.row.children = kids
        self.track.value = scale_html(t, scale, lang)

    def _handler(self, pid: str) -> Callable[[int], None]:
        return lambda value: self._changed(pid, value)

    def _changed(self, pid: str, value: int) -> None:
        m = self.part.meeting
        if m is None:
            return
        if value == NO_SCORE:
            self.part.do(lambda case: rt.clear_team_score(case, scenario_id(case, self.scenario), m.id, pid))
        elif self.scenario == TEAM:
            self.part.do(lambda case: rt.set_team_map_score(case, m.id, pid, value))
        else:
            self.part.do(lambda case: rt.set_team_score(case, self.scenario, m.id, pid, value))


class Board:
    """Three columns (of the case, or of one scenario) with an add row; ``titles`` names each column's title key
    (``column.{}``: the full question; ``reflecting.col_short.{}``: the short name on a scenario's card)."""

    def __init__(self, part: RtView[Any], scenario: str | None, bind: Bind, titles: str = "column.{}") -> None:
        self.part = part
        self.scenario = scenario
        self.lists = {col: ItemList(part, col) for col in COLUMNS}
        self.titles = {
            col: bind(css(W.HTML(), "fac-rt-col-title"), titles.format(col), "value", html=True) for col in COLUMNS
        }
        self.cols = {
            col: css(W.VBox([self.titles[col], self.lists[col].widget]), "fac-rt-col", f"fac-rt-col-{col}")
            for col in COLUMNS
        }
        self.adder = AddItem(part, scenario, bind)

    def show(self, t: Translate, board: BoardState) -> None:
        for col, elements in board.columns:
            self.lists[col].show(t, elements)
        self.adder.show(t)
