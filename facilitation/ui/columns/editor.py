"""Editing an item of the three columns: the panel that opens under the item being edited.

Text, speaker, who set a bottom line, the guided parts of a danger statement or safety goal, the element
and the pairing are stored together with "Save" (one undo step); who agrees or disagrees is recorded at
once, a click per person, because that is how it goes around the table.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

import ipywidgets as W

from ...domain import ops
from ...domain.case import Case, Edit
from ...domain.columns import GUIDED_PARTS, chain, paired_partner
from ...domain.model import Item
from ...domain.text import shorten
from ...i18n import LANGUAGES, translate
from ..base import button, css, esc
from .forms import FORMS, WIDE, GuidedForm
from .owner import ColumnsOwner
from .present import element_options, person_label, set_by_key, set_by_text

ALL_GUIDED = tuple(name for parts in GUIDED_PARTS.values() for name in parts)
TEXT_FIELDS = ("text", "set_by", *ALL_GUIDED)


def set_options(dd: W.Dropdown, options: list[tuple[str, Any]], value: Any, fallback: Any = None) -> None:
    """Replace a dropdown's options keeping its value when still offered (no change event for the same value)."""
    values = [v for _, v in options]
    keep = value if value in values else (fallback if fallback in values else (values[0] if values else None))
    if list(dd.options) != options:
        dd.options = options
    if dd.value != keep:
        dd.value = keep


def short(text: str, limit: int = 60) -> str:
    """The first words of an item, on one line (for choices and messages)."""
    return shorten(text, limit)


def every_language() -> list[Callable[..., str]]:
    return [lambda key, lang=lang, **p: translate(lang, key, **p) for lang in LANGUAGES]


