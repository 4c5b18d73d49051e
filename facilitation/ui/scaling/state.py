"""What the scaling part shows, as a small frozen record (no widgets)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ...domain.model import Item, Meeting, Person, Scale, Score


@dataclass(frozen=True)
class ScalingState:
    """Everything the part shows. Records are immutable and an edit replaces only what it changed, so the
    mappings compare fast (mostly the same objects)."""

    case_id: str
    lang: str
    scales: Mapping[str, Scale]
    scores: Mapping[str, Score]
    people: Mapping[str, Person]
    items: Mapping[str, Item]
    meetings: Mapping[str, Meeting]
    meeting_id: str | None
    present: tuple[str, ...]
    scale_id: str | None
    mode: str
    """How people are named on the screen: names, initials or roles."""
    selected: str | None
    """The person whose score the number keys give (the next one is chosen after each score)."""
    chart_only: bool
    history_people: bool

    def figures_key(self) -> tuple[tuple[object, ...], object, tuple[str, ...]]:
        """What the two charts are drawn from: (the settings and records besides scores, the scores, who is
        present). When it is the same the charts are not computed again; when only the scores changed they are
        drawn a moment after the click (see ``ScalingView``)."""
        settings = (
            self.case_id,
            self.scale_id,
            self.meeting_id,
            self.mode,
            self.lang,
            self.history_people,
            self.people,
            self.meetings,
            self.scales,
        )
        return settings, self.scores, self.present
