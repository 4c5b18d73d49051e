"""Pseudonymising a case: people, places, schools, addresses and other identifying details replaced.

A reflecting team or a training group may discuss a case with people outside it. ``pseudonymise`` returns a
copy of the case in which

- each person is called by a short role, once ("oma", "Buurvrouw A.", never "buurvrouw Buurvrouw"), or by an
  invented name that fits the role ("bomma Fien", never "bomma Ruben"); distinct people stay distinct (two
  consultants are "Consulent A." and "Consulent B."); a name typed after a role word ("papa Bart") is read
  as that person even when a colleague shares the first name;
- places (Belgian municipalities, the case's own places from its title, court, service and meetings,
  "Sint-..." names), schools and institutions, street addresses, dates of birth, the file number, phone
  numbers, e-mail addresses, national register and account numbers are replaced in every text;
- what was replaced is listed (``Pseudonyms.review``: original -> replacement, kind, count) so that the
  consultant can check it and correct it (``corrections``: original -> the replacement wanted, or the
  original itself to keep it) before anything is shared.

Record ids do not change (the copy is shown and exported like the case itself; ``neutral_ids`` renames them
for a case file that leaves the machine); the copy is never stored. No translations here: the caller passes
the words (``PseudonymWords``) in the case's language.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from . import pseudonym_text as pt
from .case import Case
from .model import Person, Record
from .pseudonym_records import PseudonymWords, Replacement
from .pseudonym_text import Found, fold, name_tokens, role_head
from .pseudonym_words import ID_FIELDS

__all__ = [
    "MODES",
    "PseudonymWords",
    "Pseudonyms",
    "Replacement",
    "build",
    "case_code",
    "fold",
    "name_tokens",
    "neutral_ids",
    "originals_in",
    "pseudonymise",
]

MODES = ("roles", "names")
"""``roles``: people are called by their role (oma, Consulent A.); ``names``: by invented names."""

INVENTED = {
    "female": ("Fien", "Lotte", "Hanne", "Nele", "Saar", "Ines", "Lien", "Marie", "Emma", "Julie", "Lies", "Eva"),
    "male": ("Wout", "Stijn", "Bas", "Mats", "Joren", "Ruben", "Tuur", "Lucas", "Jef", "Pieter", "Arne", "Seppe"),
    "": ("Robin", "Sam", "Kim", "Noa", "Lou", "Mika", "Charlie", "Jamie", "Dani", "Kai", "Quinn", "Jo", "Alex"),
}
"""Invented first names by gender; the neutral ones when neither the record nor the role tells it."""

INVENTED_SURNAMES = (
    "Aerts",
    "Bogaert",
    "Cools",
    "Dierckx",
    "Engels",
    "Geerts",
    "Hermans",
    "Jacobs",
    "Lemmens",
    "Nuyts",
    "Pauwels",
    "Raes",
    "Segers",
    "Thys",
    "Vos",
    "Wouters",
)
LETTERS = "ABCDEFGHJKLMNPRSTVWZ"


@dataclass(frozen=True)
class Pseudonyms:
    """How one case is pseudonymised: the label per person, the text replacement and what it replaces."""

    labels: Mapping[str, str]
    title: str
    replace: Callable[[str], str]
    originals: frozenset[str]
    """Every name part that was replaced (lower case), for checks."""
    review: tuple[Replacement, ...] = ()


def case_code(case_id: str) -> str:
    """A short stable code for a case, to tell pseudonymised cases apart (``Casus 4F1A``)."""
    return hashlib.sha256(case_id.encode("utf-8")).hexdigest()[:4].upper()


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _people_in_order(case: Case) -> list[Person]:
    """Children first (eldest first), then the others by id: a stable order for letters and names."""
    kids = case.children()
    kid_ids = {k.id for k in kids}
    rest = sorted((p for p in case.people.values() if p.id not in kid_ids), key=lambda p: p.id)
    return [*kids, *rest]


def _stable_pick(key: str, pool: tuple[str, ...], taken: set[str]) -> str:
    """A name from ``pool`` chosen by a hash of ``key`` (stable when other people are added)."""
    free = [n for n in pool if n.casefold() not in taken]
    if not free:
        return ""
    return free[int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % len(free)]


def _gender(p: Person) -> str:
    if p.gender in ("female", "male"):
        return p.gender
    return pt.gender_of_role(p.relation) or pt.gender_of_role(p.called_by_children)


def _roles(people: list[Person], words: PseudonymWords, is_name: Callable[[str], bool]) -> dict[str, str]:
    """The short role of each person, as a reader of the text would call them (no names in it)."""
    out: dict[str, str] = {}
    for p in people:
        role = ""
        for source in (p.called_by_children, p.relation):
            head = role_head(source, is_name)
            if head:
                role = head
                break
        if not role:
            role = words.child if p.is_child else words.sectors.get(p.sector, words.someone)
        out[p.id] = role
    return out


def _labels(
    people: list[Person], roles: dict[str, str], mode: str, taken: set[str], someone: str, child: str = ""
) -> tuple[dict[str, str], dict[str, str]]:
    """(label per person, the part that stands after a role word: "A." or an invented name, or "")."""
    labels: dict[str, str] = {}
    tags: dict[str, str] = {}
    if mode == "names":
        for p in people:
            pool = INVENTED[_gender(p)] + INVENTED[""]
            name = _stable_pick(p.id, pool, taken) or f"{someone} {len(labels) + 1}"
            taken.add(name.casefold())
            labels[p.id] = tags[p.id] = name
        return labels, tags
    count: dict[str, int] = {}
    for p in people:
        count[roles[p.id].casefold()] = count.get(roles[p.id].casefold(), 0) + 1
    letters = iter(LETTERS)
    for p in people:
        role = roles[p.id]
        if count[role.casefold()] == 1 and (pt.is_address_word(role) or (p.is_child and role == child)):
            labels[p.id], tags[p.id] = role, ""  # "oma", "mama": how everyone calls them; unique here
            continue
        initial = (name_tokens(p.name) or [" "])[0][:1].upper()
        letter = next((x for x in letters if x != initial), None) or str(len(labels) + 1)
        tags[p.id] = f"{letter}."
        labels[p.id] = f"{role} {letter}."
    return labels, tags


def build(
    case: Case,
    words: PseudonymWords | None = None,
    mode: str = "roles",
    corrections: Mapping[str, str] | None = None,
) -> Pseudonyms:
    """Work out each person's pseudonym and the replacement of every identifying detail in texts."""
    if mode not in MODES:
        raise ValueError(f"unknown pseudonym mode: {mode!r}")
    words = words or PseudonymWords()
    people = _people_in_order(case)
    index = pt.NameIndex.of(people)
    roles = _roles(people, words, index.is_name)
    taken = set(index.folded)
    labels, tags = _labels(people, roles, mode, taken, words.someone, words.child)
    surnames = {}
    for n, s in enumerate(index.surnames):
        surnames[s] = _stable_pick(s, INVENTED_SURNAMES, taken) if mode == "names" else f"{LETTERS[-1 - n % 20]}."
        taken.add(surnames[s].casefold())
    finder = pt.Finder(case, index, words, labels, tags, roles, surnames, dict(corrections or {}))

    def replace(text: str) -> str:
        return finder.replace(text)

    title = words.case_title.format(code=case_code(case.id))
    return Pseudonyms(
        labels={pid: _capitalise(label) for pid, label in labels.items()},
        title=title,
        replace=replace,
        originals=frozenset(index.folded),
        review=tuple(finder.review(_texts(case), people)),
    )


