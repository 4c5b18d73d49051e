"""Quick add: people typed or pasted one a line, understood in Dutch and English.

``Fatima El Amrani, oma, familie, heel dichtbij`` or ``juf Els; leerkracht van Noor; school``: the name
comes first; after it, in any order and all optional, who the person is (relation), where on the map
(sector), how close (closeness), an age and a phone number. A list pasted from an e-mail or a case report
works: bullets and numbering are dropped, ``Oma: Fatima`` is read as relation and name, a phone number may
stand anywhere. A line that cannot be understood is kept with the reason, never dropped.

Pure: returns codes (``problem``), the caller says them in the user's language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from . import ops
from .case import Case, Edit
from .errors import ValidationError
from .model import Person
from .people import head_word, is_carer_relation

MAX_LINES = 200
"""More lines than this at once is not a list of people (the rest is reported, not added)."""
MAX_NAME_WORDS = 6
"""A "name" of more words is a sentence of a report, not a name."""

SECTOR_WORDS: dict[str, str] = {
    # Dutch
    "familie": "family",
    "fam": "family",
    "gezin": "family",
    "vrienden": "friends",
    "vrienden en buren": "friends",
    "vriend": "friends",
    "vrienden/buren": "friends",
    "buren": "friends",
    "kennissen": "friends",
    "school": "school",
    "school en vrije tijd": "school",
    "vrije tijd": "school",
    "school/vrije tijd": "school",
    "hobby": "school",
    "sport": "school",
    "professioneel": "professional",
    "professionelen": "professional",
    "professionele": "professional",
    "prof": "professional",
    "hulpverlening": "professional",
    "hulpverleners": "professional",
    "diensten": "professional",
    # English
    "family": "family",
    "friends": "friends",
    "friends and neighbours": "friends",
    "friends and neighbors": "friends",
    "neighbours": "friends",
    "neighbors": "friends",
    "school and leisure": "school",
    "leisure": "school",
    "professional": "professional",
    "professionals": "professional",
    "services": "professional",
}
"""A whole part that names a sector of the map."""

CLOSENESS_WORDS: dict[str, int] = {
    "heel dichtbij": 1,
    "zeer dichtbij": 1,
    "heel dicht": 1,
    "heel nabij": 1,
    "dichtbij": 2,
    "dicht bij": 2,
    "nabij": 2,
    "verder weg": 3,
    "ver weg": 3,
    "veraf": 3,
    "verder": 3,
    "very close": 1,
    "close": 2,
    "further away": 3,
    "farther away": 3,
    "far away": 3,
    "far": 3,
    "ring 1": 1,
    "ring 2": 2,
    "ring 3": 3,
    "cirkel 1": 1,
    "cirkel 2": 2,
    "cirkel 3": 3,
}
"""A whole part that says how close someone is."""

_FAMILY_HEADS = {
    "oma",
    "opa",
    "bomma",
    "bompa",
    "moemoe",
    "vava",
    "grootmoeder",
    "grootvader",
    "overgrootmoeder",
    "overgrootvader",
    "tante",
    "tantie",
    "nonkel",
    "oom",
    "broer",
    "broertje",
    "zus",
    "zuster",
    "zusje",
    "halfbroer",
    "halfzus",
    "stiefbroer",
    "stiefzus",
    "neef",
    "nicht",
    "kozijn",
    "schoonmoeder",
    "schoonvader",
    "schoonzus",
    "schoonbroer",
    "grandmother",
    "grandfather",
    "grandma",
    "grandpa",
    "granny",
    "aunt",
    "auntie",
    "uncle",
    "brother",
    "sister",
    "cousin",
    "nephew",
    "niece",
    "son",
    "daughter",
    "zoon",
    "dochter",
}
_FRIEND_HEADS = {
    "vriend",
    "vriendin",
    "vriendje",
    "vriendinnetje",
    "buur",
    "buurman",
    "buurvrouw",
    "buren",
    "kennis",
    "friend",
    "neighbour",
    "neighbor",
    "pal",
}
_SCHOOL_HEADS = {
    "juf",
    "juffrouw",
    "meester",
    "meneer",
    "leerkracht",
    "leraar",
    "lerares",
    "klastitularis",
    "directeur",
    "directrice",
    "trainer",
    "coach",
    "scoutsleider",
    "leiding",
    "onthaalouder",
    "kinderverzorgster",
    "begeleider",
    "teacher",
    "headteacher",
    "tutor",
    "instructor",
}
_PROFESSIONAL_HEADS = {
    "consulent",
    "consulente",
    "crisisbegeleider",
    "contextbegeleider",
    "gezinsbegeleider",
    "thuisbegeleider",
    "therapeut",
    "psycholoog",
    "psychologe",
    "psychiater",
    "kinderpsychiater",
    "huisarts",
    "dokter",
    "arts",
    "pediater",
    "kinderarts",
    "verpleegkundige",
    "vroedvrouw",
    "advocaat",
    "advocate",
    "jeugdadvocaat",
    "politie",
    "wijkagent",
    "jeugdrechter",
    "maatschappelijk",
    "sociaal",
    "assistent",
    "bewindvoerder",
    "doctor",
    "gp",
    "nurse",
    "therapist",
    "psychologist",
    "psychiatrist",
    "caseworker",
    "consultant",
    "social",
    "lawyer",
    "police",
    "counsellor",
    "counselor",
}
_PROFESSIONAL_TOKENS = {"clb", "ocmw", "caw", "cgg", "vk", "ocj", "sdj", "kind en gezin", "jeugdhulp", "cah"}
"""Services named anywhere in a relation make it professional ("CLB-medewerker", "maatschappelijk werker OCMW")."""

_AGE = re.compile(
    r"^(?:(?:leeftijd|age|aged)\s*:?\s*)?(\d{1,3})\s*(?:jaar(?:\s+oud)?|jr\.?|j\.?|years?(?:\s+old)?|yrs?\.?|y\.?o\.?)?$",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?:(?:tel(?:efoon)?|gsm|phone|mobile|mobiel|nr)\.?\s*:?\s*)?"
    r"(\+?\d[\d\s./()-]{6,}\d)",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•·‣◦–—>]+|\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)](?=\s))\s*", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:[;,|\t]|\s[–—-]\s)\s*")
_PAREN = re.compile(r"\(([^()]*)\)")
_GREETINGS = (
    "beste",
    "geachte",
    "hallo",
    "hoi",
    "dag",
    "goedemorgen",
    "goedemiddag",
    "groeten",
    "groetjes",
    "met vriendelijke groet",
    "vriendelijke groeten",
    "mvg",
    "alvast bedankt",
    "bedankt",
    "dank je",
    "dear",
    "hello",
    "hi",
    "kind regards",
    "best regards",
    "regards",
    "thanks",
    "thank you",
    "cheers",
)
"""First words of the lines around a list in an e-mail: never a person."""


@dataclass(frozen=True)
class QuickLine:
    """One line of the quick-add field as understood: a person to add, or a problem."""

    number: int
    """Line number as pasted (1 = the first line)."""
    text: str
    person: dict[str, Any] | None = None
    """The new person's fields (name, relation, sector, closeness, age, phone, is_carer)."""
    problem: str = ""
    """Why the line is not added: ``not_a_name``, ``not_a_person`` (a greeting, a heading),
    ``too_many_words``, ``duplicate``, ``exists``,
    ``too_many_lines`` or the code of a refused field (``error.*``)."""
    guessed: tuple[str, ...] = ()
    """Fields filled by a guess rather than typed (``sector`` from the relation, ``is_carer``)."""
    details: dict[str, Any] = field(default_factory=dict)
    """Parameters of the problem (e.g. the name already on the map)."""

    @property
    def ok(self) -> bool:
        return self.person is not None and not self.problem


