"""The safety plan's live checks, and the plan edits the plan screen makes.

Checks never block: each one is a ``Finding`` (a translation key under ``planui.check.`` with its
parameters) that the screen shows as a warning in plain words. No widget, plotly or store import here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from .case import Case, Edit
from .errors import ValidationError
from .model import Agreement, Item, Person
from .ops import add_agreement, clean, update
from .people import is_carer_relation

LINKABLE = ("danger_statement", "safety_goal", "bottom_line")
"""What an agreement can answer: a danger statement, a safety goal, a bottom line."""

OVERLOAD_MAX = 3
"""Someone who carries more than this many agreements carries too much."""
OVERLOAD_SHARE = 0.4
"""... or more than this share of them (counted from OVERLOAD_MIN agreements on, so that 1 of 2 is fine)."""
OVERLOAD_MIN = 3

# Not "een"/"one": in "een volwassen vertrouwensfiguur" it is an article, not a count.
_NUMBER_WORDS = {
    "twee": 2,
    "two": 2,
    "drie": 3,
    "three": 3,
    "vier": 4,
    "four": 4,
    "vijf": 5,
    "five": 5,
    "zes": 6,
    "six": 6,
    "zeven": 7,
    "seven": 7,
    "acht": 8,
    "eight": 8,
    "negen": 9,
    "nine": 9,
    "tien": 10,
    "ten": 10,
}
# "minstens 3 volwassen personen", "drie volwassenen", "at least three adults", "3 informal adults":
# a number, at most two words in between, then adult(s) / volwassen(e)(n).
_ADULTS = re.compile(
    r"(?<![\w-])(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")(?:\s+[^\W\d]+){0,2}?\s+(volwassen|adult)",
    re.IGNORECASE,
)

# "… die de gevaarsboodschap kennen", "die de gevaarsboodschap kent", "who know the danger statement".
_KNOWING = re.compile(
    r"gevaarsboodschap(?:pen)?\s+(?:goed\s+|helemaal\s+)?(?:kennen|kent)\b"
    r"|\bkennen\s+(?:de\s+)?gevaarsboodschap"
    r"|\bknows?\s+(?:about\s+)?the\s+danger\s+statements?",
    re.IGNORECASE,
)

ADULT_AGE = 18

Level = Literal["ok", "warn", "info"]


@dataclass(frozen=True)
class Finding:
    """One line of the checks: ``key`` is a translation key, ``params`` fill it, ``refs`` are record ids."""

    level: Level
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Coverage:
    """Which agreements answer one danger statement, safety goal or bottom line."""

    item: Item
    numbers: tuple[int, ...]
    """The numbers (1, 2, ...) of the agreements that answer it, directly or through its pair."""


@dataclass(frozen=True)
class Carrier:
    """Someone named in the plan (owner or backup) and whether they count as an adult of the network.

    ``reason`` says why not (empty when they count): ``not_human``, ``deceased``, ``child``, ``minor``
    (younger than 18), ``professional``, ``carer`` (a parent or carer of the children: the network is the
    people around them), ``not_knowing`` (the bottom line asks for adults who know the danger statement,
    and this person does not know all of it)."""

    person: Person
    reason: str = ""

    @property
    def counts(self) -> bool:
        return not self.reason


@dataclass(frozen=True)
class PlanChecks:
    """Everything the checks panel shows, computed from one state of the case."""

    numbers: Mapping[str, int]
    """Agreement id -> its number in the plan (1-based, in the consultant's order)."""
    bottom_lines: tuple[Coverage, ...]
    danger_statements: tuple[Coverage, ...]
    carriers: tuple[Person, ...]
    """Adults of the network who carry the plan (owner or backup of an agreement) and count: not parents or
    carers, not professionals, not children; knowing the danger statement when a bottom line asks it."""
    adults_required: int | None
    """Number of network adults a bottom line asks for, if one does."""
    findings: tuple[Finding, ...]
    named: tuple[Carrier, ...] = ()
    """Everyone named as owner or backup, by name, with why they do not count (see ``Carrier``)."""
    knowing_required: bool = False
    """A bottom line asks for adults who know the danger statement ("die de gevaarsboodschap kennen")."""

    @property
    def not_counted(self) -> tuple[Carrier, ...]:
        return tuple(c for c in self.named if not c.counts)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.level == "warn")


