"""Who may see what: owners, shares, groups; any other case id is refused; the audit log; the identity."""

from __future__ import annotations

import pytest

from facilitation.cli import main
from facilitation.domain import ops
from facilitation.domain.errors import FacilitationError, NotFoundError
from facilitation.store import identity
from facilitation.ui.session import Session


def _case(store, title: str) -> str:
    return store.add_case(ops.new_case(title, "2026-10-01", [("Kind van " + title, 9)]))


@pytest.fixture
def team(engine):
    """Alice and Bob, each with their own case, and one case of Alice's shared with Bob."""
    alice, bob = engine.open("alice"), engine.open("bob")
    own_a, own_b, shared = _case(alice, "Familie Maes"), _case(bob, "Familie Peeters"), _case(alice, "Familie Janssens")
    alice.share(shared, "bob")
    return alice, bob, own_a, own_b, shared


def test_each_consultant_lists_only_their_own_and_shared_cases(team):
    alice, bob, own_a, own_b, shared = team
    assert {c.id for c in alice.list_cases()} == {own_a, shared}
    assert {c.id for c in bob.list_cases()} == {own_b, shared}
    assert {c.owner for c in bob.list_cases()} == {"alice", "bob"}


def test_a_crafted_request_for_another_consultants_case_is_refused(team):
    """Whatever id the browser sends, the store answers as if Bob's case did not exist for Alice."""
    alice, bob, _own_a, own_b, _shared = team
    theirs = bob.load(own_b)
    edit, _ = ops.add_person(theirs, "Indringer")
    attempts = [
        lambda: alice.load(own_b),
        lambda: alice.apply(own_b, edit, "x"),
        lambda: alice.changes_since(own_b, 0),
        lambda: alice.history(own_b),
        lambda: alice.last_seq(own_b),
        lambda: alice.edit_of(own_b, "whatever"),
        lambda: alice.forget_person(own_b, next(iter(theirs.people))),
        lambda: alice.delete_case(own_b),
        lambda: alice.share(own_b, "alice"),
        lambda: alice.audit(own_b),
    ]
    for attempt in attempts:
        with pytest.raises(NotFoundError):
            attempt()
    assert not alice.has_case(own_b)
    assert len(bob.load(own_b).people) == 1  # nothing of it was changed
    refusals = [e for e in bob.audit(own_b) if e.action == "refused"]
    assert refusals and {e.who for e in refusals} == {"alice"}


def test_a_crafted_request_through_a_session_is_refused(team):
    alice, _bob, _own_a, own_b, _shared = team
    session = Session(alice)
    with pytest.raises(NotFoundError):
        session.open_case(own_b)
    assert session.case is None


def test_the_shared_colleague_edits_and_the_owner_sees_it(team):
    alice, bob, _own_a, _own_b, shared = team
    edit, pid = ops.add_person(bob.load(shared), "Rita", relation="grootmoeder")
    bob.apply(shared, edit, "bob-screen")
    assert alice.load(shared).people[pid].name == "Rita"
    assert alice.changes_since(shared, 0)[-1].who == "bob"


def test_only_the_owner_deletes_or_shares(team):
    _alice, bob, _own_a, _own_b, shared = team
    for attempt in (lambda: bob.delete_case(shared), lambda: bob.share(shared, "carol")):
        with pytest.raises(FacilitationError) as err:
            attempt()
        assert err.value.code == "not_owner"
    assert bob.has_case(shared)


def test_unsharing_takes_the_case_away(team):
    alice, bob, _own_a, _own_b, shared = team
    alice.unshare(shared, "bob")
    assert shared not in {c.id for c in bob.list_cases()}
    with pytest.raises(NotFoundError):
        bob.load(shared)


def test_a_case_shared_with_a_group_reaches_its_members(engine):
    from facilitation.store.postgres import PostgresStore

    alice, carol = engine.open("alice"), engine.open("carol")
    case_id = _case(alice, "Familie Claes")
    assert not carol.has_case(case_id)
    admin = engine.open() if engine.name == "sqlite" else PostgresStore(engine.cluster.url("fac_admin", engine.db))
    admin.add_member("@reflectieteam", "carol")
    alice.share(case_id, "@reflectieteam")
    assert carol.has_case(case_id)
    assert [c.id for c in carol.list_cases()] == [case_id]


def test_audit_log_says_who_opened_changed_and_exported_which_case(engine, tmp_path, monkeypatch):
    alice = engine.open("alice")
    case_id = _case(alice, "Familie Maes")
    session = Session(engine.open("alice"))
    session.open_case(case_id)
    session.do(lambda case: ops.add_person(case, "Rita")[0])
    monkeypatch.setenv("FACILITATION_STORE", engine.target("alice"))
    if engine.name == "sqlite":
        monkeypatch.setenv("JUPYTERHUB_USER", "alice")  # a SQLite store worked on by a named user
    assert main(["export", case_id, "--format", "json", "--out", str(tmp_path / "maes.json")]) == 0
    actions = [(e.who, e.action, e.detail) for e in alice.audit(case_id)]
    assert ("alice", "open", "") in actions
    assert ("alice", "change", "edit.add_person") in actions
    assert ("alice", "export", "json") in actions


