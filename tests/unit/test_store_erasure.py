"""What is deleted is gone: `facilitation delete CASE` and *vergeet deze persoon* leave no name or phone
in any byte of the store file, its WAL or its shared-memory file; ordinary deletes stay undoable."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitation.cli import main
from facilitation.domain import ops
from facilitation.store import Store
from facilitation.ui.session import Session

NAME, PHONE, NOTE = "Rita Vermeulen", "0470 98 76 54", "Woont boven de bakkerij Vermeulen"
OTHER = "Marc Claes"


def raw_bytes(path: Path) -> bytes:
    """Every byte of the store file, its WAL and its shared-memory file, as they are on disk now."""
    out = b""
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        if p.exists():
            out += p.read_bytes()
    return out


def traces(path: Path, *words: str) -> list[str]:
    data = raw_bytes(path)
    return [w for w in words if w.encode("utf-8") in data]


def _case_with_rita(store) -> tuple[str, str, str]:
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    case_id = store.add_case(case)
    edit, rita = ops.add_person(store.load(case_id), "Rita", relation="grootmoeder")
    store.apply(case_id, edit, "s")
    store.apply(case_id, ops.update(store.load(case_id), "person", rita, name=NAME, phone=PHONE, notes=NOTE), "s")
    edit, marc = ops.add_person(store.load(case_id), OTHER, relation="buurman")
    store.apply(case_id, edit, "s")
    case = store.load(case_id)
    edit, _ = ops.add_tie(case, rita, marc, "support", note=f"{NAME} belt {OTHER}")
    store.apply(case_id, edit, "s")
    return case_id, rita, marc


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "s.sqlite3")


def test_delete_case_yes_leaves_no_name_in_any_byte(store, capsys):
    case_id, _, _ = _case_with_rita(store)
    other = Store(store.path)  # a dashboard that still has the store open
    assert other.load(case_id).people
    assert traces(store.path, NAME, PHONE), "the test must start from a store that holds the name"
    assert main(["--store", str(store.path), "delete", case_id, "--yes"]) == 0
    assert "Gewist" in capsys.readouterr().out
    assert traces(store.path, NAME, PHONE, NOTE, OTHER, "Familie Maes") == []
    assert store.list_cases() == [] and other.list_cases() == []


def test_delete_asks_first_and_keeps_the_case_on_no(store, monkeypatch, capsys):
    case_id, _, _ = _case_with_rita(store)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "nee")
    assert main(["--store", str(store.path), "delete", case_id]) == 1
    assert "Niets gewist" in capsys.readouterr().out
    assert store.has_case(case_id)


def test_delete_without_a_terminal_needs_yes(store, monkeypatch, capsys):
    case_id, _, _ = _case_with_rita(store)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["--store", str(store.path), "delete", case_id]) == 2
    assert "--yes" in capsys.readouterr().err
    assert store.has_case(case_id)


def test_forget_person_leaves_no_name_or_phone_in_any_byte(store):
    case_id, rita, marc = _case_with_rita(store)
    session = Session(Store(store.path))
    session.open_case(case_id)
    assert traces(store.path, NAME, PHONE, NOTE)
    assert session.forget_person(rita)
    assert rita not in session.case.people and marc in session.case.people
    assert traces(store.path, NAME, PHONE, NOTE) == []
    assert session.status[1] == "ok" and "Vergeten" in session.status[0]
    # The others stay, with their history; the log still says that something was forgotten, not what.
    assert store.load(case_id).people[marc].name == OTHER
    log = store.changes_since(case_id, 0)
    assert any(c.label == "edit.forget_person" for c in log)
    assert all(c.before is None and c.after is None for c in log if c.erased)
    assert any(c.kind == "person" and c.id == marc and c.after for c in log)
    assert [e.action for e in store.audit(case_id)].count("forget") == 1


def test_an_edit_of_a_forgotten_person_cannot_be_undone_and_says_so(store):
    case_id, _, _ = _case_with_rita(store)
    session = Session(store)
    session.open_case(case_id)
    session.do(lambda case: ops.add_person(case, "Sofie Peeters", phone="0499 11 22 33")[0])
    sofie = next(p.id for p in session.case.people.values() if p.name == "Sofie Peeters")
    assert session.forget_person(sofie)
    assert not session.undo()
    assert "vergeten persoon" in session.status[0]
    assert sofie not in store.load(case_id).people
    assert traces(store.path, "Sofie Peeters", "0499 11 22 33") == []


def test_ordinary_remove_in_a_session_stays_undoable(store):
    case_id, rita, _ = _case_with_rita(store)
    session = Session(store)
    session.open_case(case_id)
    assert session.do(lambda case: ops.remove_person(case, rita))
    assert session.undo()
    assert store.load(case_id).people[rita].phone == PHONE


def test_forgetting_on_postgres_removes_every_row_that_held_them(engine):
    """PostgreSQL: no row of any table holds the name any more (what the server keeps on disk beyond
    that, until vacuum and WAL recycling, is in docs/deployment.md)."""
    store = engine.open()
    case_id, rita, _ = _case_with_rita(store)
    keep_id, _, _ = _case_with_rita(store)
    store.forget_person(case_id, rita)
    store.delete_case(keep_id)
    conn = engine.admin()
    tables = ("cases", "records", "changes", "shares", "access_log")
    for table in tables:
        for row in conn.execute(f"SELECT * FROM {table}").fetchall():
            text = " ".join(str(v) for v in row)
            assert NAME not in text and PHONE not in text and NOTE not in text, (table, text)
            assert keep_id not in text or table == "access_log"
    assert OTHER in str(conn.execute("SELECT data FROM records WHERE kind='person'").fetchall())
