"""The server's door (issue 15), without a server: which Host and Origin pass, the key in addresses and in the
environment (never on a command line), the page's end key, the bound on kernels, the page's own scripts."""

from __future__ import annotations

import asyncio
import json
import re
import threading
from pathlib import Path

import pytest

from facilitation import guard, serve
from facilitation.ui import page


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1:8866", "localhost:8866", "LOCALHOST:8866", "[::1]:8866", "127.0.0.1", "localhost.", "127.0.0.2:8866"],
)
def test_loopback_hosts_pass(host):
    assert guard.host_allowed(host, guard.allowed_hosts("127.0.0.1"))


@pytest.mark.parametrize(
    "host",
    ["evil.example:8866", "evil.example", "127.0.0.1.evil.example", "192.168.1.20:8866", "", None, "::1", "[::1"],
)
def test_other_hosts_are_refused(host):
    assert not guard.host_allowed(host, guard.allowed_hosts("127.0.0.1"))


def test_the_ip_given_with_ip_is_served_too():
    hosts = guard.allowed_hosts("192.168.1.20")
    assert guard.host_allowed("192.168.1.20:8866", hosts) and guard.host_allowed("localhost:8866", hosts)
    assert not guard.host_allowed("192.168.1.21:8866", hosts)
    assert not guard.host_allowed("192.168.1.20:8866", guard.allowed_hosts("127.0.0.1"))


@pytest.mark.parametrize(
    "origin, host, ok",
    [
        ("http://127.0.0.1:8866", "127.0.0.1:8866", True),
        ("http://localhost:8866", "localhost:8866", True),
        (None, "127.0.0.1:8866", True),  # a script: it needs the token anyway
        ("http://evil.example:8866", "127.0.0.1:8866", False),  # another site's page
        ("http://evil.example:8866", "evil.example:8866", False),  # DNS rebinding: both foreign
        ("http://localhost:8866", "127.0.0.1:8866", False),  # another origin, even on this machine
        ("http://127.0.0.1:9999", "127.0.0.1:8866", False),  # another server on this machine
        ("null", "127.0.0.1:8866", False),  # a sandboxed frame or a local file
        ("file://", "127.0.0.1:8866", False),
    ],
)
def test_only_this_servers_own_pages_may_post_or_open_a_websocket(origin, host, ok):
    assert guard.origin_allowed(origin, host, guard.allowed_hosts("127.0.0.1")) is ok


def test_token_and_end_key_compare_in_constant_time_and_refuse_empty():
    assert guard.token_matches("abc", "abc") and not guard.token_matches("abd", "abc")
    assert not guard.token_matches("", "") and not guard.token_matches(None, "abc")
    key = guard.end_key("k-1")
    assert guard.end_key_matches("k-1", key)
    assert (
        not guard.end_key_matches("k-2", key)
        and not guard.end_key_matches("k-1", "")
        and not guard.end_key_matches("k-1", None)
    )
    assert len(key) == 64 and key != guard.end_key("k-2")


def test_cookie_key_follows_the_token():
    assert guard.cookie_secret("a") == guard.cookie_secret("a") != guard.cookie_secret("b")


def test_refusal_pages_speak_the_users_language():
    nl = guard.message_page("nl", "security.full.title", "security.full.text", True, n=4)
    en = guard.message_page("en", "security.full.title", "security.full.text", True, n=4)
    assert (
        '<html lang="nl">' in nl and "Te veel schermen open" in nl and "4 schermen" in nl and "Opnieuw proberen" in nl
    )
    assert "Too many screens open" in en and "<script" not in nl


# ---- the key in addresses, the environment and the command line -------------------------------------


def test_every_start_has_a_new_key_unless_one_is_given():
    a, b = serve.server_token({}), serve.server_token({})
    assert a != b and len(a) >= 40
    assert serve.server_token({"FACILITATION_TOKEN": "for-tests"}) == "for-tests"
    assert serve.server_token({"FACILITATION_TOKEN": "  "}) not in ("", "  ")  # empty would turn the door off


def test_addresses_carry_the_key():
    assert serve.page_url("http://127.0.0.1:8866/", "k3y") == "http://127.0.0.1:8866/?token=k3y"
    family = serve.page_url("http://127.0.0.1:8866/", "k3y", view="family")
    assert family == "http://127.0.0.1:8866/?view=family&token=k3y"
    assert serve.page_url("http://127.0.0.1:8866/?token=old", "new") == "http://127.0.0.1:8866/?token=new"
    assert serve.base_url("::1", 8866) == "http://[::1]:8866/" and serve.base_url("0.0.0.0", 1) == "http://127.0.0.1:1/"
    # From a kernel: the same origin as its page (localhost stays localhost), with the key.
    env = {"VOILA_REQUEST_URL": "http://localhost:8870/?token=k3y", "VOILA_BASE_URL": "/", "FACILITATION_TOKEN": "k3y"}
    assert serve.screen_url(env, view="family") == "http://localhost:8870/?view=family&token=k3y"
    env = {"FACILITATION_URL": "http://127.0.0.1:8870/", "FACILITATION_TOKEN": "k3y"}
    assert serve.screen_url(env) == "http://127.0.0.1:8870/?token=k3y"


