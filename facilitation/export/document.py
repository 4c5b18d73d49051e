"""The safety plan and the children's version as a list of simple blocks; docx and pdf render the same blocks.

Blocks carry plain (unescaped) user text; each renderer makes it safe for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.model import Item
from . import charts
from .common import PlanView, clean_text, join_names, long_date

Run = tuple[str, str]
"""A piece of text and its marks: ``b`` bold, ``i`` italic, ``!`` alert (red), ``m`` muted."""
Line = list[Run]


@dataclass
class Title:
    text: str
    subtitle: str = ""


@dataclass
class Heading:
    text: str
    tone: str = ""
    """Children's version: the colour of the section (who, what, happened, do, call)."""


@dataclass
class Para:
    runs: Line
    style: str = "body"
    """body, meta (header facts), small (notes, captions), lead (children's intro)."""


@dataclass
class Entry:
    """A numbered (``number`` set) or bulleted line with optional notes under it."""

    runs: Line
    number: str | None = None
    notes: list[Line] = field(default_factory=list)


@dataclass
class Table:
    header: list[str]
    rows: list[list[list[Line]]]
    """Rows of cells; a cell is a list of lines."""
    widths: list[float]
    """Fractions of the text width."""
    kind: str = "data"
    """data (agreements, review) or signature (tall empty rows to sign on)."""


@dataclass
class Picture:
    png: bytes
    caption: str


@dataclass
class Keep:
    """Blocks kept on one page (a short list that should not be split)."""

    blocks: list[Block]


@dataclass
class DrawBox:
    label: str


Block = Title | Heading | Para | Entry | Table | Picture | DrawBox | Keep


def _t(text: str, marks: str = "") -> Run:
    return (clean_text(text), marks)


def _views(v: PlanView, item: Item) -> list[Line]:
    notes: list[Line] = []
    if item.agree:
        notes.append([_t(v.t("export.agree", names=", ".join(v.names(item.agree))), "m")])
    if item.disagree:
        notes.append([_t(v.t("export.disagree", names=", ".join(v.names(item.disagree))), "!")])
    return notes


def _person_cell(v: PlanView, pid: str | None) -> list[Line]:
    if not pid or pid not in v.case.people:
        return [[_t(v.t("export.nobody"), "m")]]
    p = v.case.people[pid]
    lines: list[Line] = [[_t(v.name(pid), "b")]]
    role = v.role(p)
    if role:
        lines.append([_t(role, "m")])
    phone = v.phone(pid)
    if phone:
        lines.append([_t(f"{v.t('export.phone')} {phone}")])
    return lines


# ---- the safety plan --------------------------------------------------------------------------------


def plan_blocks(v: PlanView) -> list[Block]:
    t = v.t
    info = v.info
    blocks: list[Block] = [Title(t("export.title.plan"), clean_text(info.title))]
    blocks.append(Para([_t(t("export.meeting") + ": ", "b"), _t(v.meeting_line())], "meta"))
    if v.meeting is not None and v.meeting.location.strip():
        blocks.append(Para([_t(t("export.location") + ": ", "b"), _t(v.meeting.location.strip())], "meta"))
    if info.start_date:
        blocks.append(Para([_t(t("export.start_date") + ": ", "b"), _t(long_date(v.lang, info.start_date))], "meta"))
    if v.children:
        kids = ", ".join(
            clean_text(c.name) + (f" ({t('export.age', age=c.age)})" if c.age is not None else "") for c in v.children
        )
        blocks.append(Para([_t(t("export.children") + ": ", "b"), _t(kids)], "meta"))
    if info.fictional:
        blocks.append(Para([_t(t("export.fictional"), "!")], "meta"))

    blocks.append(Heading(t("export.present")))
    if v.present:
        for p in v.present:
            blocks.append(Entry([_t(clean_text(p.name), "b"), _t(" — " + v.role(p))]))
    else:
        blocks.append(Para([_t(t("export.nobody_present"), "m")]))

    dangers = v.items("danger_statement")
    blocks.append(Heading(t("element.danger_statement")))
    if not dangers:
        blocks.append(Para([_t(t("export.none_yet"), "m")]))
    for n, item in enumerate(dangers, 1):
        notes = _views(v, item)
        if item.paired_with and item.paired_with in v.numbers:
            notes.insert(0, [_t(t("export.paired_goal", n=v.numbers[item.paired_with]), "m")])
        blocks.append(Entry([_t(item.text)], f"{n}.", notes))

    goals = v.items("safety_goal")
    blocks.append(Heading(t("element.safety_goal")))
    if not goals:
        blocks.append(Para([_t(t("export.none_yet"), "m")]))
    for n, item in enumerate(goals, 1):
        notes = _views(v, item)
        if item.paired_with and item.paired_with in v.numbers:
            notes.insert(0, [_t(t("export.paired_danger", n=v.numbers[item.paired_with]), "m")])
        blocks.append(Entry([_t(item.text)], f"{n}.", notes))

    bottom = v.items("bottom_line")
    blocks.append(Heading(t("element.bottom_line")))
    if not bottom:
        blocks.append(Para([_t(t("export.none_yet"), "m")]))
    else:
        blocks.append(Para([_t(t("export.bottom_lines_intro"), "i")], "small"))
    for n, item in enumerate(bottom, 1):
        who = item.set_by.strip() or v.name(item.author) or t("export.set_by_unknown")
        notes = [[_t(t("export.non_negotiable"), "b!"), _t("  ·  " + t("export.set_by", who=clean_text(who)), "m")]]
        blocks.append(Entry([_t(item.text, "b")], f"{n}.", notes))

    blocks.append(Heading(t("export.agreements")))
    if not v.agreements:
        blocks.append(Para([_t(t("export.no_agreements"), "m")]))
    else:
        rows = []
        for n, a in enumerate(v.agreements, 1):
            what: list[Line] = [[_t(a.what)]]
            if a.check_how.strip():
                what.append([_t(t("export.check_how", text=a.check_how.strip()), "i")])
            refs = [r for r in (v.item_ref(x) for x in a.links) if r]
            if refs:
                what.append([_t(t("export.links", what="; ".join(refs)), "m")])
            rows.append(
                [
                    [[_t(str(n))]],
                    what,
                    _person_cell(v, a.owner),
                    _person_cell(v, a.backup),
                    [[_t(a.when)]],
                    [[_t(a.if_not)]],
                ]
            )
        blocks.append(
            Table(
                [
                    t("export.col.nr"),
                    t("export.col.what"),
                    t("export.col.who"),
                    t("export.col.backup"),
                    t("export.col.when"),
                    t("export.col.if_not"),
                ],
                rows,
                [0.055, 0.245, 0.19, 0.19, 0.13, 0.19],
            )
        )

    blocks.append(Heading(t("export.review")))
    if v.review_dates:
        blocks.append(
            Keep(
                [
                    Entry(
                        [_t(r.label, "b"), _t(": " + long_date(v.lang, r.when)), _t(f"  ({v.review_status(r)})", "m")]
                    )
                    for r in v.review_dates
                ]
            )
        )
    else:
        blocks.append(Para([_t(v.no_review_text(), "m")]))

    blocks.append(Heading(t("export.network_map")))
    net = charts.network_png(v.case, v.lang)
    if net:
        blocks.append(Picture(net, t("export.network_caption")))
    else:
        blocks.append(Para([_t(t("export.network_empty"), "m")]))

    blocks.append(Heading(t("export.scaling")))
    sc = charts.scaling_png(v)
    if sc:
        blocks.append(Picture(sc, t("export.scaling_caption")))
    else:
        blocks.append(Para([_t(t("export.scaling_empty"), "m")]))

    blocks.append(Heading(t("export.signatures")))
    sig_rows = [[[[_t(clean_text(p.name), "b")], [_t(v.role(p), "m")]], [], []] for p in v.signers]
    sig_rows.append([[], [], []])  # a free line for someone who joins at the table
    blocks.append(
        Keep(
            [
                Para([_t(t("export.signatures_intro"))], "small"),
                Table(
                    [t("export.sig.name"), t("export.sig.signature"), t("export.sig.date")],
                    sig_rows,
                    [0.42, 0.36, 0.22],
                    kind="signature",
                ),
            ]
        )
    )
    return blocks


