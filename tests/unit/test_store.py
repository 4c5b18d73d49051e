"""The store on both engines: committed at once, change log, undo, conflicts, two processes, migrations."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import stat

import pytest

from facilitation.domain import ConflictError, ops
from facilitation.domain.errors import FacilitationError
from facilitation.store import CaseStore, Store, open_store, pg_schema
from facilitation.store import migrations as sqlite_migrations


@pytest.fixture
def store(engine):
    return engine.open()


@pytest.fixture
def case_id(store):
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    return store.add_case(case)


def test_both_engines_keep_one_api(engine, store):
    assert isinstance(store, CaseStore)
    again = open_store(engine.target())
    assert type(again) is type(store) and again.user == store.user


def test_store_file_is_private(tmp_path):
    store = Store(tmp_path / "data" / "s.sqlite3")
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(store.path.parent).st_mode) == 0o700


def test_edit_is_committed_and_visible_to_a_new_connection(engine, store, case_id):
    case = store.load(case_id)
    edit, pid = ops.add_person(case, "Rita")
    store.apply(case_id, edit, "s1")
    assert engine.open().load(case_id).people[pid].name == "Rita"


def test_change_log_has_before_after_and_who(store, case_id):
    case = store.load(case_id)
    edit, pid = ops.add_person(case, "Rita")
    store.apply(case_id, edit, "s1")
    case = store.load(case_id)
    store.apply(case_id, ops.update(case, "person", pid, name="Rita M."), "s1")
    last = store.history(case_id)[0]
    assert last.before["name"] == "Rita" and last.after["name"] == "Rita M." and last.session == "s1"
    assert last.who == store.user


def test_undo_restores_and_is_logged(store, case_id):
    case = store.load(case_id)
    edit, pid = ops.add_person(case, "Rita")
    group = store.apply(case_id, edit)
    store.undo(case_id, group)
    assert pid not in store.load(case_id).people
    assert store.history(case_id)[1].undone


def test_ordinary_delete_stays_undoable(store, case_id):
    case = store.load(case_id)
    edit, pid = ops.add_person(case, "Rita", phone="0470 12 34 56")
    store.apply(case_id, edit)
    group = store.apply(case_id, ops.remove_person(store.load(case_id), pid))
    assert pid not in store.load(case_id).people
    store.undo(case_id, group)
    assert store.load(case_id).people[pid].phone == "0470 12 34 56"


def test_conflicting_edit_is_refused_and_nothing_changes(store, case_id):
    case = store.load(case_id)
    edit, pid = ops.add_person(case, "Rita")
    store.apply(case_id, edit)
    seen = store.load(case_id)
    store.apply(case_id, ops.update(seen, "person", pid, name="Rita (scribe)"))
    with pytest.raises(ConflictError):
        store.apply(case_id, ops.update(seen, "person", pid, name="Rita (facilitator)"))
    assert store.load(case_id).people[pid].name == "Rita (scribe)"


def test_failed_edit_stores_nothing(store, case_id):
    case = store.load(case_id)
    e1, _ = ops.add_person(case, "A")
    e2, _ = ops.add_person(case, "B")
    store.apply(case_id, e1)
    before = store.last_seq(case_id)
    both = ops.combine("x", [e2, e1])  # e1 again: its 'before' (None) no longer holds
    with pytest.raises(ConflictError):
        store.apply(case_id, both)
    assert sorted(p.name for p in store.load(case_id).people.values()) == ["A", "Jonas"]
    assert store.last_seq(case_id) == before


def test_a_full_disk_is_reported_as_such_stores_nothing_and_the_next_edit_stores(tmp_path):
    """SQLite's own full-database error (its page limit reached, as on a full disk) reaches the caller as it
    is (it ends the transaction itself: a second rollback must not hide it), and the store stays usable."""
    store = Store(tmp_path / "s.sqlite3")
    case_id = store.add_case(ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)]))
    conn = store._conn()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={pages}")
    case, stored = store.load(case_id), 0
    with pytest.raises(sqlite3.OperationalError, match="database or disk is full"):
        for i in range(200):
            edit, _ = ops.add_item(
                case, f"Zorg {i}: " + ", ".join(["oma komt woensdag koken"] * 10), element="strength"
            )
            store.apply(case_id, edit)
            case, stored = case.apply(edit), stored + 1
    assert store.load(case_id) == case and len(case.items) == stored > 0
    assert len(store.changes_since(case_id, 0)) == stored + 1  # the import and the stored items, no more
    conn.execute(f"PRAGMA max_page_count={pages * 10}")
    store.apply(case_id, edit)
    assert len(store.load(case_id).items) == stored + 1


def test_sync_reads_another_connections_changes_in_order(engine, store, case_id):
    other = engine.open()
    seen = store.last_seq(case_id)
    for name in ("A", "B", "C"):
        edit, _ = ops.add_person(other.load(case_id), name)
        other.apply(case_id, edit, "other")
    got = store.changes_since(case_id, seen)
    assert [c.after["name"] for c in got] == ["A", "B", "C"]
    assert [c.seq for c in got] == sorted(c.seq for c in got)


def _writer(target: str, case_id: str, n: int, tag: str) -> None:
    store = open_store(target)
    for i in range(n):
        while True:  # a conflict is reported, never a silent loss: read again and retry
            case = store.load(case_id)
            edit, _ = ops.add_person(case, f"{tag}{i}")
            try:
                store.apply(case_id, edit, tag)
                break
            except ConflictError:
                continue


def test_two_processes_write_the_same_case_without_loss(engine, store, case_id):
    ctx = multiprocessing.get_context("spawn")
    target = engine.target()
    procs = [ctx.Process(target=_writer, args=(target, case_id, 25, t)) for t in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    names = {p.name for p in store.load(case_id).people.values()}
    assert {f"a{i}" for i in range(25)} <= names and {f"b{i}" for i in range(25)} <= names
    if engine.name == "sqlite":
        assert sqlite3.connect(store.path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_schema_is_versioned(engine, store):
    wanted = sqlite_migrations.SCHEMA_VERSION if engine.name == "sqlite" else pg_schema.SCHEMA_VERSION
    assert store.schema_version == wanted == 2


def test_newer_store_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={sqlite_migrations.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(FacilitationError):
        Store(path)
    assert path.read_bytes() == before


def test_newer_postgres_schema_is_refused(pg_cluster):
    from facilitation.store.postgres import PostgresStore
    from tests.pgserver import ADMIN

    db = pg_cluster.database()
    pg_cluster.sql(f"UPDATE {pg_schema.VERSION_TABLE} SET version = {pg_schema.SCHEMA_VERSION + 1}", db=db)
    with pytest.raises(FacilitationError) as err:
        PostgresStore(pg_cluster.url(ADMIN, db))
    assert err.value.code == "store_too_new"


def test_list_cases(store, case_id):
    (summary,) = store.list_cases()
    assert summary.id == case_id and summary.title == "Familie Maes" and summary.people == 1
    assert summary.owner == store.user


def test_sqlite_store_of_version_1_is_migrated_and_keeps_its_cases(tmp_path):
    path = tmp_path / "v1.sqlite3"
    conn = sqlite3.connect(path)
    for stmt in sqlite_migrations.MIGRATIONS[1]:
        conn.execute(stmt)
    conn.execute("PRAGMA user_version=1")
    conn.execute("INSERT INTO cases VALUES ('c-1', '2026-01-01', '2026-01-01')")
    info = '{"id": "c-1", "title": "Familie Peeters", "start_date": "2026-01-01"}'
    conn.execute("INSERT INTO records VALUES ('c-1', 'case', 'c-1', ?)", (info,))
    conn.commit()
    conn.close()
    store = Store(path)  # the laptop's own user: owns every case of the old file
    assert store.schema_version == 2
    assert [c.title for c in store.list_cases()] == ["Familie Peeters"]
    edit, _ = ops.add_person(store.load("c-1"), "Rita")
    store.apply("c-1", edit)
    assert store.history("c-1")[0].who == store.user


def test_postgres_schema_of_version_1_is_migrated_by_the_admin(pg_cluster):
    from facilitation.store.postgres import PostgresStore
    from tests.pgserver import ADMIN

    pg_cluster.role(ADMIN, admin=True)
    db = "t_v1_" + os.urandom(4).hex()
    pg_cluster.sql(f'CREATE DATABASE {db} OWNER "{ADMIN}"')
    import psycopg

    with psycopg.connect(pg_cluster.url(ADMIN, db), autocommit=True) as conn:
        for stmt in [*pg_schema.BOOTSTRAP, *pg_schema.MIGRATIONS[1]]:
            conn.execute(stmt)  # type: ignore[arg-type]
        conn.execute(f"UPDATE {pg_schema.VERSION_TABLE} SET version = 1")
        conn.execute("INSERT INTO cases VALUES ('c-1', '2026-01-01', '2026-01-01')")
        info = '{"id": "c-1", "title": "Familie Peeters", "start_date": "2026-01-01"}'
        conn.execute("INSERT INTO records VALUES ('c-1', 'case', 'c-1', %s)", (info,))
    pg_cluster.role("alice")
    pg_cluster.sql(f"GRANT CONNECT ON DATABASE {db} TO facilitation_users")
    with pytest.raises(FacilitationError) as err:  # a consultant cannot migrate: the admin is asked to
        PostgresStore(pg_cluster.url("alice", db))
    assert err.value.code == "store_needs_migration"
    assert PostgresStore(pg_cluster.url(ADMIN, db)).schema_version == 2
    # The old case has no owner yet: nobody sees it until the admin gives it one.
    alice = PostgresStore(pg_cluster.url("alice", db))
    assert alice.list_cases() == []
    pg_cluster.sql("UPDATE cases SET owner = 'alice' WHERE id = 'c-1'", db=db)
    assert [c.title for c in alice.list_cases()] == ["Familie Peeters"]


def test_the_command_line_takes_a_path_or_a_url(engine, tmp_path, capsys, monkeypatch):
    from facilitation.cli import main
    from facilitation.store import casefile

    path = tmp_path / "maes.json"
    path.write_text(casefile.dumps(ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])), encoding="utf-8")
    assert main(["--store", engine.target(), "import", str(path)]) == 0
    assert main(["--store", engine.target(), "list"]) == 0
    assert "Familie Maes" in capsys.readouterr().out
    monkeypatch.setenv("FACILITATION_STORE", engine.target())  # the same through the environment
    assert main(["store", "info"]) == 0
    out = capsys.readouterr().out
    assert ("PostgreSQL" if engine.name == "postgresql" else "SQLite") in out and "Dossiers: 1" in out
    assert "password" not in out and (engine.name == "sqlite" or engine.cluster.roles["alice"] not in out)
