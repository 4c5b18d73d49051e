"""The six-week module of seed 004 as dates, and the meetings of the course (agenda phases)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .case import Case
from .model import Meeting

# (key, first day, last day, meeting kind that fulfils it or None)
MILESTONES: tuple[tuple[str, int, int, str | None], ...] = (
    ("urgent_measure", 1, 1, None),
    ("hearing", 3, 4, None),
    ("child_explained", 5, 5, None),
    ("first_decision", 6, 6, None),
    ("first_network_meeting", 14, 15, "network_meeting"),
    ("interim_evaluation", 28, 28, "interim_evaluation"),
    ("second_network_meeting", 40, 40, "network_meeting"),
    ("advice_decision", 41, 42, None),
    ("extension_end", 56, 56, None),
    ("procedure_end", 60, 60, None),
)

# Standard agenda of a first network meeting (seed 004, day 14/15) and the part each phase shows.
STANDARD_AGENDA: tuple[str, ...] = (
    "explain",
    "introductions",
    "danger_goals_bottom_lines",
    "strengths_worries",
    "scaling",
    "safety_plan",
    "closing",
)
PHASE_PART: dict[str, str] = {
    "explain": "meeting",
    "introductions": "network",
    "danger_goals_bottom_lines": "columns",
    "strengths_worries": "columns",
    "scaling": "scaling",
    "safety_plan": "plan",
    "closing": "plan",
}


@dataclass(frozen=True)
class Milestone:
    key: str
    first_day: int
    last_day: int
    start: date
    end: date
    meeting: Meeting | None
    """The meeting held for it (same kind, nearest date within a week), if any."""

    def status(self, today: date) -> str:
        if self.meeting is not None:
            return "held"
        if today > self.end:
            return "past"
        if self.start <= today <= self.end:
            return "today"
        return "coming"


def day_date(start: date, day: int) -> date:
    """Day 1 is the start date."""
    return start + timedelta(days=day - 1)


def milestones(case: Case) -> list[Milestone]:
    if not case.info.start_date:
        return []
    start = date.fromisoformat(case.info.start_date)
    used: set[str] = set()
    out = []
    meetings = case.meetings_by_date()
    for key, first, last, kind in MILESTONES:
        a, b = day_date(start, first), day_date(start, last)
        held = None
        if kind is not None:
            candidates = [
                m
                for m in meetings
                if m.kind == kind and m.id not in used and abs((date.fromisoformat(m.date) - a).days) <= 7
            ]
            if candidates:
                held = min(candidates, key=lambda m: abs((date.fromisoformat(m.date) - a).days))
                used.add(held.id)
        out.append(Milestone(key, first, last, a, b, held))
    return out


def next_due(case: Case, today: date) -> Milestone | None:
    """The next milestone that has not happened yet (a meeting not yet held, or a date still to come)."""
    for m in milestones(case):
        if m.status(today) in ("today", "coming"):
            return m
    return None


def day_number(case: Case, on: date) -> int | None:
    if not case.info.start_date:
        return None
    return (on - date.fromisoformat(case.info.start_date)).days + 1


def agenda_of(meeting: Meeting | None) -> tuple[str, ...]:
    if meeting is None or not meeting.agenda:
        return STANDARD_AGENDA
    return meeting.agenda


def part_for(phase: str) -> str:
    """The screen part a phase shows; a phase the consultant wrote shows the meeting overview."""
    return PHASE_PART.get(phase, "meeting")
