"""What the reflecting team's parts show, as small frozen records (no widgets).

Every record is drawn from the case *as shown* (``ReflectingTeam.shown``: the case itself or its pseudonymised
copy), so switching pseudonyms on, or correcting one, changes the state and the part is drawn again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...domain import reflecting as rt
from ...domain.case import Case
from ...domain.model import COLUMNS, ELEMENTS, Meeting
from ...export import reflecting_record as record

NO_SCORE = -1
"""The score pickers' value for 'no score'."""
TEAM = "team"
"""The scenario argument of a board on the team's own map (resolved to the map's id, made when first used)."""


def scenario_id(shown: Case, scenario: str | None) -> str | None:
    """The stored scenario id of a board: ``TEAM`` is the team's own map ("-" while it has none yet)."""
    if scenario != TEAM:
        return scenario
    tm = rt.team_map(shown)
    return tm.id if tm is not None else "-"


# ---- a board of three columns and the team's scale ----------------------------------------------------


@dataclass(frozen=True)
class ItemRow:
    id: str
    text: str


@dataclass(frozen=True)
class ElementRows:
    """The items of one element of the framework (in a column), in their order."""

    element: str
    items: tuple[ItemRow, ...]


@dataclass(frozen=True)
class BoardState:
    """Per column (in ``COLUMNS`` order): its elements that have items."""

    columns: tuple[tuple[str, tuple[ElementRows, ...]], ...]


@dataclass(frozen=True)
class Scored:
    id: str
    name: str
    score: int
    """``NO_SCORE`` when this member gave none."""


@dataclass(frozen=True)
class ScaleState:
    """The team's scores on one safety scale in this meeting; ``team`` empty: no meeting or nobody there."""

    team: tuple[Scored, ...]
    spread: rt.Spread | None


def board_state(shown: Case, scenario: str | None) -> BoardState:
    sid = scenario_id(shown, scenario)
    columns = []
    for col in COLUMNS:
        elements = []
        for element in ELEMENTS[col]:
            items = shown.items_of(element, sid)
            if items:
                elements.append(ElementRows(element, tuple(ItemRow(i.id, i.text) for i in items)))
        columns.append((col, tuple(elements)))
    return BoardState(tuple(columns))


def scale_state(shown: Case, scenario: str | None, meeting: Meeting | None) -> ScaleState:
    team = rt.team(shown, meeting)
    if meeting is None or not team:
        return ScaleState((), None)
    scores = rt.team_scores(shown, scenario_id(shown, scenario), meeting.id)
    scored = tuple(Scored(pid, shown.name_of(pid), scores.get(pid, NO_SCORE)) for pid in team)
    return ScaleState(scored, rt.spread([scores[pid] for pid in team if pid in scores]))


# ---- the parts ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapState:
    """The team's own map: its columns, its scale, and the family's words when asked for."""

    lang: str
    board: BoardState
    scale: ScaleState
    family: tuple[tuple[str, tuple[str, ...]], ...] | None
    """Per column the family's words (the case's own items), or None while they are not asked for."""


def map_state(shown: Case, meeting: Meeting | None, lang: str, family_open: bool) -> MapState:
    family = None
    if family_open:
        family = tuple((col, tuple(i.text for i in rt.family_items(shown, col))) for col in COLUMNS)
    return MapState(lang, board_state(shown, TEAM), scale_state(shown, TEAM, meeting), family)


@dataclass(frozen=True)
class CardState:
    """One scenario: its place in the row, its words, its columns and the team's scale."""

    id: str
    n: int
    total: int
    title: str
    description: str
    board: BoardState
    scale: ScaleState


@dataclass(frozen=True)
class Compared:
    """One scenario in the comparison table."""

    n: int
    title: str
    counts: tuple[int, ...]
    """Items per column, in ``COLUMNS`` order."""
    scores: tuple[int | None, ...]
    """Per team member (``ScenariosState.team``), None where they gave no score."""
    spread: rt.Spread | None


@dataclass(frozen=True)
class ScenariosState:
    lang: str
    cards: tuple[CardState, ...]
    team: tuple[str, ...]
    """The names of the team present, in order (the rows of the comparison)."""
    compared: tuple[Compared, ...]


