"""The judge's document: the safety plan as signed (a version) with what a youth judge needs beside it.

Identification, the danger statements, safety goals and bottom lines each with the agreements answering it,
what is working well (the balance the practice asks for), the agreements and how each is going, the scores
per person per meeting, the trajectory, Family Finding, the network map and the genogram, the signatures, and
what changed since the version before. The summary for the case record is the same document with the whole
three columns and the feedback of the children and the parents, and no pictures.
"""

from __future__ import annotations

from datetime import date

from ..domain import trajectory as T
from .common import clean_text, long_date, parse_date, short_date
from .document import Block, Entry, Heading, Keep, Line, Para, Picture, Table, Title, run
from .family_finding import family_finding, ff_signs
from .feedback import feedback_blocks
from .plan_content import PlanAgreement, Statement, diff
from .scores import score_blocks
from .view import PlanView


def judge_blocks(v: PlanView, *, summary: bool = False, pictures: bool = True) -> list[Block]:
    """The blocks of the judge's document (``summary``: the case record's version, with every column)."""
    t = v.t
    title = t("export.title.summary") if summary else t("export.title.plan")
    blocks: list[Block] = [Title(title, clean_text(v.info.title))]
    blocks += status(v)
    blocks += identification(v)
    blocks += present(v)
    blocks += changes(v)
    blocks += statements(v)
    blocks += columns(v, ("strength", "exception", "existing_safety"), "export.h.working_well")
    if summary:
        blocks += columns(v, ("harm", "complicating_factor"), "export.h.worries")
        blocks += columns(v, ("next_step",), "export.h.next_steps")
    blocks += agreements(v)
    blocks += reviews(v)
    blocks += score_blocks(v)
    if summary:
        blocks += feedback_blocks(v)  # what the family thinks of the help: the case record's, not the judge's
    blocks += trajectory(v)
    blocks += family_finding(v, summary=summary)
    if pictures:
        blocks += network_map(v)
        blocks += genogram_picture(v)
    if not summary:
        blocks += signatures(v)
    return blocks


def _label(v: PlanView, key: str, value: str, marks: str = "") -> list[list[Line]]:
    text = clean_text(value).strip()
    return [[[run(v.t(key), "b")]], [[run(text, marks)] if text else [run(v.t("export.not_given"), "m")]]]


def status(v: PlanView) -> list[Block]:
    t = v.t
    out: list[Block] = []
    ver = v.version
    if ver is not None:
        runs: Line = [run(t("export.version", n=ver.number), "b")]
        m = v.plan_meeting
        when = ver.signed_on or (m.date if m is not None else "")
        if when:
            runs.append(run(" · " + t("export.signed_on", date=long_date(v.lang, when))))
        if m is not None:
            runs.append(run(f" ({v.meeting_name(m).lower()})"))
        out.append(Para(runs, "meta"))
        sent = (
            t("export.sent_on", date=long_date(v.lang, ver.sent_to_judge_on))
            if ver.sent_to_judge_on
            else t("export.not_sent")
        )
        out.append(Para([run(sent, "" if ver.sent_to_judge_on else "m")], "meta"))
    else:
        out.append(Para([run(t("export.draft"), "b!")], "meta"))
    out.append(Para([run(t("export.meeting") + ": ", "b"), run(v.meeting_line())], "meta"))
    if v.info.fictional:
        out.append(Para([run(t("export.fictional"), "!")], "meta"))
    return out


def identification(v: PlanView) -> list[Block]:
    t, info, people = v.t, v.info, v.case.people
    rows = [
        _label(v, "export.id.court", info.court),
        _label(v, "export.id.file_number", info.file_number),
        _label(v, "export.id.measure", info.measure),
        _label(v, "export.id.start", long_date(v.lang, info.start_date) if info.start_date else ""),
        _label(v, "export.id.hearing", long_date(v.lang, info.hearing_date) if info.hearing_date else ""),
    ]
    for key, pid, org in (
        ("export.id.consultant", info.consultant, info.service),
        ("export.id.crisis_worker", info.crisis_worker, info.crisis_organisation),
    ):
        who = [clean_text(people[pid].name)] if pid and pid in people else []
        rows.append(_label(v, key, ", ".join(who + ([org] if org.strip() else []))))
    kids: list[Line] = []
    for c in v.children:
        line: Line = [run(c.name, "b")]
        age = v.age(c)
        if c.birth_date:
            born = t("export.born", date=long_date(v.lang, c.birth_date))
            line.append(run(f", {born}" + (f" ({age})" if age else "")))
        elif age:
            line.append(run(f" ({age})"))
        kids.append(line)
    rows.append([[[run(t("export.children"), "b")]], kids or [[run(t("export.not_given"), "m")]]])
    if v.meeting is not None and v.meeting.location.strip():
        rows.append(_label(v, "export.location", v.meeting.location))
    return [Heading(t("export.h.identification")), Table([], rows, [0.3, 0.7], kind="facts")]


