"""Reflection rounds, conclusions and the team's next steps."""

from __future__ import annotations

import logging
from typing import Any

import ipywidgets as W

from ...domain import ops
from ...domain import reflecting as rt
from ...domain.case import Case
from ...domain.model import Meeting
from ..base import button, css, esc, esc_lines
from ..session import Event
from .parts import RtPart

log = logging.getLogger(__name__)


# ---- reflection rounds --------------------------------------------------------------------------


class RoundsView(RtPart):
    """Each team member reflects in turn; conclusions and next steps of the discussion."""

    _manual: str | None = None
    """A speaker the scribe picked by hand (out of turn); kept until their reflection is added or skipped."""
    _programmatic = False

    key = "rt-rounds"
    kinds = frozenset({"reflection", "item", "meeting", "person", "case"})

    def build(self) -> None:
        self.round_no = 1
        self._skipped: set[str] = set()
        self.turn = css(W.HTML(), "fac-rt-turn")
        self.speaker = css(W.Dropdown(options=[]), "fac-rt-speaker")
        self.speaker.observe(self._on_speaker, "value")
        self.text = css(W.Textarea(rows=3), "fac-rt-reflection")
        self.add_btn = button("", "fac-rt-add-reflection", style="primary")
        self.skip_btn = button("", "fac-rt-skip")
        self.new_round_btn = button("", "fac-rt-new-round")
        self.add_btn.on_click(lambda _b: self.add_reflection())
        self.skip_btn.on_click(lambda _b: self.skip())
        self.new_round_btn.on_click(lambda _b: self.new_round())
        self.speaker_label = W.Label()
        form = css(
            W.VBox(
                [
                    self.turn,
                    W.HBox([self.speaker_label, self.speaker]),
                    self.text,
                    W.HBox([self.add_btn, self.skip_btn, self.new_round_btn]),
                ]
            ),
            "fac-rt-form",
        )
        self.list_title = css(W.HTML(), "fac-rt-h")
        self.list_box = css(W.VBox(), "fac-rt-round-list")

        self.concl_title = css(W.HTML(), "fac-rt-h")
        self.concl_text = css(W.Textarea(rows=2), "fac-rt-conclusion")
        self.concl_btn = button("", "fac-rt-add-conclusion", style="primary")
        self.concl_btn.on_click(lambda _b: self.add_conclusion())
        self.concl_box = css(W.VBox(), "fac-rt-conclusions")
        self.steps_title = css(W.HTML(), "fac-rt-h")
        self.step_text = css(W.Textarea(rows=2), "fac-rt-step")
        self.step_btn = button("", "fac-rt-add-step", style="primary")
        self.step_btn.on_click(lambda _b: self.add_step())
        self.steps_box = css(W.VBox(), "fac-rt-steps")
        left = W.VBox([form, self.list_title, self.list_box])
        right = W.VBox(
            [
                self.concl_title,
                css(W.VBox([self.concl_text, self.concl_btn]), "fac-rt-form"),
                self.concl_box,
                self.steps_title,
                css(W.VBox([self.step_text, self.step_btn]), "fac-rt-form"),
                self.steps_box,
            ]
        )
        self.empty = css(W.HTML(), "fac-rt-hint")
        self.body = css(W.HBox([left, right]), "fac-rt-two")
        self.widget.children = [self.empty, self.body]
        self._for_meeting: str | None = None

    @property
    def title(self) -> str:
        return self.t("reflecting.tab.rounds")

    def relabel(self) -> None:
        t = self.t
        self.speaker_label.value = t("reflecting.speaker")
        self.text.placeholder = t("reflecting.reflection_ph")
        self.add_btn.description = t("reflecting.add_reflection")
        self.skip_btn.description = t("reflecting.skip")
        self.skip_btn.tooltip = t("reflecting.skip_tip")
        self.new_round_btn.description = t("reflecting.new_round")
        self.list_title.value = esc(t("reflecting.rounds.title"))
        self.concl_title.value = esc(t("reflecting.conclusions.title"))
        self.concl_text.placeholder = t("reflecting.conclusion_ph")
        self.concl_btn.description = t("reflecting.add_conclusion")
        self.steps_title.value = esc(t("reflecting.next_steps.title"))
        self.step_text.placeholder = t("reflecting.step_ph")
        self.step_btn.description = t("reflecting.add_step")
        self.empty.value = esc(t("reflecting.no_meeting"))

    def refresh(self, event: Event) -> None:
        shown, m = self.shown, self.meeting
        self.body.layout.display = "none" if m is None else ""
        self.empty.layout.display = "" if m is None else "none"
        if shown is None or m is None:
            return
        if self._for_meeting != m.id:
            self._for_meeting = m.id
            self.round_no = rt.last_round(shown, m.id)
            self._skipped.clear()
        self.round_no = max(self.round_no, rt.last_round(shown, m.id))
        team = rt.team(shown, m)
        nxt = rt.next_speaker(shown, m, self.round_no, frozenset(self._skipped))
        options = [(shown.name_of(pid), pid) for pid in team]
        self._programmatic = True
        try:
            if list(self.speaker.options) != options:
                self.speaker.options = options
            if self._manual in team:
                # Someone chosen out of turn stays chosen while they speak (a sync must not switch the speaker).
                self.speaker.value = self._manual
            elif nxt is not None:
                self.speaker.value = nxt
        finally:
            self._programmatic = False
        if nxt is not None:
            self.turn.value = esc(self.t("reflecting.turn", round=self.round_no, name=shown.name_of(nxt)))
        else:
            self.turn.value = esc(
                self.t("reflecting.round_done", round=self.round_no) if team else self.t("reflecting.no_team")
            )
        for w in (self.add_btn, self.skip_btn, self.speaker):
            w.disabled = not team
        self.skip_btn.disabled = nxt is None
        self.list_box.children = self._round_rows(shown, m)
        self.concl_box.children = self._rows(
            shown, rt.reflections(shown, m.id, conclusions=True), "reflection", numbered=True
        )
        self.steps_box.children = self._rows(shown, rt.meeting_next_steps(shown, m.id), "step", numbered=True)

    def _round_rows(self, shown: Case, m: Meeting) -> list[W.Widget]:
        kids: list[W.Widget] = []
        for n, refl in rt.rounds(shown, m.id).items():
            kids.append(css(W.HTML(esc(self.t("reflecting.round_n", n=n))), "fac-rt-round-title"))
            kids += self._rows(shown, refl, "reflection")
        if not kids:
            kids = [css(W.HTML(esc(self.t("reflecting.rounds.none"))), "fac-rt-hint")]
        return kids

    def _rows(self, shown: Case, records: list[Any], kind: str, numbered: bool = False) -> list[W.Widget]:
        rows: list[W.Widget] = []
        for n, r in enumerate(records, 1):
            who = ""
            if kind == "reflection" and not r.is_conclusion and not r.is_next_step:
                who = f"<b>{esc(shown.name_of(r.author, self.t('reflecting.export.team')))}:</b> "
            num = f"<b>{n}.</b> " if numbered else ""
            text = css(W.HTML(f"{num}{who}{esc_lines(r.text)}"), "fac-rt-refl-text")
            drop = button("✕", "fac-x", f"fac-rt-remove-{kind}", tooltip=self.t("reflecting.remove"))
            if kind == "item":
                drop.on_click(lambda _b, rid=r.id: self.do(lambda case: ops.delete_item(case, rid)))
            else:  # a reflection, a conclusion or a next step of the team
                drop.on_click(
                    lambda _b, rid=r.id: self.do(
                        lambda case: ops.delete(case, "reflection", rid, "reflecting.edit.remove_reflection")
                    )
                )
            rows.append(css(W.HBox([text, drop]), "fac-rt-refl"))
        if not rows and kind == "step":
            rows.append(css(W.HTML(esc(self.t("reflecting.next_steps.none"))), "fac-rt-hint"))
        elif not rows and numbered:
            rows.append(css(W.HTML(esc(self.t("reflecting.conclusions.none"))), "fac-rt-hint"))
        return rows

    def _on_speaker(self, change: dict[str, Any]) -> None:
        if not self._programmatic:
            self._manual = change["new"] or None

    def add_reflection(self) -> bool:
        m = self.meeting
        if m is None:
            return False
        author = self.speaker.value or None
        text, round_no = self.text.value, self.round_no
        manual, self._manual = self._manual, None
        ok = self.do(lambda case: rt.add_reflection(case, m.id, text, author, round_no)[0])
        if not ok:
            self._manual = manual
        if ok:
            self.text.value = ""
            self._skipped.discard(author or "")
        return ok

    def skip(self) -> None:
        self._manual = None
        if self.speaker.value:
            self._skipped.add(self.speaker.value)
        self.refresh(Event("mode"))

    def new_round(self) -> None:
        m = self.meeting
        if m is None or self.shown is None:
            return
        if not rt.spoken(self.shown, m.id, self.round_no):
            self.root.say(self.t("reflecting.round_empty", round=self.round_no), "info")
            return
        self.round_no += 1
        self._manual = None
        self._skipped.clear()
        self.root.say(self.t("reflecting.round_started", round=self.round_no), "ok")
        self.refresh(Event("mode"))

    def add_conclusion(self) -> bool:
        m = self.meeting
        if m is None:
            return False
        text, round_no = self.concl_text.value, self.round_no
        ok = self.do(lambda case: rt.add_reflection(case, m.id, text, None, round_no, conclusion=True)[0])
        if ok:
            self.concl_text.value = ""
        return ok

    def add_step(self) -> bool:
        m = self.meeting
        if m is None:
            return False
        text = self.step_text.value
        ok = self.do(lambda case: rt.add_next_step(case, m.id, text)[0])
        if ok:
            self.step_text.value = ""
        return ok