def _norm(text: str) -> str:
    flat = unicodedata.normalize("NFC", " ".join(text.split())).casefold()
    return flat.strip(" .,;:!?")


def _phone(text: str) -> tuple[str, str]:
    """A phone number found anywhere in the line, and the line without it."""
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group(1))
        if 8 <= len(digits) <= 15:
            number = " ".join(m.group(1).split())
            return number, (text[: m.start()] + " " + text[m.end() :])
    return "", text


def _age(part: str) -> int | None:
    m = _AGE.match(part.strip())
    if not m:
        return None
    value = int(m.group(1))
    return value if 0 <= value <= 120 else None


def guess_sector(relation: str, name: str = "") -> str | None:
    """The sector a relation (or a name such as "juf Els") points to, if any."""
    for text in (relation, name):
        low = _norm(text)
        if not low:
            continue
        head = head_word(text)
        if is_carer_relation(text) or head in _FAMILY_HEADS:
            return "family"
        words = set(re.findall(r"[^\W\d_]+", low))
        if words & _PROFESSIONAL_TOKENS or any(t in low for t in _PROFESSIONAL_TOKENS if " " in t):
            return "professional"
        if head in _PROFESSIONAL_HEADS:
            return "professional"
        if head in _SCHOOL_HEADS:
            return "school"
        if head in _FRIEND_HEADS:
            return "friends"
    return None


def _is_role(part: str) -> bool:
    """Does ``part`` (before a colon) name a role rather than a person: "Oma", "Juf van Noor"?"""
    head = head_word(part)
    known = _FAMILY_HEADS | _FRIEND_HEADS | _SCHOOL_HEADS | _PROFESSIONAL_HEADS
    return (head in known or is_carer_relation(part)) and len(part.split()) <= 4


