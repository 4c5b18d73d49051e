"""Each agreement in turn at an interim evaluation or a second network meeting: does it work?

``ReviewCard`` is one browser-side widget (``ui/js/review-card.js``): the agreement in large type, what was
said about it at earlier meetings, five choices (werkt, werkt deels, werkt niet, gewijzigd, nieuw; keys 1-5),
a note and who said it; Enter saves it and shows the next agreement. ``card_data`` builds what it shows
from the case (pure); the meeting part stores what comes back with ``plan.set_review``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import traitlets

from ...domain.case import Case
from ...domain.model import Agreement, Meeting, Person
from ...domain.plan import plan_at, review_at, reviews_of, suggested_status
from ...domain.vocab import REVIEW_STATUSES
from ...export.common import long_date
from .. import esm

Translate = Callable[..., str]

GLYPHS = {"works": "✓", "partly": "½", "not_working": "✗", "changed": "✎", "new": "+"}


def review_labels(t: Translate) -> dict[str, Any]:
    """The card's fixed texts in the current language."""
    keys = ("note", "note_ph", "said_by", "nobody_option", "save_next", "prev", "next", "earlier", "none_earlier")
    out: dict[str, Any] = {k: t(f"reviewui.{k}") for k in keys}
    out["statuses"] = [[s, t(f"review.{s}")] for s in REVIEW_STATUSES]
    out["key_hint"] = t("reviewui.key_hint", n="{n}")
    # The overview's dots say the status by a sign too, not by colour alone.
    out["glyphs"] = dict(GLYPHS)
    out["names"] = {s: t(f"review.{s}") for s in REVIEW_STATUSES}
    return out


def to_review(case: Case, meeting: Meeting) -> list[Agreement]:
    """The agreements a meeting goes through: the plan as it stands at that meeting."""
    return plan_at(case, meeting)[1]


def _person(t: Translate, p: Person | None) -> str:
    if p is None:
        return t("reviewui.nobody")
    return f"{p.name} ({p.relation})" if p.relation.strip() else p.name


def _history(case: Case, t: Translate, lang: str, a: Agreement, meeting: Meeting) -> list[dict[str, str]]:
    out = []
    for e in reviews_of(case, a.id, until=meeting.date):
        if e.meeting.id == meeting.id:
            continue
        kind = e.meeting.title.strip() or t(f"meeting_kind.{e.meeting.kind}")
        status = t(f"review.{e.review.status}")
        out.append(
            {
                "label": t("reviewui.history_line", meeting=kind, date=long_date(lang, e.meeting.date), status=status),
                "status": e.review.status,
                "note": e.review.note,
                "by": t("reviewui.by", name=case.name_of(e.review.said_by)) if e.review.said_by else "",
            }
        )
    return out


def _speakers(case: Case, t: Translate, meeting: Meeting, stored: str | None) -> list[list[str]]:
    """Who can say it: the people present (everyone if nobody is marked), and whoever the stored review names."""
    ids = [p for p in meeting.present if p in case.people] or sorted(
        case.people, key=lambda p: case.people[p].name.casefold()
    )
    if stored and stored in case.people and stored not in ids:
        ids.append(stored)
    return [[pid, _person(t, case.people[pid])] for pid in ids]


def card_data(case: Case, meeting: Meeting | None, index: int, t: Translate, lang: str) -> dict[str, Any]:
    """What the card shows: the agreement at ``index`` (clamped), its history, the choices made here."""
    if meeting is None:
        return {"message": t("reviewui.no_meeting"), "overview": []}
    agreements = to_review(case, meeting)
    if not agreements:
        return {"message": t("reviewui.no_agreements"), "overview": []}
    index = max(0, min(index, len(agreements) - 1))
    overview = []
    done = 0
    for n, ag in enumerate(agreements, start=1):
        r = review_at(case, ag.id, meeting.id)
        done += r is not None
        overview.append(
            {"number": n, "status": r.status if r else "", "title": " ".join(ag.what.split())[:120]},
        )
    a = agreements[index]
    r = review_at(case, a.id, meeting.id)
    total = len(agreements)
    progress = t("reviewui.all_done") if done == total else t("reviewui.done_count", n=done, total=total)
    who = t(
        "reviewui.owner",
        owner=_person(t, case.people.get(a.owner) if a.owner else None),
        backup=_person(t, case.people.get(a.backup) if a.backup else None),
    )
    return {
        "meeting": meeting.id,
        "agreement": a.id,
        "index": index,
        "total": total,
        "heading": t("reviewui.n_of", n=index + 1, total=total),
        "what": a.what,
        "who": who,
        "history": _history(case, t, lang, a, meeting),
        "status": r.status if r else "",
        "suggested": (suggested_status(a, meeting) or "") if r is None else "",
        "note": r.note if r else "",
        "said_by": (r.said_by or "") if r else "",
        "people": _speakers(case, t, meeting, r.said_by if r else None),
        "overview": overview,
        "progress": progress,
        "message": "",
    }


class ReviewCard(esm.Widget):  # type: ignore[misc]
    """The review of one agreement at a time; tells Python ``save`` (status, note, who) and ``goto`` (index)."""

    _esm = traitlets.Unicode(esm.module("review-card")).tag(sync=True)
    card = traitlets.Dict().tag(sync=True)
    labels = traitlets.Dict().tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._on_save: list[Callable[[str, str, str], None]] = []
        self._on_goto: list[Callable[[int], None]] = []
        self.on_msg(self._on_custom_msg)

    def on_save(self, fn: Callable[[str, str, str], None]) -> None:
        self._on_save.append(fn)

    def on_goto(self, fn: Callable[[int], None]) -> None:
        self._on_goto.append(fn)

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        if content.get("event") == "save":
            status, note, by = (str(content.get(k) or "") for k in ("status", "note", "said_by"))
            for fn in list(self._on_save):
                fn(status, note, by)
        elif content.get("event") == "goto" and isinstance(content.get("index"), int):
            for go in list(self._on_goto):
                go(content["index"])

    def _send_as_page(self, content: dict[str, Any]) -> None:
        self._handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": []})

    def send_save(self, status: str, note: str = "", said_by: str = "") -> None:
        """Act as the page does when the review is saved (tests call this)."""
        self._send_as_page({"event": "save", "status": status, "note": note, "said_by": said_by})

    def send_goto(self, index: int) -> None:
        self._send_as_page({"event": "goto", "index": index})
