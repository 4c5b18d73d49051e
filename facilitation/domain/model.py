"""The case and its parts as frozen records: people, ties, meetings, the three columns, scales, the plan.

Every record is a frozen dataclass with a ``KIND`` and an ``id`` (``record.Record``). Records are never
mutated: an operation (see ``ops``) produces an ``Edit`` holding before/after dictionaries, and the case
applies it. The records of the trajectory (reviews, plan versions, steps, kept maps) are in
``model_trajectory``, those of the child's voice (stories, Three Houses, feedback) in ``model_child``; all
are registered in ``RECORD_TYPES`` here. No widget, plotly or store import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

from .errors import ValidationError
from .record import _CONTROL, Nested, Record, date_field, float_field, int_field, name_field, text_field
from .vocab import (
    BOTTOM_LINE_SETTERS,
    CLOSENESS,
    COLUMNS,
    DEFAULT_ELEMENT,
    ELEMENT_KINDS,
    ELEMENTS,
    FAMILY_LINK_KINDS,
    FEEDBACK_MOMENTS,
    FF_STATUSES,
    GENDERS,
    HOUSES,
    KNOWLEDGE,
    MAP_TIE_KINDS,
    MAX_DRAWING,
    MAX_NAME,
    MAX_TEXT,
    MEETING_KINDS,
    REVIEW_STATUSES,
    SCALE_KINDS,
    SECTORS,
    STORY_KINDS,
    STORY_TOPICS,
    TIE_KINDS,
    column_of,
)

__all__ = [
    "BOTTOM_LINE_SETTERS",
    "CLOSENESS",
    "COLUMNS",
    "DEFAULT_ELEMENT",
    "ELEMENTS",
    "ELEMENT_KINDS",
    "FAMILY_LINK_KINDS",
    "FEEDBACK_MOMENTS",
    "FF_STATUSES",
    "GENDERS",
    "HOUSES",
    "KINDS",
    "KNOWLEDGE",
    "MAP_TIE_KINDS",
    "MAX_DRAWING",
    "MAX_NAME",
    "MAX_TEXT",
    "MEETING_KINDS",
    "RECORD_TYPES",
    "REVIEW_STATUSES",
    "SCALE_KINDS",
    "SECTORS",
    "STORY_KINDS",
    "STORY_TOPICS",
    "TIE_KINDS",
    "_CONTROL",
    "Agreement",
    "CaseInfo",
    "Feedback",
    "HouseEntry",
    "Item",
    "MapSnapshot",
    "Meeting",
    "Nested",
    "Person",
    "PlanVersion",
    "Record",
    "Reflection",
    "RevealStep",
    "Review",
    "RoleCard",
    "Scale",
    "Scenario",
    "Score",
    "Step",
    "Story",
    "StoryPage",
    "Tie",
    "column_of",
    "date_field",
    "float_field",
    "int_field",
    "name_field",
    "text_field",
]


# ---- the records --------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class CaseInfo(Record):
    """The case itself: its title, the start of the trajectory, the children's story in short."""

    KIND: ClassVar[str] = "case"
    id: str
    title: str = name_field()
    start_date: str = date_field()
    summary: str = text_field()
    fictional: bool = False
    language: Literal["nl", "en"] = "nl"
    source: str = text_field(max_len=200)
    """Training: the sample case this exercise copy was made from (empty for a real case)."""
    group_name: str = text_field(max_len=MAX_NAME)
    """Training: the group working on this copy."""
    # What the youth judge needs to identify the case (all optional; schema version 2).
    court: str = text_field(max_len=MAX_NAME)
    """The youth court (jeugdrechtbank) and its division, e.g. "Jeugdrechtbank Oost-Vlaanderen, afdeling Gent"."""
    file_number: str = text_field(max_len=MAX_NAME)
    """The court's file or notice number (dossiernummer, notitienummer)."""
    measure: str = text_field(max_len=1000)
    """The urgent measure (hoogdringende maatregel) in words; its date is ``start_date`` (day 1)."""
    hearing_date: str = date_field()
    """The hearing before the youth judge (voorleiding), day 3/4."""
    consultant: str | None = None
    """Person id of the consultant (consulent) on the map."""
    service: str = text_field(max_len=MAX_NAME)
    """The consultant's service (e.g. "Sociale Dienst Jeugdrechtbank Gent", "OCJ Oost-Vlaanderen")."""
    crisis_worker: str | None = None
    """Person id of the crisis worker (crisisbegeleider) on the map."""
    crisis_organisation: str = text_field(max_len=MAX_NAME)


