"""The tests' PostgreSQL server does not outlive a pytest that is killed (``tests/pgserver.py``'s watchdog).

A pytest run using the server is started as its own process and killed while a test runs; the server
(the postmaster's own pid) must be gone within seconds and its folder removed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import pgserver

ROOT = Path(__file__).resolve().parents[2]

USES_THE_SERVER = """
import json, os, time


def test_waits_with_the_server(pg_cluster):
    info = {"pid": pg_cluster.pid, "folder": str(pg_cluster.folder)}
    with open(os.environ["FAC_PG_INFO"] + ".tmp", "w") as f:
        json.dump(info, f)
    os.replace(os.environ["FAC_PG_INFO"] + ".tmp", os.environ["FAC_PG_INFO"])
    time.sleep(300)
"""

pytestmark = pytest.mark.skipif(pgserver.bindir() is None, reason="PostgreSQL is not installed")


def running(pid: int) -> bool:
    return pgserver._alive(pid)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_killed_pytest_leaves_no_server_running(tmp_path: Path, how: signal.Signals) -> None:
    test = tmp_path / "test_uses_the_server.py"
    test.write_text(USES_THE_SERVER, encoding="utf-8")
    info = tmp_path / "info.json"
    env = dict(os.environ, FAC_PG_INFO=str(info))
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest", str(test)]
    run = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    pid, folder = 0, tmp_path / "none"
    try:
        deadline = time.monotonic() + 120
        while not info.exists():
            assert run.poll() is None, "the inner pytest ended before its test ran"
            assert time.monotonic() < deadline, "the inner pytest never started the server"
            time.sleep(0.2)
        started = json.loads(info.read_text(encoding="utf-8"))
        pid, folder = started["pid"], Path(started["folder"])
        assert running(pid)
        os.kill(run.pid, how)  # pytest alone, as a crashed runner or a killed CI job leaves it
        run.wait(timeout=30)
        deadline = time.monotonic() + 15
        while running(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not running(pid), f"the PostgreSQL server {pid} still runs after pytest was killed"
        while folder.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not folder.exists()
    finally:
        if run.poll() is None:
            os.kill(run.pid, signal.SIGKILL)
            run.wait()
        if pid and running(pid):  # the bug this guards against: not left behind by this test either
            pgserver.Cluster(folder, 0, "", pid).stop()
