"""Schema versions of the SQLite store. Never edit a released step: add the next one."""

from __future__ import annotations

SCHEMA_VERSION = 1

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE cases (
               id TEXT PRIMARY KEY,
               created TEXT NOT NULL,
               updated TEXT NOT NULL)""",
        """CREATE TABLE records (
               case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
               kind TEXT NOT NULL,
               id TEXT NOT NULL,
               data TEXT NOT NULL,
               PRIMARY KEY (case_id, kind, id))""",
        """CREATE TABLE changes (
               seq INTEGER PRIMARY KEY AUTOINCREMENT,
               case_id TEXT NOT NULL,
               grp TEXT NOT NULL,
               at TEXT NOT NULL,
               session TEXT NOT NULL DEFAULT '',
               label TEXT NOT NULL,
               kind TEXT NOT NULL,
               rid TEXT NOT NULL,
               before TEXT,
               after TEXT,
               undoes TEXT)""",
        "CREATE INDEX changes_case_seq ON changes(case_id, seq)",
        "CREATE INDEX changes_grp ON changes(case_id, grp)",
        "CREATE INDEX changes_undoes ON changes(undoes)",
    ],
}
