"""Feedback as texts and HTML (pure): scores in the Flemish way (2,5), marks as bars over time."""

from __future__ import annotations

from collections.abc import Callable

from ..base import esc, esc_lines
from ..words_pictures.present import short_date
from .state import FeedbackRow, PersonFeedback

Translate = Callable[..., str]
HALVES = tuple(x / 2 for x in range(2, 9))
"""1, 1.5, ... 4: the subscales' steps."""


def score_text(value: float | None, lang: str) -> str:
    """2.5 -> '2,5' in Dutch; 3.0 -> '3'; None -> '–'."""
    if value is None:
        return "–"
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


def mark_bar(mark: int) -> str:
    pct = max(0, min(mark, 10)) * 10
    return (
        f'<span class="fac-fb-bar" role="img" aria-label="{mark}/10"><span class="fac-fb-bar-fill" '
        f'style="width:{pct}%"></span></span><b class="fac-fb-mark">{mark}</b>'
    )


def sub_bar(value: float | None, lang: str) -> str:
    if value is None:
        return '<span class="fac-fb-none">–</span>'
    pct = round(value / 4 * 100)
    return (
        f'<span class="fac-fb-bar fac-fb-bar-sub"><span class="fac-fb-bar-fill" style="width:{pct}%"></span></span>'
        f'<span class="fac-fb-sub">{esc(score_text(value, lang))}</span>'
    )


def row_html(t: Translate, r: FeedbackRow, lang: str) -> str:
    comment = f'<div class="fac-fb-comment" dir="auto">{esc_lines(r.comment)}</div>' if r.comment.strip() else ""
    return (
        f'<div class="fac-fb-row-grid"><span class="fac-fb-when"><b>{esc(t(f"feedback_moment.{r.moment}"))}</b>'
        f"<br>{esc(short_date(r.given_on))}</span>"
        f'<span class="fac-fb-cell">{mark_bar(r.mark)}</span>'
        f'<span class="fac-fb-cell">{sub_bar(r.result, lang)}</span>'
        f'<span class="fac-fb-cell">{sub_bar(r.process, lang)}</span></div>{comment}'
    )


def header_html(t: Translate) -> str:
    cells = "".join(
        f"<span>{esc(t(k))}</span>"
        for k in ("feedback.col.when", "feedback.col.mark", "feedback.col.result", "feedback.col.process")
    )
    return f'<div class="fac-fb-row-grid fac-fb-head">{cells}</div>'


def person_title(t: Translate, p: PersonFeedback) -> str:
    role = t(f"feedback.role.{p.role}")
    trend = ""
    marks = [r.mark for r in p.rows]
    if len(marks) >= 2:
        diff = marks[-1] - marks[0]
        trend = t("feedback.trend", first=marks[0], last=marks[-1], diff=f"{diff:+d}")
    extra = f' <span class="fac-fb-trend">{esc(trend)}</span>' if trend else ""
    return f'<h3 class="fac-fb-person">{esc(p.name)} <span class="fac-fb-role">{esc(role)}</span>{extra}</h3>'
