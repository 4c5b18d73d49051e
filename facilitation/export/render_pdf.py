"""Blocks -> PDF (reportlab platypus): A4, DejaVu Sans for accents and other scripts, page x of y."""

from __future__ import annotations

import io
import struct
import tempfile
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, assert_never
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepInFrame,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

# In reportlab (Paragraph.__init__ calls it), missing from types-reportlab's stubs:
from reportlab.platypus.paragraph import textTransformFrags  # type: ignore[attr-defined]

from . import fonts as font_files
from . import pdf_text, shaping
from .common import clean_text
from .document import Block, DrawBox, Entry, Heading, Keep, Line, PageBreak, Para, Picture, Sketch, Table, Title
from .pdf_image import PngImage
from .sketch import SketchFlowable

INK = colors.HexColor("#1d2430")
MUTED = colors.HexColor("#5a6575")
ACCENT = colors.HexColor("#1f5fa8")
ALERT = colors.HexColor("#b03a2e")
GRID = colors.HexColor("#c5ccd6")
ZEBRA = colors.HexColor("#f4f6f9")
SPAN_FILL = colors.HexColor("#e3eaf3")
TONES = {
    "worries": colors.HexColor("#fad4cf"),
    "good_things": colors.HexColor("#d4eedf"),
    "dreams": colors.HexColor("#e6ddf5"),
    "who": colors.HexColor("#fde8c8"),
    "what": colors.HexColor("#fad4cf"),
    "happened": colors.HexColor("#e6ddf5"),
    "do": colors.HexColor("#d4eedf"),
    "call": colors.HexColor("#d6e6f7"),
}
MARGIN = 2 * cm

# Images as binary streams, not ASCII85 text: without reportlab's C accelerator the encoding takes ~70 ms
# per picture, and binary is smaller. (A process-wide reportlab setting; harmless for other users.)
rl_config.useA85 = 0


@cache
def fonts() -> tuple[str, str]:
    """(regular, bold) font names: DejaVu Sans (the system's, else the one matplotlib ships)."""
    names = {
        "DejaVuSans": "regular",
        "DejaVuSans-Bold": "bold",
        "DejaVuSans-Oblique": "italic",
        "DejaVuSans-BoldOblique": "bold_italic",
    }
    for name, role in names.items():
        pdfmetrics.registerFont(TTFont(name, str(font_files.require(role)), shapable=False))
    pdfmetrics.registerFontFamily(
        "DejaVuSans",
        normal="DejaVuSans",
        bold="DejaVuSans-Bold",
        italic="DejaVuSans-Oblique",
        boldItalic="DejaVuSans-BoldOblique",
    )
    return "DejaVuSans", "DejaVuSans-Bold"


@cache
def fallback_font(role: str) -> str:
    """A registered font for a fallback role ("arabic", "arabic_bold", "symbols"...); bold or italic markup
    around it never swaps it for another face (its glyph ids were chosen for this one)."""
    name = "Fac-" + role
    pdfmetrics.registerFont(TTFont(name, str(font_files.require(role)), shapable=False))
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return name


_next_private: dict[str, int] = {}


def _glyph_text(font_name: str, glyphs: tuple[tuple[int, int], ...]) -> str:
    """Shaped glyphs as characters the PDF font draws one by one: the glyph's own character when it has one,
    else a private-use character mapped to it (the font subset then carries exactly that glyph)."""
    font = pdfmetrics.getFont(font_name)
    if not isinstance(font, TTFont):  # fallback_font registers TrueType fonts only: nothing else has glyph ids
        raise TypeError(f"{font_name} is not a TrueType font")
    face = font.face
    # Filled by reportlab's TTFontFile.extractInfo like charToGlyph, but missing from types-reportlab's stubs:
    glyph_to_char: dict[int, list[int]] = face.glyphToChar  # type: ignore[attr-defined]
    out = []
    for gid, advance in glyphs:
        chars = glyph_to_char.get(gid)
        if chars:
            out.append(chr(chars[0]))
            continue
        cp = _next_private.get(font_name, 0xF0000)
        while cp in face.charToGlyph:
            cp += 1
        _next_private[font_name] = cp + 1
        face.charToGlyph[cp] = gid
        glyph_to_char[gid] = [cp]
        face.charWidths[cp] = advance
        out.append(chr(cp))
    return "".join(out)


