"""A Markdown summary of a meeting for the case record; user text is escaped so it stays literal."""

from __future__ import annotations

import re

from ..domain.model import COLUMNS, ELEMENTS
from .common import PlanView, clean_text, long_date
from .tables import scale_label, subject_label

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_LINE_START = re.compile(r"^(\s*)([-+=])")
_LINE_NUMBER = re.compile(r"^(\s*\d+)([.)])")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape(text: str | None) -> str:
    """Markdown-escape one line or paragraph; newlines stay as hard line breaks."""
    s = clean_text(text)
    s = _SPECIAL.sub(r"\\\1", s)
    s = _ENTITY.sub(r"\\&", s)
    lines = [_LINE_NUMBER.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", line)) for line in s.split("\n")]
    return "  \n".join(lines)


def _list_item(text: str, indent: str = "  ") -> str:
    """A list item whose continuation lines stay inside it."""
    return "- " + escape(text).replace("  \n", "  \n" + indent)


def _cell(text: str | None) -> str:
    """A table cell: one line (line breaks as <br>, our own markup; user < > are escaped above)."""
    return escape(text).replace("  \n", "<br>")


def render(v: PlanView) -> str:
    t = v.t
    case = v.case
    out: list[str] = []
    add = out.append
    add(f"# {escape(t('export.title.summary'))}: {escape(v.info.title)}")
    add("")
    add(f"**{t('export.meeting')}:** {escape(v.meeting_line())}  ")
    if v.meeting is not None and v.meeting.location.strip():
        add(f"**{t('export.location')}:** {escape(v.meeting.location.strip())}  ")
    if v.info.start_date:
        add(f"**{t('export.start_date')}:** {long_date(v.lang, v.info.start_date)}  ")
    if v.children:
        kids = ", ".join(
            escape(c.name) + (f" ({t('export.age', age=c.age)})" if c.age is not None else "") for c in v.children
        )
        add(f"**{t('export.children')}:** {kids}  ")
    if v.info.fictional:
        add(f"**{t('export.fictional')}**  ")
    add("")

    add(f"## {t('export.present')}")
    add("")
    if v.present:
        for p in v.present:
            add(f"- {escape(p.name)} — {escape(v.role(p))}")
    else:
        add(f"_{t('export.nobody_present')}_")
    add("")

    add(f"## {t('export.columns')}")
    for col in COLUMNS:
        add("")
        add(f"### {t('column.' + col)}")
        for element in ELEMENTS[col]:
            items = v.items(element)
            add("")
            add(f"#### {t('element.' + element)}")
            add("")
            if not items:
                add(f"_{t('export.none_yet')}_")
                continue
            for item in items:
                line = _list_item(item.text)
                extra = []
                if item.author:
                    extra.append(t("export.said_by", name=escape(v.name(item.author))))
                if element == "bottom_line":
                    extra.append(t("export.non_negotiable"))
                    who = item.set_by.strip() or v.name(item.author)
                    if who:
                        extra.append(t("export.set_by", who=escape(who)))
                if item.agree:
                    extra.append(t("export.agree", names=escape(", ".join(v.names(item.agree)))))
                if item.disagree:
                    extra.append(t("export.disagree", names=escape(", ".join(v.names(item.disagree)))))
                if extra:
                    line += "  \n  _(" + "; ".join(extra) + ")_"
                add(line)
    add("")

    add(f"## {t('export.scores')}")
    add("")
    scores = []
    if v.meeting is not None:
        scores = [s for s in case.scores.values() if s.meeting == v.meeting.id and s.person in case.people]
    if not scores:
        add(f"_{t('export.no_scores')}_")
    else:
        order = {
            sid: i for i, sid in enumerate(sorted(case.scales, key=lambda s: (case.scales[s].kind != "safety", s)))
        }
        scores.sort(key=lambda s: (order.get(s.scale, 0), v.name(s.person).casefold()))
        add(
            "| "
            + " | ".join(
                t(k)
                for k in (
                    "export.col.scale",
                    "export.col.person",
                    "export.col.score",
                    "export.col.why_not_lower",
                    "export.col.one_higher",
                )
            )
            + " |"
        )
        add("|---|---|---:|---|---|")
        for s in scores:
            scale = scale_label(case, v.lang, s.scale)
            subject = subject_label(case, s.scale)
            if subject:
                scale = f"{scale} ({subject})"
            add(
                f"| {_cell(scale)} | {_cell(v.name(s.person))} | {s.value} | {_cell(s.why_not_lower)} | "
                f"{_cell(s.one_point_higher)} |"
            )
    add("")

    add(f"## {t('export.agreements')}")
    add("")
    if not v.agreements:
        add(f"_{t('export.no_agreements')}_")
    else:
        add(
            "| "
            + " | ".join(
                t(k)
                for k in (
                    "export.col.nr",
                    "export.col.what",
                    "export.col.who",
                    "export.col.backup",
                    "export.col.when",
                    "export.col.if_not",
                )
            )
            + " |"
        )
        add("|---:|---|---|---|---|---|")
        for n, a in enumerate(v.agreements, 1):
            what = _cell(a.what)
            if a.check_how.strip():
                what += "<br>" + _cell(t("export.check_how", text=a.check_how.strip()))
            add(f"| {n} | {what} | {_who(v, a.owner)} | {_who(v, a.backup)} | {_cell(a.when)} | {_cell(a.if_not)} |")
    add("")

    add(f"## {t('export.review')}")
    add("")
    if v.review_dates:
        for r in v.review_dates:
            add(f"- **{escape(r.label)}**: {long_date(v.lang, r.when)} ({v.review_status(r)})")
    else:
        add(f"_{escape(v.no_review_text())}_")
    add("")
    return "\n".join(out)


def _who(v: PlanView, pid: str | None) -> str:
    if not pid or pid not in v.case.people:
        return ""
    s = _cell(v.name(pid))
    phone = v.phone(pid)
    if phone:
        s += f" ({v.t('export.phone')} {_cell(phone)})"
    return s
