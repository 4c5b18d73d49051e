"""What the three columns show, as a small frozen record (no widgets)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ...domain.model import Item, Meeting, Person


@dataclass(frozen=True)
class Filter:
    """ "Wie zei wat?": who said it, at which meeting (None: anyone, any), highlighted or only those shown."""

    person: str | None = None
    meeting: str | None = None
    mode: str = "highlight"

    @property
    def on(self) -> bool:
        return self.person is not None or self.meeting is not None


@dataclass(frozen=True)
class ColumnsState:
    """Everything the part shows. Records are immutable and an edit replaces only what it changed, so the
    mappings compare fast (mostly the same objects)."""

    case_id: str
    lang: str
    items: Mapping[str, Item]
    people: Mapping[str, Person]
    meetings: Mapping[str, Meeting]
    meeting_id: str | None
    present: tuple[str, ...]
    filter: Filter
    editing: str | None
