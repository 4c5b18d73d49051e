"""A list of checkboxes in groups, drawn in the browser as one widget (``ui/js/checklist.js``).

Used for who is present at a meeting and for what an agreement answers: twenty people or a hundred and
fifty danger statements, goals and bottom lines are one model in the browser, not one (or three) each.
``value`` is the tuple of ticked ids, set by the page when a box is ticked and by Python to show what is
stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import traitlets
from ipywidgets.widgets.trait_types import TypedTuple

from .. import esm


@dataclass(frozen=True)
class Choice:
    """One checkbox: the id it stands for, its label (plain text), extra CSS classes."""

    id: str
    label: str
    cls: str = ""


@dataclass(frozen=True)
class Group:
    title: str
    choices: tuple[Choice, ...]


def groups_trait(groups: Iterable[Group]) -> list[dict[str, Any]]:
    return [
        {"title": g.title, "items": [{"id": c.id, "label": c.label, "cls": c.cls} for c in g.choices]}
        for g in groups
        if g.choices
    ]


class Checklist(esm.Widget):  # type: ignore[misc]
    """Checkboxes in groups; ``value``: the ticked ids (in the order shown)."""

    _esm = traitlets.Unicode(esm.module("checklist")).tag(sync=True)
    groups = traitlets.List(traitlets.Dict()).tag(sync=True)
    value = TypedTuple(trait=traitlets.Unicode()).tag(sync=True)
    item_class = traitlets.Unicode("").tag(sync=True)
    all_label = traitlets.Unicode("").tag(sync=True)
    none_label = traitlets.Unicode("").tag(sync=True)
    count_template = traitlets.Unicode("").tag(sync=True)
    """Shown beside the buttons with ``{n}`` the number ticked (empty: no count)."""
    empty_text = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)

    def set_groups(self, groups: Sequence[Group]) -> None:
        """Show these choices; ticks of ids no longer shown are dropped."""
        data = groups_trait(groups)
        shown = {c.id for g in groups for c in g.choices}
        with self.hold_sync():
            if data != self.groups:
                self.groups = data
            kept = tuple(v for v in self.value if v in shown)
            if kept != self.value:
                self.value = kept

    @property
    def options(self) -> list[tuple[str, str]]:
        """(label, id) of every choice, in the order shown."""
        return [(item["label"], item["id"]) for g in self.groups for item in g["items"]]

    def tick(self, ids: Iterable[str]) -> None:
        """Act as the page does when boxes are ticked (tests call this)."""
        self.set_state({"value": [i for i in ids]})
