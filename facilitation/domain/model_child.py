"""Records of the child's voice: Words and Pictures (and the immediate story), Three Houses, feedback.

Registered in ``model.RECORD_TYPES``; see ``docs/case-file.md`` for their place in the case file.
A drawing is kept as its pen strokes (JSON: ``[{"color": "#1d2430", "width": 4, "points": [[x, y], ...]},
...]`` in a 0..1000 × 0..750 box), so it is drawn sharp on screen and in the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from .record import Record, date_field, float_field, int_field, name_field, text_field
from .vocab import MAX_DRAWING

StoryKind = Literal["immediate", "words_pictures"]
"""``vocab.STORY_KINDS``: the immediate story (day 5) and Words and Pictures."""

StoryTopic = Literal["who_worried", "what_happened", "the_worry", "keeping_safe", "who_to_go_to", "what_next", "own"]
"""``vocab.STORY_TOPICS``: the pages of a Words and Pictures story, in the order told."""


@dataclass(frozen=True, kw_only=True)
class Story(Record):
    """A Words and Pictures story (Woord- en Beeldverhaal) for one child or siblings, or the immediate story.

    Later versions keep the earlier ones: a new version is a new story with ``previous`` pointing back.
    """

    KIND: ClassVar[str] = "story"
    id: str
    title: str = name_field()
    kind: StoryKind = "words_pictures"
    children: tuple[str, ...] = ()
    """Person ids of the children it is told to."""
    version: int = int_field(1, 99, default=1)
    previous: str | None = None
    """The story this version was made from."""
    made_on: str = date_field()
    position: float = 0.0


@dataclass(frozen=True, kw_only=True)
class StoryPage(Record):
    """One page of a story: a short text and a picture (drawn with the pen and/or pictograms)."""

    KIND: ClassVar[str] = "story_page"
    id: str
    story: str = text_field(required=True, max_len=64)
    topic: StoryTopic = "own"
    text: str = text_field(max_len=2000)
    drawing: str = text_field(max_len=MAX_DRAWING)
    pictograms: tuple[str, ...] = ()
    """Names of shipped pictograms shown on the page."""
    contacts: tuple[str, ...] = ()
    """Person ids the child may call: their names and phone numbers are printed on this page (and no one else's)."""
    position: float = 0.0


@dataclass(frozen=True, kw_only=True)
class HouseEntry(Record):
    """One thing a child put in one of the Three Houses, in the child's own words or drawing.

    Private until the child allows it (``shareable``): only then is it shown on a shared screen or document.
    """

    KIND: ClassVar[str] = "house_entry"
    id: str
    child: str = text_field(required=True, max_len=64)
    house: Literal["worries", "good_things", "dreams"] = "worries"
    text: str = text_field(max_len=2000)
    drawing: str = text_field(max_len=MAX_DRAWING)
    pictograms: tuple[str, ...] = ()
    shareable: bool = False
    """"Mag getoond worden": the child allows the network to see it."""
    made_on: str = date_field()
    position: float = 0.0


@dataclass(frozen=True, kw_only=True)
class Feedback(Record):
    """A child's or parent's feedback on the collaboration (seed 004's EXIT questionnaire)."""

    KIND: ClassVar[str] = "feedback"
    id: str
    person: str = text_field(required=True, max_len=64)
    moment: Literal["interim", "end"] = "end"
    given_on: str = date_field()
    meeting: str | None = None
    mark: int = int_field(1, 10)
    """Overall mark (rapportcijfer), 1-10."""
    result: float | None = float_field(1.0, 4.0, default=None)
    """Subscale *resultaat*, 1-4."""
    process: float | None = float_field(1.0, 4.0, default=None)
    """Subscale *procesverloop*, 1-4."""
    comment: str = text_field()