# ---- the children's version (Words and Pictures) ----------------------------------------------------


def child_title(v: PlanView) -> str:
    names = join_names(v.lang, v.child_first_names) or clean_text(v.info.title)
    return v.t("export.title.child", names=names)


def child_blocks(v: PlanView) -> list[Block]:
    t = v.t
    names = join_names(v.lang, v.child_first_names)
    blocks: list[Block] = [Title(child_title(v), t("export.subtitle.child"))]
    if names:
        blocks.append(Para([_t(t("export.kid.intro", names=names))], "lead"))

    dangers = v.items("danger_statement")

    blocks.append(Heading(t("export.kid.who"), "who"))
    whos = list(dict.fromkeys(clean_text(d.ds_who.strip()) for d in dangers if d.ds_who.strip()))
    if whos:
        blocks.append(Para([_t(t("export.kid.who_intro"))]))
        blocks += [Entry([_t(w)]) for w in whos]
    else:
        blocks.append(Para([_t(t("export.kid.who_default"))]))
    if names:
        key = "export.kid.want_safe_many" if len(v.child_first_names) > 1 else "export.kid.want_safe_one"
        blocks.append(Para([_t(t(key, names=names), "b")]))

    blocks.append(Heading(t("export.kid.what"), "what"))
    whats = list(dict.fromkeys(clean_text((d.ds_impact or d.text).strip()) for d in dangers))
    whats = [w for w in whats if w]
    if whats:
        blocks += [Entry([_t(w)]) for w in whats]
    else:
        blocks.append(Para([_t(t("export.kid.what_default"))]))

    blocks.append(Heading(t("export.kid.happened"), "happened"))
    harm = v.items("harm")
    if harm:
        blocks += [Entry([_t(h.text)]) for h in harm]
    else:
        blocks.append(Para([_t(t("export.kid.happened_default"))]))

    blocks.append(Heading(t("export.kid.do"), "do"))
    if v.agreements:
        blocks.append(Para([_t(t("export.kid.do_intro"))]))
        for a in v.agreements:
            notes: list[Line] = []
            if a.owner and a.owner in v.case.people:
                notes.append([_t(t("export.kid.who_does", name=v.name(a.owner)))])
            if a.when.strip():
                notes.append([_t(t("export.kid.when", when=a.when.strip()))])
            blocks.append(Entry([_t(a.what, "b")], None, notes))
    else:
        blocks.append(Para([_t(t("export.kid.do_default"))]))

    blocks.append(Heading(t("export.kid.call"), "call"))
    if v.contacts:
        blocks.append(Para([_t(t("export.kid.call_intro"))]))
        for p in v.contacts:
            phone = v.phone(p.id)
            runs: Line = [_t(clean_text(p.name), "b")]
            if p.relation.strip():
                runs.append(_t(f" ({clean_text(p.relation.strip())})"))
            notes = [[_t("☎ " + phone, "b")]] if phone else []
            blocks.append(Entry(runs, None, notes))
    else:
        blocks.append(Para([_t(t("export.kid.call_default"))]))
    blocks.append(Para([_t(t("export.kid.emergency"), "m")], "small"))

    blocks.append(DrawBox(t("export.kid.draw")))
    return blocks