def present(v: PlanView) -> list[Block]:
    out: list[Block] = [Heading(v.t("export.present"))]
    if not v.present:
        return [*out, Para([run(v.t("export.nobody_present"), "m")])]
    return out + [Entry([run(p.name, "b"), run(" — " + v.role(p))]) for p in v.present]


_CHANGE_KEYS = {
    "danger_statement": "export.change.danger_statement",
    "safety_goal": "export.change.safety_goal",
    "bottom_line": "export.change.bottom_line",
    "agreement": "export.change.agreement",
}


def changes(v: PlanView) -> list[Block]:
    """What changed since the version before (only when this is a version after the first)."""
    ver, prev = v.plan.version, v.plan.previous
    if ver is None or prev is None:
        return []
    t = v.t
    out: list[Block] = [Heading(t("export.h.changes", n=prev.number))]
    if ver.note.strip():
        out.append(Para([run(ver.note.strip(), "i")]))
    found = diff(prev, ver)
    if not found:
        return [*out, Para([run(t("export.change.none"), "m")])]
    for c in found:
        what = t(_CHANGE_KEYS[c.what], n=c.number)
        how = t(f"export.change.{c.how}")
        out.append(Entry([run(f"{what} ({how}): ", "b"), run(clean_text(c.text), "m" if c.how == "removed" else "")]))
    return out


def _answered(v: PlanView, s: Statement) -> Line:
    numbers = v.plan.answering(s)
    if numbers:
        key = "export.answered_by_one" if len(numbers) == 1 else "export.answered_by"
        return [run(v.t(key, numbers=", ".join(map(str, numbers))), "m")]
    return [run(v.t("export.not_answered"), "!")]


def _views(v: PlanView, s: Statement) -> list[Line]:
    item, notes = s.item, []
    if item is None:
        return []
    if item.agree:
        notes.append([run(v.t("export.agree", names=", ".join(v.names(item.agree))), "m")])
    if item.disagree:
        notes.append([run(v.t("export.disagree", names=", ".join(v.names(item.disagree))), "!")])
    return notes


_GOAL_PARTS = (
    ("sg_carers_do", "export.sg.carers_do"),
    ("sg_child_experiences", "export.sg.child_experiences"),
    ("sg_others_see", "export.sg.others_see"),
    ("sg_how_long", "export.sg.how_long"),
)


def statements(v: PlanView) -> list[Block]:
    t, plan = v.t, v.plan
    out: list[Block] = []
    for element, heading in (
        ("danger_statement", "export.h.danger_statements"),
        ("safety_goal", "export.h.safety_goals"),
        ("bottom_line", "export.h.bottom_lines"),
    ):
        group = plan.statements.get(element, [])
        out.append(Heading(t(heading)))
        if not group:
            out.append(Para([run(t("export.none_yet"), "m")]))
            continue
        if element == "bottom_line":
            out.append(Para([run(t("export.bottom_lines_intro"), "i")], "small"))
        for s in group:
            notes: list[Line] = []
            item = s.item
            pair = plan.number_of(item.paired_with) if item is not None and item.paired_with else None
            if pair is not None:
                key = "export.paired_goal" if element == "danger_statement" else "export.paired_danger"
                notes.append([run(t(key, n=pair), "m")])
            if element == "safety_goal" and item is not None:
                for fld, key in _GOAL_PARTS:
                    part = getattr(item, fld).strip()
                    if part:
                        notes.append([run(t(key) + ": ", "b"), run(part)])
            if element == "bottom_line":
                who = v.set_by(s.set_by) or t("export.set_by_unknown")
                notes.append([run(t("export.non_negotiable"), "b!"), run("  ·  " + t("export.set_by", who=who), "m")])
            notes += _views(v, s)
            notes.append(_answered(v, s))
            out.append(Entry([run(s.text, "b" if element == "bottom_line" else "")], f"{s.number}.", notes))
    return out


