"""Serving a dashboard with Voilà: loopback only, a key per start, sources stripped, idle kernels culled, no CDN.

Every start makes a random token (``FACILITATION_TOKEN`` sets it for scripts and tests); the address
printed and opened carries it once, a cookie keeps reloads working, and ``voila_app``/``guard`` refuse
anything without it, from another Host or from another site's page.

Voilà's lab template asks a CDN for Font Awesome. We derive our own template ("facilitation") from
the installed lab template with those links removed, put plotly.js and our widgets' modules
(``ui/esm.py``) beside it as local static files, and put the page's own scripts in it (``ui/page/*.js``):
a watchdog that reloads a page left hanging at "Running…" and ends the page's kernel when it goes, the
lost-connection notice, and the drafts of typed text.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from .ui import esm, page, style

TEMPLATE = "facilitation"
DASHBOARDS = ("meeting", "reflecting_team", "training")
CULL_IDLE_S = 900
LOOPBACK = "127.0.0.1"
ENV_TOKEN = "FACILITATION_TOKEN"
ENV_URL = "FACILITATION_URL"
ENV_MAX_SCREENS = "FACILITATION_MAX_SCREENS"
DEFAULT_MAX_SCREENS = 4
"""Kernels (open pages) per server: a working screen, the family's screen, a second typist, one to spare."""


def server_token(env: Mapping[str, str] | None = None) -> str:
    """The key of this start: ``FACILITATION_TOKEN`` when set (scripts, tests), else a new random one."""
    env = os.environ if env is None else env
    return env.get(ENV_TOKEN, "").strip() or secrets.token_urlsafe(32)


def base_url(ip: str, port: int) -> str:
    """``http://127.0.0.1:8866/`` for the address the server listens on (a wildcard: this machine's loopback)."""
    host = LOOPBACK if ip in ("", "0.0.0.0", "::") else ip
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def page_url(base: str, token: str, **query: str) -> str:
    """An address of this server's page that works in a fresh browser: ``base`` with ``query`` and the token,
    e.g. ``page_url(url, token, view="family")`` -> ``http://127.0.0.1:8866/?view=family&token=…``."""
    params = {k: v for k, v in query.items() if k != "token"}
    params["token"] = token
    return f"{base.split('?', 1)[0]}?{urlencode(params)}"


def screen_url(env: Mapping[str, str] | None = None, **query: str) -> str:
    """From a kernel: the address of another screen of this server (same origin as this page), with the key."""
    env = os.environ if env is None else env
    page_at = urlsplit(env.get("VOILA_REQUEST_URL", ""))
    if page_at.scheme in ("http", "https") and page_at.netloc:
        base = env.get("VOILA_BASE_URL", "/") or "/"
        base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
        origin = f"{page_at.scheme}://{page_at.netloc}{base}"
    else:
        origin = env.get(ENV_URL, base_url(LOOPBACK, 8866))
    return page_url(origin, env.get(ENV_TOKEN, ""), **query)


def max_screens(env: Mapping[str, str] | None = None) -> int:
    env = os.environ if env is None else env
    try:
        return max(1, int(env.get(ENV_MAX_SCREENS, DEFAULT_MAX_SCREENS)))
    except ValueError:
        return DEFAULT_MAX_SCREENS


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


def prepare_template(runtime: Path, watchdog_ms: int = 40_000, *, hub: bool = False) -> Path:
    """Write the ``facilitation`` Voilà template under ``runtime``; returns the JUPYTER_PATH entry.

    ``hub``: for a consultant's server under JupyterHub (``hub.py``): Jupyter's own server behind the hub's
    login, without ``voila_app``'s door: the page asks Jupyter's kernel API whether its kernel lives, and
    leaves ending the kernel to Voilà's own goodbye (no end key: the door that checks it is not there)."""
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
    # The page's own scripts, first in the body: they must be listening before Voilà's own code runs.
    marker = "{{ spinner.html() }}"
    if marker not in text:
        raise RuntimeError("Voilà's lab template changed: no place for the page's scripts")
    text = text.replace(marker, marker + "\n" + page.scripts(watchdog_ms, hub=hub), 1)
    # The page's key to end its own kernel (guard.end_key), beside the kernel's id in the page's config.
    kernel = "kernelId=kernel_id)"
    if kernel not in text:
        raise RuntimeError("Voilà's lab template changed: no place for the page's end key")
    if not hub:
        text = text.replace(kernel, "kernelId=kernel_id, facEndKey=kernel_id | fac_end_key)", 1)
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


def lan_addresses(ip: str, port: int) -> tuple[str, str]:
    """``serve --lan``: (the address Voilà listens on, the address the groups' laptops open).

    Without ``--ip`` it listens on every address of this laptop and the groups join at its address on the
    room's network; with ``--ip`` it listens there only (``--ip 127.0.0.1``: a rehearsal on this laptop
    alone, as the tests run it). Never an internet address."""
    from .domain.errors import FacilitationError
    from .services import room as rooms

    if ip == "":
        own = rooms.room_address()
        if not own:
            raise FacilitationError("lan_no_network")
        return "0.0.0.0", base_url(own, port)
    if ip in ("0.0.0.0", "::"):
        own = rooms.room_address()
        if not own:
            raise FacilitationError("lan_no_network")
        return ip, base_url(own, port)
    if not rooms.on_room_network(ip):
        raise FacilitationError("lan_not_private", ip=ip)
    return ip, base_url(ip, port)


