"""The three columns: what we are worried about, what is working well, what needs to happen.

The family's words dominate the screen; the controls are one add line above the columns, a filter
line, and a small edit button per item that opens an editor under it. Rows are cached by item: an edit
redraws the rows whose state changed, and a group's list of rows is only resent when it changed.
"""

from __future__ import annotations

import uuid
from typing import Any

import ipywidgets as W

from ...domain import ops
from ...domain.columns import MAX_DANGER_STATEMENTS, count_matching, numbers
from ...domain.errors import FacilitationError
from ...domain.model import COLUMNS, DEFAULT_ELEMENT, ELEMENTS, column_of
from ..base import Part, button, css, esc
from ..session import Event
from .editor import DangerStatementForm, ItemEditor, element_options, set_options
from .rows import Row, meeting_class, person_class, row_state


class ColumnsView(Part):
    """Three columns side by side, each grouped by its elements, in the family's own words."""

    key = "columns"
    kinds = frozenset({"item", "person", "meeting", "case"})
    scenario: str | None = None
    """Reflecting team scenarios keep their own columns; None = the case's own."""

    # ---- building --------------------------------------------------------------------------------

    def build(self) -> None:
        self.uid = f"fac-cv-{uuid.uuid4().hex[:8]}"
        self.widget.add_class(self.uid)
        # Style elements apply while hidden, and take no room on the screen.
        self.filter_style = css(W.HTML("", layout=W.Layout(display="none")), "fac-columns-filter-style")
        self.rows: dict[str, Row] = {}
        self._row_layout = W.Layout()
        self._numbers: dict[str, int] = {}
        self._row_context: tuple[Any, ...] | None = None

        # The add line: element, speaker, words; Enter adds.
        self.add_element = css(W.Dropdown(options=[], layout=W.Layout(width="auto")), "fac-columns-add-element")
        self.add_author = css(W.Dropdown(options=[], layout=W.Layout(width="auto")), "fac-columns-add-author")
        self.add_text = css(W.Text(continuous_update=True), "fac-columns-add-text")
        self.add_text.on_msg(self._on_text_msg)
        self.add_long = css(W.Textarea(rows=3, layout=W.Layout(width="100%")), "fac-columns-add-long")
        self.add_long_toggle = css(W.ToggleButton(value=False), "fac-btn", "fac-columns-add-longtoggle")
        self.add_btn = button("", "fac-columns-add-btn", style="primary")
        self.add_set_by_label = css(W.HTML(), "fac-edit-label")
        self.add_set_by = css(
            W.Combobox(options=[], ensure_option=False, layout=W.Layout(width="auto")), "fac-columns-add-setby"
        )
        self.add_set_by_row = css(W.HBox([self.add_set_by_label, self.add_set_by]), "fac-add-setby-row")
        self.add_long_label = css(W.HTML(), "fac-ds-label")
        self.add_ds = DangerStatementForm(self.t, "fac-add-ds", self.add_long)
        self.add_main = css(
            W.HBox([self.add_element, self.add_author, self.add_text, self.add_btn, self.add_long_toggle]),
            "fac-add-main",
        )
        self.add_extra = css(
            W.VBox([self.add_ds.widget, self.add_long_label, self.add_long, self.add_set_by_row]), "fac-add-extra"
        )
        self.add_bar = css(W.VBox([self.add_main, self.add_extra]), "fac-col-bar", "fac-columns-add")
        self.add_element.observe(lambda _ch: self._show_add_mode(), "value")
        self.add_long_toggle.observe(lambda ch: self._toggle_long(ch["new"]), "value")
        self.add_btn.on_click(lambda _b: self.add())

        # The filter line: who said it, at which meeting; highlight or show only those.
        self.filter_person = css(W.Dropdown(options=[], layout=W.Layout(width="auto")), "fac-columns-filter-person")
        self.filter_meeting = css(W.Dropdown(options=[], layout=W.Layout(width="auto")), "fac-columns-filter-meeting")
        self.filter_mode = css(W.ToggleButtons(options=[], style={"button_width": "auto"}), "fac-columns-filter-mode")
        self.filter_label = css(W.HTML(), "fac-filter-label")
        self.filter_count = css(W.HTML(), "fac-filter-count")
        self.filter_bar = css(
            W.HBox([self.filter_label, self.filter_person, self.filter_meeting, self.filter_mode, self.filter_count]),
            "fac-filter-bar",
        )
        for w in (self.filter_person, self.filter_meeting, self.filter_mode):
            w.observe(lambda _ch: self._apply_filter(), "value")

        # The columns, each with its element groups.
        self.col_titles: dict[str, W.HTML] = {}
        self.col_plus: dict[str, W.Button] = {}
        self.group_heads: dict[str, W.HTML] = {}
        self.groups: dict[str, W.VBox] = {}
        cols = []
        for col in COLUMNS:
            self.col_titles[col] = css(W.HTML(layout=W.Layout(flex="1 1 auto", width="auto")), "fac-col-title")
            plus = button("+", "fac-col-plus", f"fac-col-plus-{col}")
            plus.on_click(lambda _b, col=col: self.start_adding(col))
            self.col_plus[col] = plus
            parts: list[W.Widget] = [css(W.HBox([self.col_titles[col], plus]), "fac-col-head")]
            for element in ELEMENTS[col]:
                head = css(W.HTML(), "fac-el-head")
                self.group_heads[element] = head
                group = css(W.VBox([head]), "fac-el", f"fac-el-{element}")
                self.groups[element] = group
                parts.append(group)
            cols.append(css(W.VBox(parts), "fac-col", f"fac-col-{col}"))
        self.grid = css(W.HBox(cols), "fac-col-grid")

        self.editor = ItemEditor(self)
        self.widget.children = [self.filter_style, self.add_bar, self.filter_bar, self.grid]
        self._show_add_mode()

    # ---- texts -----------------------------------------------------------------------------------

    def relabel(self) -> None:
        t = self.t
        set_options(self.add_element, element_options(t), self.add_element.value, DEFAULT_ELEMENT["worries"])
        self.add_text.placeholder = t("columns.add_ph")
        self.add_long.placeholder = t("columns.add_long_ph")
        self.add_btn.description = t("columns.add")
        self.add_btn.tooltip = t("columns.add_tip")
        self.add_long_toggle.description = t("columns.longer")
        self.add_long_toggle.tooltip = t("columns.longer_tip")
        self.add_set_by_label.value = esc(t("columns.set_by"))
        self.add_set_by.options = [t("columns.set_by.judge"), t("columns.set_by.consultant")]
        self.add_set_by.placeholder = t("columns.set_by_ph")
        if self.add_set_by.value.strip() in ("", *self._set_by_defaults()):
            self.add_set_by.value = t("columns.set_by.judge")
        self.add_ds.relabel()
        self.add_long_label.value = f"<b>{esc(t('columns.ds.sentence'))}</b>"
        self.filter_label.value = f"<b>{esc(t('columns.filter'))}</b>"
        mode = self.filter_mode.value or "highlight"
        self.filter_mode.options = [(t("columns.filter_highlight"), "highlight"), (t("columns.filter_only"), "only")]
        self.filter_mode.value = mode
        for col in COLUMNS:
            self.col_titles[col].value = f'<h2 dir="auto">{esc(t(f"column.{col}"))}</h2>'
            self.col_plus[col].tooltip = t("columns.plus_tip", column=t(f"column.{col}"))
            self.col_plus[col].description = "+"
        self.editor.relabel()
        self._show_add_mode()

    @staticmethod
    def _set_by_defaults() -> tuple[str, ...]:
        from ...i18n import LANGUAGES, translate

        return tuple(translate(lang, "columns.set_by.judge") for lang in LANGUAGES)

    # ---- showing ---------------------------------------------------------------------------------

    def refresh(self, event: Event) -> None:
        case = self.case
        if case is None:
            for element, group in self.groups.items():
                group.children = [self.group_heads[element]]
            self.rows.clear()
            self.editor.close()
            return
        if event.type != "edit" or event.kinds & {"person", "meeting", "case"}:
            self._refresh_choices()
        self._numbers = numbers(case, self.scenario)
        lang = self.session.lang
        current_meeting = self.session.meeting_id
        seen: set[str] = set()
        editing = self.editor.item_id if self.editor.item_id in case.items else None
        if editing is None and self.editor.item_id is not None:
            self.editor.close()
        # What every row shows besides its own item: names (people), language, the current meeting. Records
        # are immutable and an edit replaces only what it changed, so "the same object" means "unchanged".
        context = (case.people, lang, current_meeting, len(case.meetings))
        same_context = (
            self._row_context is not None
            and context[0] is self._row_context[0]
            and context[1:] == self._row_context[1:]
        )
        self._row_context = context
        for col in COLUMNS:
            for element in ELEMENTS[col]:
                items = case.items_of(element, self.scenario)
                children: list[W.Widget] = [self.group_heads[element]]
                for n, item in enumerate(items, 1):
                    row = self.rows.get(item.id)
                    if row is None:
                        row = self.rows[item.id] = Row(item.id, self._row_layout, self.open_editor)
                    # A row whose item, number and partner are as last drawn, in the same context, is skipped:
                    # adding one item to four hundred then computes one row, not four hundred.
                    partner = case.items.get(item.paired_with) if item.paired_with else None
                    key = (item, n, partner, self._numbers.get(partner.id) if partner is not None else None)
                    if not (same_context and row.drawn_for(key)):
                        row.show(self.t, row_state(case, item, lang, n, self._numbers, current_meeting))
                        row.key = key
                    row.set_editing(item.id == editing)
                    seen.add(item.id)
                    children.append(row.widget)
                    if item.id == editing:
                        children.append(self.editor.widget)
                self._show_head(element, len(items))
                if tuple(children) != self.groups[element].children:
                    self.groups[element].children = children
        for gone in set(self.rows) - seen:
            del self.rows[gone]
        if editing is not None:
            self.editor.refresh()
        self._apply_filter()

    def _show_head(self, element: str, n: int) -> None:
        t = self.t
        count = f' <span class="fac-el-count">({n})</span>' if n else ""
        html = f"<h3>{esc(t(f'element.{element}'))}{count}</h3>"
        if element == "bottom_line":
            html += f'<div class="fac-el-note">{esc(t("columns.bottom_lines_note"))}</div>'
        if element == "danger_statement" and n > MAX_DANGER_STATEMENTS:
            html += f'<div class="fac-el-warn" role="note">{esc(t("columns.too_many", n=n, max=MAX_DANGER_STATEMENTS))}</div>'
        if not n:
            html += f'<div class="fac-el-empty">{esc(t("columns.empty"))}</div>'
        head = self.group_heads[element]
        if head.value != html:
            head.value = html

    def _refresh_choices(self) -> None:
        """Speakers (people present), and the filter's people and meetings."""
        t = self.t
        case = self.case
        present = self.session.present_ids()
        set_options(
            self.add_author,
            [(t("columns.nobody"), ""), *((self.person_label(p), p) for p in present)],
            self.add_author.value,
            "",
        )
        people = sorted(case.people.values(), key=lambda p: p.name.lower())
        set_options(
            self.filter_person,
            [(t("columns.filter_everyone"), ""), *((self.person_label(p.id), p.id) for p in people)],
            self.filter_person.value,
            "",
        )
        meetings = [(t("columns.filter_all_meetings"), "")]
        for m in reversed(case.meetings_by_date()):
            label = t("shell.meeting_label", kind=t(f"meeting_kind.{m.kind}"), date=m.date)
            if m.id == self.session.meeting_id:
                label = t("columns.filter_this_meeting", meeting=label)
            meetings.append((label, m.id))
        set_options(self.filter_meeting, meetings, self.filter_meeting.value, "")

    def person_label(self, person_id: str) -> str:
        p = self.case.people.get(person_id) if self.case is not None else None
        if p is None:
            return person_id
        return f"{p.name} ({p.relation})" if p.relation.strip() else p.name

    def number_of(self, item_id: str) -> int:
        return self._numbers.get(item_id, 0)

    # ---- filter and highlight ---------------------------------------------------------------------

    def _apply_filter(self) -> None:
        """One style element hides or dims the rows that do not match: no row is touched."""
        person = self.filter_person.value or None
        meeting = self.filter_meeting.value or None
        if self.case is None or (person is None and meeting is None):
            self.filter_style.value = ""
            self.filter_count.value = ""
            return
        root = f".{self.uid} .fac-item"
        wanted = "".join(
            [f".{person_class(person)}" if person else "", f".{meeting_class(meeting)}" if meeting else ""]
        )
        others = ", ".join(
            f"{root}:not({c})"
            for c in ([f".{person_class(person)}"] if person else [])
            + ([f".{meeting_class(meeting)}"] if meeting else [])
        )
        if self.filter_mode.value == "only":
            rule = f"{others} {{ display: none !important; }}"
        else:
            rule = f"{others} {{ opacity: 0.3; }} {root}{wanted} {{ outline: 4px solid #d48800; }}"
        self.filter_style.value = f"<style>{rule}</style>"
        items = [i for i in self.case.items.values() if i.scenario == self.scenario]
        self.filter_count.value = esc(self.t("columns.filter_count", n=count_matching(items, person, meeting)))

    # ---- adding ----------------------------------------------------------------------------------

    def _show_add_mode(self) -> None:
        element = self.add_element.value or DEFAULT_ELEMENT["worries"]
        is_ds = element == "danger_statement"
        long = is_ds or self.add_long_toggle.value
        self.add_text.layout.display = "none" if long else ""
        self.add_long.layout.display = "" if long else "none"
        self.add_long_toggle.layout.display = "none" if is_ds else ""
        self.add_ds.widget.layout.display = "" if is_ds else "none"
        self.add_long_label.layout.display = "" if is_ds else "none"
        self.add_long.placeholder = self.t("columns.ds.sentence_ph" if is_ds else "columns.add_long_ph")
        self.add_set_by_row.layout.display = "" if element == "bottom_line" else "none"
        # A bottom line is set by the judge or the consultant, not said by whoever spoke last.
        self.add_author.layout.display = "none" if element == "bottom_line" else ""
        self.add_extra.layout.display = "" if (long or element == "bottom_line") else "none"
        col = column_of(element)
        for c in COLUMNS:
            (self.add_bar.add_class if c == col else self.add_bar.remove_class)(f"fac-add-{c}")

    def _toggle_long(self, on: bool) -> None:
        if on and self.add_text.value and not self.add_long.value:
            self.add_long.value = self.add_text.value
            self.add_text.value = ""
        elif not on and self.add_long.value and not self.add_text.value and "\n" not in self.add_long.value:
            self.add_text.value = self.add_long.value
            self.add_long.value = ""
        self._show_add_mode()

    def _on_text_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "submit":
            self.add()

    def submit(self) -> bool:
        """Enter in the add line, as the browser sends it."""
        self.add_text._handle_msg(
            {"content": {"data": {"method": "custom", "content": {"event": "submit"}}}, "buffers": []}
        )
        return True

    def start_adding(self, column: str) -> None:
        """The column's '+': its usual element, and the cursor in the add line."""
        self.add_element.value = DEFAULT_ELEMENT[column]
        (self.add_long if self.add_long.layout.display != "none" else self.add_text).focus()

    def add(self) -> str | None:
        """Add what was typed to the chosen element, said by the chosen person, at this meeting."""
        s = self.session
        if s.case is None:
            return None
        element = self.add_element.value
        is_ds = element == "danger_statement"
        long = is_ds or self.add_long_toggle.value
        text = self.add_long.value if long else self.add_text.value
        fields: dict[str, Any] = {}
        if is_ds:
            missing = self.add_ds.missing()
            if missing:
                s.set_status(self.t("columns.ds.missing", part=self.t(f"columns.ds.{missing[0]}")), "error")
                return None
            fields.update({k: ops.clean(v) for k, v in self.add_ds.values.items()})
        if element == "bottom_line":
            fields["set_by"] = ops.clean(self.add_set_by.value or "")
        try:
            edit, item_id = ops.add_item(
                s.case,
                text,
                element=element,
                author=None if element == "bottom_line" else (self.add_author.value or None),
                meeting=s.meeting_id,
                scenario=self.scenario,
                **fields,
            )
        except FacilitationError as e:
            s.fail(e)
            return None
        if not s.do(edit):
            return None
        n = len(s.case.items_of(element, self.scenario))
        if is_ds and n > MAX_DANGER_STATEMENTS:
            s.set_status(self.t("columns.too_many", n=n, max=MAX_DANGER_STATEMENTS), "info")
        else:
            s.set_status(self.t("columns.added", element=self.t(f"element_one.{element}")), "ok")
        if is_ds:
            self.add_ds.clear()
        self.add_text.value = ""
        self.add_long.value = ""
        (self.add_long if long else self.add_text).focus()
        return item_id

    # ---- editing ---------------------------------------------------------------------------------

    def open_editor(self, item_id: str) -> None:
        case = self.case
        if case is None or item_id not in case.items:
            return
        if self.editor.item_id is not None and self.editor.item is not None and self.editor.has_unsaved():
            # Words typed in the open editor are not thrown away by a click elsewhere.
            self.session.set_status(self.t("columns.unsaved_first"), "error")
            return
        if self.editor.item_id == item_id:
            self.close_editor()
            return
        self.editor.open(case.items[item_id])
        self.refresh(Event("edit", frozenset({"item"})))
        self.editor.text.focus()

    def close_editor(self) -> None:
        if self.editor.item_id is None:
            return
        self.editor.close()
        self.refresh(Event("edit", frozenset({"item"})))
