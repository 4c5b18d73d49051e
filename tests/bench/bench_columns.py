"""How fast the three columns answer on a large case (80 people, 400 items). Prints numbers; asserts nothing.

    /work/venv/bin/python tests/bench/bench_columns.py            # kernel side
    /work/venv/bin/python tests/bench/bench_columns.py --browser  # also Voilà + Chromium

Kernel side: from the user's action (Enter, Save) until the widget tree is updated (the edit is stored in
SQLite first). The browser's drawing comes on top and is not measured here.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from facilitation.domain import ops
from facilitation.domain.case import Case
from facilitation.domain.model import ELEMENT_KINDS
from facilitation.store import Store
from facilitation.ui.columns import ColumnsView
from facilitation.ui.session import Session

RUNS = 30


def large_case() -> Case:
    try:
        from facilitation.samples import large_case as sample_large_case

        return sample_large_case()
    except ImportError:
        pass
    rnd = random.Random(17)
    case = ops.new_case("Groot dossier", "2026-01-05", [("Kind", 9)], fictional=True)
    people = []
    for n in range(79):
        edit, pid = ops.add_person(case, f"Persoon {n}", relation="buur")
        case = case.apply(edit)
        people.append(pid)
    edit, mid = ops.add_meeting(case, "network_meeting", "2026-01-20", people[:12])
    case = case.apply(edit)
    for n in range(400):
        edit, _ = ops.add_item(
            case,
            f"Punt {n}: " + "woorden van de familie " * rnd.randint(1, 12),
            element=rnd.choice(ELEMENT_KINDS),
            author=rnd.choice(people),
            meeting=mid,
        )
        case = case.apply(edit)
    return case


def ms(values: list[float]) -> str:
    values = sorted(values)
    return f"median {statistics.median(values) * 1000:.1f} ms, p90 {values[int(len(values) * 0.9)] * 1000:.1f} ms, max {values[-1] * 1000:.1f} ms"


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        case = large_case()
        session = Session(Store(Path(d) / "bench.sqlite3"))
        t0 = time.perf_counter()
        session.add_case(case)
        view = ColumnsView(session)
        build = time.perf_counter() - t0
        n_items = len(session.case.items)
        n_widgets = len(view.lists)
        print(f"case: {len(session.case.people)} people, {n_items} items")
        print(
            f"open case + build columns: {build * 1000:.0f} ms ({n_widgets} row list widgets for {len(view.rows)} rows)"
        )

        redrawn: list[int] = []  # rows sent to the browser again with other words (a new row is not counted)

        def count(ch: dict) -> None:
            before = {r["id"]: r["html"] for r in ch["old"]}
            redrawn.extend(1 for r in ch["new"] if before.get(r["id"], r["html"]) != r["html"])

        for w in view.lists.values():
            w.observe(count, "rows")

        add_times = []
        for n in range(RUNS):
            view.add_text.value = f"Nieuw punt {n} van oma"
            redrawn.clear()
            t = time.perf_counter()
            view.submit()
            add_times.append(time.perf_counter() - t)
        print(
            f"add item (Enter -> stored -> row visible), {RUNS} runs: {ms(add_times)}; rows redrawn besides the new one: {len(redrawn)}"
        )

        ids = list(session.case.items)
        edit_times = []
        redraws = []
        for n in range(RUNS):
            iid = ids[n * 7 % len(ids)]
            view.open_editor(iid)
            view.editor.text.value = f"Aangepast {n}"
            redrawn.clear()
            t = time.perf_counter()
            view.editor.save.click()
            edit_times.append(time.perf_counter() - t)
            redraws.append(len(redrawn))
        print(
            f"edit item (Save -> stored -> row redrawn), {RUNS} runs: {ms(edit_times)}; rows redrawn per edit: max {max(redraws)}"
        )

        open_times = []
        for n in range(RUNS):
            t = time.perf_counter()
            view.open_editor(ids[n * 11 % len(ids)])
            open_times.append(time.perf_counter() - t)
        view.close_editor()
        print(f"open editor: {ms(open_times)}")

        filter_times = []
        people = list(session.case.people)
        for n in range(RUNS):
            t = time.perf_counter()
            view.filter_person.value = people[n % len(people)]
            filter_times.append(time.perf_counter() - t)
        print(f"filter by person: {ms(filter_times)}")

        t = time.perf_counter()
        session.set_language("en")
        print(f"language switch (all rows redrawn): {(time.perf_counter() - t) * 1000:.0f} ms")


def browser() -> None:
    """Page load with 400 items, and Enter -> the new item drawn in Chromium (kernel + websocket + drawing)."""
    from playwright.sync_api import sync_playwright

    from facilitation.store import casefile
    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, start_server

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "large.json"
        path.write_text(casefile.dumps(large_case()), encoding="utf-8")
        srv = start_server(Path(d) / "store.sqlite3", str(path))
        try:
            with sync_playwright() as p:
                b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                page = b.new_page(viewport={"width": 1920, "height": 1080})
                t = time.perf_counter()
                page.goto(srv.url, wait_until="domcontentloaded", timeout=120_000)
                page.wait_for_selector(".fac-ready", timeout=180_000)
                page.click(".fac-tabs .lm-TabBar-tab:has-text('Drie kolommen')")
                page.wait_for_function(
                    "document.querySelectorAll('.fac-columns .fac-item').length >= 400", timeout=180_000
                )
                print(f"browser: page load to 400 items drawn: {(time.perf_counter() - t) * 1000:.0f} ms")
                times = []
                for n in range(10):
                    words = f"Gezegd in de kamer {n}"
                    page.fill(".fac-columns-add-text input", words)
                    t = time.perf_counter()
                    page.press(".fac-columns-add-text input", "Enter")
                    page.locator(".fac-columns .fac-item", has_text=words).wait_for(timeout=30_000)
                    times.append(time.perf_counter() - t)
                print(f"browser: Enter -> item drawn, 10 runs: {ms(times)}")
                b.close()
        finally:
            srv.stop()


if __name__ == "__main__":
    import sys

    main()
    if "--browser" in sys.argv:
        browser()