def _parts(text: str) -> list[str]:
    """The parts of a line: split at , ; | tab and a dash between spaces; a bracket's content that is an
    age, a sector or a closeness becomes a part of its own ("Rita (72)"), any other stays in place."""
    extra: list[str] = []

    def lift(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        pieces = [p for p in _SPLIT.split(inner) if p.strip()]
        if pieces and all(
            _norm(p) in SECTOR_WORDS or _norm(p) in CLOSENESS_WORDS or _age(p) is not None for p in pieces
        ):
            extra.extend(pieces)
            return " "
        return m.group(0)

    text = _PAREN.sub(lift, text)
    return [p.strip() for p in _SPLIT.split(text) if p.strip()] + extra


def parse_line(text: str, number: int = 1) -> QuickLine | None:
    """One line -> a person to add (or a problem); None for an empty line."""
    raw = text.strip()
    line = _BULLET.sub("", raw, count=1).strip()
    if not line:
        return None
    low = _norm(line)
    if line.endswith(":") or any(re.match(rf"{re.escape(g)}(?:en)?\b", low) for g in _GREETINGS):
        return QuickLine(number, raw, problem="not_a_person")
    phone, line = _phone(line)
    line = re.sub(r"\(\s*\)|\[\s*\]", " ", line)  # what a phone number left behind
    relation_first = ""
    if ":" in line:
        before, _, after = line.partition(":")
        if after.strip() and _is_role(before):
            relation_first, line = before.strip(), after
    parts = _parts(line)
    if not parts:
        if phone:
            return QuickLine(number, raw, problem="not_a_name")
        return None
    name, rest = parts[0], parts[1:]
    if not re.search(r"[^\W\d_]", name):
        return QuickLine(number, raw, problem="not_a_name")
    if len(name.split()) > MAX_NAME_WORDS:
        return QuickLine(number, raw, problem="too_many_words")
    fields: dict[str, Any] = {"name": name}
    relation: list[str] = [relation_first] if relation_first else []
    for part in rest:
        key = _norm(part)
        if key in SECTOR_WORDS and "sector" not in fields:
            fields["sector"] = SECTOR_WORDS[key]
        elif key in CLOSENESS_WORDS and "closeness" not in fields:
            fields["closeness"] = CLOSENESS_WORDS[key]
        elif _age(part) is not None and "age" not in fields:
            fields["age"] = _age(part)
        else:
            relation.append(part)
    fields["relation"] = ", ".join(relation)
    guessed: list[str] = []
    if "sector" not in fields:
        sector = guess_sector(fields["relation"], name)
        fields["sector"] = sector or "family"
        guessed.append("sector")
    fields.setdefault("closeness", 2)
    if phone:
        fields["phone"] = phone
    if is_carer_relation(fields["relation"]) or (not fields["relation"] and is_carer_relation(name)):
        fields["is_carer"] = True
        guessed.append("is_carer")
    try:
        Person.from_dict({"id": "p-check", **fields}, "person")
    except ValidationError as e:
        return QuickLine(number, raw, problem=f"error.{e.code}", details=dict(e.params))
    return QuickLine(number, raw, person=fields, guessed=tuple(guessed))


def parse(text: str, case: Case | None = None) -> list[QuickLine]:
    """Every non-empty line understood; names already on the map or given twice are marked, not added."""
    lines = text.splitlines()
    out: list[QuickLine] = []
    seen: set[str] = set()
    on_map = {_norm(p.name): p.name for p in case.people.values()} if case is not None else {}
    for i, raw in enumerate(lines, 1):
        if len(out) >= MAX_LINES and raw.strip():
            out.append(QuickLine(i, raw.strip(), problem="too_many_lines", details={"max": MAX_LINES}))
            continue
        q = parse_line(raw, i)
        if q is None:
            continue
        if q.person is not None:
            key = _norm(q.person["name"])
            if key in on_map:
                q = QuickLine(i, q.text, q.person, "exists", q.guessed, {"name": on_map[key]})
            elif key in seen:
                q = QuickLine(i, q.text, q.person, "duplicate", q.guessed)
            seen.add(key)
        out.append(q)
    return out


def add_all(case: Case, lines: Iterable[QuickLine]) -> tuple[Edit, list[str]]:
    """One edit (one undo step) adding every understood line; the new person ids in order."""
    edits: list[Edit] = []
    ids: list[str] = []
    for q in lines:
        if not q.ok or q.person is None:
            continue
        edit, pid = ops.add_person(case, **q.person)
        edits.append(edit)
        ids.append(pid)
    return ops.combine("network.edit.quick_add", edits, n=len(ids)), ids
