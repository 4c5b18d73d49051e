"""Who someone is to the children, read from the words of their relation ("mama", "vader van Noah").

Used when a case file of schema version 1 is upgraded (parents and carers were not marked yet) and as a
first guess when a person is typed in; the consultant can always change the mark.
"""

from __future__ import annotations

import re
from datetime import date

from .model import Person

CARER_WORDS = frozenset(
    {
        # Dutch (Flemish): parents, step- and foster parents, guardians
        "mama",
        "mams",
        "moeder",
        "moe",
        "papa",
        "paps",
        "vader",
        "va",
        "ouder",
        "ouders",
        "stiefmoeder",
        "stiefvader",
        "stiefmama",
        "stiefpapa",
        "plusmama",
        "pluspapa",
        "plusmoeder",
        "plusvader",
        "pleegmoeder",
        "pleegvader",
        "pleegmama",
        "pleegpapa",
        "pleegouder",
        "voogd",
        "opvoedingsverantwoordelijke",
        # English
        "mother",
        "mum",
        "mom",
        "mummy",
        "father",
        "dad",
        "daddy",
        "parent",
        "stepmother",
        "stepfather",
        "stepmom",
        "stepdad",
        "foster",
        "guardian",
        "carer",
        "caregiver",
    }
)
"""First words of a relation that make someone a parent or carer of the children."""

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def head_word(relation: str) -> str:
    """The first word of a relation, lower case: "Vader van Noah" -> "vader", "nonkel (broer van mama)" -> "nonkel"."""
    m = _WORD.search(relation or "")
    return m.group(0).casefold() if m else ""


def is_carer_relation(relation: str) -> bool:
    """Does the relation say this is a parent or carer? Only its first word counts: "broer van mama" does not."""
    return head_word(relation) in CARER_WORDS


def age_on(person: Person, on: date) -> tuple[int | None, int | None]:
    """(years, months) of age on a date: from the date of birth when known (months are the whole months
    since birth, for a child under 2), else (``Person.age``, None); (None, None) when nothing is known."""
    if person.birth_date:
        born = date.fromisoformat(person.birth_date)
        months = (on.year - born.year) * 12 + (on.month - born.month) - (1 if on.day < born.day else 0)
        months = max(months, 0)
        return months // 12, months
    return person.age, None


SETTER_WORDS = {
    "judge": ("jeugdrechter", "de jeugdrechter", "rechter", "youth judge", "the youth judge", "judge", "the judge"),
    "consultant": ("consulent", "de consulent", "consultant", "the consultant", "consulent sdj", "consulent ocj"),
}


def setter_key(text: str) -> str:
    """ "de jeugdrechter" -> "judge"; anything not recognised stays as typed."""
    low = " ".join(text.split()).casefold()
    for key, words in SETTER_WORDS.items():
        if low in words:
            return key
    return text
