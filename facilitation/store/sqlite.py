"""The SQLite store: every edit is committed when it is made, with a change log that backs undo.

One row per record (case id, kind, id, JSON); one row per change in ``changes`` (when, what, before,
after, who). WAL mode and ``BEGIN IMMEDIATE`` let two processes (two browsers, two kernels) write the
same file safely; each change checks that the record still is what the editor saw, so a concurrent edit
is reported as a conflict instead of being overwritten. The operations themselves are in ``common.py``
(shared with the PostgreSQL store); this module brings the file, its connections and its migrations.

Erasure: ``secure_delete`` zeroes deleted content in the file; after a case is deleted or a person
forgotten the WAL is checkpointed and truncated and the file vacuumed (in memory, no temporary file),
so that no erased byte is left in the store file, its WAL or its shared-memory file.

Encryption at rest: ``cipher.py`` (SQLCipher; the key in the OS keyring or from a passphrase).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..domain.errors import FacilitationError, NotFoundError
from . import cipher, identity
from .base import AuditEntry, CaseSummary, LoggedChange
from .common import SQLStore
from .migrations import MIGRATIONS, SCHEMA_VERSION

__all__ = ["AuditEntry", "CaseSummary", "LoggedChange", "SQLiteStore", "Store"]

SIDE_FILES = ("-wal", "-shm")


class SQLiteStore(SQLStore):
    """A case store in one SQLite file, readable by the user only (encrypted where a key is at hand)."""

    def __init__(self, path: str | os.PathLike[str], user: str | None = None) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        who = identity.current(given=user)
        self.user = who.name
        self.owns_everything = who.owns_everything
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not self.path.exists():
            # Create the file readable by the user only before SQLite opens it.
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        if cipher.is_encrypted(self.path):
            self.key: cipher.Key | None = cipher.key_for(self.path)
        elif self.path.stat().st_size == 0:
            self.key = cipher.key_for_new(self.path)
        else:
            self.key = None
        self._db: Any = cipher.driver() if self.key is not None else sqlite3
        self.integrity_errors = (self._db.IntegrityError,)
        self._local = threading.local()
        self._migrate()

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    # ---- connection ------------------------------------------------------------------------------

    def _connect(self, read_only: bool = False) -> Any:
        if read_only:
            conn = self._db.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30, isolation_level=None)
        else:
            conn = self._db.connect(str(self.path), timeout=30, isolation_level=None)
        if self.key is not None:
            conn.execute(self.key.pragma())
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except self._db.DatabaseError as e:
            conn.close()
            raise FacilitationError("wrong_key" if self.key is not None else "not_a_store", path=str(self.path)) from e
        return conn

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            # Deleted content is overwritten with zeros, and VACUUM's copy stays in memory (no temp file).
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute("PRAGMA temp_store=MEMORY")
            self._local.conn = conn
            for suffix in SIDE_FILES:
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
    def _write(self) -> Iterator[Any]:
        conn = self._conn()
        for attempt in range(50):
            try:
                conn.execute("BEGIN IMMEDIATE")
                break
            except self._db.OperationalError as e:  # pragma: no cover - only under heavy contention
                if "locked" not in str(e) or attempt == 49:
                    raise
                time.sleep(0.05)
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            # SQLite ends the transaction itself on some errors (a full disk): then there is nothing to roll
            # back, and the error to report is that one.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _migrate(self) -> None:
        # Look before touching: a store from a newer version is refused without a single write.
        probe = self._connect(read_only=True)
        try:
            found = probe.execute("PRAGMA user_version").fetchone()[0]
        finally:
            probe.close()
        if found > SCHEMA_VERSION:
            raise NotFoundError("store_too_new", version=found, supported=SCHEMA_VERSION)
        if found == SCHEMA_VERSION:
            return
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

    # ---- erasure ---------------------------------------------------------------------------------

    def _checkpoint(self, conn: Any) -> None:
        """Copy the WAL into the file and truncate it to zero bytes (waits for readers, then insists)."""
        for _ in range(50):
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if not busy:
                return
            time.sleep(0.1)
        raise FacilitationError("erase_busy", path=str(self.path))

    def _scrub(self) -> None:
        conn = self._conn()
        self._checkpoint(conn)
        conn.execute("VACUUM")
        self._checkpoint(conn)


Store = SQLiteStore
"""The name the code and tests have always used for the SQLite store."""


def encrypt(path: Path) -> cipher.Key:
    """Move a plain store to an encrypted one in place (``facilitation store encrypt``).

    The store is copied page by page into a new encrypted file beside it (SQLCipher's
    ``sqlcipher_export``), the copy is checked, the plain file is overwritten with zeros and replaced.
    No server may have the store open meanwhile."""
    path = Path(path)
    if cipher.is_encrypted(path):
        raise FacilitationError("already_encrypted", path=str(path))
    plain = SQLiteStore(path)
    conn = plain._conn()
    plain._checkpoint(conn)
    version = plain.schema_version
    cases = len(plain.list_cases()) if plain.owns_everything else None
    plain.close()
    key = cipher.new_key(path)
    tmp = path.with_name(path.name + ".encrypting")
    for p in (tmp, *(Path(str(tmp) + s) for s in SIDE_FILES)):
        p.unlink(missing_ok=True)
    os.close(os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
    db = cipher.driver()
    conn = db.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"ATTACH DATABASE ? AS enc KEY {key.attach_key()}", (str(tmp),))
        conn.execute("SELECT sqlcipher_export('enc')")
        conn.execute(f"PRAGMA enc.user_version = {int(version)}")
        conn.execute("DETACH DATABASE enc")
    finally:
        conn.close()
    check = db.connect(str(tmp), isolation_level=None)
    try:
        check.execute(key.pragma())
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        copied = check.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    finally:
        check.close()
    if not ok or (cases is not None and copied < cases):
        tmp.unlink(missing_ok=True)
        raise FacilitationError("encrypt_failed", path=str(path))
    for p in (path, *(Path(str(path) + s) for s in SIDE_FILES)):
        cipher.overwrite(p)
    os.replace(tmp, path)
    for s in SIDE_FILES:
        Path(str(path) + s).unlink(missing_ok=True)
    return key