def required_adults(texts: Iterable[str]) -> int | None:
    """The largest number of adults the texts ask for ('minstens 3 volwassen personen' -> 3), or None."""
    best: int | None = None
    for text in texts:
        for m in _ADULTS.finditer(text or ""):
            word = m.group(1).lower()
            n = int(word) if word.isdigit() else _NUMBER_WORDS[word]
            if n > 0 and (best is None or n > best):
                best = n
    return best


def asks_knowing(texts: Iterable[str]) -> bool:
    """Does a bottom line ask for people who know the danger statement ("die de gevaarsboodschap kennen")?"""
    return any(_KNOWING.search(t or "") for t in texts)


def age_of(person: Person, today: date | None = None) -> int | None:
    """Age in years: from the date of birth when given, else the age typed in."""
    if person.birth_date:
        try:
            born = date.fromisoformat(person.birth_date)
        except ValueError:
            born = None
        if born is not None:
            on = today or date.today()
            return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return person.age


def not_counted_reason(person: Person, knowing: bool = False, today: date | None = None) -> str:
    """Why a person named in the plan does not count as an adult of the network ("" when they do)."""
    if not person.human:
        return "not_human"
    if person.deceased:
        return "deceased"
    if person.is_child:
        return "child"
    age = age_of(person, today)
    if age is not None and age < ADULT_AGE:
        return "minor"
    if not person.informal:
        return "professional"
    if person.is_carer:
        return "carer"
    if knowing and person.knowledge != "all":
        return "not_knowing"
    return ""


def carries(person: Person, knowing: bool = False, today: date | None = None) -> bool:
    """Counts as an adult of the network carrying the plan (see ``not_counted_reason``)."""
    return not not_counted_reason(person, knowing, today)


def check_plan(case: Case, today: date | None = None) -> PlanChecks:
    """The live checks of the safety plan: coverage, owners and backups, carriers, knowledge, load."""
    agreements = case.agreements_in_order()
    numbers = {a.id: n for n, a in enumerate(agreements, start=1)}
    findings: list[Finding] = []
    bottom, dangers = _coverage(case, agreements, numbers, findings)
    _owners_and_backups(case, agreements, numbers, findings)
    named, required, knowing = _adults(case, agreements, findings, today)
    _informed_and_load(case, agreements, findings)
    if not agreements:
        findings.insert(0, Finding("info", "planui.check.no_agreements"))
    carriers = tuple(c.person for c in named if c.counts)
    return PlanChecks(numbers, bottom, dangers, carriers, required, tuple(findings), named, knowing)


def _coverage(
    case: Case, agreements: list[Agreement], numbers: Mapping[str, int], findings: list[Finding]
) -> tuple[tuple[Coverage, ...], tuple[Coverage, ...]]:
    """Each bottom line answered by at least one agreement; each danger statement directly or through its goal."""

    def answering(item: Item) -> tuple[int, ...]:
        ids = {item.id}
        if item.paired_with:
            ids.add(item.paired_with)
        return tuple(numbers[a.id] for a in agreements if ids & set(a.links))

    bottom = tuple(Coverage(i, answering(i)) for i in case.items_of("bottom_line"))
    if not bottom:
        findings.append(Finding("info", "planui.check.no_bottom_lines"))
    for cov in bottom:
        if not cov.numbers:
            findings.append(
                Finding("warn", "planui.check.bottom_line_open", {"text": _short(cov.item.text)}, (cov.item.id,))
            )
    if bottom and all(c.numbers for c in bottom):
        findings.append(Finding("ok", "planui.check.bottom_lines_answered", {"n": len(bottom)}))
    dangers = tuple(Coverage(i, answering(i)) for i in case.items_of("danger_statement"))
    for cov in dangers:
        if not cov.numbers:
            findings.append(
                Finding("warn", "planui.check.danger_open", {"text": _short(cov.item.text)}, (cov.item.id,))
            )
    return bottom, dangers


