"""The information tab: case information revealed to every group, step by step."""

from __future__ import annotations

import logging

import ipywidgets as W

from ...domain import training as tr
from ...domain.case import Case, Edit
from ...domain.errors import ValidationError
from ...domain.model import RevealStep
from ...domain.ops import new_id
from ..base import button, css, esc, esc_lines
from ..session import Event
from .parts import TrPart

log = logging.getLogger(__name__)


# ---- revealing information ----------------------------------------------------------------------


class RevealView(TrPart):
    key = "tr-reveal"
    kinds = frozenset({"reveal", "case"})

    def build(self) -> None:
        self.intro = css(W.HTML(), "fac-tr-hint")
        self.next_btn = button("", "fac-tr-reveal-next", style="success")
        self.hide_all_btn = button("", "fac-tr-hide-all")
        self.generate_btn = button("", "fac-tr-generate-steps")
        self.next_btn.on_click(lambda _b: self.reveal_next())
        self.hide_all_btn.on_click(lambda _b: self.hide_all())
        self.generate_btn.on_click(lambda _b: self.root.generate("reveal"))
        self.open_title = css(W.HTML(), "fac-tr-h")
        self.open_box = css(W.VBox(), "fac-tr-open-steps")
        self.list_title = css(W.HTML(), "fac-tr-h")
        self.list_box = css(W.VBox(), "fac-tr-steps")
        self.new_title = css(W.Text(), "fac-tr-step-title")
        self.new_text = css(W.Textarea(rows=3), "fac-tr-step-text")
        self.add_btn = button("", "fac-tr-add-step", style="primary")
        self.add_btn.on_click(lambda _b: self.add_step())
        self.add_title = css(W.HTML(), "fac-tr-h")
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
        self._open_rows: dict[tuple[str, str, str], W.Widget] = {}

    @property
    def title(self) -> str:
        return self.t("training.tab.reveal")

    def relabel(self) -> None:
        t = self.t
        self.intro.value = esc(t("training.reveal.intro"))
        self.next_btn.description = t("training.reveal.next")
        self.hide_all_btn.description = t("training.reveal.hide_all")
        self.generate_btn.description = t("training.reveal.generate")
        self.open_title.value = esc(t("training.reveal.open_title"))
        self.list_title.value = esc(t("training.reveal.all_title"))
        self.add_title.value = esc(t("training.reveal.add_title"))
        self.new_title.placeholder = t("training.reveal.title_ph")
        self.new_text.placeholder = t("training.reveal.text_ph")
        self.add_btn.description = t("training.reveal.add")

    def refresh(self, event: Event) -> None:
        t = self.t
        case = self.root.reference_case()
        steps = tr.steps_in_order(case) if case is not None else []
        nxt = tr.next_hidden(case) if case is not None else None
        self.next_btn.disabled = nxt is None
        self.next_btn.description = (
            t("training.reveal.next_named", title=nxt.title) if nxt else t("training.reveal.all_open")
        )
        self.hide_all_btn.disabled = not any(s.revealed for s in steps)
        self.generate_btn.layout.display = "" if case is not None and not steps else "none"
        self.add_btn.disabled = case is None
        opened = [s for s in steps if s.revealed]
        kids = []
        for n, s in enumerate(steps, 1):
            if not s.revealed:
                continue
            paras = "".join(f"<p>{esc_lines(line)}</p>" for line in s.text.split("\n") if line.strip())
            kids.append(css(W.HTML(f"<h3>{n}. {esc(s.title)}</h3>{paras}"), "fac-tr-step-open"))
        self.open_box.children = kids or [css(W.HTML(esc(t("training.reveal.nothing_open"))), "fac-tr-hint")]
        self.open_title.value = esc(t("training.reveal.open_title_n", n=len(opened), total=len(steps)))
        rows = []
        for n, s in enumerate(steps, 1):
            state = t("training.reveal.state_open") if s.revealed else t("training.reveal.state_hidden")
            cls = "fac-tr-state-open" if s.revealed else "fac-tr-state-hidden"
            label = css(
                W.HTML(f"<b>{n}. {esc(s.title)}</b> <span class='fac-tr-state {cls}'>· {esc(state)}</span>"),
                "fac-tr-step-name",
            )
            toggle = button(
                t("training.reveal.hide") if s.revealed else t("training.reveal.show"), "fac-tr-step-toggle"
            )
            toggle.on_click(lambda _b, sid=s.id, rev=not s.revealed: self.set(sid, rev))
            drop = button("✕", "fac-tr-small", "fac-tr-step-remove", tooltip=t("training.reveal.remove"))
            drop.on_click(lambda _b, sid=s.id, b=drop: self.remove(sid, b))
            rows.append(css(W.HBox([label, toggle, drop]), "fac-tr-row"))
        if not rows:
            rows = [
                css(
                    W.HTML(esc(t("training.reveal.none") if case is not None else t("training.no_exercise"))),
                    "fac-tr-hint",
                )
            ]
        self.list_box.children = rows
        self._armed: str | None = None

    def set(self, step_id: str, revealed: bool) -> bool:
        key = "training.reveal.revealed" if revealed else "training.reveal.hidden"
        return self.root.apply_all(lambda case: tr.set_revealed(case, step_id, revealed), key)

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
            self.new_title.value = self.new_text.value = ""
        return ok

    def remove(self, step_id: str, btn: W.Button) -> bool:
        if getattr(self, "_armed", None) != step_id:
            self._armed = step_id
            btn.description = self.t("training.confirm")
            btn.add_class("fac-tr-danger")
            return False
        self._armed = None
        return self.root.apply_all(
            lambda c: tr.remove_record(c, "reveal", step_id, "training.edit.step_removed"), "training.reveal.removed"
        )
