"""The plan over the six weeks: each agreement reviewed at a meeting, and the versions signed (v1, v2, ...).

- ``set_review``: at an interim evaluation or a second network meeting, each agreement is said to work,
  work partly, not work, to have changed, or to be new, with a note and who said it (one ``Review`` per
  agreement per meeting). ``reviews_of`` gives an agreement's history.
- ``sign_version``: the plan as it stands at a meeting, copied into a ``PlanVersion`` (words and names as
  they are then), so that what went to the judge never changes afterwards; the network map as it stands is
  kept with the meeting in the same edit (``snapshots.with_map_kept``). ``set_sent_to_judge`` records
  the day it was sent. ``version_for`` and ``diff`` give a document the version to print and what changed
  since the previous one.

Pure functions over ``Case``; re-exported by ``domain.plan``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .case import Case, Edit
from .errors import ValidationError
from .model import Agreement, Item, Meeting
from .model_trajectory import PlanVersion, Review, SignedAgreement, SignedItem
from .ops import clean, create, new_id, update
from .snapshots import with_map_kept
from .vocab import REVIEW_STATUSES

SIGNED_ELEMENTS = ("danger_statement", "safety_goal", "bottom_line")
AGREEMENT_FIELDS = ("what", "owner", "backup", "when", "if_not", "check_how", "links")
"""What makes an agreement "changed" between two versions (its number alone does not)."""


# ---- reviews ------------------------------------------------------------------------------------


def set_review(
    case: Case,
    agreement_id: str,
    meeting_id: str,
    status: str,
    note: Any = "",
    said_by: str | None = None,
) -> Edit:
    """How an agreement is doing, as said at a meeting (replaces what was said there before)."""
    case.get("agreement", agreement_id)
    case.get("meeting", meeting_id)
    if status not in REVIEW_STATUSES:
        raise ValidationError("review.status", "not_in_choices", choices=", ".join(REVIEW_STATUSES))
    if not isinstance(note, str):
        raise ValidationError("review.note", "not_text")
    if said_by is not None and said_by not in case.people:
        raise ValidationError("review.said_by", "unknown_person")
    key = Review.key(agreement_id, meeting_id)
    data = {"status": status, "note": clean(note), "said_by": said_by}
    if key in case.reviews:
        return update(case, "review", key, "edit.review", **data)
    record = Review.from_dict({"id": key, "agreement": agreement_id, "meeting": meeting_id, **data}, "review")
    return create(record, "edit.review")


def review_at(case: Case, agreement_id: str, meeting_id: str | None) -> Review | None:
    if meeting_id is None:
        return None
    return case.reviews.get(Review.key(agreement_id, meeting_id))


@dataclass(frozen=True)
class ReviewEntry:
    """One line of an agreement's history: the meeting and what was said there."""

    meeting: Meeting
    review: Review


def reviews_of(case: Case, agreement_id: str, until: str | None = None) -> list[ReviewEntry]:
    """An agreement's reviews in meeting order; ``until``: only meetings dated on or before that date."""
    out = []
    for r in case.reviews.values():
        m = case.meetings.get(r.meeting)
        if r.agreement == agreement_id and m is not None and (until is None or m.date <= until):
            out.append(ReviewEntry(m, r))
    out.sort(key=lambda e: (e.meeting.date, e.meeting.id))
    return out


def suggested_status(agreement: Agreement, meeting: Meeting) -> str | None:
    """An agreement made at this very meeting is new there (shown as the choice until one is made)."""
    return "new" if agreement.meeting == meeting.id else None


# ---- signing versions ---------------------------------------------------------------------------


def versions(case: Case) -> list[PlanVersion]:
    """Every signed version, v1 first."""
    return sorted(case.plan_versions.values(), key=lambda v: (v.number, v.signed_on, v.id))


def version_for(case: Case, meeting_id: str | None) -> PlanVersion | None:
    """The version signed at this meeting (the highest number if it was signed twice), or None."""
    found = [v for v in versions(case) if meeting_id is not None and v.meeting == meeting_id]
    return found[-1] if found else None


