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
from dataclasses import dataclass, replace
from statistics import median
from typing import Any

from . import ops
from .case import Case, Change, Edit
from .errors import ValidationError
from .model import COLUMNS, ELEMENTS, Agreement, CaseInfo, Item, Meeting, Person, RevealStep, RoleCard

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


# ---- who is who, from the card holder's point of view -------------------------------------------

FAMILY_TIES = ("parent", "partner", "ex_partner")


def _gender(p: Person) -> str:
    from .pseudonym_text import gender_of_role

    return p.gender if p.gender in ("female", "male") else gender_of_role(p.relation)


def _by_gender(p: Person, female: str, male: str, other: str) -> str:
    return {"female": female, "male": male}.get(_gender(p), other)


class Family:
    """Parents, children and partners of everyone, read from the genogram's ties."""

    def __init__(self, case: Case) -> None:
        self.parents: dict[str, set[str]] = {}
        self.children: dict[str, set[str]] = {}
        self.partners: dict[str, set[str]] = {}
        self.exes: dict[str, set[str]] = {}
        for t in case.ties.values():
            if t.kind == "parent":
                self.parents.setdefault(t.b, set()).add(t.a)
                self.children.setdefault(t.a, set()).add(t.b)
            elif t.kind in ("partner", "ex_partner"):
                bucket = self.partners if t.kind == "partner" else self.exes
                bucket.setdefault(t.a, set()).add(t.b)
                bucket.setdefault(t.b, set()).add(t.a)

    def siblings(self, x: str) -> set[str]:
        return {c for par in self.parents.get(x, ()) for c in self.children.get(par, ())} - {x}

    def relation(self, h: str, o: str) -> tuple[str, str] | None:
        """(relation key, via whom) of ``o`` to ``h``: ("mother", ""), ("partner_of_parent", parent id)..."""
        P, C = self.parents.get, self.children.get
        checks: list[tuple[str, bool, str]] = [
            ("parent", o in P(h, ()), ""),
            ("child", o in C(h, ()), ""),
            ("partner", o in self.partners.get(h, ()), ""),
            ("ex", o in self.exes.get(h, ()), ""),
            ("sibling", o in self.siblings(h), ""),
            ("grandparent", any(o in P(x, ()) for x in P(h, ())), ""),
            ("grandchild", any(o in C(x, ()) for x in C(h, ())), ""),
            ("uncle_aunt", any(o in self.siblings(x) for x in P(h, ())), ""),
            ("nephew_niece", any(o in C(x, ()) for x in self.siblings(h)), ""),
        ]
        for key, holds, via in checks:
            if holds:
                return key, via
        for x in P(h, ()):
            if o in self.partners.get(x, ()):
                return "partner_of_parent", x
        for x in self.partners.get(h, set()) | self.exes.get(h, set()):
            if o in P(x, ()):
                return "parent_of_partner", x
            if o in self.siblings(x):
                return "sibling_of_partner", x
            if o in self.partners.get(x, ()):
                return "partner_of_partner", x
        for x in C(h, ()):
            if o in self.partners.get(x, set()) | self.exes.get(x, set()):
                return "partner_of_child", x
        return None


_WORDS = {
    "parent": ("rel_mother", "rel_father", "rel_parent"),
    "child": ("rel_daughter", "rel_son", "rel_child"),
    "sibling": ("rel_sister", "rel_brother", "rel_sibling"),
    "grandparent": ("rel_grandmother", "rel_grandfather", "rel_grandparent"),
    "grandchild": ("rel_granddaughter", "rel_grandson", "rel_grandchild"),
    "uncle_aunt": ("rel_aunt", "rel_uncle", "rel_uncle_aunt"),
    "nephew_niece": ("rel_niece", "rel_nephew", "rel_nephew_niece"),
    "partner": ("rel_partner", "rel_partner", "rel_partner"),
    "ex": ("rel_ex", "rel_ex", "rel_ex"),
}


