"""The children's booklet (a picture and its text per page, A5, large type) and the Three Houses sheet (only
what the child allowed), read back from the PDF and Word files and rendered to pixels."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from docx import Document
from pypdf import PdfReader

from facilitation import samples
from facilitation.domain import ops
from facilitation.export import FORMATS, booklet, render_bytes
from facilitation.export.view import PlanView

from .booklet_case import PAGES, PICTOGRAMS, PRIVATE, booklet_case


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return render_bytes(booklet_case(), "child", "nl")


def test_the_latest_story_one_page_each_on_a5(files):
    reader = PdfReader(io.BytesIO(files[".pdf"]))
    assert len(reader.pages) == 1 + len(PAGES) + 1  # title, the story's pages, a page to draw on
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)  # A5
    first = reader.pages[0].extract_text()
    assert "Het verhaal van Noah" in first and "Woord- en Beeldverhaal" in first and "14 oktober 2026" in first
    for n, (_, text, _) in enumerate(PAGES, start=1):
        page = " ".join(reader.pages[n].extract_text().split())
        assert text.split(" (")[0][:40] in page, n
    everything = "\n".join(p.extract_text() for p in reader.pages)
    assert "Oude versie" not in everything  # the earlier version is kept in the case, not printed
    call = " ".join(reader.pages[1 + [p[0] for p in PAGES].index("who_to_go_to")].extract_text().split())
    assert "Nadia 0466 38 90 51" in call  # the one person chosen on that page, as Noah calls her, with her number
    assert re.findall(r"\d{4} \d\d \d\d \d\d", everything) == ["0466 38 90 51"]  # no one else's number


def test_drawings_are_vectors_above_the_text(files):
    reader = PdfReader(io.BytesIO(files[".pdf"]))
    page = reader.pages[1]
    content = page.get_contents().get_data().decode("latin-1")
    assert content.count(" l ") + content.count(" l\n") > 20  # pen strokes as line segments, not an image
    assert not page.images


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (scripts/setup)")
def test_picture_above_the_text_in_pixels(files, tmp_path):
    from PIL import Image

    (tmp_path / "b.pdf").write_bytes(files[".pdf"])
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", str(tmp_path / "b.pdf"), str(tmp_path / "p")], check=True
    )
    img = Image.open(next(tmp_path.glob("p*.png"))).convert("RGB")
    w, h = img.size
    px = img.load()

    def blue_rows() -> list[int]:  # the first figure is drawn in blue (#1f5fa8)
        return [y for y in range(h) for x in range(0, w, 2) if px[x, y][2] > 140 and px[x, y][0] < 80]

    def dark_rows() -> list[int]:  # the text (ink #1d2430)
        return [y for y in range(h) for x in range(0, w, 2) if sum(px[x, y]) < 200]

    drawing, text = blue_rows(), dark_rows()
    assert drawing and text and max(drawing) < min(y for y in text if y > h * 0.1) + 5


def test_large_type_for_a_child(files):
    doc = Document(io.BytesIO(files[".docx"]))
    story = [p for p in doc.paragraphs if p.style.name == "FacStory"]
    assert len(story) == len([p for p in PAGES if p[1]]) + 1  # the texts, and the one person Noah may call
    assert all(p.style.font.size.pt >= 18 for p in story)
    pictured = [p for p in PAGES if p[2] or p[0] in PICTOGRAMS]
    assert len(doc.inline_shapes) == len(pictured)  # each drawing, and each page's pictograms, as a picture


def test_three_houses_show_only_what_the_child_allowed(files):
    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(files["-drie-huizen.pdf"])).pages)
    assert "De drie huizen van Noah" in pdf
    assert "Huis van zorgen" in pdf and "Huis van goede dingen" in pdf and "Huis van dromen" in pdf
    assert "bang als het donker is" in pdf and "brandweerman" in pdf
    docx = "\n".join(p.text for p in Document(io.BytesIO(files["-drie-huizen.docx"])).paragraphs)
    assert "pannenkoeken" in docx


def test_an_entry_not_allowed_appears_in_no_document():
    case = booklet_case()
    assert any(e.text == PRIVATE and not e.shareable for e in case.house_entries.values())
    for fmt in FORMATS:
        if fmt == "json":
            continue  # the case file itself (the consultant's own record and backup) keeps everything
        for suffix, data in render_bytes(case, fmt, "nl").items():
            if suffix.endswith(".pdf"):
                text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
            elif suffix.endswith(".docx"):
                text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
            else:
                text = data.decode("utf-8-sig")
            assert "boos op mama" not in text, (fmt, suffix)
    assert [e.id for e in booklet.shareable_entries(case, "p-noah")] == ["h-1", "h-3", "h-4"]


def test_no_sheet_when_nothing_may_be_shown():
    case = samples.load_sample("jonas-17")
    assert booklet.houses_blocks(PlanView(case, "nl")) == []
    assert set(render_bytes(case, "child", "nl")) == {".pdf", ".docx"}


def test_without_a_story_the_first_draft_in_a_childs_words():
    """No story yet: the booklet is the draft the Words and Pictures part proposes, never the adults' texts."""
    case = samples.load_sample("lina-en-noah")
    pdf = render_bytes(case, "child", "nl")[".pdf"]
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    for harm in case.items_of("harm"):
        assert " ".join(harm.text.split())[:30] not in text  # "Lina bleef maar wenen ..." is mama's to tell
    for danger in case.items_of("danger_statement"):
        assert " ".join(danger.text.split())[:30] not in text
    assert "Mama vertelt jullie zelf wat er toen gebeurde." in text  # as the children call her
    assert "tante Kelly 0485 71 26 09" in text  # who they may call, with the number
    # Day 40 as the module plans it: no meeting is set on that day yet, so "rond", never a promise.
    assert "Rond 18 november 2026 komen alle mensen die jullie helpen weer samen." in text
    assert "Jessica" not in text and "0489 52 17 34" not in text  # mama is mama; her number is not on it


