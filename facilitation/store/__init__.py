"""Persistence: one store API (``base.CaseStore``) on SQLite (one laptop) or PostgreSQL (a team server),
where the store lives, who is working, and the case file format."""

from .base import AuditEntry, CaseStore, CaseSummary, LoggedChange
from .engines import open_store
from .location import default_store_path
from .sqlite import SQLiteStore, Store

__all__ = [
    "AuditEntry",
    "CaseStore",
    "CaseSummary",
    "LoggedChange",
    "SQLiteStore",
    "Store",
    "default_store_path",
    "open_store",
]