def voila_command(notebook: Path, port: int, ip: str = LOOPBACK, screens: int | None = None) -> list[str]:
    """Voilà as ``voila_app`` runs it (the token travels in the environment, never on this command line)."""
    return [
        sys.executable,
        "-m",
        "facilitation.voila_app",
        str(notebook),
        f"--port={port}",
        f"--Voila.ip={ip}",
        "--no-browser",
        f"--BoundedKernelManager.max_kernels={screens or max_screens()}",
        f"--template={TEMPLATE}",
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--VoilaConfiguration.file_allowlist=^$",  # serve no files from the notebook folder
        # plotly's own JupyterLab extension renders plotly outputs we never make (charts are ui/plot.py's), and
        # made every page fetch and parse a second 4.8 MB copy of plotly.js at load.
        "--VoilaConfiguration.extension_denylist=jupyterlab-plotly",
        f"--MappingKernelManager.cull_idle_timeout={int(os.environ.get('FACILITATION_CULL_IDLE_S', CULL_IDLE_S))}",
        f"--MappingKernelManager.cull_interval={int(os.environ.get('FACILITATION_CULL_INTERVAL_S', 60))}",
        "--MappingKernelManager.cull_connected=False",
        "--Voila.kernel_websocket_connection_class=facilitation.websocket.DashboardConnection",
        "--Voila.log_level=WARN",
        "--Voila.port_retries=0",  # the printed address must be the one served, never a neighbour
    ]


def voila_env(
    runtime: Path,
    store: Path,
    case_id: str | None,
    lang: str,
    token: str | None = None,
    url: str = "",
    target: str | None = None,
    join: str = "",
) -> dict[str, str]:
    """The environment of Voilà and its kernels. ``join``: the address the groups' laptops open when the
    training room is served on the room's network (``--lan``); a new room secret is made for it."""
    from .services import room as rooms

    env = dict(os.environ)
    env.pop(rooms.ENV_SECRET, None)
    env.pop(rooms.ENV_JOIN_URL, None)
    if join:
        env[rooms.ENV_SECRET] = secrets.token_hex(16)
        env[rooms.ENV_JOIN_URL] = join
    jroot = prepare_template(runtime)
    env[ENV_TOKEN] = token or server_token(env)
    env["JUPYTER_TOKEN"] = env[ENV_TOKEN]  # read by Jupyter server's identity provider
    env.pop("JUPYTER_TOKEN_FILE", None)
    if url:
        env[ENV_URL] = url
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


def wait_until_served(url: str, token: str, proc: subprocess.Popen[bytes] | None = None, timeout: float = 60) -> bool:
    """Poll a static file (with the key) until the server answers; False if it ended or did not answer."""
    deadline = time.time() + timeout
    probe = page_url(url + "voila/static/plotly.min.js", token)
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(probe, timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


def open_in_browser(url: str, runtime: Path, keep_s: float = 60.0) -> Path:
    """Open ``url`` (it carries the key) through a private file, so the key is not on a command line that
    other accounts of this machine can read; the file is removed once the browser has read it."""
    import threading
    import webbrowser

    fd, name = tempfile.mkstemp(prefix="open-", suffix=".html", dir=runtime)  # 0600
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(page.opener_html(url))
    opener = Path(name)
    webbrowser.open(opener.as_uri(), new=2)
    timer = threading.Timer(keep_s, lambda: opener.unlink(missing_ok=True))
    timer.daemon = True
    timer.start()
    return opener


def run(
    store: Path,
    case_id: str | None,
    lang: str,
    port: int,
    ip: str,
    dashboard: str,
    open_browser: bool,
    token: str | None = None,
    screens: int | None = None,
    target: str | None = None,
    join: str = "",
) -> int:
    """Serve the dashboard until Ctrl-C or a stop signal; Voilà is then stopped in order (its kernels end).
    ``join``: the training room's address on the room's network (``lan_addresses``), when served there."""
    from .store.location import private_dir

    runtime = private_dir(store.parent / "runtime")
    notebook = notebook_path(dashboard, runtime)
    token = token or server_token()
    url = base_url(ip, port)
    env = voila_env(runtime, store, case_id, lang, token, url, target, join)
    cmd = voila_command(notebook, port, ip, screens)  # the browser is opened here, with the key, not by Voilà
    proc = subprocess.Popen(cmd, env=env, **own_process_group())
    opener: Path | None = None
    try:
        with interrupted_by_stop_signals():
            if open_browser and wait_until_served(url, token, proc):
                opener = open_in_browser(page_url(url, token), runtime)
            return proc.wait()
    finally:
        stop_server(proc)
        if opener is not None:
            opener.unlink(missing_ok=True)
