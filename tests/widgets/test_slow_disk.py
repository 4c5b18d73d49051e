"""A click on a slow disk (issue 16.8): what the consultant clicked shows before the durable commit, the
"Bewaard" mark only after it, and a commit that fails is taken back on screen with a message; nothing
stored changes. The store here is real; ``commits`` wraps its ``apply`` to see the screen at commit time."""

from __future__ import annotations

import sqlite3

import pytest

from facilitation.domain import ops
from facilitation.domain.errors import ConflictError
from facilitation.store import Store
from facilitation.ui.columns import ColumnsView
from facilitation.ui.page.context import attach
from facilitation.ui.scaling import ScalingView
from facilitation.ui.session import Session
from facilitation.ui.shell import Shell


def columns_text(view):
    return " ".join(row["html"] for w in view.lists.values() for row in w.rows)


@pytest.fixture
def fresh(session, store):
    """The dashboard as a consultant opens it: a new page on the stored case, nothing saved on it yet."""
    s = Session(Store(store.path))
    s.open_case(session.case.id)
    s.set_meeting(session.meeting_id)
    return s


def commits(store, monkeypatch, look, fail=None):
    """Record ``look()`` each time the store commits an edit; ``fail``: raise it instead of committing."""
    seen = []
    real = store.apply

    def apply(case_id, edit, *args, **kwargs):
        seen.append(look())
        if fail is not None:
            raise fail
        return real(case_id, edit, *args, **kwargs)

    monkeypatch.setattr(store, "apply", apply)
    return seen


def test_the_item_shows_before_the_commit_and_bewaard_after_it(fresh, monkeypatch):
    shell = Shell(fresh)
    view = shell.part("columns")
    assert shell.saved.value == ""  # nothing saved on this page yet
    seen = commits(fresh.store, monkeypatch, lambda: ("Mama drinkt" in columns_text(view), shell.saved.value))
    view.add_text.value = "Mama drinkt 's avonds"
    view.submit()
    assert seen == [(True, "")]  # on screen while committing; the saved mark not yet
    assert "Bewaard" in shell.saved.value
    assert "Mama drinkt" in " ".join(i.text for i in fresh.store.load(fresh.case.id).items.values())
    assert not shell.undo_btn.disabled


def test_the_score_shows_as_chosen_before_the_commit(fresh, monkeypatch):
    view = ScalingView(fresh)
    view.ask_safety.click()  # a scale to score on
    rita = next(p.id for p in fresh.case.people.values() if p.name == "Rita Maes")
    seen = commits(fresh.store, monkeypatch, lambda: view._rows[rita].chosen)
    view._rows[rita].click(7)
    assert seen == [7]
    assert [s.value for s in fresh.store.load(fresh.case.id).scores.values()] == [7]


@pytest.mark.parametrize(
    "error, message",
    [
        (sqlite3.OperationalError("database or disk is full"), "Niet bewaard"),
        (sqlite3.OperationalError("disk I/O error"), "Niet bewaard"),
        (ConflictError("stale", kind="item", id="x"), "Iemand anders wijzigde dit net"),
    ],
    ids=["disk full", "disk gone", "conflict"],
)
def test_a_commit_that_fails_takes_the_item_back_keeps_the_words_and_says_so(fresh, monkeypatch, error, message):
    shell = Shell(fresh)
    view = shell.part("columns")
    ctx = attach(fresh)
    stored_before = fresh.store.load(fresh.case.id)
    log_before = fresh.store.last_seq(fresh.case.id)
    seen = commits(fresh.store, monkeypatch, lambda: "Papa roept" in columns_text(view), fail=error)
    view.add_text.value = "Papa roept als hij boos is"
    view.submit()
    assert seen == [True]  # it was shown...
    assert "Papa roept" not in columns_text(view)  # ...and is taken back
    assert message in shell.status.value and "fac-msg-error" in shell.status.value
    assert view.add_text.value == "Papa roept als hij boos is"  # the words are not lost
    assert ctx.stored == 0  # the page keeps its draft of them
    assert shell.saved.value == "" and shell.undo_btn.disabled
    assert fresh.store.load(fresh.case.id) == stored_before == fresh.case
    assert fresh.store.last_seq(fresh.case.id) == log_before


