"""How fast the network map answers on the large case (80 people, ~150 ties). Prints numbers; asserts nothing.

    /work/venv/bin/python tests/bench/bench_network.py

"Add person" is measured from the click on Add until the new figure is handed to the PlotView in the
kernel (the person is validated, stored in SQLite, the seats, facts and figure are recomputed). Sending
the figure to the browser and plotly's drawing come on top and are not measured here.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from facilitation.domain import network as net
from facilitation.figures import map_layout as lay
from facilitation.figures import map_seats
from facilitation.figures import network as fig
from facilitation.samples import large_case
from facilitation.store import Store
from facilitation.ui.network import NetworkView
from facilitation.ui.session import Session

RUNS = 30


def timed(fn: Callable[[], object], runs: int = RUNS) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def report(label: str, ms: list[float]) -> None:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(f"{label:<52} median {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   max {ms[-1]:7.1f} ms")


def main() -> None:
    case = large_case()
    print(
        f"large case: {len(case.people)} people, {len(case.ties)} ties, {len(case.items)} items, "
        f"{len(case.scores)} scores"
    )
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite3")
        session = Session(store)

        t0 = time.perf_counter()
        session.add_case(case)
        view = NetworkView(session)
        cold = (time.perf_counter() - t0) * 1000
        print(f"{'open the case and build the part (cold seat tables)':<52} {cold:7.1f} ms")

        shown: list[float] = []
        original_show = view.plot.show

        def show(figure: object) -> None:
            original_show(figure)
            shown.append(time.perf_counter())

        view.plot.show = show  # type: ignore[method-assign]

        sectors = ("family", "friends", "school", "professional")
        add_ms = []
        for i in range(RUNS):
            view.add_name.value = f"Nieuwe persoon {i}"
            view.add_relation.value = "buur"
            view.add_sector.value = sectors[i % 4]
            view.add_ring.value = 1 + i % 3
            shown.clear()
            t0 = time.perf_counter()
            view.add_btn.click()
            assert shown, "the figure was not redrawn"
            add_ms.append((shown[-1] - t0) * 1000)
        report(f"add person -> figure ready ({len(session.case.people)} people at the end)", add_ms)

        some = next(p for p in session.case.people.values() if not p.is_child)
        view.plot.click(some.id)
        knowledge = ["all", "some", "none"]
        k_ms = []
        for i in range(RUNS):
            shown.clear()
            t0 = time.perf_counter()
            want = knowledge[i % 3]
            view.ed_knowledge.value = want if view.ed_knowledge.value != want else knowledge[(i + 1) % 3]
            k_ms.append((shown[-1] - t0) * 1000 if shown else float("nan"))
        report("mark knowledge of the worries -> figure ready", k_ms)

        n_ms = timed(lambda: view.nudges["left"].click())
        report("move by hand (one arrow) -> figure ready", n_ms)

        c = session.case
        seats = view.seats()
        report("  layout (seats -> places)", timed(lambda: lay.layout(c, seats)))
        report("  facts (networkx)", timed(lambda: net.facts(c)))
        places = lay.layout(c, seats)
        report("  figure dict", timed(lambda: fig.network_figure(c, "nl", places=places)))
        report("  seats from the change log (incremental)", timed(view.seats))
        book = map_seats.SeatBook()
        changes = store.changes_since(c.id, 0)
        report(f"  seat book from the whole log ({len(changes)} changes)", timed(lambda: book.start(c, changes), 5))
        figure = fig.network_figure(c, "nl", places=places)
        print(f"figure sent to the browser: {len(json.dumps(figure)) / 1024:.0f} KiB, {len(figure['data'])} traces")


if __name__ == "__main__":
    main()