@cache
def _picture_dir() -> Path:
    """A private folder for the emoji pictures of this process (reportlab reads a paragraph's image from a
    file); they are the font's own pictures, nothing of the case."""
    return Path(tempfile.mkdtemp(prefix="fac-emoji-"))


@lru_cache(maxsize=512)
def _emoji_file(cluster: str) -> tuple[str, shaping.EmojiPicture] | None:
    pic = shaping.emoji_picture(cluster)
    if pic is None:
        return None
    path = _picture_dir() / ("-".join(f"{ord(c):x}" for c in cluster) + ".png")
    if not path.exists():
        path.write_bytes(pic.png)
    return str(path), pic


def _emoji_img(cluster: str, size: float) -> str | None:
    found = _emoji_file(cluster)
    if found is None:
        return None
    src, pic = found
    w = size * pic.width / pic.ppem
    h = size * pic.height / pic.ppem
    below = size * (pic.height - pic.bearing_y) / pic.ppem
    return f'<img src="{escape(src)}" width="{w:.2f}" height="{h:.2f}" valign="{-below:.2f}"/>'


def _pieces_markup(text: str, marks: str, size: float) -> str:
    """User text as markup: shaped right-to-left runs, fallback fonts, emoji pictures (fast path: plain)."""
    if not shaping.needs_shaping(text):
        return escape(text)
    bold = "b" in marks
    out = []
    for p in shaping.visual(text):
        if p.role == "emoji":
            img = _emoji_img(p.text, size)
            out.append(img if img is not None else escape(p.text))
        elif p.role == "":
            out.append(escape(p.text))
        elif p.rtl:
            role = p.role + ("_bold" if bold and font_files.font_path(p.role + "_bold") else "")
            name = fallback_font(role)
            out.append(f'<font name="{name}">{escape(_glyph_text(name, shaping.shape(p.text, role, True)))}</font>')
        else:
            out.append(f'<font name="{fallback_font(p.role)}">{escape(p.text)}</font>')
    return "".join(out)


def markup(runs: Line, size: float = 10.0) -> str:
    """Runs as reportlab paragraph markup; user text is escaped, so it can never become markup.

    ``size``: the font size of the paragraph (emoji pictures are drawn at it)."""
    out = []
    for text, marks in runs:
        s = "<br/>".join(_pieces_markup(line, marks, size) for line in clean_text(text).split("\n"))
        if "b" in marks:
            s = f"<b>{s}</b>"
        if "i" in marks:
            s = f"<i>{s}</i>"
        if "!" in marks:
            s = f'<font color="#b03a2e">{s}</font>'
        elif "m" in marks:
            s = f'<font color="#5a6575">{s}</font>'
        out.append(s)
    return "".join(out)