@dataclass(frozen=True, kw_only=True)
class Person(Record):
    """Someone in the child's network, or the child: name, relation, sector, closeness ring."""

    KIND: ClassVar[str] = "person"
    id: str
    name: str = name_field()
    relation: str = text_field(max_len=MAX_NAME)
    sector: Literal["family", "friends", "school", "professional"] = "family"
    closeness: int = int_field(1, 3, default=2)
    is_child: bool = False
    age: int | None = field(default=None, metadata={"min": 0, "max": 120})
    phone: str = text_field(max_len=60)
    notes: str = text_field()
    knowledge: Literal["all", "some", "none"] = "none"
    in_safety_network: bool = False
    # Position on the map once the consultant moved the person (map units); None = placed by layout.
    x: float | None = None
    y: float | None = None
    is_carer: bool = False
    """A parent or carer (ouder, opvoedingsverantwoordelijke) of the children: not counted as "network"."""
    birth_date: str = date_field()
    """Date of birth (a child's is on the judge's document; the age follows from it when given)."""
    called_by_children: str = text_field(max_len=MAX_NAME)
    """How the children call this person ("mama", "oma Fatima"): the children's booklet uses it."""
    view_on_worries: str = text_field(max_len=2000)
    """Their position on the worries (practice element 1), in their own words."""
    view_on_help: str = text_field(max_len=2000)
    """Their position on the help and the professionals (practice element 1)."""
    gender: Literal["", "female", "male", "other"] = ""
    deceased: bool = False
    household: bool = False
    """Lives with the child (the genogram's household line)."""
    human: bool = True
    """False for a pet or another non-human contact (easyNWK files have them)."""
    # Family Finding (Kevin Campbell): the search for relatives and important people, per person.
    ff_status: Literal["", "to_find", "found", "contacted", "willing", "committed", "declined"] = ""
    ff_lead: str = text_field(max_len=1000)
    """How the person was found: who gave the lead, which record."""
    ff_last_contact: str = date_field()
    ff_follow_up: str | None = None
    """Person id of who follows up the search or contact."""
    ff_next_step: str = text_field(max_len=1000)

    @property
    def informal(self) -> bool:
        return self.sector != "professional"


@dataclass(frozen=True, kw_only=True)
class Tie(Record):
    """A relation between two people: family tie, support, conflict, contact broken."""

    KIND: ClassVar[str] = "tie"
    id: str
    a: str = text_field(required=True, max_len=64)
    b: str = text_field(required=True, max_len=64)
    kind: Literal["family", "support", "conflict", "broken", "parent", "partner", "ex_partner"] = "support"
    """See ``vocab.TIE_KINDS``: for ``parent``, ``a`` is the parent of ``b``."""
    note: str = text_field(max_len=500)

    def check(self, where: str) -> None:
        if self.a == self.b:
            raise ValidationError(f"{where}.b", "tie_to_self")


