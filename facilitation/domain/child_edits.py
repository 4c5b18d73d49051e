"""Edits of the child's voice: the pages of a story, the Three Houses, feedback (each returns an ``Edit``).

A story that has a later version is kept as it was: its pages are read-only (``story_superseded``). Texts
are stored as typed (ends trimmed); drawings are checked and kept inside their box (``drawing.clean``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from . import drawing
from .case import Case, Edit
from .child_voice import MAX_CONTACTS, DraftPage, new_version, pages_of
from .errors import ValidationError
from .model_child import Feedback, HouseEntry, StoryPage
from .ops import clean, combine, create, delete, new_id, reorder, update

MAX_PICTOGRAMS = 6
MAX_PAGE_CONTACTS = MAX_CONTACTS + 2
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")

# ---- stories -----------------------------------------------------------------------------------------


def later_version(case: Case, story_id: str) -> str | None:
    """The id of a version made from this story, if any."""
    return next((s.id for s in case.stories.values() if s.previous == story_id), None)


def check_editable(case: Case, story_id: str) -> None:
    """An earlier version is read-only: it stays as it was told."""
    case.get("story", story_id)
    if later_version(case, story_id) is not None:
        raise ValidationError("story", "story_superseded")


def _pictograms(names: Iterable[str], field: str) -> tuple[str, ...]:
    out = tuple(dict.fromkeys(names))
    if len(out) > MAX_PICTOGRAMS:
        raise ValidationError(field, "too_many_pictograms", max=MAX_PICTOGRAMS)
    for n in out:
        if not isinstance(n, str) or not _NAME.match(n):
            raise ValidationError(field, "pictogram_unknown", name=str(n)[:40])
    return out


def _contacts(case: Case, ids: Iterable[str]) -> tuple[str, ...]:
    out = tuple(dict.fromkeys(ids))
    if len(out) > MAX_PAGE_CONTACTS:
        raise ValidationError("story_page.contacts", "too_many_contacts", max=MAX_PAGE_CONTACTS)
    for pid in out:
        if pid not in case.people:
            raise ValidationError("story_page.contacts", "person_unknown")
        if case.people[pid].is_child:
            raise ValidationError("story_page.contacts", "contact_is_child")
    return out


def set_title(case: Case, story_id: str, title: str) -> Edit:
    check_editable(case, story_id)
    return update(case, "story", story_id, "edit.story_title", title=clean(title))


def add_page(case: Case, story_id: str, topic: str = "own", after: str | None = None) -> tuple[Edit, str]:
    """A new empty page at the end, or right after page ``after``."""
    check_editable(case, story_id)
    pages = pages_of(case, story_id)
    position = (pages[-1].position + 1.0) if pages else 1.0
    if after is not None:
        ids = [p.id for p in pages]
        if after in ids:
            i = ids.index(after)
            nxt = pages[i + 1].position if i + 1 < len(pages) else pages[i].position + 2.0
            position = (pages[i].position + nxt) / 2
    pid = new_id("sp-")
    page = StoryPage(id=pid, story=story_id, topic=topic, position=position)  # type: ignore[arg-type]
    return create(page, "edit.add_page"), pid


def update_page(case: Case, page_id: str, **fields: Any) -> Edit:
    """Change a page's text, topic, drawing, pictograms or contacts (checked; one edit)."""
    page: StoryPage = case.get("story_page", page_id)
    check_editable(case, page.story)
    if "text" in fields:
        fields["text"] = clean(fields["text"])
    if "drawing" in fields:
        fields["drawing"] = drawing.clean(fields["drawing"], "story_page.drawing")
    if "pictograms" in fields:
        fields["pictograms"] = _pictograms(fields["pictograms"], "story_page.pictograms")
    if "contacts" in fields:
        fields["contacts"] = _contacts(case, fields["contacts"])
    return update(case, "story_page", page_id, "edit.story_page", **fields)


def remove_page(case: Case, page_id: str) -> Edit:
    page: StoryPage = case.get("story_page", page_id)
    check_editable(case, page.story)
    return delete(case, "story_page", page_id, "edit.remove_page")


def move_page(case: Case, page_id: str, step: int) -> Edit:
    """Move a page ``step`` places earlier (negative) or later in its story (one place: the two swap)."""
    page: StoryPage = case.get("story_page", page_id)
    check_editable(case, page.story)
    pages = pages_of(case, page.story)
    if abs(step) == 1:
        return reorder(case, "story_page", page_id, step, pages)
    ids = [p.id for p in pages]
    i = ids.index(page_id)
    j = min(max(i + step, 0), len(ids) - 1)
    if i == j:
        return Edit("edit.reorder", ())
    ids.insert(j, ids.pop(i))
    edits = [
        update(case, "story_page", pid, "edit.reorder", position=float(n))
        for n, pid in enumerate(ids, start=1)
        if case.story_pages[pid].position != float(n)
    ]
    return combine("edit.reorder", edits)


