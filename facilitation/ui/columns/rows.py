"""One item of the three columns on screen: its words first, then who said it, who agrees, its pairing.

``RowState`` is everything a row shows; a row is redrawn only when its state changes (an edit of one item
redraws one row, not four hundred). Rendering is a pure function of the state, escaped throughout. Each
element group's rows are one widget in the browser (``ItemListWidget``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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


class ItemListWidget(esm.Widget):  # type: ignore[misc]
    """The rows of one element group as one widget: the browser draws 400 items as 400 plain elements in
    about ten widgets, not as 400 widgets (each widget is a model, a view and a message of its own).

    ``rows`` holds every row the group shows, in order: ``{"id", "html", "classes"}``. The browser keeps the
    element of each row by its id and touches only the rows whose HTML or classes changed; a page load
    draws the whole list from the model's state. The HTML is made in Python with every user text escaped.
    """

    _esm = traitlets.Unicode(esm.module("item-list")).tag(sync=True)
    rows = traitlets.List(traitlets.Dict()).tag(sync=True)
    edit_label = traitlets.Unicode("").tag(sync=True)
    edit_tip = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._edit_handlers: list[Callable[[str], None]] = []
        self.on_msg(self._on_custom_msg)

    def on_edit(self, fn: Callable[[str], None]) -> None:
        self._edit_handlers.append(fn)

    def show_rows(self, rows: list[dict[str, Any]]) -> bool:
        """Send the rows when they differ from what the browser has (rows are compared as objects first:
        an unchanged row keeps its entry)."""
        old = self.rows
        if len(old) == len(rows) and all(a is b or a == b for a, b in zip(old, rows, strict=True)):
            return False
        self.rows = rows
        return True

    def ids(self) -> list[str]:
        return [r["id"] for r in self.rows]

    def click_edit(self, item_id: str) -> None:
        """Act as the browser does when a row's edit button is clicked: the same comm message (tests)."""
        content = {"event": "edit", "id": item_id}
        self._handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": []})

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "edit" and isinstance(content.get("id"), str):
            for fn in list(self._edit_handlers):
                fn(content["id"])


class Row:
    """One item as the browser shows it, redrawn only when what it shows changed."""

    def __init__(self, item_id: str) -> None:
        self.item_id = item_id
        self.state: RowState | None = None
        self.html = ""
        self._editing = False
        self._match = False
        self._entry: dict[str, Any] | None = None
        self.key: tuple[Any, ...] | None = None
        """(item, number, partner item, partner's number) as last drawn; see ``drawn_for``."""

    def drawn_for(self, key: tuple[Any, ...]) -> bool:
        """Is the row drawn for this item record, number and partner (records compared as objects)?"""
        old = self.key
        return old is not None and old[0] is key[0] and old[1] == key[1] and old[2] is key[2] and old[3] == key[3]

    @property
    def entry(self) -> dict[str, Any]:
        """What the group's widget sends for this row; the same object until the row changes."""
        if self._entry is None:
            self._entry = {"id": self.item_id, "html": self.html, "classes": self.classes}
        return self._entry

    def show(self, t: Translate, state: RowState) -> bool:
        """Redraw when the state changed; True if it did."""
        if state == self.state:
            return False
        self.state = state
        html = render(t, state)
        if html != self.html:
            self.html = html
        self._entry = None
        return True

    def set_editing(self, on: bool) -> None:
        if on != self._editing:
            self._editing = on
            self._entry = None

    def set_match(self, on: bool) -> None:
        """Does the row answer the filter ("Wie zei wat?")? The part's classes then dim or hide the others."""
        if on != self._match:
            self._match = on
            self._entry = None

    @property
    def classes(self) -> list[str]:
        """State classes (element, speaker, meeting, being edited, matching the filter), sorted."""
        classes = set(self.state.classes) if self.state is not None else set()
        if self._editing:
            classes.add("fac-item-editing")
        if self._match:
            classes.add("fac-match")
        return sorted(classes)
