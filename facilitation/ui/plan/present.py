"""The safety plan part's HTML from its state (pure): agreement cards, the checks, the signed versions.

Every user text is escaped (``esc``/``esc_lines``); right-to-left text gets its own direction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ...domain.model import Person
from ...domain.model_trajectory import SignedAgreement
from ...domain.plan import Finding, PlanChecks
from ...domain.text import shorten
from ...export.common import long_date
from ...i18n import has
from ..base import esc, esc_lines
from .state import RowState, VersionState

Translate = Callable[..., str]

LINK_LABEL_CHARS = 140
"""A long danger statement is shortened in the link checkboxes; the columns show it whole."""
CHECK_TEXT_CHARS = 240
"""Bottom lines and danger statements in the checks panel are shortened only when very long."""

# Keys shown in their own section of the checks panel (the rest are listed under "points of attention").
SECTION_KEYS = {
    "planui.check.no_bottom_lines",
    "planui.check.bottom_line_open",
    "planui.check.bottom_lines_answered",
    "planui.check.danger_open",
    "planui.check.adults_short",
    "planui.check.adults_enough",
    "planui.check.adults_short_knowing",
    "planui.check.adults_enough_knowing",
    "planui.check.adults_count",
    "planui.check.no_agreements",
}
ICON = {"warn": "⚠", "ok": "✓", "info": "ℹ"}


def short(text: str, limit: int = LINK_LABEL_CHARS) -> str:
    """An item's words on one line for a link label or a check (``domain.text.shorten``: never cuts a
    character in two)."""
    return shorten(text, limit)


def tn(t: Translate, key: str, n: int, **params: Any) -> str:
    """``key`` for one, ``key_many`` (when it exists) for any other count."""
    if n != 1 and has(key + "_many"):
        key += "_many"
    return t(key, n=n, **params)


def finding_text(t: Translate, f: Finding) -> str:
    n = f.params.get("n")
    if isinstance(n, int):
        return tn(t, f.key, n, **{k: v for k, v in f.params.items() if k != "n"})
    return t(f.key, **f.params)


def person_label(t: Translate, p: Person) -> str:
    extra = p.relation or (t("planui.child") if p.is_child else "")
    return f"{p.name} ({extra})" if extra else p.name


# ---- an agreement's card ----------------------------------------------------------------------------


def person_html(t: Translate, p: Person | None) -> str:
    if p is None:
        return f"<span class='fac-plan-missing'>{esc(t('planui.nobody'))}</span>"
    out = f"<bdi>{esc(p.name)}</bdi>"
    if p.relation:
        out += f" <span class='fac-plan-note'>(<bdi>{esc(p.relation)}</bdi>)</span>"
    if p.phone:
        out += f" · {esc(t('planui.tel'))} <bdi>{esc(p.phone)}</bdi>"
    return out


def _history_html(t: Translate, s: RowState) -> str:
    lines = []
    for h in s.history:
        what = h.meeting.title.strip() or t(f"meeting_kind.{h.meeting.kind}")
        line = (
            f"<span class='fac-plan-review fac-plan-review-{esc(h.review.status)}'>"
            f"{esc(t('review.' + h.review.status))}</span> "
            f"<span class='fac-plan-note'>{esc(what)}, {esc(long_date(s.lang, h.meeting.date))}</span>"
        )
        if h.review.note.strip():
            line += f" · {esc_lines(h.review.note)}"
        if h.said_by:
            line += f" <span class='fac-plan-note'>— <bdi>{esc(h.said_by)}</bdi></span>"
        lines.append(f"<li dir='auto'>{line}</li>")
    return f"<ul class='fac-plan-history'>{''.join(lines)}</ul>"


def card_html(t: Translate, s: RowState) -> str:
    """One agreement: what, who, backup, when, if not, follow-up, what it answers, its review history."""
    a = s.agreement

    def fact(key: str, value_html: str, cls: str = "") -> str:
        return f"<tr class='{cls}'><th scope='row'>{esc(t(key))}</th><td dir='auto'>{value_html}</td></tr>"

    def text_or_missing(value: str) -> str:
        if value.strip():
            return esc_lines(value)
        return f"<span class='fac-plan-missing'>{esc(t('planui.not_said'))}</span>"

    facts = [
        fact("planui.card.owner", person_html(t, s.owner)),
        fact("planui.card.backup", person_html(t, s.backup)),
        fact("planui.card.when", text_or_missing(a.when)),
        fact("planui.card.if_not", text_or_missing(a.if_not), "fac-plan-redflag"),
    ]
    if a.check_how.strip():
        facts.append(fact("planui.card.check_how", esc_lines(a.check_how)))
    chips = [
        f"<span class='fac-plan-chip fac-plan-chip-{esc(item.element)}' dir='auto'>"
        f"<b>{esc(t('element_one.' + item.element))}:</b> {esc(short(item.text))}</span>"
        for item in s.links
    ]
    if chips:
        facts.append(fact("planui.card.links", "".join(chips)))
    if s.agreed_earlier:
        facts.append(fact("planui.card.agreed_earlier", esc(", ".join(s.agreed_earlier))))
    if s.history:
        facts.append(fact("planui.history", _history_html(t, s), "fac-plan-history-row"))
    return (
        f"<div class='fac-plan-card'><div class='fac-plan-what-text' dir='auto'>"
        f"<span class='fac-plan-nr'>{s.number}</span>{esc_lines(a.what)}</div>"
        f"<table class='fac-plan-facts'>{''.join(facts)}</table></div>"
    )


# ---- the checks -----------------------------------------------------------------------------------------


def _li(level: str, text_html: str, cls: str = "") -> str:
    return (
        f"<li class='fac-plan-check fac-plan-check-{level} {cls}' dir='auto'>"
        f"<span class='fac-plan-icon' aria-hidden='true'>{ICON[level]}</span>{text_html}</li>"
    )


def _coverage_html(t: Translate, numbers: tuple[int, ...]) -> str:
    if not numbers:
        return esc(t("planui.check.none_yet"))
    return esc(tn(t, "planui.check.by_agreements", len(numbers), numbers=", ".join(map(str, numbers))))


def _carriers_html(t: Translate, res: PlanChecks) -> list[str]:
    parts = [f"<h4>{esc(t('planui.checks.carriers'))}</h4><ul class='fac-plan-carriers'>"]
    adults = [f for f in res.findings if f.key.startswith("planui.check.adults_")]
    for f in adults:
        parts.append(_li(f.level, esc(finding_text(t, f)), "fac-plan-adults"))
    if not adults:
        parts.append(_li("info", esc(t("planui.check.adults_none_yet")), "fac-plan-adults"))
    if res.carriers:
        names = ", ".join(p.name for p in res.carriers)
        parts.append(
            f"<li class='fac-plan-carrier-names' dir='auto'>{esc(t('planui.check.carrier_names', names=names))}</li>"
        )
    if res.not_counted:
        why = "".join(
            f"<li dir='auto'><bdi>{esc(c.person.name)}</bdi>"
            + (f" ({esc(c.person.relation)})" if c.person.relation else "")
            + f": {esc(t('planui.check.reason.' + c.reason))}</li>"
            for c in res.not_counted
        )
        parts.append(f"<li class='fac-plan-not-counted'>{esc(t('planui.check.not_counted'))}<ul>{why}</ul></li>")
    parts.append(f"</ul><div class='fac-plan-note'>{esc(t('planui.check.professionals_note'))}</div>")
    return parts


def checks_html(t: Translate, res: PlanChecks) -> str:
    """The checks panel: bottom lines and danger statements answered, who carries the plan, the rest."""
    parts = [f"<h3>{esc(t('planui.checks.title'))}</h3>"]
    n_warn = len(res.warnings)
    if n_warn:
        summary = esc(tn(t, "planui.checks.n_warn", n_warn))
        parts.append(f"<div class='fac-plan-summary fac-plan-summary-warn'>{summary}</div>")
    else:
        parts.append(f"<div class='fac-plan-summary fac-plan-summary-ok'>{esc(t('planui.checks.all_ok'))}</div>")
    parts.append(f"<div class='fac-plan-note'>{esc(t('planui.checks.never_blocking'))}</div>")
    parts.append(f"<h4>{esc(t('element.bottom_line'))}</h4><ul class='fac-plan-bottom-lines'>")
    if not res.bottom_lines:
        parts.append(_li("info", esc(t("planui.check.no_bottom_lines"))))
    for cov in res.bottom_lines:
        text = f"<bdi>{esc(short(cov.item.text, CHECK_TEXT_CHARS))}</bdi> <i>({_coverage_html(t, cov.numbers)})</i>"
        parts.append(_li("ok" if cov.numbers else "warn", text, "fac-plan-bottom-line"))
    parts.append("</ul>")
    if res.danger_statements:
        parts.append(f"<h4>{esc(t('planui.checks.dangers'))}</h4><ul class='fac-plan-dangers'>")
        for cov in res.danger_statements:
            text = f"<bdi>{esc(short(cov.item.text))}</bdi> <i>({_coverage_html(t, cov.numbers)})</i>"
            parts.append(_li("ok" if cov.numbers else "warn", text, "fac-plan-danger"))
        parts.append("</ul>")
    parts += _carriers_html(t, res)
    rest = [f for f in res.findings if f.key not in SECTION_KEYS]
    parts.append(f"<h4>{esc(t('planui.checks.attention'))}</h4><ul class='fac-plan-attention'>")
    if not res.numbers:
        parts.append(_li("info", esc(t("planui.check.no_agreements"))))
    for f in rest:
        parts.append(_li(f.level, esc(finding_text(t, f)), "fac-plan-finding"))
    parts.append("</ul>")
    return "".join(parts)


# ---- signed versions ------------------------------------------------------------------------------------


def _numbers(agreements: Iterable[SignedAgreement]) -> str:
    return ", ".join(str(a.number) for a in agreements)


def _who(a: SignedAgreement, role: str, t: Translate) -> str:
    name = a.owner_name if role == "owner" else a.backup_name
    return name or t("planui.nobody")


def diff_items(t: Translate, v: VersionState) -> list[str]:
    """What changed since the previous version, one line each (plain text)."""
    d = v.diff
    if d.previous is None:
        return []
    out = []
    if d.added:
        out.append(tn(t, "planui.version.added", len(d.added), numbers=_numbers(d.added)))
    for c in d.changed:
        fields = ", ".join(t(f"planui.version.field.{f}") for f in c.fields)
        out.append(t("planui.version.changed", n=c.after.number, fields=fields))
        for role in ("owner", "backup"):
            if role in c.fields:
                before, after = _who(c.before, role, t), _who(c.after, role, t)
                out.append(f"{c.after.number}: " + t(f"planui.version.{role}", before=before, after=after))
    for a in d.removed:
        out.append(t("planui.version.removed", what=short(a.what, 90)))
    for key, items in (("items_added", d.items_added), ("items_removed", d.items_removed)):
        for i in items:
            out.append(t(f"planui.version.{key}", what=short(i.text, 90)))
    for ic in d.items_changed:
        out.append(t("planui.version.items_changed", what=short(ic.after.text, 90)))
    return out


def version_html(t: Translate, v: VersionState, current_meeting: str | None) -> str:
    """One signed version: number, when and where signed, sent to the judge or not, what changed."""
    ver = v.version
    where = (v.meeting.title.strip() or t(f"meeting_kind.{v.meeting.kind}")) if v.meeting is not None else ""
    head = f"<b>{esc(t('planui.version.head', n=ver.number))}</b> · " + esc(
        t("planui.version.signed_at", date=long_date(v.lang, ver.signed_on), meeting=where)
    )
    head += " · " + esc(tn(t, "planui.version.agreements", len(ver.agreements)))
    if ver.sent_to_judge_on:
        sent = f"<div class='fac-plan-version-sent'>✓ {esc(t('planui.version.sent_on', date=long_date(v.lang, ver.sent_to_judge_on)))}</div>"
    else:
        sent = f"<div class='fac-plan-version-not-sent'>{esc(t('planui.version.not_sent'))}</div>"
    if v.diff.previous is None:
        changes = f"<div class='fac-plan-note'>{esc(t('planui.version.first'))}</div>"
    else:
        lines = diff_items(t, v) or [t("planui.version.no_change")]
        items = "".join(f"<li dir='auto'>{esc(line)}</li>" for line in lines)
        since = esc(t("planui.version.since", n=v.diff.previous.number))
        changes = f"<div class='fac-plan-version-diff'><b>{since}</b><ul>{items}</ul></div>"
    mine = " fac-plan-version-current" if current_meeting is not None and ver.meeting == current_meeting else ""
    return f"<div class='fac-plan-version{mine}'><div class='fac-plan-version-head'>{head}</div>{sent}{changes}</div>"
