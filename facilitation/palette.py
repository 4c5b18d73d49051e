"""One palette for the screen, the charts and the printed documents.

Every colour the tool uses to mean something (a sector of the network, a kind of tie, the family's or
the professionals' scores, a warning) is defined here once. The plotly figures, the matplotlib charts
in the documents and the stylesheet (as CSS variables, see ``css_variables``) all read it, so what a
colour means on the projector is what it means on paper.
"""

from __future__ import annotations

from typing import Final

INK: Final = "#1d2430"
MUTED: Final = "#4a5568"
ACCENT: Final = "#1f5fa8"
PANEL: Final = "#f4f6f9"
LINE: Final = "#c3ccd8"
GRID: Final = "#e3e8ef"

WORRY: Final = "#b03a2e"
WELL: Final = "#1e7b4f"
NEED: Final = "#1f5fa8"
ALERT: Final = "#b03a2e"
WARN: Final = "#b45309"

SECTOR: Final[dict[str, str]] = {
    "family": "#1f5fa8",
    "friends": "#1e7b4f",
    "school": "#b86e00",
    "professional": "#6b4fa0",
}
"""The four sectors of the network map."""

CHILD: Final = "#f2c14e"
SAFETY: Final = "#1e7b4f"
"""The safety network's ring."""
TO_TELL: Final = "#e07b00"
"""Someone named in the plan who still needs to hear the worries."""

TIE: Final[dict[str, str]] = {
    "family": "rgba(110, 122, 138, 0.75)",
    "support": "#2f855a",
    "conflict": "#c0392b",
    "broken": "rgba(110, 122, 138, 0.9)",
}

GROUP: Final[dict[str, str]] = {"informal": "#1e7b4f", "professional": "#1f5fa8"}
"""Scores of the family and its network, and of the professionals."""


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
    ]
    pairs += [(f"sector-{k}", v) for k, v in SECTOR.items()]
    pairs += [(f"tie-{k}", v) for k, v in TIE.items()]
    pairs += [(f"group-{k}", v) for k, v in GROUP.items()]
    body = " ".join(f"--fac-{name}: {value};" for name, value in pairs)
    # .fac-page-notice: the page's own notices (connection lost, unsaved text) sit outside the root.
    return f".fac-root, .fac-family-view, .fac-page-notice {{ {body} }}\n"
