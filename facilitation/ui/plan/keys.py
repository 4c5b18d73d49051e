"""The plan's keyboard (``ui/js/plan-keys.js``): N goes to a new agreement, Ctrl+Enter saves the form."""

from __future__ import annotations

import traitlets

from .. import esm

SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("N", "planui.keys.new"),
    ("Ctrl+Enter", "planui.keys.save"),
)
"""What the shell's ``?`` list says about the plan's keys (``plan-keys.js`` handles them)."""


class PlanKeys(esm.Widget):  # type: ignore[misc]
    """Listens for the plan's keys while the plan part is on screen; shows ``hint``."""

    _esm = traitlets.Unicode(esm.module("plan-keys")).tag(sync=True)
    hint = traitlets.Unicode("").tag(sync=True)