@dataclass(frozen=True, kw_only=True)
class Meeting(Record):
    """A meeting of the case: its kind, date, who is present, and the agenda (phases)."""

    KIND: ClassVar[str] = "meeting"
    id: str
    kind: Literal["network_meeting", "interim_evaluation", "second_network_meeting", "reflecting_team", "training"] = (
        "network_meeting"
    )
    date: str = date_field()
    title: str = text_field(max_len=MAX_NAME)
    present: tuple[str, ...] = ()
    location: str = text_field(max_len=MAX_NAME)
    professional_note: str = text_field()
    """Seen by professionals only: hidden in projection mode and never in the family's documents."""
    agenda: tuple[str, ...] = ()
    """Phase keys or free phase titles of this meeting's course, in order; empty = the standard agenda."""
    phase: int = int_field(0, 99, default=0)
    """Index in the agenda of the phase the meeting is in."""
    started_at: str = text_field(max_len=40)
    """When the meeting was started on screen (ISO time; empty = not started)."""
    phase_started_at: str = text_field(max_len=40)
    scribe: str | None = None
    """Reflecting team: person id of the team member who writes the record of this meeting."""
    # What the family screen shows, shared by every screen of the meeting through the store (set with
    # ``Session.do(..., undoable=False)``: pointing at something is not an edit anyone wants to undo).
    pointer: str | None = None
    """The id of the record the consultant points at (an item, a person, an agreement): highlighted."""
    blank: bool = False
    """The family screen is blanked (B)."""
    pinned: str = text_field(max_len=40)
    """A part pinned to the family screen whatever the phase ("" follows the phase)."""

    def check(self, where: str) -> None:
        if not self.date:
            raise ValidationError(f"{where}.date", "empty")


@dataclass(frozen=True, kw_only=True)
class Item(Record):
    """One entry in the three columns (worry, strength, goal...) in the speaker's own words."""

    KIND: ClassVar[str] = "item"
    id: str
    element: Literal[
        "harm",
        "danger_statement",
        "complicating_factor",
        "strength",
        "exception",
        "existing_safety",
        "safety_goal",
        "bottom_line",
        "next_step",
    ] = "harm"
    text: str = text_field(required=True)
    author: str | None = None
    """Person id of who said it."""
    meeting: str | None = None
    """Meeting id of the meeting where it was added."""
    position: float = 0.0
    agree: tuple[str, ...] = ()
    disagree: tuple[str, ...] = ()
    paired_with: str | None = None
    """Danger statement <-> safety goal pairing (stored on both)."""
    set_by: str = text_field(max_len=MAX_NAME)
    """For bottom lines: who set it, as a key of ``vocab.BOTTOM_LINE_SETTERS`` ("judge", "consultant") shown in
    the reader's language, or as typed for anyone else."""
    # Guided danger statement parts (who is worried / about what behaviour / impact if nothing changes).
    ds_who: str = text_field()
    ds_behaviour: str = text_field()
    ds_impact: str = text_field()
    # Guided safety goal parts: what the parents/carers will do, what the child will experience, what others
    # will see, for how long it must last.
    sg_carers_do: str = text_field()
    sg_child_experiences: str = text_field()
    sg_others_see: str = text_field()
    sg_how_long: str = text_field(max_len=500)
    scenario: str | None = None
    """Reflecting team: the scenario this item belongs to; None = the case's own columns."""

    @property
    def column(self) -> str:
        return column_of(self.element)

    def check(self, where: str) -> None:
        if set(self.agree) & set(self.disagree):
            raise ValidationError(f"{where}.disagree", "agree_and_disagree")


@dataclass(frozen=True, kw_only=True)
class Scale(Record):
    """A scaling question asked in meetings: the safety scale, a parent's willingness, a goal, ..."""

    KIND: ClassVar[str] = "scale"
    id: str
    kind: Literal["safety", "willingness", "confidence", "capacity", "goal_progress", "child", "free"] = "safety"
    subject: str | None = None
    """Person id (willingness/confidence/capacity of a parent; the child of a ``child`` scale) or item id
    (progress on a safety goal)."""
    question: str = text_field(max_len=1000)
    """Own wording for a free question (empty: the standard wording of the kind)."""
    anchor_low: str = text_field(max_len=500)
    anchor_high: str = text_field(max_len=500)
    scenario: str | None = None


