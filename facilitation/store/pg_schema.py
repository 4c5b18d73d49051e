"""Schema versions of the PostgreSQL store, step for step the SQLite store's. Never edit a released step.

Version 1 holds what SQLite's version 1 holds. Version 2 adds owners, shares, groups, the audit log and
erasure marks, and row-level security: every table is readable and writable only for the cases the
logged-in role owns or that are shared with it (or with a group it is in), whatever SQL it sends. The
store checks the same in its own queries; the policies make it hold for any client of the database.

Consultants log in as their own role (a member of ``facilitation_users``); the role that runs the
migrations owns the tables (it is the admin, and as owner it is not bound by the policies). ``{schema}``
is the schema the store lives in (the admin's current schema when the store was first migrated).
"""

from __future__ import annotations

GROUP_ROLE = "facilitation_users"
VERSION_TABLE = "facilitation_schema"

_VISIBLE = "case_id IN (SELECT fac_visible_cases())"
_OWNED = "case_id IN (SELECT fac_owned_cases())"

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
               seq BIGSERIAL PRIMARY KEY,
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
               seq BIGSERIAL PRIMARY KEY,
               at TEXT NOT NULL,
               who TEXT NOT NULL DEFAULT session_user,
               case_id TEXT NOT NULL,
               action TEXT NOT NULL,
               detail TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX access_log_case ON access_log(case_id, seq)",
        # Which cases the logged-in consultant reaches. SECURITY DEFINER: it reads the tables as their
        # owner (no policy recursion); session_user: the role that logged in, not the definer.
        """CREATE FUNCTION fac_visible_cases() RETURNS SETOF TEXT
               LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, {schema} AS $$
               SELECT c.id FROM cases c WHERE c.owner = session_user
               UNION SELECT s.case_id FROM shares s WHERE s.member = session_user
               UNION SELECT s.case_id FROM shares s JOIN members m ON s.member = '@' || m.grp
                     WHERE m.member = session_user
           $$""",
        """CREATE FUNCTION fac_owned_cases() RETURNS SETOF TEXT
               LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, {schema} AS $$
               SELECT c.id FROM cases c WHERE c.owner = session_user
           $$""",
        "REVOKE ALL ON FUNCTION fac_visible_cases(), fac_owned_cases() FROM PUBLIC",
        f"""DO $$ BEGIN
               IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{GROUP_ROLE}') THEN
                   CREATE ROLE {GROUP_ROLE} NOLOGIN;
               END IF;
           END $$""",
        f"GRANT EXECUTE ON FUNCTION fac_visible_cases(), fac_owned_cases() TO {GROUP_ROLE}",
        f"GRANT USAGE ON SCHEMA {{schema}} TO {GROUP_ROLE}",
        f"GRANT SELECT ON {VERSION_TABLE}, members TO {GROUP_ROLE}",
        f"GRANT SELECT, INSERT, DELETE ON cases TO {GROUP_ROLE}",
        f"GRANT UPDATE (updated) ON cases TO {GROUP_ROLE}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON records TO {GROUP_ROLE}",
        f"GRANT SELECT, INSERT, DELETE ON changes TO {GROUP_ROLE}",
        f"GRANT UPDATE (before, after, erased) ON changes TO {GROUP_ROLE}",
        f"GRANT SELECT, INSERT, DELETE ON shares TO {GROUP_ROLE}",
        f"GRANT SELECT, INSERT ON access_log TO {GROUP_ROLE}",
        f"GRANT USAGE ON SEQUENCE changes_seq_seq, access_log_seq_seq TO {GROUP_ROLE}",
        "ALTER TABLE cases ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY fac_read ON cases FOR SELECT USING (id IN (SELECT fac_visible_cases()))",
        "CREATE POLICY fac_add ON cases FOR INSERT WITH CHECK (owner = session_user)",
        "CREATE POLICY fac_touch ON cases FOR UPDATE USING (id IN (SELECT fac_visible_cases()))",
        "CREATE POLICY fac_drop ON cases FOR DELETE USING (owner = session_user)",
        "ALTER TABLE records ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY fac_all ON records FOR ALL USING ({_VISIBLE}) WITH CHECK ({_VISIBLE})",
        "ALTER TABLE changes ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY fac_read ON changes FOR SELECT USING ({_VISIBLE})",
        f"CREATE POLICY fac_add ON changes FOR INSERT WITH CHECK ({_VISIBLE} AND who = session_user)",
        f"CREATE POLICY fac_erase ON changes FOR UPDATE USING ({_VISIBLE})",
        f"CREATE POLICY fac_drop ON changes FOR DELETE USING ({_OWNED})",
        "ALTER TABLE shares ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY fac_read ON shares FOR SELECT USING ({_VISIBLE})",
        f"CREATE POLICY fac_add ON shares FOR INSERT WITH CHECK ({_OWNED})",
        f"CREATE POLICY fac_drop ON shares FOR DELETE USING ({_OWNED})",
        "ALTER TABLE access_log ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY fac_read ON access_log FOR SELECT USING (who = session_user OR {_OWNED})",
        "CREATE POLICY fac_add ON access_log FOR INSERT WITH CHECK (who = session_user)",
    ],
}

SCHEMA_VERSION = max(MIGRATIONS)

BOOTSTRAP = [
    f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)",
    f"INSERT INTO {VERSION_TABLE}(version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM {VERSION_TABLE})",
]
