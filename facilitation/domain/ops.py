"""Operations: each takes the current case and returns the ``Edit`` that a user action makes.

Operations validate (raising ``ValidationError`` with the field and the problem) and never touch
storage; the session applies the edit to the case and the store in one step.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from .case import Case, Change, Edit
from .errors import ValidationError
from .model import (
    DEFAULT_ELEMENT,
    RECORD_TYPES,
    Agreement,
    CaseInfo,
    Item,
    Meeting,
    Person,
    Record,
    Scale,
    Score,
    Tie,
)


def new_id(prefix: str = "") -> str:
    """A short random id; a prefix makes the case file easier to read (``p-``, ``i-``...)."""
    return f"{prefix}{uuid.uuid4().hex[:12]}"


# ---- generic ------------------------------------------------------------------------------------


def create(record: Record, label: str = "edit.create", **params: Any) -> Edit:
    rec = type(record).from_dict(record.to_dict())  # validates
    return Edit(label, (Change(rec.KIND, rec.id, None, rec.to_dict()),), params)


def update(case: Case, kind: str, id: str, label: str = "edit.update", /, **fields: Any) -> Edit:
    """Change some fields of one record (validated); an update that changes nothing gives an empty edit."""
    before = case.get(kind, id).to_dict()
    after = dict(before)
    for k, v in fields.items():
        if k not in before or k == "id":
            raise ValidationError(f"{kind}.{k}", "unknown_field")
        after[k] = list(v) if isinstance(v, tuple) else v
    after = RECORD_TYPES[kind].from_dict(after, kind).to_dict()
    if after == before:
        return Edit(label, ())
    return Edit(label, (Change(kind, id, before, after),), {"kind": kind})


def delete(case: Case, kind: str, id: str, label: str = "edit.delete") -> Edit:
    current = case.get(kind, id)
    return Edit(label, (Change(kind, id, current.to_dict(), None),), {"kind": kind})


def combine(label: str, edits: Iterable[Edit], **params: Any) -> Edit:
    """One edit (one undo step) from several."""
    changes: list[Change] = []
    for e in edits:
        changes.extend(e.changes)
    return Edit(label, tuple(changes), params)


def clean(value: str) -> str:
    """Text as typed, without surrounding white space; inner newlines are kept."""
    return value.strip()


def _next_position(records: Iterable[Any]) -> float:
    return max((r.position for r in records), default=0.0) + 1.0


# ---- case and meetings --------------------------------------------------------------------------


def new_case(title: str, start_date: str, children: Iterable[tuple[str, int | None]] = (), **info: Any) -> Case:
    """A new case with its children (name, age) on the network map, at the centre."""
    case_id = new_id("c-")
    case_info = CaseInfo.from_dict({"id": case_id, "title": clean(title), "start_date": start_date, **info})
    kids = []
    for name, age in children:
        kids.append(
            Person.from_dict(
                {"id": new_id("p-"), "name": clean(name), "relation": "", "is_child": True, "age": age, "closeness": 1},
                "child",
            )
        )
    return Case.new(case_info, *kids)


def add_meeting(case: Case, kind: str, date: str, present: Iterable[str] = (), title: str = "") -> tuple[Edit, str]:
    mid = new_id("m-")
    present = tuple(dict.fromkeys(p for p in present if p in case.people))
    m = Meeting.from_dict({"id": mid, "kind": kind, "date": date, "present": list(present), "title": clean(title)})
    return create(m, "edit.add_meeting"), mid


# ---- network ------------------------------------------------------------------------------------


def add_person(case: Case, name: str, **fields: Any) -> tuple[Edit, str]:
    pid = new_id("p-")
    data = {"id": pid, "name": clean(name), **fields}
    person = Person.from_dict(data, "person")
    return create(person, "edit.add_person", name=person.name), pid


def person_usages(case: Case, person_id: str) -> list[tuple[str, str]]:
    """Where a person is used outside the map: (usage key, text) pairs for the removal warning."""
    uses: list[tuple[str, str]] = []
    for a in case.agreements.values():
        if a.owner == person_id:
            uses.append(("usage.owner", a.what))
        elif a.backup == person_id:
            uses.append(("usage.backup", a.what))
        elif person_id in a.agreed_by:
            uses.append(("usage.agreed", a.what))
    for i in case.items.values():
        if i.author == person_id:
            uses.append(("usage.author", i.text))
    n_scores = sum(1 for s in case.scores.values() if s.person == person_id)
    if n_scores:
        uses.append(("usage.scores", str(n_scores)))
    for m in case.meetings.values():
        if person_id in m.present:
            uses.append(("usage.present", m.date))
    return uses


def remove_person(case: Case, person_id: str) -> Edit:
    """Remove a person and what only makes sense with them (ties, scores); clear references elsewhere."""
    person = case.get("person", person_id)
    edits = [delete(case, "tie", t.id) for t in case.ties.values() if person_id in (t.a, t.b)]
    edits += [delete(case, "score", s.id) for s in case.scores.values() if s.person == person_id]
    for a in case.agreements.values():
        fields: dict[str, Any] = {}
        if a.owner == person_id:
            fields["owner"] = None
        if a.backup == person_id:
            fields["backup"] = None
        if person_id in a.agreed_by:
            fields["agreed_by"] = tuple(p for p in a.agreed_by if p != person_id)
        if fields:
            edits.append(update(case, "agreement", a.id, **fields))
    for i in case.items.values():
        fields = {}
        if i.author == person_id:
            fields["author"] = None
        if person_id in i.agree:
            fields["agree"] = tuple(p for p in i.agree if p != person_id)
        if person_id in i.disagree:
            fields["disagree"] = tuple(p for p in i.disagree if p != person_id)
        if fields:
            edits.append(update(case, "item", i.id, **fields))
    for m in case.meetings.values():
        if person_id in m.present:
            edits.append(update(case, "meeting", m.id, present=tuple(p for p in m.present if p != person_id)))
    for s in case.scales.values():
        if s.subject == person_id:
            edits.append(update(case, "scale", s.id, subject=None))
    edits.append(delete(case, "person", person_id))
    return combine("edit.remove_person", edits, name=person.name)


def add_tie(case: Case, a: str, b: str, kind: str = "support", note: str = "") -> tuple[Edit, str]:
    for end, pid in (("a", a), ("b", b)):
        if pid not in case.people:
            raise ValidationError(f"tie.{end}", "unknown_person")
    for t in case.ties.values():
        if {t.a, t.b} == {a, b} and t.kind == kind:
            raise ValidationError("tie.b", "tie_exists")
    tid = new_id("t-")
    tie = Tie.from_dict({"id": tid, "a": a, "b": b, "kind": kind, "note": clean(note)}, "tie")
    return create(tie, "edit.add_tie"), tid


# ---- three columns ------------------------------------------------------------------------------


def add_item(
    case: Case,
    text: str,
    element: str | None = None,
    column: str | None = None,
    author: str | None = None,
    meeting: str | None = None,
    scenario: str | None = None,
    **fields: Any,
) -> tuple[Edit, str]:
    if element is None:
        element = DEFAULT_ELEMENT[column or "worries"]
    if author is not None and author not in case.people:
        raise ValidationError("item.author", "unknown_person")
    iid = new_id("i-")
    siblings = [i for i in case.items.values() if i.element == element and i.scenario == scenario]
    item = Item.from_dict(
        {
            "id": iid,
            "element": element,
            "text": clean(text),
            "author": author,
            "meeting": meeting,
            "scenario": scenario,
            "position": _next_position(siblings),
            **fields,
        },
        "item",
    )
    return create(item, "edit.add_item", element=element), iid


def move_item(case: Case, item_id: str, element: str) -> Edit:
    """Move to another element (and so possibly another column), at the end of its list."""
    item: Item = case.get("item", item_id)
    if item.element == element:
        return Edit("edit.move_item", ())
    siblings = [i for i in case.items.values() if i.element == element and i.scenario == item.scenario]
    fields: dict[str, Any] = {"element": element, "position": _next_position(siblings)}
    edits = []
    if item.paired_with:
        # A pairing only holds between a danger statement and a safety goal.
        fields["paired_with"] = None
        if item.paired_with in case.items:
            edits.append(update(case, "item", item.paired_with, paired_with=None))
    edits.insert(0, update(case, "item", item_id, **fields))
    return combine("edit.move_item", edits)


def reorder(case: Case, kind: str, record_id: str, step: int, siblings: list[Any]) -> Edit:
    """Move a record up (step -1) or down (+1) among ``siblings`` (already in order)."""
    ids = [s.id for s in siblings]
    i = ids.index(record_id)
    j = i + step
    if j < 0 or j >= len(ids):
        return Edit("edit.reorder", ())
    a, b = siblings[i], siblings[j]
    pa, pb = a.position, b.position
    if pa == pb:
        pb = pa + (1.0 if step > 0 else -1.0)
    return combine(
        "edit.reorder",
        [update(case, kind, a.id, position=pb), update(case, kind, b.id, position=pa)],
    )


def set_view(case: Case, item_id: str, person_id: str, view: str | None) -> Edit:
    """Record that a person agrees ('agree'), disagrees ('disagree') or has no say (None) on an item."""
    item: Item = case.get("item", item_id)
    agree = tuple(p for p in item.agree if p != person_id)
    disagree = tuple(p for p in item.disagree if p != person_id)
    if view == "agree":
        agree += (person_id,)
    elif view == "disagree":
        disagree += (person_id,)
    return update(case, "item", item_id, "edit.view", agree=agree, disagree=disagree)


def pair(case: Case, danger_id: str, goal_id: str | None) -> Edit:
    """Pair a danger statement with a safety goal (None: unpair), keeping both sides consistent."""
    ds: Item = case.get("item", danger_id)
    if ds.element != "danger_statement":
        raise ValidationError("item.paired_with", "not_danger_statement")
    edits = []
    if ds.paired_with and ds.paired_with != goal_id and ds.paired_with in case.items:
        edits.append(update(case, "item", ds.paired_with, paired_with=None))
    if goal_id is not None:
        goal: Item = case.get("item", goal_id)
        if goal.element != "safety_goal":
            raise ValidationError("item.paired_with", "not_safety_goal")
        if goal.paired_with and goal.paired_with != danger_id and goal.paired_with in case.items:
            edits.append(update(case, "item", goal.paired_with, paired_with=None))
        edits.append(update(case, "item", goal_id, paired_with=danger_id))
    edits.append(update(case, "item", danger_id, paired_with=goal_id))
    return combine("edit.pair", edits)


def delete_item(case: Case, item_id: str) -> Edit:
    item: Item = case.get("item", item_id)
    edits = []
    if item.paired_with and item.paired_with in case.items:
        edits.append(update(case, "item", item.paired_with, paired_with=None))
    for a in case.agreements.values():
        if item_id in a.links:
            edits.append(update(case, "agreement", a.id, links=tuple(x for x in a.links if x != item_id)))
    for s in case.scales.values():
        if s.subject == item_id:
            edits.append(update(case, "scale", s.id, subject=None))
    edits.append(delete(case, "item", item_id))
    return combine("edit.delete_item", edits)


# ---- scaling ------------------------------------------------------------------------------------


def parse_score(value: Any) -> int:
    """A score as typed or clicked: an integer 0-10, or a ValidationError naming what is wrong."""
    if isinstance(value, bool):
        raise ValidationError("score.value", "not_int")
    if isinstance(value, int):
        n = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise ValidationError("score.value", "not_int")
        n = int(value)
    elif isinstance(value, str):
        s = value.strip()
        if not s:
            raise ValidationError("score.value", "empty")
        if not (s.isascii() and (s.isdigit() or (s[0] == "-" and s[1:].isdigit()))):
            raise ValidationError("score.value", "not_int")
        n = int(s)
    else:
        raise ValidationError("score.value", "not_int")
    if not 0 <= n <= 10:
        raise ValidationError("score.value", "out_of_range", value=n, min=0, max=10)
    return n


def add_scale(
    case: Case, kind: str = "safety", subject: str | None = None, question: str = "", **fields: Any
) -> tuple[Edit, str]:
    sid = new_id("s-")
    scale = Scale.from_dict(
        {"id": sid, "kind": kind, "subject": subject, "question": clean(question), **fields}, "scale"
    )
    return create(scale, "edit.add_scale"), sid


def set_score(
    case: Case,
    scale: str,
    meeting: str,
    person: str,
    value: Any,
    why_not_lower: str | None = None,
    one_point_higher: str | None = None,
) -> Edit:
    """Record (or replace) a person's score; the answers are kept unless new ones are given."""
    n = parse_score(value)
    for kind, rid in (("scale", scale), ("meeting", meeting), ("person", person)):
        case.get(kind, rid)
    key = Score.key(scale, meeting, person)
    current: Score | None = case.scores.get(key)
    data = {
        "id": key,
        "scale": scale,
        "meeting": meeting,
        "person": person,
        "value": n,
        "why_not_lower": clean(why_not_lower)
        if why_not_lower is not None
        else (current.why_not_lower if current else ""),
        "one_point_higher": clean(one_point_higher)
        if one_point_higher is not None
        else (current.one_point_higher if current else ""),
    }
    if current is None:
        return create(Score.from_dict(data, "score"), "edit.set_score")
    return update(case, "score", key, "edit.set_score", **{k: v for k, v in data.items() if k != "id"})


# ---- safety plan --------------------------------------------------------------------------------


def add_agreement(case: Case, what: str, **fields: Any) -> tuple[Edit, str]:
    for role in ("owner", "backup"):
        pid = fields.get(role)
        if pid is not None and pid not in case.people:
            raise ValidationError(f"agreement.{role}", "unknown_person")
    aid = new_id("a-")
    agreement = Agreement.from_dict(
        {"id": aid, "what": clean(what), "position": _next_position(case.agreements.values()), **fields}, "agreement"
    )
    return create(agreement, "edit.add_agreement"), aid
