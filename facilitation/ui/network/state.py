"""What the network part shows, as small frozen records (no widgets).

``NetworkState`` holds the records the part draws (people, ties, ...) by reference: an edit replaces only
the kinds it touched, so comparing two states is cheap, and ``show`` redraws only what changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ...domain.model import Agreement, Meeting, Person, Tie
from ...domain.model_trajectory import MapSnapshot

MODES = ("map", "genogram", "time")
"""The network map, the genogram, the network over time (kept maps compared)."""
TIE_FILTERS = ("all", "strong", "selected")


@dataclass(frozen=True)
class ViewChoices:
    """How the consultant looks at the map (not stored: each screen its own)."""

    mode: str = "map"
    text_size: int = 0
    ties: str = "all"
    screen: tuple[int, int] | None = None
    """The map's size in the browser (px), once it told us."""
    compare: tuple[str, str] = ("", "")
    """The two moments compared: meeting ids of kept maps, or ``snapshots.NOW``."""


@dataclass(frozen=True)
class NetworkState:
    """Everything the network part shows."""

    lang: str
    projection: bool
    people: Mapping[str, Person]
    ties: Mapping[str, Tie]
    agreements: Mapping[str, Agreement]
    meetings: Mapping[str, Meeting]
    snapshots: Mapping[str, MapSnapshot]
    meeting_id: str | None
    selected: str | None
    view: ViewChoices

    @property
    def present(self) -> tuple[str, ...]:
        """Who is ticked as present at the current meeting."""
        m = self.meetings.get(self.meeting_id) if self.meeting_id else None
        return m.present if m else ()

    def map_key(self) -> tuple[object, ...]:
        """What the map figure depends on."""
        v = self.view
        return (
            self.lang,
            self.projection,
            self.people,
            self.ties,
            self.agreements,
            self.present,
            self.selected,
            v.text_size,
            v.ties,
            v.screen,
        )
