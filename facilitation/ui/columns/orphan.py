"""Words typed against an item that another screen deleted meanwhile: kept and offered, never thrown away.

The panel shows what was typed and offers to add it again (same element, same speaker, same meeting) or to
let it go. It stays until one of the two is chosen, or another case is opened.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ...domain import ops
from ...domain.columns import GUIDED_PARTS
from ...domain.errors import FacilitationError
from ...domain.model import Item
from ..base import button, css, esc, esc_lines
from .owner import ColumnsOwner


class Orphan:
    """What was typed for a deleted item, with "Opnieuw toevoegen" and "Laten vallen"."""

    def __init__(self, view: ColumnsOwner) -> None:
        self.view = view
        self.item: Item | None = None
        self.draft: dict[str, str] = {}
        self.widget = css(W.VBox(), "fac-columns-orphan")
        self.widget.layout.display = "none"

    def build(self) -> None:
        """Make the panel the first time words are kept (it is rare: most meetings never need it)."""
        if self.widget.children:
            return
        view = self.view
        self.message = css(W.HTML(), "fac-orphan-message")
        self.words = css(W.HTML(), "fac-orphan-text")
        self.readd = view.text(button("", "fac-orphan-readd", style="primary"), "columns.orphan.readd")
        self.drop = view.text(button("", "fac-orphan-drop"), "columns.orphan.drop")
        self.readd.on_click(lambda _b: self.add_again())
        self.drop.on_click(lambda _b: self.clear())
        self.widget.children = [self.message, self.words, css(W.HBox([self.readd, self.drop]), "fac-edit-buttons")]

    @property
    def text(self) -> str:
        return self.draft.get("text", self.item.text if self.item is not None else "")

    def offer(self, item: Item, draft: dict[str, str]) -> None:
        self.item, self.draft = item, dict(draft)
        self.build()
        t = self.view.t
        element = t(f"element_one.{item.element}")
        self.message.value = f'<b role="alert">{esc(t("columns.orphan.message", element=element))}</b>'
        self.words.value = f'<div class="fac-item-text" dir="auto">{esc_lines(self.text)}</div>'
        self.widget.layout.display = ""
        self.view.session.set_status(t("columns.orphan.status"), "error")

    def clear(self) -> None:
        self.item, self.draft = None, {}
        self.widget.layout.display = "none"

    def add_again(self) -> str | None:
        """Add the kept words as a new item: the element, speaker and meeting of the deleted one."""
        item, s = self.item, self.view.session
        if item is None or s.case is None:
            return None
        fields: dict[str, Any] = {}
        for name in GUIDED_PARTS.get(item.element, ()):
            fields[name] = ops.clean(self.draft.get(name, getattr(item, name)))
        if item.element == "bottom_line":
            fields["set_by"] = item.set_by
        author = self.draft.get("author", item.author or "") or None
        if author is not None and author not in s.case.people:
            author = None
        try:
            edit, new_id = ops.add_item(
                s.case,
                self.text,
                element=item.element,
                author=author,
                meeting=item.meeting,
                scenario=item.scenario,
                **fields,
            )
        except FacilitationError as e:
            s.fail(e)
            return None
        if not s.do(edit):
            return None
        self.clear()
        s.set_status(self.view.t("columns.added", element=self.view.t(f"element_one.{item.element}")), "ok")
        return new_id
