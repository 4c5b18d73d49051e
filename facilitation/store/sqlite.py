"""The SQLite store: every edit is committed when it is made, with a change log that backs undo.

One row per record (case id, kind, id, JSON); one row per change in ``changes`` (when, what, before,
after). WAL mode and ``BEGIN IMMEDIATE`` let two processes (two browsers, two kernels) write the same
file safely; each change checks that the record still is what the editor saw, so a concurrent edit
is reported as a conflict instead of being overwritten.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..domain.case import Case, Change, Edit
from ..domain.errors import ConflictError, NotFoundError
from ..domain.model import RECORD_TYPES, CaseInfo
from .migrations import MIGRATIONS, SCHEMA_VERSION


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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _dump(d: Any) -> str | None:
    return None if d is None else json.dumps(d, ensure_ascii=False, sort_keys=True)


def _load(s: str | None) -> Any:
    return None if s is None else json.loads(s)


class Store:
    """A case store in one SQLite file, readable by the user only."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        new = not self.path.exists()
        if new:
            # Create the file readable by the user only before SQLite opens it.
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        self._local = threading.local()
        self._migrate()

    # ---- connection ------------------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            self._local.conn = conn
            for suffix in ("-wal", "-shm"):
                side = Path(str(self.path) + suffix)
                if side.exists():
                    try:
                        side.chmod(0o600)
                    except OSError:
                        pass
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        for attempt in range(50):
            try:
                conn.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as e:  # pragma: no cover - only under heavy contention
                if "locked" not in str(e) or attempt == 49:
                    raise
                time.sleep(0.05)
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def _migrate(self) -> None:
        # Look before touching: a store from a newer version is refused without a single write.
        probe = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
        try:
            found = probe.execute("PRAGMA user_version").fetchone()[0]
        finally:
            probe.close()
        if found > SCHEMA_VERSION:
            raise NotFoundError("store_too_new", version=found, supported=SCHEMA_VERSION)
        with self._write() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise NotFoundError("store_too_new", version=version, supported=SCHEMA_VERSION)
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for stmt in MIGRATIONS[target]:
                    conn.execute(stmt)
                conn.execute(f"PRAGMA user_version={target}")

    @property
    def schema_version(self) -> int:
        return int(self._conn().execute("PRAGMA user_version").fetchone()[0])

    # ---- cases -----------------------------------------------------------------------------------

    def list_cases(self) -> list[CaseSummary]:
        rows = (
            self._conn()
            .execute(
                """SELECT c.id, c.updated, e.data,
                      (SELECT COUNT(*) FROM records r WHERE r.case_id=c.id AND r.kind='person'),
                      (SELECT COUNT(*) FROM records r WHERE r.case_id=c.id AND r.kind='meeting')
               FROM cases c JOIN records e ON e.case_id=c.id AND e.kind='case'
               ORDER BY c.updated DESC"""
            )
            .fetchall()
        )
        out = []
        for cid, updated, data, people, meetings in rows:
            info = json.loads(data)
            out.append(
                CaseSummary(
                    cid,
                    info["title"],
                    info.get("start_date", ""),
                    updated,
                    people,
                    meetings,
                    info.get("fictional", False),
                    info.get("source", ""),
                    info.get("group_name", ""),
                )
            )
        return out

    def has_case(self, case_id: str) -> bool:
        return self._conn().execute("SELECT 1 FROM cases WHERE id=?", (case_id,)).fetchone() is not None

    def load(self, case_id: str) -> Case:
        rows = self._conn().execute("SELECT kind, data FROM records WHERE case_id=?", (case_id,)).fetchall()
        if not rows:
            raise NotFoundError("case_not_found", id=case_id)
        return Case.from_records(RECORD_TYPES[k].from_dict(json.loads(d)) for k, d in rows)

    def add_case(self, case: Case, session: str = "", label: str = "edit.import") -> str:
        """Store a whole case (new or imported) in one transaction; the id must not exist yet."""
        info: CaseInfo = case.info
        group = uuid.uuid4().hex
        at = _now()
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM cases WHERE id=?", (info.id,)).fetchone():
                raise ConflictError("case_exists", id=info.id)
            conn.execute("INSERT INTO cases(id, created, updated) VALUES (?,?,?)", (info.id, at, at))
            for kind, bucket in case.records.items():
                for rid, rec in bucket.items():
                    data = _dump(rec.to_dict())
                    conn.execute(
                        "INSERT INTO records(case_id, kind, id, data) VALUES (?,?,?,?)", (info.id, kind, rid, data)
                    )
            conn.execute(
                "INSERT INTO changes(case_id, grp, at, session, label, kind, rid, before, after) VALUES (?,?,?,?,?,?,?,?,?)",
                (info.id, group, at, session, label, "case", info.id, None, _dump(info.to_dict())),
            )
        return info.id

    def delete_case(self, case_id: str) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM records WHERE case_id=?", (case_id,))
            conn.execute("DELETE FROM changes WHERE case_id=?", (case_id,))
            conn.execute("DELETE FROM cases WHERE id=?", (case_id,))

    # ---- edits -----------------------------------------------------------------------------------

    def apply(self, case_id: str, edit: Edit, session: str = "", undoes: str | None = None) -> str:
        """Commit one edit atomically; raises ConflictError (and stores nothing) if a record moved on."""
        if not edit.changes:
            return ""
        group = uuid.uuid4().hex
        at = _now()
        with self._write() as conn:
            if not conn.execute("SELECT 1 FROM cases WHERE id=?", (case_id,)).fetchone():
                raise NotFoundError("case_not_found", id=case_id)
            for ch in edit.changes:
                row = conn.execute(
                    "SELECT data FROM records WHERE case_id=? AND kind=? AND id=?", (case_id, ch.kind, ch.id)
                ).fetchone()
                now = json.loads(row[0]) if row else None
                if now != (dict(ch.before) if ch.before is not None else None):
                    raise ConflictError("stale", kind=ch.kind, id=ch.id)
                if ch.after is None:
                    conn.execute("DELETE FROM records WHERE case_id=? AND kind=? AND id=?", (case_id, ch.kind, ch.id))
                elif row is None:
                    conn.execute(
                        "INSERT INTO records(case_id, kind, id, data) VALUES (?,?,?,?)",
                        (case_id, ch.kind, ch.id, _dump(ch.after)),
                    )
                else:
                    conn.execute(
                        "UPDATE records SET data=? WHERE case_id=? AND kind=? AND id=?",
                        (_dump(ch.after), case_id, ch.kind, ch.id),
                    )
                conn.execute(
                    "INSERT INTO changes(case_id, grp, at, session, label, kind, rid, before, after, undoes)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (
                        case_id,
                        group,
                        at,
                        session,
                        edit.label,
                        ch.kind,
                        ch.id,
                        _dump(ch.before),
                        _dump(ch.after),
                        undoes,
                    ),
                )
            conn.execute("UPDATE cases SET updated=? WHERE id=?", (at, case_id))
        return group

    def edit_of(self, case_id: str, group: str) -> Edit:
        rows = (
            self._conn()
            .execute(
                "SELECT label, kind, rid, before, after FROM changes WHERE case_id=? AND grp=? ORDER BY seq",
                (case_id, group),
            )
            .fetchall()
        )
        if not rows:
            raise NotFoundError("change_not_found", id=group)
        return Edit(rows[0][0], tuple(Change(k, r, _load(b), _load(a)) for _, k, r, b, a in rows))

    def undo(self, case_id: str, group: str, session: str = "") -> tuple[str, Edit]:
        """Undo one stored edit (if nothing changed those records since); returns the new group and edit."""
        inverse = self.edit_of(case_id, group).inverse()
        inverse = Edit("edit.undo", inverse.changes, {"of": inverse.label})
        return self.apply(case_id, inverse, session, undoes=group), inverse

    def last_seq(self, case_id: str) -> int:
        row = self._conn().execute("SELECT COALESCE(MAX(seq), 0) FROM changes WHERE case_id=?", (case_id,)).fetchone()
        return int(row[0])

    def changes_since(self, case_id: str, seq: int) -> list[LoggedChange]:
        rows = (
            self._conn()
            .execute(
                """SELECT seq, grp, at, session, label, kind, rid, before, after,
                      EXISTS(SELECT 1 FROM changes u WHERE u.undoes=changes.grp)
               FROM changes WHERE case_id=? AND seq>? ORDER BY seq""",
                (case_id, seq),
            )
            .fetchall()
        )
        return [
            LoggedChange(s, g, at, ses, lab, k, r, _load(b), _load(a), bool(u))
            for s, g, at, ses, lab, k, r, b, a, u in rows
        ]

    def history(self, case_id: str, limit: int = 200) -> list[LoggedChange]:
        """The newest changes first (the audit view)."""
        last = self.last_seq(case_id)
        return list(reversed(self.changes_since(case_id, max(0, last - limit))))
