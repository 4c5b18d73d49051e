"""Records of the whole trajectory: reviews of agreements, signed plan versions, the steps of the six
weeks as they really went, and the network map kept at each meeting.

Registered in ``model.RECORD_TYPES``; see ``docs/case-file.md`` for their place in the case file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from .errors import ValidationError
from .record import Nested, Record, date_field, int_field, name_field, text_field
from .vocab import MAX_NAME


@dataclass(frozen=True, kw_only=True)
class Review(Record):
    """How one agreement of the plan is doing, as said at one meeting (interim or second network meeting)."""

    KIND: ClassVar[str] = "review"
    id: str
    """``"{agreement}:{meeting}"``: one review per agreement per meeting."""
    agreement: str = text_field(required=True, max_len=64)
    meeting: str = text_field(required=True, max_len=64)
    status: Literal["works", "partly", "not_working", "changed", "new"] = "works"
    note: str = text_field()
    said_by: str | None = None
    """Person id of who said it."""

    @staticmethod
    def key(agreement: str, meeting: str) -> str:
        return f"{agreement}:{meeting}"

    def check(self, where: str) -> None:
        if self.id != Review.key(self.agreement, self.meeting):
            raise ValidationError(f"{where}.id", "review_id")


@dataclass(frozen=True, kw_only=True)
class SignedItem(Nested):
    """A danger statement, safety goal or bottom line as it stood when the plan was signed."""

    item: str = text_field(required=True, max_len=64)
    element: Literal["danger_statement", "safety_goal", "bottom_line"] = "danger_statement"
    text: str = text_field(required=True)
    set_by: str = text_field(max_len=MAX_NAME)


@dataclass(frozen=True, kw_only=True)
class SignedAgreement(Nested):
    """One agreement as it stood when the plan was signed: its words and the names as they were then."""

    agreement: str = text_field(required=True, max_len=64)
    number: int = int_field(1, 999)
    what: str = text_field(required=True)
    owner: str | None = None
    """Person id then (the name is kept in ``owner_name``: a person may be renamed or removed later)."""
    owner_name: str = text_field(max_len=MAX_NAME)
    backup: str | None = None
    backup_name: str = text_field(max_len=MAX_NAME)
    when: str = text_field(max_len=500)
    if_not: str = text_field()
    check_how: str = text_field()
    links: tuple[str, ...] = ()
    """Item ids of the danger statements, goals and bottom lines it answers (see ``PlanVersion.items``)."""
    agreed_by: tuple[str, ...] = ()
    """Names of who agreed, as they were then."""


@dataclass(frozen=True, kw_only=True)
class PlanVersion(Record):
    """A version of the safety plan signed at a network meeting (v1 on day 14/15, v2, ...), as signed."""

    KIND: ClassVar[str] = "plan_version"
    id: str
    number: int = int_field(1, 99)
    meeting: str | None = None
    """The meeting that signed it."""
    signed_on: str = date_field()
    sent_to_judge_on: str = date_field()
    """"Naar de jeugdrechter gestuurd op": empty until sent."""
    note: str = text_field()
    items: tuple[SignedItem, ...] = ()
    agreements: tuple[SignedAgreement, ...] = ()
    signed_by: tuple[str, ...] = ()
    """Person ids of who signed (the names are in the agreements' ``agreed_by`` and in the document)."""


@dataclass(frozen=True, kw_only=True)
class Step(Record):
    """A step of the six-week module as it really went: a planned date moved, or done on a real date.

    ``id`` is the step's key in ``trajectory.STEPS`` (e.g. ``"hearing"``); a step without a record is
    planned on its day of the table and not done. Nothing is ever marked done by the calendar alone.
    """

    KIND: ClassVar[str] = "step"
    id: str
    planned: str = date_field()
    """A planned date the consultant moved (empty: the table's day)."""
    done_on: str = date_field()
    """The real date it was done (empty: not done yet)."""
    note: str = text_field()


@dataclass(frozen=True, kw_only=True)
class PersonOnMap(Nested):
    """A person as the map showed them at a meeting."""

    person: str = text_field(required=True, max_len=64)
    name: str = name_field()
    relation: str = text_field(max_len=MAX_NAME)
    sector: Literal["family", "friends", "school", "professional"] = "family"
    closeness: int = int_field(1, 3, default=2)
    is_child: bool = False
    is_carer: bool = False
    knowledge: Literal["all", "some", "none"] = "none"
    in_safety_network: bool = False
    ff_status: Literal["", "to_find", "found", "contacted", "willing", "committed", "declined"] = ""
    x: float | None = None
    y: float | None = None


@dataclass(frozen=True, kw_only=True)
class TieOnMap(Nested):
    """A tie as the map showed it at a meeting."""

    a: str = text_field(required=True, max_len=64)
    b: str = text_field(required=True, max_len=64)
    kind: Literal["family", "support", "conflict", "broken", "parent", "partner", "ex_partner"] = "support"


@dataclass(frozen=True, kw_only=True)
class MapSnapshot(Record):
    """The network map as it stood when a meeting was held (to compare the network over time)."""

    KIND: ClassVar[str] = "map_snapshot"
    id: str
    meeting: str = text_field(required=True, max_len=64)
    taken_on: str = date_field()
    people: tuple[PersonOnMap, ...] = ()
    ties: tuple[TieOnMap, ...] = ()
