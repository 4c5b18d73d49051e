"""Blocks -> a Word document (python-docx): A4, clear headings, a readable table, page numbers in the footer."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .common import clean_text
from .document import Block, DrawBox, Entry, Heading, Keep, Line, Para, Picture, Table, Title

INK = RGBColor(0x1D, 0x24, 0x30)
MUTED = RGBColor(0x5A, 0x65, 0x75)
ACCENT = RGBColor(0x1F, 0x5F, 0xA8)
ALERT = RGBColor(0xB0, 0x3A, 0x2E)
HEADER_FILL = "1F5FA8"
ZEBRA_FILL = "F4F6F9"
TONES = {"who": "FDE8C8", "what": "FAD4CF", "happened": "E6DDF5", "do": "D4EEDF", "call": "D6E6F7"}


class Sizes:
    def __init__(self, child: bool) -> None:
        self.body = Pt(16 if child else 10.5)
        self.small = Pt(13 if child else 8.5)
        self.meta = Pt(14 if child else 10.5)
        self.lead = Pt(18 if child else 11)
        self.table = Pt(9)
        self.title = Pt(30 if child else 24)
        self.subtitle = Pt(18 if child else 14)
        self.heading = Pt(22 if child else 14)


def render(blocks: list[Block], *, child: bool = False, footer: str = "", page_word: str = "Page",
           of_word: str = "of", title: str = "") -> bytes:
    doc = Document()
    sz = Sizes(child)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin, sec.bottom_margin = Cm(1.8), Cm(1.8)
    text_width = Cm(17.0)
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = sz.body
    normal.font.color.rgb = INK
    normal.paragraph_format.space_after = Pt(4)
    core = doc.core_properties
    core.title = clean_text(title)[:250]
    core.author = ""
    core.last_modified_by = ""
    core.comments = "facilitation"
    _footer(sec, clean_text(footer), page_word, of_word)

    _blocks(doc, blocks, sz, child, text_width)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _blocks(doc: Any, blocks: list[Block], sz: Sizes, child: bool, text_width: Any) -> None:
    for b in blocks:
        if isinstance(b, Keep):
            start = len(doc.paragraphs)
            _blocks(doc, b.blocks, sz, child, text_width)
            for p in doc.paragraphs[start:-1]:
                p.paragraph_format.keep_with_next = True
        elif isinstance(b, Title):
            p = doc.add_paragraph()
            _runs(p, [(b.text, "b")], size=sz.title, colour=ACCENT)
            p.paragraph_format.space_after = Pt(2)
            if b.subtitle:
                p = doc.add_paragraph()
                _runs(p, [(b.subtitle, "")], size=sz.subtitle, colour=INK)
                p.paragraph_format.space_after = Pt(10)
                _rule_below(p)
        elif isinstance(b, Heading):
            p = doc.add_heading(level=1)
            _runs(p, [(b.text, "b")], size=sz.heading, colour=INK if b.tone else ACCENT)
            p.paragraph_format.space_before = Pt(18 if child else 14)
            p.paragraph_format.space_after = Pt(6)
            p.paragraph_format.keep_with_next = True
            if b.tone:
                _shade_paragraph(p, TONES.get(b.tone, "EEEEEE"))
        elif isinstance(b, Para):
            p = doc.add_paragraph()
            size = {"small": sz.small, "meta": sz.meta, "lead": sz.lead}.get(b.style, sz.body)
            _runs(p, b.runs, size=size)
            if b.style == "meta":
                p.paragraph_format.space_after = Pt(1)
        elif isinstance(b, Entry):
            _entry(doc, b, sz, child)
        elif isinstance(b, Table):
            _table(doc, b, sz, text_width)
        elif isinstance(b, Picture):
            doc.add_picture(io.BytesIO(b.png), width=Cm(16.0))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            p = doc.add_paragraph()
            _runs(p, [(b.caption, "i")], size=sz.small, colour=MUTED)
        elif isinstance(b, DrawBox):
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(18)
            _runs(p, [(b.label, "b")], size=sz.body)
            p.paragraph_format.keep_with_next = True
            tbl = doc.add_table(rows=1, cols=1)
            tbl.style = doc.styles["Table Grid"]
            tbl.rows[0].height = Cm(7)


def _runs(p: Any, runs: Line, *, size: Any = None, colour: RGBColor | None = None) -> None:
    for text, marks in runs:
        r = p.add_run(clean_text(text))  # python-docx turns \n into a line break
        r.bold = "b" in marks or None
        r.italic = "i" in marks or None
        if size is not None:
            r.font.size = size
        if "!" in marks:
            r.font.color.rgb = ALERT
        elif "m" in marks:
            r.font.color.rgb = MUTED
        elif colour is not None:
            r.font.color.rgb = colour


def _entry(doc: Any, e: Entry, sz: Sizes, child: bool) -> None:
    # Numbers written by hand: Word's "List Number" would continue counting across sections.
    indent = Cm(0.9 if child else 0.75)
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.left_indent = indent
    pf.first_line_indent = -indent
    pf.space_after = Pt(2 if e.notes else (6 if child else 3))
    pf.tab_stops.add_tab_stop(indent)
    _runs(p, [((e.number or "•") + "\t", "b" if e.number else "")], size=sz.body, colour=ACCENT)
    _runs(p, e.runs, size=sz.body)
    for i, note in enumerate(e.notes):
        q = doc.add_paragraph()
        q.paragraph_format.left_indent = indent
        q.paragraph_format.space_after = Pt(6 if i == len(e.notes) - 1 else 0)
        _runs(q, note, size=sz.body if child else sz.small)


def _table(doc: Any, b: Table, sz: Sizes, text_width: Any) -> None:
    sig = b.kind == "signature"
    tbl = doc.add_table(rows=1 + len(b.rows), cols=len(b.header))
    tbl.style = doc.styles["Table Grid"]
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    widths = [int(text_width * w) for w in b.widths]
    for ci, text in enumerate(b.header):
        cell = tbl.rows[0].cells[ci]
        p = cell.paragraphs[0]
        _runs(p, [(text, "b")], size=sz.table if not sig else Pt(10), colour=RGBColor(0xFF, 0xFF, 0xFF))
        _shade_cell(cell, HEADER_FILL)
    _repeat_header(tbl.rows[0])
    for ri, row in enumerate(b.rows, 1):
        tr = tbl.rows[ri]
        if sig:
            tr.height = Cm(1.5)
        _cant_split(tr)
        for ci, lines in enumerate(row):
            cell = tr.cells[ci]
            if ri % 2 == 0 and not sig:
                _shade_cell(cell, ZEBRA_FILL)
            first = True
            for line in lines:
                p = cell.paragraphs[0] if first else cell.add_paragraph()
                first = False
                p.paragraph_format.space_after = Pt(1)
                _runs(p, line, size=sz.table if not sig else Pt(10))
    for row in tbl.rows:
        for ci, w in enumerate(widths):
            row.cells[ci].width = w
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def _shade_cell(cell: Any, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _shade_paragraph(p: Any, fill: str) -> None:
    ppr = p._p.get_or_add_pPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    ppr.append(shd)


def _rule_below(p: Any) -> None:
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, val in (("w:val", "single"), ("w:sz", "8"), ("w:space", "4"), ("w:color", HEADER_FILL)):
        bottom.set(qn(k), val)
    bdr.append(bottom)
    ppr.append(bdr)


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _cant_split(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _field(p: Any, code: str, size: Any) -> None:
    run = p.add_run()
    run.font.size = size
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
    size = Pt(8)
    _runs(p, [(f"{text}   ·   {page_word} ", "m")], size=size)
    _field(p, "PAGE", size)
    _runs(p, [(f" {of_word} ", "m")], size=size)
    _field(p, "NUMPAGES", size)
