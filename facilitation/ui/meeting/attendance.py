"""Who is present: a checkbox per person on the network map, family first, professionals last, and
"everyone on the map is here" in one click (issues 14.6 and 22.6: no Ctrl+click in a list).

Used by the meeting part (who is at the current meeting) and by the shell's new-meeting form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...domain.case import Case
from ...domain.model import SECTORS, Person
from .checklist import Checklist, Choice, Group

Translate = Callable[..., str]


def person_label(t: Translate, p: Person) -> str:
    """ "Rita Maes (grootmoeder)"; a child without a relation is marked as a child."""
    extra = p.relation.strip() or (t("meeting.present.child") if p.is_child else "")
    return f"{p.name} ({extra})" if extra else p.name


def _order(p: Person) -> tuple[Any, ...]:
    # In the family: the children, then their parents and carers, then the others; by name within each.
    return (not p.is_child, not p.is_carer, p.name.casefold())


def attendance_groups(case: Case | None, t: Translate) -> list[Group]:
    """Everyone on the map by sector, in the map's order (family, friends, school, professionals)."""
    if case is None:
        return []
    out = []
    for sector in SECTORS:
        people = sorted((p for p in case.people.values() if p.sector == sector), key=_order)
        choices = tuple(Choice(p.id, person_label(t, p), "fac-attend-child" if p.is_child else "") for p in people)
        out.append(Group(t(f"meeting.present.group.{sector}"), choices))
    return out


class Attendance(Checklist):
    """The checkboxes of who is present (CSS class of each: ``fac-attend-person``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(item_class="fac-attend-person", **kwargs)
        self.add_class("fac-attendance")

    def show_people(self, case: Case | None, t: Translate) -> None:
        """The people of ``case`` with texts in the current language; ticks of people still there are kept."""
        with self.hold_sync():
            self.set_groups(attendance_groups(case, t))
            self.all_label = t("meeting.present.all")
            self.none_label = t("meeting.present.none")
            self.count_template = t("meeting.present.count", n="{n}")
            self.empty_text = t("meeting.present.empty")
