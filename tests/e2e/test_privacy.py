"""Privacy (issue 9): nothing leaves the machine, the server listens on loopback, sources are not shown,
idle kernels are culled."""

from __future__ import annotations

import os
import socket
import time
import urllib.request
from pathlib import Path

from .conftest import kernel_pids, open_dashboard, page_url, start_server


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            local, state = parts[1], parts[3]
            addr, p = local.split(":")
            if state == "0A" and int(p, 16) == port:
                found.add(addr)
    return found


def test_no_request_leaves_the_machine_and_no_console_errors(make_server, page, watch):
    srv = make_server()
    open_dashboard(page, srv.url)
    tabs = page.locator(".fac-tabs .lm-TabBar-tab")
    for i in range(tabs.count()):
        tabs.nth(i).click()
        page.wait_for_timeout(300)
    page.wait_for_timeout(1000)
    assert watch.external == []
    assert watch.errors == []


def test_server_listens_on_loopback_only(make_server):
    srv = make_server()
    port = srv.port
    addrs = listening_addresses(port)
    assert addrs, "no listening socket found"
    # 0100007F is 127.0.0.1 in /proc/net/tcp's byte order; ::1 is ...01000000 in tcp6.
    assert addrs <= {"0100007F", "00000000000000000000000001000000"}, addrs


def test_sources_are_not_in_the_page(make_server):
    srv = make_server()
    html = urllib.request.urlopen(srv.url, timeout=60).read().decode("utf-8", "replace")
    assert "meeting_dashboard" not in html and "from facilitation" not in html
    assert "cdn." not in html and "fontawesome" not in html.lower()


def test_idle_kernels_are_culled(tmp_path, browser):
    os.environ["FACILITATION_CULL_IDLE_S"] = "4"
    os.environ["FACILITATION_CULL_INTERVAL_S"] = "2"
    try:
        srv = start_server(tmp_path / "s.sqlite3", "jonas-17")
    finally:
        del os.environ["FACILITATION_CULL_IDLE_S"], os.environ["FACILITATION_CULL_INTERVAL_S"]
    try:
        ctx = browser.new_context()
        pg = ctx.new_page()
        open_dashboard(pg, srv.url)
        assert kernels(srv.proc.pid) >= 1
        # The browser goes away without saying goodbye (a laptop lid closed, a crash).
        ctx.close()
        deadline = time.time() + 60
        while time.time() < deadline and kernels(srv.proc.pid):
            time.sleep(1)
        assert kernels(srv.proc.pid) == 0
    finally:
        srv.stop()


def kernels(server_pid: int) -> int:
    return len(kernel_pids(server_pid))


def test_remote_binding_warns(tmp_path, monkeypatch, capsys):
    from facilitation import cli, serve

    monkeypatch.setattr(serve, "run", lambda *a, **k: 0)
    assert cli.main(["--store", str(tmp_path / "s.sqlite3"), "serve", "--ip", "0.0.0.0"]) == 0
    assert "OPGELET" in capsys.readouterr().err
    assert cli.main(["--store", str(tmp_path / "s.sqlite3"), "serve"]) == 0
    assert "OPGELET" not in capsys.readouterr().err
    assert socket.gethostbyname("localhost").startswith("127.")


def test_widget_modules_come_from_the_pages_own_server_once(make_server, browser):
    """Our widgets' JavaScript is imported from the address the page was opened at (127.0.0.1 or localhost:
    another origin would not load), once per page however many item rows there are."""
    srv = make_server()
    port = srv.port
    for origin in (f"http://127.0.0.1:{port}", f"http://localhost:{port}"):
        ctx = browser.new_context(viewport={"width": 1280, "height": 720})
        pg = ctx.new_page()
        requested: list[str] = []
        errors: list[str] = []
        pg.on("request", lambda req, requested=requested: requested.append(req.url))
        pg.on("console", lambda msg, errors=errors: errors.append(msg.text) if msg.type == "error" else None)
        pg.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
        open_dashboard(pg, page_url(origin + "/", srv.token))
        pg.click(".fac-tabs .lm-TabBar-tab:has-text('Drie kolommen')")
        pg.wait_for_selector(".fac-columns .fac-item .fac-item-text", timeout=30_000)
        rows = pg.locator(".fac-columns .fac-item").count()
        assert rows >= 5  # the sample case's items are drawn by the served module
        modules = [u for u in requested if "/voila/static/fac/" in u]
        assert modules and all(u.startswith(origin + "/voila/static/fac/") for u in modules), modules
        row_module = [u for u in modules if "/item-list." in u]
        assert len(row_module) == 1, (rows, row_module)
        assert not [u for u in requested if not u.startswith((origin, origin.replace("http", "ws"), "data:", "blob:"))]
        assert errors == []
        ctx.close()
