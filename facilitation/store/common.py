"""The store's operations written once, in the SQL both engines speak; each engine brings its connection.

An engine subclass gives ``_conn()`` (one connection per thread), ``_write()`` (a write transaction:
SQLite's ``BEGIN IMMEDIATE``; PostgreSQL's transaction), ``_lock_case`` (PostgreSQL locks the case's row
so that writers of one case take turns: the change log's order within a case is then its commit order,
which ``changes_since`` relies on), ``_scrub()`` (make erased bytes unrecoverable as far as the engine
can) and its placeholder style. Access is checked here for every case id, whatever the caller sends.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from ..domain.case import Case, Change, Edit
from ..domain.errors import ConflictError, FacilitationError, NotFoundError
from ..domain.model import RECORD_TYPES, CaseInfo
from .base import AUDIT_ACTIONS, AuditEntry, CaseSummary, LoggedChange, dump, load_json, now, summary

MAX_AUDIT_ID = 64


class SQLStore:
    """A case store over a DB-API connection; see ``base.CaseStore`` for the promises kept."""

    user: str
    path: Path
    location: str
    owns_everything: bool = False
    """One laptop: the OS user sees every case in their own file (``identity.Identity.owns_everything``)."""
    integrity_errors: tuple[type[BaseException], ...] = ()

    # ---- engine hooks ----------------------------------------------------------------------------

    def _conn(self) -> Any:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        """SQL written with ``?`` placeholders, in the engine's own style."""
        return sql

    def _lock_case(self, conn: Any, case_id: str) -> None:
        """Inside a write: make other writers of this case wait until we commit (no-op where writes are
        serialised anyway)."""

    def _scrub(self) -> None:
        """After an erasure: leave no copy of erased bytes where the engine can reach."""

    def close(self) -> None:
        raise NotImplementedError

    # ---- small helpers ---------------------------------------------------------------------------

    def _q(self, conn: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        return conn.execute(self._sql(sql), tuple(params))

    def _visible_sql(self, alias: str = "c") -> tuple[str, tuple[Any, ...]]:
        """A condition on ``cases`` (as ``alias``): the case is this user's or shared with them (or with a
        group they are in). Written as a set of ids drawn through the indexes on owner and member."""
        if self.owns_everything:
            return "1=1", ()
        return (
            f"{alias}.id IN (SELECT o.id FROM cases o WHERE o.owner = ?"
            " UNION SELECT s.case_id FROM shares s WHERE s.member = ?"
            " UNION SELECT s.case_id FROM shares s JOIN members m ON s.member = '@' || m.grp WHERE m.member = ?)",
            (self.user, self.user, self.user),
        )

    def _access(self, conn: Any, case_id: str) -> tuple[bool, str] | None:
        """(visible, owner) of a case, or None when the store does not have it (or may not say so)."""
        cond, params = self._visible_sql()
        row = self._q(conn, f"SELECT {cond}, c.owner FROM cases c WHERE c.id = ?", (*params, case_id)).fetchone()
        return None if row is None else (bool(row[0]), row[1] or "")

    def _check(self, case_id: str, *, owner: bool = False) -> None:
        """Refuse a case this user may not reach (as if it did not exist), and say so in the audit log."""
        found = self._access(self._conn(), str(case_id))
        if found is None or not found[0]:
            self._refused(case_id)
        if owner and not self.owns_everything and found is not None and found[1] != self.user:
            raise FacilitationError("not_owner", id=case_id)

    def _refused(self, case_id: str) -> None:
        try:
            self.note(str(case_id)[:MAX_AUDIT_ID], "refused")
        except Exception:  # the refusal itself must stand even if the log cannot be written
            pass
        raise NotFoundError("case_not_found", id=str(case_id)[:MAX_AUDIT_ID])

    def _check_in(self, conn: Any, case_id: str) -> None:
        """Inside a write transaction: the case is still there and still ours to reach."""
        self._lock_case(conn, case_id)
        found = self._access(conn, case_id)
        if found is None or not found[0]:
            raise NotFoundError("case_not_found", id=case_id)

    # ---- cases -----------------------------------------------------------------------------------

    # This user's cases first (a few hundred of perhaps many thousands), then each one's case record and
    # counts by primary key: never a scan over every case's records. (PostgreSQL counts in one pass.)
    LIST_SQL = """WITH mine AS MATERIALIZED (SELECT c.id, c.updated, c.owner FROM cases c WHERE {cond})
        SELECT m.id, m.updated, e.data,
            (SELECT COUNT(*) FROM records r WHERE r.case_id=m.id AND r.kind='person'),
            (SELECT COUNT(*) FROM records r WHERE r.case_id=m.id AND r.kind='meeting'),
            m.owner
        FROM mine m JOIN records e ON e.case_id=m.id AND e.kind='case' AND e.id=m.id
        ORDER BY m.updated DESC"""

    def list_cases(self) -> list[CaseSummary]:
        cond, params = self._visible_sql()
        rows = self._q(self._conn(), self.LIST_SQL.format(cond=cond), params).fetchall()
        return [summary(r) for r in rows if r[2] is not None]

    def has_case(self, case_id: str) -> bool:
        found = self._access(self._conn(), str(case_id))
        return found is not None and found[0]

    def load(self, case_id: str) -> Case:
        self._check(case_id)
        rows = self._q(self._conn(), "SELECT kind, data FROM records WHERE case_id=?", (case_id,)).fetchall()
        if not rows:
            raise NotFoundError("case_not_found", id=case_id)
        return Case.from_records(RECORD_TYPES[k].from_dict(json.loads(d)) for k, d in rows)

    def add_case(self, case: Case, session: str = "", label: str = "edit.import") -> str:
        """Store a whole case (new or imported) in one transaction, owned by this user; the id must be new."""
        info: CaseInfo = case.info
        group, at = uuid.uuid4().hex, now()
        try:
            with self._write() as conn:
                if self._q(conn, "SELECT 1 FROM cases WHERE id=?", (info.id,)).fetchone():
                    raise ConflictError("case_exists", id=info.id)
                self._q(
                    conn,
                    "INSERT INTO cases(id, created, updated, owner) VALUES (?,?,?,?)",
                    (info.id, at, at, self.user),
                )
                for kind, bucket in case.records.items():
                    for rid, rec in bucket.items():
                        self._q(
                            conn,
                            "INSERT INTO records(case_id, kind, id, data) VALUES (?,?,?,?)",
                            (info.id, kind, rid, dump(rec.to_dict())),
                        )
                self._log(conn, info.id, group, at, session, label, Change("case", info.id, None, info.to_dict()))
        except self.integrity_errors as e:  # another consultant's case with this id (hidden from us)
            raise ConflictError("case_exists", id=info.id) from e
        return info.id

    def delete_case(self, case_id: str) -> None:
        """Remove a case, its change log and its shares; erased so that no name can be read back."""
        self._check(case_id, owner=True)
        with self._write() as conn:
            self._check_in(conn, case_id)
            for table in ("records", "changes", "shares"):
                self._q(conn, f"DELETE FROM {table} WHERE case_id=?", (case_id,))
            self._q(conn, "DELETE FROM cases WHERE id=?", (case_id,))
            self._note_in(conn, case_id, "delete")
        self._scrub()

    # ---- edits -----------------------------------------------------------------------------------

    def _log(
        self, conn: Any, case_id: str, group: str, at: str, session: str, label: str, ch: Change, undoes: Any = None
    ) -> None:
        self._q(
            conn,
            "INSERT INTO changes(case_id, grp, at, session, label, kind, rid, before, after, undoes, who)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (case_id, group, at, session, label, ch.kind, ch.id, dump(ch.before), dump(ch.after), undoes, self.user),
        )

    def _apply_in(self, conn: Any, case_id: str, edit: Edit, session: str, undoes: str | None) -> str:
        group, at = uuid.uuid4().hex, now()
        for ch in edit.changes:
            row = self._q(
                conn, "SELECT data FROM records WHERE case_id=? AND kind=? AND id=?", (case_id, ch.kind, ch.id)
            ).fetchone()
            stored = json.loads(row[0]) if row else None
            if stored != (dict(ch.before) if ch.before is not None else None):
                raise ConflictError("stale", kind=ch.kind, id=ch.id)
            if ch.after is None:
                self._q(conn, "DELETE FROM records WHERE case_id=? AND kind=? AND id=?", (case_id, ch.kind, ch.id))
            elif row is None:
                self._q(
                    conn,
                    "INSERT INTO records(case_id, kind, id, data) VALUES (?,?,?,?)",
                    (case_id, ch.kind, ch.id, dump(ch.after)),
                )
            else:
                self._q(
                    conn,
                    "UPDATE records SET data=? WHERE case_id=? AND kind=? AND id=?",
                    (dump(ch.after), case_id, ch.kind, ch.id),
                )
            self._log(conn, case_id, group, at, session, edit.label, ch, undoes)
        self._q(conn, "UPDATE cases SET updated=? WHERE id=?", (at, case_id))
        return group

    def apply(self, case_id: str, edit: Edit, session: str = "", undoes: str | None = None) -> str:
        """Commit one edit atomically; raises ConflictError (and stores nothing) if a record moved on."""
        if not edit.changes:
            return ""
        self._check(case_id)
        with self._write() as conn:
            self._check_in(conn, case_id)
            return self._apply_in(conn, case_id, edit, session, undoes)

    def edit_of(self, case_id: str, group: str) -> Edit:
        self._check(case_id)
        rows = self._q(
            self._conn(),
            "SELECT label, kind, rid, before, after, erased FROM changes WHERE case_id=? AND grp=? ORDER BY seq",
            (case_id, group),
        ).fetchall()
        if not rows:
            raise NotFoundError("change_not_found", id=group)
        if any(r[5] for r in rows):  # a forgotten person's part of it is gone: it cannot be undone
            raise ConflictError("erased", id=group)
        return Edit(rows[0][0], tuple(Change(k, r, load_json(b), load_json(a)) for _, k, r, b, a, _ in rows))

    def undo(self, case_id: str, group: str, session: str = "") -> tuple[str, Edit]:
        """Undo one stored edit (if nothing changed those records since); returns the new group and edit."""
        inverse = self.edit_of(case_id, group).inverse()
        inverse = Edit("edit.undo", inverse.changes, {"of": inverse.label})
        return self.apply(case_id, inverse, session, undoes=group), inverse

    def last_seq(self, case_id: str) -> int:
        self._check(case_id)
        row = self._q(self._conn(), "SELECT COALESCE(MAX(seq), 0) FROM changes WHERE case_id=?", (case_id,)).fetchone()
        return int(row[0])

    def changes_since(self, case_id: str, seq: int) -> list[LoggedChange]:
        self._check(case_id)
        rows = self._q(
            self._conn(),
            """SELECT seq, grp, at, session, label, kind, rid, before, after,
                  EXISTS(SELECT 1 FROM changes u WHERE u.case_id=changes.case_id AND u.undoes=changes.grp),
                  who, erased
               FROM changes WHERE case_id=? AND seq>? ORDER BY seq""",
            (case_id, seq),
        ).fetchall()
        return [
            LoggedChange(int(s), g, at, ses, lab, k, r, load_json(b), load_json(a), bool(u), who or "", bool(er))
            for s, g, at, ses, lab, k, r, b, a, u, who, er in rows
        ]

    def history(self, case_id: str, limit: int = 200) -> list[LoggedChange]:
        """The newest changes first (the audit view)."""
        last = self.last_seq(case_id)
        return list(reversed(self.changes_since(case_id, max(0, last - limit))))

    # ---- erasure ---------------------------------------------------------------------------------

    def forget_person(self, case_id: str, person_id: str, session: str = "") -> None:
        """*Vergeet deze persoon*: remove a person and what only makes sense with them, and erase every
        logged before/after of those records, so that their name, phone and notes are nowhere in the store.

        Edits that touched them can no longer be undone (their part of the log is gone); the removal is
        in the log as an edit without content, and in the audit log as 'forget'."""
        from ..domain import ops

        self._check(case_id)
        with self._write() as conn:
            self._check_in(conn, case_id)
            rows = self._q(conn, "SELECT kind, data FROM records WHERE case_id=?", (case_id,)).fetchall()
            case = Case.from_records(RECORD_TYPES[k].from_dict(json.loads(d)) for k, d in rows)
            if person_id not in case.people:
                raise NotFoundError("not_found")
            edit = ops.remove_person(case, person_id)
            edit = Edit("edit.forget_person", edit.changes)
            self._apply_in(conn, case_id, edit, session, None)
            for ch in edit.changes:
                if ch.after is None:  # a record that goes: every trace of it in the log goes too
                    self._q(
                        conn,
                        "UPDATE changes SET before=NULL, after=NULL, erased=1 WHERE case_id=? AND kind=? AND rid=?",
                        (case_id, ch.kind, ch.id),
                    )
            self._note_in(conn, case_id, "forget")
        self._scrub()

    # ---- sharing and the audit log ---------------------------------------------------------------

    def share(self, case_id: str, member: str) -> None:
        """Share a case with a colleague (a user name) or a group (``@name``); only its owner may."""
        self._check(case_id, owner=True)
        member = _member(member)
        with self._write() as conn:
            self._check_in(conn, case_id)
            if not self._q(conn, "SELECT 1 FROM shares WHERE case_id=? AND member=?", (case_id, member)).fetchone():
                self._q(conn, "INSERT INTO shares(case_id, member) VALUES (?,?)", (case_id, member))
            self._note_in(conn, case_id, "share", member)

    def unshare(self, case_id: str, member: str) -> None:
        self._check(case_id, owner=True)
        with self._write() as conn:
            self._q(conn, "DELETE FROM shares WHERE case_id=? AND member=?", (case_id, member))
            self._note_in(conn, case_id, "unshare", member)

    def shares(self, case_id: str) -> list[str]:
        self._check(case_id)
        rows = self._q(self._conn(), "SELECT member FROM shares WHERE case_id=? ORDER BY member", (case_id,))
        return [r[0] for r in rows.fetchall()]

    def add_member(self, group: str, user: str) -> None:
        """Put a consultant in a group (a reflecting team, a training group); PostgreSQL: the admin only."""
        group, user = _member(group).lstrip("@"), _member(user)
        with self._write() as conn:
            if not self._q(conn, "SELECT 1 FROM members WHERE grp=? AND member=?", (group, user)).fetchone():
                self._q(conn, "INSERT INTO members(grp, member) VALUES (?,?)", (group, user))

    def _note_in(self, conn: Any, case_id: str, action: str, detail: str = "") -> None:
        if action not in AUDIT_ACTIONS:
            raise ValueError(action)
        self._q(
            conn,
            "INSERT INTO access_log(at, who, case_id, action, detail) VALUES (?,?,?,?,?)",
            (now(), self.user, case_id, action, detail[:200]),
        )

    def note(self, case_id: str, action: str, detail: str = "") -> None:
        """Write to the audit log: ``open`` and ``export`` (changes are logged with every edit). Never a
        name in ``detail``: the log outlives erasure."""
        with self._write() as conn:
            self._note_in(conn, case_id, action, detail)

    def audit(self, case_id: str | None = None, limit: int = 500) -> list[AuditEntry]:
        """Who opened, changed, exported, shared, deleted or forgot what: newest first."""
        if case_id is not None:
            self._check(case_id)
        where, params = ("case_id = ?", (case_id,)) if case_id is not None else self._audit_scope()
        rows = self._q(
            self._conn(),
            f"""SELECT at, who, case_id, action, detail FROM (
                   SELECT at, who, case_id, action, detail FROM access_log WHERE {where}
                   UNION ALL
                   SELECT MIN(at), who, case_id, 'change', label FROM changes WHERE {where}
                   GROUP BY grp, who, case_id, label) a
               ORDER BY at DESC LIMIT ?""",
            (*params, *params, limit),
        ).fetchall()
        return [AuditEntry(*r) for r in rows]

    def _audit_scope(self) -> tuple[str, tuple[Any, ...]]:
        if self.owns_everything:
            return "1=1", ()
        cond, params = self._visible_sql()
        return f"(who = ? OR case_id IN (SELECT c.id FROM cases c WHERE {cond}))", (self.user, *params)


def _member(name: str) -> str:
    name = str(name).strip()
    if not name or len(name) > 128 or any(ord(ch) < 32 for ch in name):
        raise FacilitationError("bad_member", name=name[:64])
    return name
