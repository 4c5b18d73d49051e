"""Benchmark of the meeting dashboard against floors it builds itself (issue 7).

Run: .venv/bin/python tests/bench/run.py [--loads 5] [--clicks 20] [--pages 5] [--verbose]

Prints a table of absolute figures and ratios:
- navigation until usable: the meeting dashboard with the large case (80 people, 400 items, 6 meetings x
  20 participants x 4 scales) against a bare Voilà notebook importing the same libraries with one button;
- click-to-visible latency (median) for adding an item and for recording a score, against a bare
  ipywidgets button-adds-label round trip; a score shows at the click (ui/js/score-row.js) and an item's words
  at the Enter (ui/js/add-field.js), so their round trips to the kernel and back have their own rows ("kernel's
  answer": the button no longer marked pending, the item's own row in place of the one marked "bewaren…");
- kernel memory (RSS) with the large case against the floor's kernel;
- export time of all formats (cold first export, then warm);
- the first opening of each part (parts are built when their tab is first shown; median of ``--pages`` fresh
  pages), no floor. plotly.js,
  loaded once per page (by the page itself once it rests three seconds, ``ui/js/page.js``, or else by the
  first chart shown), is awaited and timed apart just before (its own row: what is left to load after the
  page rested 3 s), so the network map, the first part with a chart, is not charged for it (issue 16.7
  allows counting it apart).
Targets: usable <= 1.2x floor; clicks < 100 ms median and <= 1.3x floor; exports < 1 s.

``--slow-fsync-ms 50``: the dashboard runs on a slow disk (every fsync waits that long first: ``slow_fsync.c``
loaded with LD_PRELOAD into its server and kernels; needs a C compiler), as on a laptop's busy or encrypted
disk or a network share: the durable commit of every edit takes that much longer.
"""

from __future__ import annotations

import argparse
import json
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from facilitation.ui import esm  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, Server, free_port, start_server  # noqa: E402

FLOOR_SOURCE = """\
import ipywidgets as W, plotly.graph_objects as go, pandas, networkx, anywidget
box = W.VBox([])
b = W.Button(description='add')
b.add_class('floor-button')
def add(_):
    box.children = box.children + (W.Label(f'label {len(box.children)}'),)
b.on_click(add)
root = W.VBox([b, box])
root.add_class('fac-ready')
root
"""

# JS: start watching; window.__facDone then holds the milliseconds from the user's input (the pointer or key
# event as the browser received it, so time the page spends busy before handling it counts) until the first
# frame painted after ``predicate()`` holds. Playwright's own checks before it clicks do not count, for the
# floor as for the dashboard.
WATCH_JS = """
(predicate) => {
  const pred = new Function('return (' + predicate + ')');
  window.__facDone = null;
  let start = null, seen = false;
  const types = ['pointerdown', 'mousedown', 'keydown'];
  const onInput = (ev) => {
    if (start === null) start = ev.timeStamp;
    for (const t of types) document.removeEventListener(t, onInput, true);
  };
  for (const t of types) document.addEventListener(t, onInput, true);
  const check = () => {
    if (seen || start === null || !pred()) return;
    seen = true;
    obs.disconnect();
    // Visible means painted: the frame after the change.
    requestAnimationFrame(() => setTimeout(() => { window.__facDone = performance.now() - start; }, 0));
  };
  const obs = new MutationObserver(check);
  obs.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
}
"""


def floor_server(tmp: Path) -> Server:
    from facilitation import serve

    nb = tmp / "floor.ipynb"
    nb.write_text(
        json.dumps(
            {
                "cells": [
                    {
                        "cell_type": "code",
                        "execution_count": None,
                        "id": "floor",
                        "metadata": {},
                        "outputs": [],
                        "source": FLOOR_SOURCE,
                    }
                ],
                "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
                "nbformat": 4,
                "nbformat_minor": 5,
            }
        )
    )
    port = free_port()
    token = secrets.token_urlsafe(24)  # the floor is served behind the same door as the dashboard
    env = serve.voila_env(tmp / "runtime", tmp / "floor.sqlite3", None, "nl", token)
    log = tmp / "floor.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            serve.voila_command(nb, port), env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}/"
    serve.wait_until_served(url, token, proc)
    return Server(url, tmp / "floor.sqlite3", proc, log, token)


