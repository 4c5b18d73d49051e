"""The six weeks as the documents tell them: which steps were done on which real date, and what is still to come
after the meeting a document is made at.

Small pure helpers over the records (``Step``, ``Meeting``, ``CaseInfo.start_date``); day 1 is the start date.
They mirror seed 004's table and are kept here, apart, so that the domain's own trajectory functions
(``domain.trajectory``: day numbers, what comes after a meeting) can replace them in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..domain.case import Case
from ..domain.model import Meeting

FAMILY_MEETINGS = ("network_meeting", "interim_evaluation", "second_network_meeting")
"""The meetings of the family's trajectory (not the reflecting team's or a training's)."""

# Seed 004's table: (step key, first day, last day, the kind of meeting that is this step, or None).
STEPS: tuple[tuple[str, int, int, str | None], ...] = (
    ("urgent_measure", 1, 1, None),
    ("triage", 1, 3, None),
    ("hearing", 3, 4, None),
    ("after_hearing", 3, 4, None),
    ("child_explained", 5, 5, None),
    ("first_decision", 6, 6, None),
    ("feedback_to_family", 7, 7, None),
    ("first_network_meeting", 14, 15, "network_meeting"),
    ("interim_evaluation", 28, 28, "interim_evaluation"),
    ("second_network_meeting", 40, 40, "second_network_meeting"),
    ("advice_to_judge", 41, 42, None),
    ("decision_told", 42, 42, None),
    ("extension_end", 56, 56, None),
    ("procedure_end", 60, 60, None),
)
STEP_KEYS = tuple(s[0] for s in STEPS)


def parse(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def day_number(case: Case, on: date | str | None) -> int | None:
    """The day of the trajectory ``on`` falls on: the start date (the urgent measure) is day 1."""
    start = parse(case.info.start_date)
    when = on if isinstance(on, date) else parse(on)
    if start is None or when is None:
        return None
    return (when - start).days + 1


def day_date(case: Case, day: int) -> date | None:
    start = parse(case.info.start_date)
    return None if start is None else start + timedelta(days=day - 1)


@dataclass(frozen=True)
class StepAt:
    """One step of the table as known at a meeting: done on a real date, or planned on a date (or neither)."""

    key: str
    first_day: int
    last_day: int
    done_on: str
    """The real date it was done (ISO), "" when not done by the meeting's date."""
    planned: str
    """The planned date (moved by the consultant, else the table's day; ISO, "" without a start date)."""
    meeting: Meeting | None
    """The meeting that is this step, when one was held for it."""


def _held_for(case: Case, kind: str | None, first_day: int, used: set[str]) -> Meeting | None:
    """The meeting of ``kind`` nearest to the step's day (within two weeks), not already taken by another step."""
    if kind is None:
        return None
    planned = day_date(case, first_day)
    found = [m for m in case.meetings_by_date() if m.kind == kind and m.id not in used and parse(m.date) is not None]
    if planned is not None:
        found = [m for m in found if abs((parse(m.date) - planned).days) <= 14]  # type: ignore[operator]
        found.sort(key=lambda m: abs((parse(m.date) - planned).days))  # type: ignore[operator]
    return found[0] if found else None


def steps_at(case: Case, meeting: Meeting | None) -> list[StepAt]:
    """Every step of the table as it stood on the meeting's date (today's state when there is no meeting).

    A step is done when the consultant marked it done on a date up to the meeting's, or when its meeting was
    held by then (the meeting the document is made at included); nothing is done because a date passed.
    """
    until = meeting.date if meeting is not None else "9999-12-31"
    used: set[str] = set()
    out = []
    for key, first, last, kind in STEPS:
        rec = case.steps.get(key)
        held = _held_for(case, kind, first, used)
        if held is not None:
            used.add(held.id)
        planned = rec.planned if rec is not None and rec.planned else ""
        if not planned:
            d = day_date(case, first)
            planned = d.isoformat() if d is not None else ""
        if held is not None and held.date > until:
            planned = held.date  # a later meeting already set: its date is the plan
        done = rec.done_on if rec is not None and rec.done_on and rec.done_on <= until else ""
        if not done and held is not None and held.date <= until:
            done = held.date
        out.append(StepAt(key, first, last, done, planned, held))
    return out


def done_by(case: Case, meeting: Meeting | None) -> list[StepAt]:
    """The steps done by the meeting's date, in the order they were done."""
    return sorted((s for s in steps_at(case, meeting) if s.done_on), key=lambda s: (s.done_on, s.first_day))


def coming_after(case: Case, meeting: Meeting | None) -> list[StepAt]:
    """The steps still to come after the meeting: not done, planned after the meeting's date (never the
    meeting itself, nor a date on or before it)."""
    after = meeting.date if meeting is not None else ""
    out = [s for s in steps_at(case, meeting) if not s.done_on and s.planned and s.planned > after]
    return sorted(out, key=lambda s: (s.planned, s.first_day))
