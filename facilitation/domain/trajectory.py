"""The six-week module of seed 004 as the case's trajectory, the day count, and the course of each meeting.

- ``day_number``: the one day count of the tool. Day 1 is ``CaseInfo.start_date``, the day of the urgent
  measure (seed 004's table); every screen, chart and document counts with it.
- ``STEPS``: the seed's whole table, each step with its days; what it is and who does it (the seed's
  "Wie?" column) are translation keys (``milestone.<key>``, ``milestone.who.<key>``).
- ``steps(case, today)``: each step as it really goes. A step is done only when the consultant marked it
  done (a ``Step`` record with ``done_on``) or, for a meeting, when its meeting is held (dated on or before
  today). Nothing is ticked off because the calendar passed it: a step whose days are over is *overdue*.
- ``coming_after(case, meeting_or_date)``: what is still to come after a meeting, as seen on its date (a
  document made at a meeting never lists that meeting as still to come).
- ``AGENDAS``: the course (phases) of each kind of meeting, and the screen part each phase shows.

No widget, plotly or store import; texts are translation keys.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .case import Case, Edit
from .errors import ValidationError
from .model import Meeting
from .model_trajectory import Step
from .ops import create, delete, update

StepKind = Literal["step", "phase", "meeting"]
"""A moment (something done once), a period (the work phases), or a meeting of the case."""


@dataclass(frozen=True)
class StepDef:
    """One row of seed 004's table."""

    key: str
    first_day: int
    last_day: int
    kind: StepKind = "step"
    meeting_kind: str | None = None
    """The kind of meeting that is this step (meeting steps only)."""
    optional: bool = False
    """Only when needed (an extension; BMO when the ordinary procedure follows): never overdue."""

    @property
    def what_key(self) -> str:
        return f"milestone.{self.key}"

    @property
    def who_key(self) -> str:
        """The seed's "Wie?" column."""
        return f"milestone.who.{self.key}"

    @property
    def days(self) -> str:
        """As the seed writes them: "14/15" (one of two days), "15-28" (a period), "1-3" (within those days)."""
        if self.first_day == self.last_day:
            return str(self.first_day)
        if self.last_day == self.first_day + 1 and self.kind != "phase":
            return f"{self.first_day}/{self.last_day}"
        return f"{self.first_day}-{self.last_day}"


STEPS: tuple[StepDef, ...] = (
    StepDef("urgent_measure", 1, 1),
    StepDef("triage", 1, 3),
    StepDef("hearing", 3, 4),
    StepDef("after_hearing", 3, 4),
    StepDef("child_explained", 5, 5),
    StepDef("first_decision", 6, 6),
    StepDef("feedback_to_family", 7, 7),
    StepDef("gather_info", 7, 14, "phase"),
    StepDef("first_network_meeting", 14, 15, "meeting", "network_meeting"),
    StepDef("work_phase", 15, 28, "phase"),
    StepDef("interim_evaluation", 28, 28, "meeting", "interim_evaluation"),
    StepDef("second_work_phase", 29, 40, "phase"),
    StepDef("second_network_meeting", 40, 40, "meeting", "second_network_meeting"),
    StepDef("advice", 41, 42),
    StepDef("decision", 42, 42),
    StepDef("extension", 42, 56, "phase", optional=True),
    StepDef("procedure_end", 60, 60),
    StepDef("bmo", 75, 75, optional=True),
)
STEP_KEYS = tuple(s.key for s in STEPS)
STEP_BY_KEY = {s.key: s for s in STEPS}

StepStatus = Literal["done", "scheduled", "due", "running", "coming", "overdue", "over", "if_needed"]
"""done: marked done, or its meeting held; scheduled: its meeting is set for a later date; due: its days are
now; running: a period going on now; coming: later; overdue: its days are over and it is not done; over: a
period that ended (periods are never "done" by themselves); if_needed: an optional step not done."""


# ---- the day count ------------------------------------------------------------------------------


def _date(value: date | str | None) -> date | None:
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def start_of(case: Case) -> date | None:
    """Day 1 of the trajectory: the case's start date (the day of the urgent measure), if readable."""
    return _date(case.info.start_date)


def day_number(case: Case, on: date | str | None) -> int | None:
    """The day of the trajectory a date falls on: the start date is day 1. None without both dates."""
    start, when = start_of(case), _date(on)
    if start is None or when is None:
        return None
    return (when - start).days + 1


def date_of_day(case: Case, day: int) -> date | None:
    """The date of a day of the trajectory (day 1 is the start date)."""
    start = start_of(case)
    return None if start is None else start + timedelta(days=day - 1)


def is_held(meeting: Meeting, today: date) -> bool:
    """A meeting is held once its date has come; one dated later is planned ("gepland"), never "gehouden"."""
    when = _date(meeting.date)
    return when is not None and when <= today


# ---- the steps as they really go ----------------------------------------------------------------


