"""Fixtures for every test folder: the store on both engines (SQLite and a real PostgreSQL).

``engine`` is parametrized: each test using it runs once on a SQLite file and once on a fresh database
of a PostgreSQL server started for the session (``tests/pgserver.py``). ``engine.open(user)`` opens the
store as that consultant (PostgreSQL: their own login role; SQLite: ``user=None`` is the laptop's OS user).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

# The tests decide about keyrings themselves: never the developer's own (a macOS keychain, a desktop's
# Secret Service) and never a passphrase from the shell that started them.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("FACILITATION_PASSPHRASE", None)
os.environ.pop("JUPYTERHUB_USER", None)


@dataclass
class Engine:
    name: str
    path: Path | None = None
    cluster: Any = None
    db: str = ""

    def url(self, user: str = "alice") -> str:
        self.cluster.role(user)
        return str(self.cluster.url(user, self.db))

    def target(self, user: str = "alice") -> str:
        """What ``--store`` / ``FACILITATION_STORE`` is given."""
        return str(self.path) if self.name == "sqlite" else self.url(user)

    def open(self, user: str | None = None) -> Any:
        from facilitation.store.postgres import PostgresStore
        from facilitation.store.sqlite import SQLiteStore

        if self.name == "sqlite":
            return SQLiteStore(self.path, user=user)  # type: ignore[arg-type]
        return PostgresStore(self.url(user or "alice"))

    def admin(self) -> Any:
        """A raw connection as the tables' owner (PostgreSQL) or to the file (SQLite), for checks."""
        if self.name == "sqlite":
            import sqlite3

            return sqlite3.connect(self.path)  # type: ignore[arg-type]
        import psycopg

        from tests.pgserver import ADMIN

        return psycopg.connect(self.cluster.url(ADMIN, self.db), autocommit=True)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Any]:
    from tests import pgserver

    cluster = pgserver.start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Engine:
    if request.param == "sqlite":
        return Engine("sqlite", path=tmp_path / "data" / "s.sqlite3")
    cluster = request.getfixturevalue("pg_cluster")
    return Engine("postgresql", cluster=cluster, db=cluster.database())
