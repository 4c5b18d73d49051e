"""The records of pseudonymising: the words a pseudonymised case is written with, and one thing replaced.

Below both ``pseudonym`` (which builds them) and ``pseudonym_text`` (which fills them in), so that neither
imports the other back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PseudonymWords:
    """The words a pseudonymised case is written with, in the case's language."""

    case_title: str = "Case {code}"
    child: str = "child"
    someone: str = "N.N."
    phone: str = "[phone]"
    email: str = "[e-mail]"
    place: str = "[place {n}]"
    school: str = "[school {n}]"
    organisation: str = "[organisation {n}]"
    address: str = "[address]"
    birth_date: str = "[date of birth]"
    file_number: str = "[file number]"
    number: str = "[number]"
    sectors: Mapping[str, str] = field(
        default_factory=lambda: {
            "family": "family member",
            "friends": "friend",
            "school": "school",
            "professional": "professional",
        }
    )
    possessive: Mapping[str, str] = field(default_factory=lambda: {"": "{who}'s"})
    """A replaced name's possessive ("Jonas' vriend"), by the person's gender ("male", "female", "" unknown)
    and "name" for an invented name: Dutch "{who} zijn", "{who} haar", "{who}s"."""
    articles: Mapping[str, str] = field(default_factory=lambda: {"": "the"})
    """The article before a bare role said of a child ("de jongere zijn kamer"), by role; "" for any role."""


@dataclass(frozen=True)
class Replacement:
    """One thing replaced: what stood there, what stands there now, what kind of detail, how often."""

    original: str
    replacement: str
    kind: str
    """person, name, place, school, organisation, address, birth_date, file_number, phone, email, number"""
    count: int = 0
