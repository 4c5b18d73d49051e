"""One item of the three columns on screen: its words first, then who said it, who agrees, its pairing.

``RowState`` is everything a row shows; a row is redrawn only when its state changes (an edit of one item
redraws one row, not four hundred). Rendering is a pure function of the state, escaped throughout.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

import ipywidgets as W

from ..domain.case import Case
from ..domain.columns import is_unpaired_danger, paired_partner, views
from ..domain.model import Item
from .base import button, css, esc, esc_lines

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


def row_state(case: Case, item: Item, lang: str, number: int, partner_numbers: dict[str, int], current_meeting: str | None) -> RowState:
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
            label += " · " + t("columns.set_by_label", who=item.set_by.strip())
        chips.append(f'<span class="fac-chip fac-chip-bottom">{esc(label)}</span>')
    if s.author:
        chips.append(f'<span class="fac-chip fac-chip-author">{esc(t("columns.said_by", name=s.author))}</span>')
    if s.disagree:
        chips.append(
            f'<span class="fac-chip fac-chip-disagree">{esc(t("columns.disagree_names", names=", ".join(s.disagree)))}</span>'
        )
    if s.agree:
        chips.append(f'<span class="fac-chip fac-chip-agree">{esc(t("columns.agree_names", names=", ".join(s.agree)))}</span>')
    if item.element == "danger_statement":
        if s.partner_number is not None:
            chips.append(f'<span class="fac-chip fac-chip-pair">{esc(t("columns.paired_goal", n=s.partner_number))}</span>')
        elif s.unpaired:
            chips.append(f'<span class="fac-chip fac-chip-unpaired">{esc(t("columns.unpaired"))}</span>')
    elif item.element == "safety_goal" and s.partner_number is not None:
        chips.append(f'<span class="fac-chip fac-chip-pair">{esc(t("columns.paired_danger", n=s.partner_number))}</span>')
    if s.is_new:
        chips.append(f'<span class="fac-chip fac-chip-new">{esc(t("columns.new_here"))}</span>')
    meta = f'<div class="fac-item-meta">{"".join(chips)}</div>' if chips else ""
    return f'<div class="fac-item-text" dir="auto">{num}{esc_lines(item.text)}</div>{meta}'


class Row:
    """The widgets of one item: its text (HTML) and a small edit button."""

    def __init__(self, item_id: str, t: Translate, on_edit: Callable[[str], None]) -> None:
        self.item_id = item_id
        self.state: RowState | None = None
        self.html = css(W.HTML(layout=W.Layout(flex="1 1 auto", width="auto", min_width="0")), "fac-item-html")
        self.edit = button(t("columns.edit_icon"), "fac-item-edit", tooltip=t("columns.edit_tip"))
        self.edit.on_click(lambda _b: on_edit(self.item_id))
        self.widget = css(W.HBox([self.html, self.edit]), "fac-item")
        self._classes: frozenset[str] = frozenset()
        self._editing = False

    def show(self, t: Translate, state: RowState) -> bool:
        """Redraw when the state changed; True if it did."""
        if state == self.state:
            return False
        if self.state is None or self.state.lang != state.lang:
            self.edit.description = t("columns.edit_icon")
            self.edit.tooltip = t("columns.edit_tip")
        self.state = state
        self.html.value = render(t, state)
        classes = state.classes
        for c in self._classes - classes:
            self.widget.remove_class(c)
        for c in classes - self._classes:
            self.widget.add_class(c)
        self._classes = classes
        return True

    def set_editing(self, on: bool) -> None:
        if on != self._editing:
            self._editing = on
            (self.widget.add_class if on else self.widget.remove_class)("fac-item-editing")
