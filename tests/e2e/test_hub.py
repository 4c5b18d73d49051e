"""A team server (issue 19): JupyterHub in front, TLS at its proxy, one PostgreSQL store.

Two consultants log in through the hub; each gets their own dashboard server, sees only their own case and
the one case they share, and an edit by one on the shared case appears for the other (the dashboards poll
the change log every second). The hub runs the repository's own configuration
(deploy/jupyterhub/jupyterhub_config.py) with only a test login and test accounts (hub_test_config.py).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from facilitation import samples
from facilitation.domain import ops
from facilitation.store.postgres import PostgresStore
from tests.pgserver import ADMIN

from .conftest import ROOT, free_port, shot, wait_text

pytestmark = pytest.mark.e2e

PASSWORD = secrets.token_hex(12)
ELS, TOM = "els", "tom"  # their own roles (the hub gives them new passwords: no other test uses them)


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


@dataclass
class Hub:
    url: str
    proc: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        """The hub stops the consultants' servers and its proxy; anything left is ended by its own pid."""
        left = _descendants(self.proc.pid)
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        for pid in left:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "tls.crt", folder / "tls.key"
    self_signed = ("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1")
    subprocess.run(
        ["openssl", *self_signed, "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert, key


def start_hub(folder: Path, cluster, db: str) -> Hub:  # type: ignore[no-untyped-def]
    cert, key = _certificate(folder)
    port = free_port()
    env = dict(
        os.environ,
        FACILITATION_HUB_STORE=f"postgresql://127.0.0.1:{cluster.port}/{db}",
        FACILITATION_HUB_ADMIN_STORE=cluster.url(ADMIN, db),
        FACILITATION_HUB_URL=f"https://127.0.0.1:{port}",
        FACILITATION_HUB_TLS_CERT=str(cert),
        FACILITATION_HUB_TLS_KEY=str(key),
        FAC_HUB_DEPLOY_CONFIG=str(ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"),
        FAC_HUB_FOLDER=str(folder),
        FAC_HUB_TEST_PASSWORD=PASSWORD,
        FAC_HUB_USERS=f"{ELS},{TOM}",
        FAC_HUB_INTERNAL_URL=f"http://127.0.0.1:{free_port()}",
        FAC_HUB_PROXY_API_URL=f"http://127.0.0.1:{free_port()}",
        PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        PYTHONUNBUFFERED="1",
    )
    log = folder / "hub.log"
    cmd = [sys.executable, "-m", "jupyterhub", "-f", str(ROOT / "tests" / "e2e" / "hub_test_config.py")]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    hub = Hub(f"https://127.0.0.1:{port}/", proc, log)
    unverified = ssl._create_unverified_context()  # the test's own self-signed certificate
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"hub ended early:\n{log.read_text(errors='replace')[-4000:]}")
        try:
            with urllib.request.urlopen(hub.url + "hub/api/", timeout=2, context=unverified) as r:
                if r.status == 200:
                    return hub
        except OSError:
            time.sleep(0.5)
    hub.stop()
    raise RuntimeError(f"hub did not answer in 90 s:\n{log.read_text(errors='replace')[-4000:]}")


@pytest.fixture
def team_store(pg_cluster) -> Iterator[tuple[str, dict[str, str]]]:  # type: ignore[no-untyped-def]
    """A store with a case of Els, one of Tom, and a case of Els's shared with Tom: (db, titles)."""
    db = pg_cluster.database()
    pg_cluster.role(ELS)
    pg_cluster.role(TOM)
    els, tom = PostgresStore(pg_cluster.url(ELS, db)), PostgresStore(pg_cluster.url(TOM, db))
    own_els = els.add_case(ops.new_case("Familie Maes", "2026-10-01", [("Emma", 6)]))
    own_tom = tom.add_case(ops.new_case("Familie Peeters", "2026-10-05", [("Lucas", 12)]))
    shared = els.add_case(samples.load_sample("jonas-17"))
    els.share(shared, TOM)
    titles = {c.id: c.title for c in els.list_cases() + tom.list_cases()}
    yield db, {"els": titles[own_els], "tom": titles[own_tom], "shared": titles[shared]}
    els.close()
    tom.close()


def log_in(browser, hub: Hub, user: str):  # type: ignore[no-untyped-def]
    ctx = browser.new_context(viewport={"width": 1280, "height": 720}, ignore_https_errors=True)
    page = ctx.new_page()
    page.goto(hub.url + "hub/login", wait_until="domcontentloaded", timeout=60_000)
    page.fill("#username_input", user)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")
    page.wait_for_selector(".fac-ready", timeout=180_000)
    assert f"/user/{user}/voila/render/meeting.ipynb" in page.url
    assert page.url.startswith("https://")
    return page


def case_titles(page) -> set[str]:  # type: ignore[no-untyped-def]
    labels = page.locator(".fac-case-pick select option").all_text_contents()
    return {label.replace("\xa0", " ") for label in labels}


def open_shared(page, title: str) -> None:  # type: ignore[no-untyped-def]
    select = page.locator(".fac-case-pick select")
    label = next(o for o in select.locator("option").all_text_contents() if title in o.replace("\xa0", " "))
    select.select_option(label=label)
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Drie kolommen')")
    page.locator(".fac-columns .fac-columns-add-text input").first.wait_for(timeout=60_000)


def test_two_consultants_through_the_hub_see_their_own_and_the_shared_case(browser, pg_cluster, team_store, tmp_path):
    db, titles = team_store
    hub = start_hub(tmp_path, pg_cluster, db)
    try:
        els, tom = log_in(browser, hub, ELS), log_in(browser, hub, TOM)
        seen_els, seen_tom = case_titles(els), case_titles(tom)
        assert any(titles["els"] in s for s in seen_els) and any(titles["shared"] in s for s in seen_els)
        assert not any(titles["tom"] in s for s in seen_els), seen_els
        assert any(titles["tom"] in s for s in seen_tom) and any(titles["shared"] in s for s in seen_tom)
        assert not any(titles["els"] in s for s in seen_tom), seen_tom
        assert len(seen_els) == len(seen_tom) == 2
        shot(els, "hub-els-cases")
        for page in (els, tom):
            open_shared(page, titles["shared"])
        words = "Els: oma Hilde haalt Jonas op na school"
        field = els.locator(".fac-columns .fac-columns-add-text input").first
        field.fill(words)
        field.press("Enter")
        wait_text(els.locator(".fac-columns"), words, timeout=30)
        wait_text(tom.locator(".fac-columns"), words, timeout=30)  # Tom's dashboard polls the change log
        shot(tom, "hub-tom-sees-els-edit")
    finally:
        hub.stop()
    import psycopg

    with psycopg.connect(pg_cluster.url(ADMIN, db), autocommit=True) as conn:
        who = conn.execute("SELECT who FROM changes WHERE after LIKE %s", (f"%{words}%",)).fetchone()
        opened = {r[0] for r in conn.execute("SELECT who FROM access_log WHERE action = 'open'")}
    assert who == (ELS,) and {ELS, TOM} <= opened