def columns(v: PlanView, elements: tuple[str, ...], heading: str) -> list[Block]:
    """Items of the three columns, each with who said it."""
    t = v.t
    out: list[Block] = [Heading(t(heading))]
    for element in elements:
        items = v.items(element)
        out.append(Heading(t(f"element.{element}"), level=2))
        if not items:
            out.append(Para([run(t("export.none_yet"), "m")]))
            continue
        for item in items:
            notes: list[Line] = []
            if item.author and item.author in v.case.people:
                notes.append([run(t("export.said_by", name=v.name(item.author)), "m")])
            out.append(Entry([run(item.text)], None, notes))
    return out


def _person_cell(v: PlanView, pid: str | None, name: str) -> list[Line]:
    if not name.strip():
        return [[run(v.t("export.nobody"), "m")]]
    lines: list[Line] = [[run(name, "b")]]
    p = v.case.people.get(pid) if pid else None
    if p is not None:
        role = v.role(p)
        if role:
            lines.append([run(role, "m")])
        phone = v.phone(p.id)
        if phone:
            lines.append([run(f"{v.t('export.phone')} {phone}")])
    return lines


def _what(v: PlanView, a: PlanAgreement) -> list[Line]:
    what: list[Line] = [[run(a.what)]]
    if a.check_how.strip():
        what.append([run(v.t("export.check_how", text=a.check_how.strip()), "i")])
    refs = []
    for x in a.links:
        item = v.case.items.get(x)
        n = v.plan.number_of(x)
        if item is not None and n is not None:
            refs.append(f"{v.t('element_one.' + item.element)} {n}")
    if refs:
        what.append([run(v.t("export.links", what="; ".join(refs)), "m")])
    return what


def agreements(v: PlanView) -> list[Block]:
    t = v.t
    out: list[Block] = [Heading(t("export.agreements"))]
    if not v.plan.agreements:
        return [*out, Para([run(t("export.no_agreements"), "m")])]
    rows = [
        [
            [[run(str(a.number))]],
            _what(v, a),
            _person_cell(v, a.owner, a.owner_name),
            _person_cell(v, a.backup, a.backup_name),
            [[run(a.when)]],
            [[run(a.if_not)]],
        ]
        for a in v.plan.agreements
    ]
    header = [t(f"export.col.{k}") for k in ("nr", "what", "who", "backup", "when", "if_not")]
    return [*out, Table(header, rows, [0.055, 0.245, 0.19, 0.19, 0.13, 0.19])]


def reviews(v: PlanView) -> list[Block]:
    """Each agreement with how it was said to be going at each review (status, date, note, who said it)."""
    t = v.t
    out: list[Block] = [Heading(t("export.h.reviews"))]
    history = {a.agreement_id: v.reviews_of(a.agreement_id) for a in v.plan.agreements}
    if not any(history.values()):
        # At the interim evaluation or the second meeting itself, the review is this meeting's to do.
        now = T.reviews_agreements(v.meeting)
        return [*out, Para([run(t("export.review.this_meeting" if now else "export.review.none_yet"), "m")])]
    for a in v.plan.agreements:
        notes: list[Line] = []
        for m, r in history[a.agreement_id]:
            line: Line = [run(f"{v.meeting_name(m)}, {short_date(m.date)}: "), run(t(f"review.{r.status}"), "b")]
            if r.note.strip():
                line.append(run(" — " + r.note.strip()))
            if r.said_by and r.said_by in v.case.people:
                line.append(run(" (" + v.name(r.said_by) + ")", "m"))
            notes.append(line)
        if not notes:
            notes.append([run(t("export.review.not_discussed"), "m")])
        out.append(Entry([run(clean_text(a.what), "b")], f"{a.number}.", notes))  # whole: the judge reads it
    return out


def _when(a: date, b: date) -> str:
    """A day (15/09/2026) or the days a step may fall on (19-20/11/2026, 31/10-01/11/2026)."""
    if a == b:
        return short_date(a)
    if (a.month, a.year) == (b.month, b.year):
        return f"{a.day:02d}-{short_date(b)}"
    if a.year == b.year:
        return f"{a.day:02d}/{a.month:02d}-{short_date(b)}"
    return f"{short_date(a)}-{short_date(b)}"


