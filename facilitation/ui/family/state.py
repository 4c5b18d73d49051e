"""What the family screen shows, as small frozen records (no widgets): built by ``present.py``."""

from __future__ import annotations

from dataclasses import dataclass

BOARDS = ("explain", "network", "statements", "columns", "scale", "plan", "title")
"""What the family screen can show: the trajectory explained, the network map, danger statements with
safety goals and bottom lines, the three columns, a scaling question, the safety plan, or only a title
(a phase the consultant wrote, such as a break)."""

PINNABLE = BOARDS[:-1]

PHASE_BOARD: dict[str, str] = {
    "explain": "explain",
    "introductions": "network",
    "danger_goals_bottom_lines": "statements",
    "strengths_worries": "columns",
    "scaling": "scale",
    "safety_plan": "plan",
    "closing": "plan",
    # The interim evaluation and the second network meeting: where the six weeks stand, the agreements
    # (do they work?), the danger statement and the goals looked at again, the scales, the plan adjusted.
    "looking_back": "explain",
    "review": "plan",
    "goals_review": "statements",
    "adjust_plan": "plan",
    "advice": "plan",
    "closing_interim": "plan",
    "closing_second": "plan",
}
"""The board each phase of the course shows; a phase the consultant wrote shows its title."""


@dataclass(frozen=True)
class Line:
    """A label and its value on a card ("Wie" · "oma Fatima")."""

    label: str
    value: str


@dataclass(frozen=True)
class Entry:
    """One thing the family reads: an item in their words, a step of the trajectory, an agreement."""

    id: str
    text: str
    lines: tuple[Line, ...] = ()
    mark: str = ""
    """A short mark before the text: a number, ✓, "nu"."""
    tone: str = ""
    """A CSS modifier: ``done``, ``now``, ``danger``, ``goal``, ``bottom``..."""
    when: str = ""
    """A date before the text (a step of the trajectory)."""


@dataclass(frozen=True)
class Group:
    """Entries under an optional sub-heading (an element of a column)."""

    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Block:
    """A column of the board with its heading."""

    key: str
    title: str
    groups: tuple[Group, ...]
    empty: str = ""
    """Shown when there is nothing in it yet."""
    weight: float = 1.0
    """Its share of the board's width, relative to the other blocks."""


@dataclass(frozen=True)
class ScoreRow:
    id: str
    """The person's id (pointing at a person highlights the row)."""
    name: str
    value: int | None
    group: str
    """``informal`` or ``professional``."""


@dataclass(frozen=True)
class ScaleBoard:
    id: str
    question: str
    low: str
    high: str
    rows: tuple[ScoreRow, ...]
    spread: str


@dataclass(frozen=True)
class Board:
    key: str
    """One of ``BOARDS``."""
    title: str
    step: str = ""
    """Where the meeting is ("3/7"), empty when pinned or without a meeting."""
    blocks: tuple[Block, ...] = ()
    layout: str = "columns"
    """``columns`` (blocks side by side), ``cards`` (one block of cards), ``scale``, ``map``, ``title``."""
    scale: ScaleBoard | None = None


@dataclass(frozen=True)
class FamilyState:
    """Everything the family screen shows; the view redraws only what changed."""

    lang: str
    board: Board
    pointer: str | None = None
    blank: bool = False
    map_records: tuple[object, ...] = ()
    """For the network board: the people and ties the map is drawn from (the map is redrawn when they change)."""
