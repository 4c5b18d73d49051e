"""Serving a dashboard with Voilà: loopback only, sources stripped, idle kernels culled, no CDN.

Voilà's lab template asks a CDN for Font Awesome. We derive our own template ("facilitation") from
the installed lab template with those links removed, put plotly.js and our widgets' modules
(``ui/esm.py``) beside it as local static files, and add a small watchdog that reloads a page left
hanging at "Running…".
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import webbrowser
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .ui import esm, style

TEMPLATE = "facilitation"
DASHBOARDS = ("meeting", "reflecting_team", "training")
CULL_IDLE_S = 900
LOOPBACK = "127.0.0.1"

# Reload a page that did not become usable (``fac-ready``) in time; at most twice in a row.
WATCHDOG = """
<script>
(function () {
  var KEY = 'fac-reloads', LIMIT = 2, WAIT_MS = %(wait)d;
  function ready() { return document.querySelector('.fac-ready') !== null; }
  setTimeout(function check() {
    if (ready()) { sessionStorage.removeItem(KEY); return; }
    var n = parseInt(sessionStorage.getItem(KEY) || '0', 10);
    if (n < LIMIT) { sessionStorage.setItem(KEY, String(n + 1)); location.reload(); }
  }, WAIT_MS);
  var t = setInterval(function () { if (ready()) { sessionStorage.removeItem(KEY); clearInterval(t); } }, 500);
  // Leaving or reloading the page ends its kernel at once (Voilà would otherwise keep it until culled).
  window.addEventListener('pagehide', function () {
    try {
      var cfg = JSON.parse(document.getElementById('jupyter-config-data').textContent);
      if (!cfg.kernelId) return;
      // Double-submit XSRF token: the same random value as a same-site cookie and as a header.
      var m = document.cookie.match(/(?:^|; )_xsrf=([^;]*)/);
      var token = m ? decodeURIComponent(m[1]) : '';
      if (!token) {
        var bytes = new Uint8Array(16);
        crypto.getRandomValues(bytes);
        token = Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
        document.cookie = '_xsrf=' + token + '; path=/; SameSite=Strict';
      }
      var url = (cfg.baseUrl || '/') + 'voila/api/shutdown/' + cfg.kernelId;
      // A beacon survives the page going away better than a request; the token travels as a form field.
      var sent = navigator.sendBeacon && navigator.sendBeacon(url, new URLSearchParams({ _xsrf: token }));
      if (!sent) {
        fetch(url, { method: 'POST', keepalive: true, headers: { 'X-XSRFToken': token }, credentials: 'same-origin' });
      }
    } catch (e) { /* nothing to end */ }
  });
})();
</script>
"""


def repo_dashboards() -> Path | None:
    """The source checkout's ``dashboards/`` (beside its pyproject.toml); None for an installed package, whose
    parent folder is site-packages."""
    root = Path(__file__).resolve().parent.parent
    d = root / "dashboards"
    return d if d.is_dir() and (root / "pyproject.toml").is_file() else None


NOTEBOOK_CALL = {
    "meeting": "from facilitation.app import meeting_dashboard\n\nmeeting_dashboard()",
    "reflecting_team": "from facilitation.app import reflecting_team_dashboard\n\nreflecting_team_dashboard()",
    "training": "from facilitation.app import training_dashboard\n\ntraining_dashboard()",
}


def notebook_json(dashboard: str) -> str:
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": f"{dashboard}-cell",
                "metadata": {},
                "outputs": [],
                "source": NOTEBOOK_CALL[dashboard],
            }
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(nb, indent=1) + "\n"


def notebook_path(dashboard: str, runtime: Path) -> Path:
    """The dashboard notebook: the repository's own if present, else written to ``runtime``."""
    repo = repo_dashboards()
    if repo is not None and (repo / f"{dashboard}.ipynb").exists():
        return repo / f"{dashboard}.ipynb"
    out = runtime / "dashboards"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{dashboard}.ipynb"
    path.write_text(notebook_json(dashboard), encoding="utf-8")
    return path