# ---- applying it to every record ----------------------------------------------------------------

TEXT_FIELDS_NOT = frozenset(
    {
        "id",
        "a",
        "b",
        "author",
        "meeting",
        "paired_with",
        "scenario",
        "subject",
        "scale",
        "person",
        "owner",
        "backup",
        "scribe",
        "kind",
        "element",
        "sector",
        "knowledge",
        "language",
        "date",
        "start_date",
        "started_at",
        "phase_started_at",
        "hearing_date",
        "consultant",
        "crisis_worker",
        "pointer",
        "pinned",
        "ff_status",
        "ff_follow_up",
        "ff_last_contact",
        "gender",
        "set_by",
        "birth_date",
        "signed_on",
        "sent_on",
        "done_on",
        "planned_on",
        "on",
    }
)
"""Fields that hold ids, choices or dates, never free text."""


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.+-]*)?")


def _texts(case: Case) -> list[str]:
    out: list[str] = []
    for bucket in case.records.values():
        for rec in bucket.values():
            for f in dataclasses.fields(rec):  # type: ignore[arg-type]
                if f.name in TEXT_FIELDS_NOT:
                    continue
                value = getattr(rec, f.name)
                if isinstance(value, str) and value and not _ISO_DATE.fullmatch(value):
                    out.append(value)
                elif isinstance(value, tuple) and f.name == "agenda":
                    out += [v for v in value if isinstance(v, str)]
    return out


