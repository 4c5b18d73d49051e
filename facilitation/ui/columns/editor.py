"""Editing an item of the three columns: the guided danger statement form and the per-item editor panel.

The editor opens under the item being edited. Text, speaker, who set a bottom line, the element and the
pairing are stored together with "Save" (one undo step); who agrees or disagrees is recorded at once,
a click per person, because that is how it goes around the table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import ipywidgets as W

from ...domain import ops
from ...domain.case import Case, Edit
from ...domain.columns import DS_PARTS, PLACEHOLDER, chain, danger_sentence, missing_parts, paired_partner
from ...domain.model import COLUMNS, ELEMENTS, Item
from ..base import button, css, esc

if TYPE_CHECKING:
    from .view import ColumnsView

WIDE = W.Layout(width="100%")


def element_options(t: Callable[..., str]) -> list[tuple[str, str]]:
    """The eight elements, each labelled with its column: "Zorgen · Schade"."""
    return [
        (t("columns.element_option", column=t(f"columns.short.{col}"), element=t(f"element_one.{el}")), el)
        for col in COLUMNS
        for el in ELEMENTS[col]
    ]


def set_options(dd: W.Dropdown, options: list[tuple[str, Any]], value: Any, fallback: Any = None) -> None:
    """Replace a dropdown's options keeping its value when still offered (no change event for the same value)."""
    values = [v for _, v in options]
    keep = value if value in values else (fallback if fallback in values else (values[0] if values else None))
    if list(dd.options) != options:
        dd.options = options
    if dd.value != keep:
        dd.value = keep


