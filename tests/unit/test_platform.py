"""Running the tool without a POSIX shell: process groups and signals, the browser, where the store lives.

The Windows branches are tried with the platform faked (``sys.platform`` and the Windows-only constants
monkeypatched, the calls recorded); the POSIX branches with real processes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from facilitation import serve
from facilitation.store import location

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX process groups")


@pytest.fixture
def windows(monkeypatch):
    """Pretend to be Windows: the platform and the constants only Windows' Python has."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0x200, raising=False)
    monkeypatch.setattr(signal, "CTRL_BREAK_EVENT", 1, raising=False)
    monkeypatch.setattr(signal, "SIGBREAK", 21, raising=False)


class FakeProc:
    """A Voilà process that records what it was sent; ``ends`` says whether the first signal ends it."""

    def __init__(self, ends: bool) -> None:
        self.pid, self.ends, self.sent, self.killed, self.returncode = 4242, ends, [], False, None

    def poll(self):
        return self.returncode

    def send_signal(self, sig: int) -> None:
        self.sent.append(sig)
        if self.ends:
            self.returncode = 0

    def kill(self) -> None:
        self.killed, self.returncode = True, 1

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            raise subprocess.TimeoutExpired("voila", timeout or 0)
        return self.returncode


# ---- Windows branches, platform faked ----------------------------------------------------------------


def test_on_windows_voila_gets_a_new_process_group(windows):
    assert serve.own_process_group() == {"creationflags": 0x200}


def test_on_windows_voila_is_stopped_with_ctrl_break(windows, monkeypatch):
    monkeypatch.setattr(os, "killpg", lambda *a: pytest.fail("no killpg on Windows"), raising=False)
    proc = FakeProc(ends=True)
    assert serve.stop_server(proc, grace=0.1) == 0  # type: ignore[arg-type]
    assert proc.sent == [signal.CTRL_BREAK_EVENT] and not proc.killed


def test_on_windows_a_voila_that_does_not_end_is_killed(windows):
    proc = FakeProc(ends=False)
    assert serve.stop_server(proc, grace=0.1) == 1  # type: ignore[arg-type]
    assert proc.sent == [signal.CTRL_BREAK_EVENT] and proc.killed


def test_on_windows_ctrl_break_stops_the_command(windows):
    assert serve.stop_signals() == [signal.SIGBREAK]


def test_on_windows_the_store_is_in_local_app_data(windows, monkeypatch):
    monkeypatch.delenv(location.ENV_STORE, raising=False)
    monkeypatch.setenv("LOCALAPPDATA", "C:\\Users\\an\\AppData\\Local")
    monkeypatch.setenv("APPDATA", "C:\\Users\\an\\AppData\\Roaming")
    assert location.data_dir() == Path("C:\\Users\\an\\AppData\\Local") / "facilitation"
    assert "Roaming" not in str(location.default_store_path())
    monkeypatch.setenv(location.ENV_STORE, "D:\\cases\\store.sqlite3")
    assert location.default_store_path() == Path("D:\\cases\\store.sqlite3")


def test_on_windows_private_folders_ask_for_an_owner_only_acl(windows, monkeypatch, tmp_path):
    asked = []
    monkeypatch.setattr(Path, "mkdir", lambda self, **kw: asked.append((self, kw)))
    location.exports_dir(tmp_path / "store.sqlite3")
    # mode=0o700 is what Python on Windows turns into an ACL for the current user and administrators only.
    assert asked == [(tmp_path / "exports", {"parents": True, "exist_ok": True, "mode": 0o700})]


# ---- POSIX branches, real processes ----------------------------------------------------------------


@POSIX
def test_on_posix_voila_gets_its_own_session():
    assert serve.own_process_group() == {"start_new_session": True}
    assert serve.stop_signals() == [signal.SIGTERM, signal.SIGHUP]


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its new parent to reap it has ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@POSIX
def test_on_posix_stop_ends_the_whole_group(tmp_path):
    child = (
        "import subprocess, sys, time; "
        "g = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
        "print(g.pid, flush=True); time.sleep(60)"
    )
    proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, **serve.own_process_group())
    try:
        grandchild = int(proc.stdout.readline())  # type: ignore[union-attr]
        assert os.getpgid(proc.pid) == proc.pid != os.getpgid(0) and os.getpgid(grandchild) == proc.pid
        serve.stop_server(proc, grace=5)  # type: ignore[arg-type]
        assert proc.returncode == -signal.SIGTERM
        deadline = time.monotonic() + 5
        while alive(grandchild) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(grandchild)  # the grandchild went with it
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)


