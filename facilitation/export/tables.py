"""The case as tables (pandas): the three columns, the scaling scores and the network over time, for analysis and
for Excel (CSV)."""

from __future__ import annotations

import pandas as pd

from ..domain.case import Case
from ..domain.model import COLUMNS, ELEMENTS
from ..i18n import translate
from .common import clean_text

_ELEMENT_ORDER = {e: i for i, e in enumerate(e for col in COLUMNS for e in ELEMENTS[col])}

COLUMN_FIELDS = ("column", "element", "text", "author", "meeting_date", "agree", "disagree", "scenario")


def _header(lang: str, fields: tuple[str, ...]) -> list[str]:
    return [translate(lang, f"export.tab.{f}") for f in fields]


def _names(case: Case, ids: tuple[str, ...]) -> str:
    return ", ".join(clean_text(case.people[p].name) for p in ids if p in case.people)


def columns_frame(case: Case, lang: str = "nl") -> pd.DataFrame:
    """One row per item of the three columns, in column, element and the consultant's order."""
    meetings = case.meetings
    scenarios = case.scenarios
    items = sorted(
        case.items.values(),
        key=lambda i: (
            i.scenario is not None,
            _scenario_pos(case, i.scenario),
            _ELEMENT_ORDER[i.element],
            i.position,
            i.id,
        ),
    )
    rows = []
    for i in items:
        m = meetings.get(i.meeting) if i.meeting else None
        sc = scenarios.get(i.scenario) if i.scenario else None
        rows.append(
            (
                translate(lang, f"column.{i.column}"),
                translate(lang, f"element_one.{i.element}"),
                clean_text(i.text),
                clean_text(case.name_of(i.author)),
                m.date if m else "",
                _names(case, i.agree),
                _names(case, i.disagree),
                clean_text(sc.title) if sc else "",
            )
        )
    return pd.DataFrame(rows, columns=_header(lang, COLUMN_FIELDS), dtype=object)


def _scenario_pos(case: Case, sid: str | None) -> float:
    sc = case.scenarios.get(sid) if sid else None
    return sc.position if sc else 0.0


def scores_frame(case: Case, lang: str = "nl") -> pd.DataFrame:
    """Every score, one row per score: the scaling part's own table (``domain.scaling.scores_frame``) with the
    words of ``lang`` as column names; one table for the screen's export and the documents'."""
    from ..domain.scaling import scores_frame as frame

    return frame(case, lambda key, **kw: translate(lang, key, **kw), headers=True)  # type: ignore[no-any-return]


def network_frame(case: Case, lang: str = "nl") -> pd.DataFrame:
    """The network's facts at each kept map and now, one row each: the network screen's own table
    (``domain.snapshots.map_facts_frame``) with the words of ``lang`` as column names and meeting kinds."""
    from ..domain.snapshots import map_facts_frame

    return map_facts_frame(case, lambda key, **kw: translate(lang, key, **kw))  # type: ignore[no-any-return]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _guard(value: object) -> object:
    """Excel runs a cell that starts with = + - @ as a formula: a leading apostrophe keeps it text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 with BOM and ``;`` separators: what Excel in Flanders opens correctly."""
    guarded = df.copy()
    for col in guarded.columns:
        if guarded[col].dtype == object:
            guarded[col] = guarded[col].map(_guard)
    text = guarded.to_csv(sep=";", index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")