@dataclass(frozen=True)
class StepView:
    """One step of the table for one case, seen on one day."""

    step: StepDef
    start: date
    end: date
    first_day: int
    last_day: int
    meeting: Meeting | None
    """The case's meeting that is this step (held or planned), for meeting steps."""
    done_on: date | None
    moved: bool
    """The consultant moved its planned date."""
    exact: bool
    """Its date is known exactly (its meeting, a moved date, the case's hearing date), not the table's days."""
    note: str
    status: StepStatus

    @property
    def key(self) -> str:
        return self.step.key

    @property
    def done(self) -> bool:
        return self.status == "done"


def meeting_for(case: Case, step: StepDef) -> Meeting | None:
    """The meeting that is a meeting step: the case's first meeting of that kind (held or planned)."""
    if step.meeting_kind is None:
        return None
    found = [m for m in case.meetings_by_date() if m.kind == step.meeting_kind and _date(m.date) is not None]
    return found[0] if found else None


def _planned(case: Case, step: StepDef, record: Step | None, start: date) -> tuple[date, date, bool, bool]:
    """(first date, last date, moved, exact): the table's days, a date the consultant moved it to (one day,
    or a period of the same length), or the case's hearing date."""
    table_start = start + timedelta(days=step.first_day - 1)
    length = timedelta(days=step.last_day - step.first_day)
    moved = _date(record.planned) if record is not None else None
    if moved is not None:
        return moved, moved + length if step.kind == "phase" else moved, True, True
    # The talk right after the hearing is on the hearing's day.
    hearing = _date(case.info.hearing_date) if step.key in ("hearing", "after_hearing") else None
    if hearing is not None:
        return hearing, hearing, False, True
    return table_start, table_start + length, False, False


def _status(step: StepDef, start: date, end: date, meeting: Meeting | None, done: date | None, today: date) -> str:
    if done is not None:
        return "done"
    if meeting is not None:
        return "scheduled"
    if step.optional:
        return "if_needed"
    if step.kind == "phase":
        return "coming" if today < start else ("running" if today <= end else "over")
    if today < start:
        return "coming"
    return "due" if today <= end else "overdue"


def view_step(case: Case, step: StepDef, today: date) -> StepView | None:
    """One step for this case on ``today`` (None without a start date)."""
    start = start_of(case)
    if start is None:
        return None
    record: Step | None = case.steps.get(step.key)
    a, b, moved, exact = _planned(case, step, record, start)
    meeting = meeting_for(case, step)
    done = _date(record.done_on) if record is not None else None
    if meeting is not None:
        when = _date(meeting.date)
        assert when is not None
        a = b = when
        moved, exact = False, True
        if when <= today:
            done = when  # held: done on the day it was held
    if done is not None and done > today:
        done = None  # marked done on a date still to come: not done yet
    status = _status(step, a, b, meeting if done is None else None, done, today)
    return StepView(
        step=step,
        start=a,
        end=b,
        first_day=(a - start).days + 1,
        last_day=(b - start).days + 1,
        meeting=meeting,
        done_on=done,
        moved=moved,
        exact=exact,
        note=record.note if record is not None else "",
        status=status,  # type: ignore[arg-type]
    )


def steps(case: Case, today: date) -> list[StepView]:
    """The whole table for this case on ``today``, in the table's order; empty without a start date."""
    out = []
    for step in STEPS:
        v = view_step(case, step, today)
        if v is not None:
            out.append(v)
    return out


def next_step(case: Case, today: date) -> StepView | None:
    """What is next: the first step (not a period, not optional) that is not done and not yet over."""
    for v in steps(case, today):
        if v.step.kind != "phase" and not v.step.optional and v.status in ("due", "scheduled", "coming"):
            return v
    return None


def overdue(case: Case, today: date) -> list[StepView]:
    return [v for v in steps(case, today) if v.status == "overdue"]


def coming_after(
    case: Case, at: Meeting | str | date, kinds: Iterable[StepKind] | None = None, *, include_optional: bool = False
) -> list[StepView]:
    """What is still to come after a meeting (a ``Meeting``, its id) or a date, as seen on that date.

    A step is to come when its (planned or scheduled) date is after that date and it was not done by then;
    the meeting itself is never among them, whatever its kind or its date. Steps whose days passed without
    being done are missed, not "to come". ``kinds`` keeps only some kinds of step (e.g. ``("meeting",)``);
    optional steps (extension, BMO) only with ``include_optional``. In date order.
    """
    this: Meeting | None = None
    if isinstance(at, Meeting):
        this = at
    elif isinstance(at, str):
        this = case.meetings.get(at)
        if this is None:
            raise KeyError(at)
    on = _date(this.date) if this is not None else at
    if not isinstance(on, date):
        return []
    wanted = set(kinds) if kinds is not None else None
    out = []
    for v in steps(case, on):
        if wanted is not None and v.step.kind not in wanted:
            continue
        if v.step.optional and not include_optional:
            continue
        if this is not None and v.meeting is not None and v.meeting.id == this.id:
            continue
        if v.status == "done" or v.start <= on:
            continue
        out.append(v)
    out.sort(key=lambda v: (v.start, STEP_KEYS.index(v.key)))
    return out