def test_a_full_disk_in_english(fresh, monkeypatch):
    fresh.set_language("en")
    view = ColumnsView(fresh)
    commits(fresh.store, monkeypatch, lambda: None, fail=sqlite3.OperationalError("database or disk is full"))
    view.add_text.value = "Dad shouts"
    view.submit()
    assert fresh.status == (
        "Not stored: your change could not be written (is the disk full or out of reach?). "
        "The screen shows what is stored again.",
        "error",
    )


def test_a_really_full_store_refuses_the_item_and_keeps_every_earlier_one(fresh):
    """SQLite's own full-database error (the page limit reached, as on a full disk), not a stand-in."""
    shell = Shell(fresh)
    view = shell.part("columns")
    conn = fresh.store._conn()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={pages}")
    typed = []
    for i in range(200):
        text = f"Zorg nummer {i}: " + ", ".join(["oma komt elke woensdag koken"] * 8)
        view.add_text.value = text
        view.submit()
        typed.append(text)
        if "Niet bewaard" in shell.status.value:
            break
    else:
        pytest.fail("the store never filled up")
    stored = {i.text for i in fresh.store.load(fresh.case.id).items.values()}
    assert stored == set(typed[:-1]) and typed[-1] not in stored
    assert {i.text for i in fresh.case.items.values()} == stored  # the screen shows what is stored
    assert view.add_text.value == typed[-1]
    conn.execute(f"PRAGMA max_page_count={pages * 10}")  # room again: the next Enter stores it
    view.submit()
    assert typed[-1] in {i.text for i in fresh.store.load(fresh.case.id).items.values()}


def test_an_edit_made_by_a_listener_is_stored_after_the_one_it_follows(fresh):
    """A listener that edits in answer to an edit (pointing at what was added): both stored, in order."""
    before = set(fresh.case.items)
    added = []

    def point_at_new(event):
        if event.type == "edit" and "item" in event.kinds and not added:
            added.extend(set(fresh.case.items) - before)
            fresh.point_at(added[0])

    fresh.subscribe(point_at_new)
    assert fresh.do(lambda case: ops.add_item(case, "Buurvrouw Els helpt", element="strength")[0])
    log = fresh.store.changes_since(fresh.case.id, 0)
    assert [c.label for c in log[-2:]] == ["edit.add_item", "edit.point"]
    stored = fresh.store.load(fresh.case.id)
    assert stored.meetings[fresh.meeting_id].pointer == added[0] and added[0] in stored.items
    assert fresh.case == stored
    fresh.undo()  # the pointing is not undoable: undo takes back the item
    assert added[0] not in fresh.store.load(fresh.case.id).items


def test_a_sync_during_the_edit_neither_loses_it_nor_misses_the_other_screen(fresh, store):
    """Another screen stored a person; a listener syncs while our item is on screen but not yet stored."""
    other = Session(Store(store.path))
    other.open_case(fresh.case.id)
    edit, els = ops.add_person(other.case, "Buurvrouw Els")
    assert other.do(edit)
    synced = []
    fresh.subscribe(lambda e: synced.append(fresh.sync()) if e.type == "edit" and not synced else None)
    edit, item = ops.add_item(fresh.case, "Els brengt Jonas naar school", element="strength")
    assert fresh.do(edit)
    assert synced == [True]
    assert item in fresh.case.items and els in fresh.case.people  # ours kept, theirs picked up
    assert fresh.case == fresh.store.load(fresh.case.id)
    assert not fresh.sync()  # our own edit is never taken for another screen's
    assert other.sync() and item in other.case.items
