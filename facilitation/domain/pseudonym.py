"""Pseudonymising a case: every name replaced, consistently, by a role or an invented name.

A reflecting team or a training group may discuss a case with people outside it. ``pseudonymise`` returns
a copy of the case in which each person is called by a role ("Grootmoeder", "Kind 1") or an invented
name, and every occurrence of a name inside any text (worries, reflections, agreements, the summary...)
is replaced the same way. Phone numbers and e-mail addresses are removed. Record ids do not change, so
the copy is shown and exported exactly like the case itself; it is never stored.

No translations here: the caller passes the words (``PseudonymWords``) in the case's language.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .case import Case
from .model import Person, Record

MODES = ("roles", "names")
"""``roles``: people are called by their relation (Moeder, Grootmoeder); ``names``: by invented names."""

# Invented first names: short, used in Flanders and the Netherlands, and mostly given to girls and boys
# alike, so that no invented name suggests a gender the person does not have.
INVENTED_FIRST = (
    "Alex",
    "Robin",
    "Sam",
    "Kim",
    "Noa",
    "Lou",
    "Mika",
    "Charlie",
    "Jamie",
    "Sasha",
    "Dani",
    "Kai",
    "Billie",
    "Morgan",
    "Quinn",
    "Ari",
    "Eli",
    "Remi",
    "Jesse",
    "Jo",
    "Luca",
    "Nikki",
    "Wes",
    "Tanne",
    "Ruben",
    "Ines",
    "Mats",
    "Fien",
    "Bas",
    "Lotte",
    "Joren",
    "Hanne",
    "Stijn",
    "Nele",
    "Wout",
    "Saar",
)
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
    "Mertens",
    "Nuyts",
    "Oosterlinck",
    "Pauwels",
    "Raes",
    "Segers",
    "Thys",
    "Vos",
    "Wouters",
)
SURNAME_LETTERS = ("X", "Y", "Z", "W", "V", "U", "T", "S", "R", "Q", "P")

# Words that may be part of a name as typed ("Oma Rita", "Jan van den Berg") but are not names:
# they are left alone in the texts (replacing every "van" or "oma" would make the texts unreadable).
NOT_NAMES = frozenset(
    (
        # particles of family names (Dutch, French, German)
        "van",
        "de",
        "der",
        "den",
        "het",
        "ter",
        "ten",
        "te",
        "la",
        "le",
        "du",
        "des",
        "von",
        "vanden",
        "vander",
        "vande",
        # how people are called by their place in the family or their job
        "oma",
        "opa",
        "moemoe",
        "vava",
        "bompa",
        "bomma",
        "mama",
        "papa",
        "mam",
        "pap",
        "moeder",
        "vader",
        "tante",
        "nonkel",
        "oom",
        "zus",
        "broer",
        "juf",
        "meester",
        "meneer",
        "mevrouw",
        "mijnheer",
        "mevr",
        "mr",
        "dhr",
        "mw",
        "dr",
        "dokter",
        "madame",
        "monsieur",
        "grandma",
        "grandpa",
        "granny",
        "mum",
        "mom",
        "dad",
        "aunt",
        "uncle",
        "mrs",
        "ms",
        "miss",
        "sir",
        "teacher",
        "doctor",
        "familie",
        "family",
        "gezin",
        "kind",
        "child",
        "baby",
    )
)

# Fields that hold ids, choices or dates, never free text.
_NOT_TEXT = frozenset(
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
    }
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_PART = re.compile(r"[^\W\d_]+", re.UNICODE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A phone number: digits with spaces, dots, slashes or dashes, at least 9 digits (a date has 8).
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d ./-]{6,}\d(?!\w)")


@dataclass(frozen=True)
class PseudonymWords:
    """The words a pseudonymised case is written with, in the case's language."""

    case_title: str = "Case {code}"
    child: str = "Child"
    sectors: Mapping[str, str] = field(
        default_factory=lambda: {
            "family": "Family member",
            "friends": "Friend or neighbour",
            "school": "School or leisure",
            "professional": "Professional",
        }
    )
    someone: str = "N.N."
    phone: str = "[phone]"
    email: str = "[e-mail]"