# ---- marking steps done, moving them -------------------------------------------------------------


def _step_edit(case: Case, key: str, **fields: str) -> Edit:
    if key not in STEP_BY_KEY:
        raise ValidationError("step.id", "unknown_step")
    current: Step | None = case.steps.get(key)
    data = current.to_dict() if current is not None else {"id": key}
    data.update(fields)
    after = Step.from_dict(data, "step")
    if not (after.planned or after.done_on or after.note):
        return delete(case, "step", key, "edit.step") if current is not None else Edit("edit.step", ())
    if current is None:
        return create(after, "edit.step")
    return update(case, "step", key, "edit.step", **{k: v for k, v in after.to_dict().items() if k != "id"})


def mark_done(case: Case, key: str, on: date | str, today: date) -> Edit:
    """The consultant marks a step done on its real date (not later than today)."""
    when = _date(on)
    if when is None:
        raise ValidationError("step.done_on", "not_date", value=str(on)[:20])
    if when > today:
        raise ValidationError("step.done_on", "done_in_future")
    return _step_edit(case, key, done_on=when.isoformat())


def mark_not_done(case: Case, key: str) -> Edit:
    return _step_edit(case, key, done_on="")


def plan_step(case: Case, key: str, on: date | str | None) -> Edit:
    """Move a step's planned date (None or "": back to the table's day)."""
    when = _date(on) if on else None
    if on and when is None:
        raise ValidationError("step.planned", "not_date", value=str(on)[:20])
    return _step_edit(case, key, planned=when.isoformat() if when else "")


# ---- the course of each kind of meeting ---------------------------------------------------------

# First network meeting (seed 004, day 14/15).
STANDARD_AGENDA: tuple[str, ...] = (
    "explain",
    "introductions",
    "danger_goals_bottom_lines",
    "strengths_worries",
    "scaling",
    "safety_plan",
    "closing",
)
# Interim evaluation (day 28): the plan and the safety goals reviewed, and adjusted.
INTERIM_AGENDA: tuple[str, ...] = (
    "looking_back",
    "review",
    "goals_review",
    "scaling",
    "adjust_plan",
    "closing_interim",
)
# Second network meeting (day 40): the plan evaluated; what goes into the advice to the judge agreed.
SECOND_AGENDA: tuple[str, ...] = (
    "looking_back",
    "review",
    "goals_review",
    "scaling",
    "advice",
    "closing_second",
)
AGENDAS: dict[str, tuple[str, ...]] = {
    "network_meeting": STANDARD_AGENDA,
    "interim_evaluation": INTERIM_AGENDA,
    "second_network_meeting": SECOND_AGENDA,
}
KNOWN_PHASES: tuple[str, ...] = tuple(dict.fromkeys((*STANDARD_AGENDA, *INTERIM_AGENDA, *SECOND_AGENDA)))
"""Phase keys with a text of their own (``meeting.phase.<key>``); any other phase is a title the consultant wrote."""

PHASE_PART: dict[str, str] = {
    "explain": "meeting",
    "introductions": "network",
    "danger_goals_bottom_lines": "columns",
    "strengths_worries": "columns",
    "scaling": "scaling",
    "safety_plan": "plan",
    "closing": "plan",
    "looking_back": "meeting",
    "review": "meeting",
    "goals_review": "columns",
    "adjust_plan": "plan",
    "advice": "plan",
    "closing_interim": "plan",
    "closing_second": "plan",
}
CLOSING_PHASES = frozenset({"closing", "closing_interim", "closing_second"})
"""Phases at whose end the plan is signed and the documents are made."""
REVIEW_PHASE = "review"
SIGNING_KINDS = ("network_meeting", "interim_evaluation", "second_network_meeting")
"""Meetings that sign a version of the plan."""


def standard_agenda(kind: str) -> tuple[str, ...]:
    """The course a meeting of this kind follows unless the consultant changed it."""
    return AGENDAS.get(kind, STANDARD_AGENDA)


def agenda_of(meeting: Meeting | None) -> tuple[str, ...]:
    if meeting is None:
        return STANDARD_AGENDA
    return meeting.agenda or standard_agenda(meeting.kind)


def current_phase(meeting: Meeting | None) -> str | None:
    if meeting is None:
        return None
    agenda = agenda_of(meeting)
    return agenda[min(max(meeting.phase, 0), len(agenda) - 1)]


def in_closing(meeting: Meeting | None) -> bool:
    """Is the meeting in its closing phase (sign the plan, make the documents)?"""
    return current_phase(meeting) in CLOSING_PHASES


def reviews_agreements(meeting: Meeting | None) -> bool:
    """Does this meeting go through the agreements one by one (its course has a review phase)?"""
    return meeting is not None and REVIEW_PHASE in agenda_of(meeting)


def part_for(phase: str) -> str:
    """The screen part a phase shows; a phase the consultant wrote shows the meeting overview."""
    return PHASE_PART.get(phase, "meeting")