@dataclass(frozen=True, kw_only=True)
class Score(Record):
    """One person's answer to one scaling question in one meeting (0-10)."""

    KIND: ClassVar[str] = "score"
    id: str
    scale: str = text_field(required=True, max_len=64)
    meeting: str = text_field(required=True, max_len=64)
    person: str = text_field(required=True, max_len=64)
    value: int = int_field(0, 10)
    why_not_lower: str = text_field()
    one_point_higher: str = text_field()

    @staticmethod
    def key(scale: str, meeting: str, person: str) -> str:
        return f"{scale}:{meeting}:{person}"

    def check(self, where: str) -> None:
        if self.id != Score.key(self.scale, self.meeting, self.person):
            raise ValidationError(f"{where}.id", "score_id")


@dataclass(frozen=True, kw_only=True)
class Agreement(Record):
    """A safety plan rule: what happens, who does it, the backup, when, and what if it does not."""

    KIND: ClassVar[str] = "agreement"
    id: str
    what: str = text_field(required=True)
    owner: str | None = None
    backup: str | None = None
    when: str = text_field(max_len=500)
    if_not: str = text_field()
    check_how: str = text_field()
    links: tuple[str, ...] = ()
    """Item ids (danger statements, safety goals, bottom lines) this agreement answers."""
    agreed_by: tuple[str, ...] = ()
    position: float = 0.0
    meeting: str | None = None


@dataclass(frozen=True, kw_only=True)
class Scenario(Record):
    """Reflecting team: one possible way forward (return home with a plan, stay with grandmother...)."""

    KIND: ClassVar[str] = "scenario"
    id: str
    title: str = name_field()
    description: str = text_field()
    position: float = 0.0
    kind: Literal["scenario", "team_map"] = "scenario"
    """``team_map``: the reflecting team's own map of the case in professional language (its items are the
    team's, kept apart from the family's words in the case's own columns)."""


@dataclass(frozen=True, kw_only=True)
class Reflection(Record):
    """Reflecting team: one team member's contribution in a round, or a conclusion of the discussion."""

    KIND: ClassVar[str] = "reflection"
    id: str
    meeting: str = text_field(required=True, max_len=64)
    author: str | None = None
    text: str = text_field(required=True)
    round: int = int_field(0, 99, default=1)
    is_conclusion: bool = False
    is_next_step: bool = False
    """A next step of the team (kept in the team's record, never among the case's own next steps)."""
    position: float = 0.0


@dataclass(frozen=True, kw_only=True)
class RoleCard(Record):
    """Training: a role a participant plays (mother, neighbour...), with what that role knows and thinks."""

    KIND: ClassVar[str] = "rolecard"
    id: str
    role: str = text_field(required=True, max_len=MAX_NAME)
    person: str | None = None
    """The person of the case this role plays, if any."""
    knows: str = text_field()
    thinks: str = text_field()
    position: float = 0.0


@dataclass(frozen=True, kw_only=True)
class RevealStep(Record):
    """Training: a piece of case information the trainer reveals when the exercise gets there."""

    KIND: ClassVar[str] = "reveal"
    id: str
    title: str = text_field(required=True, max_len=MAX_NAME)
    text: str = text_field()
    revealed: bool = False
    position: float = 0.0


from .model_child import Feedback, HouseEntry, Story, StoryPage  # noqa: E402  (they build on the records above)
from .model_trajectory import MapSnapshot, PlanVersion, Review, Step  # noqa: E402

RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (
        CaseInfo,
        Person,
        Tie,
        Meeting,
        Item,
        Scale,
        Score,
        Agreement,
        Scenario,
        Reflection,
        RoleCard,
        RevealStep,
        Review,
        PlanVersion,
        Step,
        MapSnapshot,
        Story,
        StoryPage,
        HouseEntry,
        Feedback,
    )
}
KINDS = tuple(RECORD_TYPES)