def prepare_template(runtime: Path, watchdog_ms: int = 40_000) -> Path:
    """Write the ``facilitation`` Voilà template under ``runtime``; returns the JUPYTER_PATH entry."""
    import plotly
    import voila.paths  # noqa: F401  (ensures voila is importable before we look for its templates)
    from jupyter_core.paths import jupyter_path

    lab = None
    for base in jupyter_path("voila", "templates"):
        candidate = Path(base) / "lab" / "index.html.j2"
        if candidate.exists():
            lab = candidate
            break
    if lab is None:
        raise FileNotFoundError("Voilà's lab template was not found")
    root = runtime / "jupyter"
    tpl = root / "voila" / "templates" / TEMPLATE
    (tpl / "static").mkdir(parents=True, exist_ok=True)
    text = lab.read_text(encoding="utf-8")
    # Drop every stylesheet or script the template would fetch from another host.
    external = re.compile(r"""(href|src)\s*=\s*["']https?://""", re.IGNORECASE)
    kept = [line for line in text.splitlines() if not external.search(line)]
    text = "\n".join(kept) + "\n"
    marker = "{{ spinner.html() }}"
    if marker in text:
        text = text.replace(marker, marker + WATCHDOG % {"wait": watchdog_ms}, 1)
    # Our stylesheet, from the page's own server (ui/style.py); the kernels then put none in the page.
    sheet = style.write_served(tpl / "static")
    link = f'<link rel="stylesheet" href="{{{{ resources.base_url }}}}voila/static/{esm.STATIC_SUBDIR}/{sheet.name}" type="text/css" />'
    if "{{ super() }}" not in text:
        raise RuntimeError("Voilà's lab template changed: no place for the stylesheet")
    text = text.replace("{{ super() }}", link + "\n  {{ super() }}", 1)
    (tpl / "index.html.j2").write_text(text, encoding="utf-8")
    (tpl / "conf.json").write_text(json.dumps({"base_template": "lab"}), encoding="utf-8")
    plotly_js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    target = tpl / "static" / "plotly.min.js"
    if not target.exists() or target.stat().st_size != plotly_js.stat().st_size:
        shutil.copyfile(plotly_js, target)
    esm.write_served(tpl / "static")
    return root


def is_loopback(ip: str) -> bool:
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return ip == "localhost"


def voila_command(notebook: Path, port: int, ip: str = LOOPBACK, open_browser: bool = False) -> list[str]:
    return [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        f"--port={port}",
        f"--Voila.ip={ip}",
        "--no-browser" if not open_browser else "--Voila.open_browser=True",
        f"--template={TEMPLATE}",
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--VoilaConfiguration.file_allowlist=^$",  # serve no files from the notebook folder
        f"--MappingKernelManager.cull_idle_timeout={int(os.environ.get('FACILITATION_CULL_IDLE_S', CULL_IDLE_S))}",
        f"--MappingKernelManager.cull_interval={int(os.environ.get('FACILITATION_CULL_INTERVAL_S', 60))}",
        "--MappingKernelManager.cull_connected=False",
        "--Voila.kernel_websocket_connection_class=facilitation.websocket.DashboardConnection",
        "--Voila.log_level=WARN",
        "--Voila.port_retries=0",  # the port asked for or none: never a neighbour the browser does not know
    ]


def voila_env(runtime: Path, store: Path, case_id: str | None, lang: str, target: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    jroot = prepare_template(runtime)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(jroot), env.get("JUPYTER_PATH", "")) if p)
    env["FACILITATION_STORE"] = target or str(store)  # a server store's URL, else the file
    env["FACILITATION_LANG"] = lang
    env[esm.ENV_SERVED] = "1"
    if case_id:
        env["FACILITATION_CASE"] = case_id
    else:
        env.pop("FACILITATION_CASE", None)
    env.setdefault("MPLBACKEND", "Agg")
    # Nothing leaves the machine: no telemetry, and no widget manager fetches from a CDN.
    env["JUPYTER_NO_CONFIG"] = "1"
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


