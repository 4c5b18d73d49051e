"""The case as it stood at one meeting, in one language: what every document of the family's trajectory reads."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property

from ..domain.case import Case
from ..domain.errors import NotFoundError
from ..domain.model import ELEMENTS, Agreement, Item, Meeting, Person, PlanVersion, Review
from ..domain.trajectory import STEPS
from ..domain.vocab import BOTTOM_LINE_SETTERS
from ..i18n import translate
from . import plan_content
from .common import age_text, clean_text, first_name, long_date

FAMILY_MEETINGS = tuple(s.meeting_kind for s in STEPS if s.meeting_kind)
"""The meetings of the family's trajectory (seed 004's table), not the reflecting team's or a training's."""


class PlanView:
    """The case seen from one meeting: what was known by then, names resolved, in one language.

    ``version_id`` chooses a signed version of the plan; by default the latest signed at or before the
    meeting. Without any signed version the plan is shown as it stands (a draft).
    """

    def __init__(
        self,
        case: Case,
        lang: str = "nl",
        meeting_id: str | None = None,
        version_id: str | None = None,
        seats: Mapping[str, int] | None = None,
    ) -> None:
        self.case = case
        self.seats = seats
        """The network screen's seats (the printed map is the screen's); None: by id, as the screen falls back."""
        self.lang = lang
        if meeting_id is not None:
            self.meeting: Meeting | None = case.get("meeting", meeting_id)
        else:
            ms = case.meetings_by_date()
            self.meeting = ms[-1] if ms else None
        self.info = case.info
        self._version_id = version_id
        if version_id is not None and version_id not in case.plan_versions:
            raise NotFoundError("unknown_plan_version", version=version_id)

    def t(self, key: str, **params: object) -> str:
        return translate(self.lang, key, **params)

    @property
    def on(self) -> str:
        """The date the document speaks of: the meeting's (ISO), "" without a meeting."""
        return self.meeting.date if self.meeting is not None else ""

    # ---- what counts at this meeting ----------------------------------------------------------

    @cached_property
    def _later_meetings(self) -> set[str]:
        """Meetings held after the chosen one: their items and agreements are not yet in this plan."""
        if self.meeting is None:
            return set()
        m = self.meeting
        return {x.id for x in self.case.meetings.values() if x.date > m.date}

    def _known(self, meeting_id: str | None) -> bool:
        return meeting_id is None or meeting_id not in self._later_meetings

    def items(self, element: str) -> list[Item]:
        return [i for i in self.case.items_of(element) if self._known(i.meeting)]

    @cached_property
    def agreements(self) -> list[Agreement]:
        return [a for a in self.case.agreements_in_order() if self._known(a.meeting)]

    @cached_property
    def numbers(self) -> dict[str, int]:
        """Item id -> its number within its element (1-based), as printed in the documents."""
        out: dict[str, int] = {}
        for col in ELEMENTS.values():
            for element in col:
                for n, item in enumerate(self.items(element), 1):
                    out[item.id] = n
        return out

    def item_ref(self, item_id: str) -> str:
        item = self.case.items.get(item_id)
        if item is None or item_id not in self.numbers:
            return ""
        return f"{self.t('element_one.' + item.element)} {self.numbers[item_id]}"

    # ---- the plan: a signed version or the plan as it stands ----------------------------------

    @cached_property
    def version(self) -> PlanVersion | None:
        if self._version_id is not None:
            return self.case.plan_versions[self._version_id]
        return plan_content.version_for(self.case, self.meeting)

    @cached_property
    def plan(self) -> plan_content.PlanContent:
        if self.version is not None:
            return plan_content.from_version(self.case, self.version)
        items = {e: self.items(e) for e in plan_content.PLAN_ELEMENTS}
        return plan_content.from_case(self.case, items, self.agreements)

    @cached_property
    def plan_meeting(self) -> Meeting | None:
        """The meeting that signed the version shown (else the meeting of the document)."""
        v = self.version
        if v is not None and v.meeting:
            return self.case.meetings.get(v.meeting, self.meeting)
        return self.meeting

    def reviews_of(self, agreement_id: str) -> list[tuple[Meeting, Review]]:
        """The reviews of one agreement up to the meeting, oldest first."""
        until = self.on or "9999-12-31"
        out = []
        for r in self.case.reviews.values():
            m = self.case.meetings.get(r.meeting)
            if r.agreement == agreement_id and m is not None and m.date <= until:
                out.append((m, r))
        out.sort(key=lambda mr: (mr[0].date, mr[0].id))
        return out

    # ---- people -------------------------------------------------------------------------------

    def name(self, person_id: str | None) -> str:
        return clean_text(self.case.name_of(person_id))

    def names(self, ids: Iterable[str]) -> list[str]:
        return [self.name(p) for p in ids if p in self.case.people]

    def age(self, p: Person) -> str:
        """The person's age on the meeting's date: in months under two, never "0 jaar"."""
        return age_text(self.lang, p.birth_date, self.on or None, p.age)

    def role(self, p: Person) -> str:
        """What a person is to the children: their relation, or ``kind, 15 jaar``, or their sector."""
        if p.relation.strip():
            return clean_text(p.relation.strip())
        if p.is_child:
            age = self.age(p)
            return self.t("export.child_age", age=age) if age else self.t("export.child")
        return self.t(f"sector.{p.sector}")

    def set_by(self, value: str) -> str:
        """Who set a bottom line, in the reader's language ("judge" -> "de jeugdrechter")."""
        v = value.strip()
        return self.t(f"setter.{v}") if v in BOTTOM_LINE_SETTERS else clean_text(v)

    def phone(self, person_id: str | None) -> str:
        p = self.case.people.get(person_id) if person_id else None
        return clean_text(p.phone.strip()) if p else ""

    @cached_property
    def present(self) -> list[Person]:
        if self.meeting is None:
            return []
        people = self.case.people
        return [people[p] for p in self.meeting.present if p in people]

    @cached_property
    def children(self) -> list[Person]:
        return self.case.children()

    @cached_property
    def child_first_names(self) -> list[str]:
        return [first_name(c.name) for c in self.children]

    @cached_property
    def consultant(self) -> Person | None:
        cid = self.info.consultant
        return self.case.people.get(cid) if cid else None

    @cached_property
    def signers(self) -> list[Person]:
        """Everyone who committed (signed the version, else agreed to an agreement; if nobody has yet, everyone
        present), children and family first; the consultant signs apart."""
        people = self.case.people
        ids: list[str] = []
        if self.version is not None and self.version.signed_by:
            ids = [p for p in self.version.signed_by if p in people]
        if not ids:
            ids = list(dict.fromkeys(p for a in self.agreements for p in a.agreed_by if p in people))
        if not ids:
            ids = [p.id for p in self.present]
        consultant = self.info.consultant
        return [people[p] for p in ids if p != consultant]

    @cached_property
    def contacts(self) -> list[Person]:
        """People a child can call: owners and backups of agreements, then the safety network (no children)."""
        people = self.case.people
        seen: dict[str, None] = {}
        for a in self.agreements:
            for p in (a.owner, a.backup):
                if p and p in people and not people[p].is_child:
                    seen.setdefault(p)
        for person in sorted(people.values(), key=lambda x: (x.closeness, x.sector != "family", x.name)):
            if person.in_safety_network and not person.is_child:
                seen.setdefault(person.id)
        return [people[p] for p in seen]

    # ---- meetings -----------------------------------------------------------------------------

    def meeting_name(self, m: Meeting) -> str:
        """``Tussentijdse evaluatie``; a title that only repeats the kind is not said twice."""
        kind = self.t(f"meeting_kind.{m.kind}")
        title = clean_text(m.title.strip())
        if not title or title.casefold() == kind.casefold():
            return kind
        if kind.casefold() in title.casefold():
            return title
        return f"{title} ({kind.lower()})"

    def meeting_line(self) -> str:
        if self.meeting is None:
            return self.t("export.no_meeting")
        m = self.meeting
        return f"{self.meeting_name(m)} · {long_date(self.lang, m.date)}"

    @cached_property
    def family_meetings(self) -> list[Meeting]:
        """The family's meetings up to this one (the reflecting team's or a training's own kind included when
        the document is made at one of those)."""
        kinds = set(FAMILY_MEETINGS)
        if self.meeting is not None:
            kinds.add(self.meeting.kind)
        until = self.on or "9999-12-31"
        return [m for m in self.case.meetings_by_date() if m.kind in kinds and m.date <= until]
