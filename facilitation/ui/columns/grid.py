"""The grid of the three columns: each column's title and '+', its element groups, and their rows.

A group is its head (name, count, question) and its rows as one browser-side widget (``ItemListWidget``);
while one of its items is open in the editor, two: the rows down to that item, the editor, the rows below.
Rows are cached by item: drawing the case computes only the rows whose item, number, partner or context
changed, and a group's rows are sent only when one of them changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as W

from ...domain.case import Case
from ...domain.columns import numbers
from ...domain.model import COLUMNS, ELEMENTS, Item
from ..base import button, css, esc
from .present import head_html
from .rows import ItemListWidget, Row, row_state
from .state import ColumnsState

Translate = Callable[..., str]
Bind = Callable[..., Any]


class Grid:
    """The columns side by side; ``draw`` computes the rows of a case, ``send`` puts them on screen."""

    def __init__(
        self, t: Translate, text: Bind, on_plus: Callable[[str], None], on_edit: Callable[[str], None]
    ) -> None:
        self.t = t
        self._text = text
        self._on_edit = on_edit
        self._layout = W.Layout()  # one Layout model for every list
        self.rows: dict[str, Row] = {}
        self.numbers: dict[str, int] = {}
        self._context: tuple[Any, ...] | None = None
        self._order: dict[str, list[Row]] = {}
        self.titles: dict[str, W.HTML] = {}
        self.plus: dict[str, W.Button] = {}
        self.heads: dict[str, W.HTML] = {}
        self.groups: dict[str, W.VBox] = {}
        self.lists: dict[str, ItemListWidget] = {}
        self._tails: dict[str, ItemListWidget] = {}
        cols = []
        for col in COLUMNS:
            self.titles[col] = css(W.HTML(layout=W.Layout(flex="1 1 auto", width="auto")), "fac-col-title")
            plus = button("+", "fac-col-plus", f"fac-col-plus-{col}")
            plus.on_click(lambda _b, col=col: on_plus(col))
            self.plus[col] = plus
            parts: list[W.Widget] = [css(W.HBox([self.titles[col], plus]), "fac-col-head")]
            for element in ELEMENTS[col]:
                self.heads[element] = css(W.HTML(), "fac-el-head")
                self.lists[element] = self._item_list()
                self.groups[element] = css(
                    W.VBox([self.heads[element], self.lists[element]]), "fac-el", f"fac-el-{element}"
                )
                parts.append(self.groups[element])
            cols.append(css(W.VBox(parts), "fac-col", f"fac-col-{col}"))
        self.widget = css(W.HBox(cols), "fac-col-grid")

    def relabel(self) -> None:
        t = self.t
        for col in COLUMNS:
            self.titles[col].value = f'<h2 dir="auto">{esc(t(f"column.{col}"))}</h2>'
            self.plus[col].tooltip = t("columns.plus_tip", column=t(f"column.{col}"))

    def _item_list(self) -> ItemListWidget:
        w = ItemListWidget(layout=self._layout)
        self._text(self._text(w, "columns.edit_icon", "edit_label"), "columns.edit_tip", "edit_tip")
        w.on_edit(self._on_edit)
        return w

    def _tail(self, element: str) -> ItemListWidget:
        """The rows below the open editor, made the first time an item of this group is opened."""
        if element not in self._tails:
            self._tails[element] = self._item_list()
        return self._tails[element]

    def shown_row(self, item_id: str) -> dict[str, Any] | None:
        """The row of an item as the browser has it (its HTML and classes), or None when it is not shown."""
        for w in (*self.lists.values(), *self._tails.values()):
            for row in w.rows:
                if row["id"] == item_id:
                    return row
        return None

    def list_of(self, item_id: str) -> ItemListWidget | None:
        """The widget that shows an item's row."""
        for w in (*self.lists.values(), *self._tails.values()):
            if item_id in w.ids():
                return w
        return None

    # ---- drawing ---------------------------------------------------------------------------------

    def draw(self, case: Case, state: ColumnsState, scenario: str | None, editing: str | None) -> None:
        """Compute every group's rows and heads (rows are sent by ``send``)."""
        self.numbers = numbers(case, scenario)
        # What every row shows besides its own item: names (people), language, the current meeting. Records
        # are immutable and an edit replaces only what it changed, so "the same object" means "unchanged".
        context = (state.people, state.lang, state.meeting_id, len(state.meetings))
        old = self._context
        same_context = old is not None and context[0] is old[0] and context[1:] == old[1:]
        self._context = context
        seen: set[str] = set()
        self._order = {}
        for col in COLUMNS:
            for element in ELEMENTS[col]:
                items = case.items_of(element, scenario)
                order = self._order[element] = []
                for n, item in enumerate(items, 1):
                    row = self._row(case, item, n, same_context, state)
                    row.set_editing(item.id == editing)
                    seen.add(item.id)
                    order.append(row)
                html = head_html(element, len(items), self.t)
                if self.heads[element].value != html:
                    self.heads[element].value = html
        for gone in set(self.rows) - seen:
            del self.rows[gone]

    def _row(self, case: Case, item: Item, n: int, same_context: bool, state: ColumnsState) -> Row:
        row = self.rows.get(item.id)
        if row is None:
            row = self.rows[item.id] = Row(item.id)
        # A row whose item, number and partner are as last drawn, in the same context, is skipped: adding one
        # item to four hundred then computes one row, not four hundred.
        partner = case.items.get(item.paired_with) if item.paired_with else None
        key = (item, n, partner, self.numbers.get(partner.id) if partner is not None else None)
        if not (same_context and row.drawn_for(key)):
            row.show(self.t, row_state(case, item, state.lang, n, self.numbers, state.meeting_id))
            row.key = key
        return row

    def send(self, editing: str | None, editor: Callable[[], W.Widget]) -> None:
        """Each group's rows to its widget; the group's item open in the editor gets the editor under it."""
        for element, order in self._order.items():
            ids = [row.item_id for row in order]
            cut = ids.index(editing) + 1 if editing in ids else len(ids)
            self.lists[element].show_rows([row.entry for row in order[:cut]])
            children: tuple[W.Widget, ...] = (self.heads[element], self.lists[element])
            if editing in ids:
                tail = self._tail(element)
                tail.show_rows([row.entry for row in order[cut:]])
                children = (*children, editor(), tail)
            elif element in self._tails:
                self._tails[element].show_rows([])
            if children != self.groups[element].children:
                self.groups[element].children = children