def next_version(case: Case, story_id: str, made_on: str, draft: Iterable[DraftPage] = ()) -> tuple[Edit, str]:
    """The next version of a story, as a full Words and Pictures story: the pages kept as they are, and the
    draft's pages for topics the story does not have yet (the immediate story grows into the full one),
    each in its place in the draft's order."""
    edit, sid = new_version(case, story_id, made_on, kind="words_pictures")
    grown = case.apply(edit)
    pages = pages_of(grown, sid)
    have = {p.topic for p in pages}
    order = [d.topic for d in draft]
    edits = [edit]
    for d in draft:
        if d.topic in have or d.topic == "own":
            continue
        rank = order.index(d.topic)
        before = [p.position for p in pages if p.topic in order and order.index(p.topic) < rank]
        after = [p.position for p in pages if p.topic in order and order.index(p.topic) > rank]
        lo = max(before, default=min((p.position for p in pages), default=1.0) - 1.0)
        hi = min((a for a in after if a > lo), default=lo + 2.0)
        page = StoryPage(
            id=new_id("sp-"),
            story=sid,
            topic=d.topic,
            text=d.text,
            pictograms=d.pictograms,
            contacts=d.contacts,
            position=(lo + hi) / 2,
        )
        pages.append(page)
        edits.append(create(page, "edit.story_version"))
    return combine("edit.story_version", edits), sid


def remove_story(case: Case, story_id: str) -> Edit:
    """Remove the newest version of a story with its pages (an earlier version stays, and is editable again)."""
    check_editable(case, story_id)
    edits = [delete(case, "story_page", p.id, "edit.remove_story") for p in pages_of(case, story_id)]
    edits.append(delete(case, "story", story_id, "edit.remove_story"))
    return combine("edit.remove_story", edits)


# ---- Three Houses --------------------------------------------------------------------------------------


def _entry_fields(fields: dict[str, Any]) -> dict[str, Any]:
    if "text" in fields:
        fields["text"] = clean(fields["text"])
    if "drawing" in fields:
        fields["drawing"] = drawing.clean(fields["drawing"], "house_entry.drawing")
    if "pictograms" in fields:
        fields["pictograms"] = _pictograms(fields["pictograms"], "house_entry.pictograms")
    return fields


def _not_empty(entry: HouseEntry) -> None:
    if not entry.text.strip() and drawing.is_empty(entry.drawing) and not entry.pictograms:
        raise ValidationError("house_entry.text", "entry_empty")


def add_house_entry(case: Case, child_id: str, house: str, made_on: str, **fields: Any) -> tuple[Edit, str]:
    """Something a child puts in one of the Three Houses: private until the child allows it (``shareable``)."""
    if child_id not in case.people or not case.people[child_id].is_child:
        raise ValidationError("house_entry.child", "person_unknown")
    fields = _entry_fields(dict(fields))
    siblings = [e for e in case.house_entries.values() if e.child == child_id and e.house == house]
    position = max((e.position for e in siblings), default=0.0) + 1.0
    eid = new_id("he-")
    entry = HouseEntry.from_dict(
        {"id": eid, "child": child_id, "house": house, "made_on": made_on, "position": position, **fields}
    )
    _not_empty(entry)
    return create(entry, "edit.add_house_entry"), eid


def update_house_entry(case: Case, entry_id: str, **fields: Any) -> Edit:
    edit = update(case, "house_entry", entry_id, "edit.house_entry", **_entry_fields(dict(fields)))
    if edit:
        _not_empty(HouseEntry.from_dict(edit.changes[0].after))
    return edit


def set_shareable(case: Case, entry_id: str, shareable: bool) -> Edit:
    """The child's choice: may this be shown to the network (*mag getoond worden*)?"""
    label = "edit.house_shared" if shareable else "edit.house_private"
    return update(case, "house_entry", entry_id, label, shareable=bool(shareable))


def remove_house_entry(case: Case, entry_id: str) -> Edit:
    return delete(case, "house_entry", entry_id, "edit.remove_house_entry")


# ---- feedback -----------------------------------------------------------------------------------------


def _half(value: Any, field: str) -> float | None:
    """A subscale score 1-4 in steps of a half, or None (not given)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(field, "not_number")
    if not 1.0 <= value <= 4.0:
        raise ValidationError(field, "out_of_range", value=value, min=1, max=4)
    if round(value * 2) != value * 2:
        raise ValidationError(field, "half_steps")
    return float(value)


def _feedback_fields(case: Case, fields: dict[str, Any]) -> dict[str, Any]:
    if "person" in fields and fields["person"] not in case.people:
        raise ValidationError("feedback.person", "person_unknown")
    for name in ("result", "process"):
        if name in fields:
            fields[name] = _half(fields[name], f"feedback.{name}")
    if "comment" in fields:
        fields["comment"] = clean(fields["comment"])
    if fields.get("meeting") and fields["meeting"] not in case.meetings:
        fields["meeting"] = None
    return fields


def add_feedback(case: Case, person_id: str, moment: str, given_on: str, mark: int, **fields: Any) -> tuple[Edit, str]:
    """A child's or parent's EXIT feedback: a mark 1-10, *resultaat* and *procesverloop* 1-4 (halves allowed)."""
    data = _feedback_fields(case, {"person": person_id, **fields})
    fid = new_id("fb-")
    record = Feedback.from_dict({"id": fid, "moment": moment, "given_on": given_on, "mark": mark, **data})
    return create(record, "edit.add_feedback"), fid


def update_feedback(case: Case, feedback_id: str, **fields: Any) -> Edit:
    return update(case, "feedback", feedback_id, "edit.feedback", **_feedback_fields(case, dict(fields)))


def remove_feedback(case: Case, feedback_id: str) -> Edit:
    return delete(case, "feedback", feedback_id, "edit.remove_feedback")
