"""Crash safety (issue 9): a scripted meeting of edits through the real dashboard, the server and its
kernels killed with SIGKILL at random points and restarted: every edit the screen showed as saved is
there afterwards. An edit shows at once and its commit follows (issue 16.8): it counts as saved when the
page has heard the commit (what moves the "Bewaard" mark and drops the draft of its text).
60 edits / 3 kills in the normal suite; 300 edits / 10 kills with FACILITATION_LONG=1."""

from __future__ import annotations

import os
import random
import signal

from facilitation.store import Store

from .conftest import open_dashboard, start_server, wait_text

LONG = bool(os.environ.get("FACILITATION_LONG"))
EDITS, KILLS = (300, 10) if LONG else (60, 3)


def open_columns(page, url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, url)
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Drie kolommen')")
    page.locator(".fac-columns .fac-columns-add-text input").first.wait_for(timeout=60_000)


def test_nothing_shown_as_saved_is_lost(tmp_path, page):
    rng = random.Random(7)
    store_path = tmp_path / "crash.sqlite3"
    srv = start_server(store_path, "jonas-17")
    port = srv.port
    kill_at = sorted(rng.sample(range(5, EDITS - 1), KILLS))
    confirmed: list[str] = []
    kills = 0
    try:
        open_columns(page, srv.url)
        for n in range(EDITS):
            if kills < len(kill_at) and n == kill_at[kills]:
                srv.stop(signal.SIGKILL)
                kills += 1
                srv = start_server(store_path, "jonas-17", port=port)
                open_columns(page, srv.url)
            text = f"crash-edit {n:03d} — Oma zegt: ‘we blijven’"
            field = page.locator(".fac-columns .fac-columns-add-text input").first
            field.fill(text)
            saved = int(page.evaluate("document.documentElement.dataset.facStored || '0'"))
            field.press("Enter")
            wait_text(page.locator(".fac-columns"), text, timeout=30)
            page.wait_for_function(f"Number(document.documentElement.dataset.facStored) > {saved}", timeout=30_000)
            confirmed.append(text)
    finally:
        srv.stop(signal.SIGKILL)
    case = next(iter(Store(store_path).list_cases()))
    stored = {i.text for i in Store(store_path).load(case.id).items.values()}
    lost = [t for t in confirmed if t not in stored]
    print(f"\ncrash safety: {len(confirmed)} edits shown as done, {kills} SIGKILLs, {len(lost)} lost")
    assert kills == KILLS and len(confirmed) == EDITS
    assert lost == []
