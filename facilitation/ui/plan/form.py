"""The agreement form: one instance, shown at the end of the list (a new agreement) or in place of the
agreement it changes. What it answers is one checklist widget (a hundred and fifty danger statements,
goals and bottom lines are one model in the browser)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import ipywidgets as W

from ...domain.model import Item, Person
from ..base import button, css
from ..meeting.checklist import Checklist, Choice, Group
from .present import person_label, short

Bind = Callable[..., Any]
Translate = Callable[..., str]

FIELDS = ("what", "owner", "backup", "when", "if_not", "check_how", "links")


class AgreementForm:
    """The widgets of the form; ``values()`` reads them, ``fill()`` sets them."""

    def __init__(self, text: Bind) -> None:
        full = W.Layout(width="100%")
        self.title = css(W.HTML(), "fac-plan-form-title")
        self.what = css(W.Textarea(rows=2, layout=full), "fac-plan-what")
        self.owner = css(W.Dropdown(options=[("", "")], value="", layout=W.Layout(width="100%")), "fac-plan-owner")
        self.backup = css(W.Dropdown(options=[("", "")], value="", layout=W.Layout(width="100%")), "fac-plan-backup")
        self.when = css(W.Text(layout=W.Layout(width="100%")), "fac-plan-when")
        self.if_not = css(W.Textarea(rows=2, layout=W.Layout(width="100%")), "fac-plan-if-not")
        self.check_how = css(W.Text(layout=W.Layout(width="100%")), "fac-plan-check-how")
        self.links = css(Checklist(item_class="fac-plan-link"), "fac-plan-links")
        self.labels = {k: text(W.Label(), f"planui.field.{k}", "value") for k in FIELDS}
        self.links_none = css(W.HTML(), "fac-plan-links-none")
        self.save_btn = button("", "fac-plan-save", style="primary")
        self.cancel_btn = button("", "fac-plan-cancel")
        for widget, key in (
            (self.what, "planui.ph.what"),
            (self.when, "planui.ph.when"),
            (self.if_not, "planui.ph.if_not"),
            (self.check_how, "planui.ph.check_how"),
        ):
            text(widget, key, "placeholder")
        text(self.links_none, "planui.links_none", "value", html=True)
        text(self.cancel_btn, "planui.cancel")
        text(self.cancel_btn, "planui.cancel", "tooltip")

        def field(key: str, widget: W.Widget) -> W.VBox:
            return css(W.VBox([self.labels[key], widget]), "fac-plan-field")  # type: ignore[return-value]

        self.box = css(
            W.VBox(
                [
                    self.title,
                    field("what", self.what),
                    css(W.HBox([field("owner", self.owner), field("backup", self.backup)]), "fac-plan-pair"),
                    field("when", self.when),
                    field("if_not", self.if_not),
                    field("check_how", self.check_how),
                    css(W.VBox([self.labels["links"], self.links_none, self.links]), "fac-plan-field"),
                    css(W.HBox([self.save_btn, self.cancel_btn]), "fac-plan-buttons"),
                ]
            ),
            "fac-plan-form",
            "fac-form",
        )

    # ---- choices -----------------------------------------------------------------------------------

    def show_people(self, t: Translate, people: Sequence[Person]) -> None:
        opts = [(t("planui.nobody_option"), ""), *((person_label(t, p), p.id) for p in people)]
        values = {v for _, v in opts}
        for dd in (self.owner, self.backup):
            if list(dd.options) == opts:
                continue
            keep = dd.value if dd.value in values else ""
            with dd.hold_sync():
                dd.options = opts
                dd.value = keep

    def show_linkable(self, t: Translate, items: Sequence[Item]) -> None:
        choices = tuple(
            Choice(i.id, f"{t('element_one.' + i.element)}: {short(i.text)}", f"fac-plan-link-{i.element}")
            for i in items
        )
        self.links.set_groups([Group("", choices)])
        self.links_none.layout.display = "none" if items else ""

    # ---- values ------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {
            "what": self.what.value,
            "owner": self.owner.value,
            "backup": self.backup.value,
            "when": self.when.value,
            "if_not": self.if_not.value,
            "check_how": self.check_how.value,
            "links": list(self.links.value),
        }

    def fill(self, values: dict[str, Any] | None) -> None:
        v = values or {}
        self.what.value = v.get("what", "")
        for dd, key in ((self.owner, "owner"), (self.backup, "backup")):
            pid = v.get(key) or ""
            dd.value = pid if pid in {o[1] for o in dd.options} else ""
        self.when.value = v.get("when", "")
        self.if_not.value = v.get("if_not", "")
        self.check_how.value = v.get("check_how", "")
        shown = {c for _, c in self.links.options}
        self.links.value = tuple(i for i in _ids(v.get("links", ())) if i in shown)


def _ids(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