class DangerStatementForm:
    """Who is worried, about which behaviour of whom, and what may happen to the child if nothing changes.

    The three answers make a readable sentence in ``target`` (a Textarea) as long as nobody rewrote that
    sentence by hand; the family checks the sentence, the consultant may change its words.
    """

    def __init__(self, t: Callable[..., str], prefix: str, target: W.Textarea) -> None:
        self.t = t
        self.target = target
        self._auto = ""
        self._suspended = False
        self.labels = {name: css(W.HTML(), "fac-ds-label") for name in DS_PARTS}
        self.fields = {
            name: css(W.Textarea(rows=2, layout=WIDE), f"{prefix}-{name.removeprefix('ds_')}", "fac-ds-field")
            for name in DS_PARTS
        }
        for f in self.fields.values():
            f.observe(lambda _ch: self.regenerate(), "value")
        parts = [
            css(
                W.VBox([self.labels[name], self.fields[name]], layout=W.Layout(flex="1 1 16em", min_width="0")),
                "fac-ds-part",
            )
            for name in DS_PARTS
        ]
        self.widget = css(W.VBox([css(W.HBox(parts), "fac-ds-parts")]), "fac-ds-form")

    def relabel(self) -> None:
        for name in DS_PARTS:
            q = self.t(f"columns.ds.{name}")
            hint = self.t(f"columns.ds.{name}_hint")
            self.labels[name].value = f'<b>{esc(q)}</b><br><span class="fac-hint">{esc(hint)}</span>'
            self.fields[name].placeholder = self.t(f"columns.ds.{name}_ph")
        self.regenerate()

    @property
    def values(self) -> dict[str, str]:
        return {name: self.fields[name].value.strip() for name in DS_PARTS}

    def sentence(self) -> str:
        v = self.values
        return danger_sentence(
            v["ds_who"],
            v["ds_behaviour"],
            v["ds_impact"],
            self.t("columns.ds.template_one"),
            self.t("columns.ds.template_many"),
        )

    def regenerate(self) -> None:
        """Write the sentence again from the parts, unless someone rewrote it by hand."""
        if self._suspended:
            return
        new = self.sentence() if any(self.values.values()) else ""
        if self.target.value.strip() in ("", self._auto.strip()):
            self._auto = new
            if self.target.value != new:
                self.target.value = new

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Fill fields from what is stored without rewriting the sentence."""
        self._suspended = True
        try:
            yield
        finally:
            self._suspended = False

    def adopt(self) -> None:
        """After filling from a stored item: its sentence counts as generated when it matches its parts."""
        self._auto = self.sentence() if any(self.values.values()) else ""

    @property
    def is_auto(self) -> bool:
        return bool(self._auto) and self.target.value.strip() == self._auto.strip()

    def missing(self) -> list[str]:
        """Parts still empty while the sentence is still the generated one (it then holds a '…')."""
        if not self.is_auto:
            return []
        v = self.values
        return missing_parts(v["ds_who"], v["ds_behaviour"], v["ds_impact"])

    def clear(self) -> None:
        with self.quiet():
            for f in self.fields.values():
                f.value = ""
        self._auto = ""
        self.target.value = ""


class ItemEditor:
    """The panel under an item: its words, speaker, element, pairing, views; up, down, delete.

    Each field remembers the stored value it started from (``base``). A field the user did not touch
    follows what is stored (an undo, another screen); a touched one is kept until saved or closed, and
    saving it over a value another screen changed meanwhile first warns.
    """

    def __init__(self, view: ColumnsView) -> None:
        self.view = view
        self.item_id: str | None = None
        self.base: dict[str, str] = {}
        t = view.t
        self.title = css(W.HTML(), "fac-edit-title")
        self.text = css(W.Textarea(rows=3, layout=WIDE), "fac-edit-text")
        self.ds = DangerStatementForm(t, "fac-edit-ds", self.text)
        self.text_label = css(W.HTML(), "fac-edit-label")
        self.author_label = css(W.HTML(), "fac-edit-label")
        self.author = css(W.Dropdown(options=[], layout=W.Layout(width="auto", max_width="100%")), "fac-edit-author")
        self.set_by_label = css(W.HTML(), "fac-edit-label")
        self.set_by = css(W.Combobox(options=[], ensure_option=False, layout=W.Layout(width="auto")), "fac-edit-setby")
        self.pair_label = css(W.HTML(), "fac-edit-label")
        self.pair = css(W.Dropdown(options=[], layout=W.Layout(width="auto", max_width="100%")), "fac-edit-pair")
        self.element_label = css(W.HTML(), "fac-edit-label")
        self.element = css(W.Dropdown(options=[], layout=W.Layout(width="auto", max_width="100%")), "fac-edit-element")
        self.save = button("", "fac-edit-save", style="primary")
        self.close_btn = button("", "fac-edit-close")
        self.up = button("", "fac-edit-up")
        self.down = button("", "fac-edit-down")
        self.delete = button("", "fac-edit-delete", style="danger")
        self.views_label = css(W.HTML(), "fac-edit-label")
        self.views_box = css(W.VBox(), "fac-edit-views")
        self._view_toggles: dict[str, W.ToggleButtons] = {}
        self._views_people: tuple[str, ...] = ()
        self._quiet = False

        self.author_row = css(W.VBox([self.author_label, self.author]), "fac-edit-field")
        self.set_by_row = css(W.VBox([self.set_by_label, self.set_by]), "fac-edit-field")
        self.pair_row = css(W.VBox([self.pair_label, self.pair]), "fac-edit-field")
        self.element_row = css(W.VBox([self.element_label, self.element]), "fac-edit-field")
        self.widget = css(
            W.VBox(
                [
                    self.title,
                    self.ds.widget,
                    self.text_label,
                    self.text,
                    css(W.HBox([self.author_row, self.set_by_row, self.pair_row, self.element_row]), "fac-edit-fields"),
                    css(W.HBox([self.save, self.close_btn, self.up, self.down, self.delete]), "fac-edit-buttons"),
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

    # ---- texts -----------------------------------------------------------------------------------

    def relabel(self) -> None:
        t = self.view.t
        with self.ds.quiet():  # new labels only: the stored sentence is not rewritten in the other language
            self.ds.relabel()
        self.author_label.value = esc(t("columns.who_said"))
        self.set_by_label.value = esc(t("columns.set_by"))
        self.set_by.options = [t("columns.set_by.judge"), t("columns.set_by.consultant")]
        self.set_by.placeholder = t("columns.set_by_ph")
        self.element_label.value = esc(t("columns.move_to"))
        self.views_label.value = f"<b>{esc(t('columns.views'))}</b>"
        self.save.description = t("columns.save")
        self.close_btn.description = t("columns.close")
        self.up.description = t("columns.up")
        self.up.tooltip = t("columns.up_tip")
        self.down.description = t("columns.down")
        self.down.tooltip = t("columns.down_tip")
        self.delete.description = t("columns.delete")
        self.delete.tooltip = t("columns.delete_tip")
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
        out.update(self.ds.fields)
        out["element"] = self.element
        out["pair"] = self.pair
        return out

    def _stored(self, case: Case, item: Item) -> dict[str, str]:
        partner = paired_partner(case, item)
        out = {
            "text": item.text,
            "author": item.author or "",
            "set_by": item.set_by,
            "element": item.element,
            "pair": partner.id if partner else "",
        }
        out.update({name: getattr(item, name) for name in DS_PARTS})
        return out

    def touched(self, name: str) -> bool:
        value = self._widgets()[name].value or ""
        base = self.base.get(name, "")
        if name in ("text", "set_by", *DS_PARTS):
            return ops.clean(value) != base
        return value != base

    def has_unsaved(self) -> bool:
        """Something typed or chosen here that Save has not stored yet."""
        return any(self.touched(name) for name in self.base)

    # ---- opening and showing ----------------------------------------------------------------------

    def open(self, item: Item) -> None:
        """Show ``item`` in the editor (what was typed for another item is dropped)."""
        case = self.view.case
        self.item_id = item.id
        self.base = self._stored(case, item)
        # Roomy enough to read the whole item without scrolling in a narrow column.
        self.text.rows = max(3, min(14, len(item.text) // 32 + item.text.count("\n") + 2))
        self._views_people = ()
        self.refresh(reset=True)

    def close(self) -> None:
        self.item_id = None
        self.base = {}

    @property
    def item(self) -> Item | None:
        case = self.view.case
        if case is None or self.item_id is None:
            return None
        return case.items.get(self.item_id)  # type: ignore[no-any-return]

    def refresh(self, reset: bool = False) -> None:
        """Show the item as stored now, keeping what is being typed."""
        item = self.item
        case: Case | None = self.view.case
        if item is None or case is None:
            return
        t = self.view.t
        is_ds = item.element == "danger_statement"
        self.title.value = (
            f'<span class="fac-edit-what">'
            f"{esc(t('columns.editing', element=t(f'element_one.{item.element}'), n=self.view.number_of(item.id)))}</span>"
        )
        self.ds.widget.layout.display = "" if is_ds else "none"
        self.text_label.value = f"<b>{esc(t('columns.ds.sentence' if is_ds else 'columns.text'))}</b>"
        self.set_by_row.layout.display = "" if item.element == "bottom_line" else "none"

        # Choices first (the speaker: the people present, and whoever said it if not here today).
        people = list(self.view.session.present_ids())
        if item.author and item.author in case.people and item.author not in people:
            people.append(item.author)
        self._choices(self.author, [(t("columns.nobody"), ""), *((self.view.person_label(p), p) for p in people)])
        self._refresh_pairing(case, item)
        self._choices(self.element, element_options(t))

        # Then values: untouched fields follow what is stored.
        stored = self._stored(case, item)
        widgets = self._widgets()
        with self.ds.quiet():
            for name, widget in widgets.items():
                if reset or (not self.touched(name) and stored[name] != self.base.get(name)):
                    self.base[name] = stored[name]
                    if widget.value != stored[name]:
                        widget.value = stored[name]
            self.ds.adopt()
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
            case = self.view.case
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
            fields["set_by"] = ops.clean(self.set_by.value or "")
        if item.element == "danger_statement":
            for name in DS_PARTS:
                if self.touched(name):
                    fields[name] = ops.clean(self.ds.fields[name].value)
        steps: list[Callable[[Case], Edit]] = []
        item_id = item.id
        if fields:
            steps.append(lambda case: ops.update(case, "item", item_id, "columns.edit_item", **fields))
        if self.touched("element"):
            element = self.element.value
            steps.append(lambda case: ops.move_item(case, item_id, element))
        elif self.touched("pair") and item.element in ("danger_statement", "safety_goal"):
            chosen = self.pair.value or None
            if item.element == "danger_statement":
                steps.append(lambda case: ops.pair(case, item_id, chosen))
            elif chosen is not None:
                steps.append(lambda case: ops.pair(case, chosen, item_id))
            else:
                ds_id = self.base["pair"]
                steps.append(lambda case: ops.pair(case, ds_id, None) if ds_id in case.items else Edit("edit.pair", ()))
        return steps

    def store(self) -> bool:
        """Save what changed as one step and close; on a problem keep the editor open with what was typed."""
        session = self.view.session
        case, item = self.view.case, self.item
        if item is None or case is None:
            self.view.close_editor()
            return False
        if item.element == "danger_statement":
            missing = self.ds.missing()
            if missing:
                session.set_status(
                    self.view.t("columns.ds.missing", part=self.view.t(f"columns.ds.{missing[0]}")), "error"
                )
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
        item = self.item
        if item is None:
            return
        if self.view.session.do(lambda case: ops.delete_item(case, item.id)):
            self.view.session.set_status(self.view.t("columns.deleted", text=short(item.text)), "ok")
            self.view.close_editor()


def short(text: str, limit: int = 60) -> str:
    """The first words of an item, on one line (for choices and messages)."""
    s = " ".join(text.split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + PLACEHOLDER
