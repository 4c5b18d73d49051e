"""The information tab: case information revealed to every group, step by step."""

from __future__ import annotations

import ipywidgets as W

from ...domain import training as tr
from ...domain.case import Case, Edit
from ...domain.errors import ValidationError
from ...domain.model import RevealStep
from ...domain.ops import new_id
from ..base import Rows, button, css, esc
from .parts import TrPart
from .present import step_label_html, step_open_html
from .state import RevealState, StepRow, step_rows

# ---- revealing information ----------------------------------------------------------------------


class RevealView(TrPart[RevealState]):
    key = "tr-reveal"
    kinds = frozenset({"reveal", "case"})

    def build(self) -> None:
        self._armed: str | None = None
        self.intro = self.text(css(W.HTML(), "fac-tr-hint"), "training.reveal.intro", "value", html=True)
        self.next_btn = button("", "fac-tr-reveal-next", style="success")
        self.hide_all_btn = self.text(button("", "fac-tr-hide-all"), "training.reveal.hide_all")
        self.generate_btn = self.text(button("", "fac-tr-generate-steps"), "training.reveal.generate")
        self.next_btn.on_click(lambda _b: self.reveal_next())
        self.hide_all_btn.on_click(lambda _b: self.hide_all())
        self.generate_btn.on_click(lambda _b: self.root.generate("reveal"))
        self.open_title = css(W.HTML(), "fac-tr-h")
        self.open_box = css(W.VBox(), "fac-tr-open-steps")
        self.nothing_open = self.text(css(W.HTML(), "fac-tr-hint"), "training.reveal.nothing_open", "value", html=True)
        self._open: Rows[str, StepRow] = Rows(self._make_open, self._redraw_open)
        self.list_title = self.text(css(W.HTML(), "fac-tr-h"), "training.reveal.all_title", "value", html=True)
        self.list_box = css(W.VBox(), "fac-tr-steps")
        self.no_steps = css(W.HTML(), "fac-tr-hint")
        self._rows: Rows[str, StepRow] = Rows(self._make_row, self._redraw_row)
        self.new_title = self.text(css(W.Text(), "fac-tr-step-title"), "training.reveal.title_ph", "placeholder")
        self.new_text = self.text(css(W.Textarea(rows=3), "fac-tr-step-text"), "training.reveal.text_ph", "placeholder")
        self.add_btn = self.text(button("", "fac-tr-add-step", style="primary"), "training.reveal.add")
        self.add_btn.on_click(lambda _b: self.add_step())
        self.add_title = self.text(css(W.HTML(), "fac-tr-h"), "training.reveal.add_title", "value", html=True)
        self.form = css(W.VBox([self.new_title, self.new_text, self.add_btn]), "fac-tr-form")
        self.widget.children = [
            self.intro,
            css(W.HBox([self.next_btn, self.hide_all_btn, self.generate_btn]), "fac-tr-actions"),
            self.open_title,
            self.open_box,
            self.list_title,
            self.list_box,
            self.add_title,
            self.form,
        ]

    @property
    def title(self) -> str:
        return self.t("training.tab.reveal")

    # ---- rendering -----------------------------------------------------------------------------------

    def state(self) -> RevealState:
        case = self.root.reference_case()
        steps = tr.steps_in_order(case) if case is not None else []
        if self._armed not in {s.id for s in steps}:
            self._armed = None
        return RevealState(self.session.lang, case is not None, step_rows(steps, self._armed, self.session.lang))

    def show(self, state: RevealState, previous: RevealState | None) -> None:
        t = self.t
        nxt = state.next_hidden
        self.next_btn.disabled = nxt is None
        self.next_btn.description = (
            t("training.reveal.next_named", title=nxt.title) if nxt else t("training.reveal.all_open")
        )
        self.hide_all_btn.disabled = not state.opened
        self.generate_btn.layout.display = "" if state.has_exercise and not state.steps else "none"
        self.add_btn.disabled = not state.has_exercise
        opened = state.opened
        self.open_title.value = esc(t("training.reveal.open_title_n", n=len(opened), total=len(state.steps)))
        self.open_box.children = self._open.widgets((s.id, s) for s in opened) or [self.nothing_open]
        self.no_steps.value = esc(t("training.reveal.none" if state.has_exercise else "training.no_exercise"))
        self.list_box.children = self._rows.widgets((s.id, s) for s in state.steps) or [self.no_steps]
        for w in self._open.take_gone() + self._rows.take_gone():
            w.close()

    def _make_open(self, step: StepRow) -> W.Widget:
        return css(W.HTML(step_open_html(step)), "fac-tr-step-open")

    def _redraw_open(self, widget: W.Widget, step: StepRow) -> None:
        widget.value = step_open_html(step)

    def _make_row(self, step: StepRow) -> W.Widget:
        label = css(W.HTML(), "fac-tr-step-name")
        toggle = button("", "fac-tr-step-toggle")
        toggle.on_click(lambda _b, sid=step.id: self.toggle(sid))
        drop = button("✕", "fac-tr-small", "fac-tr-step-remove")
        drop.on_click(lambda _b, sid=step.id: self.remove(sid))
        box = css(W.HBox([label, toggle, drop]), "fac-tr-row")
        self._redraw_row(box, step)
        return box

    def _redraw_row(self, box: W.Widget, step: StepRow) -> None:
        t = self.t
        label, toggle, drop = box.children
        label.value = step_label_html(step, t)
        toggle.description = toggle.tooltip = t("training.reveal.hide" if step.revealed else "training.reveal.show")
        with drop.hold_sync():
            drop.description = t("training.confirm") if step.armed else "✕"
            drop.tooltip = t("training.reveal.remove")
        (drop.add_class if step.armed else drop.remove_class)("fac-tr-danger")

    # ---- what the trainer does -----------------------------------------------------------------------

    def set(self, step_id: str, revealed: bool) -> bool:
        key = "training.reveal.revealed" if revealed else "training.reveal.hidden"
        return self.root.apply_all(lambda case: tr.set_revealed(case, step_id, revealed), key)

    def toggle(self, step_id: str) -> bool:
        """A step's button: hide it when the groups see it, else show it."""
        step = next((s for s in self._shown.steps if s.id == step_id), None) if self._shown else None
        return self.set(step_id, not step.revealed) if step is not None else False

    def reveal_next(self) -> bool:
        case = self.root.reference_case()
        nxt = tr.next_hidden(case) if case is not None else None
        return self.set(nxt.id, True) if nxt is not None else False

    def hide_all(self) -> bool:
        def make(case: Case) -> Edit:
            from ...domain.ops import combine

            return combine(
                "training.edit.hide",
                [tr.set_revealed(case, s.id, False) for s in tr.steps_in_order(case) if s.revealed],
            )

        return self.root.apply_all(make, "training.reveal.all_hidden")

    def add_step(self) -> bool:
        case = self.root.reference_case()
        if case is None:
            return False
        steps = tr.steps_in_order(case)
        try:
            step = RevealStep.from_dict(
                {
                    "id": new_id("rv-"),
                    "title": self.new_title.value.strip(),
                    "text": self.new_text.value.strip(),
                    "position": max((s.position for s in steps), default=0.0) + 1.0,
                },
                "reveal",
            )
        except ValidationError as e:
            self.session.fail(e)
            return False
        ok = self.root.apply_all(lambda c: tr.put_record(c, step, "training.edit.step"), "training.reveal.added")
        if ok:
            self.set_quietly(self.new_title, value="")
            self.set_quietly(self.new_text, value="")
        return ok

    def remove(self, step_id: str) -> bool:
        """First click asks, second click removes the step from every group's copy."""
        if self._armed != step_id:
            self._armed = step_id
            self.update()
            return False
        self._armed = None
        return self.root.apply_all(
            lambda c: tr.remove_record(c, "reveal", step_id, "training.edit.step_removed"), "training.reveal.removed"
        )
