"""A consultant's own dashboard server under JupyterHub: ``python -m facilitation.hub`` (the spawner's cmd).

The route: JupyterHub's own single-user server (``jupyterhub-singleuser``, a Jupyter server that lets in
only the user the hub authenticated, through the hub's OAuth) with Voilà's server extension, which
renders the dashboard notebook at ``/user/<name>/voila/render/meeting.ipynb``. This is the route Voilà
documents for JupyterHub and needs nothing beyond the two projects themselves: no extra proxy process
(jupyter-server-proxy would start a second server per user behind the first) and no launcher of our own.

What this adds to a plain ``jupyterhub-singleuser``: the same Voilà template as ``facilitation serve``
(no CDN, our stylesheet, the page watchdog), sources stripped, no tracebacks, the dashboard's kernel
connection (``websocket.DashboardConnection``), kernels on Unix sockets, idle kernels culled, no terminals. The hub passes the
store (``FACILITATION_STORE`` and ``PGPASSWORD``, ``store/team.py``) and ``JUPYTERHUB_USER``.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from . import serve
from .store.location import data_dir

DEFAULT_URL = "/voila/render/{dashboard}.ipynb"


def command(dashboard: str = "meeting", extra: list[str] | None = None) -> tuple[list[str], dict[str, str]]:
    """The single-user server's command line and environment."""
    runtime = data_dir() / "hub-runtime"
    runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    jroot = serve.prepare_template(runtime, hub=True)
    for name in serve.DASHBOARDS:
        notebook = serve.notebook_path(name, runtime)
    notebooks = notebook.parent
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(jroot), env.get("JUPYTER_PATH", "")) if p)
    env.setdefault("MPLBACKEND", "Agg")
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    env["JUPYTER_RUNTIME_DIR"] = str(runtime_dir())
    cull = int(os.environ.get("FACILITATION_CULL_IDLE_S", serve.CULL_IDLE_S))
    cmd = [
        sys.executable,
        "-m",
        "jupyterhub.singleuser",
        f"--ServerApp.root_dir={notebooks}",
        f"--ServerApp.default_url={DEFAULT_URL.format(dashboard=dashboard)}",
        "--ServerApp.jpserver_extensions=voila=True",
        "--ServerApp.terminals_enabled=False",
        "--ServerApp.kernel_websocket_connection_class=facilitation.websocket.DashboardConnection",
        # Kernels talk to the server over Unix sockets in the user's own runtime folder, not over TCP
        # ports that any account on the machine could connect to and listen on.
        "--KernelManager.transport=ipc",
        f"--VoilaConfiguration.template={serve.TEMPLATE}",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.show_tracebacks=False",
        f"--MappingKernelManager.cull_idle_timeout={cull}",
        "--MappingKernelManager.cull_interval=60",
        "--MappingKernelManager.cull_connected=False",
        *(extra or []),
    ]
    return cmd, env


def runtime_dir() -> Path:
    """Kernel sockets are Unix sockets in Jupyter's runtime folder, whose path must stay under 108 bytes:
    a short folder of this consultant's own in /tmp, reused across starts; made afresh (mkdtemp) if the
    name is taken by anything but our own private folder."""
    user = "".join(ch for ch in os.environ.get("JUPYTERHUB_USER", "") if ch.isalnum())[:32]
    path = Path(tempfile.gettempdir()) / f"fac-{os.getuid()}-{user}"
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        st = path.lstat()
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
            return Path(tempfile.mkdtemp(prefix="fac-"))
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m facilitation.hub [--dashboard=meeting|reflecting_team|training] [server options...]``:
    any other option (the spawner's ``args``) goes to the Jupyter server as it is."""
    args = list(sys.argv[1:] if argv is None else argv)
    dashboard = "meeting"
    for a in list(args):
        if a.startswith("--dashboard="):
            dashboard = a.split("=", 1)[1]
            args.remove(a)
    if dashboard not in serve.DASHBOARDS:
        print(f"unknown dashboard {dashboard!r}: one of {', '.join(serve.DASHBOARDS)}", file=sys.stderr)
        return 2
    cmd, env = command(dashboard, args)
    os.execve(cmd[0], cmd, env)  # the hub watches this process: become the server, do not wrap it


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
