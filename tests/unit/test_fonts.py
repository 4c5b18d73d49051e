"""The documents' fonts travel with the package; a missing one is named, never silently replaced."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest
from fontTools.ttLib import TTFont

from facilitation import fonts
from facilitation.i18n import error_text


@pytest.fixture(autouse=True)
def fresh_lookup():
    fonts.path.cache_clear()
    yield
    fonts.path.cache_clear()


def covers(role: str, text: str) -> bool:
    cmap = TTFont(fonts.path(role), lazy=True).getBestCmap()
    return all(ord(ch) in cmap for ch in text if not ch.isspace())


def test_every_role_is_shipped_in_the_package_with_its_licence():
    for role in fonts.ROLES:
        p = fonts.path(role)
        assert p.parent == fonts.PACKAGE_FONTS, role
        font = TTFont(p, lazy=True)
        assert "glyf" in font, f"{role}: outlines a PDF can embed"
    for licence in fonts.LICENCES:
        assert (fonts.PACKAGE_FONTS / licence).stat().st_size > 1000
    assert "SIL OPEN FONT LICENSE Version 1.1" in (fonts.PACKAGE_FONTS / "LICENSE-OFL.txt").read_text()
    assert "Bitstream Vera" in (fonts.PACKAGE_FONTS / "LICENSE-DejaVu.txt").read_text()
    assert fonts.missing() == []


def test_the_fonts_hold_the_letters_of_the_families_in_a_case():
    assert covers("body", "Zoë Çelik Şükrü Ğ ĳ ✓ → • Ελένη Ольга")
    assert covers("bold", "Zoë Çelik ✓")
    assert covers("sans", "Zoë Çelik Şükrü")
    assert covers("arabic", "مريم يوسف")
    assert covers("arabic_bold", "مريم")
    assert covers("emoji", "🙂❤👍🏠")
    assert not covers("body", "مريم") or not covers("body", "🙂")  # why the other faces are there


def test_the_system_fonts_are_the_fallback(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "PACKAGE_FONTS", tmp_path / "empty")
    system = tmp_path / "share" / "fonts"
    (system / "truetype" / "dejavu").mkdir(parents=True)
    shipped = Path(fonts.__file__).parent / "fonts" / "DejaVuSans.ttf"
    (system / "truetype" / "dejavu" / "DejaVuSans.ttf").write_bytes(shipped.read_bytes())
    monkeypatch.setattr(fonts, "system_font_dirs", lambda: [system])
    assert fonts.path("body") == system / "truetype" / "dejavu" / "DejaVuSans.ttf"
    assert "emoji" in fonts.missing()


def test_a_missing_font_is_named_in_the_users_language(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "PACKAGE_FONTS", tmp_path)
    monkeypatch.setattr(fonts, "system_font_dirs", lambda: [tmp_path / "none"])
    with pytest.raises(fonts.FontMissing) as caught:
        fonts.path("arabic")
    nl = error_text("nl", caught.value)
    assert "Het lettertype Noto Sans Arabic (NotoSansArabic-Regular.ttf) ontbreekt" in nl
    assert "Reinstall facilitation, or install the font Noto Sans Arabic" in error_text("en", caught.value)


def test_system_font_folders_per_platform():
    win = fonts.system_font_dirs(
        "win32",
        {"LOCALAPPDATA": "C:\\Users\\an\\AppData\\Local", "WINDIR": "C:\\Windows", "USERPROFILE": "C:\\Users\\an"},
    )
    assert [PureWindowsPath(*p.parts) for p in win] == [
        PureWindowsPath("C:\\Users\\an\\AppData\\Local\\Microsoft\\Windows\\Fonts"),
        PureWindowsPath("C:\\Windows\\Fonts"),
    ]
    mac = fonts.system_font_dirs("darwin", {"HOME": "/Users/an"})
    assert mac == [Path("/Users/an/Library/Fonts"), Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    linux = fonts.system_font_dirs("linux", {"HOME": "/home/an"})
    assert linux[0] == Path("/home/an/.local/share/fonts") and Path("/usr/share/fonts") in linux
