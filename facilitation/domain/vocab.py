"""The practice's vocabularies as the records store them (translated on screen through ``i18n``)."""

from __future__ import annotations

SECTORS = ("family", "friends", "school", "professional")
"""Sectors of the network map: family, friends and neighbours, school and leisure, professionals."""

CLOSENESS = (1, 2, 3)
"""Closeness rings: 1 very close, 2 close, 3 further away."""

KNOWLEDGE = ("all", "some", "none")
"""Safety circles: knows everything / something / nothing of the worries."""

TIE_KINDS = ("family", "support", "conflict", "broken", "parent", "partner", "ex_partner")
"""Ties on the map (family tie, support, conflict, contact broken) and the family links the genogram is
drawn from: ``parent`` (``a`` is a parent of ``b``), ``partner`` and ``ex_partner``. Siblings follow from
shared parents; a ``family`` tie says only that two people are family."""

MAP_TIE_KINDS = ("family", "support", "conflict", "broken")
"""The ties the network map draws (a parent link shows there as a family tie)."""

FAMILY_LINK_KINDS = ("parent", "partner", "ex_partner")


def map_kind(kind: str) -> str:
    """How the network map draws a tie: a family link (parent, partner) as a family tie."""
    return "family" if kind in FAMILY_LINK_KINDS else kind


MEETING_KINDS = (
    "network_meeting",
    "interim_evaluation",
    "second_network_meeting",
    "reflecting_team",
    "training",
)
"""First network meeting (day 14/15), interim evaluation (day 28), second network meeting (day 40); the
reflecting team's case discussions and training exercises."""

COLUMNS = ("worries", "working_well", "needs_to_happen")

ELEMENTS: dict[str, tuple[str, ...]] = {
    "worries": ("harm", "danger_statement", "complicating_factor"),
    "working_well": ("strength", "exception", "existing_safety"),
    "needs_to_happen": ("safety_goal", "bottom_line", "next_step"),
}
"""The eight elements of the three columns, plus *exceptions* ("wanneer gaat het wel goed?", practice
element 2 of seed 004's appendix) as a kind of strength."""
ELEMENT_KINDS = tuple(e for col in COLUMNS for e in ELEMENTS[col])
DEFAULT_ELEMENT = {"worries": "harm", "working_well": "strength", "needs_to_happen": "next_step"}

BOTTOM_LINE_SETTERS = ("judge", "consultant")
"""Who set a bottom line, stored as a key (shown in the reader's language); anything else is kept as typed."""

SCALE_KINDS = ("safety", "willingness", "confidence", "capacity", "goal_progress", "child", "free")
"""``child``: a child's own scale (faces and colours, a child's question); ``subject`` is that child."""

FF_STATUSES = ("to_find", "found", "contacted", "willing", "committed", "declined")
"""Family Finding, per person: te zoeken, gevonden, gecontacteerd, wil betrokken zijn, engageert zich voor
lange termijn, wil of kan niet."""

GENDERS = ("female", "male", "other")
"""For the genogram's symbols (circle, square, diamond); left empty when not known."""

REVIEW_STATUSES = ("works", "partly", "not_working", "changed", "new")
"""How an agreement is doing at a review: werkt, werkt deels, werkt niet, gewijzigd, nieuw."""

STORY_KINDS = ("immediate", "words_pictures")
"""The immediate story (day 5) and Words and Pictures (Woord- en Beeldverhaal)."""

STORY_TOPICS = ("who_worried", "what_happened", "the_worry", "keeping_safe", "who_to_go_to", "what_next", "own")
"""The pages of a Words and Pictures story, in the order told; ``own`` for a page the family adds."""

HOUSES = ("worries", "good_things", "dreams")
"""Three Houses: house of worries, of good things, of dreams."""

FEEDBACK_MOMENTS = ("interim", "end")

MAX_TEXT = 10_000
"""Longest free text we accept in any field (a long worry is fine; a pasted file is not)."""
MAX_NAME = 200
MAX_DRAWING = 400_000
"""A drawing's strokes as JSON (a page drawn with a pen over a few minutes is well under this)."""


def column_of(element: str) -> str:
    """The column an element kind belongs to."""
    for col, elements in ELEMENTS.items():
        if element in elements:
            return col
    raise ValueError(element)
