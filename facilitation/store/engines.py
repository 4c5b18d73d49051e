"""Which engine holds the store: ``open_store`` picks SQLite for a path, PostgreSQL for a URL.

Apart from ``base.py`` (the API the engines implement), so the API imports no engine: the engines import
the API, never the other way round.
"""

from __future__ import annotations

import os
from pathlib import Path

from .base import CaseStore, is_url
from .location import default_store_target
from .sqlite import SQLiteStore


def open_store(target: str | os.PathLike[str] | None = None, user: str | None = None) -> CaseStore:
    """The store at ``target``: a ``postgresql://`` URL or a SQLite file (default: ``FACILITATION_STORE``
    or the per-user data folder). ``user``: who works (default: from the environment, ``store.identity``)."""
    target = target if target not in (None, "") else default_store_target()
    if is_url(target):
        from .postgres import PostgresStore  # psycopg loads only for a team server

        return PostgresStore(str(target), user=user)
    return SQLiteStore(Path(target).expanduser(), user=user)
