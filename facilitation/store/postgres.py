"""The PostgreSQL store (a team server): the SQLite store's promises on the engine teams already run.

``facilitation --store postgresql://alice@db.example/facilitation serve``. psycopg 3 (the maintained
PostgreSQL driver, with its binary wheel) talks to the server; the operations are ``common.py``'s, the
same as SQLite's. What differs:

- **Who**: the consultant is the role that logged in (``session_user``). Each consultant logs in as their
  own role (under JupyterHub the hub provisions it, ``store/team.py``), so row-level security holds even
  for SQL typed into a kernel. ``JUPYTERHUB_USER``, when set, must name that role. The admin (the role
  owning the tables) reaches every case, as it does in SQL.
- **Order**: writers of one case take turns on the case's row (``SELECT ... FOR UPDATE``), so a change's
  sequence number within a case follows commit order and ``changes_since`` never skips one.
- **Migrations**: ``pg_schema.py``, from version 1 on, under an advisory lock (two servers starting at
  once migrate once). Only the admin role (the tables' owner) migrates; a consultant opening an older
  schema is told to ask for it.
- **Erasure**: rows are deleted and, when this role may, the tables vacuumed; PostgreSQL keeps dead
  row versions until a vacuum and old WAL segments until they are recycled (docs/deployment.md).

Why no SQLAlchemy Core or alembic: the queries are a dozen plain statements shared word for word with
SQLite, and the schema's substance (row-level security policies, SECURITY DEFINER functions, grants) is
not something either models; a versioned list of statements under an advisory lock is all that is needed.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..domain.errors import FacilitationError, NotFoundError
from . import identity
from .common import SQLStore
from .location import server_anchor
from .pg_schema import BOOTSTRAP, MIGRATIONS, SCHEMA_VERSION, VERSION_TABLE

MIGRATE_LOCK = 0x66616369  # advisory lock key: "faci"


def _driver() -> Any:
    try:
        import psycopg
    except ImportError as e:  # pragma: no cover - it is a dependency
        raise FacilitationError("no_psycopg") from e
    return psycopg


def public_location(url: str) -> str:
    """The URL without its password (for messages and logs)."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = conninfo_to_dict(url)
    params.pop("password", None)
    host, port, db, user = (str(params.get(k) or "") for k in ("host", "port", "dbname", "user"))
    if url.startswith(("postgresql://", "postgres://")):
        return f"postgresql://{user + '@' if user else ''}{host}{':' + port if port else ''}/{db}"
    return make_conninfo("", **params)


