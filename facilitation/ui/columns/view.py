"""The three columns: what we are worried about, what is working well, what needs to happen.

The family's words dominate the screen. Above the columns: the add line (the element, who is speaking as a
row of name buttons of the people present, the words; Enter adds), the filter line ("Wie zei wat?") with the
chosen person's position on the worries and the help, and the part's shortcuts behind ``?``. Rows are cached
by item: an edit redraws the rows whose state changed, and a group's list of rows is resent only when it changed.
"""

from __future__ import annotations

import uuid
from typing import Any

import ipywidgets as W

from ...domain import ops
from ...domain.columns import GUIDED_PARTS, MAX_DANGER_STATEMENTS, count_matching, matches
from ...domain.errors import FacilitationError
from ...domain.model import COLUMNS, DEFAULT_ELEMENT, column_of
from ..base import PartView, button, css, esc
from ..keys import KeyBindings, binding, digit_codes, roving, shortcuts_html, typeahead
from ..opening import opened_together
from .addfield import AddField
from .editor import ItemEditor, every_language, set_options
from .forms import FORMS, GuidedForm
from .grid import Grid
from .orphan import Orphan
from .positions import PositionsPanel
from .present import (
    SHORTCUTS,
    SPEAKERS_BOX,
    element_of_number,
    element_options,
    meeting_options,
    person_label,
    set_by_key,
    speaker_options,
    speaker_prefix,
    speaker_tooltips,
)
from .rows import ItemListWidget
from .state import ColumnsState, Filter


def key_bindings() -> list[dict[str, Any]]:
    """The part's shortcuts (see ``present.SHORTCUTS`` for how they are told to the user)."""
    keys = [binding(code=digit_codes(n), alt=True, send=f"element:{n}") for n in range(1, 10)]
    keys += [binding(code=digit_codes(n), when="idle", send=f"element:{n}") for n in range(1, 10)]
    keys += [
        binding(code="KeyN", alt=True, send="add_field"),
        binding(code="KeyS", alt=True, focus=f".{SPEAKERS_BOX} button.mod-active || .{SPEAKERS_BOX} button"),
        binding(key="?", when="idle", send="help", reveal=".fac-keys-help"),
        binding(key="Escape", send="escape"),
        typeahead(f".{SPEAKERS_BOX}"),
        roving(f".{SPEAKERS_BOX}"),
    ]
    return keys


