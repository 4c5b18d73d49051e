"""The PDF's fast paths write what reportlab's own paths write (issue 16.8: "not a single visible thing changed").

Paragraph fragments made without the XML parser (``pdf_text``) must equal the parser's, fragment by fragment;
a picture whose PDF image is kept (``pdf_image``) must give the same PDF bytes as ``platypus.Image``; and whole
documents made both ways must be equal byte for byte (reportlab's ``invariant``: no date, a fixed id).
"""

from __future__ import annotations

import io
import itertools

import pytest
from PIL import Image as PILImage
from reportlab import rl_config
from reportlab.platypus import Image
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

from facilitation import samples
from facilitation.domain import ops
from facilitation.export import pdf_image, pdf_text, render_bytes, render_pdf
from facilitation.export.document import Heading, Para, Picture, Title


@pytest.fixture
def invariant():
    before = rl_config.invariant
    rl_config.invariant = 1
    yield
    rl_config.invariant = before


def parsed(markup: str, style) -> list[dict]:  # type: ignore[no-untyped-def]
    _, frags, _ = ParaParser().parse(cleanBlockQuotedText(markup), style)
    return [dict(f.__dict__) for f in frags]


def made(markup: str, style) -> list[dict] | None:  # type: ignore[no-untyped-def]
    frags = pdf_text.fragments(pdf_text.clean(markup), style)
    return None if frags is None else [dict(f.__dict__) for f in frags]


TEXTS = ("Jan", "  Jan  Peeters ", "Tom & Jerry <3 > 2", "", " ", "a\nb", "\n\nna twee lege", "tab\there", "x\u00a0y")
MARKS = ("", "b", "i", "bi", "!", "m", "b!", "im")


def test_fragments_equal_the_parsers_for_every_kind_of_run():
    st = render_pdf.Styles(child=False)
    kid = render_pdf.Styles(child=True)
    styles = (st.body, st.entry, st.cell, st.title, kid.body, kid.note)
    checked = 0
    for style in styles:
        for (t1, m1), (t2, m2) in itertools.product(itertools.product(TEXTS, MARKS), repeat=2):
            if (TEXTS.index(t1) + MARKS.index(m1) + TEXTS.index(t2) + MARKS.index(m2)) % 5:
                continue  # a fifth of the pairs: every text and mark still meets every other
            markup = render_pdf.markup([(t1, m1), (t2, m2)], style.fontSize)
            assert made(markup, style) == parsed(markup, style), markup
            checked += 1
    assert checked > 1000


def test_fragments_of_an_entry_with_notes_and_of_lines_equal_the_parsers():
    st = render_pdf.Styles(child=False)
    entry = render_pdf.markup([("3.", "b"), (" Mama brengt Noah naar school", "")], st.entry.fontSize)
    notes = "".join(
        f'<br/><font size="{st.note.fontSize}">{render_pdf.markup(n, st.note.fontSize)}</font>'
        for n in ([("Wie: ", "m"), ("Mama & oma", "")], [("Wanneer: elke dag", "i")])
    )
    assert made(entry + notes, st.entry_notes) == parsed(entry + notes, st.entry_notes)
    lines = "<br/>".join(render_pdf.markup(x, st.cell.fontSize) for x in ([("a", "b")], [("b < c", "!")]))
    assert made(lines, st.cell) == parsed(lines, st.cell)


def test_markup_it_does_not_know_goes_to_the_parser():
    st = render_pdf.Styles(child=False)
    assert made('<font name="Fac-arabic">x</font>', st.body) is None
    assert made('x<img src="a.png" width="9" height="9"/>', st.body) is None
    assert made("<b>x", st.body) is None
    assert made("<b>x</i>", st.body) is None


def png(mode: str, colour: tuple[int, ...]) -> bytes:
    buf = io.BytesIO()
    PILImage.new(mode, (60, 40), colour).save(buf, format="PNG")
    return buf.getvalue()


def picture_pdf(pictures: list[bytes]) -> bytes:
    blocks = [Title("Kaart"), *(Picture(p, f"prent {i}") for i, p in enumerate(pictures)), Para([("einde", "")])]
    return render_pdf.render(blocks, footer="voet", title="t")


def test_a_kept_picture_gives_the_pdf_platypus_image_gives(invariant, monkeypatch):
    pictures = [png("RGBA", (200, 30, 30, 128)), png("RGB", (0, 90, 200)), png("RGBA", (200, 30, 30, 128))]
    fast = [picture_pdf(pictures), picture_pdf(pictures)]  # the second document from the kept image objects
    monkeypatch.setattr(render_pdf, "PngImage", lambda data, w, h: Image(io.BytesIO(data), width=w, height=h))
    slow = picture_pdf(pictures)
    assert fast == [slow, slow]


def test_kept_images_are_keyed_by_the_picture_itself():
    a, b = png("RGB", (10, 10, 10)), png("RGB", (250, 250, 250))
    name_a, obj_a = pdf_image._prepared(a)
    name_b, obj_b = pdf_image._prepared(b)
    assert name_a != name_b and obj_a.streamContent != obj_b.streamContent


def shaped_case():
    case = samples.load_sample("lina-en-noah")
    return case.apply(ops.update(case, "person", "p-monique", name="Monique 👵🏽 (فاطمة) שרה ✔"))


def pdfs(case, lang: str) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """The judge's document and the children's PDFs (the Word files carry the time they were zipped)."""
    out = {}
    for fmt in ("pdf", "child"):
        out.update({f"{fmt}{k}": v for k, v in render_bytes(case, fmt, lang).items() if k.endswith(".pdf")})
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", ["jonas-17", "mila-en-finn", "shaped"])
def test_the_documents_are_the_same_byte_for_byte_as_reportlabs_own_paths(name, lang, invariant, monkeypatch):
    case = shaped_case() if name == "shaped" else samples.load_sample(name)
    fast = pdfs(case, lang)
    monkeypatch.setattr(pdf_text, "fragments", lambda text, style: None)
    monkeypatch.setattr(render_pdf, "PngImage", lambda data, w, h: Image(io.BytesIO(data), width=w, height=h))
    slow = pdfs(case, lang)
    assert len(fast) >= 2 and fast == slow


def test_most_paragraphs_of_the_judges_document_skip_the_parser(monkeypatch):
    """The fast path is taken (else the speed would be lost without any test noticing)."""
    seen = {"fast": 0, "parser": 0}
    real = pdf_text.fragments

    def counting(text, style):  # type: ignore[no-untyped-def]
        out = real(text, style)
        seen["parser" if out is None else "fast"] += 1
        return out

    monkeypatch.setattr(pdf_text, "fragments", counting)
    render_pdf.render([Heading("Zorgen"), Para([("Jan & Piet", "b"), (" (vader)", "m")])], title="t")
    render_bytes(samples.load_sample("jonas-17"), "pdf", "nl")
    assert seen["fast"] > 50 and seen["parser"] == 0, seen
