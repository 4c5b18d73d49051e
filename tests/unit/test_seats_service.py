"""Seats from the change log (services/seats.py): the working screen, the family screen and the printed map
read them the same way, and a screen that keeps up by reading only what is new sees what a fresh read sees."""

from __future__ import annotations

from facilitation.domain import ops
from facilitation.services.seats import Seats, seats_of
from facilitation.store import Store


def add(store: Store, cid: str, name: str, **where: object) -> str:
    case = store.load(cid)
    edit, pid = ops.add_person(case, name, **where)
    store.apply(cid, edit, "t")
    return pid


def test_a_screen_that_keeps_up_sees_what_a_fresh_read_sees(tmp_path):
    store = Store(tmp_path / "s.db")
    cid = store.add_case(ops.new_case("Familie Test", "2026-01-05", [("Yasmine", 6)]), "t")
    screen = Seats(lambda: store)
    first = [add(store, cid, n, sector="family", closeness=1) for n in ("Zoë", "Anna", "Mo")]
    before = screen(store.load(cid))
    assert set(before) == set(first)
    # More arrive, one moves to another ring, one is removed: read since the last time, as a screen does.
    add(store, cid, "Els", sector="family", closeness=1)
    case = store.load(cid)
    store.apply(cid, ops.update(case, "person", first[0], closeness=2), "t")
    case = store.load(cid)
    store.apply(cid, ops.delete(case, "person", first[1]), "t")
    case = store.load(cid)
    kept = screen(case)
    assert kept == seats_of(store, case)  # the printed map's seats, read in one go
    assert kept[first[2]] == before[first[2]]  # nobody else moved seats
    other = Seats(lambda: store)
    assert other(case) == kept  # another screen (the family's) agrees


def test_a_log_that_cannot_be_read_leaves_the_document_laid_out_by_id(tmp_path):
    store = Store(tmp_path / "s.db")
    case = ops.new_case("Familie Test", "2026-01-05", [("Yasmine", 6)])
    assert seats_of(store, case) is None  # not stored: no log to read
