"""Serving a dashboard with Voilà: loopback only, sources stripped, idle kernels culled, no CDN.

Voilà's lab template asks a CDN for Font Awesome. We derive our own template ("facilitation") from
the installed lab template with those links removed, put plotly.js and our widgets' modules
(``ui/esm.py``) beside it as local static files, and add a small watchdog that reloads a page left
hanging at "Running…".
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

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
    d = Path(__file__).resolve().parent.parent / "dashboards"
    return d if d.is_dir() else None


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
    runtime = store.parent / "runtime"
    runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    notebook = notebook_path(dashboard, runtime)
    env = voila_env(runtime, store, case_id, lang, target)
    cmd = voila_command(notebook, port, ip, open_browser)
    proc = subprocess.Popen(cmd, env=env)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return proc.wait()
