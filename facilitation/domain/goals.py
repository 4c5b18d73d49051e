"""The guided safety goal: what the parents/carers will do, what the child will experience, what others will
see, and for how long (Signs of Safety; each danger statement is paired with one).

Like the guided danger statement (``columns.danger_sentence``): pure functions, the sentence template is
passed in (``goal.sentence`` in the translations), so the domain holds no words of either language.
"""

from __future__ import annotations

import re

from .columns import PLACEHOLDER, clean_part
from .errors import ValidationError

GOAL_PARTS = ("sg_carers_do", "sg_child_experiences", "sg_others_see", "sg_how_long")
"""The guided fields of a safety goal, as ``Item`` stores them."""

# "gedurende zes maanden", "minstens drie maanden", "for six months", "at least three months": the template
# already says how the duration is read.
_HOW_LONG_LEAD = re.compile(r"^(?:gedurende|minstens|ten minste|tenminste|for|during|at least)\s+", re.IGNORECASE)


def _sentence(text: str) -> str:
    s = clean_part(text, lead=False)
    return s[:1].upper() + s[1:] if s else PLACEHOLDER


def _how_long(text: str) -> str:
    s = clean_part(text, lead=False)
    while True:
        shorter = _HOW_LONG_LEAD.sub("", s)
        if shorter == s:
            break
        s = shorter
    return s or PLACEHOLDER


def missing_goal_parts(carers_do: str, child_experiences: str, others_see: str, how_long: str) -> list[str]:
    """The guided fields still empty, by field name (``sg_carers_do``, ...)."""
    values = dict(zip(GOAL_PARTS, (carers_do, child_experiences, others_see, how_long), strict=True))
    return [name for name in GOAL_PARTS if not clean_part(values[name], lead=False)]


def check_goal(carers_do: str, child_experiences: str, others_see: str, how_long: str) -> None:
    """Raise ``ValidationError`` naming the first guided part still empty."""
    missing = missing_goal_parts(carers_do, child_experiences, others_see, how_long)
    if missing:
        raise ValidationError(f"item.{missing[0]}", "empty")


def compose_safety_goal(carers_do: str, child_experiences: str, others_see: str, how_long: str, template: str) -> str:
    """The safety goal as sentences the family can check, from its four guided parts.

    ``template`` holds ``{carers_do}``, ``{child_experiences}``, ``{others_see}`` and ``{how_long}`` (e.g.
    ``goal.sentence``: "{carers_do}. {child_experiences}. {others_see}. Zo blijft het minstens {how_long}.").
    The first three start a sentence (capitalised, without a closing full stop of their own); a leading
    "gedurende"/"minstens"/"for"/"at least" of the duration is dropped. A part not filled in shows as ``…``.
    """
    sentence = template.format(
        carers_do=_sentence(carers_do),
        child_experiences=_sentence(child_experiences),
        others_see=_sentence(others_see),
        how_long=_how_long(how_long),
    )
    return sentence.replace(PLACEHOLDER + ".", PLACEHOLDER)
