"""Running the meeting: the agenda as phases with clocks, projection mode, blank screen, the timeline."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import ipywidgets as W

from ...domain import ops
from ...domain.trajectory import STANDARD_AGENDA, agenda_of, day_number, milestones, next_due, part_for
from ..base import Part, button, css, esc
from ..session import Event
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


class MeetingFlowView(Part):
    """The course of the meeting (tab) and the phase bar above every part."""

    key = "meeting"
    kinds = frozenset({"meeting", "case"})

    def build(self) -> None:
        # Phase bar, shown above the tabs by the shell.
        self.prev_btn = button("◀", "fac-prev-phase", "fac-small")
        self.phase_title = css(W.HTML(), "fac-phase-title")
        self.next_btn = button("", "fac-next-phase", style="primary")
        self.start_btn = button("", "fac-start-meeting", style="success")
        self.phase_clock = ClockView()
        self.total_clock = ClockView()
        self.projection = css(W.ToggleButton(value=False), "fac-projection-toggle")
        self.blank_btn = button("", "fac-blank-btn")
        self.blank = BlankScreen()
        self.top_bar = css(
            W.HBox(
                [
                    self.prev_btn,
                    self.phase_title,
                    self.next_btn,
                    self.start_btn,
                    self.phase_clock,
                    self.total_clock,
                    self.projection,
                    self.blank_btn,
                    self.blank,
                ]
            ),
            "fac-phasebar",
        )
        self.prev_btn.on_click(lambda _b: self.step(-1))
        self.next_btn.on_click(lambda _b: self.step(+1))
        self.start_btn.on_click(lambda _b: self.start())
        self.projection.observe(lambda ch: self.session.set_projection(bool(ch["new"])), "value")
        self.blank_btn.on_click(lambda _b: self._toggle_blank())

        # The tab: agenda, timeline, professional note.
        self.agenda_title = css(W.HTML(), "fac-section-title")
        self.agenda_box = css(W.VBox(), "fac-agenda")
        self.new_phase = css(W.Text(continuous_update=False), "fac-new-phase")
        self.add_phase_btn = button("", "fac-add-phase")
        self.reset_agenda_btn = button("", "fac-reset-agenda")
        # Enter (or leaving the field) adds the phase: continuous_update=False sends the value then.
        self.new_phase.observe(lambda ch: self.add_phase() if ch["new"].strip() else None, "value")
        self.add_phase_btn.on_click(lambda _b: self.add_phase())
        self.reset_agenda_btn.on_click(lambda _b: self.reset_agenda())
        self.timeline_title = css(W.HTML(), "fac-section-title")
        self.timeline = css(W.HTML(), "fac-timeline")
        self.note_title = css(W.HTML(), "fac-section-title", "fac-professional-only")
        self.note = css(W.Textarea(continuous_update=False), "fac-note", "fac-professional-only")
        self.note.observe(self._on_note, "value")
        self.widget.children = [
            self.agenda_title,
            self.agenda_box,
            W.HBox([self.new_phase, self.add_phase_btn, self.reset_agenda_btn]),
            self.timeline_title,
            self.timeline,
            self.note_title,
            self.note,
        ]
        self._note_for: str | None = None
        self._note_loaded = ""

    # ---- texts -----------------------------------------------------------------------------------

    def relabel(self) -> None:
        t = self.t
        self.next_btn.description = t("meeting.next_phase")
        self.prev_btn.tooltip = t("meeting.prev_phase")
        self.start_btn.description = t("meeting.start")
        self.projection.description = t("meeting.projection")
        self.projection.tooltip = t("meeting.projection_tip")
        self.blank_btn.description = t("meeting.blank")
        self.blank_btn.tooltip = t("meeting.blank_tip")
        self.blank.hint = t("meeting.blank_hint")
        self.phase_clock.label = t("meeting.clock_phase")
        self.total_clock.label = t("meeting.clock_total")
        self.agenda_title.value = esc(t("meeting.agenda"))
        self.timeline_title.value = esc(t("meeting.timeline"))
        self.note_title.value = esc(t("meeting.note"))
        self.note.placeholder = t("meeting.note_ph")
        self.new_phase.placeholder = t("meeting.new_phase_ph")
        self.add_phase_btn.description = t("meeting.add_phase")
        self.reset_agenda_btn.description = t("meeting.reset_agenda")

    def phase_label(self, phase: str) -> str:
        key = f"meeting.phase.{phase}"
        return self.t(key) if phase in STANDARD_AGENDA else phase

    # ---- showing ---------------------------------------------------------------------------------

    def refresh(self, event: Event) -> None:
        m = self.session.meeting
        has = m is not None
        for w in (self.prev_btn, self.next_btn, self.start_btn, self.add_phase_btn, self.reset_agenda_btn, self.note):
            w.disabled = not has
        if m is None:
            self.phase_title.value = esc(self.t("shell.no_meeting"))
            self.phase_clock.since_ms = self.total_clock.since_ms = 0
            self.agenda_box.children = []
            self.timeline.value = self._timeline_html()
            return
        agenda = agenda_of(m)
        i = min(m.phase, len(agenda) - 1)
        self.phase_title.value = (
            f'<span class="fac-phase-n">{esc(self.t("meeting.phase_n", n=i + 1, total=len(agenda)))}</span>'
            f"{esc(self.phase_label(agenda[i]))}"
        )
        self.prev_btn.disabled = i == 0
        self.next_btn.disabled = i >= len(agenda) - 1
        self.start_btn.layout.display = "none" if m.started_at else ""
        self.phase_clock.since_ms = _epoch_ms(m.phase_started_at)
        self.total_clock.since_ms = _epoch_ms(m.started_at)
        self.agenda_box.children = [self._agenda_row(m, n, phase, n == i) for n, phase in enumerate(agenda)]
        self.timeline.value = self._timeline_html()
        if self._note_for != m.id or event.type in ("case", "meeting"):
            self._note_for = m.id
            self._set_note(m.professional_note)
        elif m.professional_note != self._note_loaded and self.note.value == self._note_loaded:
            # Changed elsewhere (another screen, an undo) and nobody is typing in it here: show what is stored.
            self._set_note(m.professional_note)

    def _set_note(self, value: str) -> None:
        self._note_loaded = value
        self._loading_note = True
        try:
            self.note.value = value
        finally:
            self._loading_note = False

    def _agenda_row(self, m: Any, n: int, phase: str, current: bool) -> W.Widget:
        jump = button(
            f"{n + 1}. {self.phase_label(phase)}", "fac-phase-jump", *(("fac-phase-current",) if current else ())
        )
        jump.on_click(lambda _b, n=n: self.go(n))
        up = button("↑", "fac-small", "fac-phase-up", tooltip=self.t("meeting.up"))
        down = button("↓", "fac-small", "fac-phase-down", tooltip=self.t("meeting.down"))
        drop = button("✕", "fac-small", "fac-phase-remove", tooltip=self.t("meeting.remove_phase"))
        up.on_click(lambda _b, n=n: self.move_phase(n, -1))
        down.on_click(lambda _b, n=n: self.move_phase(n, +1))
        drop.on_click(lambda _b, n=n: self.remove_phase(n))
        return css(W.HBox([jump, up, down, drop]), "fac-agenda-row")

    def _timeline_html(self) -> str:
        case = self.case
        if case is None:
            return ""
        t = self.t
        today = date.today()
        rows = []
        for ms in milestones(case):
            status = ms.status(today)
            days = f"{ms.first_day}" if ms.first_day == ms.last_day else f"{ms.first_day}/{ms.last_day}"
            when = ms.start.isoformat() if ms.start == ms.end else f"{ms.start.isoformat()} – {ms.end.isoformat()}"
            held = (
                t("meeting.held_on", date=ms.meeting.date) if ms.meeting is not None else t(f"meeting.status.{status}")
            )
            rows.append(
                f'<tr class="fac-ms-{status}"><td>{esc(t("meeting.day", n=days))}</td><td>{esc(when)}</td>'
                f"<td>{esc(t(f'milestone.{ms.key}'))}</td><td>{esc(held)}</td></tr>"
            )
        if not rows:
            return f"<p>{esc(t('meeting.no_start_date'))}</p>"
        n = day_number(case, today)
        nxt = next_due(case, today)
        head = f'<div class="fac-next">{esc(t("meeting.today_day", n=n, date=today.isoformat()))}'
        if nxt is not None:
            head += " · " + esc(t("meeting.next_due", what=t(f"milestone.{nxt.key}"), date=nxt.start.isoformat()))
        head += "</div>"
        header = "".join(
            f"<th>{esc(t(k))}</th>"
            for k in ("meeting.col_day", "meeting.col_date", "meeting.col_what", "meeting.col_status")
        )
        return f"{head}<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"

    # ---- actions ---------------------------------------------------------------------------------

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
        now = _now_iso()
        ok = self._update(phase=n, phase_started_at=now, started_at=m.started_at or now)
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
            agenda = list(STANDARD_AGENDA)
        fields: dict[str, Any] = {"agenda": tuple(agenda)}
        fields["phase"] = max(0, min(m.phase if phase is None else phase, len(agenda) - 1))
        return self._update(**fields)

    def add_phase(self) -> bool:
        title = self.new_phase.value.strip()
        if not title:
            from ...domain.errors import ValidationError

            self.session.fail(ValidationError("meeting.agenda", "empty"))
            return False
        m = self.session.meeting
        if m is None:
            return False
        ok = self._set_agenda([*agenda_of(m), title[:200]])
        if ok:
            self.new_phase.value = ""
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
        current = m.phase
        if current == n:
            current = j
        elif current == j:
            current = n
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
        return self._set_agenda(list(STANDARD_AGENDA), 0)

    _loading_note = False

    def _on_note(self, change: dict[str, Any]) -> None:
        if self._loading_note:
            return
        m = self.session.meeting
        if m is None or change["new"] == m.professional_note:
            return
        if m.professional_note != self._note_loaded:
            # Changed on another screen since it was shown here: say so, keep what was typed.
            self._note_loaded = m.professional_note
            self.session.set_status(self.t("shell.edit_conflict"), "error")
            return
        if self._update(professional_note=change["new"]):
            self._note_loaded = change["new"]
        elif self.session.meeting is not None:
            # Not stored: keep what was typed. If someone else was first, say so; saving again replaces theirs.
            stored = self.session.meeting.professional_note
            if stored != self._note_loaded:
                self.session.set_status(self.t("shell.edit_conflict"), "error")
            self._note_loaded = stored

    def _toggle_blank(self) -> None:
        self.blank.blank = not self.blank.blank
