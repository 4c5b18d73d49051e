"""Asking a new scaling question: its kind, whom or what it is about, and for an own question its words."""

from __future__ import annotations

import ipywidgets as W

from ...domain.model import SCALE_KINDS
from ...domain.scaling import subject_children, subject_goals, subject_kind, subject_people
from ...domain.text import shorten
from ..base import button, css
from .owner import ScalingOwner

SUBJECT_LABEL = {"person": "scaling.subject_person", "child": "scaling.subject_child", "item": "scaling.subject_goal"}
SUBJECT_EMPTY = {"person": "scaling.no_subjects", "child": "scaling.no_children", "item": "scaling.no_goals"}


class NewScaleForm:
    """The form under the scale picker (hidden until "Nieuwe schaalvraag")."""

    def __init__(self, view: ScalingOwner) -> None:
        self.view = view
        txt = view.text
        self.kind = css(W.Dropdown(options=[(k, k) for k in SCALE_KINDS], value="safety"), "fac-ns-kind")
        self.subject = css(W.Dropdown(options=[]), "fac-ns-subject")
        self.question = css(W.Textarea(rows=2, layout=W.Layout(width="auto", flex="1 1 28em")), "fac-ns-question")
        txt(self.question, "scaling.question_ph", "placeholder")
        self.low = css(W.Text(layout=W.Layout(width="auto", flex="1 1 28em")), "fac-ns-low")
        self.high = css(W.Text(layout=W.Layout(width="auto", flex="1 1 28em")), "fac-ns-high")
        self.add = txt(button("", "fac-ns-add", style="primary"), "scaling.add")
        self.cancel = txt(button("", "fac-ns-cancel"), "scaling.cancel")
        self.labels = {k: W.Label() for k in ("kind", "subject", "question", "low", "high")}
        for k, key in (("kind", "scaling.kind"), ("question", "scaling.question"), ("low", "scaling.anchor_low")):
            txt(self.labels[k], key, "value")
        txt(self.labels["high"], "scaling.anchor_high", "value")
        fields = {
            "kind": self.kind,
            "subject": self.subject,
            "question": self.question,
            "low": self.low,
            "high": self.high,
        }
        self.lines = {k: css(W.HBox([self.labels[k], w]), "fac-ns-line") for k, w in fields.items()}
        self.widget = css(
            W.VBox([*self.lines.values(), W.HBox([self.add, self.cancel])]), "fac-form", "fac-new-scale-form"
        )
        self.widget.layout.display = "none"
        self.kind.observe(lambda _ch: self.refresh(), "value")
        self.cancel.on_click(lambda _b: self.toggle(False))

    @property
    def shown(self) -> bool:
        return self.widget.layout.display != "none"

    def toggle(self, show: bool | None = None) -> None:
        show = (not self.shown) if show is None else show
        self.widget.layout.display = "" if show else "none"
        if show:
            self.refresh()

    def relabel(self) -> None:
        t = self.view.t
        kind = self.kind.value
        self.kind.options = [(t(f"scale.{k}"), k) for k in SCALE_KINDS]
        self.kind.value = kind
        self.refresh()

    def refresh(self) -> None:
        """The subjects the chosen kind can be about, and the fields of an own question."""
        case = self.view.session.case
        kind = self.kind.value
        sk = subject_kind(kind)
        t = self.view.t
        options: list[tuple[str, str]] = []
        if case is not None and sk is not None:
            self.labels["subject"].value = t(SUBJECT_LABEL[sk])
            if sk == "item":
                options = [(shorten(i.text, 90), i.id) for i in subject_goals(case)]
            else:
                people = subject_people(case) if sk == "person" else subject_children(case)
                options = [
                    (shorten(f"{p.name} ({p.relation})" if p.relation.strip() else p.name, 90), p.id) for p in people
                ]
            if not options:
                options = [(t(SUBJECT_EMPTY[sk]), "")]
        current = self.subject.value
        if list(self.subject.options) != options:
            self.subject.options = options
        values = [v for _, v in options]
        if values:
            self.subject.value = current if current in values else values[0]
        self.subject.disabled = values == [""]
        self.lines["subject"].layout.display = "" if sk else "none"
        for k in ("question", "low", "high"):
            self.lines[k].layout.display = "" if kind == "free" else "none"

    def clear(self) -> None:
        self.question.value = self.low.value = self.high.value = ""
