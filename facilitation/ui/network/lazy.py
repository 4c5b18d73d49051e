"""The network part's person editor and tie menu, built when first needed: they hold half the part's
widgets and are hidden until someone is opened or a tie is drawn, so the part opens without them.

Their widgets are also reachable under the names the part's callers and tests use (``view.save_btn``,
``view.ed_name``, ``view.tie_menu``, ...); reading one builds the editor (or the menu) if needed.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..opening import opened_together
from .editor import PersonEditor
from .map_input import TieMenu


def _on(part: str, *path: str) -> property:
    """The widget at ``path`` inside the editor (``part`` "ed") or the tie menu ("menu")."""

    def get(view: EditorOnDemand) -> Any:
        obj: Any = getattr(view, part)
        for name in path:
            obj = obj[name] if isinstance(obj, dict) else getattr(obj, name)
        return obj

    return property(get)


class EditorOnDemand:
    """Mixed into ``NetworkView``: ``ed`` and ``menu`` are built on first use, each into its slot in the
    side panel (a slot lays out as if its content stood there itself: ``display: contents``)."""

    _ed: PersonEditor | None
    _menu: TieMenu | None
    ed_slot: W.VBox
    menu_slot: W.VBox

    @property
    def ed(self) -> PersonEditor:
        """The person editor (hidden while nobody is open)."""
        if self._ed is None:
            with opened_together():  # its widgets reach the page in one message each
                self._ed = PersonEditor(self._view())
            self.ed_slot.children = [self._ed.widget]
        return self._ed

    @property
    def menu(self) -> TieMenu:
        """The menu asking which kind of tie a drag from one person to another draws."""
        if self._menu is None:
            with opened_together():
                self._menu = TieMenu(self._view())
            self.menu_slot.children = [self._menu.widget]
        return self._menu

    def _view(self) -> Any:
        """The ``NetworkView`` this is mixed into (not imported here: the view imports this module)."""
        return self

    editor = _on("ed", "widget")
    back_btn = _on("ed", "back")
    save_btn = _on("ed", "save")
    ed_name = _on("ed", "fields", "name")
    ed_relation = _on("ed", "fields", "relation")
    ed_age = _on("ed", "fields", "age")
    ed_phone = _on("ed", "fields", "phone")
    ed_notes = _on("ed", "fields", "notes")
    ed_labels = _on("ed", "labels")
    ed_title = _on("ed", "title")
    ed_sub = _on("ed", "sub")
    ed_knowledge = _on("ed", "knowledge")
    ed_safety = _on("ed", "safety")
    ed_sector = _on("ed", "sector")
    ed_ring = _on("ed", "ring")
    ed_present = _on("ed", "present")
    nudges = _on("ed", "nudges")
    put_back_btn = _on("ed", "put_back")
    moved_note = _on("ed", "moved")
    move_box = _on("ed", "move_box")
    tie_other = _on("ed", "tie_other")
    tie_kind = _on("ed", "tie_kind")
    tie_note = _on("ed", "tie_note")
    tie_add_btn = _on("ed", "tie_add")
    tie_rows = _on("ed", "tie_rows_box")
    remove_btn = _on("ed", "remove")
    remove_text = _on("ed", "remove_text")
    remove_confirm = _on("ed", "remove_confirm")
    remove_yes = _on("ed", "remove_yes")
    remove_no = _on("ed", "remove_no")
    tie_menu = _on("menu", "widget")
    tie_menu_text = _on("menu", "text_html")
    tie_menu_buttons = _on("menu", "buttons")
    tie_menu_cancel = _on("menu", "cancel")
