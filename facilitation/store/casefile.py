"""The case file: one JSON document with a ``schema_version``, documented in docs/case-file.md.

Reading validates everything (types, ranges, references) and names the field and the problem;
nothing is stored unless the whole file is sound. Only a regular file is read (not a pipe or a device), at
most ``MAX_FILE_BYTES`` of it, counted while reading; numbers are plain (no ``NaN``, ``Infinity`` or
numbers of thousands of digits); and a case stays within ``LIMITS`` (documented in docs/case-file.md).
"""

from __future__ import annotations

import json
import math
import os
import stat
import sys
from pathlib import Path
from typing import Any

from ..domain.case import Case
from ..domain.errors import ValidationError
from ..domain.model import RECORD_TYPES, Record
from .upgrade import upgrade

FORMAT = "facilitation-case"
SCHEMA_VERSION = 2
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_DIGITS = 18
"""Whole numbers in a case file are scores, ages and phases: 18 digits is more than any of them needs."""

# Most records of a kind in one case: far above any real case (a network of a few dozen people, a few
# hundred items over the six weeks), low enough that every screen and document stays quick.
LIMITS: dict[str, int] = {
    "people": 2_000,
    "ties": 20_000,
    "meetings": 1_000,
    "items": 10_000,
    "scales": 2_000,
    "scores": 100_000,
    "agreements": 5_000,
    "scenarios": 500,
    "reflections": 10_000,
    "role_cards": 2_000,
    "reveal_steps": 2_000,
}
MAX_TEXT_TOTAL = 5_000_000
"""Characters of text in one case (every text field together): some 2,500 printed pages."""

# File section -> record kind, in the order written.
SECTIONS: dict[str, str] = {
    "people": "person",
    "ties": "tie",
    "meetings": "meeting",
    "items": "item",
    "scales": "scale",
    "scores": "score",
    "agreements": "agreement",
    "scenarios": "scenario",
    "reflections": "reflection",
    "role_cards": "rolecard",
    "reveal_steps": "reveal",
    "reviews": "review",
    "plan_versions": "plan_version",
    "steps": "step",
    "map_snapshots": "map_snapshot",
    "stories": "story",
    "story_pages": "story_page",
    "house_entries": "house_entry",
    "feedback": "feedback",
}


def to_json_dict(case: Case) -> dict[str, Any]:
    out: dict[str, Any] = {"format": FORMAT, "schema_version": SCHEMA_VERSION, "case": case.info.to_dict()}
    for section, kind in SECTIONS.items():
        recs = sorted(case.all(kind), key=lambda r: (getattr(r, "position", 0.0), r.id))
        out[section] = [r.to_dict() for r in recs]
    return out


