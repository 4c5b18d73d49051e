"""One item of the three columns on screen: its words first, then who said it, who agrees, its pairing.

``RowState`` is everything a row shows; a row is redrawn only when its state changes (an edit of one item
redraws one row, not four hundred). Rendering is a pure function of the state, escaped throughout.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import ipywidgets as W
import traitlets

from ...domain.case import Case
from ...domain.columns import is_unpaired_danger, paired_partner, views
from ...domain.model import Item
from .. import esm
from ..base import esc, esc_lines
from .present import set_by_text

Translate = Callable[..., str]


def token(value: str) -> str:
    """A CSS-class-safe token for any id (ids in imported case files may hold any character)."""
    return hashlib.blake2s(value.encode("utf-8"), digest_size=5).hexdigest()


def person_class(person_id: str) -> str:
    return f"fac-by-{token(person_id)}"


def meeting_class(meeting_id: str) -> str:
    return f"fac-in-{token(meeting_id)}"


@dataclass(frozen=True)
class RowState:
    """What one row shows; equal states render the same HTML."""

    item: Item
    lang: str
    number: int
    author: str
    agree: tuple[str, ...]
    disagree: tuple[str, ...]
    partner_number: int | None
    unpaired: bool
    is_new: bool

    @property
    def classes(self) -> frozenset[str]:
        """Filter classes: who said it and at which meeting."""
        out = {f"fac-item-{self.item.element}"}
        if self.item.author:
            out.add(person_class(self.item.author))
        if self.item.meeting:
            out.add(meeting_class(self.item.meeting))
        return frozenset(out)


def row_state(
    case: Case, item: Item, lang: str, number: int, partner_numbers: dict[str, int], current_meeting: str | None
) -> RowState:
    partner = paired_partner(case, item) if item.paired_with else None
    v = views(case, item)
    return RowState(
        item=item,
        lang=lang,
        number=number,
        author=case.name_of(item.author),
        agree=v.agree,
        disagree=v.disagree,
        partner_number=partner_numbers.get(partner.id) if partner is not None else None,
        unpaired=is_unpaired_danger(case, item),
        # In a first meeting everything is new; the mark only helps once there is an earlier one.
        is_new=bool(current_meeting) and item.meeting == current_meeting and len(case.meetings) > 1,
    )


def render(t: Translate, s: RowState) -> str:
    """The row's HTML: the words in large type, then small chips. Every user text is escaped."""
    item = s.item
    numbered = item.element in ("danger_statement", "safety_goal", "bottom_line")
    num = f'<span class="fac-item-num">{s.number}.</span> ' if numbered else ""
    chips: list[str] = []
    if item.element == "bottom_line":
        label = t("columns.non_negotiable")
        if item.set_by.strip():
            label += " · " + t("columns.set_by_label", who=set_by_text(item.set_by, t))
        chips.append(f'<span class="fac-chip fac-chip-bottom">{esc(label)}</span>')
    if s.author:
        chips.append(f'<span class="fac-chip fac-chip-author">{esc(t("columns.said_by", name=s.author))}</span>')
    if s.disagree:
        chips.append(
            f'<span class="fac-chip fac-chip-disagree">{esc(t("columns.disagree_names", names=", ".join(s.disagree)))}</span>'
        )
    if s.agree:
        chips.append(
            f'<span class="fac-chip fac-chip-agree">{esc(t("columns.agree_names", names=", ".join(s.agree)))}</span>'
        )
    if item.element == "danger_statement":
        if s.partner_number is not None:
            chips.append(
                f'<span class="fac-chip fac-chip-pair">{esc(t("columns.paired_goal", n=s.partner_number))}</span>'
            )
        elif s.unpaired:
            chips.append(f'<span class="fac-chip fac-chip-unpaired">{esc(t("columns.unpaired"))}</span>')
    elif item.element == "safety_goal" and s.partner_number is not None:
        chips.append(
            f'<span class="fac-chip fac-chip-pair">{esc(t("columns.paired_danger", n=s.partner_number))}</span>'
        )
    if s.is_new:
        chips.append(f'<span class="fac-chip fac-chip-new">{esc(t("columns.new_here"))}</span>')
    meta = f'<div class="fac-item-meta">{"".join(chips)}</div>' if chips else ""
    return f'<div class="fac-item-text" dir="auto">{num}{esc_lines(item.text)}</div>{meta}'


