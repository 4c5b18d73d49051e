"""The case aggregate and the edits that change it.

A ``Case`` is immutable. An ``Edit`` is a list of ``Change``s (kind, id, before, after) with a label;
``case.apply(edit)`` returns the new case, ``edit.inverse()`` undoes it. The store persists the same
edits, so what the screen shows and what is on disk are changed by one code path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import ConflictError, NotFoundError
from .model import (
    KINDS,
    RECORD_TYPES,
    Agreement,
    CaseInfo,
    Item,
    Meeting,
    Person,
    Record,
    Reflection,
    Scale,
    Scenario,
    Score,
    Tie,
)
from .model_child import Feedback, HouseEntry, Story, StoryPage
from .model_trajectory import MapSnapshot, PlanVersion, Review, Step


@dataclass(frozen=True)
class Change:
    """One record created (before None), changed, or deleted (after None)."""

    kind: str
    id: str
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None

    def inverse(self) -> Change:
        return Change(self.kind, self.id, self.after, self.before)


@dataclass(frozen=True)
class Edit:
    """What one user action changed; ``label`` is a translation key for the change log and undo."""

    label: str
    changes: tuple[Change, ...]
    params: Mapping[str, Any] = field(default_factory=dict)

    def inverse(self) -> Edit:
        return Edit(self.label, tuple(c.inverse() for c in reversed(self.changes)), self.params)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(c.kind for c in self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)


@dataclass(frozen=True)
class Case:
    """A whole case: every record by kind and id. Never mutated; ``apply`` returns a new case."""

    records: Mapping[str, Mapping[str, Record]]

    # ---- building ------------------------------------------------------------------------------

    @classmethod
    def new(cls, info: CaseInfo, *more: Record) -> Case:
        records: dict[str, dict[str, Record]] = {k: {} for k in KINDS}
        for r in (info, *more):
            records[r.KIND][r.id] = r
        return cls(records)

    @classmethod
    def from_records(cls, rows: Iterable[Record]) -> Case:
        records: dict[str, dict[str, Record]] = {k: {} for k in KINDS}
        for r in rows:
            records[r.KIND][r.id] = r
        return cls(records)

    def apply(self, edit: Edit, *, check: bool = True) -> Case:
        """The case after ``edit``; with ``check``, each change's ``before`` must match what is here."""
        touched: dict[str, dict[str, Record]] = {}
        for ch in edit.changes:
            bucket = touched.get(ch.kind)
            if bucket is None:
                bucket = touched[ch.kind] = dict(self.records.get(ch.kind, {}))
            current = bucket.get(ch.id)
            if check:
                now = current.to_dict() if current is not None else None
                if now != (dict(ch.before) if ch.before is not None else None):
                    raise ConflictError("stale", kind=ch.kind, id=ch.id)
            if ch.after is None:
                bucket.pop(ch.id, None)
            else:
                bucket[ch.id] = RECORD_TYPES[ch.kind].from_dict(dict(ch.after))
        merged = dict(self.records)
        merged.update(touched)
        return Case(merged)

    # ---- reading -------------------------------------------------------------------------------

    def get(self, kind: str, id: str) -> Any:
        rec = self.records.get(kind, {}).get(id)
        if rec is None:
            raise NotFoundError("not_found", kind=kind, id=id)
        return rec

    def all(self, kind: str) -> list[Any]:
        return list(self.records.get(kind, {}).values())

    @property
    def info(self) -> CaseInfo:
        infos = self.all("case")
        if len(infos) != 1:
            raise NotFoundError("no_case_info")
        return infos[0]  # type: ignore[no-any-return]

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def people(self) -> Mapping[str, Person]:
        return self.records.get("person", {})  # type: ignore[return-value]

    @property
    def ties(self) -> Mapping[str, Tie]:
        return self.records.get("tie", {})  # type: ignore[return-value]

    @property
    def meetings(self) -> Mapping[str, Meeting]:
        return self.records.get("meeting", {})  # type: ignore[return-value]

    @property
    def items(self) -> Mapping[str, Item]:
        return self.records.get("item", {})  # type: ignore[return-value]

    @property
    def scales(self) -> Mapping[str, Scale]:
        return self.records.get("scale", {})  # type: ignore[return-value]

    @property
    def scores(self) -> Mapping[str, Score]:
        return self.records.get("score", {})  # type: ignore[return-value]

    @property
    def agreements(self) -> Mapping[str, Agreement]:
        return self.records.get("agreement", {})  # type: ignore[return-value]

    @property
    def scenarios(self) -> Mapping[str, Scenario]:
        return self.records.get("scenario", {})  # type: ignore[return-value]

    @property
    def reflections(self) -> Mapping[str, Reflection]:
        return self.records.get("reflection", {})  # type: ignore[return-value]

    @property
    def reviews(self) -> Mapping[str, Review]:
        return self.records.get("review", {})  # type: ignore[return-value]

    @property
    def plan_versions(self) -> Mapping[str, PlanVersion]:
        return self.records.get("plan_version", {})  # type: ignore[return-value]

    @property
    def steps(self) -> Mapping[str, Step]:
        return self.records.get("step", {})  # type: ignore[return-value]

    @property
    def map_snapshots(self) -> Mapping[str, MapSnapshot]:
        return self.records.get("map_snapshot", {})  # type: ignore[return-value]

    @property
    def stories(self) -> Mapping[str, Story]:
        return self.records.get("story", {})  # type: ignore[return-value]

    @property
    def story_pages(self) -> Mapping[str, StoryPage]:
        return self.records.get("story_page", {})  # type: ignore[return-value]

    @property
    def house_entries(self) -> Mapping[str, HouseEntry]:
        return self.records.get("house_entry", {})  # type: ignore[return-value]

    @property
    def feedback(self) -> Mapping[str, Feedback]:
        return self.records.get("feedback", {})  # type: ignore[return-value]

    def carers(self) -> list[Person]:
        """The children's parents and carers (``Person.is_carer``), by name."""
        return sorted((p for p in self.people.values() if p.is_carer), key=lambda p: p.name.casefold())

    def children(self) -> list[Person]:
        return sorted((p for p in self.people.values() if p.is_child), key=lambda p: (-(p.age or 0), p.name))

    def meetings_by_date(self) -> list[Meeting]:
        return sorted(self.meetings.values(), key=lambda m: (m.date, m.id))

    def items_of(self, element: str, scenario: str | None = None) -> list[Item]:
        """Items of one element kind, in the consultant's order."""
        return sorted(
            (i for i in self.items.values() if i.element == element and i.scenario == scenario),
            key=lambda i: (i.position, i.id),
        )

    def agreements_in_order(self) -> list[Agreement]:
        return sorted(self.agreements.values(), key=lambda a: (a.position, a.id))

    def name_of(self, person_id: str | None, default: str = "") -> str:
        if person_id is None:
            return default
        p = self.people.get(person_id)
        return p.name if p else default

    def record_count(self) -> int:
        return sum(len(v) for v in self.records.values())