def pictures_in(docx: bytes) -> list[object]:
    from PIL import Image

    doc = Document(io.BytesIO(docx))
    return [Image.open(io.BytesIO(doc.part.related_parts[rid].blob)).convert("RGB") for rid in _picture_ids(doc)]


def _picture_ids(doc) -> list[str]:  # type: ignore[no-untyped-def]
    blips = doc.element.body.xpath(".//a:blip")
    return [b.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed") for b in blips]


def colourful(img) -> int:  # type: ignore[no-untyped-def]
    """Pixels that are clearly coloured (not white, grey or black): a pictogram's, not the pen's dark ink."""
    import numpy as np

    px = np.asarray(img, dtype=np.int16)
    return int(((px.max(axis=2) - px.min(axis=2)) > 60).sum())


def test_word_gets_the_pictograms_too(files):
    """Word holds no SVG: the page with only pictograms (a judge and a calendar) gets their pictures."""
    pictures = pictures_in(files[".docx"])
    assert len(pictures) == len([p for p in PAGES if p[2] or p[0] in PICTOGRAMS])
    last = pictures[-1]  # "what_next": no drawing, two pictograms
    assert colourful(last) > 0.05 * last.width * last.height
    left, right = (
        last.crop((0, 0, last.width // 2, last.height)),
        last.crop((last.width // 2, 0, last.width, last.height)),
    )
    assert colourful(left) and colourful(right)  # two pictures side by side, not one


def test_the_pictograms_makers_are_credited_on_the_last_page(files):
    reader = PdfReader(io.BytesIO(files[".pdf"]))
    last = " ".join(reader.pages[-1].extract_text().split())
    assert "Pictogrammen: OpenMoji (openmoji.org), CC BY-SA 4.0" in last
    assert "OpenMoji" not in " ".join(p.extract_text() for p in reader.pages[:-1])
    doc = Document(io.BytesIO(files[".docx"]))
    credit = [p for p in doc.paragraphs if "OpenMoji" in p.text]
    assert len(credit) == 1 and credit[0].style.font.size.pt <= 8  # small print
    case = booklet_case()
    for page in [p for p in case.story_pages.values() if p.pictograms]:
        case = case.apply(ops.update(case, "story_page", page.id, pictograms=()))
    plain = render_bytes(case, "child", "nl")[".pdf"]
    assert "OpenMoji" not in " ".join(p.extract_text() for p in PdfReader(io.BytesIO(plain)).pages)


def test_a_shipped_pictogram_is_drawn_as_a_vector(tmp_path, monkeypatch):
    from facilitation.export import render_pdf, sketch
    from facilitation.export.document import Sketch

    svg = tmp_path / "heart.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">'
        '<path d="M50 90 L10 40 A20 20 0 0 1 50 20 A20 20 0 0 1 90 40 Z" fill="#c0392b"/></svg>'
    )
    monkeypatch.setattr(sketch, "pictogram_path", lambda name: svg if name == "heart" else None)
    pdf = render_pdf.render([Sketch("", ("heart", "unknown"))], title="t")
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    assert ".752941 .223529 .168627 rg" in content  # the heart's red fill, drawn as a path


def test_a_drawing_is_printed_as_the_screen_reads_it():
    """One parser (domain.drawing): a line stored 70 wide is drawn 60 wide on screen, and so on paper."""
    import json

    from facilitation.export import render_pdf
    from facilitation.export.document import Sketch

    def widths(width: float) -> set[str]:
        stroke = {"color": "#1f5fa8", "width": width, "points": [[100, 100], [900, 600]]}
        pdf = render_pdf.render([Sketch(json.dumps([stroke]))], title="t")
        content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data().decode("latin-1")
        return {op for op in content.split("\n") if op.endswith(" w") and "RG" not in op}

    assert widths(70) == widths(60) != widths(30)
