"""Names on the map: the font's widths, the forms a name takes, and placing names so none overlaps."""

from __future__ import annotations

import itertools

import pytest

from facilitation.figures import font_metrics
from facilitation.figures.map_labels import Seat, name_forms, overlap, place_labels, text_width


def test_the_width_table_is_the_fonts_own():
    """The table in ``font_metrics`` is DejaVu Sans as matplotlib bundles it (how to make it again: below)."""
    from matplotlib import font_manager, ft2font

    for bold, table in ((False, font_metrics.REGULAR), (True, font_metrics.BOLD)):
        props = font_manager.FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal")
        font = ft2font.FT2Font(font_manager.findfont(props))
        font.set_size(2048, 72)
        values = [int(v) for v in "".join(table).split(",")]
        codes = [cp for a, b in font_metrics.RANGES for cp in range(a, b + 1)]
        assert len(values) == len(codes)
        for cp, width in list(zip(codes, values, strict=True))[::37]:
            if font.get_char_index(cp) == 0:
                assert width == 0
            else:
                flags = ft2font.LoadFlags.NO_HINTING
                assert width == round(font.load_char(cp, flags=flags).linearHoriAdvance / 65536), hex(cp)


def test_widths_of_names():
    assert text_width("Fatima El Amrani", 14) == pytest.approx(120.2, abs=0.5)
    assert text_width("Fatima El Amrani", 14, bold=True) > text_width("Fatima El Amrani", 14)
    assert text_width("WWW", 10) > text_width("iii", 10)
    assert text_width("Oma 👵🏽", 14) == pytest.approx(text_width("Oma ", 14) + 14, abs=0.1)  # one wide sign


@pytest.mark.parametrize(
    "name,forms",
    [
        ("Rita", [("Rita",)]),
        ("Fatima El Amrani", [("Fatima El Amrani",), ("Fatima", "El Amrani"), ("Fatima E.",), ("Fatima",)]),
        (
            "dokter Geert Mertens",
            [("dokter Geert Mertens",), ("dokter Geert", "Mertens"), ("dokter Geert M.",), ("dokter Geert",)],
        ),
        ("Kevin D'Hondt", [("Kevin D'Hondt",), ("Kevin", "D'Hondt"), ("Kevin D.",), ("Kevin",)]),
    ],
)
def test_a_name_shortens_to_first_name_and_initial_never_less(name, forms):
    assert [f for f, _ in name_forms(name)] == forms


def test_crowded_names_never_overlap_and_keep_the_first_name():
    seats = [
        Seat(f"p{i}", 100 + (i % 6) * 40, 100 + (i // 6) * 22, f"Voornaam{i} Familienaam-Lang", 1, 14, 7.5)
        for i in range(36)
    ]
    seats.append(Seat("alone", 700, 600, "Wilhelmina Vandenbroucke", -1, 14, 7.5))
    labels = place_labels(seats, [], (0, 900, 0, 700))
    boxes = [labels[s.pid].box for s in seats]
    assert not any(overlap(a, b) for a, b in itertools.combinations(boxes, 2))
    for s in seats:
        label = labels[s.pid]
        assert not label.crowded
        assert " ".join(label.lines).startswith(s.name.split(" ")[0])
        for o in seats:  # nobody's name on somebody's marker
            if o is not s:
                assert not overlap(label.box, (o.x - 9, o.x + 9, o.y - 9, o.y + 9))
    assert labels["p0"].short and labels["alone"].lines == ("Wilhelmina Vandenbroucke",)
    assert labels["alone"].position == "middle left"  # on the side it prefers
