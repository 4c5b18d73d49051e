"""The meeting part's texts and HTML from its state (pure; every user text escaped)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ...domain.trajectory import KNOWN_PHASES, StepView
from ...export.common import long_date
from ..base import esc
from .state import MeetingState

Translate = Callable[..., str]


def phase_label(t: Translate, phase: str) -> str:
    """A phase of the course: its text, or the title the consultant wrote (shown as text, never markup)."""
    return t(f"meeting.phase.{phase}") if phase in KNOWN_PHASES else phase


def phase_title_html(t: Translate, s: MeetingState) -> str:
    if s.meeting is None:
        return esc(t("shell.no_meeting"))
    i = s.current
    return (
        f'<span class="fac-phase-n">{esc(t("meeting.phase_n", n=i + 1, total=len(s.agenda)))}</span>'
        f"{esc(phase_label(t, s.agenda[i]))}"
    )


def date_span(lang: str, a: date, b: date) -> str:
    """ "15 september 2026", or "3–4 september 2026" / "15–28 september 2026" for a span of days."""
    if a == b:
        return long_date(lang, a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{long_date(lang, b)}"
    return f"{long_date(lang, a)} – {long_date(lang, b)}"


def short_date(d: date) -> str:
    """15/09/2026: the Flemish short form."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def status_text(t: Translate, lang: str, v: StepView) -> str:
    if v.status == "done" and v.done_on is not None:
        held = v.meeting is not None and v.step.kind == "meeting"
        if v.start <= v.done_on <= v.end:  # on its own day: the date column says it
            return t("meeting.status.held_plain" if held else "meeting.status.done_plain")
        return t("meeting.status.held" if held else "meeting.status.done", date=short_date(v.done_on))
    if v.status == "scheduled":
        return t("meeting.status.scheduled", date=long_date(lang, v.start))
    return t(f"meeting.status.{v.status}")


def days_text(v: StepView) -> str:
    """The table's days, or the days it really falls on when a meeting or a moved date put it elsewhere."""
    if v.exact:
        return str(v.first_day) if v.first_day == v.last_day else f"{v.first_day}-{v.last_day}"
    return v.step.days


def _row(t: Translate, s: MeetingState, v: StepView) -> str:
    classes = [f"fac-ms-{v.status}", f"fac-step-{v.key}", f"fac-step-kind-{v.step.kind}"]
    if s.meeting is not None and v.meeting is not None and v.meeting.id == s.meeting.id:
        classes.append("fac-ms-current")
    if s.start is not None and v.status in ("due", "running"):
        classes.append("fac-ms-now")
    moved = f' <span class="fac-ms-moved">({esc(t("meeting.moved"))})</span>' if v.moved else ""
    what = (
        f'<div class="fac-ms-what" title="{esc(t(f"milestone.detail.{v.key}"))}">{esc(t(v.step.what_key))}</div>'
        f'<div class="fac-ms-who">{esc(t("meeting.col_who"))}: {esc(t(v.step.who_key))}</div>'
    )
    return (
        f'<tr class="{" ".join(classes)}"><td class="fac-ms-day">{esc(days_text(v))}</td>'
        f'<td class="fac-ms-date">{esc(date_span(s.lang, v.start, v.end))}{moved}</td>'
        f'<td>{what}</td><td class="fac-ms-status">{esc(status_text(t, s.lang, v))}</td></tr>'
    )


def timeline_head_html(t: Translate, s: MeetingState) -> str:
    if s.start is None:
        return f'<p class="fac-ms-empty">{esc(t("meeting.no_start_date"))}</p>'
    n = (s.today - s.start).days + 1
    if n >= 1:
        lines = [t("meeting.today_day", date=long_date(s.lang, s.today), n=n)]
    else:
        lines = [t("meeting.before_start", date=long_date(s.lang, s.today), start=long_date(s.lang, s.start))]
    nxt = next(
        (
            v
            for v in s.steps
            if v.step.kind != "phase" and not v.step.optional and v.status in ("due", "scheduled", "coming")
        ),
        None,
    )
    if nxt is not None:
        lines.append(
            t("meeting.next_due", what=t(nxt.step.what_key), date=long_date(s.lang, nxt.start), day=nxt.first_day)
        )
    out = "".join(f'<div class="fac-next">{esc(line)}</div>' for line in lines)
    late = [v for v in s.steps if v.status == "overdue"]
    if late:
        key = "meeting.overdue_n" if len(late) == 1 else "meeting.overdue_n_many"
        what = ", ".join(t(v.step.what_key) for v in late)
        out += f'<div class="fac-overdue" role="status">{esc(t(key, n=len(late), what=what))}</div>'
    return out


def timeline_html(t: Translate, s: MeetingState) -> str:
    """The trajectory as a table: day, date, what and who, where it stands."""
    head = timeline_head_html(t, s)
    if s.start is None:
        return head
    header = "".join(
        f"<th>{esc(t(k))}</th>"
        for k in ("meeting.col_day", "meeting.col_date", "meeting.col_what", "meeting.col_status")
    )
    rows = "".join(_row(t, s, v) for v in s.steps)
    return f"{head}<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"


def step_options(t: Translate, s: MeetingState) -> list[tuple[str, str]]:
    """The step picker: "dag 3/4 · Voorleiding bij de jeugdrechter" for each step of the table."""
    return [(f"{t('meeting.day', n=v.step.days)} · {t(v.step.what_key)}", v.key) for v in s.steps]
