"""What the Three Houses part shows: one child's entries, and only what the child allowed on a shared screen."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.case import Case
from ...domain.child_voice import house_entries
from ...domain.model_child import HouseEntry

HOUSES = ("worries", "good_things", "dreams")


@dataclass(frozen=True)
class EntryState:
    id: str
    house: str
    text: str
    drawing: str
    pictograms: tuple[str, ...]
    shareable: bool
    made_on: str


@dataclass(frozen=True)
class ThreeHousesState:
    lang: str
    shared_screen: bool
    """Projection mode: the network sees the screen, so only what the child allowed is on it."""
    children: tuple[tuple[str, str], ...]
    child: str | None
    entries: tuple[EntryState, ...]
    editing: EntryState | None
    new_house: str | None
    """The house a new entry goes into while it has nothing yet."""


def entry_state(e: HouseEntry) -> EntryState:
    return EntryState(e.id, e.house, e.text, e.drawing, e.pictograms, e.shareable, e.made_on)


def three_houses_state(
    case: Case, lang: str, shared_screen: bool, child: str | None, editing: str | None, new_house: str | None
) -> ThreeHousesState:
    kids = case.children()
    if child not in {c.id for c in kids}:
        child = kids[0].id if kids else None
    entries = tuple(entry_state(e) for e in house_entries(case, child, shared_only=shared_screen)) if child else ()
    current = next((e for e in entries if e.id == editing), None)
    return ThreeHousesState(
        lang=lang,
        shared_screen=shared_screen,
        children=tuple((c.id, c.name.split()[0] if c.name.split() else c.name) for c in kids),
        child=child,
        entries=entries,
        editing=None if shared_screen else current,
        new_house=None if shared_screen or current is not None else new_house,
    )
