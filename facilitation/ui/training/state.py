"""What the training dashboard's parts show, as small frozen records (no widgets).

Each part's ``state()`` computes its record from the store and the trainer's choices; ``present.py`` turns it
into texts and HTML; the views only set widgets from it. Every record holds the language, so texts with
parameters (a step's name on a button, "3 of 5 open") follow a switch by themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ...domain import training as tr
from ...domain.case import Case
from ...domain.model import RevealStep, RoleCard

# ---- what an exercise starts from ----------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """What an exercise can start from: a sample case or a fictional case in the store."""

    key: str
    title: str


# ---- the exercise tab ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupRow:
    """One group of the running exercise, in the order the groups were made."""

    case_id: str
    group: str
    active: bool
    """This screen works on the group's copy."""
    armed: bool
    """Its reset button asks "Zeker?" (the first click)."""
    lang: str


@dataclass(frozen=True)
class ExerciseState:
    lang: str
    sources: tuple[Source, ...]
    exercise: str
    """The running exercise's source ("" when none runs)."""
    title: str
    groups: tuple[GroupRow, ...]
    armed: str | None
    """The trainer action whose first click asked: "start", "reset-all", "remove" or "reset:<case id>"."""

    @property
    def running(self) -> bool:
        return bool(self.exercise and self.groups)


# ---- role cards ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardRow:
    id: str
    n: int
    role: str
    knows: str
    thinks: str
    showing: bool
    """Shown large on the projector."""
    armed: bool
    """Its remove button asks "Zeker?"."""
    lang: str


@dataclass(frozen=True)
class CardsState:
    lang: str
    has_exercise: bool
    cards: tuple[CardRow, ...]
    editing: bool
    """The form edits a card (else it makes a new one)."""

    @property
    def shown(self) -> CardRow | None:
        return next((c for c in self.cards if c.showing), None)


def card_rows(cards: Iterable[RoleCard], showing: str | None, armed: str | None, lang: str) -> tuple[CardRow, ...]:
    return tuple(
        CardRow(c.id, n, c.role, c.knows, c.thinks, c.id == showing, c.id == armed, lang)
        for n, c in enumerate(cards, 1)
    )


# ---- revealing information ----------------------------------------------------------------------------


@dataclass(frozen=True)
class StepRow:
    id: str
    n: int
    title: str
    text: str
    revealed: bool
    armed: bool
    """Its remove button asks "Zeker?"."""
    lang: str


@dataclass(frozen=True)
class RevealState:
    lang: str
    has_exercise: bool
    steps: tuple[StepRow, ...]

    @property
    def opened(self) -> tuple[StepRow, ...]:
        return tuple(s for s in self.steps if s.revealed)

    @property
    def next_hidden(self) -> StepRow | None:
        return next((s for s in self.steps if not s.revealed), None)


def step_rows(steps: Iterable[RevealStep], armed: str | None, lang: str) -> tuple[StepRow, ...]:
    return tuple(StepRow(s.id, n, s.title, s.text, s.revealed, s.id == armed, lang) for n, s in enumerate(steps, 1))


# ---- the groups compared ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanLine:
    what: str
    owner: str
    backup: str
    when: str


@dataclass(frozen=True)
class GroupColumn:
    """What one group made: its texts per element, its safety scale scores and middle, its plan."""

    group: str
    elements: tuple[tuple[str, tuple[str, ...]], ...]
    scores: tuple[tuple[str, int], ...]
    middle: float | None
    plan: tuple[PlanLine, ...]

    def texts(self, element: str) -> tuple[str, ...]:
        return dict(self.elements).get(element, ())


@dataclass(frozen=True)
class CompareState:
    lang: str
    elements: tuple[str, ...]
    """The elements compared, in the framework's order."""
    groups: tuple[GroupColumn, ...]
    """In the order the groups were made."""


def compare_state(cases: Iterable[Case], lang: str) -> CompareState:
    cases = list(cases)
    results = [tr.group_result(c) for c in cases]
    groups = tuple(
        GroupColumn(
            r.group,
            tuple((e, tuple(texts)) for e, texts in r.elements.items()),
            tuple(r.scores),
            r.middle,
            tuple(PlanLine(a.what, case.name_of(a.owner), case.name_of(a.backup), a.when) for a in r.agreements),
        )
        for r, case in zip(results, cases, strict=True)
    )
    return CompareState(lang, tuple(tr.compared_elements(results)), groups)


# ---- the training room on the room's network ----------------------------------------------------------


@dataclass(frozen=True)
class JoinState:
    lang: str
    join_url: str
    groups: tuple[tuple[str, str, str], ...]
    """(group name, code, the group's own address) in the order the groups were made."""


@dataclass(frozen=True)
class InfoState:
    lang: str
    group: str | None
    """The group of the open copy (None: no copy open, nothing shown)."""
    steps: tuple[tuple[int, str, str], ...]
    """The steps revealed so far: number, title, text (numbered as on the trainer's screen)."""
    total: int


def info_state(case: Case | None, lang: str) -> InfoState:
    if case is None:
        return InfoState(lang, None, (), 0)
    steps = tr.steps_in_order(case)
    shown = tuple((n, s.title, s.text) for n, s in enumerate(steps, 1) if s.revealed)
    return InfoState(lang, case.info.group_name, shown, len(steps))
