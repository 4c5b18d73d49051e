"""What the feedback part shows: each child's and parent's EXIT feedback over time (no widgets)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...domain.case import Case
from ...domain.child_voice import feedback_of
from ...domain.model_child import Feedback
from ...domain.people import age_on

YOUNGEST = 4
"""Children younger than this are not asked (a baby gives no feedback), unless they did."""


@dataclass(frozen=True)
class FeedbackRow:
    id: str
    moment: str
    given_on: str
    mark: int
    result: float | None
    process: float | None
    comment: str


@dataclass(frozen=True)
class PersonFeedback:
    id: str
    name: str
    role: str
    """'child' or 'parent' (a carer), else 'other'."""
    rows: tuple[FeedbackRow, ...]


@dataclass(frozen=True)
class FeedbackState:
    lang: str
    people: tuple[PersonFeedback, ...]
    editing: FeedbackRow | None
    editing_person: str | None


def row(f: Feedback) -> FeedbackRow:
    return FeedbackRow(f.id, f.moment, f.given_on, f.mark, f.result, f.process, f.comment)


def feedback_state(case: Case, lang: str, editing: str | None) -> FeedbackState:
    """The children first, then the parents and carers, then anyone else who gave feedback."""
    givers = {f.person for f in case.feedback.values()}
    today = date.today()

    def asked(p) -> bool:  # type: ignore[no-untyped-def]
        if p.id in givers or p.is_carer:
            return True
        years = age_on(p, today)[0] if p.is_child else None
        return p.is_child and (years is None or years >= YOUNGEST)

    people = [p for p in case.people.values() if asked(p)]
    people.sort(key=lambda p: (not p.is_child, not p.is_carer, p.name.casefold()))
    out = tuple(
        PersonFeedback(
            p.id,
            p.name,
            "child" if p.is_child else "parent" if p.is_carer else "other",
            tuple(row(f) for f in feedback_of(case, p.id)),
        )
        for p in people
    )
    current = case.feedback.get(editing) if editing else None
    return FeedbackState(lang, out, row(current) if current else None, current.person if current else None)
