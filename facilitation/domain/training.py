"""Training exercises: groups work on copies of a fictional case; role cards; information revealed in steps.

An exercise starts from a sample case (or a fictional stored case). Each group gets its own copy: a case
with ``source`` = the sample's name and ``group_name`` set, holding what the groups start from: the case's
people and ties, the judge's bottom lines, the role cards and the reveal steps (all hidden). What the case
file already knew beyond that (the worries, strengths, scores, the plan) is not given away: it becomes role
cards (what each role knows and thinks) and reveal steps the trainer opens when the exercise gets there.

Resetting a copy returns it to that start in one edit; the role cards and reveal steps the trainer prepared
are kept (hidden again). The sample itself is only ever read.

No translations here: texts for generated cards and steps come from a ``Say`` callable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from statistics import median
from typing import Any

from . import ops
from .case import Case, Change, Edit
from .errors import ValidationError
from .model import Agreement, CaseInfo, Item, Meeting, Person, RevealStep, RoleCard

Say = Callable[..., str]
"""``say(name, **params)``: a sentence for generated cards and steps, in the case's language."""

EXERCISE_MEETING = "m-exercise"
"""The id of the exercise's own meeting in every copy (record ids are per case)."""

MIN_CARD_AGE = 6
"""Younger children are not played in a simulation."""

KEPT_KINDS = ("person", "tie")
"""What a copy takes from the sample as is; of the items only the bottom lines (the judge's requirements)."""


def is_copy(info: CaseInfo) -> bool:
    return bool(info.source and info.group_name)


# ---- role cards ---------------------------------------------------------------------------------


def _role_title(p: Person) -> str:
    rel = " ".join(p.relation.split())
    return f"{rel[:1].upper()}{rel[1:]} – {p.name}" if rel else p.name


def _card_order(p: Person) -> tuple[Any, ...]:
    return (not p.is_child, p.sector == "professional", p.closeness, p.sector, p.name.casefold())