class PostgresStore(SQLStore):
    """A case store in a PostgreSQL database shared by a team."""

    def __init__(self, url: str, user: str | None = None, migrate: bool = True) -> None:
        self._pg = _driver()
        self.url = url
        self.location = public_location(url)
        self.integrity_errors = (self._pg.errors.IntegrityError,)
        self._local = threading.local()
        conn = self._conn()
        self.user = str(conn.execute("SELECT session_user").fetchone()[0])
        # The role is who works; a user named by the caller or the hub must be that role.
        expected = user or os.environ.get(identity.ENV_HUB_USER, "").strip()
        if expected and expected != self.user:
            raise FacilitationError("identity_mismatch", user=expected, role=self.user)
        info = conn.info
        self.path = server_anchor(info.host or "local", str(info.port or ""), info.dbname or "", self.user)
        if migrate:
            self._migrate()
        else:
            self._require_current()
        # The admin (the role that owns the tables, or a superuser) is not bound by row-level security;
        # the store lets it reach every case too: to share or hand over a case, to audit, to erase.
        row = conn.execute(
            "SELECT pg_has_role(session_user, tableowner, 'MEMBER') FROM pg_tables"
            " WHERE tablename = 'cases' AND schemaname = current_schema()"
        ).fetchone()
        self.owns_everything = bool(row and row[0])

    # ---- connection ------------------------------------------------------------------------------

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            try:
                # No JIT: it compiles for queries the planner thinks big and costs a short one 0.1-0.5 s.
                conn = self._pg.connect(
                    self.url, autocommit=True, application_name="facilitation", options="-c jit=off"
                )
            except self._pg.OperationalError as e:
                raise FacilitationError("store_unreachable", location=self.location, reason=_first_line(e)) from e
            self._local.conn = conn
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    @contextmanager
    def _write(self) -> Iterator[Any]:
        conn = self._conn()
        with conn.transaction():
            yield conn

    # Each reference to a table runs its row-level security check again: the case records, people and
    # meetings are read in one pass over ``records`` instead of three.
    LIST_SQL = """WITH mine AS MATERIALIZED (SELECT c.id, c.updated, c.owner FROM cases c WHERE {cond})
        SELECT m.id, m.updated, MAX(CASE WHEN r.kind='case' THEN r.data END),
            SUM(CASE WHEN r.kind='person' THEN 1 ELSE 0 END),
            SUM(CASE WHEN r.kind='meeting' THEN 1 ELSE 0 END),
            m.owner
        FROM mine m JOIN records r ON r.case_id=m.id AND r.kind IN ('case', 'person', 'meeting')
        GROUP BY m.id, m.updated, m.owner
        ORDER BY m.updated DESC"""

    def _visible_sql(self, alias: str = "c") -> tuple[str, tuple[Any, ...]]:
        """The row-level security policy's own set (one evaluation serves both)."""
        if self.owns_everything:
            return "1=1", ()
        return f"{alias}.id IN (SELECT fac_visible_cases())", ()

    def _lock_case(self, conn: Any, case_id: str) -> None:
        conn.execute("SELECT 1 FROM cases WHERE id = %s FOR UPDATE", (case_id,))

    # ---- schema ----------------------------------------------------------------------------------

    def _version(self, conn: Any) -> int:
        exists = conn.execute("SELECT to_regclass(%s) IS NOT NULL", (VERSION_TABLE,)).fetchone()[0]
        if not exists:
            return 0
        return int(conn.execute(f"SELECT COALESCE(MAX(version), 0) FROM {VERSION_TABLE}").fetchone()[0])

    def _require_current(self) -> None:
        found = self._version(self._conn())
        if found > SCHEMA_VERSION:
            raise NotFoundError("store_too_new", version=found, supported=SCHEMA_VERSION)
        if found < SCHEMA_VERSION:
            raise FacilitationError("store_needs_migration", version=found, supported=SCHEMA_VERSION)

    def _migrate(self) -> None:
        conn = self._conn()
        try:
            found = self._version(conn)  # look before touching: a newer schema is refused without a write
        except self._pg.errors.InsufficientPrivilege as e:  # a schema from before consultants had rights
            raise FacilitationError("store_needs_migration", version="?", supported=SCHEMA_VERSION) from e
        if found > SCHEMA_VERSION:
            raise NotFoundError("store_too_new", version=found, supported=SCHEMA_VERSION)
        if found == SCHEMA_VERSION:
            return
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
                for stmt in BOOTSTRAP:
                    conn.execute(stmt)
                version = self._version(conn)
                schema = conn.execute("SELECT quote_ident(current_schema())").fetchone()[0]
                for target in range(version + 1, SCHEMA_VERSION + 1):
                    for stmt in MIGRATIONS[target]:
                        conn.execute(stmt.replace("{schema}", schema))
                    conn.execute(f"UPDATE {VERSION_TABLE} SET version = %s", (target,))
        except self._pg.errors.InsufficientPrivilege as e:
            raise FacilitationError("store_needs_migration", version=found, supported=SCHEMA_VERSION) from e

    @property
    def schema_version(self) -> int:
        return self._version(self._conn())

    # ---- erasure ---------------------------------------------------------------------------------

    def _scrub(self) -> None:
        """Vacuum the tables that held the erased rows, when this role owns them (the admin); consultants'
        deletes are vacuumed by autovacuum. What PostgreSQL keeps beyond that: docs/deployment.md."""
        conn = self._conn()
        owner = conn.execute(
            "SELECT pg_has_role(session_user, tableowner, 'USAGE') FROM pg_tables "
            "WHERE tablename = 'changes' AND schemaname = current_schema()"
        ).fetchone()
        if owner and owner[0]:
            conn.execute("VACUUM records, changes, cases, shares")


def _first_line(e: BaseException) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
