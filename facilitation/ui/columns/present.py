"""The three columns, pure: what the add line offers, the shortcuts, who is speaking, the heads of the groups.

No widgets: functions from the case and the reader's words (``t``) to texts, options and classes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from ...domain.case import Case
from ...domain.columns import MAX_DANGER_STATEMENTS
from ...domain.model import BOTTOM_LINE_SETTERS, COLUMNS, ELEMENT_KINDS, ELEMENTS
from ...domain.people import setter_key
from ...domain.scaling import short_labels
from ...domain.text import day_month_year
from ..base import esc

Translate = Callable[..., str]

SHORTCUTS: list[tuple[str, str]] = [
    ("Alt+1 … Alt+9", "columns.keys.element"),
    ("Alt+N", "columns.keys.add_field"),
    ("Alt+S", "columns.keys.speakers"),
    ("Aa:", "columns.keys.prefix"),
    ("Enter", "columns.keys.enter"),
    ("Esc", "columns.keys.escape"),
    ("?", "columns.keys.help"),
]
"""This part's shortcuts as (keys, translation key of what they do): shown by ``?`` in the part, and listed by
the shell's own overview of every shortcut. Keys read the same in every language ("Aa:": the first letters
of a name and a colon)."""

ELEMENT_NUMBERS: dict[str, int] = {element: n for n, element in enumerate(ELEMENT_KINDS, 1)}
"""The number key of each element, in the columns' order: 1 harm ... 9 next step."""

SPEAKERS_BOX = "fac-columns-speakers"
"""CSS class of the row of name buttons (type-ahead chooses among them)."""


def element_options(t: Translate) -> list[tuple[str, str]]:
    """The nine elements, numbered as their keys and labelled with their column: "1 · Zorgen · Schade"."""
    return [
        (
            t(
                "columns.element_option_n",
                n=ELEMENT_NUMBERS[el],
                column=t(f"columns.short.{col}"),
                element=t(f"element_one.{el}"),
            ),
            el,
        )
        for col in COLUMNS
        for el in ELEMENTS[col]
    ]


def element_of_number(n: int) -> str | None:
    """The element of number key ``n`` (1-9), if any."""
    return ELEMENT_KINDS[n - 1] if 1 <= n <= len(ELEMENT_KINDS) else None


def speaker_options(case: Case, present: Sequence[str], t: Translate) -> list[tuple[str, str]]:
    """The name buttons of the people present, in the order of the scaling rows (children, family and network,
    then the professionals; each in the order of the attendance list): first names, told apart when equal;
    then "nobody"."""
    here = [pid for pid in present if pid in case.people]
    pos = {pid: i for i, pid in enumerate(here)}
    order = sorted(here, key=lambda pid: (not case.people[pid].is_child, not case.people[pid].informal, pos[pid]))
    labels = short_labels(case, order, "names", t)
    return [*((labels[pid], pid) for pid in order), (t("columns.nobody_short"), "")]


def speaker_tooltips(case: Case, options: Iterable[tuple[str, str]], t: Translate) -> list[str]:
    out = []
    for _label, pid in options:
        p = case.people.get(pid)
        if p is None:
            out.append(t("columns.nobody"))
        else:
            out.append(t("columns.speaker_tip", name=f"{p.name} ({p.relation})" if p.relation.strip() else p.name))
    return out


_PREFIX = re.compile(r"^\s*([^\W\d_][\w'’-]{0,24})\s*:\s*(.*)$", re.DOTALL)


def fold(text: str) -> str:
    """Lower case without accents, to compare the first letters of names as people type them."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def speaker_prefix(case: Case, present: Sequence[str], text: str) -> tuple[str | None, str]:
    """ "ri: oma haalt Jonas op" -> (Rita's id, "oma haalt Jonas op") when exactly one person present has a
    name word or relation starting with those letters; else (None, text) and the text is left as typed."""
    m = _PREFIX.match(text)
    if not m or len(m.group(1)) < 2:
        return None, text
    want = fold(m.group(1))
    hits = []
    for pid in present:
        p = case.people.get(pid)
        if p is None:
            continue
        words = [fold(w) for w in (*p.name.split(), *p.relation.split()[:1], *p.called_by_children.split())]
        if any(w.startswith(want) for w in words):
            hits.append(pid)
    if len(hits) != 1:
        return None, text
    return hits[0], m.group(2)


def set_by_text(set_by: str, t: Translate) -> str:
    """Who set a bottom line, in the reader's words: a stored key ("judge") is translated, a name is kept."""
    key = set_by.strip()
    return t(f"columns.set_by.{key}") if key in BOTTOM_LINE_SETTERS else key


def set_by_key(typed: str) -> str:
    """What to store for a chosen or typed setter: "judge" or "consultant" when the words say so in either
    language (the same words a version 1 case file is upgraded with), else the words as typed."""
    return setter_key(" ".join(typed.split()))


def head_html(element: str, n: int, t: Translate) -> str:
    """The head of an element's group: its name, how many, its hint, a warning for too many danger statements."""
    count = f' <span class="fac-el-count">({n})</span>' if n else ""
    html = f"<h3>{esc(t(f'element.{element}'))}{count}</h3>"
    if element == "bottom_line":
        html += f'<div class="fac-el-note">{esc(t("columns.bottom_lines_note"))}</div>'
    if element == "exception":
        html += f'<div class="fac-el-note">{esc(t("element_hint.exception"))}</div>'
    if element == "danger_statement" and n > MAX_DANGER_STATEMENTS:
        warn = esc(t("columns.too_many", n=n, max=MAX_DANGER_STATEMENTS))
        html += f'<div class="fac-el-warn" role="note">{warn}</div>'
    if not n:
        html += f'<div class="fac-el-empty">{esc(t("columns.empty"))}</div>'
    return html


def meeting_options(case: Case, current: str | None, t: Translate) -> list[tuple[str, str]]:
    """The filter's meetings, latest first, dated the Flemish way; the current one marked."""
    out = [(t("columns.filter_all_meetings"), "")]
    for m in reversed(case.meetings_by_date()):
        label = t("shell.meeting_label", kind=t(f"meeting_kind.{m.kind}"), date=day_month_year(m.date))
        if m.id == current:
            label = t("columns.filter_this_meeting", meeting=label)
        out.append((label, m.id))
    return out


def person_label(case: Case, person_id: str) -> str:
    p = case.people.get(person_id)
    if p is None:
        return person_id
    return f"{p.name} ({p.relation})" if p.relation.strip() else p.name
