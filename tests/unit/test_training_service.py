"""The trainer's actions on every group's copy: all or nothing (issue 16: services, issue 21)."""

from __future__ import annotations

import pytest

from facilitation import samples
from facilitation.domain import ops
from facilitation.domain import training as tr
from facilitation.domain.errors import ConflictError, NotFoundError, ValidationError
from facilitation.i18n import translate
from facilitation.services import training as service
from facilitation.store import Store

SAMPLE = "mila-en-finn"


def say(key, **kw):  # type: ignore[no-untyped-def]
    return translate("nl", f"training.gen.{key}", **kw)


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "s.sqlite3")


def start(store, groups=("Rood", "Blauw", "Groen")):  # type: ignore[no-untyped-def]
    return service.start(store, samples.load_sample(SAMPLE), SAMPLE, list(groups), "2026-11-20", say)


def test_copies_are_listed_in_the_order_made(store):
    start(store, ("Zebra", "Aap", "Midden"))
    assert [c.group for c in service.copies(store, SAMPLE)] == ["Zebra", "Aap", "Midden"]


def test_a_group_twice_adds_nothing(store):
    start(store)
    with pytest.raises(ValidationError):
        start(store, ("Paars", "rood"))
    assert [c.group for c in service.copies(store, SAMPLE)] == ["Rood", "Blauw", "Groen"]


def test_apply_all_is_all_or_nothing(store):
    ids = start(store)
    # The third group's copy moved on meanwhile: the edit made from an older read conflicts there.
    stale = store.load(ids[2])
    store.apply(ids[2], tr.set_revealed(stale, tr.steps_in_order(stale)[0].id, True), "group")
    calls = []

    def make(case):  # type: ignore[no-untyped-def]
        calls.append(case.id)
        base = stale if case.id == ids[2] else case
        return tr.set_revealed(base, tr.steps_in_order(base)[0].id, True)

    with pytest.raises(ConflictError):
        service.apply_all(store, ids, make)
    assert calls == ids
    # The first two copies were changed, then put back: nothing of the action remains.
    assert [tr.steps_in_order(store.load(i))[0].revealed for i in ids[:2]] == [False, False]


def test_start_that_fails_halfway_leaves_no_copy(store, monkeypatch):
    real = store.add_case
    made = []

    def add_case(case, *a, **kw):  # type: ignore[no-untyped-def]
        if len(made) == 2:
            raise ConflictError("case_exists", id=case.id)
        made.append(case.id)
        return real(case, *a, **kw)

    monkeypatch.setattr(store, "add_case", add_case)
    with pytest.raises(ConflictError):
        start(store)
    assert service.copies(store, SAMPLE) == []


def test_reset_returns_every_copy_to_the_start(store):
    ids = start(store)
    for cid in ids:
        e, _ = ops.add_item(store.load(cid), "Papa drinkt.", element="danger_statement")
        store.apply(cid, e, "group")
    assert service.reset(store, ids, samples.load_sample(SAMPLE)) == 3
    assert all(not store.load(cid).items_of("danger_statement") for cid in ids)


def test_join_codes_are_short_distinct_and_found_again(store):
    ids = start(store)
    from facilitation.services.room import Room

    room = Room("a secret of this start", lambda: store)
    codes = [room.code(cid) for cid in ids]
    assert len(set(codes)) == 3 and all(len(c) == 6 and c.isalnum() and c.isupper() for c in codes)
    assert not set("".join(codes)) & set("0O1IL5S8B2Z6G")
    assert room.group_for(codes[1].lower()) == ids[1]
    assert room.group_for("AAAAAA") is None
    assert Room("the next start", lambda: store).code(ids[0]) != codes[0]  # a new serving, new codes


def test_removing_an_exercise_is_all_or_nothing(store, monkeypatch):
    ids = start(store)
    work = store.load(ids[0])
    edit, _ = ops.add_item(work, "Groep Rood noteert: mama belt elke avond", element="strength")
    store.apply(ids[0], edit, "group")
    before = {i: store.load(i) for i in ids}
    real = store.delete_case
    gone = []

    def delete_case(case_id):  # type: ignore[no-untyped-def]
        if len(gone) == 2:
            raise ConflictError("case_exists", id=case_id)  # the third copy cannot be removed
        gone.append(case_id)
        real(case_id)

    monkeypatch.setattr(store, "delete_case", delete_case)
    with pytest.raises(ConflictError):
        service.remove(store, ids)
    # Every copy is there again, with the group's work.
    assert sorted(c.case_id for c in service.copies(store, SAMPLE)) == sorted(ids)
    assert {i: store.load(i).items for i in ids} == {i: c.items for i, c in before.items()}
    monkeypatch.setattr(store, "delete_case", real)
    service.remove(store, ids)
    assert service.copies(store, SAMPLE) == []


def test_the_source_of_an_exercise_is_a_sample_or_a_fictional_case_that_is_no_copy(store):
    ids = start(store)
    assert service.load_source(store, SAMPLE).info.title == samples.load_sample(SAMPLE).info.title
    with pytest.raises(NotFoundError):
        service.load_source(store, ids[0])  # a group's copy is never an exercise's source
    with pytest.raises(NotFoundError):
        service.load_source(store, "no-such-case")
    assert service.fictional_ids(store) == tuple(sorted(ids))
    assert [i.id for i in service.infos_of(store, (*ids, "gone"))] == ids
