"""Running the meeting: the course as phases with clocks, projection, blank screen; the review of each
agreement (interim evaluation, second network meeting); who is present; the six weeks as a timeline."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import ipywidgets as W

from ...domain import ops, trajectory
from ...domain.errors import FacilitationError, ValidationError
from ...domain.plan import set_review
from ...domain.snapshots import go_to_phase
from ...domain.trajectory import REVIEW_PHASE, agenda_of, part_for, standard_agenda
from ...export.common import long_date
from ..base import PartView, Rows, button, css
from ..datefield import DateField
from . import state as _state
from .attendance import Attendance
from .present import phase_label, phase_title_html, step_options, timeline_html
from .review import ReviewCard, review_labels, to_review
from .state import MeetingState, meeting_state
from .widgets import BlankScreen, ClockView


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _epoch_ms(iso: str) -> int:
    if not iso:
        return 0
    try:
        return int(datetime.fromisoformat(iso).timestamp() * 1000)
    except ValueError:
        return 0


class MeetingFlowView(PartView[MeetingState]):
    """The course of the meeting (tab) and the phase bar above every part."""

    key = "meeting"
    kinds = frozenset({"meeting", "case", "person", "step", "agreement", "review", "item"})

    # ---- building ----------------------------------------------------------------------------------

    def build(self) -> None:
        self._review_index = 0
        self._note_for: str | None = None
        self._note_loaded = ""
        self._build_phasebar()
        self._build_review()
        self._build_timeline()
        self._build_attendance()
        self._build_agenda()
        self.note_title = css(self.text(W.HTML(), "meeting.note", "value", html=True), "fac-section-title")
        self.note_title.add_class("fac-professional-only")
        self.note = css(W.Textarea(continuous_update=False), "fac-note", "fac-professional-only")
        self.text(self.note, "meeting.note_ph", "placeholder")
        self.on(self.note, self._on_note)
        self.widget.children = [
            self.review_box,
            self.timeline_box,
            self.attendance_box,
            self.agenda_section,
            self.note_title,
            self.note,
        ]

    def _build_phasebar(self) -> None:
        t = self.text
        self.prev_btn = t(button("◀", "fac-prev-phase", "fac-small"), "meeting.prev_phase", "tooltip")
        self.phase_title = css(W.HTML(), "fac-phase-title")
        self.next_btn = t(button("", "fac-next-phase", style="primary"), "meeting.next_phase")
        self.start_btn = t(button("", "fac-start-meeting", style="success"), "meeting.start")
        self.phase_clock = t(ClockView(), "meeting.clock_phase", "label")
        self.total_clock = t(ClockView(), "meeting.clock_total", "label")
        self.projection = css(W.ToggleButton(value=False), "fac-projection-toggle")
        t(self.projection, "meeting.projection")
        t(self.projection, "meeting.projection_tip", "tooltip")
        self.blank_btn = t(button("", "fac-blank-btn"), "meeting.blank")
        t(self.blank_btn, "meeting.blank_tip", "tooltip")
        self.blank = t(BlankScreen(), "meeting.blank_hint", "hint")
        bar = [self.prev_btn, self.phase_title, self.next_btn, self.start_btn, self.phase_clock, self.total_clock]
        self.top_bar = css(W.HBox([*bar, self.projection, self.blank_btn, self.blank]), "fac-phasebar")
        self.prev_btn.on_click(lambda _b: self.step(-1))
        self.next_btn.on_click(lambda _b: self.step(+1))
        self.start_btn.on_click(lambda _b: self.start())
        self.on(self.projection, lambda v: self.session.set_projection(bool(v)))
        self.blank_btn.on_click(lambda _b: self._toggle_blank())

    def _build_review(self) -> None:
        title = css(self.text(W.HTML(), "reviewui.title", "value", html=True), "fac-section-title")
        intro = css(self.text(W.HTML(), "reviewui.intro", "value", html=True), "fac-meeting-hint")
        self.review = ReviewCard(labels=review_labels(self.t))
        self.review.on_save(self._on_review_save)
        self.review.on_goto(self._on_review_goto)
        self.review_box = css(W.VBox([title, intro, self.review]), "fac-review-box")

    def _build_timeline(self) -> None:
        title = css(self.text(W.HTML(), "meeting.timeline", "value", html=True), "fac-section-title")
        self.timeline = css(W.HTML(), "fac-timeline")
        step_title = css(self.text(W.HTML(), "meeting.step.title", "value", html=True), "fac-subsection-title")
        self.step_pick = css(W.Dropdown(options=[("", "")], value=""), "fac-step-pick")
        self.text(self.step_pick, "meeting.step.pick")
        self.step_date = DateField(self.t, None, "fac-step-date")
        self.text(self.step_date.input, "meeting.step.on")
        self.step_done = self.text(button("", "fac-step-done", style="success"), "meeting.step.done")
        self.step_move = self.text(button("", "fac-step-move"), "meeting.step.move")
        self.step_undone = self.text(button("", "fac-step-undone"), "meeting.step.undone")
        self.step_reset = self.text(button("", "fac-step-reset"), "meeting.step.reset")
        self.step_hint = css(self.text(W.HTML(), "meeting.step.meeting_hint", "value", html=True), "fac-meeting-hint")
        self.step_done.on_click(lambda _b: self.mark_step_done())
        self.step_move.on_click(lambda _b: self.move_step())
        self.step_undone.on_click(lambda _b: self.mark_step_not_done())
        self.step_reset.on_click(lambda _b: self.reset_step())
        self.on(self.step_pick, lambda _v: self._show_step_hint())
        buttons = css(W.HBox([self.step_done, self.step_move, self.step_undone, self.step_reset]), "fac-step-buttons")
        editor = css(
            W.VBox(
                [step_title, css(W.HBox([self.step_pick, self.step_date]), "fac-step-fields"), buttons, self.step_hint]
            ),
            "fac-step-editor",
            "fac-professional-only",
        )
        self.timeline_box = css(W.VBox([title, self.timeline, editor]), "fac-timeline-box")

    def _build_attendance(self) -> None:
        title = css(self.text(W.HTML(), "meeting.present.title", "value", html=True), "fac-section-title")
        self.attendance = Attendance()
        self.on(self.attendance, self._on_present)
        self.attendance_box = css(W.VBox([title, self.attendance]), "fac-attendance-box")

    def _build_agenda(self) -> None:
        title = css(self.text(W.HTML(), "meeting.agenda", "value", html=True), "fac-section-title")
        self.agenda_box = css(W.VBox(), "fac-agenda")
        self.new_phase = css(W.Text(continuous_update=False), "fac-new-phase")
        self.text(self.new_phase, "meeting.new_phase_ph", "placeholder")
        self.add_phase_btn = self.text(button("", "fac-add-phase"), "meeting.add_phase")
        self.reset_agenda_btn = self.text(button("", "fac-reset-agenda"), "meeting.reset_agenda")
        # Enter (or leaving the field) adds the phase: continuous_update=False sends the value then.
        self.on(self.new_phase, self._phase_typed)
        self.add_phase_btn.on_click(lambda _b: self.add_phase())
        self.reset_agenda_btn.on_click(lambda _b: self.reset_agenda())
        self._agenda_rows: Rows[tuple[int, str], tuple[int, str, bool, str]] = Rows(
            self._make_agenda_row, self._redraw_agenda_row
        )
        add = css(W.HBox([self.new_phase, self.add_phase_btn, self.reset_agenda_btn]), "fac-agenda-add")
        self.agenda_section = css(W.VBox([title, self.agenda_box, add]), "fac-agenda-section")

    def _make_agenda_row(self, row: tuple[int, str, bool, str]) -> W.Widget:
        n = row[0]
        jump = button("", "fac-phase-jump")
        jump.on_click(lambda _b: self.go(n))
        up = button("↑", "fac-small", "fac-phase-up")
        down = button("↓", "fac-small", "fac-phase-down")
        drop = button("✕", "fac-small", "fac-phase-remove")
        up.on_click(lambda _b: self.move_phase(n, -1))
        down.on_click(lambda _b: self.move_phase(n, +1))
        drop.on_click(lambda _b: self.remove_phase(n))
        box = css(W.HBox([jump, up, down, drop]), "fac-agenda-row")
        self._redraw_agenda_row(box, row)
        return box

    def _redraw_agenda_row(self, box: W.Widget, row: tuple[int, str, bool, str]) -> None:
        n, phase, current, _lang = row
        jump, up, down, drop = box.children  # type: ignore[attr-defined]
        jump.description = f"{n + 1}. {phase_label(self.t, phase)}"
        jump.tooltip = jump.description
        if current:
            jump.add_class("fac-phase-current")
        else:
            jump.remove_class("fac-phase-current")
        up.tooltip, down.tooltip, drop.tooltip = (
            self.t(k) for k in ("meeting.up", "meeting.down", "meeting.remove_phase")
        )

    # ---- showing -----------------------------------------------------------------------------------

    def state(self) -> MeetingState:
        return meeting_state(self.session, self._review_index)

    def show(self, state: MeetingState, previous: MeetingState | None) -> None:
        m = state.meeting
        for w in (self.prev_btn, self.next_btn, self.start_btn, self.add_phase_btn, self.reset_agenda_btn, self.note):
            w.disabled = m is None
        self.phase_title.value = phase_title_html(self.t, state)
        self.set_quietly(self.projection, value=state.projection)
        self.attendance.disabled = m is None
        if m is None:
            self.phase_clock.since_ms = self.total_clock.since_ms = 0
            self.agenda_box.children = []
        else:
            i = state.current
            self.prev_btn.disabled = i == 0
            self.next_btn.disabled = i >= len(state.agenda) - 1
            self.start_btn.layout.display = "none" if m.started_at else ""
            self.phase_clock.since_ms = _epoch_ms(m.phase_started_at)
            self.total_clock.since_ms = _epoch_ms(m.started_at)
            rows = [((n, p), (n, p, n == i, state.lang)) for n, p in enumerate(state.agenda)]
            self.agenda_box.children = self._agenda_rows.widgets(rows)
        self._show_review(state, previous)
        self.timeline.value = timeline_html(self.t, state)
        self._show_steps(state)
        if previous is None or previous.people != state.people or previous.lang != state.lang:
            self.attendance.show_people(self.case, self.t)
        self.set_quietly(self.attendance, value=tuple(p for p in (m.present if m else ()) if p in self.case.people))
        self._show_note(state, previous)

    def _show_review(self, state: MeetingState, previous: MeetingState | None) -> None:
        self.review_box.layout.display = "" if state.reviewing else "none"
        # In the review phase the card comes first; otherwise the trajectory does (looking back, explaining).
        first = (
            [self.review_box, self.timeline_box]
            if state.meeting is not None and state.agenda[state.current] == REVIEW_PHASE
            else [self.timeline_box, self.review_box]
        )
        order = (*first, self.attendance_box, self.agenda_section, self.note_title, self.note)
        if tuple(self.widget.children) != order:
            self.widget.children = order
        if previous is None or previous.lang != state.lang:
            self.review.labels = review_labels(self.t)
        if state.reviewing and dict(state.review) != self.review.card:
            self.review.card = dict(state.review)

    def _show_steps(self, state: MeetingState) -> None:
        options = step_options(self.t, state) or [("", "")]
        keys = [v for _, v in options]
        self.set_quietly(
            self.step_pick, options=options, value=self.step_pick.value if self.step_pick.value in keys else keys[0]
        )
        self.step_date.relabel()
        if self.step_date.value is None and self.step_date.ok:
            self.set_quietly(self.step_date, value=state.today.isoformat())
        for w in (self.step_pick, self.step_date.input, self.step_done, self.step_move, self.step_undone):
            w.disabled = state.start is None
        self.step_reset.disabled = state.start is None
        self._show_step_hint()

    def _show_step_hint(self) -> None:
        step = trajectory.STEP_BY_KEY.get(self.step_pick.value)
        self.step_hint.layout.display = "" if step is not None and step.kind == "meeting" else "none"

    def _show_note(self, state: MeetingState, previous: MeetingState | None) -> None:
        m = state.meeting
        if m is None:
            return
        if self._note_for != m.id or previous is None or previous.meeting is None or previous.meeting.id != m.id:
            self._note_for = m.id
            self._set_note(m.professional_note)
        elif m.professional_note != self._note_loaded and self.note.value == self._note_loaded:
            # Changed elsewhere (another screen, an undo) and nobody is typing in it here: show what is stored.
            self._set_note(m.professional_note)

    def _set_note(self, value: str) -> None:
        self._note_loaded = value
        self.set_quietly(self.note, value=value)

    # ---- the course --------------------------------------------------------------------------------

    def _update(self, **fields: Any) -> bool:
        m = self.session.meeting
        if m is None:
            return False
        return self.session.do(lambda case: ops.update(case, "meeting", m.id, "edit.phase", **fields))

    def start(self) -> bool:
        now = _now_iso()
        return self._update(started_at=now, phase_started_at=now)

    def go(self, n: int) -> bool:
        """Jump to phase ``n`` and show the part it needs."""
        m = self.session.meeting
        if m is None:
            return False
        agenda = agenda_of(m)
        n = max(0, min(n, len(agenda) - 1))
        now, today = _now_iso(), date.today().isoformat()
        ok = self.session.do(lambda case: go_to_phase(case, m.id, n, now, today))  # closing: the map kept
        if ok:
            self.session.show_part(part_for(agenda[n]))
        return ok

    def step(self, delta: int) -> bool:
        m = self.session.meeting
        return self.go(m.phase + delta) if m is not None else False

    def _set_agenda(self, agenda: list[str], phase: int | None = None) -> bool:
        m = self.session.meeting
        if m is None:
            return False
        if not agenda:
            agenda = list(standard_agenda(m.kind))
        fields: dict[str, Any] = {"agenda": tuple(agenda)}
        fields["phase"] = max(0, min(m.phase if phase is None else phase, len(agenda) - 1))
        return self._update(**fields)

    def _phase_typed(self, value: str) -> None:
        if value.strip():
            self.add_phase()

    def add_phase(self) -> bool:
        title = self.new_phase.value.strip()
        if not title:
            self.session.fail(ValidationError("meeting.agenda", "empty"))
            return False
        m = self.session.meeting
        if m is None:
            return False
        ok = self._set_agenda([*agenda_of(m), title[:200]])
        if ok:
            self.set_quietly(self.new_phase, value="")
        return ok

    def move_phase(self, n: int, step: int) -> bool:
        m = self.session.meeting
        if m is None:
            return False
        agenda = list(agenda_of(m))
        j = n + step
        if not 0 <= j < len(agenda):
            return False
        agenda[n], agenda[j] = agenda[j], agenda[n]
        current = {n: j, j: n}.get(m.phase, m.phase)
        return self._set_agenda(agenda, current)

    def remove_phase(self, n: int) -> bool:
        m = self.session.meeting
        if m is None:
            return False
        agenda = list(agenda_of(m))
        if len(agenda) <= 1:
            return False
        del agenda[n]
        current = m.phase - 1 if n < m.phase else m.phase
        return self._set_agenda(agenda, current)

    def reset_agenda(self) -> bool:
        m = self.session.meeting
        return self._set_agenda(list(standard_agenda(m.kind if m else "network_meeting")), 0)

    # ---- who is present ----------------------------------------------------------------------------

    def _on_present(self, value: Any) -> None:
        m = self.session.meeting
        if m is None:
            return
        ids = tuple(p for p in value if self.case is not None and p in self.case.people)
        if ids != m.present and not self.session.do(
            lambda case: ops.update(case, "meeting", m.id, "edit.present", present=ids)
        ):
            self.update(force=True)  # nothing stored: show what is

    # ---- reviewing the agreements ------------------------------------------------------------------

    def _on_review_goto(self, index: int) -> None:
        self._review_index = max(0, index)
        self.update()

    def _on_review_save(self, status: str, note: str, said_by: str) -> None:
        self.save_review(status, note, said_by or None)

    def save_review(self, status: str, note: str = "", said_by: str | None = None) -> bool:
        """Store how the agreement on the card is doing, and show the next one."""
        s = self.session
        m = s.meeting
        if m is None or s.case is None:
            return False
        agreements = to_review(s.case, m)
        if not agreements:
            return False
        index = max(0, min(self._review_index, len(agreements) - 1))
        if not status:
            s.set_status(self.t("reviewui.status_needed"), "error")
            return False
        a = agreements[index]
        if not s.do(lambda case: set_review(case, a.id, m.id, status, note, said_by)):
            return False
        s.set_status(self.t("reviewui.saved", n=index + 1, status=self.t(f"review.{status}")), "ok")
        self._review_index = min(index + 1, len(agreements) - 1)
        self.update()
        return True

    # ---- the six weeks -----------------------------------------------------------------------------

    def _picked(self) -> tuple[str, str] | None:
        key = self.step_pick.value
        if not key:
            return None
        return key, self.t(trajectory.STEP_BY_KEY[key].what_key)

    def _step_edit(self, make: Any, message: str) -> bool:
        picked = self._picked()
        if picked is None:
            return False
        key, what = picked
        when = self.step_date.value
        try:
            ok = self.session.do(lambda case: make(case, key, when))
        except FacilitationError as e:  # pragma: no cover - session.do turns these into a status message
            self.session.fail(e)
            return False
        if ok:
            on = long_date(self.session.lang, when) if when else ""
            self.session.set_status(self.t(message, what=what, date=on), "ok")
        return ok

    def _date_refused(self) -> bool:
        """A typo in the date: its message, and nothing is stored."""
        if self.step_date.problem():
            self.session.set_status(self.step_date.problem(), "error")
            return True
        return False

    def mark_step_done(self) -> bool:
        if self._date_refused():
            return False
        if self.step_date.value is None:
            self.session.set_status(self.t("meeting.step.date_needed"), "error")
            return False
        today = _state.today()
        return self._step_edit(lambda c, k, d: trajectory.mark_done(c, k, d, today), "meeting.step.marked")

    def move_step(self) -> bool:
        if self._date_refused():
            return False
        if self.step_date.value is None:
            self.session.set_status(self.t("meeting.step.date_needed"), "error")
            return False
        return self._step_edit(trajectory.plan_step, "meeting.step.moved_to")

    def mark_step_not_done(self) -> bool:
        return self._step_edit(lambda c, k, _d: trajectory.mark_not_done(c, k), "meeting.step.cleared")

    def reset_step(self) -> bool:
        return self._step_edit(lambda c, k, _d: trajectory.plan_step(c, k, None), "meeting.step.back")

    # ---- the professionals' note -------------------------------------------------------------------

    def _on_note(self, value: str) -> None:
        m = self.session.meeting
        if m is None or value == m.professional_note:
            return
        if m.professional_note != self._note_loaded:
            # Changed on another screen since it was shown here: say so, keep what was typed.
            self._note_loaded = m.professional_note
            self.session.set_status(self.t("shell.edit_conflict"), "error")
            return
        if self._update(professional_note=value):
            self._note_loaded = value
        elif self.session.meeting is not None:
            # Not stored: keep what was typed. If someone else was first, say so; saving again replaces theirs.
            stored = self.session.meeting.professional_note
            if stored != self._note_loaded:
                self.session.set_status(self.t("shell.edit_conflict"), "error")
            self._note_loaded = stored

    def _toggle_blank(self) -> None:
        self.blank.blank = not self.blank.blank
