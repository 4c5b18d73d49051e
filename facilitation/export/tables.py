"""The case as tables (pandas): the three columns and the scaling scores, for analysis and for Excel."""

from __future__ import annotations

import pandas as pd

from ..domain.case import Case
from ..domain.model import COLUMNS, ELEMENTS
from ..i18n import translate
from .common import clean_text

_ELEMENT_ORDER = {e: i for i, e in enumerate(e for col in COLUMNS for e in ELEMENTS[col])}

COLUMN_FIELDS = ("column", "element", "text", "author", "meeting_date", "agree", "disagree", "scenario")
SCORE_FIELDS = (
    "meeting_date",
    "meeting_kind",
    "scale",
    "subject",
    "person",
    "relation",
    "network",
    "value",
    "why_not_lower",
    "one_point_higher",
)


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


def scale_label(case: Case, lang: str, scale_id: str) -> str:
    s = case.scales.get(scale_id)
    if s is None:
        return ""
    if s.kind == "free" and s.question.strip():
        return clean_text(s.question.strip())
    return translate(lang, f"scale.{s.kind}")


def subject_label(case: Case, scale_id: str) -> str:
    s = case.scales.get(scale_id)
    if s is None or s.subject is None:
        return ""
    if s.subject in case.people:
        return clean_text(case.people[s.subject].name)
    item = case.items.get(s.subject)
    return clean_text(item.text) if item else ""


def scores_frame(case: Case, lang: str = "nl") -> pd.DataFrame:
    """One row per score: when, which scale, who, their role, informal or professional, the answers."""
    meetings, people = case.meetings, case.people
    rows = []
    for sc in case.scores.values():
        m = meetings.get(sc.meeting)
        p = people.get(sc.person)
        if p is None:
            relation = ""
        elif p.relation.strip():
            relation = clean_text(p.relation.strip())
        elif p.is_child:
            relation = translate(lang, "export.child")
        else:
            relation = translate(lang, f"sector.{p.sector}")
        rows.append(
            (
                m.date if m else "",
                translate(lang, f"meeting_kind.{m.kind}") if m else "",
                scale_label(case, lang, sc.scale),
                subject_label(case, sc.scale),
                clean_text(p.name) if p else "",
                relation,
                translate(lang, "export.informal" if (p is None or p.informal) else "export.professional"),
                sc.value,
                clean_text(sc.why_not_lower),
                clean_text(sc.one_point_higher),
            )
        )
    rows.sort(key=lambda r: (r[0], r[2], r[3], r[4].casefold()))
    df = pd.DataFrame(rows, columns=_header(lang, SCORE_FIELDS))
    value_col = translate(lang, "export.tab.value")
    df[value_col] = df[value_col].astype("int64")
    for col in df.columns:
        if col != value_col:
            df[col] = df[col].astype(object)
    return df


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