def _scrub(value: Any, name: str, ps: Pseudonyms, ids: frozenset[str]) -> Any:
    """Free text inside a record (nested records and tuples too) with its details replaced; ids, choices
    and dates stay as they are."""
    if name in TEXT_FIELDS_NOT:
        return value
    if isinstance(value, str):
        if not value or value in ids or _ISO_DATE.fullmatch(value):
            return value
        return ps.replace(value)
    if isinstance(value, tuple):
        return tuple(_scrub(v, "", ps, ids) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _scrub(getattr(value, f.name), f.name, ps, ids) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def _plain_relation(relation: str, label: str) -> str:
    """The relation without what the label already says, so that no document repeats it: "nonkel (broer van
    mama)" beside "Nonkel" -> "broer van mama"; "voetbaltrainer U19" beside "Voetbaltrainer U19 E." -> "".
    A relation in other words than the label stays ("moeder" beside "Mama"): emptied, a document would say
    the sector in its place ("Mama — Familie")."""
    rel = relation.strip()
    said = {w.casefold() for w in label.split()}
    words = re.findall(r"[^\s(),;]+", rel)
    n = 0
    while n < len(words) and words[n].casefold() in said:
        n += 1
    if n:
        rest = rel
        for w in words[:n]:
            rest = rest[rest.index(w) + len(w) :]
        return re.sub(r"^\((.*)\)$", r"\1", rest.strip(" ,;")).strip()
    head = words[0] if words else ""
    first = label.split()[0] if label.split() else ""
    if head and first and pt.same_role_words(head, first):
        rest = re.sub(r"^\((.*)\)$", r"\1", rel[len(head) :].strip()).strip()
        return rest or rel
    return relation


def _record(rec: Record, ps: Pseudonyms, words: PseudonymWords, ids: frozenset[str]) -> Record:
    new = _scrub(rec, "", ps, ids)
    changes: dict[str, Any] = {}
    if isinstance(rec, Person):
        label = ps.labels.get(rec.id, rec.name)
        changes["name"] = label
        changes["phone"] = ""
        changes["relation"] = _plain_relation(new.relation, label)
        if rec.birth_date:
            # The first of the month: ages (in months for a baby) stay right, the day of birth is gone.
            changes["birth_date"] = rec.birth_date[:8] + "01"
    if rec.KIND == "case":
        changes["title"] = ps.title
        if getattr(rec, "file_number", ""):
            changes["file_number"] = words.file_number
    return dataclasses.replace(new, **changes) if changes else new  # type: ignore[no-any-return]


def pseudonymise(
    case: Case,
    words: PseudonymWords | None = None,
    mode: str = "roles",
    corrections: Mapping[str, str] | None = None,
) -> Case:
    """The case with every identifying detail replaced (screen and exports); ids unchanged; never stored."""
    words = words or PseudonymWords()
    ps = build(case, words, mode, corrections)
    ids = frozenset(rid for bucket in case.records.values() for rid in bucket)
    return Case.from_records(_record(r, ps, words, ids) for bucket in case.records.values() for r in bucket.values())


def neutral_ids(case: Case, prefix: str = "c-") -> Case:
    """The same case with every record id replaced by a neutral one (``pe-1``, ``it-12``): ids typed by people
    ("p-jonas") would otherwise carry names into a case file. References follow their record."""
    mapping: dict[str, str] = {}
    for kind, bucket in case.records.items():
        if kind in ("score", "review", "step"):
            continue  # made of the records they join, or the trajectory's own step names
        for n, rid in enumerate(sorted(bucket), 1):
            mapping[rid] = f"{prefix}{case_code(case.id).lower()}" if kind == "case" else f"{kind[:2]}-{n}"

    def swap(value: Any, name: str = "id") -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = dataclasses.fields(value)
            return dataclasses.replace(value, **{f.name: swap(getattr(value, f.name), f.name) for f in fields})
        if isinstance(value, tuple):
            return tuple(swap(v, name) for v in value)
        if isinstance(value, str) and (name == "id" or name in ID_FIELDS):
            return mapping.get(value, value)
        return value

    records: list[Record] = []
    for kind, bucket in case.records.items():
        for rec in bucket.values():
            new = swap(rec, "")
            if kind == "score":
                new = dataclasses.replace(new, id=f"{new.scale}:{new.meeting}:{new.person}")
            elif kind == "review":
                new = dataclasses.replace(new, id=f"{new.agreement}:{new.meeting}")
            records.append(new)
    return Case.from_records(records)


def originals_in(texts: Iterable[str], case: Case) -> list[str]:
    """Name parts and places of ``case`` that still occur as words in ``texts`` (tests and a last check)."""
    index = pt.NameIndex.of(_people_in_order(case))
    wanted = set(index.folded) | {fold(p.casefold()) for p in pt.case_places(case)}
    found: set[str] = set()
    for text in texts:
        for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text or "", re.UNICODE):
            for part in {w, *w.split("-")}:
                k = fold(part.casefold())
                if k in wanted and (len(k) > 3 or part[:1].isupper()):
                    found.add(part)
    return sorted(found)


def found_kinds() -> tuple[str, ...]:
    """The kinds of details the review list can show, in the order it shows them."""
    return Found.KINDS
