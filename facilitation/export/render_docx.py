"""Blocks -> a Word document (python-docx): A4, clear headings, a readable table, page numbers in the footer."""

from __future__ import annotations

import io
from functools import cache
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from . import docx_xml as X
from . import shaping, sketch
from .common import clean_text
from .document import Block, DrawBox, Entry, Heading, Keep, Line, PageBreak, Para, Picture, Sketch, Table, Title

INK = RGBColor(0x1D, 0x24, 0x30)
MUTED = RGBColor(0x5A, 0x65, 0x75)
ACCENT = RGBColor(0x1F, 0x5F, 0xA8)
ALERT = RGBColor(0xB0, 0x3A, 0x2E)
HEADER_FILL = "1F5FA8"
ZEBRA_FILL = "F4F6F9"
SPAN_FILL = "E3EAF3"
TONES = {
    "worries": "FAD4CF",
    "good_things": "D4EEDF",
    "dreams": "E6DDF5",
    "who": "FDE8C8",
    "what": "FAD4CF",
    "happened": "E6DDF5",
    "do": "D4EEDF",
    "call": "D6E6F7",
}


class Sizes:
    def __init__(self, child: bool) -> None:
        self.body = Pt(16 if child else 10.5)
        self.small = Pt(16 if child else 8.5)
        self.meta = Pt(14 if child else 10.5)
        self.lead = Pt(18 if child else 11)
        self.table = Pt(9)
        self.sig = Pt(10)
        self.title = Pt(30 if child else 24)
        self.subtitle = Pt(18 if child else 14)
        self.heading = Pt(22 if child else 14)
        self.subheading = Pt(17 if child else 11.5)


