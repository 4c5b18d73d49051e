"""Text as a PDF must draw it: split by the font that has its letters, right-to-left runs in visual order, Arabic
shaped by HarfBuzz (uharfbuzz), emoji as the colour pictures of Noto Color Emoji.

A PDF library places glyphs one after another; it neither joins Arabic letters nor turns a right-to-left name
around, and it cannot draw a bitmap emoji font. This module does what a text engine does, with the engines
every browser uses: HarfBuzz for shaping (glyph ids and advances, ligatures such as the emoji of a family),
the Unicode bidirectional classes for the order of runs, fontTools to read an emoji's picture from the font.
It knows nothing of reportlab or Word: ``render_pdf`` turns its pieces into markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .fonts import font_path, require

ZWJ = "\u200d"
VS16 = "\ufe0f"
VS15 = "\ufe0e"
KEYCAP = "\u20e3"

RTL_SCRIPTS: dict[str, tuple[tuple[int, int], ...]] = {
    "arabic": ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "hebrew": ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
}
"""Scripts written right to left, drawn with their own (Noto) font."""

MIRROR = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<", "«": "»", "»": "«"}


@dataclass(frozen=True)
class Piece:
    """A stretch of text drawn one way: ``role`` "" (the main face), a fallback font's role, or "emoji"."""

    text: str
    role: str = ""
    rtl: bool = False


@cache
def cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(str(path), lazy=True).getBestCmap())


def _covers(role: str, cp: int) -> bool:
    p = font_path(role)
    return p is not None and cp in cmap(p)


def script_role(cp: int) -> str:
    for role, ranges in RTL_SCRIPTS.items():
        if any(a <= cp <= b for a, b in ranges):
            return role
    return ""


def _is_modifier(ch: str) -> bool:
    cp = ord(ch)
    return ch in (VS16, VS15, KEYCAP) or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F


def _regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def clusters(text: str) -> Iterator[str]:
    """What a reader sees as one character: a letter with its marks, an emoji with its modifiers and joins,
    a flag (two regional indicators)."""
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        if _regional(text[i]) and j < n and _regional(text[j]):
            j += 1
        while j < n:
            ch = text[j]
            if _is_modifier(ch) or unicodedata.combining(ch):
                j += 1
            elif ch == ZWJ and j + 1 < n:
                j += 2
            else:
                break
        yield text[i:j]
        i = j


def is_emoji(cluster: str) -> bool:
    """Drawn as an emoji picture: in the emoji font, and either not in the main face, or asked for as emoji
    (variation selector 16, a skin tone, a join, a keycap)."""
    cp = ord(cluster[0])
    if cp < 0x80 and len(cluster) == 1:
        return False
    if not _covers("emoji", cp):
        return False
    if len(cluster) > 1 and (VS16 in cluster or ZWJ in cluster or KEYCAP in cluster or _regional(cluster[0])):
        return True
    if any(0x1F3FB <= ord(c) <= 0x1F3FF for c in cluster[1:]):
        return True
    return VS15 not in cluster and not _covers("regular", cp)


def _role(cluster: str) -> str:
    if is_emoji(cluster):
        return "emoji"
    cp = ord(cluster[0])
    script = script_role(cp)
    if script:
        return script
    if _covers("regular", cp) or cp < 0x80:
        return ""
    if _covers("symbols", cp):
        return "symbols"
    return ""


_FROM_HEBREW = re.compile("[\u0590-\U0010ffff]")
"""Characters from U+0590 (Hebrew) up: only these may need another font, shaping or a picture."""


def needs_shaping(text: str) -> bool:
    """False for text the main face draws as it is (most text): a fast path (one regular expression search)."""
    return _FROM_HEBREW.search(text) is not None and any(
        script_role(ord(ch)) or not _covers("regular", ord(ch)) for ch in text if ord(ch) >= 0x0590
    )


def pieces(text: str) -> list[Piece]:
    """The text in logical order, cut where the font changes."""
    out: list[Piece] = []
    for cl in clusters(text):
        role = _role(cl)
        if out and out[-1].role == role and role != "emoji":
            out[-1] = Piece(out[-1].text + cl, role)
        else:
            out.append(Piece(cl, role))
    return out