def relation_to_holder(case: Case, family: Family, holder: Person, other: Person, say: Say) -> str:
    """How the card holder calls ``other``: "je broer" on the father's card for his brother (the children's
    "nonkel"), "oma" on a child's card, "moeder van Mila en Finn" on a neighbour's card."""
    found = family.relation(holder.id, other.id)
    if found is not None:
        key, via = found
        if key in _WORDS:
            return say(_by_gender(other, *_WORDS[key]))
        via_p = case.people.get(via)
        whose = say(_by_gender(via_p, *_WORDS["parent" if key != "partner_of_child" else "child"])) if via_p else ""
        if key == "partner_of_parent":
            return say("rel_partner_of", whose=whose)
        if key == "partner_of_child":
            ex = via in family.exes.get(other.id, set())
            return say("rel_ex_of" if ex else "rel_partner_of", whose=whose)
        via_word = say("rel_ex") if via in family.exes.get(holder.id, ()) else say("rel_partner")
        if key == "parent_of_partner":
            return say(_by_gender(other, "rel_mother_of", "rel_father_of", "rel_parent_of"), whose=via_word)
        if key == "sibling_of_partner":
            return say(_by_gender(other, "rel_sister_of", "rel_brother_of", "rel_sibling_of"), whose=via_word)
        return say("rel_partner_of", whose=via_word)
    rel = " ".join(re.sub(r"\([^)]*\)", " ", other.relation).split())
    from .pseudonym_text import same_role_words

    # "tante (zus van papa)" on papa's card: "je zus".
    for word, whose in re.findall(r"\b(\w+) van (\w+)\b", other.relation):
        holder_roles = f"{holder.called_by_children} {holder.relation}".split()
        if any(same_role_words(whose, r) for r in holder_roles):
            return say("rel_yours", rel=word)
    if holder.is_child:
        called = other.called_by_children.strip()
        first = other.name.split()[0].casefold() if other.name.split() else ""
        if called and called.casefold() not in (first, other.name.casefold()):
            return called
        mine = re.sub(rf"\s+van\s+{re.escape(holder.name.split()[0])}\b", "", rel) if holder.name.split() else rel
        return say("rel_yours", rel=mine) if mine != rel else rel
    kids = [c.name.split()[0] for c in case.children()]
    if rel and " van " not in f" {rel} " and (other.is_child or other.sector == "family") and kids:
        names = " en ".join([", ".join(kids[:-1]), kids[-1]]) if len(kids) > 1 else kids[0]
        return say("rel_of_children", rel=rel, names=names)
    return rel


def relations_lines(case: Case, holder: Person, say: Say) -> list[str]:
    """The card's lines on the people around the holder, each as the holder would call them."""
    family = Family(case)
    lines: list[str] = []
    seen: set[str] = set()
    for o in sorted(case.people.values(), key=_card_order):
        if o.id == holder.id:
            continue
        found = family.relation(holder.id, o.id)
        if found is not None:
            lines.append(say("is_your", name=o.name, rel=relation_to_holder(case, family, holder, o, say)))
            seen.add(o.id)
    for t in case.ties.values():
        if holder.id not in (t.a, t.b) or t.kind in FAMILY_TIES:
            continue
        other = case.people.get(t.b if t.a == holder.id else t.a)
        if other is None or (t.kind == "family" and other.id in seen and not t.note.strip()):
            continue
        rel = relation_to_holder(case, family, holder, other, say)
        name = f"{other.name} ({rel})" if rel else other.name
        lines.append(say(f"tie_{t.kind}", name=name, note=f": {' '.join(t.note.split())}" if t.note.strip() else ""))
    return lines


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
        knows += relations_lines(case, p, say)
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
    return replace(item, meeting=None, paired_with=None, agree=(), disagree=(), scenario=None)


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
    """What one group made: every element of the three columns it wrote, its safety scale scores and its plan."""

    case_id: str
    group: str
    elements: dict[str, list[str]]
    """Element -> the group's texts, for every element of the framework (empty lists included)."""
    scores: list[tuple[str, int]]
    middle: float | None
    agreements: list[Agreement]

    @property
    def danger_statements(self) -> list[str]:
        return self.elements.get("danger_statement", [])

    @property
    def safety_goals(self) -> list[str]:
        return self.elements.get("safety_goal", [])


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
        elements={e: [i.text for i in case.items_of(e)] for col in COLUMNS for e in ELEMENTS[col]},
        scores=scores,
        middle=float(median(values)) if values else None,
        agreements=case.agreements_in_order(),
    )


def compared_elements(results: Iterable[GroupResult]) -> list[str]:
    """The elements to compare: every element any group worked on, in the framework's order; the danger
    statements and safety goals always (the exercise's core, "nog niets" says a group has none yet)."""
    results = list(results)
    out = []
    for col in COLUMNS:
        for e in ELEMENTS[col]:
            lists = [r.elements.get(e, []) for r in results]
            if e == "bottom_line" and all(x == lists[0] for x in lists):
                continue  # the judge's bottom lines every group was given, unchanged: nothing to compare
            if e in ("danger_statement", "safety_goal") or any(lists):
                out.append(e)
    return out