def scenarios_state(shown: Case, meeting: Meeting | None, lang: str) -> ScenariosState:
    order = rt.scenarios_in_order(shown)
    cards = tuple(
        CardState(
            sc.id,
            n,
            len(order),
            sc.title,
            sc.description,
            board_state(shown, sc.id),
            scale_state(shown, sc.id, meeting),
        )
        for n, sc in enumerate(order, 1)
    )
    team = rt.team(shown, meeting)
    compared = tuple(
        Compared(
            n,
            s.scenario.title,
            tuple(s.counts[col] for col in COLUMNS),
            tuple(s.scores.get(pid) for pid in team),
            s.spread,
        )
        for n, s in enumerate(rt.compare(shown, meeting.id if meeting else None), 1)
    )
    return ScenariosState(lang, cards, tuple(shown.name_of(pid) for pid in team), compared)


@dataclass(frozen=True)
class Said:
    """A reflection, a conclusion or a next step: ``who`` is the speaker's name for a reflection, else empty."""

    id: str
    who: str
    text: str


@dataclass(frozen=True)
class RoundsState:
    """The rounds of this meeting (``meeting`` None: no reflecting-team meeting), whose turn, what was said."""

    lang: str
    meeting: str | None
    round_no: int
    skipped: frozenset[str]
    team: tuple[tuple[str, str], ...]
    """(name, person id) of the team present."""
    speaker: str | None
    """Who the speaker picker shows: someone chosen out of turn, else whose turn it is."""
    next: str | None
    """Whose turn it is (name), None when everyone spoke or skipped."""
    rounds: tuple[tuple[int, tuple[Said, ...]], ...]
    conclusions: tuple[Said, ...]
    steps: tuple[Said, ...]


def said(shown: Case, records: list[Any], team_word: str) -> tuple[Said, ...]:
    """A reflection says who spoke (the team, when nobody was picked); a conclusion or a next step does not."""
    return tuple(
        Said(r.id, "" if r.is_conclusion or r.is_next_step else shown.name_of(r.author, team_word), r.text)
        for r in records
    )


def rounds_state(
    shown: Case,
    meeting: Meeting | None,
    lang: str,
    round_no: int,
    skipped: frozenset[str],
    manual: str | None,
    team_word: str,
) -> RoundsState:
    """``manual``: a speaker picked out of turn (kept while they are in the team)."""
    if meeting is None:
        return RoundsState(lang, None, round_no, skipped, (), None, None, (), (), ())
    team = rt.team(shown, meeting)
    nxt = rt.next_speaker(shown, meeting, round_no, skipped)
    return RoundsState(
        lang,
        meeting.id,
        round_no,
        skipped,
        tuple((shown.name_of(pid), pid) for pid in team),
        manual if manual in team else nxt,
        shown.name_of(nxt) if nxt is not None else None,
        tuple((n, said(shown, refl, team_word)) for n, refl in rt.rounds(shown, meeting.id).items()),
        said(shown, rt.reflections(shown, meeting.id, conclusions=True), team_word),
        said(shown, rt.meeting_next_steps(shown, meeting.id), team_word),
    )


@dataclass(frozen=True)
class RecordState:
    """Who writes the record (options and the one chosen) and the record itself as its files will hold it."""

    lang: str
    meeting: str | None
    scribes: tuple[tuple[str, str], ...]
    """(name, person id) of the team present."""
    scribe: str
    """The chosen scribe's id, or "" for nobody yet."""
    pseudonym: str | None
    corrections: tuple[tuple[str, str], ...]
    blocks: tuple[Any, ...]
    """The record's blocks (``export.document``), shown as the preview."""


def record_state(
    case: Case, shown: Case, meeting: Meeting | None, lang: str, pseudonym: str | None, corrections: dict[str, str]
) -> RecordState:
    """The record of ``meeting`` drawn from the case as shown; pseudonymised, it says what was replaced (counted
    by kind on the real ``case``, never the originals)."""
    team = rt.team(shown, meeting)
    replaced = record.replaced_in_words(case, lang, pseudonym, corrections) if pseudonym else ""
    blocks = record.record_blocks(
        shown, meeting.id if meeting else None, lang, pseudonymised=replaced or bool(pseudonym)
    )
    scribe = meeting.scribe if meeting is not None and meeting.scribe in team else ""
    return RecordState(
        lang,
        meeting.id if meeting else None,
        tuple((shown.name_of(pid), pid) for pid in team),
        scribe or "",
        pseudonym,
        tuple(sorted(corrections.items())),
        tuple(blocks),
    )