def fold(text: str) -> str:
    """Text without accents (``Zoë`` -> ``Zoe``), to find a name typed either way."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def name_tokens(name: str) -> list[str]:
    """The parts of a name that identify someone (no particles, titles or single letters)."""
    return [w for w in _WORD.findall(name) if len(w) > 1 and w.lower() not in NOT_NAMES]


def case_code(case_id: str) -> str:
    """A short stable code for a case, to tell pseudonymised cases apart (``Casus 4F1A``)."""
    return hashlib.sha256(case_id.encode("utf-8")).hexdigest()[:4].upper()


@dataclass(frozen=True)
class Pseudonyms:
    """How one case is pseudonymised: the label per person and the text replacement."""

    labels: Mapping[str, str]
    title: str
    replace: Callable[[str], str]
    originals: frozenset[str]
    """Every name part that was replaced (lower case), for checks."""


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _people_in_order(case: Case) -> list[Person]:
    """Children first (eldest first), then the others by id: a stable order for numbering."""
    kids = case.children()
    kid_ids = {k.id for k in kids}
    rest = sorted((p for p in case.people.values() if p.id not in kid_ids), key=lambda p: p.id)
    return [*kids, *rest]


def _number_duplicates(labels: dict[str, str], order: list[str]) -> dict[str, str]:
    """``Tante``, ``Tante`` -> ``Tante 1``, ``Tante 2`` (in the given order)."""
    counts: dict[str, int] = {}
    for pid in order:
        key = labels[pid].casefold()
        counts[key] = counts.get(key, 0) + 1
    seen: dict[str, int] = {}
    out = dict(labels)
    for pid in order:
        key = labels[pid].casefold()
        if counts[key] > 1:
            seen[key] = seen.get(key, 0) + 1
            out[pid] = f"{labels[pid]} {seen[key]}"
    return out


def _role_labels(people: list[Person], words: PseudonymWords, is_name: Callable[[str], bool]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for p in people:
        relation = " ".join(re.sub(r"\([^)]*\)", " ", p.relation).split())
        if relation and not is_name(relation) and len(relation) <= 60:
            labels[p.id] = _capitalise(relation)
        elif p.is_child:
            labels[p.id] = words.child
        else:
            labels[p.id] = words.sectors.get(p.sector, words.someone)
    return _number_duplicates(labels, [p.id for p in people])


def _stable_pick(key: str, pool: tuple[str, ...], taken: set[str]) -> str:
    """A name from ``pool`` chosen by a hash of ``key`` (stable when other people are added)."""
    free = [n for n in pool if n.casefold() not in taken]
    if not free:
        return ""
    start = int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % len(free)
    return free[start]


def build(case: Case, words: PseudonymWords | None = None, mode: str = "roles") -> Pseudonyms:
    """Work out the pseudonym of every person and the replacement of names in texts."""
    if mode not in MODES:
        raise ValueError(f"unknown pseudonym mode: {mode!r}")
    words = words or PseudonymWords()
    people = _people_in_order(case)

    # Name parts: the first part is a given name, the others family names.
    first_of: dict[str, set[str]] = {}
    surname_of: dict[str, set[str]] = {}
    surnames: list[str] = []
    for p in people:
        tokens = name_tokens(p.name)
        for i, tok in enumerate(tokens):
            key = tok.casefold()
            if i == 0:
                first_of.setdefault(key, set()).add(p.id)
            else:
                surname_of.setdefault(key, set()).add(p.id)
                if key not in surnames:
                    surnames.append(key)
    originals = frozenset(first_of) | frozenset(surname_of)
    folded_originals = originals | {fold(o) for o in originals}

    def is_name(text: str) -> bool:
        return any(
            w.casefold() in folded_originals or fold(w.casefold()) in folded_originals for w in _WORD.findall(text)
        )

    taken = set(folded_originals)
    if mode == "roles":
        labels = _role_labels(people, words, is_name)
        letters = [x for x in SURNAME_LETTERS if x.casefold() not in taken]
        surname_label = {s: (letters[i] if i < len(letters) else words.someone) for i, s in enumerate(surnames)}
    else:
        labels = {}
        for p in people:
            name = _stable_pick(p.id, INVENTED_FIRST, taken)
            if not name:
                name = f"{words.someone} {len(labels) + 1}"
            taken.add(name.casefold())
            labels[p.id] = name
        surname_label = {}
        for s in surnames:
            name = _stable_pick(s, INVENTED_SURNAMES, taken) or words.someone
            taken.add(name.casefold())
            surname_label[s] = name

    # What each name (or name part) found in a text becomes; a part shared by two people who are not
    # told apart by it becomes "N.N." rather than the wrong person.
    replacement: dict[str, str] = {}
    full_of: dict[str, set[str]] = {}
    for p in people:
        full = " ".join(p.name.split()).casefold()
        if len(full.split()) > 1 and name_tokens(full):
            full_of.setdefault(full, set()).add(p.id)
    for full, ids in full_of.items():
        replacement[full] = labels[next(iter(ids))] if len(ids) == 1 else words.someone
    for key, ids in first_of.items():
        if (key in surname_of and surname_of[key] - ids) or len(ids) > 1:
            replacement.setdefault(key, words.someone)
        else:
            replacement.setdefault(key, labels[next(iter(ids))])
    for key in surnames:
        replacement.setdefault(key, surname_label.get(key, words.someone))
    for key, value in list(replacement.items()):
        replacement.setdefault(fold(key), value)

    # Short name parts ("An", "Bo", "Wil") are only found capitalised as in a name: in lower case they
    # are ordinary words ("an", "wil"). Longer parts are found in any case ("jonas" typed in haste).
    long_keys = sorted((k for k in replacement if len(k) > 3 or " " in k), key=len, reverse=True)
    short_keys = sorted((k for k in replacement if len(k) <= 3 and " " not in k), key=len, reverse=True)
    branches: list[str] = []
    if long_keys:
        branches.append("(?i:" + "|".join(r"\s+".join(re.escape(part) for part in k.split()) for k in long_keys) + ")")
    if short_keys:
        variants = sorted({v for k in short_keys for v in (_capitalise(k), k.upper())}, key=len, reverse=True)
        branches.append("|".join(re.escape(v) for v in variants))
    pattern = re.compile(rf"(?<![\w])(?:{'|'.join(branches)})(?![\w])", re.UNICODE) if branches else None
    phones = {re.sub(r"\D", "", p.phone) for p in people if len(re.sub(r"\D", "", p.phone)) >= 6}

    def sub_name(m: re.Match[str]) -> str:
        found = " ".join(m.group(0).split()).casefold()
        return replacement.get(found) or replacement.get(fold(found)) or words.someone

    def sub_phone(m: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", m.group(0))
        return words.phone if len(digits) >= 9 or digits in phones else m.group(0)

    def replace(text: str) -> str:
        if not text:
            return text
        out = _EMAIL.sub(words.email, text)
        out = _PHONE.sub(sub_phone, out)
        if pattern is not None:
            out = pattern.sub(sub_name, out)
        return out

    title = words.case_title.format(code=case_code(case.id))
    return Pseudonyms(labels=labels, title=title, replace=replace, originals=originals)


def _record(rec: Record, ps: Pseudonyms) -> Record:
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(rec):  # type: ignore[arg-type]
        if f.name in _NOT_TEXT:
            continue
        value = getattr(rec, f.name)
        if isinstance(value, str) and value:
            new = ps.replace(value)
            if new != value:
                changes[f.name] = new
        elif f.name == "agenda" and value:
            changes[f.name] = tuple(ps.replace(v) for v in value)
    if isinstance(rec, Person):
        changes["name"] = ps.labels.get(rec.id, rec.name)
        changes["phone"] = ""
    if rec.KIND == "case":
        changes["title"] = ps.title
    return dataclasses.replace(rec, **changes) if changes else rec  # type: ignore[type-var]


def pseudonymise(case: Case, words: PseudonymWords | None = None, mode: str = "roles") -> Case:
    """The case with every name replaced (screen and exports); ids unchanged; never stored."""
    ps = build(case, words, mode)
    return Case.from_records(_record(r, ps) for bucket in case.records.values() for r in bucket.values())


def originals_in(texts: Iterable[str], case: Case) -> list[str]:
    """Name parts of ``case`` that still occur as words in ``texts`` (tests and a last check).

    Short parts (three letters or fewer) count only when capitalised, as the replacement treats them.
    """
    ps = build(case)
    wanted = {fold(o) for o in ps.originals}
    found: set[str] = set()
    for text in texts:
        for w in {*_WORD.findall(text or ""), *_PART.findall(text or "")}:
            k = fold(w.casefold())
            if k in wanted and (len(k) > 3 or w[:1].isupper()):
                found.add(w)
    return sorted(found)
