"""The SQLite store: committed at once, change log, undo, conflicts, two processes, migrations."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import stat

import pytest

from facilitation.domain import ConflictError, ops
from facilitation.store import Store
from facilitation.store.migrations import SCHEMA_VERSION


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "data" / "s.sqlite3")


@pytest.fixture
def case_id(store):
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    return store.add_case(case)


def test_store_file_is_private(store):
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(store.path.parent).st_mode) == 0o700


def test_edit_is_committed_and_visible_to_a_new_connection(store, case_id):
    case = store.load(case_id)
    edit, pid = ops.add_person(case, "Rita")
    store.apply(case_id, edit, "s1")
    assert Store(store.path).load(case_id).people[pid].name == "Rita"


def test_change_log_has_before_and_after(store, case_id):
    case = store.load(case_id)
    edit, pid = ops.add_person(case, "Rita")
    store.apply(case_id, edit, "s1")
    case = store.load(case_id)
    store.apply(case_id, ops.update(case, "person", pid, name="Rita M."), "s1")
    last = store.history(case_id)[0]
    assert last.before["name"] == "Rita" and last.after["name"] == "Rita M." and last.session == "s1"


def test_undo_restores_and_is_logged(store, case_id):
    case = store.load(case_id)
    edit, pid = ops.add_person(case, "Rita")
    group = store.apply(case_id, edit)
    store.undo(case_id, group)
    assert pid not in store.load(case_id).people
    assert store.history(case_id)[1].undone


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
    both = ops.combine("x", [e2, e1])  # e1 again: its 'before' (None) no longer holds
    with pytest.raises(ConflictError):
        store.apply(case_id, both)
    assert sorted(p.name for p in store.load(case_id).people.values()) == ["A", "Jonas"]


def _writer(path: str, case_id: str, n: int, tag: str) -> None:
    store = Store(path)
    for i in range(n):
        case = store.load(case_id)
        edit, _ = ops.add_person(case, f"{tag}{i}")
        store.apply(case_id, edit, tag)


def test_two_processes_write_the_same_case_without_loss(store, case_id):
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(store.path), case_id, 25, t)) for t in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    names = {p.name for p in store.load(case_id).people.values()}
    assert {f"a{i}" for i in range(25)} <= names and {f"b{i}" for i in range(25)} <= names
    assert sqlite3.connect(store.path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_schema_is_versioned(store):
    assert store.schema_version == SCHEMA_VERSION


def test_newer_store_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    from facilitation.domain.errors import FacilitationError

    with pytest.raises(FacilitationError):
        Store(path)
    assert path.read_bytes() == before


def test_list_cases(store, case_id):
    (summary,) = store.list_cases()
    assert summary.id == case_id and summary.title == "Familie Maes" and summary.people == 1