def trajectory(v: PlanView) -> list[Block]:
    """Seed 004's steps as the meeting screen's timeline tells them (``domain.trajectory``), seen on the
    meeting's date: what was done (with its real date), what is not done though its days have come, and what
    is still to come after this meeting (never the meeting itself, nor a date on or before it)."""
    t, case = v.t, v.case
    out: list[Block] = [Heading(t("export.h.trajectory"))]
    if T.start_of(case) is None:
        return [*out, Para([run(t("export.review.no_start"), "m")])]
    on = (parse_date(v.on) if v.on else None) or date.today()
    rows: list[list[list[Line]]] = []
    spans: list[int] = []

    def group(key: str) -> None:
        spans.append(len(rows))
        rows.append([[[run(t(key), "b")]], [], [], []])

    def row(day: str, when: str, step: T.StepView, status: str, marks: str = "") -> None:
        what = [[run(t(step.step.what_key), "b" if not marks else "")], [run(t(step.step.who_key), "m")]]
        rows.append([[[run(day)]], [[run(when, marks)]], what, [[run(status, marks)]]])

    seen = [s for s in T.steps(case, on) if s.step.kind != "phase"]
    done = sorted((s for s in seen if s.done_on is not None), key=lambda s: (s.done_on, s.step.first_day))
    if done:
        group("export.traj.done")
        for s in done:
            assert s.done_on is not None
            row(str(T.day_number(case, s.done_on)), short_date(s.done_on), s, t("export.traj.done_on"))
    late = [s for s in seen if s.status in ("overdue", "due") and (v.meeting is None or s.meeting != v.meeting)]
    if late:
        group("export.traj.not_done")
        for s in late:
            row(_days(s), _when(s.start, s.end), s, t(f"export.traj.{s.status}"), "!" if s.status == "overdue" else "")
    coming = T.coming_after(case, v.meeting or on, ("step", "meeting"))
    group("export.traj.coming")
    for s in coming:
        status = "export.review.scheduled" if s.status == "scheduled" else "export.review.planned"
        row(_days(s), _when(s.start, s.end), s, t(status), "m")
    if not coming:
        rows.append([[[run(t("export.traj.nothing_coming"), "m")]], [], [], []])
        spans.append(len(rows) - 1)
    header = [t("export.traj.day"), t("export.traj.date"), t("export.traj.step"), t("export.traj.status")]
    return [*out, Table(header, rows, [0.08, 0.17, 0.55, 0.2], spans=spans)]


def _days(s: T.StepView) -> str:
    """Its day (its meeting's, a moved date's), or the seed's days when it may fall on either (41/42, 1-3)."""
    return str(s.first_day) if s.exact or s.first_day == s.last_day else s.step.days


def network_map(v: PlanView) -> list[Block]:
    from . import charts  # matplotlib loads only for documents with pictures

    t = v.t
    net = charts.network_png(v.case, v.lang, v.seats)
    if not net:
        return [Heading(t("export.network_map")), Para([run(t("export.network_empty"), "m")])]
    caption = " ".join(x for x in (t("export.network_caption"), ff_signs(v)) if x)
    return [Heading(t("export.network_map")), Picture(net, caption)]


def genogram_picture(v: PlanView) -> list[Block]:
    """The genogram after the map, drawn from the screen's layout; nothing when no family links are given."""
    from .genogram_chart import genogram_png

    on = parse_date(v.on) if v.on else None
    png = genogram_png(v.case, v.lang, on)
    if not png:
        return []
    caption = " ".join(x for x in (v.t("genogram.legend") + ".", ff_signs(v, genogram=True)) if x)
    return [Heading(v.t("genogram.title")), Picture(png, caption)]


def signatures(v: PlanView) -> list[Block]:
    t = v.t
    rows = [[[[run(p.name, "b")], [run(v.role(p), "m")]], [], []] for p in v.signers]
    c = v.consultant
    if c is not None:
        role = ", ".join(x for x in (t("export.consultant"), clean_text(v.info.service)) if x.strip())
        rows.append([[[run(c.name, "b")], [run(role, "m")]], [], []])
    rows.append([[], [], []])  # a free line for someone who joins at the table
    intro = Para([run(t("export.signatures_intro"))], "small")
    header = [t("export.sig.name"), t("export.sig.signature"), t("export.sig.date")]
    table = Table(header, rows, [0.42, 0.36, 0.22], kind="signature")
    return [Heading(t("export.signatures")), Keep([intro, table])]
