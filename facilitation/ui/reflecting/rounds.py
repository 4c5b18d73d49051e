"""Reflection rounds, conclusions and the team's next steps."""

from __future__ import annotations

import ipywidgets as W

from ...domain import ops
from ...domain import reflecting as rt
from ..base import Rows, button, css, esc
from .parts import RtView
from .present import said_html, turn_text
from .state import RoundsState, Said, rounds_state

Row = tuple[Said, int | None, str, str]
"""A row of what was said: the words, their number (conclusions, steps), its kind, the remove button's tip."""


# ---- reflection rounds --------------------------------------------------------------------------


class RoundsView(RtView[RoundsState]):
    """Each team member reflects in turn; conclusions and next steps of the discussion."""

    key = "rt-rounds"
    kinds = frozenset({"reflection", "item", "meeting", "person", "case"})

    def build(self) -> None:
        self.round_no = 1
        self._skipped: set[str] = set()
        self._manual: str | None = None
        """A speaker the scribe picked by hand (out of turn); kept until their reflection is added or skipped."""
        self._for_meeting: str | None = None
        self._round_titles: dict[int, W.HTML] = {}
        self._rows = {box: Rows[str, Row](self._make_row, self._redraw_row) for box in ("rounds", "concl", "steps")}
        self.turn = css(W.HTML(), "fac-rt-turn")
        self.speaker = css(W.Dropdown(options=[]), "fac-rt-speaker")
        self.on(self.speaker, self._on_speaker)
        self.reflection = self.text(
            css(W.Textarea(rows=3), "fac-rt-reflection"), "reflecting.reflection_ph", "placeholder"
        )
        self.add_btn = self.text(button("", "fac-rt-add-reflection", style="primary"), "reflecting.add_reflection")
        self.skip_btn = self.text(button("", "fac-rt-skip"), "reflecting.skip")
        self.text(self.skip_btn, "reflecting.skip_tip", "tooltip")
        self.new_round_btn = self.text(button("", "fac-rt-new-round"), "reflecting.new_round")
        self.add_btn.on_click(lambda _b: self.add_reflection())
        self.skip_btn.on_click(lambda _b: self.skip())
        self.new_round_btn.on_click(lambda _b: self.new_round())
        speaker_label = self.text(W.Label(), "reflecting.speaker", "value")
        form = css(
            W.VBox(
                [
                    self.turn,
                    W.HBox([speaker_label, self.speaker]),
                    self.reflection,
                    W.HBox([self.add_btn, self.skip_btn, self.new_round_btn]),
                ]
            ),
            "fac-rt-form",
        )
        self.list_box = css(W.VBox(), "fac-rt-round-list")
        self.concl_text = self.text(
            css(W.Textarea(rows=2), "fac-rt-conclusion"), "reflecting.conclusion_ph", "placeholder"
        )
        self.concl_btn = self.text(button("", "fac-rt-add-conclusion", style="primary"), "reflecting.add_conclusion")
        self.concl_btn.on_click(lambda _b: self.add_conclusion())
        self.concl_box = css(W.VBox(), "fac-rt-conclusions")
        self.step_text = self.text(css(W.Textarea(rows=2), "fac-rt-step"), "reflecting.step_ph", "placeholder")
        self.step_btn = self.text(button("", "fac-rt-add-step", style="primary"), "reflecting.add_step")
        self.step_btn.on_click(lambda _b: self.add_step())
        self.steps_box = css(W.VBox(), "fac-rt-steps")
        self.none = {
            box: self.text(css(W.HTML(), "fac-rt-hint"), key, "value", html=True)
            for box, key in (
                ("rounds", "reflecting.rounds.none"),
                ("concl", "reflecting.conclusions.none"),
                ("steps", "reflecting.next_steps.none"),
            )
        }
        left = W.VBox([form, self._heading("reflecting.rounds.title"), self.list_box])
        right = W.VBox(
            [
                self._heading("reflecting.conclusions.title"),
                css(W.VBox([self.concl_text, self.concl_btn]), "fac-rt-form"),
                self.concl_box,
                self._heading("reflecting.next_steps.title"),
                css(W.VBox([self.step_text, self.step_btn]), "fac-rt-form"),
                self.steps_box,
            ]
        )
        self.empty = self.text(css(W.HTML(), "fac-rt-hint"), "reflecting.no_meeting", "value", html=True)
        self.body = css(W.HBox([left, right]), "fac-rt-two")
        self.widget.children = [self.empty, self.body]

    def _heading(self, key: str) -> W.HTML:
        return self.text(css(W.HTML(), "fac-rt-h"), key, "value", html=True)  # type: ignore[return-value]

    @property
    def title(self) -> str:
        return self.t("reflecting.tab.rounds")

    # ---- rendering -----------------------------------------------------------------------------

    def state(self) -> RoundsState:
        shown, m = self.shown, self.meeting
        if m is not None:
            if self._for_meeting != m.id:  # another meeting: its own rounds, nobody skipped
                self._for_meeting = m.id
                self.round_no = rt.last_round(shown, m.id)
                self._skipped.clear()
            self.round_no = max(self.round_no, rt.last_round(shown, m.id))
        return rounds_state(
            shown,
            m,
            self.session.lang,
            self.round_no,
            frozenset(self._skipped),
            self._manual,
            self.t("reflecting.export.team"),
        )

    def show(self, state: RoundsState, previous: RoundsState | None) -> None:
        m = state.meeting
        self.body.layout.display = "none" if m is None else ""
        self.empty.layout.display = "" if m is None else "none"
        if m is None:
            return
        options = list(state.team)
        with self.quietly():
            if list(self.speaker.options) != options:
                self.speaker.options = options
            if state.speaker is not None:
                # Someone chosen out of turn stays chosen while they speak (a sync must not switch the speaker).
                self.speaker.value = state.speaker
        self.turn.value = esc(turn_text(self.t, state))
        for w in (self.add_btn, self.speaker):
            w.disabled = not state.team
        self.skip_btn.disabled = not state.team or state.next is None
        remove = self.t("reflecting.remove")
        self._fill_rounds(state, remove)
        self._fill(
            self.concl_box, "concl", [(s.id, (s, n, "reflection", remove)) for n, s in enumerate(state.conclusions, 1)]
        )
        self._fill(self.steps_box, "steps", [(s.id, (s, n, "step", remove)) for n, s in enumerate(state.steps, 1)])

    def _fill_rounds(self, state: RoundsState, remove: str) -> None:
        """Round by round, its title, then each reflection with who gave it."""
        rows = [(s.id, (s, None, "reflection", remove)) for _n, refl in state.rounds for s in refl]
        widgets = iter(self._rows["rounds"].widgets(rows))
        kids: list[W.Widget] = []
        for n, refl in state.rounds:
            title = self._round_titles.get(n)
            if title is None:
                title = self._round_titles[n] = css(W.HTML(), "fac-rt-round-title")
            title.value = esc(self.t("reflecting.round_n", n=n))
            kids.append(title)
            kids += [next(widgets) for _ in refl]
        self._show_rows(self.list_box, "rounds", kids)

    def _fill(self, box: W.Box, name: str, rows: list[tuple[str, Row]]) -> None:
        self._show_rows(box, name, self._rows[name].widgets(rows))

    def _show_rows(self, box: W.Box, name: str, kids: list[W.Widget]) -> None:
        box.children = kids or [self.none[name]]
        for gone in self._rows[name].take_gone():  # no longer on the page: closed, with what they hold
            for w in (*gone.children, gone):
                w.close()

    def _make_row(self, row: Row) -> W.Widget:
        said, n, kind, remove = row
        text = css(W.HTML(said_html(said, n)), "fac-rt-refl-text")
        drop = button("✕", "fac-x", f"fac-rt-remove-{kind}", tooltip=remove)
        drop.on_click(
            lambda _b: self.do(
                lambda case: ops.delete(case, "reflection", said.id, "reflecting.edit.remove_reflection")
            )
        )
        return css(W.HBox([text, drop]), "fac-rt-refl")

    def _redraw_row(self, widget: W.Widget, row: Row) -> None:
        said, n, _kind, remove = row
        text, drop = widget.children
        text.value = said_html(said, n)
        drop.tooltip = remove

    # ---- what the user does --------------------------------------------------------------------

    def _on_speaker(self, pid: str | None) -> None:
        self._manual = pid or None

    def add_reflection(self) -> bool:
        m = self.meeting
        if m is None:
            return False
        author = self.speaker.value or None
        text, round_no = self.reflection.value, self.round_no
        manual, self._manual = self._manual, None
        ok = self.do(lambda case: rt.add_reflection(case, m.id, text, author, round_no)[0])
        if not ok:
            self._manual = manual
        if ok:
            self.reflection.value = ""
            self._skipped.discard(author or "")
        return ok

    def skip(self) -> None:
        self._manual = None
        if self.speaker.value:
            self._skipped.add(self.speaker.value)
        self.update()

    def new_round(self) -> None:
        m = self.meeting
        if m is None or self.session.case is None:
            return
        if not rt.spoken(self.shown, m.id, self.round_no):
            self.root.say(self.t("reflecting.round_empty", round=self.round_no), "info")
            return
        self.round_no += 1
        self._manual = None
        self._skipped.clear()
        self.root.say(self.t("reflecting.round_started", round=self.round_no), "ok")
        self.update()

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
