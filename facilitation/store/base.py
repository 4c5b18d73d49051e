"""One store API, two engines: what every case store promises, whatever holds the data.

``open_store(url_or_path)`` (``engines.py``) gives the SQLite store for a path (one laptop, the default) or the
PostgreSQL store for a ``postgresql://`` URL (a team server). Both keep the same promises:

- every edit is committed when it is made, in one transaction, or not at all;
- every change is in the change log (before and after per record), which backs undo, the audit view
  and the sync between screens (``changes_since``; within a case the log's order is the commit order);
- an edit whose ``before`` no longer matches what is stored raises ``ConflictError`` and stores nothing;
- the schema is versioned and migrated forward from version 1; a store from a newer version is refused;
- a consultant reaches only the cases they own or that are shared with them (``user``); any other case
  id is refused as if it did not exist, whatever the caller sends; opening, changing, exporting,
  sharing, deleting and forgetting are in the audit log.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ..domain.case import Case, Edit


@dataclass(frozen=True)
class CaseSummary:
    id: str
    title: str
    start_date: str
    updated: str
    people: int
    meetings: int
    fictional: bool
    source: str = ""
    """Training: the sample an exercise copy was made from."""
    group_name: str = ""
    owner: str = ""
    """The consultant who owns the case (empty in a store from before owners were kept)."""


@dataclass(frozen=True)
class LoggedChange:
    """One line of the change log (the audit view and cross-browser sync read these)."""

    seq: int
    group: str
    at: str
    session: str
    label: str
    kind: str
    id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    undone: bool
    who: str = ""
    erased: bool = False
    """The record's content was erased (*vergeet deze persoon*): before and after are gone."""


@dataclass(frozen=True)
class AuditEntry:
    """Who did what with which case: opened, changed, exported, shared, deleted, forgot, was refused."""

    at: str
    who: str
    case_id: str
    action: str
    detail: str = ""


AUDIT_ACTIONS = ("open", "change", "export", "share", "unshare", "delete", "forget", "refused")


@runtime_checkable
class CaseStore(Protocol):
    """What the session, the services and the command line use of a store (both engines)."""

    user: str
    """Who is working: the consultant the store acts for (see ``store.identity``)."""
    path: Path
    """The SQLite file, or for a server store the local anchor beside which this user's exports go."""
    location: str
    """What was opened: a file path or a URL without its password (for messages)."""

    @property
    def schema_version(self) -> int: ...
    def close(self) -> None: ...

    def list_cases(self) -> list[CaseSummary]: ...
    def has_case(self, case_id: str) -> bool: ...
    def load(self, case_id: str) -> Case: ...
    def add_case(self, case: Case, session: str = "", label: str = "edit.import") -> str: ...
    def delete_case(self, case_id: str) -> None: ...

    def apply(self, case_id: str, edit: Edit, session: str = "", undoes: str | None = None) -> str: ...
    def edit_of(self, case_id: str, group: str) -> Edit: ...
    def undo(self, case_id: str, group: str, session: str = "") -> tuple[str, Edit]: ...
    def last_seq(self, case_id: str) -> int: ...
    def changes_since(self, case_id: str, seq: int) -> list[LoggedChange]: ...
    def history(self, case_id: str, limit: int = 200) -> list[LoggedChange]: ...

    def forget_person(self, case_id: str, person_id: str, session: str = "") -> None: ...
    def share(self, case_id: str, member: str) -> None: ...
    def unshare(self, case_id: str, member: str) -> None: ...
    def shares(self, case_id: str) -> list[str]: ...
    def add_member(self, group: str, user: str) -> None: ...
    def note(self, case_id: str, action: str, detail: str = "") -> None: ...
    def audit(self, case_id: str | None = None, limit: int = 500) -> list[AuditEntry]: ...


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def dump(d: Any) -> str | None:
    return None if d is None else json.dumps(d, ensure_ascii=False, sort_keys=True)


def load_json(s: str | None) -> Any:
    return None if s is None else json.loads(s)


def is_url(target: str | os.PathLike[str]) -> bool:
    return isinstance(target, str) and target.split("://", 1)[0] in ("postgresql", "postgres")


def summary(row: Sequence[Any]) -> CaseSummary:
    """A ``CaseSummary`` from (id, updated, case record JSON, people, meetings, owner)."""
    cid, updated, data, people, meetings, owner = row
    info = json.loads(data)
    return CaseSummary(
        cid,
        info["title"],
        info.get("start_date", ""),
        updated,
        int(people),
        int(meetings),
        info.get("fictional", False),
        info.get("source", ""),
        info.get("group_name", ""),
        owner or "",
    )
