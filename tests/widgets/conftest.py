"""Widget tests: the dashboard's parts on a real store, without a browser."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any

import pytest
from ipykernel.kernelbase import Kernel

from facilitation.domain import ops
from facilitation.store import Store
from facilitation.ui.network import map_input
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


@pytest.fixture
def in_kernel(monkeypatch) -> Callable[[Callable[[], Coroutine[Any, Any, None]]], None]:
    """Run a scenario as the kernel runs the dashboard: inside its event loop, with a kernel instance."""
    monkeypatch.setattr(Kernel, "initialized", classmethod(lambda cls: True))
    monkeypatch.setattr(map_input, "SIZE_WAIT_S", 0.2)  # a map waiting for its size (``Measured.wait``)
    monkeypatch.setattr(map_input, "UNSHOWN_WAIT_S", 0.3)
    return lambda scenario: _in_own_thread(lambda: asyncio.run(scenario()))


def _in_own_thread(fn: Callable[[], None]) -> None:
    """Run ``fn`` in a thread of its own: its event loop is then the only one there (the browser tests leave
    Playwright's loop running in pytest's thread, where ``asyncio.run`` refuses to start another)."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            fn()
        except BaseException as e:  # raised again in pytest's thread, with its traceback
            failed.append(e)

    t = threading.Thread(target=run)
    t.start()
    t.join()
    if failed:
        raise failed[0]
