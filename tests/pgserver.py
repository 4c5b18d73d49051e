"""A real PostgreSQL for the tests: ``initdb`` and ``pg_ctl`` in a temporary folder on a free port.

Run as the ``postgres`` user when the tests run as root (``initdb`` refuses root), through ``runuser``.
Logins need a password (scram-sha-256), so a consultant's role cannot pretend to be another's. The
server is ended by its own process id (the postmaster's, from ``postmaster.pid``). Debian's
``postgresql`` package provides the programs (``scripts/setup --test`` installs it).

A pytest killed before it can stop the server (SIGTERM, SIGKILL, its parent gone) must not leave it running:
a watchdog (``WATCHDOG``, a small process of its own session) holds the reading end of a pipe only the
tests' process writes to; when that process ends, however it ends, the pipe closes and the watchdog stops
the server (that very process: its pid and its start time) and removes its folder.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

INITDB_OPTIONS = ("--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
ADMIN = "fac_admin"
"""The role that owns a test store's tables (it migrates them); not a superuser."""


def bindir() -> Path | None:
    """Debian keeps the server programs in /usr/lib/postgresql/<version>/bin; elsewhere, on the PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


WATCHDOG = r"""
import os, shutil, signal, sys, time
pid, started, folder = int(sys.argv[1]), sys.argv[2], sys.argv[3]

def same() -> bool:  # that postmaster, not a later process given its pid
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z" and fields[19] == started

sys.stdin.buffer.read()  # until the tests' process closes the pipe: stopped the server, or ended
if same():
    os.kill(pid, signal.SIGINT)  # fast shutdown
    deadline = time.time() + 10
    while time.time() < deadline and same():
        time.sleep(0.1)
    if same():
        os.kill(pid, signal.SIGKILL)
shutil.rmtree(folder, ignore_errors=True)
"""
"""Run with the postmaster's pid, its start time (``/proc/<pid>/stat`` field 22) and the cluster's folder."""


def start_time(pid: int) -> str:
    """The process's start time (clock ticks since boot): with its pid, it names that very process."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]


def watch(pid: int, folder: Path) -> tuple[subprocess.Popen[bytes], int]:
    """The watchdog for the server ``pid``, and the pipe's writing end (closing it ends the server)."""
    read, write = os.pipe()
    try:
        dog = subprocess.Popen(
            [sys.executable, "-c", WATCHDOG, str(pid), start_time(pid), str(folder)],
            stdin=read,
            start_new_session=True,  # not ended with the tests' process group: it is there to clean up after it
        )
    except BaseException:
        os.close(write)
        raise
    finally:
        os.close(read)
    return dog, write


@dataclass
class Cluster:
    """A running test server: its folder, port, superuser password and the postmaster's pid."""

    folder: Path
    port: int
    password: str
    pid: int = 0
    roles: dict[str, str] = field(default_factory=dict)
    watchdog: subprocess.Popen[bytes] | None = None
    lifeline: int = -1
    """The pipe's writing end the watchdog waits on (``watch``)."""

    def url(self, user: str = "postgres", db: str = "postgres") -> str:
        pw = self.password if user == "postgres" else self.roles[user]
        return f"postgresql://{user}:{pw}@127.0.0.1:{self.port}/{db}"

    def sql(self, *statements: str, db: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(db=db), autocommit=True) as conn:
            for s in statements:
                conn.execute(s)  # type: ignore[arg-type]

    def role(self, name: str, *, admin: bool = False) -> str:
        """A login role with a password (created once per cluster); consultants join the group role."""
        if name not in self.roles:
            pw = secrets.token_hex(12)
            extra = " CREATEROLE" if admin else ""
            self.sql(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{pw}'{extra}")
            if not admin:
                self.sql(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'facilitation_users') THEN "
                    "CREATE ROLE facilitation_users NOLOGIN; END IF; END $$",
                    f'GRANT facilitation_users TO "{name}"',
                )
            self.roles[name] = pw
        return self.roles[name]

    def database(self) -> str:
        """A fresh database owned by the admin role, its store migrated by the admin; returns its name."""
        from facilitation.store.postgres import PostgresStore

        self.role(ADMIN, admin=True)
        name = "t_" + secrets.token_hex(6)
        self.sql(f'CREATE DATABASE {name} OWNER "{ADMIN}"', f"REVOKE ALL ON DATABASE {name} FROM PUBLIC")
        PostgresStore(self.url(ADMIN, name)).close()
        self.sql(f"GRANT CONNECT ON DATABASE {name} TO facilitation_users")
        return name

    def stop(self) -> None:
        if self.pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGINT)  # fast shutdown
            deadline = time.time() + 30
            while time.time() < deadline and _alive(self.pid):
                time.sleep(0.1)
            if _alive(self.pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.pid, signal.SIGKILL)
            self.pid = 0
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.lifeline >= 0:
            os.close(self.lifeline)  # the watchdog finds the server stopped and ends
            self.lifeline = -1
        if self.watchdog is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.watchdog.wait(timeout=15)
            self.watchdog = None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie of ours is not running any more.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def start() -> Cluster:
    """initdb + pg_ctl start, as ``postgres`` when we are root; raises RuntimeError if it cannot."""
    bins = bindir()
    if bins is None:
        raise RuntimeError("PostgreSQL is not installed: run the README's test command (scripts/setup --test)")
    as_root = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="fac-pg-"))
    password = secrets.token_hex(16)
    pwfile = folder / "pw"
    pwfile.write_text(password + "\n")
    data, sock = folder / "data", folder / "sock"
    sock.mkdir()
    if as_root:
        pg = pwd.getpwnam("postgres")
        for p in (folder, pwfile, sock):
            os.chown(p, pg.pw_uid, pg.pw_gid)
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    port = free_port()
    subprocess.run(
        [
            *prefix,
            str(bins / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            f"--pwfile={pwfile}",
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    subprocess.run(
        [*prefix, str(bins / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pid = int((data / "postmaster.pid").read_text().splitlines()[0])
    cluster = Cluster(folder, port, password, pid)
    try:
        cluster.watchdog, cluster.lifeline = watch(pid, folder)
    except BaseException:
        cluster.stop()
        raise
    return cluster
