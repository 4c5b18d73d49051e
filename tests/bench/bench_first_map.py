"""A consultant's first click on "Netwerk" on the large case, in Voilà and Chromium. Prints numbers; asserts nothing.

    .venv/bin/python tests/bench/bench_first_map.py [--runs 5] [--rest 3]

Each run is a fresh page: loaded until usable, left at rest ``--rest`` seconds (the consultant greets the
family), then the tab is clicked. Measured until the map is drawn and the page answers again, plotly.js
included (unlike ``run.py``, which loads it apart first): what the consultant waits for. Also counted: how
often the map was drawn by then and a second later (each drawing is a figure sent by the kernel).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, start_server  # noqa: E402

READY = ".fac-network .fac-plot-ready"
REVISION = "+(document.querySelector('.fac-network .fac-net-plot').dataset.revision || 0)"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rest", type=float, default=3.0)
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    from facilitation.samples import large_case
    from facilitation.store import Store

    with tempfile.TemporaryDirectory() as tmpd, sync_playwright() as p:
        tmp = Path(tmpd)
        case_id = Store(tmp / "large.sqlite3").add_case(large_case())
        srv = start_server(tmp / "large.sqlite3", case_id)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        times, drawn, later, preloaded = [], [], [], []
        try:
            for _ in range(args.runs + 1):  # the first warms the server
                ctx = browser.new_context(viewport={"width": 1280, "height": 720})
                page = ctx.new_page()
                page.goto(srv.url, wait_until="domcontentloaded", timeout=120_000)
                page.wait_for_selector(".fac-ready", timeout=120_000)
                page.wait_for_timeout(int(args.rest * 1000))
                was_loaded = page.evaluate("() => !!window.Plotly")
                t0 = time.perf_counter()
                page.click(".fac-tabs .lm-TabBar-tab:has-text('Netwerk')")
                page.wait_for_selector(READY, timeout=120_000)
                page.evaluate("new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))")
                times.append(time.perf_counter() - t0)
                drawn.append(page.evaluate(REVISION))
                page.wait_for_timeout(1000)
                later.append(page.evaluate(REVISION))
                preloaded.append(was_loaded)
                page.goto("about:blank")
                page.wait_for_timeout(300)
                ctx.close()
        finally:
            browser.close()
            srv.stop()
    times, drawn, later, preloaded = times[1:], drawn[1:], later[1:], preloaded[1:]
    print(f"first click on 'Netwerk' after {args.rest:g} s at rest, large case, {args.runs} fresh pages:")
    print(
        f"  until drawn (plotly.js included): median {statistics.median(times):.2f} s  ({', '.join(f'{t:.2f}' for t in times)})"
    )
    print(f"  plotly.js already loaded at the click: {sum(preloaded)} of {len(preloaded)}")
    print(f"  drawings of the map when shown: {drawn}; a second later: {later}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
