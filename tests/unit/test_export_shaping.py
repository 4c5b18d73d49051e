"""Emoji and Arabic-script names in every PDF: rendered to pixels (pdftoppm) and checked as a reader would see them.

Arabic letters must be joined (HarfBuzz's contextual forms, right to left), an emoji must be its colour picture,
not an empty box.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections import deque
from pathlib import Path

import pytest
from PIL import Image

from facilitation.domain import ops
from facilitation.export import fonts, render_bytes, render_pdf, shaping
from facilitation.export.document import Title

NAME = "Fatima El Amrani (فاطمة)"
FATIMA = "فاطمة"

needs_fonts = pytest.mark.skipif(
    fonts.font_path("arabic") is None or fonts.font_path("emoji") is None,
    reason="fonts-noto-core and fonts-noto-color-emoji are installed by scripts/setup",
)
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (scripts/setup)")


def raster(pdf: bytes, tmp: Path, dpi: int = 100) -> Image.Image:
    (tmp / "doc.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", str(tmp / "doc.pdf"), str(tmp / "p")], check=True
    )
    return Image.open(next(tmp.glob("p*.png"))).convert("RGB")


def one_line(text: str) -> bytes:
    """A page with ``text`` alone, big, in the document's own renderer."""
    return render_pdf.render([Title(text)], title="t")


