"""What the meeting part shows, as one frozen record computed from the session (no widgets)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...domain.model import Meeting, Person
from ...domain.trajectory import StepView, agenda_of, reviews_agreements, start_of, steps
from ..session import Session
from .review import card_data


def today() -> date:
    """Today's date (one place, so that a test can fix the day)."""
    return date.today()


@dataclass(frozen=True)
class MeetingState:
    lang: str
    projection: bool
    meeting: Meeting | None
    agenda: tuple[str, ...]
    phase: int
    today: date
    start: date | None
    steps: tuple[StepView, ...]
    people: tuple[Person, ...]
    """Everyone on the map (for who is present)."""
    reviewing: bool
    """The meeting goes through the agreements one by one (interim evaluation, second network meeting)."""
    review: Mapping[str, Any] = field(default_factory=dict)
    """What the review card shows (``review.card_data``); empty when the meeting does not review."""

    @property
    def current(self) -> int:
        return min(max(self.phase, 0), len(self.agenda) - 1)


def meeting_state(session: Session, review_index: int) -> MeetingState:
    case = session.case
    assert case is not None
    m = session.meeting
    on = today()
    reviewing = reviews_agreements(m)
    return MeetingState(
        lang=session.lang,
        projection=session.projection,
        meeting=m,
        agenda=agenda_of(m),
        phase=m.phase if m is not None else 0,
        today=on,
        start=start_of(case),
        steps=tuple(steps(case, on)),
        people=tuple(sorted(case.people.values(), key=lambda p: p.id)),
        reviewing=reviewing,
        review=card_data(case, m, review_index, session.t, session.lang) if reviewing else {},
    )
