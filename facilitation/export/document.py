"""The safety plan and the children's version as a list of simple blocks; docx and pdf render the same blocks.

Blocks carry plain (unescaped) user text; each renderer makes it safe for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .common import clean_text, join_names
from .view import PlanView

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
    level: int = 1
    """1 a section, 2 a part of a section."""


@dataclass
class Para:
    runs: Line
    style: str = "body"
    """body, meta (header facts), small (notes, captions), lead (children's intro), story (a booklet's text),
    credit (the small print of a children's document: whose pictures these are)."""


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
    """data (agreements, scores), facts (label and value, no header) or signature (tall empty rows to sign on)."""
    spans: list[int] = field(default_factory=list)
    """Rows (0-based, header not counted) that are a group's title across the whole table."""


@dataclass
class Picture:
    png: bytes
    caption: str


@dataclass
class Keep:
    """Blocks kept on one page (a short list that should not be split)."""

    blocks: list[Block]
    shrink: bool = False
    """PDF: set smaller when too long for one page, rather than split (a role card is one sheet)."""


@dataclass
class DrawBox:
    label: str


@dataclass
class Sketch:
    """A picture drawn with the pen (strokes as JSON, see ``domain.model_child``) and/or shipped pictograms."""

    drawing: str
    pictograms: tuple[str, ...] = ()
    label: str = ""
    """Said instead of the picture where a picture cannot be shown (Markdown)."""
    small: bool = False


@dataclass
class PageBreak:
    """What follows starts on a new page (a role card, a page of the children's booklet)."""


Block = Title | Heading | Para | Entry | Table | Picture | DrawBox | Keep | PageBreak | Sketch


def run(text: str, marks: str = "") -> Run:
    """A piece of user or translated text with its marks, made safe for any file."""
    return (clean_text(text), marks)


_t = run


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
