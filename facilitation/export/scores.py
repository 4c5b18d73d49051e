"""Scaling questions in the documents: each person's score per meeting, dated, family and network apart from
the professionals, the consultant's own judgement singled out, the spread in words. Never a mean of people.
"""

from __future__ import annotations

from ..domain import scaling
from ..domain.model import Meeting, Person, Scale
from .common import short_date
from .document import Block, Heading, Line, Para, Table, run
from .view import PlanView

MAX_MEETINGS = 5
"""Columns of meetings in one table (the latest ones)."""


def spread_words(v: PlanView, values: list[int]) -> str:
    """``van 3 tot 7``, ``allemaal 5``, ``6``; "" for nobody."""
    if not values:
        return ""
    lo, hi = min(values), max(values)
    if len(values) == 1:
        return str(lo)
    if lo == hi:
        return v.t("export.spread.all", value=lo)
    return v.t("export.spread", low=lo, high=hi)


def _groups(v: PlanView, people: list[Person]) -> list[tuple[str, list[Person]]]:
    consultant = v.info.consultant
    informal = [p for p in people if p.informal]
    professional = [p for p in people if not p.informal and p.id != consultant]
    own = [p for p in people if p.id == consultant]
    return [
        ("export.scores.informal", informal),
        ("export.scores.professional", professional),
        ("export.scores.consultant", own),
    ]


def _order(v: PlanView, people: list[Person]) -> list[Person]:
    """Children first, then in name order (never by score: the table is not a ranking)."""
    return sorted(people, key=lambda p: (not p.is_child, p.name.casefold()))


def scale_table(v: PlanView, scale: Scale) -> list[Block]:
    case = v.case
    meetings = {m.id for m in v.family_meetings}
    points = [p for p in scaling.history(case, scale.id) if p.meeting.id in meetings and p.values]
    if not points:
        return []
    points = points[-MAX_MEETINGS:]
    cols: list[Meeting] = [p.meeting for p in points]
    scored = {pid for p in points for pid in p.values}
    people = [case.people[pid] for pid in sorted(scored)]  # by id where names are the same (a set has no order)
    header = [v.t("export.col.person"), *[f"{v.meeting_name(m)}\n{short_date(m.date)}" for m in cols]]
    rows: list[list[list[Line]]] = []
    spans: list[int] = []
    groups = [(k, _order(v, g)) for k, g in _groups(v, people) if g]
    for key, group in groups:
        spans.append(len(rows))
        rows.append([[[run(v.t(key), "b")]], *[[] for _ in cols]])
        for p in group:
            name: list[Line] = [[run(p.name, "b" if key == "export.scores.consultant" else "")], [run(v.role(p))]]
            cells = [[[run(str(pt.values[p.id]) if p.id in pt.values else "–")]] for pt in points]
            rows.append([name, *cells])
    first = 0.34
    widths = [first, *[(1 - first) / len(cols)] * len(cols)]
    out: list[Block] = [
        Heading(scaling.scale_title(case, scale, v.t, limit=120), level=2),
        Table(header, rows, widths, spans=spans),
    ]
    for pt in points:
        parts: Line = [run(f"{v.meeting_name(pt.meeting)}, {short_date(pt.meeting.date)}: ", "b")]
        said = []
        for key, group in groups:
            values = [pt.values[p.id] for p in group if p.id in pt.values]
            if values:
                said.append(f"{v.t(key + '.short')} {spread_words(v, values)}")
        parts.append(run("; ".join(said)))
        out.append(Para(parts, "small"))
    return out


def score_blocks(v: PlanView) -> list[Block]:
    """Every scale of the case with scores at the family's meetings up to this one."""
    t = v.t
    when = v.meeting.date if v.meeting is not None else None
    children, n = scaling.children_phrase(v.case, t, names=False, when=when)
    intro = t(
        "export.scores.intro.many" if n != 1 else "export.scores.intro.one", children=children or t("export.child")
    )
    out: list[Block] = [Heading(t("export.scores")), Para([run(intro, "i")], "small")]
    tables: list[Block] = []
    for scale in scaling.case_scales(v.case):
        tables += scale_table(v, scale)
    if not tables:
        return [*out, Para([run(t("export.scaling_empty"), "m")])]
    return out + tables
