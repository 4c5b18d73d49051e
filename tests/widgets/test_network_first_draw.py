"""The network map's first opening in a kernel: drawn once, at the size the page measured, never left blank.

The part runs here as in a Jupyter kernel (an event loop, a kernel instance); the page is played by hand:
it tells the map's size (``network-input.js`` does so as soon as the map is in the page), says it cannot
(a hidden tab), or says nothing at all. Every figure the kernel sends is drawn by plotly in the browser, so
the number of figures sent is the number of times the family sees the map drawn.
"""

from __future__ import annotations

import asyncio

from facilitation.domain import ops
from facilitation.ui.network import NetworkView
from facilitation.ui.session import Session

SIZE = [1200, 760]


def people_on_map(view: NetworkView) -> list[str]:
    trace = next(t for t in view.plot.figure["data"] if t.get("name") == "people")
    return list(trace["customdata"])


def test_first_opening_draws_the_map_once_at_its_size_in_the_page(session: Session, in_kernel) -> None:
    async def scenario() -> None:
        view = NetworkView(session)
        await asyncio.sleep(0.05)  # the page draws the part and measures the map
        view.input.size = SIZE
        assert view.plot.revision == 1  # one figure sent, one drawing
        assert view.plot.figure["layout"]["meta"]["screen"] == SIZE
        assert "fac-net-sized" in view.widget._dom_classes
        await asyncio.sleep(0.4)  # past the wait: not drawn again
        assert view.plot.revision == 1

    in_kernel(scenario)


def test_an_edit_while_the_map_waits_for_its_size_is_on_the_one_drawing(session: Session, in_kernel) -> None:
    async def scenario() -> None:
        view = NetworkView(session)
        edit, pid = ops.add_person(session.case, "Nieuwe buur", relation="buurvrouw")
        assert session.do(edit)
        view.input.size = SIZE
        assert view.plot.revision == 1 and pid in people_on_map(view)

    in_kernel(scenario)


def test_a_map_the_page_cannot_measure_is_drawn_at_once(session: Session, in_kernel) -> None:
    async def scenario() -> None:
        view = NetworkView(session)
        view.input._handle_custom_msg({"type": "unsized"}, [])  # a hidden tab
        assert view.plot.revision == 1 and people_on_map(view)
        view.input.size = SIZE  # the tab is shown: drawn at its size
        assert view.plot.revision == 2 and view.plot.figure["layout"]["meta"]["screen"] == SIZE

    in_kernel(scenario)


def test_the_map_is_drawn_when_the_page_never_tells_its_size(session: Session, in_kernel) -> None:
    async def scenario() -> None:
        view = NetworkView(session)
        await asyncio.sleep(0.4)
        assert view.plot.revision == 1 and people_on_map(view)
        assert view.legend.value  # the legend beside it too

    in_kernel(scenario)


def test_a_size_out_of_bounds_still_draws_the_map(session: Session, in_kernel) -> None:
    async def scenario() -> None:
        view = NetworkView(session)
        view.input.size = [5, 5]
        assert view.plot.revision == 1 and people_on_map(view)

    in_kernel(scenario)


def test_the_seats_are_worked_out_while_the_page_measures_the_map(session: Session, in_kernel) -> None:
    """The first map in a kernel spends most of its time on the seats: that work is done while the page is
    still drawing the part, so the map is computed at once when its size comes (and nothing is drawn before)."""
    from facilitation.figures import map_layout

    async def scenario() -> None:
        map_layout._quadrant.cache_clear()
        view = NetworkView(session)
        await asyncio.sleep(0.01)  # the kernel is idle: the page draws the part
        assert map_layout._quadrant.cache_info().currsize > 0  # the seats' work is done
        assert view.plot.revision == 0  # and nothing drawn yet: the map still waits for its size
        view.input.size = SIZE
        assert view.plot.revision == 1

    in_kernel(scenario)


def test_the_wait_for_the_size_counts_from_when_the_page_shows_the_map(session: Session, in_kernel) -> None:
    """A busy page can take a while to load and draw the part: that time does not count against the wait,
    so the map is not drawn at an assumed size and then again when its size comes."""
    from facilitation.ui.network import map_input

    async def scenario() -> None:
        map_input.UNSHOWN_WAIT_S = 1.0
        view = NetworkView(session)
        await asyncio.sleep(0.3)  # the page is still drawing the part: more than SIZE_WAIT_S
        assert view.plot.revision == 0
        view.input._handle_custom_msg({"type": "shown"}, [])
        await asyncio.sleep(0.1)  # it measures the map
        assert view.plot.revision == 0
        view.input.size = SIZE
        assert view.plot.revision == 1
        await asyncio.sleep(1.0)  # past both waits: not drawn again
        assert view.plot.revision == 1

    in_kernel(scenario)


def test_the_places_worked_out_ahead_are_the_ones_the_map_is_drawn_with(
    session: Session, in_kernel, monkeypatch
) -> None:
    """The places are worked out while the page measures the map, and not a second time when its size comes;
    after an edit they are worked out again."""
    from facilitation.figures import map_layout

    worked_out = []
    real = map_layout.layout
    monkeypatch.setattr(map_layout, "layout", lambda *a, **k: worked_out.append(1) or real(*a, **k))

    async def scenario() -> None:
        view = NetworkView(session)
        await asyncio.sleep(0.01)  # the kernel is idle: the page draws the part
        assert len(worked_out) == 1
        view.input.size = SIZE
        assert view.plot.revision == 1 and len(worked_out) == 1
        edit, pid = ops.add_person(session.case, "Nieuwe Buur", sector="friends", closeness=2, relation="buur")
        assert session.do(edit)
        assert view.plot.revision == 2 and len(worked_out) == 2
        assert pid in people_on_map(view)

    in_kernel(scenario)
