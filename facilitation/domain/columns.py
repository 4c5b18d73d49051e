"""The three columns' rules of the practice: danger statement sentences, pairing checks, who said what.

Pure functions over ``Case`` and ``Item``; no widgets and no translations (templates are passed in).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .case import Case, Edit
from .errors import ValidationError
from .model import COLUMNS, ELEMENTS, Item
from .ops import combine

MAX_DANGER_STATEMENTS = 3
"""The practice keeps to three danger statements or fewer."""

DS_PARTS = ("ds_who", "ds_behaviour", "ds_impact")
"""Guided danger statement: who is worried / about which behaviour of whom / impact if nothing changes."""

SG_PARTS = ("sg_carers_do", "sg_child_experiences", "sg_others_see", "sg_how_long")
"""Guided safety goal: what the parents/carers will do / what the child will experience / what others will
see / for how long it must last (each danger statement is answered by one, phrased positively)."""

GUIDED_PARTS: dict[str, tuple[str, ...]] = {"danger_statement": DS_PARTS, "safety_goal": SG_PARTS}
"""The elements written with a guided form, and the fields of their parts."""

PLACEHOLDER = "…"
"""Stands in for a part not filled in yet, in a preview of the sentence."""

# "Grandma and the school", "mama, papa", "OCJ & school": more than one worried party.
_PLURAL = re.compile(r"(,|&|\+|\ben\b|\band\b)", re.IGNORECASE)
# A part typed as "dat hij drinkt" / "that he drinks": the template already says "dat"/"that".
_LEAD = re.compile(r"^(dat|that)\s+", re.IGNORECASE)
# The safety goal's templates say "zodat"/"so that", "dat"/"that" and "gedurende"/"for" themselves.
_SG_LEAD = re.compile(r"^(zodat|so that|dat|that|gedurende|voor|for|during)\s+", re.IGNORECASE)
_TRAIL = re.compile(r"[\s.;,:!]+$")
_SPACES = re.compile(r"\s+")


def is_plural(who: str) -> bool:
    """More than one worried party named ("oma en de school", "mama, papa")."""
    return bool(_PLURAL.search(who))


def clean_part(text: str, *, lead: bool = True) -> str:
    """One part of the sentence: one line, no trailing full stop, no leading 'dat'/'that'."""
    s = _SPACES.sub(" ", text).strip()
    if lead:
        s = _LEAD.sub("", s)
    return _TRAIL.sub("", s)


def missing_parts(who: str, behaviour: str, impact: str) -> list[str]:
    """The guided fields still empty, by field name (``ds_who``, ``ds_behaviour``, ``ds_impact``)."""
    values = dict(zip(DS_PARTS, (who, behaviour, impact), strict=True))
    return [name for name in DS_PARTS if not clean_part(values[name])]


def danger_sentence(who: str, behaviour: str, impact: str, template_one: str, template_many: str) -> str:
    """The danger statement as one readable sentence the family can check.

    Templates hold ``{who}``, ``{behaviour}`` and ``{impact}``; ``template_many`` is used when more
    than one party is worried (the verb agrees). A part not filled in shows as ``…``.
    """
    w = clean_part(who, lead=False) or PLACEHOLDER
    b = clean_part(behaviour) or PLACEHOLDER
    i = clean_part(impact) or PLACEHOLDER
    template = template_many if is_plural(w) else template_one
    sentence = template.format(who=w, behaviour=b, impact=i).replace(PLACEHOLDER + ".", PLACEHOLDER)
    return sentence[:1].upper() + sentence[1:]


def safety_goal_sentence(carers_do: str, child_experiences: str, others_see: str, how_long: str, template: str) -> str:
    """The safety goal as one readable, positive sentence: what the parents/carers do, so that the child
    experiences what, what others see, and for how long it must last.

    ``template`` holds ``{carers_do}``, ``{child_experiences}``, ``{others_see}`` and ``{how_long}`` (in the
    reader's language). A part not filled in shows as ``…``; a part typed with the template's own lead word
    ("zodat ...", "dat ...", "gedurende ...") does not say it twice.
    """
    values = {
        "carers_do": clean_part(carers_do, lead=False),
        "child_experiences": _SG_LEAD.sub("", clean_part(child_experiences)),
        "others_see": _SG_LEAD.sub("", clean_part(others_see)),
        "how_long": _SG_LEAD.sub("", clean_part(how_long)),
    }
    sentence = template.format(**{k: v or PLACEHOLDER for k, v in values.items()})
    sentence = sentence.replace(PLACEHOLDER + ".", PLACEHOLDER)
    return sentence[:1].upper() + sentence[1:]


def missing_goal_parts(carers_do: str, child_experiences: str, others_see: str, how_long: str) -> list[str]:
    """The guided safety goal fields still empty, by field name (``sg_carers_do`` ...)."""
    values = dict(zip(SG_PARTS, (carers_do, child_experiences, others_see, how_long), strict=True))
    return [name for name in SG_PARTS if not clean_part(values[name])]


def check_guided(who: str, behaviour: str, impact: str) -> None:
    """Raise ``ValidationError`` naming the first guided part still empty."""
    missing = missing_parts(who, behaviour, impact)
    if missing:
        raise ValidationError(f"item.{missing[0]}", "empty")


# ---- the columns as the practice reads them ---------------------------------------------------------


def ordered(case: Case, element: str, scenario: str | None = None) -> list[Item]:
    return case.items_of(element, scenario)


def numbers(case: Case, scenario: str | None = None) -> dict[str, int]:
    """Item id -> its number within its element (1, 2, ...), as the documents number them."""
    out: dict[str, int] = {}
    for col in COLUMNS:
        for element in ELEMENTS[col]:
            for n, item in enumerate(case.items_of(element, scenario), 1):
                out[item.id] = n
    return out


def danger_statements(case: Case, scenario: str | None = None) -> list[Item]:
    return case.items_of("danger_statement", scenario)


def too_many_danger_statements(case: Case, scenario: str | None = None) -> bool:
    return len(danger_statements(case, scenario)) > MAX_DANGER_STATEMENTS


def paired_partner(case: Case, item: Item) -> Item | None:
    """The safety goal of a danger statement (or the reverse), if the pairing still holds."""
    if not item.paired_with:
        return None
    other = case.items.get(item.paired_with)
    if other is None or other.paired_with != item.id:
        return None
    wanted = {"danger_statement": "safety_goal", "safety_goal": "danger_statement"}.get(item.element)
    return other if other.element == wanted else None


def is_unpaired_danger(case: Case, item: Item) -> bool:
    """A danger statement without its safety goal: the practice pairs each one."""
    return item.element == "danger_statement" and paired_partner(case, item) is None


def unpaired_danger_statements(case: Case, scenario: str | None = None) -> list[Item]:
    return [i for i in danger_statements(case, scenario) if is_unpaired_danger(case, i)]


def matches(item: Item, person: str | None = None, meeting: str | None = None) -> bool:
    """Does an item answer the filter: said by ``person``, added at ``meeting`` (None: anyone / any)."""
    if person is not None and item.author != person:
        return False
    return not (meeting is not None and item.meeting != meeting)


def count_matching(items: Iterable[Item], person: str | None = None, meeting: str | None = None) -> int:
    return sum(1 for i in items if matches(i, person, meeting))


def authors(case: Case, scenario: str | None = None) -> list[str]:
    """Person ids who said something in the columns, most items first."""
    counts: dict[str, int] = {}
    for i in case.items.values():
        if i.scenario == scenario and i.author and i.author in case.people:
            counts[i.author] = counts.get(i.author, 0) + 1
    return sorted(counts, key=lambda pid: (-counts[pid], case.people[pid].name.lower()))


@dataclass(frozen=True)
class Views:
    """Who agrees and who does not with an item, by name; disagreement is kept, not resolved away."""

    agree: tuple[str, ...]
    disagree: tuple[str, ...]


def views(case: Case, item: Item) -> Views:
    def names(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(case.people[p].name for p in ids if p in case.people)

    return Views(names(item.agree), names(item.disagree))


def chain(case: Case, label: str, steps: Iterable[Callable[[Case], Edit]]) -> Edit:
    """One edit (one undo step) from operations that each see the case as the previous ones left it."""
    edits: list[Edit] = []
    current = case
    for step in steps:
        edit = step(current)
        if edit:
            current = current.apply(edit)
            edits.append(edit)
    return combine(label, edits)