def kernel_rss_mb(server_pid: int) -> float:
    """Resident memory of the kernel of the page opened last (kernels of pages closed just before may still
    be ending)."""
    from tests.e2e.conftest import kernel_pids

    def started(pid: int) -> int:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])

    pids = kernel_pids(server_pid)
    if not pids:
        return 0.0
    newest = max(pids, key=started)
    for line in Path(f"/proc/{newest}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def time_loads(browser, url: str, n: int, ready: str) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(n):
        ctx = browser.new_context(viewport={"width": 1280, "height": 720})
        page = ctx.new_page()
        t0 = time.perf_counter()
        page.goto(url, wait_until="domcontentloaded", timeout=120_000)
        page.wait_for_selector(ready, timeout=120_000)
        out.append(time.perf_counter() - t0)
        # Leave the page as closing its tab does: it ends its own kernel (the server keeps at most 4).
        page.goto("about:blank")
        page.wait_for_timeout(300)
        ctx.close()
    return out


PAUSE_MS = 300
"""Between two measured clicks: a person clicks again after seeing the result, not while it is drawn."""


def measure(page, action, predicate: str) -> float:  # type: ignore[no-untyped-def]
    """Milliseconds from the input event ``action()`` makes (a real click or key press) until ``predicate`` shows."""
    page.evaluate(WATCH_JS, predicate)
    action()
    page.wait_for_function("window.__facDone !== null", timeout=30_000)
    done = float(page.evaluate("window.__facDone"))
    page.wait_for_timeout(PAUSE_MS)
    return done


def export_times() -> tuple[float, float]:
    from facilitation.samples import large_case
    from facilitation.services import export as service

    case = large_case()
    with tempfile.TemporaryDirectory() as d:
        t0 = time.perf_counter()
        service.export_all(case, Path(d) / "cold", lang="nl")
        cold = time.perf_counter() - t0
        warm = []
        for i in range(3):
            t0 = time.perf_counter()
            service.export_all(case, Path(d) / f"warm{i}", lang="nl")
            warm.append(time.perf_counter() - t0)
    return cold, statistics.median(warm)


def slow_disk_env(tmp: Path, ms: int) -> dict[str, str]:
    """The environment that makes every fsync of a server and its kernels wait ``ms`` (none for 0)."""
    if ms <= 0:
        return {}
    shim = tmp / "slow_fsync.so"
    subprocess.run(
        ["cc", "-shared", "-fPIC", "-O2", "-o", str(shim), str(Path(__file__).with_name("slow_fsync.c")), "-ldl"],
        check=True,
    )
    return {"LD_PRELOAD": str(shim), "FAC_SLOW_FSYNC_MS": str(ms)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--loads", type=int, default=5)
    ap.add_argument("--clicks", type=int, default=20)
    ap.add_argument("--pages", type=int, default=5, help="fresh pages whose first openings give the median")
    ap.add_argument("--verbose", action="store_true", help="also print every single click's time")
    ap.add_argument("--slow-fsync-ms", type=int, default=0, help="the dashboard on a slow disk (see above)")
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    from facilitation.samples import large_case
    from facilitation.store import Store

    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmpd, sync_playwright() as p:
        tmp = Path(tmpd)
        store = Store(tmp / "large.sqlite3")
        case_id = store.add_case(large_case())
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        floor = floor_server(tmp)
        dash = start_server(tmp / "large.sqlite3", case_id, env=slow_disk_env(tmp, args.slow_fsync_ms))
        try:
            # Warm both servers once (first kernel start pays imports from a cold disk cache).
            time_loads(browser, floor.url, 1, ".fac-ready")
            time_loads(browser, dash.url, 1, ".fac-ready")
            f_loads = time_loads(browser, floor.url, args.loads, ".fac-ready")
            d_loads = time_loads(browser, dash.url, args.loads, ".fac-ready")
            f_med, d_med = statistics.median(f_loads), statistics.median(d_loads)
            rows.append(("navigation → usable (median s)", f"{d_med:.2f}", f"{f_med:.2f}", f"{d_med / f_med:.2f}×"))

            # Clicks: floor
            ctx = browser.new_context(viewport={"width": 1280, "height": 720})
            page = ctx.new_page()
            page.goto(floor.url)
            page.wait_for_selector(".fac-ready")
            floor_clicks = []
            for i in range(args.clicks):
                floor_clicks.append(
                    measure(
                        page,
                        lambda: page.click(".floor-button"),
                        f"document.querySelectorAll('.widget-label').length >= {i + 1}",
                    )
                )
            f_click = statistics.median(floor_clicks)
            if args.verbose:
                print("floor clicks (ms):", " ".join(f"{v:.0f}" for v in floor_clicks))
            f_mem = kernel_rss_mb(floor.proc.pid)
            ctx.close()

            # Clicks: the dashboard with the large case
            ctx = browser.new_context(viewport={"width": 1280, "height": 720})
            page = ctx.new_page()
            page.goto(dash.url)
            page.wait_for_selector(".fac-ready", timeout=120_000)
            item_ms = click_add_item(page, args.clicks)
            item_confirmed_ms = click_add_item(page, args.clicks, confirmed=True)
            score_ms = click_score(page, args.clicks)
            confirmed_ms = click_score(page, args.clicks, confirmed=True)
            if args.verbose:
                print("add item (ms):", " ".join(f"{v:.0f}" for v in item_ms))
                print("record score (ms):", " ".join(f"{v:.0f}" for v in score_ms))
            d_mem = kernel_rss_mb(dash.proc.pid)
            ctx.close()
            for label, values in (
                ("add item: click → visible (median ms)", item_ms),
                ("add item: click → kernel's answer (median ms)", item_confirmed_ms),
                ("record score: click → visible (median ms)", score_ms),
                ("record score: click → kernel's answer (median ms)", confirmed_ms),
            ):
                if values:
                    med = statistics.median(values)
                    rows.append((label, f"{med:.0f}", f"{f_click:.0f}", f"{med / f_click:.2f}×"))
            rows.append(
                ("kernel memory (MB RSS)", f"{d_mem:.0f}", f"{f_mem:.0f}", f"{d_mem / f_mem:.2f}×" if f_mem else "-")
            )

            # First opening of each part (built when its tab is first shown), on fresh pages: the median of
            # ``--pages`` pages, since one opening on a shared machine is one draw of its noise.
            plotly_s: list[float] = []
            opened: dict[str, list[float]] = {}
            for _ in range(args.pages):
                ctx = browser.new_context(viewport={"width": 1280, "height": 720})
                page = ctx.new_page()
                page.goto(dash.url)
                page.wait_for_selector(".fac-ready", timeout=120_000)
                page.wait_for_timeout(3000)  # the page at rest, as when a consultant first turns to a part
                plotly_s.append(load_plotly(page))
                page.wait_for_timeout(1000)
                for label, seconds in first_openings(page):
                    opened.setdefault(label, []).append(seconds)
                ctx.close()
            rows.append(
                ("plotly.js: left to load after 3 s at rest (s)", f"{statistics.median(plotly_s):.2f}", "-", "-")
            )
            for label, seconds in opened.items():
                rows.append((f"first opening: {label} (median s)", f"{statistics.median(seconds):.2f}", "-", "-"))
            if args.verbose:
                for label, seconds in opened.items():
                    print(f"first opening, {label} (s):", " ".join(f"{v:.2f}" for v in seconds))
        finally:
            dash.stop()
            floor.stop()
            browser.close()

    cold, warm = export_times()
    rows.append(("all exports, large case, cold (s)", f"{cold:.2f}", "-", "-"))
    rows.append(("all exports, large case, warm (s)", f"{warm:.2f}", "1.00 (target)", f"{warm:.2f}×"))

    if args.slow_fsync_ms:
        print(f"the dashboard on a slow disk: every fsync waits {args.slow_fsync_ms} ms")
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'dashboard':>10}  {'floor':>14}  {'ratio':>7}")
    for r in rows:
        print(f"{r[0].ljust(width)}  {r[1]:>10}  {r[2]:>14}  {r[3]:>7}")
    return 0


def click_add_item(page, n: int, confirmed: bool = False) -> list[float]:  # type: ignore[no-untyped-def]
    """Type an item into the first column's quick-add field, press Enter, wait until it shows (painted at the
    Enter, ``ui/js/add-field.js``), or with ``confirmed`` until the kernel's own row has taken its place."""
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Drie kolommen')")
    field = page.locator(".fac-columns .fac-columns-add-text input").first
    field.wait_for(timeout=60_000)
    out = []
    for i in range(n):
        text = f"bench item {i} {time.time_ns()}"
        field.fill(text)
        shown = f"document.querySelector('.fac-columns').textContent.includes({json.dumps(text)})"
        done = f"{shown} && !document.querySelector('.fac-item-ahead')"
        out.append(measure(page, lambda: field.press("Enter"), done if confirmed else shown))
    return out


PARTS = (
    ("Netwerk", "network map", ".fac-network .fac-plot-ready"),
    ("Drie kolommen", "three columns", ".fac-columns .fac-item"),
    ("Schaalvragen", "scaling", ".fac-scaling .fac-history-plot.fac-plot-ready"),
    ("Veiligheidsplan", "safety plan", ".fac-plan .fac-plan-row .fac-plan-agree"),
)


# JS: load plotly.js with the loader ``ui/js/plot.js`` and ``ui/js/page.js`` use (same URL, same promise, so the
# first chart then finds it); the page itself may have loaded it already while at rest, or be loading it.
LOAD_PLOTLY_JS = (
    "() => {\n"
    + esm.source("plotly-loader").replace("export function", "function")
    + "\nreturn loadPlotly().then(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));\n}"
)


def load_plotly(page) -> float:  # type: ignore[no-untyped-def]
    """Seconds to fetch, parse and run plotly.js in the page (once per page, before the first chart)."""
    t0 = time.perf_counter()
    page.evaluate(LOAD_PLOTLY_JS)
    return time.perf_counter() - t0


def first_openings(page) -> list[tuple[str, float]]:  # type: ignore[no-untyped-def]
    """Seconds from clicking a part's tab for the first time until it is drawn and the page answers again."""
    out = []
    for tab, label, ready in PARTS:
        t0 = time.perf_counter()
        page.click(f".fac-tabs .lm-TabBar-tab:has-text('{tab}')")
        page.wait_for_selector(ready, timeout=120_000)
        page.evaluate("new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))")
        out.append((label, time.perf_counter() - t0))
        page.wait_for_timeout(1000)
    return out


def click_score(page, n: int, confirmed: bool = False) -> list[float]:  # type: ignore[no-untyped-def]
    """Click a score button for the first present person; wait until that button shows as chosen (shown at the
    click), or with ``confirmed`` until the kernel's answer confirms it (no longer ``fac-score-pending``)."""
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Schaalvragen')")
    page.wait_for_selector(".fac-scaling .fac-score-row", timeout=30_000)
    out = []
    for i in range(n):
        value = (i * 3 + 1 + (5 if confirmed else 0)) % 11
        button = f"document.querySelector('.fac-scaling .fac-score-row .fac-score-{value}')"
        shown = f"({button}.classList.contains('fac-score-chosen') || {button}.closest('.fac-score-chosen') !== null)"
        out.append(
            measure(
                page,
                lambda value=value: page.click(f".fac-scaling .fac-score-row .fac-score-{value}"),
                f"{shown} && !{button}.classList.contains('fac-score-pending')" if confirmed else shown,
            )
        )
    return out


if __name__ == "__main__":
    sys.exit(main())