def ink_boxes(img: Image.Image) -> tuple[int, int, int, int]:
    px = img.load()
    w, h = img.size
    xs = [x for y in range(0, h // 4) for x in range(w) if sum(px[x, y]) < 600]
    ys = [y for y in range(0, h // 4) for x in range(w) if sum(px[x, y]) < 600]
    return min(xs), min(ys), max(xs), max(ys)


def components(img: Image.Image, box: tuple[int, int, int, int], min_size: int = 40) -> int:
    """Pieces of ink (connected dark pixels) of at least ``min_size`` pixels: the letters' bodies, not the dots."""
    x0, y0, x1, y1 = box
    px = img.load()
    dark = {(x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1) if sum(px[x, y]) < 450}
    seen: set[tuple[int, int]] = set()
    count = 0
    for start in dark:
        if start in seen:
            continue
        size, queue = 0, deque([start])
        seen.add(start)
        while queue:
            x, y = queue.popleft()
            size += 1
            for n in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if n in dark and n not in seen:
                    seen.add(n)
                    queue.append(n)
        count += size >= min_size
    return count


# ---- shaping, without pixels --------------------------------------------------------------------------


@needs_fonts
def test_harfbuzz_joins_the_letters_right_to_left():
    """فاطمة drawn right to left in its joined forms: final taa marbuta, medial meem, initial tah, final alef,
    initial feh (the glyphs of Noto Sans Arabic are named after the presentation forms they draw)."""
    import unicodedata

    from fontTools.ttLib import TTFont

    font = TTFont(str(fonts.font_path("arabic")), lazy=True)
    names = [font.getGlyphName(g) for g, _ in shaping.shape(FATIMA, "arabic", rtl=True)]
    forms = [unicodedata.name(chr(int(n[3:], 16))) for n in names]
    assert forms == [
        "ARABIC LETTER TEH MARBUTA FINAL FORM",
        "ARABIC LETTER MEEM MEDIAL FORM",
        "ARABIC LETTER TAH INITIAL FORM",
        "ARABIC LETTER ALEF FINAL FORM",
        "ARABIC LETTER FEH INITIAL FORM",
    ]


@needs_fonts
def test_runs_of_a_name_are_in_reading_order():
    pieces = shaping.visual(NAME)
    assert [p.text for p in pieces] == ["Fatima El Amrani (", FATIMA, ")"]
    assert pieces[-2].rtl and pieces[-2].role == "arabic"
    two = shaping.visual("oma جدة فاطمة")  # two right-to-left words: drawn with the second word leftmost
    assert [p.text for p in two if p.role == "arabic"] == ["فاطمة", "جدة"]
    assert [p.role for p in shaping.visual("Oma 👵🏽 Rita 🏆")] == ["", "emoji", "", "emoji"]


@needs_fonts
def test_emoji_family_is_one_picture():
    family = "👩\u200d👧"
    assert list(shaping.clusters(family)) == [family]
    pic = shaping.emoji_picture(family)
    assert pic is not None and pic.png.startswith(b"\x89PNG")
    assert pic.png != shaping.emoji_picture("👩").png  # type: ignore[union-attr]


# ---- pixels -------------------------------------------------------------------------------------------


@needs_fonts
@needs_poppler
def test_arabic_is_joined_in_the_pdf(tmp_path):
    (tmp_path / "a").mkdir()
    shaped = raster(one_line(FATIMA), tmp_path / "a", 200)
    joined = components(shaped, ink_boxes(shaped))
    # The same letters one by one, as a PDF library draws them without a shaping engine (the old output):
    (tmp_path / "b").mkdir()
    loose = raster(one_line(" ".join(FATIMA)), tmp_path / "b", 200)
    apart = components(loose, ink_boxes(loose))
    assert apart >= 5
    assert joined <= 3, f"{joined} pieces of ink: the letters are not joined"


@needs_fonts
@needs_poppler
def test_emoji_is_a_colour_picture_not_an_empty_box(tmp_path):
    img = raster(one_line("🏆"), tmp_path, 150)
    x0, y0, x1, y1 = ink_boxes(img)
    px = img.load()
    colourful = sum(
        1
        for y in range(y0, y1 + 1)
        for x in range(x0, x1 + 1)
        if px[x, y][0] > 200 and px[x, y][2] < 120  # the cup's gold: not the title's blue, not black or grey
    )
    assert colourful > 200, "the trophy is not drawn in colour"


@needs_fonts
@needs_poppler
def test_the_judges_document_prints_an_arabic_name_and_an_emoji(tmp_path):
    case = ops.new_case("Familie El Amrani 🏆", "2026-10-01", [("Yasmine El Amrani", 6)])
    edit, pid = ops.add_person(case, NAME, relation="grootmoeder", sector="family", closeness=1)
    case = case.apply(edit)
    case = case.apply(ops.add_meeting(case, "network_meeting", "2026-10-15", [pid])[0])
    pdf = render_bytes(case, "pdf", "nl")[".pdf"]
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    fonts_used = {
        str(f.get_object()["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()
    }
    assert any("arabic" in f.lower() for f in fonts_used), fonts_used
    images = sum(len(page.images) for page in reader.pages)
    assert images >= 2  # the trophy of the title (and the footer) and the network map


def map_of(name: str) -> Image.Image:
    """The printed network map of Lina and Noah with their grandmother renamed."""
    from facilitation import samples
    from facilitation.export import charts

    case = samples.load_sample("lina-en-noah")
    case = case.apply(ops.update(case, "person", "p-monique", name=name))
    return Image.open(io.BytesIO(charts.network_png(case, "nl"))).convert("RGB")


def missing_glyphs(draw) -> list[str]:  # type: ignore[no-untyped-def]
    """What matplotlib said it could not draw (it draws an empty box instead)."""
    import warnings

    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        draw()
    return [str(w.message) for w in said if "missing from font" in str(w.message)]


@needs_fonts
def test_an_emoji_on_the_printed_map_is_its_colour_picture_not_a_box():
    """👵 is in no font matplotlib can draw (Noto Sans Symbols2 lacks it): the map draws Noto Color Emoji's
    picture, as the documents' text does."""
    import numpy as np

    pictures: list[Image.Image] = []
    assert missing_glyphs(lambda: pictures.append(map_of("Oma 👵 Monique"))) == []
    with_emoji, without = np.asarray(pictures[0], dtype=np.int16), np.asarray(map_of("Oma Monique"), dtype=np.int16)
    changed = (with_emoji != without).any(axis=2)
    r, g, b = with_emoji[..., 0], with_emoji[..., 1], with_emoji[..., 2]
    skin = changed & (r > 200) & (g > 140) & (b < 140)  # the grandmother's yellow face, where the label changed
    assert skin.sum() > 30


def test_without_the_colour_font_the_map_draws_the_emoji_outline(monkeypatch):
    """No colour pictures (no Noto Color Emoji on the system): the outline of the Noto Emoji the package ships."""
    from facilitation.export import charts

    monkeypatch.setattr(shaping, "emoji_picture", lambda cluster: None)
    charts.clear_cache()
    try:
        assert missing_glyphs(lambda: map_of("Oma 👵 Monique")) == []
    finally:
        charts.clear_cache()
