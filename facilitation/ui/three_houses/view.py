"""Three Houses (Drie Huizen) per child: the house of worries, of good things and of dreams, in the child's own
words and drawings, entered with the child. Each entry is private until the child allows it to be shown
(*mag getoond worden*); in projection mode the private ones are not on the screen at all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import ipywidgets as W

from ...domain import child_edits as ce
from ...domain.case import Edit
from ..base import PartView, Rows, button, css, esc
from ..session import Session
from ..words_pictures.widgets import Pen, PictogramPicker, pen_labels
from .present import editor_title, entry_html, house_title_html
from .state import HOUSES, EntryState, ThreeHousesState, three_houses_state


class ThreeHousesView(PartView[ThreeHousesState]):
    """One child's Three Houses; every change stored at once; the child decides what may be shown."""

    key = "three_houses"
    kinds = frozenset({"house_entry", "person"})

    def __init__(self, session: Session) -> None:
        self._child: str | None = None
        self._editing: str | None = None
        self._new_house: str | None = None
        self._picker_lang = ""
        super().__init__(session)

    # ---- building ------------------------------------------------------------------------------------

    def build(self) -> None:
        css(self.widget, "fac-three-houses")  # the part's name in CSS (its key has an underscore: fac-three_houses)
        self.child_pick = css(W.ToggleButtons(options=[]), "fac-houses-child")
        self.on(self.child_pick, self._on_child)
        self.intro = self.text(css(W.HTML(), "fac-houses-intro"), "house.intro", "value", html=True)
        self.shared_note = self.text(css(W.HTML(), "fac-houses-shared-note"), "house.shared_screen", "value", html=True)
        self.house_titles: dict[str, W.HTML] = {}
        self.house_lists: dict[str, W.VBox] = {}
        self.add_buttons: dict[str, W.Button] = {}
        self.rows: dict[str, Rows[str, tuple[EntryState, bool, str]]] = {}
        columns = []
        for house in HOUSES:
            self.house_titles[house] = css(W.HTML(), "fac-house-title")
            self.house_lists[house] = css(W.VBox(), "fac-house-entries")
            add = self.text(button("", "fac-house-add", f"fac-house-add-{house}", "fac-professional-only"), "house.add")
            add.on_click(lambda _b, h=house: self.start_entry(h))
            self.add_buttons[house] = add
            self.rows[house] = Rows(self._make_row, self._redraw_row)
            columns.append(
                css(W.VBox([self.house_titles[house], self.house_lists[house], add]), "fac-house", f"fac-house-{house}")
            )
        self.houses = css(W.HBox(columns), "fac-houses")
        self.editor = self._build_editor()
        self.widget.children = [self.child_pick, self.intro, self.shared_note, self.houses, self.editor]

    def _build_editor(self) -> W.Box:
        self.editor_title = css(W.HTML(), "fac-house-editor-title")
        self.entry_text = css(W.Textarea(rows=3, continuous_update=False), "fac-house-text")
        self.text(self.entry_text, "house.text_ph", "placeholder")
        self.on(self.entry_text, self._field("text"))
        self.shareable = css(W.Checkbox(value=False, indent=False), "fac-house-shareable")
        self.text(self.shareable, "house.shareable")
        self.on(self.shareable, self._field("shareable", bool))
        self.pen = css(Pen(), "fac-house-pen")
        self.on(self.pen, self._field("drawing"), "strokes")
        self.picker_btn = css(W.ToggleButton(value=False), "fac-btn", "fac-house-picker-toggle")
        self.text(self.picker_btn, "child.picker.button")
        self.on(self.picker_btn, self._redraw)
        self.picker = css(PictogramPicker(), "fac-house-picker")
        self.on(self.picker, self._field("pictograms", list), "chosen")
        self.done_btn = self.text(button("", "fac-house-done", style="primary"), "house.done")
        self.done_btn.on_click(lambda _b: self.close_editor())
        words = css(W.VBox([self.editor_title, self.entry_text, self.shareable, self.done_btn]), "fac-house-words")
        picture = css(W.VBox([self.pen, self.picker_btn, self.picker]), "fac-house-picture")
        return css(W.HBox([picture, words]), "fac-house-editor", "fac-professional-only")  # type: ignore[return-value]

    def _field(self, name: str, stored: Callable[[Any], Any] = lambda v: v) -> Callable[[Any], None]:
        """The handler of an editor field: the user's change of ``name`` (as ``stored`` gives it) is stored."""

        def changed(value: Any) -> None:
            self.edit_entry(**{name: stored(value)})

        return changed

    def _redraw(self, _value: Any) -> None:
        self.update(force=True)

    # ---- rows ----------------------------------------------------------------------------------------

    def _make_row(self, row: tuple[EntryState, bool, str]) -> W.Widget:
        entry = row[0]
        body = css(W.HTML(), "fac-entry-html")
        share = css(W.ToggleButton(value=False), "fac-btn", "fac-entry-share")
        eid = entry.id

        def share_changed(value: Any) -> None:
            self.set_shareable(eid, bool(value))

        self.on(share, share_changed)
        edit = button("✎", "fac-entry-edit")
        edit.on_click(lambda _b: self.open_entry(eid))
        remove = button("✕", "fac-entry-remove")
        remove.on_click(lambda _b: self.remove_entry(eid))
        tools = css(W.HBox([share, edit, remove]), "fac-entry-tools", "fac-professional-only")
        box = css(W.VBox([body, tools]), "fac-entry")
        box.fac_parts = (body, share, edit, remove, tools)  # type: ignore[attr-defined]
        self._redraw_row(box, row)
        return box

    def _redraw_row(self, box: W.Widget, row: tuple[EntryState, bool, str]) -> None:
        entry, shared_screen, _lang = row
        body, share, edit, remove, tools = box.fac_parts  # type: ignore[attr-defined]
        t = self.t
        body.value = entry_html(t, entry, self.session.lang, shared_screen)
        self.set_quietly(share, value=entry.shareable, description=t("house.share_button"))
        share.tooltip = t("house.share_tip")
        edit.tooltip = t("house.edit_tip")
        remove.tooltip = t("house.remove_tip")
        tools.layout.display = "none" if shared_screen else ""
        for cls, on in (("fac-entry-is-shared", entry.shareable), ("fac-entry-editing", entry.id == self._editing)):
            (box.add_class if on else box.remove_class)(cls)

    # ---- rendering -----------------------------------------------------------------------------------

    def state(self) -> ThreeHousesState:
        s = three_houses_state(
            self.case, self.session.lang, self.session.projection, self._child, self._editing, self._new_house
        )
        self._child = s.child
        return s

    def show(self, state: ThreeHousesState, previous: ThreeHousesState | None) -> None:
        t = self.t
        self.set_quietly(self.child_pick, options=[(n, cid) for cid, n in state.children], value=state.child)
        self.child_pick.layout.display = "" if len(state.children) > 1 else "none"
        self.shared_note.layout.display = "" if state.shared_screen else "none"
        self.intro.layout.display = "none" if state.shared_screen else ""
        for house in HOUSES:
            entries = [e for e in state.entries if e.house == house]
            self.house_titles[house].value = house_title_html(t, house, len(entries))
            rows = self.rows[house]
            key = (state.editing.id if state.editing else "", state.lang)
            self.house_lists[house].children = rows.widgets(
                (e.id, (e, state.shared_screen, f"{key}:{e.id == self._editing}")) for e in entries
            )
            for gone in rows.take_gone():
                gone.close()
            self.add_buttons[house].disabled = state.child is None
        self._show_editor(state)

    def _show_editor(self, state: ThreeHousesState) -> None:
        t, entry = self.t, state.editing
        house = entry.house if entry else state.new_house
        self.editor.layout.display = "" if house and not state.shared_screen else "none"
        if not house:
            return
        self.editor_title.value = f"<h3>{esc(editor_title(t, house, entry is None))}</h3>"
        self.set_quietly(self.entry_text, value=entry.text if entry else "")
        self.set_quietly(self.shareable, value=entry.shareable if entry else False)
        self.set_quietly(self.pen, strokes=entry.drawing if entry else "", labels=pen_labels(t))
        showing = bool(self.picker_btn.value)
        if showing and self._picker_lang != state.lang:
            self.picker.fill(state.lang, t)
            self._picker_lang = state.lang
        self.picker.layout.display = "" if showing else "none"
        self.set_quietly(self.picker, chosen=list(entry.pictograms) if entry else [])

    # ---- what the user does --------------------------------------------------------------------------

    def _on_child(self, child: Any) -> None:
        if child:
            self._child, self._editing, self._new_house = str(child), None, None
            self.update()

    def start_entry(self, house: str) -> None:
        """Open the editor for something new in ``house`` (stored as soon as it has words, a drawing or a picture)."""
        self._editing, self._new_house = None, house
        self.update(force=True)

    def open_entry(self, entry_id: str) -> None:
        self._editing, self._new_house = entry_id, None
        self.update(force=True)

    def close_editor(self) -> None:
        self._editing, self._new_house = None, None
        self.update(force=True)

    def edit_entry(self, **fields: Any) -> bool:
        """Store a change of the entry being edited; the first change of a new entry creates it."""
        if self._editing is not None:
            eid = self._editing
            stored = self.session.do(lambda c: ce.update_house_entry(c, eid, **fields))
        elif self._new_house is not None and self._child is not None:
            child, house = self._child, self._new_house
            made: dict[str, str] = {}

            def edit(c: Any) -> Edit:
                e, made["id"] = ce.add_house_entry(c, child, house, date.today().isoformat(), **fields)
                return e

            stored = self.session.do(edit)
            if stored:
                self._editing, self._new_house = made["id"], None
        else:
            return False
        self.update(force=True)
        return stored

    def set_shareable(self, entry_id: str, shareable: bool) -> bool:
        """The child's choice, *mag getoond worden*."""
        stored = self.session.do(lambda c: ce.set_shareable(c, entry_id, shareable))
        if not stored:
            self.update(force=True)
        return stored

    def remove_entry(self, entry_id: str) -> bool:
        stored = self.session.do(lambda c: ce.remove_house_entry(c, entry_id))
        if stored and self._editing == entry_id:
            self.close_editor()
        return stored
