"""Browser tests: a real ``facilitation serve`` (Voilà) subprocess driven by Debian's Chromium.

Each server gets its own store in a temporary folder, is polled until it answers, and is ended by
its own process id (its process group: Voilà and its kernels). Screenshots go to ``build/screenshots``.

Like a user's browser, the tests open the address ``facilitation serve`` prints: ``Server.url`` carries the
server's key (``?token=…``, set with FACILITATION_TOKEN), and the page's cookie keeps later loads working;
``Server.base`` is the bare address (refused without the cookie).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM = os.environ.get("FACILITATION_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
READY_TIMEOUT_MS = 90_000

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    base: str
    store: Path
    proc: subprocess.Popen[bytes]
    log: Path
    token: str = ""
    case_id: str | None = None

    @property
    def url(self) -> str:
        """The address as printed by ``facilitation serve``: with the key."""
        return page_url(self.base, self.token)

    @property
    def port(self) -> int:
        return int(self.base.rsplit(":", 1)[1].strip("/"))

    def page(self, **query: str) -> str:
        """Another page of this server (``view="family"``...), with the key."""
        return page_url(self.base, self.token, **query)

    def kernel_pids(self) -> list[int]:
        """The kernels this server started (its children running ipykernel)."""
        return kernel_pids(self.proc.pid)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        # Voilà runs in a session of its own (serve.own_process_group): the command passes a SIGTERM on, but
        # after a SIGKILL Voilà is left too; it and the kernels are ended below, by their own pid.
        kernels = kernel_pids(self.proc.pid, only_kernels=False)
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, sig)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=15)
        # Kernels run in their own process group; end any the server left behind, by their own pid.
        for pid in reversed(kernels):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def kernel_pids(root: int, only_kernels: bool = True) -> list[int]:
    """Kernels among the descendants of ``root`` (the CLI starts Voilà, Voilà starts the kernels); with
    ``only_kernels=False`` every descendant, parents before their children."""
    children: dict[int, list[int]] = {}
    is_kernel: set[int] = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes()
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
        if b"ipykernel" in cmd:
            is_kernel.add(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, []):
            todo.append(child)
            if child in is_kernel or not only_kernels:
                found.append(child)
    return found


def page_url(base: str, token: str, **query: str) -> str:
    from facilitation.serve import page_url as served

    return served(base, token, **query)


def start_server(
    store: Path,
    case: str | None = None,
    lang: str = "nl",
    dashboard: str = "meeting",
    port: int | None = None,
    token: str | None = None,
    extra: list[str] | None = None,
    env: dict[str, str] | None = None,
    ip: str = "127.0.0.1",
) -> Server:
    """``facilitation serve`` on a free port (or ``port``), with the key ``token`` (a new one if None), on
    ``ip`` (given with ``--ip`` when not loopback)."""
    port = port or free_port()
    token = token or secrets.token_urlsafe(24)
    log = store.parent / f"voila-{port}.log"
    cmd = [sys.executable, "-m", "facilitation", "--store", str(store), "--lang", lang, "serve"]
    cmd += [case] if case else []
    cmd += ["--port", str(port), "--dashboard", dashboard, *(extra or [])]
    cmd += ["--ip", ip] if ip != "127.0.0.1" else []
    env = dict(os.environ, PYTHONUNBUFFERED="1", FACILITATION_TOKEN=token, **(env or {}))
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True, cwd=ROOT)
    srv = Server(f"http://{ip}:{port}/", store, proc, log, token)
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server ended early:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(page_url(srv.base + "voila/static/plotly.min.js", token), timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        srv.stop()
        raise RuntimeError("server did not answer in 60 s")
    return srv


@pytest.fixture
def make_server(tmp_path: Path) -> Iterator:  # type: ignore[type-arg]
    servers: list[Server] = []

    def make(
        case: str | None = "jonas-17",
        lang: str = "nl",
        dashboard: str = "meeting",
        store: Path | None = None,
        **kwargs: Any,
    ) -> Server:
        srv = start_server(store or (tmp_path / "store.sqlite3"), case, lang, dashboard, **kwargs)
        servers.append(srv)
        return srv

    yield make
    for s in servers:
        s.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator:  # type: ignore[type-arg]
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run the README's test command, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@dataclass
class Watch:
    """What a page did that a user would not want: requests off the machine, console errors."""

    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser, watch: Watch) -> Iterator:  # type: ignore[no-untyped-def]
    ctx = browser.new_context(viewport={"width": 1280, "height": 720}, accept_downloads=True)
    pg = ctx.new_page()

    def on_request(req) -> None:  # type: ignore[no-untyped-def]
        url = req.url
        if not (url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:"))):
            watch.external.append(url)

    def on_console(msg) -> None:  # type: ignore[no-untyped-def]
        if msg.type == "error":
            watch.errors.append(msg.text)

    pg.on("request", on_request)
    pg.on("console", on_console)
    pg.on("pageerror", lambda exc: watch.errors.append(f"pageerror: {exc}"))
    yield pg
    ctx.close()


def open_dashboard(page, url: str, ready: str = ".fac-ready", attempts: int = 3) -> None:  # type: ignore[no-untyped-def]
    """Load the page until the dashboard is usable; a page hanging at "Running…" is reloaded."""
    last: Exception | None = None
    for _ in range(attempts):
        try:
            page.goto(url, wait_until="domcontentloaded", timeout=60_000)
            page.wait_for_selector(ready, timeout=READY_TIMEOUT_MS)
            return
        except Exception as e:
            last = e
    raise AssertionError(f"dashboard not usable after {attempts} loads: {last}")


def shot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def text(locator) -> str:  # type: ignore[no-untyped-def]
    """Visible text with ipywidgets' non-breaking spaces turned back into spaces."""
    return str(locator.inner_text()).replace("\xa0", " ")


def choose(page, select_css: str, contains: str, timeout: float = 20.0) -> str:  # type: ignore[no-untyped-def]
    """Pick the option of an ipywidgets dropdown whose text contains ``contains``; returns its label. The
    options come from the kernel: on a busy machine they may arrive a moment after the dropdown."""
    deadline = time.time() + timeout
    labels: list[str] = []
    while True:
        options = page.locator(f"{select_css} option")
        labels = [str(options.nth(i).text_content()) for i in range(options.count())]
        for label in labels:
            if contains in label.replace("\xa0", " "):
                page.locator(select_css).select_option(label=label)
                return label
        if time.time() > deadline:
            raise AssertionError(f"no option containing {contains!r} in {select_css}: {labels}")
        time.sleep(0.2)


def wait_text(locator, contains: str, timeout: float = 15.0) -> str:  # type: ignore[no-untyped-def]
    """Wait until the element's visible text contains ``contains`` (the kernel answers asynchronously)."""
    deadline = time.time() + timeout
    seen = ""
    while time.time() < deadline:
        try:
            seen = text(locator)
        except Exception:
            seen = ""
        if contains in seen:
            return seen
        time.sleep(0.05)
    raise AssertionError(f"{contains!r} did not appear; last text: {seen[:500]!r}")