STOP_GRACE_S = 8.0
"""How long Voilà may take to end its kernels and exit before it is killed."""


def own_process_group() -> dict[str, Any]:
    """``Popen`` options that give Voilà a process group of its own: the terminal's Ctrl-C then reaches only
    this command, which stops Voilà in order (``stop_server``) instead of Voilà asking "Shutdown (y/n)?"."""
    if sys.platform == "win32":
        # Windows branch: no sessions there; a new console process group can be sent CTRL_BREAK_EVENT, and
        # Ctrl-C is not delivered to it.
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def stop_server(proc: subprocess.Popen[bytes], grace: float = STOP_GRACE_S) -> int:
    """Stop Voilà and wait for it; killed if it has not ended after ``grace`` seconds. Returns its exit code."""
    if proc.poll() is not None:
        return proc.returncode
    if sys.platform == "win32":
        # Windows branch: CTRL_BREAK_EVENT to its process group ends Voilà; its kernels watch their parent
        # (jupyter_client passes JPY_PARENT_PID) and end with it.
        proc.send_signal(signal.CTRL_BREAK_EVENT)
    else:
        # POSIX: SIGTERM to its group (its session); Voilà then shuts its kernels down and exits.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
    try:
        return proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        if sys.platform == "win32":
            proc.kill()
        else:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
        return proc.wait()


def stop_signals() -> list[int]:
    """Signals that end this command as Ctrl-C does, so that Voilà is stopped with it, not left running."""
    if sys.platform == "win32":
        # Windows branch: Ctrl-Break at the console (SIGBREAK); there is no SIGTERM or SIGHUP to catch.
        return [signal.SIGBREAK]
    # POSIX: ``kill`` (SIGTERM) and a closed terminal window (SIGHUP). Voilà, in its own session, gets neither.
    return [signal.SIGTERM, signal.SIGHUP]


@contextlib.contextmanager
def interrupted_by_stop_signals() -> Iterator[None]:
    """While inside, the stop signals raise KeyboardInterrupt (as Ctrl-C does) in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, interrupt) for sig in stop_signals()}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def browser_url(ip: str, port: int) -> str:
    """The address to open in a browser on this machine (an "any address" bind is opened on loopback)."""
    host = LOOPBACK if ip in ("0.0.0.0", "", "::") else ip
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def open_when_ready(url: str, proc: subprocess.Popen[bytes], timeout: float = 120.0) -> threading.Thread:
    """Open ``url`` in the user's browser (``webbrowser``: every platform's default) once the server listens."""
    parts = urlsplit(url)

    def wait_then_open() -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with socket.create_connection((parts.hostname or LOOPBACK, parts.port or 80), timeout=1):
                    webbrowser.open(url)
                    return
            except OSError:
                time.sleep(0.25)

    t = threading.Thread(target=wait_then_open, name="open-browser", daemon=True)
    t.start()
    return t


def run(
    store: Path,
    case_id: str | None,
    lang: str,
    port: int,
    ip: str,
    dashboard: str,
    open_browser: bool,
    target: str | None = None,
) -> int:
    from .store.location import private_dir

    runtime = private_dir(store.parent / "runtime")
    notebook = notebook_path(dashboard, runtime)
    env = voila_env(runtime, store, case_id, lang, target)
    cmd = voila_command(notebook, port, ip)  # the browser is opened here (open_when_ready), not by Voilà
    proc = subprocess.Popen(cmd, env=env, **own_process_group())
    try:
        with interrupted_by_stop_signals():
            if open_browser:
                open_when_ready(browser_url(ip, port), proc)
            return proc.wait()
    finally:
        stop_server(proc)
