"""Serving: our Voilà template fetches nothing from other hosts; the command binds to loopback."""

from __future__ import annotations

import re
from pathlib import Path

from facilitation import serve
from facilitation.loopback import is_loopback


def test_template_has_no_external_urls_and_ships_plotly(tmp_path):
    root = serve.prepare_template(tmp_path)
    tpl = root / "voila" / "templates" / serve.TEMPLATE
    text = (tpl / "index.html.j2").read_text(encoding="utf-8")
    assert not re.search(r"""(href|src)\s*=\s*["']https?://""", text)
    assert "pagehide" in text and "fac-ready" in text
    assert (tpl / "static" / "plotly.min.js").stat().st_size > 1_000_000


def test_command_is_loopback_stripped_and_culls():
    cmd = serve.voila_command(Path("meeting.ipynb"), 8866)
    assert "--Voila.ip=127.0.0.1" in cmd and "--strip_sources=True" in cmd
    assert any(c.startswith("--MappingKernelManager.cull_idle_timeout=") for c in cmd)
    assert is_loopback("127.0.0.1") and is_loopback("::1") and not is_loopback("0.0.0.0")


def test_dashboards_are_one_cell_notebooks():
    import json

    for name in serve.DASHBOARDS:
        nb = json.loads(serve.notebook_json(name))
        assert [c["cell_type"] for c in nb["cells"]] == ["code"]
        repo = Path(__file__).resolve().parents[2] / "dashboards" / f"{name}.ipynb"
        assert json.loads(repo.read_text())["cells"][0]["source"] == nb["cells"][0]["source"]


def test_widget_modules_are_served_under_their_content_digest(tmp_path):
    from facilitation.ui import esm

    root = serve.prepare_template(tmp_path)
    served = root / "voila" / "templates" / serve.TEMPLATE / "static" / esm.STATIC_SUBDIR
    assert sorted(p.name for p in served.glob("*.js")) == sorted(esm.file_name(n) for n in esm.names())
    assert {"item-list", "plot", "clock", "blank-screen", "network-input"} <= set(esm.names())
    for name in esm.names():
        assert (served / esm.file_name(name)).read_text(encoding="utf-8") == esm.source(name)
    # A module of an older version is dropped when the template is prepared again.
    (served / "item-list.000000000000.js").write_text("old", encoding="utf-8")
    serve.prepare_template(tmp_path)
    assert not (served / "item-list.000000000000.js").exists()
    env = serve.voila_env(tmp_path, tmp_path / "store.sqlite3", None, "nl")
    assert env[esm.ENV_SERVED] == "1"


def test_module_url_only_for_a_page_on_this_machine():
    from facilitation.ui import esm

    served = {esm.ENV_SERVED: "1", "VOILA_BASE_URL": "/"}
    name = esm.file_name("item-list")
    for page, origin in (
        ("http://127.0.0.1:8866/", "http://127.0.0.1:8866"),
        ("http://localhost:8866/?case=x", "http://localhost:8866"),
        ("http://[::1]:8866/", "http://[::1]:8866"),
    ):
        assert esm.module("item-list", {**served, "VOILA_REQUEST_URL": page}) == f"{origin}/voila/static/fac/{name}"
    assert esm.module(
        "item-list", {**served, "VOILA_REQUEST_URL": "http://127.0.0.1:8866/", "VOILA_BASE_URL": "/sub/"}
    ) == (f"http://127.0.0.1:8866/sub/voila/static/fac/{name}")
    text = esm.source("item-list")
    assert "export default" in text
    # Not served by us, no page address, or a page on another machine: the module's text.
    assert esm.module("item-list", {"VOILA_REQUEST_URL": "http://127.0.0.1:8866/"}) == text
    assert esm.module("item-list", served) == text
    assert esm.module("item-list", {**served, "VOILA_REQUEST_URL": "http://192.168.1.20:8866/"}) == text
    assert esm.module("item-list", {**served, "VOILA_REQUEST_URL": "http://evil.example:8866/"}) == text


def test_kernel_websocket_is_sent_without_nagle_delay():
    from unittest import mock

    from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
    from jupyter_server.services.kernels.websocket import KernelWebsocketHandler

    from facilitation.websocket import DashboardConnection

    cmd = serve.voila_command(Path("meeting.ipynb"), 8866)
    assert "--Voila.kernel_websocket_connection_class=facilitation.websocket.DashboardConnection" in cmd
    handler = mock.create_autospec(KernelWebsocketHandler, instance=True)
    order: list[str] = []
    handler.set_nodelay.side_effect = lambda on: order.append(f"nodelay={on}")
    with mock.patch.object(ZMQChannelsWebsocketConnection, "connect", lambda self: order.append("connect")):
        conn = DashboardConnection(websocket_handler=handler)
        conn.connect()
    assert order == ["nodelay=True", "connect"]


def test_server_keeps_every_kernel_message(tmp_path):
    """The server's socket for a kernel's messages has no limit (ZeroMQ drops what exceeds one), other
    sockets keep the default, and no rate limit drops widget messages."""
    import zmq
    from jupyter_client.ioloop import AsyncIOLoopKernelManager  # the server's kind: its sockets are streams

    from facilitation.websocket import DashboardConnection

    km = AsyncIOLoopKernelManager(connection_file=str(tmp_path / "kernel.json"))
    km.write_connection_file()
    conn = DashboardConnection(parent=km)
    assert conn.limit_rate is False
    conn.create_stream()
    try:
        assert conn.channels["iopub"].socket.getsockopt(zmq.RCVHWM) == 0
        assert zmq.RCVHWM not in km.context.sockopts
        other = km.connect_shell()
        assert other.socket.getsockopt(zmq.RCVHWM) == 1000
        other.close(linger=0)
    finally:
        for stream in conn.channels.values():
            stream.close(linger=0)
        km.cleanup_connection_file()


def test_voila_is_given_each_setting_once():
    """Voilà refuses to start when a setting is given twice (port_retries was, after a merge)."""
    cmd = serve.voila_command(Path("meeting.ipynb"), 8866)
    names = [c.split("=", 1)[0] for c in cmd if c.startswith("--")]
    assert len(names) == len(set(names)), names


def test_the_hub_template_needs_nothing_of_the_local_door(tmp_path):
    """Under JupyterHub there is no voila_app: no end-key filter in the template (Jinja would refuse to render
    the page), the page asks Jupyter's kernel API whether its kernel lives, and Voilà's goodbye is kept."""
    import json
    import re

    local = (serve.prepare_template(tmp_path / "local") / "voila/templates/facilitation/index.html.j2").read_text()
    hub = (
        serve.prepare_template(tmp_path / "hub", hub=True) / "voila/templates/facilitation/index.html.j2"
    ).read_text()
    assert "fac_end_key" in local and "fac_end_key" not in hub

    def config(text: str) -> dict:  # type: ignore[type-arg]
        found = re.search(r'<script id="fac-page-config" type="application/json">(.*?)</script>', text, re.S)
        assert found is not None
        return json.loads(found.group(1))  # type: ignore[no-any-return]

    assert config(local)["alivePath"] == "facilitation/alive/" and not config(local)["hub"]
    assert config(hub)["alivePath"] == "api/kernels/" and config(hub)["hub"]