def test_the_key_is_in_the_environment_not_on_the_command_line(tmp_path, monkeypatch):
    monkeypatch.setenv("FACILITATION_TOKEN", "s3cret-for-this-test")
    env = serve.voila_env(tmp_path, tmp_path / "store.sqlite3", None, "nl")
    assert env["FACILITATION_TOKEN"] == env["JUPYTER_TOKEN"] == "s3cret-for-this-test"
    cmd = serve.voila_command(Path("meeting.ipynb"), 8866)
    assert "s3cret" not in " ".join(cmd)
    assert cmd[1:3] == ["-m", "facilitation.voila_app"] and "--BoundedKernelManager.max_kernels=4" in cmd
    assert "--BoundedKernelManager.max_kernels=2" in serve.voila_command(Path("m.ipynb"), 1, screens=2)
    assert (
        serve.max_screens({"FACILITATION_MAX_SCREENS": "6"}) == 6
        and serve.max_screens({"FACILITATION_MAX_SCREENS": "x"}) == 4
    )


def test_serve_prints_the_address_with_the_key(tmp_path, monkeypatch, capsys):
    from facilitation import cli

    seen = {}
    monkeypatch.setenv("FACILITATION_TOKEN", "printed-k3y")
    monkeypatch.setattr(serve, "run", lambda *a, **k: seen.update(args=a) or 0)
    assert cli.main(["--store", str(tmp_path / "s.sqlite3"), "serve", "--port", "8899", "--max-screens", "3"]) == 0
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8899/?token=printed-k3y" in out
    assert seen["args"][-2:] == ("printed-k3y", 3)


def test_the_opener_file_leaves_for_the_address_at_once():
    html = page.opener_html("http://127.0.0.1:8866/?token=a</script>b")
    assert (
        "</script>b" not in html and 'http-equiv="refresh"' in html and 'name="referrer" content="no-referrer"' in html
    )


# ---- the template: the page's own scripts and its end key -------------------------------------------


def test_template_holds_the_pages_scripts_and_end_key(tmp_path):
    root = serve.prepare_template(tmp_path)
    text = (root / "voila" / "templates" / serve.TEMPLATE / "index.html.j2").read_text(encoding="utf-8")
    assert "facEndKey=kernel_id | fac_end_key" in text
    for name in page.SCRIPTS:
        assert page.source(name).strip() in text
    assert text.count("{% raw %}") == 1 and text.count("{% endraw %}") == 1
    config = json.loads(
        re.search(r'<script id="fac-page-config" type="application/json">(.*?)</script>', text).group(1)
    )
    assert config["heartbeatMs"] + config["heartbeatTimeoutMs"] <= 5000  # a lost connection said within 5 s
    assert config["texts"]["nl"]["page.lost.title"] == "Verbinding verbroken"
    assert config["texts"]["en"]["page.lost.title"] == "Connection lost"
    assert config["texts"]["nl"]["part.columns"] == "Drie kolommen"
    assert "WATCHDOG" not in Path(serve.__file__).read_text(encoding="utf-8")  # JavaScript lives in .js files


def test_page_scripts_keep_text_out_of_view_and_disk():
    drafts = page.source("drafts")
    assert "sessionStorage" in drafts and "localStorage" not in drafts and "indexedDB" not in drafts
    assert "fac-professional-only" in drafts and "fac-projection" in drafts  # notes never listed when projecting
    connection = page.source("connection")
    assert "documentElement" in page.source("watchdog") and "'lang'" in page.source("watchdog")
    assert "inert" in connection and "disabled" in connection


# ---- at most a few kernels -------------------------------------------------------------------------


def test_the_kernel_bound_counts_pages_being_opened_and_kernels_running():
    from facilitation.voila_app import BoundedKernelManager

    async def go() -> None:
        km = BoundedKernelManager(max_kernels=2)
        a, b = km.reserve(), km.reserve()
        assert a is not None and b is not None and km.reserve() is None
        a.kernel_id = "k-a"  # page a has its kernel now: the kernel holds the place
        km._kernels["k-a"] = object()
        assert km.in_use() == 2 and km.reserve() is None
        km.release(a)
        assert km.in_use() == 2  # the running kernel still counts
        del km._kernels["k-a"]  # its page ended it
        assert km.in_use() == 1 and km.reserve() is not None

    # In a thread of its own: in the whole suite the browser tests' Playwright keeps an event loop running in
    # this thread, where asyncio.run() refuses to start another.
    failure: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(go())
        except BaseException as e:
            failure.append(e)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "the kernel manager did not answer in 60 s"
    if failure:
        raise failure[0]


def test_open_goes_through_a_private_file_that_is_removed(tmp_path, monkeypatch):
    import stat
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda uri, new=0: opened.append(uri))
    opener = serve.open_in_browser("http://127.0.0.1:8866/?token=k3y", tmp_path, keep_s=0.2)
    assert opened == [opener.as_uri()] and "k3y" not in opened[0]
    assert stat.S_IMODE(opener.stat().st_mode) == 0o600 and "?token=k3y" in opener.read_text()
    import time

    time.sleep(1)
    assert not opener.exists()