FAKE_VOILA = """
import signal, sys, time
from pathlib import Path
out = Path(sys.argv[1])
def ended(signum, frame):
    out.write_text("stopped by signal %d" % signum)
    sys.exit(0)
signal.signal(signal.SIGTERM, ended)
out.write_text("running")
time.sleep(60)
"""

SERVE = """
import sys
from pathlib import Path
from facilitation import serve
marker, fake = sys.argv[1], sys.argv[2]
serve.voila_command = lambda *a, **k: [sys.executable, fake, marker]
serve.voila_env = lambda *a, **k: None
try:
    serve.run(Path(marker).parent / "store.sqlite3", None, "nl", 1, "127.0.0.1", "meeting", False)
except KeyboardInterrupt:
    sys.exit(130)
"""


@POSIX
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_ending_facilitation_serve_stops_voila_with_it(tmp_path, sig):
    """``kill``, a closed terminal or Ctrl-C reach only the command (Voilà is in its own session): it must
    pass the stop on, or Voilà and its kernels would keep running and hold the port."""
    fake = tmp_path / "fake_voila.py"
    fake.write_text(textwrap.dedent(FAKE_VOILA))
    marker = tmp_path / "voila.txt"
    cmd = [sys.executable, "-c", SERVE, str(marker), str(fake)]
    proc = subprocess.Popen(cmd, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while not (marker.exists() and marker.read_text() == "running"):
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.05)
        os.kill(proc.pid, sig)  # the command only, as a terminal or ``kill`` would
        assert proc.wait(timeout=15) == 130
        assert marker.read_text() == f"stopped by signal {signal.SIGTERM}"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)


# ---- the browser, and places ----------------------------------------------------------------------


def test_the_browser_opens_once_the_server_answers_through_a_private_file(monkeypatch, tmp_path):
    import http.server

    class Answer(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, new=0: opened.append(url))
    httpd = http.server.HTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = serve.base_url("127.0.0.1", httpd.server_address[1])
        assert serve.wait_until_served(url, "the-key", FakeProc(ends=True), timeout=10)  # type: ignore[arg-type]
        opener = serve.open_in_browser(serve.page_url(url, "the-key"), tmp_path)
    finally:
        httpd.shutdown()
    # The key is in a file only this user reads, not on a command line other accounts can see.
    assert opened == [opener.as_uri()] and "the-key" not in opened[0]
    assert "token=the-key" in opener.read_text() and (opener.stat().st_mode & 0o777) == 0o600


def test_no_browser_for_a_server_that_ended():
    proc = FakeProc(ends=True)
    proc.returncode = 1
    assert not serve.wait_until_served("http://127.0.0.1:9/", "k", proc, timeout=5)  # type: ignore[arg-type]


def test_browser_addresses():
    assert serve.base_url("127.0.0.1", 8866) == "http://127.0.0.1:8866/"
    assert serve.base_url("0.0.0.0", 8866) == "http://127.0.0.1:8866/"
    assert serve.base_url("::1", 8870) == "http://[::1]:8870/"


def test_voila_keeps_to_the_port_it_was_given():
    assert "--Voila.port_retries=0" in serve.voila_command(Path("meeting.ipynb"), 8866)
    assert not any("open_browser=True" in c for c in serve.voila_command(Path("m.ipynb"), 8866))


@POSIX
def test_private_folders_are_owner_only(tmp_path):
    d = location.exports_dir(tmp_path / "data" / "store.sqlite3")
    assert d.is_dir() and d.stat().st_mode & 0o777 == 0o700
    assert location.private_dir(tmp_path / "runtime").stat().st_mode & 0o777 == 0o700
