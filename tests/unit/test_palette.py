"""The one palette: readable on a projector and told apart by people who see colours differently.

Contrast is WCAG 2.1's ratio; distances are CIEDE2000 between the colours as simulated (Brettel, full
severity) for protanopia, deuteranopia and tritanopia, computed by coloraide.
"""

from __future__ import annotations

from itertools import combinations

import pytest
from coloraide import Color

from facilitation import palette

DEFICIENCIES = ("protan", "deutan", "tritan")
MIN_DISTANCE = 10.0
"""CIEDE2000 units: two colours this far apart are told apart at a glance (about 2 is 'just noticeable')."""


def contrast(fg: str, bg: str = palette.WHITE) -> float:
    return float(Color(fg).contrast(Color(bg), method="wcag21"))


def distances(a: str, b: str) -> dict[str, float]:
    """Distance seen with normal colour vision and with each deficiency."""
    ca, cb = Color(a), Color(b)
    out = {"normal": float(ca.delta_e(cb, method="2000"))}
    for kind in DEFICIENCIES:
        sa, sb = ca.clone().filter(kind, method="brettel"), cb.clone().filter(kind, method="brettel")
        out[kind] = float(sa.delta_e(sb, method="2000"))
    return out


TEXT = {
    "ink": palette.INK,
    "muted": palette.MUTED,
    "accent": palette.ACCENT,
    "worry": palette.WORRY,
    "well": palette.WELL,
    "need": palette.NEED,
    "alert": palette.ALERT,
    "warn": palette.WARN,
    **{f"sector-{k}": v for k, v in palette.SECTOR.items()},
    **{f"group-{k}": v for k, v in palette.GROUP.items()},
}
"""Colours used for words (sector names on the map, column headings, messages)."""

LINES = {
    "line": palette.LINE,
    "safety": palette.SAFETY,
    "to-tell": palette.TO_TELL,
    **{f"tie-{k}": v for k, v in palette.TIE.items()},
}

TOLD_APART = {
    "sectors": palette.SECTOR,
    "groups": palette.GROUP,
    "columns": {"worry": palette.WORRY, "well": palette.WELL, "need": palette.NEED},
    "rings": {"safety": palette.SAFETY, "to_tell": palette.TO_TELL},
    "ties": {k: v for k, v in palette.TIE.items() if k in ("family", "support", "conflict")},
}
"""Colours that carry different meanings side by side."""


@pytest.mark.parametrize("name", sorted(TEXT))
def test_text_colours_meet_wcag_aa_on_white_and_on_panels(name):
    for bg in (palette.WHITE, palette.PANEL):
        assert contrast(TEXT[name], bg) >= 4.5, (name, bg, round(contrast(TEXT[name], bg), 2))


@pytest.mark.parametrize("name", sorted(LINES))
def test_lines_and_markers_stand_out_three_to_one(name):
    assert contrast(LINES[name]) >= 3.0, (name, round(contrast(LINES[name]), 2))


@pytest.mark.parametrize("group", sorted(TOLD_APART))
def test_colours_that_mean_different_things_stay_apart_under_colour_blindness(group):
    colours = TOLD_APART[group]
    for (na, a), (nb, b) in combinations(colours.items(), 2):
        seen = distances(a, b)
        worst = min(seen, key=lambda k: seen[k])
        assert seen[worst] >= MIN_DISTANCE, f"{group}: {na} {a} and {nb} {b} look alike ({worst}: {seen[worst]:.1f})"


def test_the_pointer_highlight_keeps_ink_readable():
    assert contrast(palette.INK, palette.POINTER) >= 7.0


def test_css_variables_carry_every_meaningful_colour():
    css = palette.css_variables()
    for key, value in palette.SECTOR.items():
        assert f"--fac-sector-{key}: {value};" in css
    assert "--fac-pointer:" in css and ".fac-family-view" in css