def test_a_laptops_os_user_owns_everything_in_their_file(tmp_path):
    from facilitation.store import Store

    path = tmp_path / "s.sqlite3"
    hub_user = Store(path, user="alice")
    case_id = _case(hub_user, "Familie Maes")
    laptop = Store(path)  # no user given, no hub: the OS user
    assert laptop.owns_everything and laptop.user == identity.os_user()
    assert [c.id for c in laptop.list_cases()] == [case_id]
    assert Store(path, user="bob").list_cases() == []


def test_identity_comes_from_the_environment_the_server_runs_in():
    assert identity.current({"JUPYTERHUB_USER": "alice"}) == identity.Identity("alice", "jupyterhub")
    assert identity.current({}) == identity.Identity(identity.os_user(), "os")
    assert identity.current({"JUPYTERHUB_USER": "alice"}, given="bob").name == "bob"
    assert identity.current({}).owns_everything and not identity.current({"JUPYTERHUB_USER": "a"}).owns_everything


def test_under_jupyterhub_the_sqlite_store_acts_for_the_hub_user(tmp_path, monkeypatch):
    from facilitation.store import Store

    path = tmp_path / "s.sqlite3"
    case_id = _case(Store(path, user="bob"), "Familie Peeters")
    monkeypatch.setenv("JUPYTERHUB_USER", "alice")
    store = Store(path)
    assert store.user == "alice" and not store.owns_everything
    with pytest.raises(NotFoundError):
        store.load(case_id)


def test_postgres_identity_is_the_login_role_and_the_hub_user_must_match(pg_cluster, monkeypatch):
    from facilitation.store.postgres import PostgresStore

    db = pg_cluster.database()
    pg_cluster.role("alice")
    assert PostgresStore(pg_cluster.url("alice", db)).user == "alice"
    monkeypatch.setenv("JUPYTERHUB_USER", "bob")
    with pytest.raises(FacilitationError) as err:
        PostgresStore(pg_cluster.url("alice", db))
    assert err.value.code == "identity_mismatch"


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_row_level_security_holds_for_any_sql_a_consultant_sends(engine):
    """Even SQL typed into a kernel, bypassing the store, reaches no other consultant's rows."""
    import psycopg

    alice, bob = engine.open("alice"), engine.open("bob")
    own_a, own_b = _case(alice, "Familie Maes"), _case(bob, "Familie Peeters")
    with psycopg.connect(engine.url("alice"), autocommit=True) as conn:
        seen = {r[0] for r in conn.execute("SELECT DISTINCT case_id FROM records")}
        assert seen == {own_a}
        assert {r[0] for r in conn.execute("SELECT DISTINCT case_id FROM changes")} == {own_a}
        assert conn.execute("SELECT count(*) FROM cases WHERE id = %s", (own_b,)).fetchone()[0] == 0
        assert conn.execute("DELETE FROM records WHERE case_id = %s", (own_b,)).rowcount == 0
        assert conn.execute("UPDATE records SET data = '{}' WHERE case_id = %s", (own_b,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO records VALUES (%s, 'person', 'p-x', '{}')", (own_b,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # no taking over someone's case
            conn.execute("UPDATE cases SET owner = 'alice' WHERE id = %s", (own_a,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO shares VALUES (%s, 'alice')", (own_b,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO members VALUES ('reflectieteam', 'alice')")
    assert len(bob.load(own_b).people) == 1


def test_the_postgres_admin_reaches_every_case_to_share_or_audit_it(pg_cluster):
    """Consultants under the hub hold no database password: the admin shares or hands over on request."""
    from facilitation.store.postgres import PostgresStore
    from tests.pgserver import ADMIN

    db = pg_cluster.database()
    pg_cluster.role("alice")
    pg_cluster.role("bob")
    alice, bob = PostgresStore(pg_cluster.url("alice", db)), PostgresStore(pg_cluster.url("bob", db))
    case_id = _case(alice, "Familie Maes")
    admin = PostgresStore(pg_cluster.url(ADMIN, db))
    assert admin.owns_everything and not alice.owns_everything
    assert [c.id for c in admin.list_cases()] == [case_id]
    admin.share(case_id, "bob")
    assert bob.has_case(case_id)
    assert ("fac_admin", "share", "bob") in [(e.who, e.action, e.detail) for e in alice.audit(case_id)]


def test_every_store_error_has_a_message_in_both_languages():
    import re
    from pathlib import Path

    from facilitation.i18n import catalog

    root = Path(__file__).resolve().parents[2] / "facilitation"
    sources = [*(root / "store").glob("*.py"), root / "cli_store.py", root / "hub.py"]
    codes = {
        code
        for path in sources
        for code in re.findall(r'(?:FacilitationError|NotFoundError|ConflictError)\(\s*"(\w+)"', path.read_text())
    }
    assert {"not_owner", "store_locked", "wrong_key", "erased"} <= codes
    missing = sorted(c for c in codes if f"error.{c}" not in catalog())
    assert missing == []