def _styles(doc: Any, child: bool) -> None:
    """Paragraph styles carry size, colour and spacing, so runs only say bold/italic (fast, and tidy in Word)."""
    sz = Sizes(child)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = sz.body
    normal.font.color.rgb = INK
    normal.paragraph_format.space_after = Pt(4)
    indent = Cm(0.9 if child else 0.75)

    def add(
        name: str,
        size: Any,
        *,
        colour: RGBColor | None = None,
        bold: bool = False,
        italic: bool = False,
        before: float = 0,
        after: float = 4,
        left: Any = None,
        first: Any = None,
        keep: bool = False,
        align: Any = None,
    ) -> None:
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = normal
        st.font.size = size
        if colour is not None:
            st.font.color.rgb = colour
        st.font.bold = bold or None
        st.font.italic = italic or None
        pf = st.paragraph_format
        pf.space_before, pf.space_after = Pt(before), Pt(after)
        if left is not None:
            pf.left_indent = left
        if first is not None:
            pf.first_line_indent = first
            pf.tab_stops.add_tab_stop(left)
        if keep:
            pf.keep_with_next = True
        if align is not None:
            pf.alignment = align

    add("FacTitle", sz.title, colour=ACCENT, bold=True, after=2)
    add("FacSubtitle", sz.subtitle, after=10)
    add("FacMeta", sz.meta, after=1)
    add("FacSmall", sz.small, colour=None if child else MUTED, after=4)
    add("FacLead", sz.lead, after=8)
    add("FacStory", Pt(20), before=4, after=10)
    add("FacCredit", Pt(7), colour=MUTED, before=10, after=0)
    add("FacEntry", sz.body, left=indent, first=-indent, after=6 if child else 3)
    add("FacEntryTop", sz.body, left=indent, first=-indent, after=1, keep=True)
    add("FacNote", sz.body if child else sz.small, left=indent, after=0, keep=True)
    add("FacNoteLast", sz.body if child else sz.small, left=indent, after=8 if child else 5)
    add("FacCell", sz.table, after=1)
    add("FacCellHead", sz.table, colour=RGBColor(0xFF, 0xFF, 0xFF), bold=True, after=1)
    add("FacSig", sz.sig, after=1)
    add("FacSigHead", sz.sig, colour=RGBColor(0xFF, 0xFF, 0xFF), bold=True, after=1)
    add("FacCaption", sz.small, colour=MUTED, italic=True, after=8, align=WD_ALIGN_PARAGRAPH.CENTER)
    add("FacPicture", sz.body, after=2, keep=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    add("FacFooter", Pt(8), colour=MUTED, after=0, align=WD_ALIGN_PARAGRAPH.CENTER)
    add("FacDraw", sz.body, bold=True, before=18, keep=True)
    add("FacSubheading", sz.subheading, bold=True, before=10, after=3, keep=True)
    h1 = styles["Heading 1"]
    h1.font.size = sz.heading
    h1.font.bold = True
    h1.font.color.rgb = ACCENT
    h1.paragraph_format.space_before = Pt(18 if child else 14)
    h1.paragraph_format.space_after = Pt(6)
    h1.paragraph_format.keep_with_next = True


@cache
def _template(child: bool) -> bytes:
    """An empty A4 document with our styles, made once: adding 17 styles costs more than loading them."""
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin, sec.bottom_margin = Cm(1.8), Cm(1.8)
    _styles(doc, child)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render(
    blocks: list[Block],
    *,
    child: bool = False,
    footer: str = "",
    page_word: str = "Page",
    of_word: str = "of",
    title: str = "",
) -> bytes:
    doc = Document(io.BytesIO(_template(child)))
    sec = doc.sections[0]
    core = doc.core_properties
    core.title = clean_text(title)[:250]
    core.author = ""
    core.last_modified_by = ""
    core.comments = "facilitation"
    _footer(sec, clean_text(footer), page_word, of_word)
    _blocks(doc, blocks, Cm(17.0))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


TWIPS_PER_CM = 567
PARA_STYLES = {"small": "FacSmall", "meta": "FacMeta", "lead": "FacLead", "story": "FacStory", "credit": "FacCredit"}


def _blocks(doc: Any, blocks: list[Block], text_width: Any) -> None:
    """The blocks as WordprocessingML text, parsed once (pictures through python-docx, where they fall)."""
    body = doc.element.body
    buf: list[str] = []

    def flush() -> None:
        if buf:
            for el in X.parse("".join(buf)):
                body.insert(len(body) - 1, el)  # before the section properties, which stay last
            buf.clear()

    width = int(text_width / 635)  # EMU -> twentieths of a point
    for b in blocks:
        if isinstance(b, Picture):
            flush()
            p = _para(doc, "FacPicture")
            p.add_run().add_picture(io.BytesIO(b.png), width=Cm(16.0))
            _runs(_para(doc, "FacCaption"), [(b.caption, "")])
        elif isinstance(b, Sketch):
            flush()
            if sketch.has_picture(b.drawing, b.pictograms):  # Word holds no SVG: the drawing and pictograms as PNG
                p = _para(doc, "FacPicture")
                png = sketch.png(b.drawing, sketch.shown(b.pictograms))
                p.add_run().add_picture(io.BytesIO(png), width=Cm(6.0 if b.small else 11.0))
        else:
            buf.append(_xml(b, width))
    flush()


def _xml(b: Block, width: int, keep: bool = False) -> str:
    if isinstance(b, Keep):
        parts = [_xml(inner, width, keep=i < len(b.blocks) - 1) for i, inner in enumerate(b.blocks)]
        return "".join(parts)
    if isinstance(b, Title):
        out = X.para("FacTitle", X.run(b.text))
        if b.subtitle:
            out += X.para("FacSubtitle", X.run(b.subtitle), rule_below=True)
        return out
    if isinstance(b, Heading):
        style = "Heading1" if b.level <= 1 else "FacSubheading"
        return X.para(
            style, X.run(b.text, colour=X.INK if b.tone else None), shade=TONES.get(b.tone, "") if b.tone else ""
        )
    if isinstance(b, Para):
        style = PARA_STYLES.get(b.style, "Normal")
        return X.para(style, X.runs(b.runs), keep=keep)
    if isinstance(b, Entry):
        # Numbers written by hand: Word's "List Number" would continue counting across sections.
        mark = X.run((b.number or "•") + "\t", "b" if b.number else "", colour=X.ACCENT)
        out = X.para("FacEntryTop" if b.notes else "FacEntry", mark + X.runs(b.runs), keep=keep)
        for i, note in enumerate(b.notes):
            out += X.para("FacNoteLast" if i == len(b.notes) - 1 else "FacNote", X.runs(note))
        return out
    if isinstance(b, Table):
        sig = b.kind == "signature"
        facts = b.kind == "facts"
        return X.table(
            b.header,
            b.rows,
            [int(width * w) for w in b.widths],
            cell_style="FacSig" if sig else "FacCell",
            head_style="FacSigHead" if sig else "FacCellHead",
            head_fill=HEADER_FILL,
            zebra="" if sig or facts else ZEBRA_FILL,
            first_fill=ZEBRA_FILL if facts else "",
            span_fill=SPAN_FILL,
            spans=frozenset(b.spans),
            row_height=int(1.5 * TWIPS_PER_CM) if sig else 0,
        ) + X.para("FacCell", "")
    if isinstance(b, PageBreak):
        return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    if isinstance(b, DrawBox):
        box = X.table(
            [], [[[]]], [width], cell_style="Normal", head_style="Normal", head_fill="", row_height=7 * TWIPS_PER_CM
        )
        return X.para("FacDraw", X.run(b.label)) + box + X.para("Normal", "")
    return ""


def _para(parent: Any, style_id: str) -> Any:
    """A new paragraph with a style set by id (python-docx's lookup by name is slow on long documents)."""
    p = parent.add_paragraph()
    if style_id != "Normal":
        p._p.style = style_id
    return p


_RTL_FONT = {"arabic": "Noto Sans Arabic", "hebrew": "Noto Sans Hebrew"}


def _pieces(text: str) -> list[tuple[str, str]]:
    """(text, right-to-left script or "") in logical order: Word shapes and orders the text itself, once a
    right-to-left run is marked as such (with a font for its script)."""
    if not shaping.needs_shaping(text):
        return [(text, "")]
    out: list[tuple[str, str]] = []
    for piece in shaping.pieces(text):
        role = piece.role if piece.role in _RTL_FONT else ""
        if out and out[-1][1] == role:
            out[-1] = (out[-1][0] + piece.text, role)
        else:
            out.append((piece.text, role))
    return out


def _rtl(r: Any, role: str) -> None:
    r.font.rtl = True
    rpr = r._r.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:cs"), _RTL_FONT[role])


def _runs(p: Any, runs: Line, *, colour: RGBColor | None = None) -> None:
    for whole, marks in runs:
        for text, role in _pieces(clean_text(whole)):
            _run(p, text, marks, role, colour)


def _run(p: Any, text: str, marks: str, role: str, colour: RGBColor | None) -> None:
    r = p.add_run(text)  # python-docx turns \n into a line break
    if role:
        _rtl(r, role)
    if "b" in marks:
        r.bold = True
        if role:
            r.font.cs_bold = True
    if "i" in marks:
        r.italic = True
    if "!" in marks:
        r.font.color.rgb = ALERT
    elif "m" in marks:
        r.font.color.rgb = MUTED
    elif colour is not None:
        r.font.color.rgb = colour


def _field(p: Any, code: str) -> None:
    run = p.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    num = OxmlElement("w:t")
    num.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for el in (begin, instr, sep, num, end):
        run._r.append(el)


def _footer(sec: Any, text: str, page_word: str, of_word: str) -> None:
    p = sec.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p._p.style = "FacFooter"
    _runs(p, [(f"{text}   ·   {page_word} ", "")])
    _field(p, "PAGE")
    _runs(p, [(f" {of_word} ", "")])
    _field(p, "NUMPAGES")