class ItemRowWidget(esm.Widget):  # type: ignore[misc]
    """One item on screen as one widget: its HTML and an edit button (400 items = 400 widgets, not 3,200)."""

    _esm = traitlets.Unicode(esm.module("item-row")).tag(sync=True)
    html = traitlets.Unicode("").tag(sync=True)
    edit_label = traitlets.Unicode("").tag(sync=True)
    edit_tip = traitlets.Unicode("").tag(sync=True)
    classes = traitlets.List(traitlets.Unicode()).tag(sync=True)
    """State classes (element, speaker, meeting, being edited), kept apart from the static ``fac-item``."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._edit_handlers: list[Callable[[], None]] = []
        self.on_msg(self._on_custom_msg)

    def on_edit(self, fn: Callable[[], None]) -> None:
        self._edit_handlers.append(fn)

    def click_edit(self) -> None:
        """Act as the browser does when the edit button is clicked: the same comm message (tests call this)."""
        self._handle_msg({"content": {"data": {"method": "custom", "content": {"event": "edit"}}}, "buffers": []})

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "edit":
            for fn in list(self._edit_handlers):
                fn()


class Row:
    """The widget of one item, redrawn only when what it shows changed."""

    def __init__(self, item_id: str, layout: W.Layout, on_edit: Callable[[str], None]) -> None:
        self.item_id = item_id
        self.state: RowState | None = None
        # One shared Layout for all rows: each row is one model in the browser, not two.
        self._layout = layout
        self._on_edit = on_edit
        self._widget: ItemRowWidget | None = None
        self._editing = False
        self._match = False
        self.key: tuple[Any, ...] | None = None
        """(item, number, partner item, partner's number) as last drawn; see ``drawn_for``."""

    def drawn_for(self, key: tuple[Any, ...]) -> bool:
        """Is the row drawn for this item record, number and partner (records compared as objects)?"""
        old = self.key
        return old is not None and old[0] is key[0] and old[1] == key[1] and old[2] is key[2] and old[3] == key[3]

    @property
    def widget(self) -> ItemRowWidget:
        if self._widget is None:
            self._make()
        assert self._widget is not None
        return self._widget

    def _make(self, **state: Any) -> None:
        # Everything the row shows goes into the message that creates it: the browser draws it once.
        w = ItemRowWidget(layout=self._layout, _dom_classes=("fac-item",), **state)
        w.on_edit(lambda: self._on_edit(self.item_id))
        self._widget = w

    def show(self, t: Translate, state: RowState) -> bool:
        """Redraw when the state changed; True if it did."""
        if state == self.state:
            return False
        if self._widget is None:
            self.state = state
            self._make(
                html=render(t, state),
                edit_label=t("columns.edit_icon"),
                edit_tip=t("columns.edit_tip"),
                classes=self._classes(),
            )
            return True
        with self.widget.hold_sync():
            if self.state is None or self.state.lang != state.lang:
                self.widget.edit_label = t("columns.edit_icon")
                self.widget.edit_tip = t("columns.edit_tip")
            self.state = state
            self.widget.html = render(t, state)
            self._set_classes()
        return True

    def set_editing(self, on: bool) -> None:
        if on != self._editing:
            self._editing = on
            self._set_classes()

    def set_match(self, on: bool) -> None:
        """Does the row answer the filter ("Wie zei wat?")? The part's classes then dim or hide the others."""
        if on != self._match:
            self._match = on
            if self._widget is not None:
                self._set_classes()

    def _classes(self) -> list[str]:
        classes = set(self.state.classes) if self.state is not None else set()
        if self._editing:
            classes.add("fac-item-editing")
        if self._match:
            classes.add("fac-match")
        return sorted(classes)

    def _set_classes(self) -> None:
        ordered = self._classes()
        if ordered != self.widget.classes:
            self.widget.classes = ordered
