"""Widget tests: the dashboard's parts on a real store, without a browser."""

from __future__ import annotations

import pytest

from facilitation.domain import ops
from facilitation.store import Store
from facilitation.ui.session import Session


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "s.sqlite3")


@pytest.fixture
def session(store):
    s = Session(store)
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    for name, rel in (("Rita Maes", "grootmoeder"), ("Sofie Maes", "moeder")):
        edit, _ = ops.add_person(case, name, relation=rel)
        case = case.apply(edit)
    s.add_case(case)
    edit, mid = ops.add_meeting(s.case, "network_meeting", "2026-10-15", list(s.case.people))
    assert s.do(edit)
    s.set_meeting(mid)
    return s