def _owners_and_backups(
    case: Case, agreements: list[Agreement], numbers: Mapping[str, int], findings: list[Finding]
) -> None:
    """Each agreement has an owner and a backup (a different person), and says what if it does not happen."""
    people = case.people
    no_owner = [a for a in agreements if a.owner is None or a.owner not in people]
    no_backup = [a for a in agreements if a.backup is None or a.backup not in people]
    same = [a for a in agreements if a.owner is not None and a.owner == a.backup]
    no_if_not = [a for a in agreements if not a.if_not.strip()]
    for key, group in (
        ("planui.check.no_owner", no_owner),
        ("planui.check.no_backup", no_backup),
        ("planui.check.backup_is_owner", same),
        ("planui.check.no_if_not", no_if_not),
    ):
        if group:
            params = {"numbers": _numbers(numbers[a.id] for a in group), "n": len(group)}
            findings.append(Finding("warn", key, params, tuple(a.id for a in group)))
    if agreements and not (no_owner or no_backup or same):
        findings.append(Finding("ok", "planui.check.all_have_owner_backup", {"n": len(agreements)}))


def _adults(
    case: Case, agreements: list[Agreement], findings: list[Finding], today: date | None
) -> tuple[tuple[Carrier, ...], int | None, bool]:
    """Adults of the network carrying the plan (owner or backup): not the parents or carers, not professionals
    or children; only those who know the danger statement when a bottom line asks it."""
    people = case.people
    bottom_texts = [i.text for i in case.items_of("bottom_line")]
    required = required_adults(bottom_texts)
    knowing = required is not None and asks_knowing(bottom_texts)
    named_ids: dict[str, None] = {}
    for a in agreements:
        for pid in (a.owner, a.backup):
            if pid is not None and pid in people:
                named_ids[pid] = None
    named = tuple(
        sorted(
            (Carrier(people[p], not_counted_reason(people[p], knowing, today)) for p in named_ids),
            key=lambda c: c.person.name.lower(),
        )
    )
    carriers = tuple(c.person for c in named if c.counts)
    carrier_ids = tuple(p.id for p in carriers)
    params = {"n": len(carriers), "names": ", ".join(p.name for p in carriers)}
    if required is not None:
        enough = len(carriers) >= required
        key = ("planui.check.adults_enough" if enough else "planui.check.adults_short") + (
            "_knowing" if knowing else ""
        )
        findings.append(Finding("ok" if enough else "warn", key, {**params, "required": required}, carrier_ids))
    elif agreements:
        findings.append(Finding("info", "planui.check.adults_count", params, carrier_ids))
    for p in carriers:
        if is_carer_relation(p.relation):
            # Counted because nobody marked them as a parent or carer, though their relation says so.
            findings.append(
                Finding("warn", "planui.check.carer_unmarked", {"name": p.name, "relation": p.relation}, (p.id,))
            )
    return named, required, knowing


def _informed_and_load(case: Case, agreements: list[Agreement], findings: list[Finding]) -> None:
    """People named in the plan who do not yet know the whole danger statement; one person carrying too much."""
    people = case.people
    named_ids: dict[str, None] = {}
    for a in agreements:
        for pid in (a.owner, a.backup):
            if pid is not None and pid in people:
                named_ids[pid] = None
    for pid in named_ids:
        p = people[pid]
        if p.knowledge != "all":
            findings.append(Finding("warn", f"planui.check.not_informed_{p.knowledge}", {"name": p.name}, (pid,)))
    load: dict[str, int] = {}
    for a in agreements:
        if a.owner is not None and a.owner in people:
            load[a.owner] = load.get(a.owner, 0) + 1
    total = len(agreements)
    for pid, n in sorted(load.items(), key=lambda kv: (-kv[1], people[kv[0]].name.lower())):
        if n > OVERLOAD_MAX or (n >= OVERLOAD_MIN and n / total > OVERLOAD_SHARE):
            findings.append(
                Finding("warn", "planui.check.too_much", {"name": people[pid].name, "n": n, "total": total}, (pid,))
            )


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _numbers(ns: Iterable[int]) -> str:
    return ", ".join(str(n) for n in ns)