class ColumnsView(PartView[ColumnsState]):
    """Three columns side by side, each grouped by its elements, in the family's own words."""

    key = "columns"
    SHORTCUTS = tuple(SHORTCUTS)
    kinds = frozenset({"item", "person", "meeting", "case"})
    scenario: str | None = None
    """Reflecting team scenarios keep their own columns; None = the case's own."""

    # ---- building --------------------------------------------------------------------------------

    def build(self) -> None:
        self.uid = f"fac-cv-{uuid.uuid4().hex[:8]}"
        css(self.widget, self.uid)
        self._filter_classes: tuple[str, ...] = ()
        self._build_add_bar()
        self._build_filter_bar()
        self.cols = Grid(self.t, self.text, self.start_adding, self.open_editor)
        self.grid, self.groups, self.group_heads = self.cols.widget, self.cols.groups, self.cols.heads
        self.lists, self.rows = self.cols.lists, self.cols.rows
        self.col_titles, self.col_plus = self.cols.titles, self.cols.plus
        self._editor: ItemEditor | None = None  # built when an item is first opened
        self.positions = PositionsPanel(self)
        self.orphan = Orphan(self)
        self.keys = KeyBindings(f".{self.uid}", key_bindings())
        self.keys.on_key(self._on_key)
        self.help = css(W.HTML(), "fac-keys-help")
        self.help.layout.display = "none"
        self.widget.children = [
            self.keys,
            self.help,
            self.add_bar,
            self.orphan.widget,
            self.filter_bar,
            self.positions.widget,
            self.grid,
        ]
        self._show_add_mode()

    def _build_add_bar(self) -> None:
        """The add line: element, speaker (name buttons), words; Enter adds. Tab goes in that order."""
        txt = self.text
        self.add_element = css(W.Dropdown(options=[], layout=W.Layout(width="auto")), "fac-columns-add-element")
        txt(self.add_element, "columns.add_element_tip", "tooltip")
        self.add_author = css(
            W.ToggleButtons(
                options=[("", "")], value="", style={"button_width": "auto", "description_width": "initial"}
            ),
            "fac-columns-add-author",
            SPEAKERS_BOX,
        )
        txt(self.add_author, "columns.speaker")  # "Wie zegt het?" in front of the names
        self.add_text = css(AddField(), "fac-columns-add-text")
        txt(txt(self.add_text, "columns.add_ph", "placeholder"), "columns.saving", "ahead_label")
        self.add_text.on_submit(self._on_submit)
        self.add_text.observe(lambda ch: self._on_typing(ch["new"]), "value")
        self.add_long = css(W.Textarea(rows=3, layout=W.Layout(width="100%")), "fac-columns-add-long")
        self.add_long_toggle = css(W.ToggleButton(value=False), "fac-btn", "fac-columns-add-longtoggle")
        txt(txt(self.add_long_toggle, "columns.longer"), "columns.longer_tip", "tooltip")
        self.add_btn = txt(
            txt(button("", "fac-columns-add-btn", style="primary"), "columns.add"), "columns.add_tip", "tooltip"
        )
        self.add_guided = css(W.ToggleButton(value=False), "fac-btn", "fac-columns-add-guided")
        txt(txt(self.add_guided, "columns.sg.guided"), "columns.sg.guided_tip", "tooltip")
        self.help_btn = txt(button("?", "fac-keys-btn"), "columns.keys.help", "tooltip")
        self.add_set_by_label = txt(css(W.HTML(), "fac-edit-label"), "columns.set_by", "value", html=True)
        self.add_set_by = css(
            W.Combobox(options=[], ensure_option=False, layout=W.Layout(width="auto")), "fac-columns-add-setby"
        )
        txt(self.add_set_by, "columns.set_by_ph", "placeholder")
        self.add_set_by_row = css(W.HBox([self.add_set_by_label, self.add_set_by]), "fac-add-setby-row")
        self.add_long_label = css(W.HTML(), "fac-ds-label")
        self.add_forms: dict[str, GuidedForm] = {
            element: form(self.t, f"fac-add-{form.form}", self.add_long) for element, form in FORMS.items()
        }
        self.speakers = css(W.HBox([self.add_author]), "fac-add-speakers")
        self.add_main = css(
            W.HBox([self.add_element, self.speakers]),
            "fac-add-main",
        )
        self.add_line = css(
            W.HBox([self.add_text, self.add_btn, self.add_long_toggle, self.add_guided, self.help_btn]), "fac-add-line"
        )
        self.add_extra = css(
            W.VBox(
                [*(f.widget for f in self.add_forms.values()), self.add_long_label, self.add_long, self.add_set_by_row]
            ),
            "fac-add-extra",
        )
        self.add_bar = css(W.VBox([self.add_main, self.add_line, self.add_extra]), "fac-col-bar", "fac-columns-add")
        self.on(self.add_element, lambda _v: self._show_add_mode())
        self.on(self.add_long_toggle, self._toggle_long)
        self.on(self.add_guided, lambda _v: self._show_add_mode())
        self.add_btn.on_click(lambda _b: self.add())
        self.help_btn.on_click(lambda _b: self.toggle_help())

    def _build_filter_bar(self) -> None:
        """The filter line: who said it, at which meeting; highlight or show only those."""
        self.filter_person = css(W.Dropdown(options=[], layout=W.Layout(width="auto")), "fac-columns-filter-person")
        self.filter_meeting = css(W.Dropdown(options=[], layout=W.Layout(width="auto")), "fac-columns-filter-meeting")
        self.filter_mode = css(
            W.ToggleButtons(options=[("", "highlight"), (" ", "only")], style={"button_width": "auto"}),
            "fac-columns-filter-mode",
        )
        self.filter_label = self.text(css(W.HTML(), "fac-filter-label"), "columns.filter", "value", html=True)
        self.filter_count = css(W.HTML(), "fac-filter-count")
        self.filter_bar = css(
            W.HBox([self.filter_label, self.filter_person, self.filter_meeting, self.filter_mode, self.filter_count]),
            "fac-filter-bar",
        )
        for w in (self.filter_person, self.filter_meeting, self.filter_mode):
            self.on(w, lambda _v: self.update())

    @property
    def editor(self) -> ItemEditor:
        """The panel under the item being edited, built the first time an item is opened (70 widgets that
        the part does not need to open)."""
        if self._editor is None:
            with opened_together():
                self._editor = ItemEditor(self)
                self._editor.relabel()
        return self._editor

    @property
    def editing_id(self) -> str | None:
        """The item open in the editor, if any."""
        return self._editor.item_id if self._editor is not None else None

    @property
    def add_ds(self) -> GuidedForm:
        """The guided danger statement of the add line."""
        return self.add_forms["danger_statement"]

    @property
    def add_sg(self) -> GuidedForm:
        """The guided safety goal of the add line."""
        return self.add_forms["safety_goal"]

    # ---- state -----------------------------------------------------------------------------------

    def state(self) -> ColumnsState:
        case = self.case
        return ColumnsState(
            case_id=case.id,
            lang=self.session.lang,
            items=case.items,
            people=case.people,
            meetings=case.meetings,
            meeting_id=self.session.meeting_id,
            present=tuple(self.session.present_ids()),
            filter=Filter(self.filter_person.value or None, self.filter_meeting.value or None, self.filter_mode.value),
            editing=self.editing_id,
        )

    def update(self, force: bool = False) -> None:
        """Show the current case; with none open (the training room closes one) show nothing."""
        if self.session.case is None:
            self.widget.layout.display = "none"
            if self._editor is not None:
                self._editor.close()
            super().update(force)  # forgets what it showed
            return
        self.widget.layout.display = ""
        super().update(force)

    def show(self, state: ColumnsState, previous: ColumnsState | None) -> None:
        p = previous
        if p is None or p.lang != state.lang:
            self._relabel(state)
        if p is None or (p.case_id, p.people, p.meetings, p.present, p.lang, p.meeting_id) != (
            state.case_id,
            state.people,
            state.meetings,
            state.present,
            state.lang,
            state.meeting_id,
        ):
            self._refresh_choices(state)
        if p is not None and p.case_id != state.case_id:
            self.orphan.clear()
        self._keep_typing(state)
        self.cols.draw(self.case, state, self.scenario, self.editing_id)
        if self.editing_id is not None:
            self.editor.refresh()
        self._apply_filter(state)
        self.cols.send(self.editing_id, lambda: self.editor.widget)
        person = state.people.get(state.filter.person) if state.filter.person else None
        self.positions.show(person)

    # ---- texts that are not one key -----------------------------------------------------------------

    def _relabel(self, state: ColumnsState) -> None:
        t = self.t
        set_options(self.add_element, element_options(t), self.add_element.value, DEFAULT_ELEMENT["worries"])
        self.add_set_by.options = [t("columns.set_by.judge"), t("columns.set_by.consultant")]
        if self.add_set_by.value.strip() in ("", *(tr("columns.set_by.judge") for tr in every_language())):
            self.set_quietly(self.add_set_by, value=t("columns.set_by.judge"))
        for form in self.add_forms.values():
            form.relabel()
        mode = self.filter_mode.value or "highlight"
        with self.quietly():
            self.filter_mode.options = [
                (t("columns.filter_highlight"), "highlight"),
                (t("columns.filter_only"), "only"),
            ]
            self.filter_mode.value = mode
        self.cols.relabel()
        self.help.value = shortcuts_html(t, "columns.keys.title", SHORTCUTS)
        if self._editor is not None:
            self._editor.relabel()
        self._show_add_mode()

    def _refresh_choices(self, state: ColumnsState) -> None:
        """Speakers (the people present), and the filter's people and meetings."""
        t = self.t
        case = self.case
        speakers = speaker_options(case, state.present, t)
        with self.quietly():
            current = self.add_author.value if self.add_author.value in {v for _, v in speakers} else ""
            if list(self.add_author.options) != speakers:
                self.add_author.options = speakers
            self.add_author.tooltips = speaker_tooltips(case, speakers, t)
            if self.add_author.value != current:
                self.add_author.value = current
            people = sorted(case.people.values(), key=lambda p: p.name.lower())
            set_options(
                self.filter_person,
                [(t("columns.filter_everyone"), ""), *((person_label(case, p.id), p.id) for p in people)],
                self.filter_person.value,
                "",
            )
            set_options(self.filter_meeting, meeting_options(case, state.meeting_id, t), self.filter_meeting.value, "")

    def person_label(self, person_id: str) -> str:
        return person_label(self.case, person_id)

    def number_of(self, item_id: str) -> int:
        return self.cols.numbers.get(item_id, 0)

    def shown_row(self, item_id: str) -> dict[str, Any] | None:
        """The row of an item as the browser has it (its HTML and classes), or None when it is not shown."""
        return self.cols.shown_row(item_id)

    def list_of(self, item_id: str) -> ItemListWidget | None:
        """The widget that shows an item's row (to act as the browser on it in tests)."""
        return self.cols.list_of(item_id)

    # ---- rows ------------------------------------------------------------------------------------

    # ---- filter and highlight ---------------------------------------------------------------------

    def _apply_filter(self, state: ColumnsState) -> None:
        """Matching rows get ``fac-match``; the part's classes dim or hide the others (no CSS is written)."""
        f = state.filter
        for item_id, row in self.rows.items():
            item = state.items.get(item_id)
            row.set_match(f.on and item is not None and matches(item, f.person, f.meeting))
        wanted = ("fac-filtering", f"fac-filter-{f.mode}") if f.on else ()
        if wanted != self._filter_classes:
            for c in self._filter_classes:
                self.widget.remove_class(c)
            css(self.widget, *wanted)
            self._filter_classes = wanted
        self._set_ahead()
        if not f.on:
            self.filter_count.value = ""
            return
        items = [i for i in state.items.values() if i.scenario == self.scenario]
        self.filter_count.value = esc(self.t("columns.filter_count", n=count_matching(items, f.person, f.meeting)))

    # ---- the shortcuts ---------------------------------------------------------------------------

    def _on_key(self, name: str) -> None:
        if name.startswith("element:"):
            element = element_of_number(int(name.split(":", 1)[1]))
            if element is not None:
                self.add_element.value = element
                self.focus_add()
        elif name == "add_field":
            self.focus_add()
        elif name == "help":
            self.toggle_help()
        elif name == "escape":
            if self.help.layout.display != "none":
                self.toggle_help(False)
            elif self.editing_id is not None and not self.editor.has_unsaved():
                self.close_editor()

    def toggle_help(self, show: bool | None = None) -> None:
        visible = self.help.layout.display != "none"
        self.help.layout.display = "" if (not visible if show is None else show) else "none"

    def focus_add(self) -> None:
        """The cursor in the add field of the chosen element (its first question for a guided one)."""
        form = self.guided_form()
        if form is not None:
            form.build()
            form.fields[form.parts[0]].focus()
        elif self.add_long_toggle.value:
            self.add_long.focus()
        else:
            self.add_text.focus()

    # ---- adding ----------------------------------------------------------------------------------

    def guided_form(self) -> GuidedForm | None:
        """The guided form the add line uses now: always for a danger statement, on request for a safety goal
        (a goal said in one sentence at the table is typed as it is said)."""
        element = self.add_element.value
        if element == "danger_statement" or (element == "safety_goal" and self.add_guided.value):
            return self.add_forms[element]
        return None

    def _show_add_mode(self) -> None:
        element = self.add_element.value or DEFAULT_ELEMENT["worries"]
        form = self.guided_form()
        guided = form is not None
        long = guided or self.add_long_toggle.value
        self.add_text.layout.display = "none" if long else ""
        self.add_long.layout.display = "" if long else "none"
        self.add_long_toggle.layout.display = "none" if guided else ""
        self.add_guided.layout.display = "" if element == "safety_goal" else "none"
        if form is not None:
            form.build()
        for f in self.add_forms.values():
            f.widget.layout.display = "" if f is form else "none"
        self.add_long_label.layout.display = "" if form is not None else "none"
        if form is not None:
            self.add_long_label.value = f"<b>{esc(self.t(f'columns.{form.form}.sentence'))}</b>"
        self.add_long.placeholder = self.t(
            f"columns.{form.form}.sentence_ph" if form is not None else "columns.add_long_ph"
        )
        self.add_set_by_row.layout.display = "" if element == "bottom_line" else "none"
        # A bottom line is set by the judge or the consultant, not said by whoever spoke last.
        self.speakers.layout.display = self.add_author.layout.display = "none" if element == "bottom_line" else ""
        self.add_extra.layout.display = "" if (long or element == "bottom_line") else "none"
        self._set_ahead()
        col = column_of(element)
        for c in COLUMNS:
            (self.add_bar.add_class if c == col else self.add_bar.remove_class)(f"fac-add-{c}")

    def _set_ahead(self) -> None:
        """Where the page paints the words of an Enter before the kernel has them: the chosen element's group,
        unless the add line is not the one-line field or the filter shows only some people's words."""
        element = self.add_element.value
        hidden = self._filter_classes == ("fac-filtering", "fac-filter-only")
        plain = element and self.guided_form() is None and not self.add_long_toggle.value
        self.add_text.ahead = f".{self.uid} .fac-el-{element}" if plain and not hidden else ""

    def _toggle_long(self, on: bool) -> None:
        if on and self.add_text.value and not self.add_long.value:
            self.add_long.value = self.add_text.value
            self.add_text.value = ""
        elif not on and self.add_long.value and not self.add_text.value and "\n" not in self.add_long.value:
            self.add_text.value = self.add_long.value
            self.add_long.value = ""
        self._show_add_mode()

    def _on_typing(self, text: str) -> None:
        """ "ri: ..." chooses Rita as the speaker while it is typed (shown on her name button at once)."""
        if self.session.case is None or self.add_element.value == "bottom_line":
            return
        pid, _rest = speaker_prefix(self.case, self.session.present_ids(), text)
        if pid is not None and self.add_author.value != pid:
            self.add_author.value = pid

    def _on_submit(self, text: str) -> None:
        self.add(text)

    def submit(self) -> bool:
        """Enter in the add line, as the browser sends it (the text goes with it)."""
        self.add_text.press_enter()
        return True

    def start_adding(self, column: str) -> None:
        """The column's '+': its usual element, and the cursor in the add line."""
        self.add_element.value = DEFAULT_ELEMENT[column]
        self.focus_add()

    def add(self, typed: str | None = None) -> str | None:
        """Add what was typed to the chosen element, said by the chosen person, at this meeting."""
        s = self.session
        if s.case is None:
            return None
        element = self.add_element.value
        form = self.guided_form()
        long = form is not None or self.add_long_toggle.value
        text = self.add_long.value if long else (self.add_text.value if typed is None else typed)
        author = None if element == "bottom_line" else (self.add_author.value or None)
        if not long:
            said_by, rest = speaker_prefix(s.case, s.present_ids(), text)
            if said_by is not None:
                author, text = said_by, rest
        fields: dict[str, Any] = {}
        if form is not None:
            missing = form.missing()
            if missing:
                s.set_status(self.t("columns.ds.missing", part=self.t(f"columns.{form.form}.{missing[0]}")), "error")
                return None
            fields.update({k: ops.clean(v) for k, v in form.values.items()})
        if element == "bottom_line":
            fields["set_by"] = set_by_key(self.add_set_by.value or "")
        item_id = self._store_new(element, text, author, fields)
        if item_id is None:
            if not long and typed is not None:
                self.add_text.restore(typed)
            return None
        if typed is not None:
            self.add_text.added(item_id)
        self._after_add(element, form, long)
        return item_id

    def _store_new(self, element: str, text: str, author: str | None, fields: dict[str, Any]) -> str | None:
        s = self.session
        try:
            edit, item_id = ops.add_item(
                self.case, text, element=element, author=author, meeting=s.meeting_id, scenario=self.scenario, **fields
            )
        except FacilitationError as e:
            s.fail(e)
            return None
        return item_id if s.do(edit) else None

    def _after_add(self, element: str, form: GuidedForm | None, long: bool) -> None:
        s = self.session
        n = len(self.case.items_of(element, self.scenario))
        if element == "danger_statement" and n > MAX_DANGER_STATEMENTS:
            s.set_status(self.t("columns.too_many", n=n, max=MAX_DANGER_STATEMENTS), "info")
        else:
            s.set_status(self.t("columns.added", element=self.t(f"element_one.{element}")), "ok")
        if form is not None:
            form.clear()
        self.add_text.value = ""
        self.add_long.value = ""
        self.focus_add() if long else self.add_text.focus()

    # ---- editing ---------------------------------------------------------------------------------

    def open_editor(self, item_id: str) -> None:
        case = self.session.case
        if case is None or item_id not in case.items:
            return
        if self.editing_id is not None and self.editor.item is not None and self.editor.has_unsaved():
            # Words typed in the open editor are not thrown away by a click elsewhere.
            self.session.set_status(self.t("columns.unsaved_first"), "error")
            return
        if self.editor.item_id == item_id:
            self.close_editor()
            return
        self.editor.open(case.items[item_id])
        self.update()
        self.editor.text.focus()

    def close_editor(self) -> None:
        if self.editing_id is None:
            return
        self.editor.close()
        self.update()

    def _keep_typing(self, state: ColumnsState) -> None:
        """The item open in the editor was deleted on another screen: what was typed is offered, not lost."""
        editing = self.editing_id
        if editing is None or editing in state.items:
            return
        last, draft = self.editor.last, self.editor.draft()
        self.editor.close()
        if last is not None and any(k in draft for k in ("text", *GUIDED_PARTS.get(last.element, ()))):
            self.orphan.offer(last, draft)
