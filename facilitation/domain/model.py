"""The case and its parts as frozen records: people, ties, meetings, the three columns, scales, the plan.

Every record is a frozen dataclass with a ``KIND`` and an ``id``. Records are never mutated: an
operation (see ``ops``) produces an ``Edit`` holding before/after dictionaries, and the case applies it.
No widget, plotly or store import here.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar, Literal, get_args, get_origin

from .errors import ValidationError

# C0/C1 control characters other than tab, newline and carriage return: never typed, only pasted by accident.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# ---- vocabularies -----------------------------------------------------------------------------

SECTORS = ("family", "friends", "school", "professional")
"""Sectors of the network map: family, friends and neighbours, school and leisure, professionals."""

CLOSENESS = (1, 2, 3)
"""Closeness rings: 1 very close, 2 close, 3 further away."""

KNOWLEDGE = ("all", "some", "none")
"""Safety circles: knows everything / something / nothing of the worries."""

TIE_KINDS = ("family", "support", "conflict", "broken")

MEETING_KINDS = ("network_meeting", "interim_evaluation", "reflecting_team", "training")

COLUMNS = ("worries", "working_well", "needs_to_happen")

ELEMENTS: dict[str, tuple[str, ...]] = {
    "worries": ("harm", "danger_statement", "complicating_factor"),
    "working_well": ("strength", "existing_safety"),
    "needs_to_happen": ("safety_goal", "bottom_line", "next_step"),
}
ELEMENT_KINDS = tuple(e for col in COLUMNS for e in ELEMENTS[col])
DEFAULT_ELEMENT = {"worries": "harm", "working_well": "strength", "needs_to_happen": "next_step"}

SCALE_KINDS = ("safety", "willingness", "confidence", "capacity", "goal_progress", "free")

MAX_TEXT = 10_000
"""Longest free text we accept in any field (a long worry is fine; a pasted file is not)."""
MAX_NAME = 200


def column_of(element: str) -> str:
    """The column an element kind belongs to."""
    for col, elements in ELEMENTS.items():
        if element in elements:
            return col
    raise ValueError(element)


# ---- generic record machinery -----------------------------------------------------------------


class Record:
    """Base of all case records: (de)serialisation with plain-language validation."""

    KIND: ClassVar[str]
    id: str

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            v = getattr(self, f.name)
            out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    @classmethod
    def from_dict(cls, data: Any, where: str = "") -> Any:
        """Build a record from a dictionary, naming the field and the problem when it does not fit."""
        where = where or cls.KIND
        if not isinstance(data, dict):
            raise ValidationError(where, "not_object")
        fields, hints, known = _schema(cls)
        extra = sorted(set(data) - known)
        if extra:
            raise ValidationError(f"{where}.{extra[0]}", "unknown_field")
        kwargs: dict[str, Any] = {}
        for f in fields:
            path = f"{where}.{f.name}"
            if f.name not in data:
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    raise ValidationError(path, "missing")
                continue
            kwargs[f.name] = _coerce(data[f.name], hints[f.name], path, f.metadata)
        obj = cls(**kwargs)
        obj.check(where)
        return obj

    def check(self, where: str) -> None:
        """Cross-field rules; records override."""

    def replace(self, **changes: Any) -> Any:
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]


@functools.cache
def _schema(cls: type) -> tuple[tuple[dataclasses.Field[Any], ...], dict[str, Any], frozenset[str]]:
    """A record class's fields, resolved type hints and field names (computed once per class)."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    return fields, typing.get_type_hints(cls), frozenset(f.name for f in fields)


def _coerce(value: Any, hint: Any, path: str, meta: Any) -> Any:
    origin = get_origin(hint)
    args = get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _coerce(value, inner[0], path, meta)
    if origin is Literal:
        if value not in args:
            raise ValidationError(path, "not_in_choices", value=str(value)[:40], choices=", ".join(map(str, args)))
        return value
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise ValidationError(path, "not_list")
        return tuple(_coerce(v, args[0], f"{path}[{i}]", meta) for i, v in enumerate(value))
    if hint is bool:
        if not isinstance(value, bool):
            raise ValidationError(path, "not_bool")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(path, "not_int")
        lo, hi = meta.get("min"), meta.get("max")
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise ValidationError(path, "out_of_range", value=value, min=lo, max=hi)
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise ValidationError(path, "not_number")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise ValidationError(path, "not_text")
        limit = meta.get("max_len", MAX_TEXT)
        if len(value) > limit:
            raise ValidationError(path, "too_long", max=limit)
        if _CONTROL.search(value):
            raise ValidationError(path, "control_chars")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError(path, "control_chars") from None
        if meta.get("date") and value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise ValidationError(path, "not_date", value=value[:20]) from None
        if meta.get("required") and not value.strip():
            raise ValidationError(path, "empty")
        return value
    raise TypeError(f"unsupported field type {hint!r}")  # pragma: no cover - programming error


def text_field(*, required: bool = False, max_len: int = MAX_TEXT, default: str = "") -> Any:
    meta = {"required": required, "max_len": max_len}
    return field(metadata=meta) if required else field(default=default, metadata=meta)


def name_field() -> Any:
    return field(metadata={"required": True, "max_len": MAX_NAME})


def date_field(default: str = "") -> Any:
    return field(default=default, metadata={"date": True, "max_len": 10})


def int_field(lo: int, hi: int, default: Any = dataclasses.MISSING) -> Any:
    if default is dataclasses.MISSING:
        return field(metadata={"min": lo, "max": hi})
    return field(default=default, metadata={"min": lo, "max": hi})


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
    kind: Literal["family", "support", "conflict", "broken"] = "support"
    note: str = text_field(max_len=500)

    def check(self, where: str) -> None:
        if self.a == self.b:
            raise ValidationError(f"{where}.b", "tie_to_self")


@dataclass(frozen=True, kw_only=True)
class Meeting(Record):
    """A meeting of the case: its kind, date, who is present, and the agenda (phases)."""

    KIND: ClassVar[str] = "meeting"
    id: str
    kind: Literal["network_meeting", "interim_evaluation", "reflecting_team", "training"] = "network_meeting"
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
    """For bottom lines: who set it (the youth judge, the consultant)."""
    # Guided danger statement parts (who is worried / about what behaviour / impact if nothing changes).
    ds_who: str = text_field()
    ds_behaviour: str = text_field()
    ds_impact: str = text_field()
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
    kind: Literal["safety", "willingness", "confidence", "capacity", "goal_progress", "free"] = "safety"
    subject: str | None = None
    """Person id (willingness/confidence/capacity of a parent) or item id (progress on a safety goal)."""
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
    )
}
KINDS = tuple(RECORD_TYPES)
