"""The feedback of the children and the parents (seed 004's EXIT questionnaire) in the summary for the case record:
per meeting up to the document's, each person's mark, the two subscales when given, and their comment word for
word. Not in the judge's plan: it is what the family thinks of the help, not part of the safety plan.
"""

from __future__ import annotations

from ..domain.model_child import Feedback
from .common import clean_text, short_date
from .document import Block, Entry, Heading, Line, Para, run
from .view import PlanView

_MOMENTS = {"interim": 0, "end": 1}


def _score(v: PlanView, value: float) -> str:
    """3.5 -> '3,5' in Dutch, 3.0 -> '3' (as the feedback screen writes it)."""
    text = f"{value:g}"
    return text.replace(".", ",") if v.lang == "nl" else text


def _occasion(v: PlanView, f: Feedback) -> tuple[tuple[str, int, str], str] | None:
    """Where a feedback belongs (a sort key and a heading), or None when it came after the document's meeting."""
    until = v.on or "9999-12-31"
    m = v.case.meetings.get(f.meeting) if f.meeting else None
    if m is not None:
        if m.date > until:
            return None
        return (m.date, _MOMENTS.get(f.moment, 2), m.id), f"{v.meeting_name(m)}, {short_date(m.date)}"
    if f.given_on and f.given_on > until:
        return None
    moment = v.t(f"feedback_moment.{f.moment}")
    heading = f"{moment}, {short_date(f.given_on)}" if f.given_on else moment
    return (f.given_on or "9999-12-31", _MOMENTS.get(f.moment, 2), f.moment), heading


def _order(v: PlanView, f: Feedback) -> tuple[bool, bool, str, str]:
    """The children first, then the parents and carers, then anyone else (as on the feedback screen)."""
    p = v.case.people.get(f.person)
    if p is None:
        return (True, True, "", f.id)
    return (not p.is_child, not p.is_carer, p.name.casefold(), f.id)


def _entry(v: PlanView, f: Feedback, meeting_date: str) -> Entry:
    t = v.t
    p = v.case.people.get(f.person)
    who: Line = [run(v.name(f.person), "b")]
    role = v.role(p) if p is not None else ""
    if role:
        who.append(run(f" — {role}"))
    scores = [t("export.fb.mark", value=f.mark)]
    if f.result is not None:
        scores.append(t("export.fb.result", value=_score(v, f.result)))
    if f.process is not None:
        scores.append(t("export.fb.process", value=_score(v, f.process)))
    notes: list[Line] = [[run(" · ".join(scores))]]
    if f.given_on and meeting_date and f.given_on != meeting_date:
        notes.append([run(t("export.fb.given_on", date=short_date(f.given_on)), "m")])
    # Their own words, whole and unchanged (a child's too): only made safe for the file.
    said = clean_text(f.comment).strip()
    if said:
        lines = said.split("\n")
        lines[0] = "“" + lines[0]
        lines[-1] += "”"
        notes += [[run(line, "i")] for line in lines]
    return Entry(who, None, notes)


def feedback_blocks(v: PlanView) -> list[Block]:
    """Each meeting's feedback up to the document's meeting; nothing at all when there is none."""
    groups: dict[tuple[str, int, str], tuple[str, str, list[Feedback]]] = {}
    for f in v.case.feedback.values():
        found = _occasion(v, f)
        if found is None:
            continue
        key, heading = found
        m = v.case.meetings.get(f.meeting) if f.meeting else None
        groups.setdefault(key, (heading, m.date if m is not None else "", []))[2].append(f)
    if not groups:
        return []
    t = v.t
    out: list[Block] = [Heading(t("export.h.feedback")), Para([run(t("export.fb.intro"), "i")], "small")]
    for key in sorted(groups):
        heading, meeting_date, given = groups[key]
        out.append(Heading(heading, level=2))
        out += [_entry(v, f, meeting_date) for f in sorted(given, key=lambda f: _order(v, f))]
    return out
