"""Upgrading case files of older schema versions to the current one (a plain dict in, a plain dict out).

Version 2 (this program) adds what the youth judge needs (court, file number, measure, hearing date, the
consultant and crisis worker, dates of birth), parents and carers marked as such, the second network
meeting as a kind of meeting, exceptions, the guided safety goal, reviews and signed plan versions, the
steps of the trajectory, kept maps, Family Finding, the genogram's family links and the child's voice.
All of it is optional; a version 1 file is read as it was, with two things made explicit:

- people whose relation says they are a parent or carer (``people.is_carer_relation``) are marked so
  (the plan check "N adults of the network" no longer counts them);
- a bottom line's ``set_by`` typed as a word ("jeugdrechter", "the youth judge", "consulent") becomes the
  key "judge" or "consultant", so a plan printed in another language says who set it in that language;
- a network meeting other than the first, held within a week of day 40, becomes a second network meeting.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from ..domain.people import is_carer_relation, setter_key


def upgrade(data: dict[str, Any], version: int) -> dict[str, Any]:
    """``data`` (a parsed case file of ``version``) as the current schema reads it; ``data`` is not changed."""
    out = copy.deepcopy(data)
    if version < 2:
        _v1_to_v2(out)
    return out


def _v1_to_v2(data: dict[str, Any]) -> None:
    for person in _rows(data, "people"):
        if (
            "is_carer" not in person
            and not person.get("is_child")
            and is_carer_relation(str(person.get("relation", "")))
        ):
            person["is_carer"] = True
    for item in _rows(data, "items"):
        if item.get("element") == "bottom_line" and isinstance(item.get("set_by"), str):
            item["set_by"] = setter_key(item["set_by"])
    _second_network_meeting(data)


def _rows(data: dict[str, Any], section: str) -> list[dict[str, Any]]:
    rows = data.get(section)
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def _second_network_meeting(data: dict[str, Any]) -> None:
    case = data.get("case")
    start_text = case.get("start_date") if isinstance(case, dict) else None
    try:
        start = date.fromisoformat(start_text) if isinstance(start_text, str) and start_text else None
    except ValueError:
        return
    if start is None:
        return
    network = []
    for m in _rows(data, "meetings"):
        try:
            when = date.fromisoformat(str(m.get("date", "")))
        except ValueError:
            continue
        if m.get("kind", "network_meeting") == "network_meeting":
            network.append((when, str(m.get("id", "")), m))
    network.sort(key=lambda x: (x[0], x[1]))
    for when, _mid, m in network[1:]:
        day = (when - start).days + 1
        if abs(day - 40) <= 7:
            m["kind"] = "second_network_meeting"