def _quote(text: str, limit: int = 400) -> str:
    s = " ".join(text.split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def role_cards_from_people(case: Case, say: Say) -> list[RoleCard]:
    """A card per person who can be played: what that role knows and thinks, drawn from the case file."""
    cards = []
    people = sorted(case.people.values(), key=_card_order)
    authored: dict[str, list[Item]] = {}
    for item in sorted(case.items.values(), key=lambda i: (i.position, i.id)):
        if item.author and item.scenario is None:
            authored.setdefault(item.author, []).append(item)
    harms = [i for i in case.items_of("harm")]
    safety = {s.id for s in case.scales.values() if s.kind == "safety" and s.scenario is None and s.subject is None}
    meeting_order = {m.id: n for n, m in enumerate(case.meetings_by_date())}
    for n, p in enumerate(people):
        if p.is_child and p.age is not None and p.age < MIN_CARD_AGE:
            continue
        knows: list[str] = []
        if p.is_child and p.age is not None:
            knows.append(say("age", age=p.age))
        knows.append(say(f"knowledge_{p.knowledge}"))
        if p.notes.strip():
            knows.append(say("background", text=_quote(p.notes)))
        if p.knowledge == "all":
            for h in harms[:3]:
                who = case.name_of(h.author) if h.author != p.id else ""
                knows.append(
                    say("happened_by", name=who, text=_quote(h.text)) if who else say("happened", text=_quote(h.text))
                )
        for t in case.ties.values():
            if p.id not in (t.a, t.b):
                continue
            other = case.people.get(t.b if t.a == p.id else t.a)
            if other is None:
                continue
            rel = " ".join(re.sub(r"\([^)]*\)", " ", other.relation).split())
            name = f"{other.name} ({rel})" if rel else other.name
            knows.append(
                say(f"tie_{t.kind}", name=name, note=f": {' '.join(t.note.split())}" if t.note.strip() else "")
            )
        thinks: list[str] = []
        for item in authored.get(p.id, []):
            thinks.append(say(f"says_{item.column}", text=_quote(item.text)))
        for item in case.items.values():
            if p.id in item.disagree and item.scenario is None:
                thinks.append(say("disagrees", text=_quote(item.text, 200)))
        scores = [s for s in case.scores.values() if s.person == p.id and s.scale in safety]
        if scores:
            last = max(scores, key=lambda s: meeting_order.get(s.meeting, -1))
            thinks.append(say("score", value=last.value))
            if last.why_not_lower.strip():
                thinks.append(say("why_not_lower", text=_quote(last.why_not_lower)))
            if last.one_point_higher.strip():
                thinks.append(say("one_point_higher", text=_quote(last.one_point_higher)))
        if not thinks:
            thinks.append(say("think_yourself"))
        cards.append(
            RoleCard(
                id=f"rc-{p.id}",
                role=_role_title(p)[:200],
                person=p.id,
                knows="\n".join(knows)[:10_000],
                thinks="\n".join(thinks)[:10_000],
                position=float(n + 1),
            )
        )
    return cards


# ---- reveal steps -------------------------------------------------------------------------------

REVEAL_ORDER = (
    ("harm", ("harm",)),
    ("complicating", ("complicating_factor",)),
    ("working_well", ("strength", "existing_safety")),
)


def reveal_steps_from_case(case: Case, say: Say) -> list[RevealStep]:
    """The case's own facts as steps to reveal: what happened, what makes it hard, what is working."""
    steps = []
    for n, (key, elements) in enumerate(REVEAL_ORDER, 1):
        lines = []
        for element in elements:
            for item in case.items_of(element):
                who = case.name_of(item.author)
                lines.append(
                    say("line_by", name=who, text=_quote(item.text, 600)) if who else f"– {_quote(item.text, 600)}"
                )
        if lines:
            steps.append(
                RevealStep(
                    id=f"rv-{key}", title=say(f"step_{key}")[:200], text="\n".join(lines)[:10_000], position=float(n)
                )
            )
    return steps


# ---- copies and their start ---------------------------------------------------------------------


def _given_item(item: Item) -> Item:
    """A bottom line as the groups receive it: not tied to a meeting or a safety goal of the sample."""
    return item.replace(meeting=None, paired_with=None, agree=(), disagree=(), scenario=None)


def start_state(
    sample: Case,
    info: CaseInfo,
    meeting_date: str,
    cards: Iterable[RoleCard],
    steps: Iterable[RevealStep],
) -> Case:
    """What a group's copy holds at the start of the exercise (all steps hidden)."""
    records: list[Any] = [info]
    for kind in KEPT_KINDS:
        records += sample.all(kind)
    records += [_given_item(i) for i in sample.items_of("bottom_line") if i.scenario is None]
    records += list(cards)
    records += [s.replace(revealed=False) for s in steps]
    records.append(Meeting(id=EXERCISE_MEETING, kind="training", date=meeting_date, title=info.group_name[:200]))
    return Case.from_records(records)


def new_copy(
    sample: Case,
    source: str,
    group: str,
    today: str,
    say: Say,
    cards: Iterable[RoleCard] | None = None,
    steps: Iterable[RevealStep] | None = None,
) -> Case:
    """A group's copy of the sample: a new case id, fictional, ``source`` and ``group_name`` set."""
    group = ops.clean(group)
    if not group:
        raise ValidationError("case.group_name", "empty")
    if cards is None:
        cards = sample.all("rolecard") or role_cards_from_people(sample, say)
    if steps is None:
        steps = sample.all("reveal") or reveal_steps_from_case(sample, say)
    title = f"{sample.info.title} – {group}"
    info = CaseInfo.from_dict(
        {
            "id": ops.new_id("c-"),
            "title": title[:200],
            "start_date": sample.info.start_date,
            "summary": sample.info.summary,
            "fictional": True,
            "language": sample.info.language,
            "source": source[:200],
            "group_name": group[:200],
        },
        "case",
    )
    return start_state(sample, info, today, cards, steps)


def reset_edit(current: Case, sample: Case) -> Edit:
    """One edit that returns a copy to its start: the group's work gone, the trainer's cards kept, steps hidden."""
    m = current.meetings.get(EXERCISE_MEETING)
    start = start_state(
        sample,
        current.info,
        m.date if m is not None else current.info.start_date,
        current.all("rolecard"),
        current.all("reveal"),
    )
    return diff(current, start, "training.edit.reset")


def diff(current: Case, target: Case, label: str) -> Edit:
    """The edit that turns ``current`` into ``target`` (records created, changed, removed)."""
    changes: list[Change] = []
    kinds = set(current.records) | set(target.records)
    for kind in sorted(kinds):
        now = current.records.get(kind, {})
        then = target.records.get(kind, {})
        for rid in sorted(set(now) | set(then)):
            before = now[rid].to_dict() if rid in now else None
            after = then[rid].to_dict() if rid in then else None
            if before != after:
                changes.append(Change(kind, rid, before, after))
    return Edit(label, tuple(changes))


# ---- what the trainer does in every copy --------------------------------------------------------


def steps_in_order(case: Case) -> list[RevealStep]:
    return sorted(case.all("reveal"), key=lambda s: (s.position, s.id))


def cards_in_order(case: Case) -> list[RoleCard]:
    return sorted(case.all("rolecard"), key=lambda c: (c.position, c.id))


def next_hidden(case: Case) -> RevealStep | None:
    for s in steps_in_order(case):
        if not s.revealed:
            return s
    return None


def set_revealed(case: Case, step_id: str, revealed: bool) -> Edit:
    if step_id not in case.records.get("reveal", {}):
        return Edit("training.edit.reveal", ())
    return ops.update(
        case, "reveal", step_id, "training.edit.reveal" if revealed else "training.edit.hide", revealed=revealed
    )


def put_record(case: Case, record: Any, label: str) -> Edit:
    """Create or replace one record (a card or a step the trainer wrote) so that every copy holds the same."""
    bucket = case.records.get(record.KIND, {})
    checked = type(record).from_dict(record.to_dict(), record.KIND)
    before = bucket[record.id].to_dict() if record.id in bucket else None
    after = checked.to_dict()
    if before == after:
        return Edit(label, ())
    return Edit(label, (Change(record.KIND, record.id, before, after),))


def remove_record(case: Case, kind: str, record_id: str, label: str) -> Edit:
    bucket = case.records.get(kind, {})
    if record_id not in bucket:
        return Edit(label, ())
    return ops.delete(case, kind, record_id, label)


# ---- comparing the groups -----------------------------------------------------------------------


@dataclass(frozen=True)
class GroupResult:
    """What one group made: its danger statements, safety goals, safety scale scores and safety plan."""

    case_id: str
    group: str
    danger_statements: list[str]
    safety_goals: list[str]
    scores: list[tuple[str, int]]
    middle: float | None
    agreements: list[Agreement]


def group_result(case: Case) -> GroupResult:
    safety = {s.id for s in case.scales.values() if s.kind == "safety" and s.scenario is None and s.subject is None}
    meeting_order = {m.id: n for n, m in enumerate(case.meetings_by_date())}
    latest: dict[str, Any] = {}
    for s in case.scores.values():
        if s.scale not in safety:
            continue
        prev = latest.get(s.person)
        if prev is None or meeting_order.get(s.meeting, -1) >= meeting_order.get(prev.meeting, -1):
            latest[s.person] = s
    scores = sorted(((case.name_of(pid, "?"), s.value) for pid, s in latest.items()), key=lambda x: x[0].casefold())
    values = [v for _, v in scores]
    return GroupResult(
        case_id=case.id,
        group=case.info.group_name,
        danger_statements=[i.text for i in case.items_of("danger_statement")],
        safety_goals=[i.text for i in case.items_of("safety_goal")],
        scores=scores,
        middle=float(median(values)) if values else None,
        agreements=case.agreements_in_order(),
    )
