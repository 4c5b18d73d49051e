"""A family member's position on the worries and on the help (practice element 1 of seed 004's appendix).

Shown under the filter line when "Wie zei wat?" picks a person: their own words about the worries and about
the help and the professionals, next to what they said in the columns, and editable there. What is typed
stays until it is saved; a field nobody touched follows what another screen stores.
"""

from __future__ import annotations

import ipywidgets as W

from ...domain import ops
from ...domain.model import Person
from ..base import button, css, esc
from .owner import ColumnsOwner

FIELDS = ("view_on_worries", "view_on_help")


class PositionsPanel:
    """The chosen person's two positions, each in its own box, with one Save."""

    def __init__(self, view: ColumnsOwner) -> None:
        self.view = view
        self.person_id: str | None = None
        self.base: dict[str, str] = {}
        self.fields: dict[str, W.Textarea] = {}
        self.widget = css(W.VBox(), "fac-columns-positions")
        self.widget.layout.display = "none"

    def build(self) -> None:
        """Make the two boxes the first time a person is chosen in the filter."""
        if self.fields:
            return
        view = self.view
        self.title = css(W.HTML(), "fac-position-title")
        self.labels = {name: css(W.HTML(), "fac-position-label") for name in FIELDS}
        self.fields = {
            name: css(
                W.Textarea(rows=3, continuous_update=False, layout=W.Layout(width="100%")),
                f"fac-position-{name.removeprefix('view_on_')}",
            )
            for name in FIELDS
        }
        for name in FIELDS:
            view.text(self.fields[name], f"columns.position.{name}_ph", "placeholder")
            # Stored when the box is left (the page sends the words then): choosing another person loses nothing.
            self.fields[name].observe(lambda _ch: self.store(), "value")
        self.save = view.text(button("", "fac-position-save", style="primary"), "columns.position.save")
        self.save.on_click(lambda _b: self.store())
        boxes = [
            css(
                W.VBox([self.labels[name], self.fields[name]], layout=W.Layout(flex="1 1 18em", min_width="0")),
                "fac-position",
            )
            for name in FIELDS
        ]
        self.widget.children = [self.title, css(W.HBox(boxes), "fac-position-boxes"), self.save]

    def show(self, person: Person | None) -> None:
        """Show ``person``'s positions (None: hide), keeping what is being typed for the same person."""
        if person is None:
            self.person_id = None
            self.base = {}
            self.widget.layout.display = "none"
            return
        self.build()
        t = self.view.t
        name = person.name if not person.relation.strip() else f"{person.name} ({person.relation})"
        first = person.name.split()[0] if person.name.split() else person.name
        same = person.id == self.person_id
        self.person_id = person.id
        for field in FIELDS:
            stored = getattr(person, field)
            widget = self.fields[field]
            if not same or ops.clean(widget.value) == self.base.get(field, ""):  # not typed in: follow the store
                self.base[field] = stored
                if widget.value != stored:
                    widget.value = stored
        # The words first, then the title that says whose they are.
        for field in FIELDS:
            self.labels[field].value = esc(t(f"columns.position.{field}", name=first))
        self.title.value = f"<b>{esc(t('columns.position.title', name=name))}</b>"
        self.widget.layout.display = ""

    def touched(self) -> dict[str, str]:
        return {
            f: ops.clean(self.fields[f].value)
            for f in FIELDS
            if ops.clean(self.fields[f].value) != self.base.get(f, "")
        }

    def store(self) -> bool:
        """Save both positions as one step (only what changed here)."""
        pid = self.person_id
        changed = self.touched()
        if pid is None:
            return False
        if not changed:
            return True
        s = self.view.session
        self.base.update(changed)  # before the edit: the view then shows the stored words, not "typed"
        if not s.do(lambda case: ops.update(case, "person", pid, "columns.position.edit", **changed)):
            self.base.update(
                {f: getattr(s.case.people[pid], f) for f in changed} if s.case and pid in s.case.people else {}
            )
            return False
        s.set_status(self.view.t("columns.position.saved", name=s.case.name_of(pid) if s.case else ""), "ok")
        return True