class Styles:
    def __init__(self, child: bool, pagesize: tuple[float, float] = A4, margin: float = MARGIN) -> None:
        regular, bold = fonts()
        k = 1.7 if child else 1.0
        self.pagesize, self.margin = pagesize, margin
        self.width = pagesize[0] - 2 * margin
        base = ParagraphStyle(
            "body", fontName=regular, fontSize=9.8 * k, leading=13.4 * k, textColor=INK, spaceAfter=3 * k
        )
        self.regular, self.bold = regular, bold
        self.body = base
        self.meta = ParagraphStyle("meta", parent=base, spaceAfter=1)
        self.small = base if child else ParagraphStyle("small", parent=base, fontSize=8.2, leading=11, textColor=MUTED)
        self.lead = ParagraphStyle("lead", parent=base, fontSize=11 * k, leading=15 * k, spaceAfter=6)
        self.story = ParagraphStyle("story", parent=base, fontSize=19, leading=27, spaceBefore=4, spaceAfter=8)
        self.credit = ParagraphStyle(
            "credit", parent=base, fontSize=7, leading=9, textColor=MUTED, spaceBefore=10, spaceAfter=0
        )
        self.title = ParagraphStyle(
            "title",
            parent=base,
            fontName=bold,
            fontSize=26 if child else 23,
            leading=32 if child else 28,
            textColor=ACCENT,
            spaceAfter=4,
        )
        self.subtitle = ParagraphStyle(
            "subtitle", parent=base, fontSize=17 if child else 13.5, leading=22 if child else 18, spaceAfter=10
        )
        self.heading = ParagraphStyle(
            "heading",
            parent=base,
            fontName=bold,
            fontSize=20 if child else 13.5,
            leading=25 if child else 17,
            textColor=ACCENT,
            spaceBefore=16 if child else 13,
            spaceAfter=8 if child else 5,
        )
        self.subheading = ParagraphStyle(
            "subheading",
            parent=self.heading,
            fontSize=17 if child else 11,
            leading=21 if child else 14,
            textColor=INK,
            spaceBefore=10 if child else 8,
            spaceAfter=4,
        )
        self.entry = ParagraphStyle(
            "entry",
            parent=base,
            leftIndent=(0.9 if child else 0.7) * cm,
            bulletIndent=0.1 * cm,
            spaceAfter=(5 if child else 3),
        )
        self.note = ParagraphStyle(
            "note", parent=self.small if not child else base, leftIndent=self.entry.leftIndent, spaceAfter=1
        )
        self.entry_notes = ParagraphStyle("entry-notes", parent=self.entry, spaceAfter=5 if not child else 8)
        self.note_last = ParagraphStyle("note-last", parent=self.note, spaceAfter=5 if not child else 8)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.4, leading=10.6, spaceAfter=0)
        self.cell_head = ParagraphStyle("cellhead", parent=self.cell, fontName=bold, textColor=colors.white)
        self.fact = ParagraphStyle("fact", parent=base, fontSize=9.2, leading=12, spaceAfter=0)
        self.sig = ParagraphStyle("sig", parent=base, fontSize=9.5, leading=12, spaceAfter=0)
        self.caption = ParagraphStyle("caption", parent=self.small, alignment=TA_CENTER, spaceBefore=2, spaceAfter=6)


class Paragraph(RLParagraph):
    """A paragraph that keeps its layout for the width it was last laid out at.

    Platypus lays the same paragraph out again and again at the same width (to keep a heading with what
    follows, to measure a table's rows, to try a page, then the next): 936 of the 1,598 layouts of the large
    case's judge's document were repeats. The layout only depends on the width, so a repeat is the last one.
    A split makes new paragraphs (of this class), laid out afresh; a split that fails drops the layout
    (``del self.blPara``), and the next wrap makes it again.
    """

    _laid: tuple[float, tuple[float, float]] | None = None

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        if self._laid is not None and self._laid[0] == avail_w and "blPara" in self.__dict__:
            return self._laid[1]
        size = super().wrap(avail_w, avail_h)
        self._laid = (avail_w, size)
        return size