def previous_version(case: Case, version: PlanVersion) -> PlanVersion | None:
    """The version before this one (by number), or None for v1."""
    earlier = [v for v in versions(case) if v.number < version.number]
    return earlier[-1] if earlier else None


def _known_at(case: Case, meeting: Meeting, record_meeting: str | None) -> bool:
    """Was a record (item, agreement) there at this meeting? Not if it was made at a later meeting."""
    if record_meeting is None or record_meeting not in case.meetings:
        return True
    return case.meetings[record_meeting].date <= meeting.date


def plan_at(case: Case, meeting: Meeting) -> tuple[list[Item], list[Agreement]]:
    """The danger statements, safety goals, bottom lines and agreements as they stand at a meeting."""
    items = [i for el in SIGNED_ELEMENTS for i in case.items_of(el) if _known_at(case, meeting, i.meeting)]
    agreements = [a for a in case.agreements_in_order() if _known_at(case, meeting, a.meeting)]
    return items, agreements


def signers(case: Case, meeting: Meeting, agreements: Iterable[Agreement]) -> tuple[str, ...]:
    """Who signs: everyone who agreed to an agreement; if nobody has yet, everyone present."""
    seen: dict[str, None] = {}
    for a in agreements:
        for p in a.agreed_by:
            if p in case.people:
                seen.setdefault(p)
    if not seen:
        for p in meeting.present:
            if p in case.people:
                seen.setdefault(p)
    return tuple(seen)


def sign_version(case: Case, meeting_id: str, signed_on: str | date | None = None) -> tuple[Edit, str]:
    """Store the plan as signed at a meeting: v1, v2, ... A version of this meeting not yet sent to the judge
    is replaced (same number); once sent it stays as sent, and signing again makes the next number."""
    meeting: Meeting = case.get("meeting", meeting_id)
    items, agreements = plan_at(case, meeting)
    if not agreements:
        raise ValidationError("plan_version.agreements", "no_agreements")
    on = signed_on.isoformat() if isinstance(signed_on, date) else (signed_on or meeting.date)
    signed_items = tuple(
        SignedItem(item=i.id, element=i.element, text=i.text, set_by=i.set_by)  # type: ignore[arg-type]
        for i in items
    )
    signed = tuple(
        SignedAgreement(
            agreement=a.id,
            number=n,
            what=a.what,
            owner=a.owner if a.owner in case.people else None,
            owner_name=case.name_of(a.owner),
            backup=a.backup if a.backup in case.people else None,
            backup_name=case.name_of(a.backup),
            when=a.when,
            if_not=a.if_not,
            check_how=a.check_how,
            links=tuple(lid for lid in a.links if any(i.id == lid for i in items)),
            agreed_by=tuple(case.name_of(p) for p in a.agreed_by if p in case.people),
        )
        for n, a in enumerate(agreements, start=1)
    )
    fields: dict[str, Any] = {
        "meeting": meeting_id,
        "signed_on": on,
        "items": [i.to_dict() for i in signed_items],
        "agreements": [a.to_dict() for a in signed],
        "signed_by": list(signers(case, meeting, agreements)),
    }
    mine = version_for(case, meeting_id)
    if mine is not None and not mine.sent_to_judge_on:
        edit, vid = update(case, "plan_version", mine.id, "edit.sign_version", **fields), mine.id
    else:
        number = max((v.number for v in case.plan_versions.values()), default=0) + 1
        vid = new_id("v-")
        record = PlanVersion.from_dict({"id": vid, "number": number, **fields}, "plan_version")
        edit = create(record, "edit.sign_version", n=number)
    # The network map as it stands at the signing is kept with the meeting, in the same edit (one undo).
    return with_map_kept(case, edit, meeting_id, on), vid


