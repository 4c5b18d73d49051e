"""The network part's keyboard: Alt+P puts the cursor in quick add (people one a line), from wherever one is
in the part; the map's own keys (Escape closes an editor, Enter saves it) are in ``ui/js/network-input.js``.

P for *personen* and *people*: the same key on AZERTY and QWERTY (bound by ``code``, as the columns' Alt+N),
and no other part or the shell uses Alt+P."""

from __future__ import annotations

from typing import Any

from ..keys import binding

QUICK_ADD = ".fac-quick-add textarea"

SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Alt+P", "network.keys.quick_add"),
    ("Enter", "network.keys.enter"),
)
"""What the shell's ``?`` list says about this part's keys (Escape is the shell's own entry)."""


def key_bindings() -> list[dict[str, Any]]:
    """The kernel closes an open editor first (the quick-add field is hidden while someone is open)."""
    return [binding(code="KeyP", alt=True, send="quick_add", reveal=QUICK_ADD)]


def on_key(view: Any, name: str) -> None:
    """``view``: the ``NetworkView``. An editor with unsaved details stays open (``select`` says why)."""
    if name != "quick_add":
        return
    if view.selected is not None:
        view.select(None)
        if view.selected is not None:
            return
    view.input.ask_focus(QUICK_ADD)  # after the editor has gone and the field is shown again