def _strong(ch: str) -> str:
    d = unicodedata.bidirectional(ch)
    if d in ("R", "AL"):
        return "R"
    if d == "L":
        return "L"
    return ""


def visual(text: str) -> list[Piece]:
    """The text's pieces in the order they are drawn, left to right, in a left-to-right paragraph.

    A right-to-left run (from its first to its last right-to-left letter, with the spaces, digits and
    punctuation between) is drawn reversed: its pieces in reverse order, each marked ``rtl`` (the shaper
    reverses the letters within), digits kept left to right, brackets mirrored.
    """
    chars = list(text)
    kinds = [_strong(c) for c in chars]
    out: list[Piece] = []
    i, n = 0, len(chars)
    while i < n:
        if kinds[i] != "R":
            j = i
            while j < n and kinds[j] != "R":
                j += 1
            out += pieces(text[i:j])
            i = j
            continue
        j = last = i
        while j < n and kinds[j] != "L":
            if kinds[j] == "R":
                last = j
            j += 1
        run = text[i : last + 1]
        out += [_rtl(p) for p in reversed(_rtl_pieces(run))]
        i = last + 1
    return out


def _rtl_pieces(run: str) -> list[Piece]:
    """A right-to-left run cut where the font changes and around numbers (which read left to right)."""
    out: list[Piece] = []
    for p in pieces(run):
        if p.role in RTL_SCRIPTS:
            out.append(p)
            continue
        buf = ""
        for ch in p.text:  # neutral text inside the run: each character is its own piece (reversed order)
            if ch.isdigit() and buf and buf[-1].isdigit():
                buf += ch
                continue
            if buf:
                out.append(Piece(buf, p.role))
            buf = ch
        if buf:
            out.append(Piece(buf, p.role))
    return out


def _rtl(p: Piece) -> Piece:
    if p.role in RTL_SCRIPTS:
        return Piece(p.text, p.role, rtl=True)
    if len(p.text) == 1 and p.text in MIRROR:
        return Piece(MIRROR[p.text], p.role)
    return p


# ---- HarfBuzz ---------------------------------------------------------------------------------------


@cache
def _hb_font(path: Path) -> Any:
    import uharfbuzz as hb

    face = hb.Face(hb.Blob.from_file_path(str(path)))
    font = hb.Font(face)
    font.scale = (1000, 1000)  # advances in thousandths of the font size, as a PDF wants them
    return font


@lru_cache(maxsize=4096)
def shape(text: str, role: str, rtl: bool = False) -> tuple[tuple[int, int], ...]:
    """(glyph id, advance in 1/1000 of the size) per glyph, in drawing order (HarfBuzz reverses an RTL run)."""
    import uharfbuzz as hb

    font = _hb_font(require(role))
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    if rtl:
        buf.direction = "rtl"
    hb.shape(font, buf, {})
    return tuple(
        (info.codepoint, pos.x_advance) for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True)
    )


# ---- emoji as pictures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmojiPicture:
    png: bytes
    width: int
    height: int
    ppem: int
    """Pixels per em of the bitmap: the picture is drawn at (width / ppem) of the font size."""
    bearing_y: int
    """Top of the picture above the baseline, in pixels."""


@cache
def _emoji_font() -> Any:
    from fontTools.ttLib import TTFont

    return TTFont(str(require("emoji")), lazy=True)


@lru_cache(maxsize=512)
def emoji_picture(cluster: str) -> EmojiPicture | None:
    """The colour picture of one emoji (a family, a skin tone and a flag are one glyph after shaping)."""
    glyphs = shape(cluster, "emoji")
    if not glyphs or glyphs[0][0] == 0:
        return None
    font = _emoji_font()
    name = font.getGlyphName(glyphs[0][0])
    try:
        strike = font["CBDT"].strikeData[0]
        size = font["CBLC"].strikes[0].bitmapSizeTable.ppemY
    except KeyError:  # an emoji font with outlines (not a bitmap font): nothing to draw as a picture here
        return None
    glyph = strike.get(name)
    if glyph is None:
        return None
    if hasattr(glyph, "decompile") and not hasattr(glyph, "imageData"):
        glyph.decompile()
    m = glyph.metrics
    return EmojiPicture(bytes(glyph.imageData), int(m.width), int(m.height), int(size), int(m.BearingY))