def paragraph(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A paragraph of ``markup``; its fragments made without the XML parser where the markup allows
    (``pdf_text``: the same fragments, a fraction of the time)."""
    cleaned = pdf_text.clean(text)
    frags = pdf_text.fragments(cleaned, style)
    if frags is None:
        return Paragraph(text, style, bulletText=bullet)
    textTransformFrags(frags, style)
    return Paragraph(cleaned, style, bulletText=bullet, frags=frags)


def _para(runs: Line, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    return paragraph(markup(runs, style.fontSize), style, bullet)


def _lines(lines: list[Line], style: ParagraphStyle) -> Paragraph:
    """Several lines as one paragraph (line breaks between them)."""
    return paragraph("<br/>".join(markup(line, style.fontSize) for line in lines), style)


def _cell(lines: list[Line], style: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell: plain text that fits its column as a string (drawn without paragraph layout, which is
    what costs time in a long table), else one paragraph."""
    if not lines:
        return ""
    if all(len(line) == 1 and not line[0][1] for line in lines):
        texts = [clean_text(line[0][0]) for line in lines]
        if all(
            "\n" not in x
            and not shaping.needs_shaping(x)
            and stringWidth(x, style.fontName, style.fontSize) < width - 9
            for x in texts
        ):
            return "\n".join(texts)
    return _lines(lines, style)


def _png_size(png: bytes) -> tuple[int, int]:
    w, h = struct.unpack(">II", png[16:24])
    return w, h


def flowables(blocks: list[Block], st: Styles, child: bool) -> list[Any]:
    story: list[Any] = []
    pending: list[Any] = []  # headings (and a short introduction under them) kept on the page of what follows

    for i, b in enumerate(blocks):
        if isinstance(b, Heading):
            pending.append(_heading(b, st))
            continue
        if pending and isinstance(b, Para) and b.style in ("small", "lead"):
            pending += _parts(b, st)
            continue
        parts = pending + (_sketch(b, blocks[i + 1 :], st) if isinstance(b, Sketch) else _parts(b, st))
        pending = []
        if isinstance(b, Title):
            story += parts
        else:
            story.append(KeepTogether(parts) if len(parts) > 1 else parts[0])
    story += pending
    return story


def _sketch(b: Sketch, after: list[Block], st: Styles) -> list[Any]:
    """A picture as high as the page allows once the text under it (up to the next page) has its room: a
    booklet's page is one sheet, its picture above its words; never less than a quarter of the page."""
    room = st.pagesize[1] - 3.8 * cm
    share = 0.3 if b.small else 0.55
    below = 0.0
    if not b.small:
        for x in after:
            if isinstance(x, PageBreak | Sketch | Title):
                break
            for f in _parts(x, st):
                below += f.wrap(st.width, room)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    height = max(room * 0.25, min(room * share, room - below - 24))
    return [SketchFlowable(b.drawing, b.pictograms, height)]


def _heading(b: Heading, st: Styles) -> Paragraph:
    style = st.heading if b.level <= 1 else st.subheading
    if b.tone:
        style = ParagraphStyle(
            f"h-{b.tone}",
            parent=st.heading,
            textColor=INK,
            backColor=TONES.get(b.tone),
            borderPadding=(6, 8, 6, 8),  # type: ignore[arg-type]  # reportlab takes top, right, bottom, left (normalizeTRBL); the stubs say float
            borderRadius=8,
            spaceBefore=26,
            spaceAfter=14,
        )
    return _para([(b.text, "")], style)


def _parts(b: Block, st: Styles) -> list[Any]:
    """The flowables of one block, to be kept on one page (a long table still splits, by row)."""
    if isinstance(b, Title):
        out = [_para([(b.text, "")], st.title)]
        if b.subtitle:
            out.append(_para([(b.subtitle, "")], st.subtitle))
        return [*out, _rule(st.width)]
    if isinstance(b, Para):
        style = {"small": st.small, "meta": st.meta, "lead": st.lead, "story": st.story, "credit": st.credit}.get(
            b.style, st.body
        )
        return [_para(b.runs, style)]
    if isinstance(b, Entry):
        bullet = escape(b.number) if b.number else "•"
        if not b.notes:
            return [_para(b.runs, st.entry, bullet)]
        # The entry and its notes as one paragraph (smaller type for the notes): in a long document it is the
        # number of paragraphs that costs time.
        size = st.note.fontSize
        notes = "".join(f'<br/><font size="{size}">{markup(n, size)}</font>' for n in b.notes)
        return [paragraph(markup(b.runs, st.entry.fontSize) + notes, st.entry_notes, bullet)]
    if isinstance(b, Table):
        return [_table(b, st)]
    if isinstance(b, Picture):
        w, h = _png_size(b.png)
        width = min(st.width, 16 * cm)
        height = width * h / w
        max_h = st.pagesize[1] - 2 * st.margin - 4 * cm
        if height > max_h:
            width, height = width * max_h / height, max_h
        return [PngImage(b.png, width, height), _para([(b.caption, "i")], st.caption)]
    if isinstance(b, DrawBox):
        box = RLTable([[""]], colWidths=[st.width], rowHeights=[6.5 * cm])
        box.setStyle(TableStyle([("ROUNDEDCORNERS", [10, 10, 10, 10]), ("BOX", (0, 0), (-1, -1), 1.2, GRID)]))
        return [Spacer(1, 0.6 * cm), _para([(b.label, "b")], st.body), box]
    if isinstance(b, Keep):
        inner = [f for x in b.blocks for f in _parts(x, st)]
        if b.shrink:
            return [KeepInFrame(st.width, st.pagesize[1] - 3.8 * cm - 12, inner, mode="shrink")]
        return inner
    if isinstance(b, PageBreak):
        return [RLPageBreak()]
    if isinstance(b, Sketch):
        return _sketch(b, [], st)
    if isinstance(b, Heading):
        return [_heading(b, st)]
    assert_never(b)  # a new kind of block must be set here too, not left out of the document


def _rule(width: float) -> RLTable:
    line = RLTable([[""]], colWidths=[width], rowHeights=[4])
    line.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 1.5, ACCENT)]))
    return line


