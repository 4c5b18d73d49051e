"""One palette for the screen, the charts and the printed documents.

Every colour the tool uses to mean something (a sector of the network, a kind of tie, the family's or
the professionals' scores, a warning) is defined here once. The plotly figures, the matplotlib charts
in the documents and the stylesheet (as CSS variables, see ``css_variables``) all read it, so what a
colour means on the projector is what it means on paper.

The colours are Okabe and Ito's colour-blind safe set (blue, bluish green, vermillion, orange), darkened
until each reads as text on white (WCAG AA, 4.5:1) and as a line or marker (3:1), with the professionals
in a neutral dark grey. About one man in twelve around the table sees colours differently: under
simulated protanopia, deuteranopia and tritanopia every two colours that must be told apart stay at
least 10 CIEDE2000 units apart (the old family blue and professional purple were 2.5 apart for a
deuteranope: the same colour). ``tests/unit/test_palette.py`` checks contrast and distances. Meaning is
never carried by colour alone: professionals are squares on the map and dotted in charts, a conflict is
dashed, a broken contact dotted.
"""

from __future__ import annotations

from typing import Final

WHITE: Final = "#ffffff"
INK: Final = "#1d2430"
MUTED: Final = "#4a5568"
ACCENT: Final = "#1f5fa8"
PANEL: Final = "#f4f6f9"
LINE: Final = "#868f9c"
"""Ring and axis lines of the map: 3:1 on white, so the rings read on a washed-out projector."""
GRID: Final = "#e3e8ef"
"""Background grid of charts (decoration, not meaning)."""

WORRY: Final = "#b8400e"
WELL: Final = "#007a55"
NEED: Final = "#004b87"
ALERT: Final = "#b8400e"
WARN: Final = "#8f5400"

SECTOR: Final[dict[str, str]] = {
    "family": "#004b87",
    "friends": "#007a55",
    "school": "#c04a00",
    "professional": "#4d4d4d",
}
"""The four sectors of the network map: blue, bluish green, vermillion, and grey for the professionals
(passers-by in the family's life)."""

CHILD: Final = "#f2c14e"
"""The child's marker (a fill with a dark outline: the outline carries the contrast)."""
SAFETY: Final = "#007a55"
"""The safety network's ring."""
TO_TELL: Final = "#a86200"
"""Someone named in the plan who still needs to hear the worries."""

TIE: Final[dict[str, str]] = {
    "family": "#6b7686",
    "support": "#007a55",
    "conflict": "#c04a00",
    "broken": "#6b7686",
}
"""Ties on the map; family and broken are told apart by their line (solid, dotted), not their colour."""

GROUP: Final[dict[str, str]] = {"informal": "#004b87", "professional": "#4d4d4d"}
"""Scores of the family and its network, and of the professionals."""

POINTER: Final = "#f0c000"
"""The highlight of what the consultant points at on the family screen (behind ink text: 11:1)."""

CHILD_FACES: Final[tuple[str, ...]] = (
    "#e8736a",
    "#ec845f",
    "#f09858",
    "#f3ad57",
    "#f5c159",
    "#f4d35f",
    "#dcd866",
    "#bdd56c",
    "#9ccd72",
    "#7cc176",
    "#5db47b",
)
"""A child's scale, 0 to 10: light tints from red to green behind faces that say the same (never colour alone)."""


def css_variables() -> str:
    """The palette as CSS custom properties on the dashboards' root (``var(--fac-sector-family)``...)."""
    pairs: list[tuple[str, str]] = [
        ("ink", INK),
        ("muted", MUTED),
        ("accent", ACCENT),
        ("panel", PANEL),
        ("line", LINE),
        ("worry", WORRY),
        ("well", WELL),
        ("need", NEED),
        ("alert", ALERT),
        ("warn", WARN),
        ("child", CHILD),
        ("safety", SAFETY),
        ("to-tell", TO_TELL),
        ("pointer", POINTER),
    ]
    pairs += [(f"sector-{k}", v) for k, v in SECTOR.items()]
    pairs += [(f"tie-{k}", v) for k, v in TIE.items()]
    pairs += [(f"group-{k}", v) for k, v in GROUP.items()]
    pairs += [(f"face-{n}", v) for n, v in enumerate(CHILD_FACES)]
    body = " ".join(f"--fac-{name}: {value};" for name, value in pairs)
    # .fac-page-notice: the page's own notices (connection lost, unsaved text) sit outside the root.
    return f".fac-root, .fac-family-view, .fac-page-notice {{ {body} }}\n"