def set_sent_to_judge(case: Case, version_id: str, on: str | date | None) -> Edit:
    """ "Naar de jeugdrechter gestuurd op": the day this version was sent (None or "": not sent)."""
    version: PlanVersion = case.get("plan_version", version_id)
    value = on.isoformat() if isinstance(on, date) else (on or "")
    if value and value < version.signed_on:
        raise ValidationError("plan_version.sent_to_judge_on", "sent_before_signed")
    return update(case, "plan_version", version_id, "edit.sent_to_judge", sent_to_judge_on=value)


# ---- what changed between two versions ----------------------------------------------------------


@dataclass(frozen=True)
class AgreementChange:
    """One agreement in both versions, with the fields that differ (``AGREEMENT_FIELDS``)."""

    before: SignedAgreement
    after: SignedAgreement
    fields: tuple[str, ...]


@dataclass(frozen=True)
class ItemChange:
    before: SignedItem
    after: SignedItem


@dataclass(frozen=True)
class PlanDiff:
    """What changed from ``previous`` (None: nothing was signed before) to ``version``."""

    previous: PlanVersion | None
    version: PlanVersion
    added: tuple[SignedAgreement, ...]
    removed: tuple[SignedAgreement, ...]
    changed: tuple[AgreementChange, ...]
    items_added: tuple[SignedItem, ...]
    items_removed: tuple[SignedItem, ...]
    items_changed: tuple[ItemChange, ...]

    @property
    def empty(self) -> bool:
        return not (
            self.added or self.removed or self.changed or self.items_added or self.items_removed or self.items_changed
        )

    def owner_changes(self) -> tuple[AgreementChange, ...]:
        """Agreements whose owner or backup changed (the people who carry the plan)."""
        return tuple(c for c in self.changed if {"owner", "backup"} & set(c.fields))


def _who(a: SignedAgreement, role: str) -> tuple[str | None, str]:
    pid, name = (a.owner, a.owner_name) if role == "owner" else (a.backup, a.backup_name)
    return (pid, "") if pid else (None, name)


def _changed_fields(before: SignedAgreement, after: SignedAgreement) -> tuple[str, ...]:
    out = []
    for f in AGREEMENT_FIELDS:
        if f in ("owner", "backup"):
            if _who(before, f) != _who(after, f):
                out.append(f)
        elif f == "links":
            if set(before.links) != set(after.links):
                out.append(f)
        elif " ".join(str(getattr(before, f)).split()) != " ".join(str(getattr(after, f)).split()):
            out.append(f)
    return tuple(out)


def diff(previous: PlanVersion | None, version: PlanVersion) -> PlanDiff:
    """What changed since the previous version: agreements added, removed, changed (which fields, owner and
    backup included), and danger statements, safety goals and bottom lines added, removed or reworded."""
    before = {a.agreement: a for a in previous.agreements} if previous is not None else {}
    after = {a.agreement: a for a in version.agreements}
    changed = []
    for aid, a in after.items():
        if aid in before:
            fields = _changed_fields(before[aid], a)
            if fields:
                changed.append(AgreementChange(before[aid], a, fields))
    items_before = {i.item: i for i in previous.items} if previous is not None else {}
    items_after = {i.item: i for i in version.items}
    return PlanDiff(
        previous=previous,
        version=version,
        added=tuple(a for aid, a in after.items() if aid not in before),
        removed=tuple(a for aid, a in before.items() if aid not in after),
        changed=tuple(changed),
        items_added=tuple(i for iid, i in items_after.items() if iid not in items_before),
        items_removed=tuple(i for iid, i in items_before.items() if iid not in items_after),
        items_changed=tuple(
            ItemChange(items_before[iid], i)
            for iid, i in items_after.items()
            if iid in items_before and " ".join(items_before[iid].text.split()) != " ".join(i.text.split())
        ),
    )


def diff_for(case: Case, version: PlanVersion) -> PlanDiff:
    """``diff`` against the version before this one."""
    return diff(previous_version(case, version), version)
