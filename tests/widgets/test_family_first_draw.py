"""The family screen's network map on first opening in a kernel: drawn once, at the size the page measured.

As for the working screen's map (``test_network_first_draw.py``, the same ``Measured.wait``): the stage
(``family-stage.js``) tells the kernel the screen's size as soon as it is in the page, says it cannot (a
hidden tab), or says nothing. Every figure sent is one drawing the family sees on the projector.
"""

from __future__ import annotations

import asyncio

import pytest

from facilitation.domain import ops
from facilitation.domain.trajectory import STANDARD_AGENDA
from facilitation.ui.family import FamilyView
from facilitation.ui.session import Session

SIZE = [1240, 560]


@pytest.fixture
def on_map(session: Session) -> Session:
    """The meeting at its introductions: the family screen shows the network map."""
    m = session.meeting
    phase = STANDARD_AGENDA.index("introductions")
    assert session.do(ops.update(session.case, "meeting", m.id, "edit.phase", phase=phase))
    return session


def people_on_map(view: FamilyView) -> list[str]:
    trace = next(t for t in view.map.figure["data"] if t.get("name") == "people")
    return list(trace["customdata"])


def test_first_opening_draws_the_family_map_once_at_its_size_in_the_page(on_map: Session, in_kernel) -> None:
    async def scenario() -> None:
        view = FamilyView(on_map, own_window=True)
        await asyncio.sleep(0.05)  # the page draws the stage and measures it
        assert view.map.revision == 0  # nothing drawn at an assumed size
        view.stage.size = SIZE
        assert view.map.revision == 1 and view.map.layout.display == ""
        assert view.map.figure["layout"]["meta"]["screen"] == SIZE
        assert people_on_map(view)
        await asyncio.sleep(0.4)  # past the wait: not drawn again
        assert view.map.revision == 1

    in_kernel(scenario)


def test_a_family_screen_the_page_cannot_measure_draws_the_map_at_once(on_map: Session, in_kernel) -> None:
    async def scenario() -> None:
        view = FamilyView(on_map, own_window=True)
        view.stage._handle_custom_msg({"type": "unsized"}, [])  # a hidden tab
        assert view.map.revision == 1 and people_on_map(view)
        view.stage.size = SIZE  # the tab is shown: drawn at its size
        assert view.map.revision == 2 and view.map.figure["layout"]["meta"]["screen"] == SIZE

    in_kernel(scenario)


def test_the_family_map_is_drawn_when_the_page_never_tells_its_size(on_map: Session, in_kernel) -> None:
    async def scenario() -> None:
        view = FamilyView(on_map, own_window=True)
        await asyncio.sleep(0.4)
        assert view.map.revision == 1 and people_on_map(view)

    in_kernel(scenario)


def test_a_map_shown_later_is_drawn_once_at_the_size_already_known(session: Session, in_kernel) -> None:
    """The family screen opens on another board; the meeting comes to the introductions later."""

    async def scenario() -> None:
        view = FamilyView(session, own_window=True)
        view.stage.size = SIZE
        assert view.map.revision == 0
        m = session.meeting
        phase = STANDARD_AGENDA.index("introductions")
        assert session.do(ops.update(session.case, "meeting", m.id, "edit.phase", phase=phase))
        assert view.map.revision == 1 and view.map.figure["layout"]["meta"]["screen"] == SIZE
        await asyncio.sleep(0.4)
        assert view.map.revision == 1

    in_kernel(scenario)
