"""The family screen, pure: case + meeting -> what the family reads (``present``), and that as HTML.

Only what the family may see: the family's own words, names, the trajectory in plain words. Never the
professionals' note, phone numbers, person notes or anything marked for professionals only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from ...domain import columns as cols
from ...domain import scaling as sc
from ...domain.case import Case
from ...domain.model import COLUMNS, ELEMENTS, Meeting
from ...domain.trajectory import agenda_of
from ...domain.trajectory import steps as trajectory_steps
from ...export.common import long_date
from ...i18n import translate
from ..base import esc, esc_lines
from ..meeting.present import phase_label as meeting_phase_label
from ..scaling.present import question_words
from .state import PHASE_BOARD, PINNABLE, Block, Board, Entry, FamilyState, Group, Line, ScaleBoard, ScoreRow

Tr = Callable[..., str]

FAMILY_STEPS = (
    "urgent_measure",
    "hearing",
    "child_explained",
    "first_decision",
    "first_network_meeting",
    "interim_evaluation",
    "second_network_meeting",
    "decision",
)
"""The milestones of the six weeks the family is told about (the procedure's own deadlines are left out)."""


def translator(lang: str) -> Tr:
    return lambda key, **kw: translate(lang, key, **kw)


def phase_label(phase: str, t: Tr) -> str:
    return meeting_phase_label(t, phase)


def board_for(meeting: Meeting | None) -> str:
    """The board the family screen shows: the pinned one, else the current phase's."""
    if meeting is None:
        return "explain"
    if meeting.pinned in PINNABLE:
        return meeting.pinned
    agenda = agenda_of(meeting)
    phase = agenda[min(meeting.phase, len(agenda) - 1)]
    return PHASE_BOARD.get(phase, "title")


def present(case: Case | None, meeting: Meeting | None, lang: str, today: date | None = None) -> FamilyState:
    """What the family screen shows now."""
    t = translator(lang)
    if case is None:
        return FamilyState(lang, Board("title", t("app.title"), layout="title"))
    key = board_for(meeting)
    title, step = _heading(key, meeting, t)
    pointer = meeting.pointer if meeting is not None else None
    blank = bool(meeting.blank) if meeting is not None else False
    if key == "network":
        board = Board(key, title, step, layout="map")
        records = (tuple(sorted(case.people.items())), tuple(sorted(case.ties.items())))
        return FamilyState(lang, board, pointer, blank, records)
    if key == "explain":
        board = Board(key, title, step, explain_blocks(case, meeting, t, today or date.today()))
    elif key == "statements":
        board = Board(key, title, step, statement_blocks(case, t))
    elif key == "columns":
        board = Board(key, title, step, column_blocks(case, t))
    elif key == "scale":
        board = Board(key, title, step, layout="scale", scale=scale_board(case, meeting, pointer, lang))
    elif key == "plan":
        board = Board(key, title, step, (plan_block(case, t),), layout="cards")
    else:
        board = Board("title", title, step, layout="title")
    return FamilyState(lang, board, pointer, blank)


def _heading(key: str, meeting: Meeting | None, t: Tr) -> tuple[str, str]:
    """The board's title and where the meeting is ("3/7"); a pinned board shows its own name."""
    if meeting is None:
        return t(f"fv.board.{key}"), ""
    if meeting.pinned in PINNABLE:
        return t(f"fv.board.{key}"), ""
    agenda = agenda_of(meeting)
    i = min(meeting.phase, len(agenda) - 1)
    return phase_label(agenda[i], t), t("fv.step", n=i + 1, total=len(agenda))


def day_month(day: date, t: Tr) -> str:
    """ "15 september" (the six weeks fit in a year or two; the year would only make the line longer)."""
    return long_date(t("fv.lang"), day).rsplit(" ", 1)[0]


PHONE = re.compile(r"(?<![\w+])(?:\+|0)\d[\d ./-]{6,}\d(?!\w)")
"""Something that looks like a phone number: 0 or + first, then 9 digits or more with spaces, dots, slashes
or dashes (a date such as 05/09/2026 or a time such as 09.00-12.30 has 8)."""


def no_phone(text: str, t: Tr) -> str:
    """The family screen shows no phone numbers, not even typed inside an agreement: the room is not
    everyone's address book (the signed plan on paper has them)."""
    return PHONE.sub(lambda m: t("fv.phone") if sum(ch.isdigit() for ch in m.group()) >= 9 else m.group(), text)


def children_names(case: Case, t: Tr) -> str:
    names = [p.name.split()[0] if p.name.split() else p.name for p in case.children()]
    if not names:
        return t("fv.the_children")
    if len(names) == 1:
        return names[0]
    return t("fv.and", first=", ".join(names[:-1]), last=names[-1])


# ---- the boards -----------------------------------------------------------------------------------


def explain_blocks(case: Case, meeting: Meeting | None, t: Tr, today: date) -> tuple[Block, ...]:
    """The six weeks in plain words (what happened, where we are, what comes), and today's course."""
    kids = children_names(case, t)
    steps = [ms for ms in trajectory_steps(case, today) if ms.key in FAMILY_STEPS]
    now_key = next((ms.key for ms in steps if meeting is not None and ms.meeting and ms.meeting.id == meeting.id), None)
    if now_key is None:
        now_key = next((ms.key for ms in steps if ms.status in ("due", "running", "scheduled", "coming")), None)
    entries = []
    passed = True
    for ms in steps:
        if ms.key == now_key:
            passed = False
        tone = "now" if ms.key == now_key else ("done" if passed else "")
        when = day_month(ms.start, t)
        if ms.end != ms.start:
            same = ms.end.month == ms.start.month
            first = str(ms.start.day) if same else day_month(ms.start, t)
            when = t("fv.date_range", first=first, last=day_month(ms.end, t))
        mark = t("fv.now") if tone == "now" else ("✓" if tone == "done" else "")
        text = t(f"fv.step.{ms.key}", children=kids)
        entries.append(Entry(f"step-{ms.key}", text, mark=mark, tone=tone, when=when))
    blocks = [Block("route", t("fv.route"), (Group("", tuple(entries)),), t("fv.no_start_date"))]
    if meeting is not None:
        agenda = agenda_of(meeting)
        current = min(meeting.phase, len(agenda) - 1)
        today_entries = tuple(
            Entry(
                f"phase-{n}",
                phase_label(phase, t),
                mark=str(n + 1),
                tone="now" if n == current else ("done" if n < current else ""),
            )
            for n, phase in enumerate(agenda)
        )
        title = t("fv.today", what=t(f"meeting_kind.{meeting.kind}"))
        blocks.append(Block("today", title, (Group("", today_entries),)))
    return tuple(blocks)


def statement_blocks(case: Case, t: Tr) -> tuple[Block, ...]:
    """Danger statements, their safety goals in the same order, and the bottom lines, numbered."""
    dangers = cols.danger_statements(case)
    number = {d.id: n for n, d in enumerate(dangers, 1)}
    goals = case.items_of("safety_goal")

    def goal_order(item: Any) -> tuple[int, float, str]:
        partner = cols.paired_partner(case, item)
        return (number.get(partner.id, 99) if partner is not None else 99, item.position, item.id)

    goals = sorted(goals, key=goal_order)
    danger_entries = tuple(Entry(d.id, no_phone(d.text, t), mark=str(number[d.id]), tone="danger") for d in dangers)
    goal_entries = []
    for n, g in enumerate(goals, 1):
        partner = cols.paired_partner(case, g)
        mark = str(number[partner.id]) if partner is not None and partner.id in number else str(n)
        goal_entries.append(Entry(g.id, no_phone(g.text, t), mark=mark, tone="goal"))
    bottom_entries = []
    for n, b in enumerate(case.items_of("bottom_line"), 1):
        lines = (Line("", _set_by(b.set_by, t)),) if b.set_by.strip() else ()
        bottom_entries.append(Entry(b.id, no_phone(b.text, t), lines, str(n), "bottom"))
    empty = t("fv.nothing_yet")
    one_or_many = "one" if len(dangers) == 1 else "many"
    return weighted(
        (
            Block("danger", t(f"fv.danger_statements.{one_or_many}"), (Group("", danger_entries),), empty),
            Block("goals", t("fv.safety_goals"), (Group("", tuple(goal_entries)),), empty),
            Block("bottom", t("fv.bottom_lines"), (Group("", tuple(bottom_entries)),), empty),
        )
    )


def _set_by(value: str, t: Tr) -> str:
    key = f"setter.{value.strip()}"
    who = t(key)
    return t("fv.set_by", who=value.strip() if who == key else who)


def column_blocks(case: Case, t: Tr) -> tuple[Block, ...]:
    """The three columns, each with its elements as sub-headings, in the consultant's order."""
    blocks = []
    for col in COLUMNS:
        groups = []
        for element in ELEMENTS[col]:
            items = case.items_of(element)
            if items:
                entries = tuple(Entry(i.id, no_phone(i.text, t), tone=col) for i in items)
                groups.append(Group(t(f"element.{element}"), entries))
        blocks.append(Block(col, t(f"column.{col}"), tuple(groups), t("fv.nothing_yet")))
    return weighted(tuple(blocks))


def weighted(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Give a column with more words more width (between 3/4 and 3/2 of an equal share), so that the
    columns fill their pages alike instead of one column turning pages for the others (``board_html`` keeps
    every column wide enough for whole words)."""
    sizes = [sum(len(e.text) + 40 for g in b.groups for e in g.entries) + 60 for b in blocks]
    mean = sum(sizes) / len(sizes)
    return tuple(
        replace(b, weight=round(min(1.5, max(0.75, size / mean)), 2)) for b, size in zip(blocks, sizes, strict=True)
    )


def scale_board(case: Case, meeting: Meeting | None, pointer: str | None, lang: str) -> ScaleBoard | None:
    """The scale asked now (the one pointed at, else the safety scale): its question, anchors and scores."""
    t = translator(lang)
    scales = sc.case_scales(case)
    if not scales:
        return None
    scale = (
        case.scales[pointer]
        if pointer is not None and pointer in case.scales and case.scales[pointer].scenario is None
        else scales[0]
    )
    subject = sc.subject_name(case, scale)
    when = meeting.date if meeting is not None else None
    question, low, high = question_words(case, scale, t, subject=subject, names=True, when=when)
    present_ids = list(meeting.present) if meeting is not None else []
    ids = sc.participants(case, meeting, scale.id, present_ids)
    scores = sc.scores_at(case, scale.id, meeting.id if meeting is not None else None)
    rows = tuple(
        ScoreRow(
            pid, case.people[pid].name, scores[pid].value if pid in scores else None, sc.group_of(case.people[pid])
        )
        for pid in ids
    )
    return ScaleBoard(scale.id, question, low, high, rows, spread_words([s.value for s in scores.values()], t))


def spread_words(values: list[int], t: Tr) -> str:
    """The spread in plain words: "van 3 tot 7", "iedereen op 5", or that nobody scored yet."""
    if not values:
        return t("fv.scale.none")
    low, high = min(values), max(values)
    if len(values) == 1:
        return t("fv.scale.one", value=low)
    if low == high:
        return t("fv.scale.same", value=low)
    return t("fv.scale.spread", low=low, high=high)


def plan_block(case: Case, t: Tr) -> Block:
    """The agreements as cards: what, who, the backup, when, and what if it does not work."""
    cards = []
    for n, a in enumerate(case.agreements_in_order(), 1):
        lines = []
        for label, value in (
            ("fv.plan.who", case.name_of(a.owner)),
            ("fv.plan.backup", case.name_of(a.backup)),
            ("fv.plan.when", a.when),
            ("fv.plan.if_not", a.if_not),
        ):
            if value.strip():
                lines.append(Line(t(label), no_phone(value.strip(), t)))
        cards.append(Entry(a.id, no_phone(a.what, t), tuple(lines), str(n), "card"))
    return Block("plan", "", (Group("", tuple(cards)),), t("fv.plan.none"))


# ---- as HTML (every text escaped) -----------------------------------------------------------------


def board_html(board: Board) -> str:
    """The board's heading and body; the browser fits the type and turns the pages (``family-stage.js``)."""
    step = f'<span class="fac-fv-step">{esc(board.step)}</span>' if board.step else ""
    head = f'<header class="fac-fv-head"><h1 class="fac-fv-title">{esc(board.title)}</h1>{step}</header>'
    if board.layout == "map":
        body = '<div class="fac-fv-mapslot"></div>'
    elif board.layout == "title":
        body = ""
    elif board.layout == "scale":
        body = _scale_html(board.scale)
    else:
        body = "".join(_block_html(b) for b in board.blocks)
    style = ""
    if board.layout == "columns" and board.blocks and any(b.weight != 1.0 for b in board.blocks):
        # Never narrower than 30 % of the screen (less with more columns): at 1024x768 the bottom lines got a
        # fifth of it and their words broke mid-word ("begeleidin|g").
        floor = f"{min(30, 90 // len(board.blocks))}%"
        style = (
            ' style="grid-template-columns: ' + " ".join(f"minmax({floor}, {b.weight}fr)" for b in board.blocks) + '"'
        )
    return (
        f'<div class="fac-fv-board fac-fv-layout-{esc(board.layout)} fac-fv-board-{esc(board.key)}" '
        f'data-board="{esc(board.key)}">{head}<main class="fac-fv-body"{style}>{body}</main></div>'
    )


def _block_html(block: Block) -> str:
    title = f'<h2 class="fac-fv-block-title">{esc(block.title)}</h2>' if block.title else ""
    parts = []
    for g in block.groups:
        if g.title:
            parts.append(f'<h3 class="fac-fv-unit fac-fv-group-title">{esc(g.title)}</h3>')
        parts += [_entry_html(e) for e in g.entries]
    if not any(g.entries for g in block.groups) and block.empty:
        parts.append(f'<p class="fac-fv-unit fac-fv-empty">{esc(block.empty)}</p>')
    return (
        f'<section class="fac-fv-block fac-fv-block-{esc(block.key)}">{title}'
        f'<div class="fac-fv-list">{"".join(parts)}</div></section>'
    )


def _entry_html(e: Entry) -> str:
    mark = f'<span class="fac-fv-mark" aria-hidden="true">{esc(e.mark)}</span>' if e.mark else ""
    lines = "".join(
        '<div class="fac-fv-line">'
        + (f'<span class="fac-fv-label">{esc(x.label)}</span> ' if x.label else "")
        + f"<span>{esc_lines(x.value)}</span></div>"
        for x in e.lines
    )
    tone = f" fac-fv-tone-{esc(e.tone)}" if e.tone else ""
    when = f'<span class="fac-fv-when">{esc(e.when)}</span> ' if e.when else ""
    return (
        f'<article class="fac-fv-unit fac-fv-entry{tone}" data-id="{esc(e.id)}">{mark}'
        f'<div class="fac-fv-words"><div class="fac-fv-text">{when}{esc_lines(e.text)}</div>{lines}</div></article>'
    )


def _scale_html(s: ScaleBoard | None) -> str:
    if s is None:
        return '<p class="fac-fv-empty">—</p>'
    rows = []
    for r in s.rows:
        if r.value is None:
            dot = '<span class="fac-fv-dot fac-fv-dot-none">–</span>'
        else:
            dot = f'<span class="fac-fv-dot fac-fv-dot-{esc(r.group)}" style="left:{r.value * 10}%">{r.value}</span>'
        rows.append(
            f'<article class="fac-fv-unit fac-fv-entry fac-fv-score fac-fv-score-{esc(r.group)}" data-id="{esc(r.id)}">'
            f'<span class="fac-fv-name">{esc(r.name)}</span><span class="fac-fv-track">{dot}</span></article>'
        )
    ticks = "".join(f'<span style="left:{n * 10}%">{n}</span>' for n in range(11))
    return (
        f'<section class="fac-fv-scale" data-id="{esc(s.id)}">'
        f'<p class="fac-fv-question">{esc_lines(s.question)}</p>'
        f'<div class="fac-fv-anchors"><p class="fac-fv-anchor">{esc(s.low)}</p>'
        f'<p class="fac-fv-anchor fac-fv-anchor-high">{esc(s.high)}</p></div>'
        f'<p class="fac-fv-spread">{esc(s.spread)}</p>'
        f'<div class="fac-fv-ruler" aria-hidden="true"><span class="fac-fv-name"></span>'
        f'<span class="fac-fv-ticks">{ticks}</span></div>'
        f'<div class="fac-fv-list">{"".join(rows)}</div></section>'
    )
