"""Schema versions of the SQLite store. Never edit a released step: add the next one."""

from __future__ import annotations

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
    # Version 2: who owns a case, with whom it is shared, who did what (the audit log), and which logged
    # changes were erased (*vergeet deze persoon*). Cases from before have no owner: on one laptop the OS
    # user owns them all.
    2: [
        "ALTER TABLE cases ADD COLUMN owner TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX cases_owner ON cases(owner)",
        "ALTER TABLE changes ADD COLUMN who TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE changes ADD COLUMN erased INTEGER NOT NULL DEFAULT 0",
        """CREATE TABLE shares (
           case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
           member TEXT NOT NULL,
           PRIMARY KEY (case_id, member))""",
        "CREATE INDEX shares_member ON shares(member)",
        """CREATE TABLE members (
           grp TEXT NOT NULL,
           member TEXT NOT NULL,
           PRIMARY KEY (grp, member))""",
        "CREATE INDEX members_member ON members(member)",
        """CREATE TABLE access_log (
           seq INTEGER PRIMARY KEY AUTOINCREMENT,
           at TEXT NOT NULL,
           who TEXT NOT NULL,
           case_id TEXT NOT NULL,
           action TEXT NOT NULL,
           detail TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX access_log_case ON access_log(case_id, seq)",
    ],
}

SCHEMA_VERSION = max(MIGRATIONS)