# ---- plan edits ---------------------------------------------------------------------------------


def save_agreement(
    case: Case,
    agreement_id: str | None,
    *,
    what: Any,
    owner: str | None = None,
    backup: str | None = None,
    when: Any = "",
    if_not: Any = "",
    check_how: Any = "",
    links: Iterable[str] = (),
    meeting: str | None = None,
) -> tuple[Edit, str]:
    """A new agreement (``agreement_id`` None) or new text for an existing one; validated, nothing stored."""
    for name, value in (("what", what), ("when", when), ("if_not", if_not), ("check_how", check_how)):
        if not isinstance(value, str):
            raise ValidationError(f"agreement.{name}", "not_text")
    for role, pid in (("owner", owner), ("backup", backup)):
        if pid is not None and pid not in case.people:
            raise ValidationError(f"agreement.{role}", "unknown_person")
    link_ids = tuple(dict.fromkeys(links))
    for lid in link_ids:
        item = case.items.get(lid)
        if item is None or item.element not in LINKABLE:
            raise ValidationError("agreement.links", "unknown_reference", ref=str(lid)[:40])
    fields: dict[str, Any] = {
        "what": clean(what),
        "owner": owner,
        "backup": backup,
        "when": clean(when),
        "if_not": clean(if_not),
        "check_how": clean(check_how),
        "links": link_ids,
    }
    if agreement_id is None:
        return add_agreement(case, meeting=meeting, **fields)
    return update(case, "agreement", agreement_id, "planui.edit.change", **fields), agreement_id


def set_agreed(case: Case, agreement_id: str, person_id: str, agreed: bool) -> Edit:
    """Mark (or unmark) that a person agreed to an agreement."""
    a: Agreement = case.get("agreement", agreement_id)
    if person_id not in case.people:
        raise ValidationError("agreement.agreed_by", "unknown_person")
    if agreed:
        agreed_by = a.agreed_by if person_id in a.agreed_by else (*a.agreed_by, person_id)
    else:
        agreed_by = tuple(p for p in a.agreed_by if p != person_id)
    return update(case, "agreement", agreement_id, "planui.edit.agreed", agreed_by=agreed_by)


# ---- the plan over the six weeks (reviews, signed versions): see ``plan_versions`` ----------------

from .plan_versions import (  # noqa: E402  (re-exported: documents and screens import them from here)
    AgreementChange,
    ItemChange,
    PlanDiff,
    ReviewEntry,
    diff,
    diff_for,
    plan_at,
    previous_version,
    review_at,
    reviews_of,
    set_review,
    set_sent_to_judge,
    sign_version,
    suggested_status,
    version_for,
    versions,
)

__all__ = [
    "LINKABLE",
    "AgreementChange",
    "Carrier",
    "Coverage",
    "Finding",
    "ItemChange",
    "PlanChecks",
    "PlanDiff",
    "ReviewEntry",
    "age_of",
    "asks_knowing",
    "carries",
    "check_plan",
    "diff",
    "diff_for",
    "not_counted_reason",
    "plan_at",
    "previous_version",
    "required_adults",
    "review_at",
    "reviews_of",
    "save_agreement",
    "set_agreed",
    "set_review",
    "set_sent_to_judge",
    "sign_version",
    "suggested_status",
    "version_for",
    "versions",
]
