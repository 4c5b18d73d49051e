"""The body of a Word document written as WordprocessingML text, block by block, and parsed once.

python-docx builds a document element by element (a run, its properties, its text: each a lookup in the
tree); a judge's document of a large case has thousands of runs and took seconds. The same XML written as
text and parsed in one go takes a fraction of that. The styles (``FacEntry``, ``Heading1``...) come from
the template ``render_docx`` makes with python-docx; pictures are still added with python-docx (they need
a relationship to the image part).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from . import shaping
from .common import clean_text
from .document import Line

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

INK = "1D2430"
MUTED = "5A6575"
ACCENT = "1F5FA8"
ALERT = "B03A2E"
RTL_FONT = {"arabic": "Noto Sans Arabic", "hebrew": "Noto Sans Hebrew"}


def _text(text: str) -> str:
    """Text of one run: line breaks and tabs as Word's own elements."""
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, part in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if part:
                out.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
    return "".join(out)


def _pieces(text: str) -> list[tuple[str, str]]:
    """(text, right-to-left script or "") in logical order: Word shapes and orders the text itself, once a
    right-to-left run is marked as such (with a font for its script)."""
    if not shaping.needs_shaping(text):
        return [(text, "")]
    out: list[tuple[str, str]] = []
    for piece in shaping.pieces(text):
        role = piece.role if piece.role in RTL_FONT else ""
        if out and out[-1][1] == role:
            out[-1] = (out[-1][0] + piece.text, role)
        else:
            out.append((piece.text, role))
    return out


def run(text: str, marks: str = "", colour: str | None = None) -> str:
    """One run (or a few, where the script changes) with bold/italic/alert/muted marks."""
    out = []
    for part, role in _pieces(clean_text(text)):
        props = []
        if role:
            props.append(f'<w:rFonts w:cs="{RTL_FONT[role]}"/>')
        if "b" in marks:
            props.append("<w:b/><w:bCs/>")
        if "i" in marks:
            props.append("<w:i/><w:iCs/>")
        c = ALERT if "!" in marks else MUTED if "m" in marks else colour
        if c:
            props.append(f'<w:color w:val="{c}"/>')
        if role:
            props.append("<w:rtl/>")
        rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
        out.append(f"<w:r>{rpr}{_text(part)}</w:r>")
    return "".join(out)


def runs(line: Line, colour: str | None = None) -> str:
    return "".join(run(text, marks, colour) for text, marks in line)


def para(style: str, body: str, *, keep: bool = False, shade: str = "", rule_below: bool = False) -> str:
    props = [f'<w:pStyle w:val="{style}"/>'] if style != "Normal" else []
    if keep:
        props.append("<w:keepNext/>")
    if rule_below:
        props.append(f'<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="4" w:color="{ACCENT}"/></w:pBdr>')
    if shade:
        props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>')
    ppr = f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{body}</w:p>"


def _cell(width: int, paragraphs: str, *, span: int = 1, fill: str = "") -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs or '<w:p/>'}</w:tc>"


def table(
    header: list[str],
    rows: list[list[list[Line]]],
    widths: list[int],
    *,
    cell_style: str,
    head_style: str,
    head_fill: str,
    zebra: str = "",
    first_fill: str = "",
    span_fill: str = "",
    spans: frozenset[int] = frozenset(),
    row_height: int = 0,
) -> str:
    """A table with a repeated header row, rows that do not split over pages, widths in twentieths of a point
    (set on the grid and on every cell: LibreOffice reads the grid, Word the cells)."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
    ]
    if header:
        cells = "".join(_cell(w, para(head_style, run(h)), fill=head_fill) for w, h in zip(widths, header, strict=True))
        out.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>")
    height = f'<w:trHeight w:val="{row_height}"/>' if row_height else ""
    for i, row in enumerate(rows):
        if i in spans:
            body = "".join(para(cell_style, runs(line)) for line in row[0])
            cells = _cell(sum(widths), body, span=len(widths), fill=span_fill)
        else:
            parts = []
            for ci, (w, lines) in enumerate(zip(widths, row, strict=True)):
                fill = first_fill if ci == 0 and first_fill else (zebra if zebra and i % 2 == 1 else "")
                parts.append(_cell(w, "".join(para(cell_style, runs(line)) for line in lines), fill=fill))
            cells = "".join(parts)
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{height}</w:trPr>{cells}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def parse(body: str) -> list[object]:
    """The elements of a body fragment, ready to be appended to the document's body."""
    from docx.oxml import parse_xml

    root = parse_xml(f'<w:body xmlns:w="{W_NS}">{body}</w:body>')
    return list(root)