def _table(b: Table, st: Styles) -> RLTable:
    sig = b.kind == "signature"
    facts = b.kind == "facts"
    cell_style = st.sig if sig else (st.fact if facts else st.cell)
    head_style = ParagraphStyle("sighead", parent=st.cell_head, fontSize=9.5, leading=12) if sig else st.cell_head
    head = 1 if b.header else 0
    widths = [st.width * w for w in b.widths]
    data: list[list[Any]] = [[_para([(h, "")], head_style) for h in b.header]] if head else []
    for row in b.rows:
        cells: list[Any] = [_cell(cell, cell_style, w) for cell, w in zip(row, widths, strict=True)]
        if sig:
            cells[1] = [Spacer(1, 1.1 * cm)]  # room to sign; a long name makes the row taller still
        data.append(cells)
    tbl = RLTable(data, colWidths=widths, repeatRows=head, splitByRow=True)
    style: list[Any] = [
        ("FONT", (0, 0), (-1, -1), cell_style.fontName, cell_style.fontSize, cell_style.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 0.8, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if head:
        style.append(("BACKGROUND", (0, 0), (-1, 0), ACCENT))
    if sig:
        style += [("INNERGRID", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 1), (-1, -1), "MIDDLE")]
    elif facts:
        style += [("BACKGROUND", (0, 0), (0, -1), ZEBRA), ("LINEAFTER", (0, 0), (0, -1), 0.3, GRID)]
    else:
        style += [("LINEAFTER", (0, 0), (-2, -1), 0.3, GRID)]
        style += [("BACKGROUND", (0, r), (-1, r), ZEBRA) for r in range(head + 1, len(data), 2)]
    for r in b.spans:
        style += [("SPAN", (0, r + head), (-1, r + head)), ("BACKGROUND", (0, r + head), (-1, r + head), SPAN_FILL)]
    tbl.setStyle(TableStyle(style))
    return tbl


def _numbered_canvas(footer: str, page_text: str, font: str, page: tuple[float, float], margin: float) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Draws "page x of y" once the total is known (pages are kept until save)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own, not in the stubs: what showPage does after a page

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            self.saveState()
            self.setFont(font, 8)
            self.setFillColor(MUTED)
            self.setStrokeColor(GRID)
            self.setLineWidth(0.5)
            y = 1.2 * cm
            self.line(margin, y + 10, page[0] - margin, y + 10)
            number = page_text.format(page=self.getPageNumber(), pages=total)
            self.drawRightString(page[0] - margin, y, number)
            room = page[0] - 2 * margin - self.stringWidth(number, font, 8) - 12
            p = _para([(footer, "")], ParagraphStyle("footer", fontName=font, fontSize=8, leading=10, textColor=MUTED))
            p.wrapOn(self, room, 20)
            p.drawOn(self, margin, y - 2)
            self.restoreState()

    return NumberedCanvas


def render(
    blocks: list[Block],
    *,
    child: bool = False,
    footer: str = "",
    page_text: str = "{page} / {pages}",
    title: str = "",
    pagesize: tuple[float, float] = A4,
    margin: float = MARGIN,
) -> bytes:
    """The blocks as a PDF: A4 by default; the children's booklet is A5 (``pagesize``) in a child's type."""
    st = Styles(child, pagesize, margin)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=1.8 * cm,
        bottomMargin=2.0 * cm,
        title=clean_text(title)[:250],
        author="",
        creator="facilitation",
        producer="facilitation",
        subject="",
    )
    footer = clean_text(footer).replace("\n", " ")
    if len(footer) > 95:
        footer = footer[:94] + "…"
    doc.build(
        flowables(blocks, st, child), canvasmaker=_numbered_canvas(footer, page_text, st.regular, pagesize, margin)
    )
    return buf.getvalue()