def _finite(value: Any) -> Any:
    """A number JSON can hold: NaN and infinities (from a store written before they were refused) become
    null where the field may be empty, else the nearest finite number; JSON has no word for them."""
    if isinstance(value, float) and not math.isfinite(value):
        if math.isnan(value):
            return 0.0
        return math.copysign(sys.float_info.max, value)
    if isinstance(value, dict):
        return {k: (None if k in ("x", "y") and _bad(v) else _finite(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _bad(value: Any) -> bool:
    return isinstance(value, float) and not math.isfinite(value)


def dumps(case: Case) -> str:
    """The case file's text; always valid JSON (``allow_nan=False``)."""
    return json.dumps(_finite(to_json_dict(case)), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _whole(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise ValidationError("file", "number_too_long", digits=digits, max=MAX_DIGITS)
    return int(text)


def _decimal(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999
        raise ValidationError("file", "not_finite", value=text[:20])
    return value


def _constant(name: str) -> Any:  # NaN, Infinity, -Infinity: not JSON, but Python's reader takes them
    raise ValidationError("file", "not_finite", value=name)


def parse_bytes(raw: bytes) -> Case:
    """Bytes of a case file -> a validated case, or ValidationError saying what is wrong and where."""
    if len(raw) > MAX_FILE_BYTES:
        raise ValidationError("file", "file_too_big", max_mb=MAX_FILE_BYTES // (1024 * 1024))
    if not raw.strip():
        raise ValidationError("file", "file_empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValidationError("file", "not_utf8", position=e.start) from None
    try:
        data = json.loads(text, parse_int=_whole, parse_float=_decimal, parse_constant=_constant)
    except json.JSONDecodeError as e:
        raise ValidationError("file", "bad_json", line=e.lineno, column=e.colno) from None
    except RecursionError:
        raise ValidationError("file", "bad_json", line=0, column=0) from None
    return from_json_dict(data)


def read(path: str | Path) -> Case:
    """A case file on disk -> a validated case (see ``read_bytes`` for what is refused)."""
    return parse_bytes(read_bytes(path))


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file, at most ``MAX_FILE_BYTES``: a pipe, a device or a folder is refused at
    once (opening does not wait for a pipe's writer), and the limit holds while reading, whatever the file
    claims its size to be."""
    p = Path(path)
    too_big = ValidationError("file", "file_too_big", max_mb=MAX_FILE_BYTES // (1024 * 1024))
    try:
        fd = os.open(
            p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        )
    except FileNotFoundError:
        raise ValidationError(str(p), "file_not_found") from None
    except IsADirectoryError:
        raise ValidationError(str(p), "is_directory") from None
    except PermissionError:
        raise ValidationError(str(p), "no_permission") from None
    except OSError as e:
        raise ValidationError(str(p), "cannot_read", reason=e.strerror or str(e)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ValidationError(str(p), "is_directory")
        if not stat.S_ISREG(st.st_mode):
            raise ValidationError(str(p), "not_regular_file")
        if st.st_size > MAX_FILE_BYTES:
            raise too_big
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, 1024 * 1024)
            if not chunk:
                break
            total += len(chunk)
            if total > MAX_FILE_BYTES:
                raise too_big
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as e:
        raise ValidationError(str(p), "cannot_read", reason=e.strerror or str(e)) from None
    finally:
        os.close(fd)


def check_limits(data: dict[str, Any]) -> None:
    """Counts and text of a case file against ``LIMITS`` and ``MAX_TEXT_TOTAL``, before anything is built."""
    for section, most in LIMITS.items():
        rows = data.get(section)
        if isinstance(rows, list) and len(rows) > most:
            raise ValidationError(section, "too_many", count=len(rows), max=most)
    total = _text_length(data)
    if total > MAX_TEXT_TOTAL:
        raise ValidationError("file", "too_much_text", count=total, max=MAX_TEXT_TOTAL)


def _text_length(value: Any) -> int:
    todo, total = [value], 0
    while todo:
        v = todo.pop()
        if isinstance(v, str):
            total += len(v)
        elif isinstance(v, dict):
            todo.extend(v.values())
        elif isinstance(v, list):
            todo.extend(v)
    return total


def from_json_dict(data: Any) -> Case:
    if not isinstance(data, dict):
        raise ValidationError("file", "not_case_file")
    if data.get("format") != FORMAT or "case" not in data:
        raise ValidationError("format", "not_case_file")
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ValidationError("schema_version", "not_int")
    if version > SCHEMA_VERSION:
        raise ValidationError("schema_version", "future_version", version=version, supported=SCHEMA_VERSION)
    if version < 1:
        raise ValidationError("schema_version", "out_of_range", value=version, min=1, max=SCHEMA_VERSION)
    if version < SCHEMA_VERSION:
        data = upgrade(data, version)
    known = {"format", "schema_version", "case", *SECTIONS}
    extra = sorted(set(data) - known)
    if extra:
        raise ValidationError(extra[0], "unknown_field")
    check_limits(data)
    records: list[Record] = [RECORD_TYPES["case"].from_dict(data["case"], "case")]
    in_file: dict[str, list[Any]] = {}
    for section, kind in SECTIONS.items():
        rows = data.get(section, [])
        if not isinstance(rows, list):
            raise ValidationError(section, "not_list")
        seen: set[str] = set()
        for i, row in enumerate(rows):
            rec = RECORD_TYPES[kind].from_dict(row, f"{section}[{i}]")
            if rec.id in seen:
                raise ValidationError(f"{section}[{i}].id", "duplicate_id", id=rec.id[:40])
            seen.add(rec.id)
            records.append(rec)
            in_file.setdefault(kind, []).append(rec)
    case = Case.from_records(records)
    check_references(case, in_file)
    return case


def check_references(case: Case, in_file: dict[str, list[Any]] | None = None) -> None:
    """Every id a record points at must exist in the same case."""
    people, items, meetings = case.people, case.items, case.meetings

    def _ordered(case: Case, kind: str) -> list[Any]:
        if in_file is not None:
            return in_file.get(kind, [])
        return sorted(case.all(kind), key=lambda r: (getattr(r, "position", 0.0), r.id))

    def need(ok: bool, where: str, code: str = "unknown_reference", **kw: Any) -> None:
        if not ok:
            raise ValidationError(where, code, **kw)

    for idx, t in enumerate(_ordered(case, "tie")):
        need(t.a in people, f"ties[{idx}].a", ref=t.a[:40])
        need(t.b in people, f"ties[{idx}].b", ref=t.b[:40])
    for idx, m in enumerate(_ordered(case, "meeting")):
        for p in m.present:
            need(p in people, f"meetings[{idx}].present", ref=p[:40])
        need(len(set(m.present)) == len(m.present), f"meetings[{idx}].present", "duplicate_person")
    for idx, it in enumerate(_ordered(case, "item")):
        need(it.author is None or it.author in people, f"items[{idx}].author", ref=str(it.author)[:40])
        need(it.meeting is None or it.meeting in meetings, f"items[{idx}].meeting", ref=str(it.meeting)[:40])
        need(
            it.paired_with is None or it.paired_with in items, f"items[{idx}].paired_with", ref=str(it.paired_with)[:40]
        )
        need(it.scenario is None or it.scenario in case.scenarios, f"items[{idx}].scenario", ref=str(it.scenario)[:40])
        for p in it.agree:
            need(p in people, f"items[{idx}].agree", ref=p[:40])
        for p in it.disagree:
            need(p in people, f"items[{idx}].disagree", ref=p[:40])
        if it.paired_with is not None:
            other = items[it.paired_with]
            kinds = {it.element, other.element}
            need(kinds == {"danger_statement", "safety_goal"}, f"items[{idx}].paired_with", "bad_pairing")
            need(other.paired_with == it.id, f"items[{idx}].paired_with", "pairing_one_way")
    for idx, s in enumerate(_ordered(case, "scale")):
        need(
            s.subject is None or s.subject in people or s.subject in items,
            f"scales[{idx}].subject",
            ref=str(s.subject)[:40],
        )
        need(s.scenario is None or s.scenario in case.scenarios, f"scales[{idx}].scenario", ref=str(s.scenario)[:40])
    for idx, sc in enumerate(_ordered(case, "score")):
        need(sc.scale in case.scales, f"scores[{idx}].scale", ref=sc.scale[:40])
        need(sc.meeting in meetings, f"scores[{idx}].meeting", ref=sc.meeting[:40])
        need(sc.person in people, f"scores[{idx}].person", ref=sc.person[:40])
    for idx, a in enumerate(_ordered(case, "agreement")):
        need(a.owner is None or a.owner in people, f"agreements[{idx}].owner", ref=str(a.owner)[:40])
        need(a.meeting is None or a.meeting in meetings, f"agreements[{idx}].meeting", ref=str(a.meeting)[:40])
        need(a.backup is None or a.backup in people, f"agreements[{idx}].backup", ref=str(a.backup)[:40])
        for x in a.links:
            need(x in items, f"agreements[{idx}].links", ref=x[:40])
        for p in a.agreed_by:
            need(p in people, f"agreements[{idx}].agreed_by", ref=p[:40])
    for idx, rc in enumerate(_ordered(case, "rolecard")):
        need(rc.person is None or rc.person in people, f"role_cards[{idx}].person", ref=str(rc.person)[:40])
    for idx, r in enumerate(_ordered(case, "reflection")):
        need(r.meeting in meetings, f"reflections[{idx}].meeting", ref=r.meeting[:40])
        need(r.author is None or r.author in people, f"reflections[{idx}].author", ref=str(r.author)[:40])
    _check_v2_references(case, _ordered, need)


def _check_v2_references(case: Case, ordered: Any, need: Any) -> None:
    """References of the records schema version 2 added (trajectory, Family Finding, the child's voice)."""
    people, meetings = case.people, case.meetings
    info = case.info
    need(info.consultant is None or info.consultant in people, "case.consultant", ref=str(info.consultant)[:40])
    need(
        info.crisis_worker is None or info.crisis_worker in people,
        "case.crisis_worker",
        ref=str(info.crisis_worker)[:40],
    )
    for idx, p in enumerate(ordered(case, "person")):
        need(
            p.ff_follow_up is None or p.ff_follow_up in people,
            f"people[{idx}].ff_follow_up",
            ref=str(p.ff_follow_up)[:40],
        )
    for idx, t in enumerate(ordered(case, "tie")):
        if t.kind == "parent":
            need(
                not any(o.kind == "parent" and (o.a, o.b) == (t.b, t.a) for o in case.ties.values()),
                f"ties[{idx}].kind",
                "parent_cycle",
            )
    for idx, m in enumerate(ordered(case, "meeting")):
        need(m.scribe is None or m.scribe in people, f"meetings[{idx}].scribe", ref=str(m.scribe)[:40])
    for idx, r in enumerate(ordered(case, "review")):
        need(r.agreement in case.agreements, f"reviews[{idx}].agreement", ref=r.agreement[:40])
        need(r.meeting in meetings, f"reviews[{idx}].meeting", ref=r.meeting[:40])
        need(r.said_by is None or r.said_by in people, f"reviews[{idx}].said_by", ref=str(r.said_by)[:40])
    numbers: set[int] = set()
    for idx, v in enumerate(ordered(case, "plan_version")):
        need(v.meeting is None or v.meeting in meetings, f"plan_versions[{idx}].meeting", ref=str(v.meeting)[:40])
        need(v.number not in numbers, f"plan_versions[{idx}].number", "duplicate_version", n=v.number)
        numbers.add(v.number)
        for p in v.signed_by:
            need(p in people, f"plan_versions[{idx}].signed_by", ref=p[:40])
    for idx, snap in enumerate(ordered(case, "map_snapshot")):
        need(snap.meeting in meetings, f"map_snapshots[{idx}].meeting", ref=snap.meeting[:40])
    stories = case.stories
    for idx, st in enumerate(ordered(case, "story")):
        for c in st.children:
            need(c in people, f"stories[{idx}].children", ref=c[:40])
        need(st.previous is None or st.previous in stories, f"stories[{idx}].previous", ref=str(st.previous)[:40])
    for idx, pg in enumerate(ordered(case, "story_page")):
        need(pg.story in stories, f"story_pages[{idx}].story", ref=pg.story[:40])
    for idx, h in enumerate(ordered(case, "house_entry")):
        need(h.child in people, f"house_entries[{idx}].child", ref=h.child[:40])
    for idx, f in enumerate(ordered(case, "feedback")):
        need(f.person in people, f"feedback[{idx}].person", ref=f.person[:40])
        need(f.meeting is None or f.meeting in meetings, f"feedback[{idx}].meeting", ref=str(f.meeting)[:40])
