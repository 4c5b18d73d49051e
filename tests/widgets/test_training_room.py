"""A group's own laptop in the training room (serve --lan): locked to its group, the trainer's board."""

from __future__ import annotations

import pytest

from facilitation import samples
from facilitation.domain.errors import FacilitationError
from facilitation.services import room as rooms
from facilitation.services import training as service
from facilitation.store import Store
from facilitation.ui.session import Session
from facilitation.ui.training import Training

SAMPLE = "mila-en-finn"


@pytest.fixture
def room(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv(rooms.ENV_SECRET, "secret of this start")
    monkeypatch.setenv(rooms.ENV_JOIN_URL, "http://192.168.1.20:8866/")
    store = Store(tmp_path / "s.sqlite3")
    ids = service.start(store, samples.load_sample(SAMPLE), SAMPLE, ["Rood", "Blauw"], "2026-11-30", lambda k, **kw: k)
    return store, ids


def test_the_trainers_join_board_shows_a_code_and_qr_code_per_group(room):
    store, ids = room
    root = Training(Session(store))
    join = next(p for p in root.parts if p.key == "tr-join")
    board = join.board.value
    code = rooms.Room("secret of this start", lambda: store).code(ids[1])
    assert "http://192.168.1.20:8866/" in board and code in board
    assert board.index("Rood") < board.index("Blauw") and board.count("<svg") == 2


def test_without_lan_there_is_no_join_board(tmp_path):
    root = Training(Session(Store(tmp_path / "s.sqlite3")))
    assert "tr-join" not in [p.key for p in root.parts]


def test_a_groups_laptop_stays_in_its_group(room):
    store, ids = room
    session = Session(store)
    session.open_case(ids[1])
    session.only_case = ids[1]
    root = Training(session, group=ids[1])
    keys = [p.key for p in root.parts]
    assert keys[0] == "tr-info" and "tr-exercise" not in keys and "tr-cards" not in keys and "tr-reveal" not in keys
    assert "tr-compare" in keys
    assert root.group_label.value == "Groep: Blauw"
    assert root.group_pick.layout.display == "none" and root.exercise_pick.layout.display == "none"
    root.open_copy(ids[0])
    assert session.case is not None and session.case.id == ids[1]
    with pytest.raises(FacilitationError):
        session.open_case(ids[0])
    assert session.case.id == ids[1]
