"""The guided forms of the three columns: the danger statement and the safety goal, each a few questions whose
answers make one sentence the family reads together (the consultant may then change its words)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import ipywidgets as W

from ...domain.columns import (
    DS_PARTS,
    SG_PARTS,
    danger_sentence,
    missing_goal_parts,
    missing_parts,
    safety_goal_sentence,
)
from ..base import css, esc

WIDE = W.Layout(width="100%")
Translate = Callable[..., str]


class GuidedForm:
    """Questions whose answers write a sentence in ``target`` (a Textarea) as long as nobody rewrote it by hand.

    ``parts`` are the item's field names; labels, hints and placeholders are ``columns.<form>.<part>[_hint|_ph]``.
    The questions are made the first time the form is shown (``build``): most meetings open the part without
    ever writing one, and each question is a few widget models more for the page to make.
    """

    parts: tuple[str, ...] = ()
    form = ""

    def __init__(self, t: Translate, prefix: str, target: W.Textarea) -> None:
        self.t = t
        self.prefix = prefix
        self.target = target
        self._auto = ""
        self._suspended = False
        self.labels: dict[str, W.HTML] = {}
        self.fields: dict[str, W.Textarea] = {}
        self.widget = css(W.VBox(), "fac-ds-form", f"fac-{self.form}-form")

    @property
    def built(self) -> bool:
        return bool(self.fields)

    def build(self) -> None:
        """Make the questions (once)."""
        if self.built:
            return
        self.labels = {name: css(W.HTML(), "fac-ds-label") for name in self.parts}
        self.fields = {
            name: css(
                W.Textarea(rows=3, layout=WIDE),
                f"{self.prefix}-{name.split('_', 1)[1].replace('_', '-')}",
                "fac-ds-field",
            )
            for name in self.parts
        }
        for f in self.fields.values():
            f.observe(lambda _ch: self.regenerate(), "value")
        boxes = [
            css(
                W.VBox([self.labels[name], self.fields[name]], layout=W.Layout(flex="1 1 14em", min_width="0")),
                "fac-ds-part",
            )
            for name in self.parts
        ]
        with self.quiet():
            self.relabel()
        self.widget.children = [css(W.HBox(boxes), "fac-ds-parts")]

    def relabel(self) -> None:
        if not self.built:
            return
        for name in self.parts:
            q = self.t(f"columns.{self.form}.{name}")
            hint = self.t(f"columns.{self.form}.{name}_hint")
            self.labels[name].value = f'<b>{esc(q)}</b><br><span class="fac-hint">{esc(hint)}</span>'
            self.fields[name].placeholder = self.t(f"columns.{self.form}.{name}_ph")
        self.regenerate()

    @property
    def values(self) -> dict[str, str]:
        return {name: self.fields[name].value.strip() if self.built else "" for name in self.parts}

    def sentence(self) -> str:
        raise NotImplementedError

    def missing_of(self, values: dict[str, str]) -> list[str]:
        raise NotImplementedError

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
        return self.missing_of(self.values)

    def clear(self) -> None:
        with self.quiet():
            for f in self.fields.values():  # none before the form was first shown
                f.value = ""
        self._auto = ""
        self.target.value = ""


class DangerStatementForm(GuidedForm):
    """Who is worried, about which behaviour of whom, and what may happen to the child if nothing changes."""

    parts = DS_PARTS
    form = "ds"

    def sentence(self) -> str:
        v = self.values
        return danger_sentence(
            v["ds_who"],
            v["ds_behaviour"],
            v["ds_impact"],
            self.t("columns.ds.template_one"),
            self.t("columns.ds.template_many"),
        )

    def missing_of(self, values: dict[str, str]) -> list[str]:
        return missing_parts(values["ds_who"], values["ds_behaviour"], values["ds_impact"])


class SafetyGoalForm(GuidedForm):
    """What the parents or carers will do, what the child will experience, what others will see, how long."""

    parts = SG_PARTS
    form = "sg"

    def sentence(self) -> str:
        v = self.values
        return safety_goal_sentence(
            v["sg_carers_do"],
            v["sg_child_experiences"],
            v["sg_others_see"],
            v["sg_how_long"],
            self.t("columns.sg.template"),
        )

    def missing_of(self, values: dict[str, str]) -> list[str]:
        return missing_goal_parts(*(values[name] for name in SG_PARTS))


FORMS: dict[str, type[GuidedForm]] = {"danger_statement": DangerStatementForm, "safety_goal": SafetyGoalForm}
"""The guided form of each element that has one."""