class ItemEditor:
    """The panel under an item: its words, speaker, element, pairing, views; up, down, delete.

    Each field remembers the stored value it started from (``base``). A field the user did not touch
    follows what is stored (an undo, another screen); a touched one is kept until saved or closed, and
    saving it over a value another screen changed meanwhile first warns.
    """

    def __init__(self, view: ColumnsOwner) -> None:
        self.view = view
        self.item_id: str | None = None
        self.base: dict[str, str] = {}
        self.last: Item | None = None
        """The item as last shown: what was typed can still be offered if another screen deletes it."""
        t = view.t
        txt = view.text
        self.title = css(W.HTML(), "fac-edit-title")
        self.text = css(W.Textarea(rows=3, layout=WIDE), "fac-edit-text")
        self.forms: dict[str, GuidedForm] = {
            element: form(t, f"fac-edit-{form.form}", self.text) for element, form in FORMS.items()
        }
        self.text_label = css(W.HTML(), "fac-edit-label")
        self.author_label = txt(css(W.HTML(), "fac-edit-label"), "columns.who_said", "value", html=True)
        self.author = css(W.Dropdown(options=[], layout=W.Layout(width="auto", max_width="100%")), "fac-edit-author")
        self.set_by_label = txt(css(W.HTML(), "fac-edit-label"), "columns.set_by", "value", html=True)
        self.set_by = css(W.Combobox(options=[], ensure_option=False, layout=W.Layout(width="auto")), "fac-edit-setby")
        txt(self.set_by, "columns.set_by_ph", "placeholder")
        self.pair_label = css(W.HTML(), "fac-edit-label")
        self.pair = css(W.Dropdown(options=[], layout=W.Layout(width="auto", max_width="100%")), "fac-edit-pair")
        self.element_label = txt(css(W.HTML(), "fac-edit-label"), "columns.move_to", "value", html=True)
        self.element = css(W.Dropdown(options=[], layout=W.Layout(width="auto", max_width="100%")), "fac-edit-element")
        self.save = txt(button("", "fac-edit-save", style="primary"), "columns.save")
        self.close_btn = txt(button("", "fac-edit-close"), "columns.close")
        self.up = txt(txt(button("", "fac-edit-up"), "columns.up"), "columns.up_tip", "tooltip")
        self.down = txt(txt(button("", "fac-edit-down"), "columns.down"), "columns.down_tip", "tooltip")
        self.delete = txt(
            txt(button("", "fac-edit-delete", style="danger"), "columns.delete"), "columns.delete_tip", "tooltip"
        )
        self.views_label = txt(
            css(W.HTML(), "fac-edit-label", "fac-edit-views-label"), "columns.views", "value", html=True
        )
        self.views_box = css(W.VBox(), "fac-edit-views")
        self._view_toggles: dict[str, W.ToggleButtons] = {}
        self._views_people: tuple[tuple[str, str], ...] = ()
        self._quiet = False

        self.author_row = css(W.VBox([self.author_label, self.author]), "fac-edit-field")
        self.set_by_row = css(W.VBox([self.set_by_label, self.set_by]), "fac-edit-field")
        self.pair_row = css(W.VBox([self.pair_label, self.pair]), "fac-edit-field")
        self.element_row = css(W.VBox([self.element_label, self.element]), "fac-edit-field")
        fields = css(W.HBox([self.author_row, self.set_by_row, self.pair_row, self.element_row]), "fac-edit-fields")
        buttons = css(W.HBox([self.save, self.close_btn, self.up, self.down, self.delete]), "fac-edit-buttons")
        self.widget = css(
            W.VBox(
                [
                    self.title,
                    *(f.widget for f in self.forms.values()),
                    self.text_label,
                    self.text,
                    fields,
                    buttons,
                    self.views_label,
                    self.views_box,
                ]
            ),
            "fac-item-editor",
        )
        self.save.on_click(lambda _b: self.store())
        self.close_btn.on_click(lambda _b: self.view.close_editor())
        self.up.on_click(lambda _b: self.move_step(-1))
        self.down.on_click(lambda _b: self.move_step(1))
        self.delete.on_click(lambda _b: self.remove())

    @property
    def ds(self) -> GuidedForm:
        return self.forms["danger_statement"]

    @property
    def sg(self) -> GuidedForm:
        return self.forms["safety_goal"]

    # ---- texts -----------------------------------------------------------------------------------

    def relabel(self) -> None:
        """Texts that are not bound to one key: choices, the guided questions (after a language switch)."""
        t = self.view.t
        for form in self.forms.values():
            with form.quiet():  # new labels only: the stored sentence is not rewritten in the other language
                form.relabel()
        self.set_by.options = [t("columns.set_by.judge"), t("columns.set_by.consultant")]
        set_options(self.element, element_options(t), self.element.value)
        for tb in self._view_toggles.values():
            self._label_toggle(tb)
        if self.item_id:
            self.refresh()

    def _label_toggle(self, tb: W.ToggleButtons) -> None:
        t = self.view.t
        value = tb.value
        self._quiet = True
        try:
            tb.options = [
                (t("columns.view_none"), ""),
                (t("columns.agree"), "agree"),
                (t("columns.disagree"), "disagree"),
            ]
            tb.value = value if value in ("", "agree", "disagree") else ""
        finally:
            self._quiet = False

    # ---- the fields ------------------------------------------------------------------------------

    def _widgets(self) -> dict[str, W.ValueWidget]:
        out: dict[str, W.ValueWidget] = {"text": self.text, "author": self.author, "set_by": self.set_by}
        for form in self.forms.values():
            out.update(form.fields)  # a form's fields once it was first shown
        out["element"] = self.element
        out["pair"] = self.pair
        return out

    def _stored(self, case: Case, item: Item) -> dict[str, str]:
        partner = paired_partner(case, item)
        out = {
            "text": item.text,
            "author": item.author or "",
            "set_by": set_by_text(item.set_by, self.view.t),
            "element": item.element,
            "pair": partner.id if partner else "",
        }
        out.update({name: getattr(item, name) for name in ALL_GUIDED})
        return out

    def touched(self, name: str) -> bool:
        widget = self._widgets().get(name)
        if widget is None:  # a guided form never shown: nothing typed there
            return False
        value = widget.value or ""
        base = self.base.get(name, "")
        if name in TEXT_FIELDS:
            return ops.clean(value) != base
        return value != base

    def has_unsaved(self) -> bool:
        """Something typed or chosen here that Save has not stored yet."""
        return any(self.touched(name) for name in self.base)

    def draft(self) -> dict[str, str]:
        """What was typed here that is not stored: the fields touched, by name."""
        widgets = self._widgets()
        return {name: str(widgets[name].value or "") for name in self.base if self.touched(name)}

    # ---- opening and showing ----------------------------------------------------------------------

    def open(self, item: Item) -> None:
        """Show ``item`` in the editor (what was typed for another item is dropped)."""
        case = self.view.case
        self.item_id = item.id
        self.last = item
        self.base = self._stored(case, item)
        # Roomy enough to read the whole item without scrolling in a narrow column.
        self.text.rows = max(3, min(14, len(item.text) // 32 + item.text.count("\n") + 2))
        self._views_people = ()
        self.refresh(reset=True)

    def close(self) -> None:
        self.item_id = None
        self.base = {}
        self.last = None

    @property
    def item(self) -> Item | None:
        case = self.view.session.case
        if case is None or self.item_id is None:
            return None
        return case.items.get(self.item_id)  # type: ignore[no-any-return]

    def refresh(self, reset: bool = False) -> None:
        """Show the item as stored now, keeping what is being typed."""
        item = self.item
        case = self.view.session.case
        if item is None or case is None:
            return
        self.last = item
        t = self.view.t
        self.title.value = (
            f'<span class="fac-edit-what">'
            f"{esc(t('columns.editing', element=t(f'element_one.{item.element}'), n=self.view.number_of(item.id)))}"
            "</span>"
        )
        for element, form in self.forms.items():
            if element == item.element:
                form.build()
            form.widget.layout.display = "" if element == item.element else "none"
        label = {"danger_statement": "columns.ds.sentence", "safety_goal": "columns.sg.sentence"}.get(
            item.element, "columns.text"
        )
        self.text_label.value = f"<b>{esc(t(label))}</b>"
        self.set_by_row.layout.display = "" if item.element == "bottom_line" else "none"

        # Choices first (the speaker: the people present, and whoever said it if not here today).
        people = list(self.view.session.present_ids())
        if item.author and item.author in case.people and item.author not in people:
            people.append(item.author)
        self._choices(self.author, [(t("columns.nobody"), ""), *((person_label(case, p), p) for p in people)])
        self._refresh_pairing(case, item)
        self._choices(self.element, element_options(t))

        # Then values: untouched fields follow what is stored.
        stored = self._stored(case, item)
        widgets = self._widgets()
        with ExitStack() as stack:
            for form in self.forms.values():
                stack.enter_context(form.quiet())
            for name, widget in widgets.items():
                if reset or (not self.touched(name) and stored[name] != self.base.get(name)):
                    self.base[name] = stored[name]
                    if widget.value != stored[name]:
                        widget.value = stored[name]
            for form in self.forms.values():
                form.adopt()
        self._refresh_views(case, item)

    def _choices(self, dd: W.Dropdown, options: list[tuple[str, str]]) -> None:
        set_options(dd, options, dd.value, "")

    def _refresh_pairing(self, case: Case, item: Item) -> None:
        t = self.view.t
        if item.element not in ("danger_statement", "safety_goal"):
            self.pair_row.layout.display = "none"
            self._choices(self.pair, [(t("columns.pair_none"), "")])
            return
        self.pair_row.layout.display = ""
        other = "safety_goal" if item.element == "danger_statement" else "danger_statement"
        self.pair_label.value = esc(t(f"columns.pair_with.{other}"))
        options = [(t("columns.pair_none"), "")]
        for n, o in enumerate(case.items_of(other, item.scenario), 1):
            options.append((t("columns.pair_option", element=t(f"element_one.{other}"), n=n, text=short(o.text)), o.id))
        self._choices(self.pair, options)

    def _refresh_views(self, case: Case, item: Item) -> None:
        people = list(self.view.session.present_ids())
        for pid in (*item.agree, *item.disagree):
            if pid in case.people and pid not in people:
                people.append(pid)
        names = tuple((pid, case.name_of(pid)) for pid in people)
        if names != self._views_people:
            self._views_people = names
            rows = []
            self._view_toggles = {}
            for pid, name in names:
                tb = css(W.ToggleButtons(options=[], style={"button_width": "auto"}), "fac-edit-view")
                self._label_toggle(tb)
                tb.observe(lambda ch, pid=pid: self._on_view(pid, ch["new"]), "value")
                self._view_toggles[pid] = tb
                label = css(W.HTML(f'<span dir="auto">{esc(name)}</span>'), "fac-edit-view-name")
                rows.append(css(W.HBox([label, tb]), "fac-edit-view-row"))
            self.views_box.children = rows
        self._quiet = True
        try:
            for pid, tb in self._view_toggles.items():
                want = "agree" if pid in item.agree else "disagree" if pid in item.disagree else ""
                if tb.value != want:
                    tb.value = want
        finally:
            self._quiet = False

    # ---- actions ---------------------------------------------------------------------------------

    def _on_view(self, person_id: str, value: Any) -> None:
        if self._quiet or self.item_id is None:
            return
        item_id = self.item_id
        if not self.view.session.do(lambda case: ops.set_view(case, item_id, person_id, value or None)):
            # Not stored: show what is stored, not what was clicked.
            item = self.item
            case = self.view.session.case
            if item is not None and case is not None:
                self._refresh_views(case, item)

    def set_view(self, person_id: str, value: str) -> None:
        """Click a person's no-say / agree / disagree button (as the user would)."""
        self._view_toggles[person_id].value = value

    def changes(self) -> list[Callable[[Case], Edit]]:
        """The operations "Save" makes: only the fields touched here, so other screens' edits stay."""
        item = self.item
        if item is None:
            return []
        fields: dict[str, Any] = {}
        if self.touched("text"):
            fields["text"] = ops.clean(self.text.value)
        if self.touched("author"):
            fields["author"] = self.author.value or None
        if item.element == "bottom_line" and self.touched("set_by"):
            fields["set_by"] = set_by_key(self.set_by.value or "")
        for name in GUIDED_PARTS.get(item.element, ()):
            if self.touched(name):
                fields[name] = ops.clean(self.forms[item.element].fields[name].value)
        steps: list[Callable[[Case], Edit]] = []
        item_id = item.id
        if fields:
            steps.append(lambda case: ops.update(case, "item", item_id, "columns.edit_item", **fields))
        if self.touched("element"):
            element = self.element.value
            steps.append(lambda case: ops.move_item(case, item_id, element))
        elif self.touched("pair") and item.element in ("danger_statement", "safety_goal"):
            steps += self._pairing(item)
        return steps

    def _pairing(self, item: Item) -> list[Callable[[Case], Edit]]:
        chosen = self.pair.value or None
        item_id = item.id
        if item.element == "danger_statement":
            return [lambda case: ops.pair(case, item_id, chosen)]
        if chosen is not None:
            return [lambda case: ops.pair(case, chosen, item_id)]
        ds_id = self.base["pair"]
        return [lambda case: ops.pair(case, ds_id, None) if ds_id in case.items else Edit("edit.pair", ())]

    def store(self) -> bool:
        """Save what changed as one step and close; on a problem keep the editor open with what was typed."""
        session = self.view.session
        case, item = session.case, self.item
        if item is None or case is None:
            self.view.close_editor()
            return False
        form = self.forms.get(item.element)
        missing = form.missing() if form is not None else []
        if form is not None and missing:
            part = self.view.t(f"columns.{form.form}.{missing[0]}")
            session.set_status(self.view.t("columns.ds.missing", part=part), "error")
            return False
        stored = self._stored(case, item)
        clashes = [n for n in self.base if self.touched(n) and stored[n] != self.base[n]]
        if clashes:
            # Someone changed this on another screen while it was being typed here: say so before overwriting.
            for n in clashes:
                self.base[n] = stored[n]
            session.set_status(self.view.t("columns.changed_elsewhere", text=short(item.text)), "error")
            return False
        steps = self.changes()
        if steps and not session.do(lambda c: chain(c, "columns.edit_item", steps)):
            return False
        if steps:
            session.set_status(self.view.t("columns.saved"), "ok")
        self.view.close_editor()
        return True

    def move_step(self, step: int) -> None:
        item = self.item
        if item is None:
            return
        self.view.session.do(
            lambda case: ops.reorder(case, "item", item.id, step, case.items_of(item.element, item.scenario))
        )

    def remove(self) -> None:
        """Delete the item (undo brings it back); the editor closes first: this is no text to keep."""
        item = self.item
        if item is None:
            return
        self.view.close_editor()
        if self.view.session.do(lambda case: ops.delete_item(case, item.id)):
            self.view.session.set_status(self.view.t("columns.deleted", text=short(item.text)), "ok")
        else:
            self.view.open_editor(item.id)
