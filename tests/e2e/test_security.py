"""The server's door (issue 15): nothing without the key; only this machine's own addresses and pages; a DNS
rebinding page is refused on the page and on the websocket; at most a few kernels, each ended only by its
own page."""

from __future__ import annotations

import asyncio
import concurrent.futures
import time
import urllib.error
import urllib.request

import pytest

from facilitation.ui import esm

from .conftest import open_dashboard, shot, text

KERNEL = "JSON.parse(document.getElementById('jupyter-config-data').textContent)"


def http(
    method: str, url: str, headers: dict[str, str] | None = None, data: bytes | None = None
) -> tuple[int, str, dict]:  # type: ignore[type-arg]
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read().decode("utf-8", "replace"), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace"), dict(e.headers)


def ws_status(url: str, headers: dict[str, str]) -> int:
    """A raw websocket client's handshake (tornado's, which sends the Host and Origin it is given): 101 when
    the server opened the websocket, else the HTTP status it answered."""
    from tornado.httpclient import HTTPClientError, HTTPRequest
    from tornado.websocket import websocket_connect

    async def go() -> int:
        try:
            conn = await websocket_connect(HTTPRequest(url, headers=headers, connect_timeout=20, request_timeout=20))
        except HTTPClientError as e:
            return int(e.code)
        conn.close()
        return 101

    # Playwright's sync API holds this thread's event loop: the client runs in a thread of its own.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, go()).result(timeout=60)


def cookie_header(page) -> str:  # type: ignore[no-untyped-def]
    return "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())


def alive(srv, kid: str, cookie: str) -> int:  # type: ignore[no-untyped-def]
    return http("GET", f"{srv.base}facilitation/alive/{kid}", {"Cookie": cookie})[0]


def test_nothing_is_served_without_the_key(make_server, page):
    srv = make_server()
    module = f"voila/static/fac/{esm.file_name('item-list')}"
    # Today GET / answered 200 to anyone: page, modules, the kernel API and the websocket.
    for path in (
        "",
        "?view=family",
        "voila/static/plotly.min.js",
        module,
        "api/kernels/00000000-0000-0000-0000-000000000000",
    ):
        status, body, _ = http("GET", srv.base + path, {"Accept": "text/html"})
        assert status == 403, path
    status, body, _ = http("GET", srv.base, {"Accept": "text/html"})
    assert "Geen toegang" in body and "?token=" in body and "Jonas" not in body
    assert http("GET", srv.base + "?token=wrong-key")[0] == 403
    # With the key: the page, and a cookie for what follows (reloads, modules, the websocket).
    status, body, headers = http("GET", srv.url)
    assert status == 200 and "fac-page-config" in body
    cookie = headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "expires" not in cookie.lower()
    # A browser: an address the tool shows (another screen's, with a query) carries the key once, then the
    # cookie does; the key leaves the address bar, the rest of the address stays.
    open_dashboard(page, srv.page(view="family"))
    assert "token" not in page.url and page.url.endswith("/?view=family")
    page.goto(srv.base, wait_until="domcontentloaded")
    page.wait_for_selector(".fac-ready", timeout=90_000)
    kid = page.evaluate(KERNEL + ".kernelId")
    ws = f"ws://127.0.0.1:{srv.port}/api/kernels/{kid}/channels"
    origin = f"http://127.0.0.1:{srv.port}"
    assert ws_status(ws, {"Origin": origin}) == 403
    assert ws_status(ws, {"Origin": origin, "Cookie": cookie_header(page)}) == 101
    assert http("GET", srv.base + module, {"Cookie": cookie_header(page)})[0] == 200


def test_dns_rebinding_and_other_sites_are_refused(make_server, page):
    srv = make_server()
    open_dashboard(page, srv.url)
    kid = page.evaluate(KERNEL + ".kernelId")
    evil = f"evil.example:{srv.port}"
    ws = f"ws://127.0.0.1:{srv.port}/api/kernels/{kid}/channels?token={srv.token}"
    # A rebinding DNS name: the browser sends the foreign name as Host and as Origin, on page and websocket.
    status, body, _ = http("GET", srv.url, {"Host": evil, "Origin": f"http://{evil}", "Accept": "text/html"})
    assert status == 403 and "Jonas" not in body and "geweigerd" in body
    assert ws_status(ws, {"Host": evil, "Origin": f"http://{evil}"}) == 403
    # Another site's page, on this machine's own address: its Origin gives it away (websocket and POST).
    assert ws_status(ws, {"Origin": "http://evil.example"}) == 403
    assert ws_status(ws, {"Origin": "null"}) == 403
    key = page.evaluate(KERNEL + ".facEndKey")
    status, _, _ = http(
        "POST",
        f"{srv.base}voila/api/shutdown/{kid}?token={srv.token}",
        {"Origin": "http://evil.example", "Content-Type": "application/x-www-form-urlencoded"},
        f"key={key}".encode(),
    )
    assert status == 403
    cookie = cookie_header(page)
    assert alive(srv, kid, cookie) == 200
    # The same requests from this server's own origin are served (the refusals above are not an accident).
    assert ws_status(ws, {"Origin": f"http://127.0.0.1:{srv.port}"}) == 101
    assert http("GET", srv.url, {"Host": f"localhost:{srv.port}"})[0] == 200


def test_a_kernel_is_ended_only_by_its_own_page(make_server, page):
    srv = make_server()
    open_dashboard(page, srv.url)
    kid, key = page.evaluate(KERNEL + ".kernelId"), page.evaluate(KERNEL + ".facEndKey")
    cookie = cookie_header(page)
    form = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    url = f"{srv.base}voila/api/shutdown/{kid}"
    # Today: any client that knew the kernel's id could end it with just an XSRF token.
    xsrf = "0123456789abcdef"
    assert http("POST", url, {**form, "Cookie": f"{cookie}; _xsrf={xsrf}"}, f"_xsrf={xsrf}".encode())[0] == 403
    assert http("POST", url, form, b"key=" + b"0" * 64)[0] == 403
    assert http("DELETE", f"{srv.base}api/kernels/{kid}?token={srv.token}")[0] == 403
    assert alive(srv, kid, cookie) == 200 and len(srv.kernel_pids()) == 1
    assert http("POST", url, form, f"key={key}".encode())[0] == 204
    assert alive(srv, kid, cookie) == 410


def test_kernels_are_bounded_and_one_more_page_says_so(make_server, browser):
    srv = make_server(extra=["--max-screens", "2"])
    pages = []
    for _ in range(2):
        pg = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
        open_dashboard(pg, srv.url)
        pages.append(pg)
    extra = browser.new_context(viewport={"width": 1024, "height": 768}).new_page()
    t0 = time.time()
    response = extra.goto(srv.url, wait_until="domcontentloaded")
    assert response is not None and response.status == 503
    assert time.time() - t0 < 15  # a clear page, not a hang
    words = text(extra.locator("main"))
    assert "Te veel schermen open" in words and "2 schermen" in words and "Opnieuw proberen" in words
    assert len(srv.kernel_pids()) == 2
    shot(extra, "security-too-many-screens-1024")
    # A screen is closed (its page says goodbye and ends its kernel): the waiting page gets its place.
    pages[0].goto("about:blank")
    extra.click("text=Opnieuw proberen")
    extra.wait_for_selector(".fac-ready", timeout=90_000)
    assert len(srv.kernel_pids()) <= 2
    for pg in [*pages, extra]:
        pg.context.close()


def own_address() -> str | None:
    """This machine's address on its network (no packet is sent), or None."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            addr = str(s.getsockname()[0])
        except OSError:
            return None
    return None if addr.startswith("127.") else addr


def test_the_address_given_with_ip_is_served_and_no_other(make_server):
    addr = own_address()
    if addr is None:
        pytest.skip("this machine has no network address")
    srv = make_server(ip=addr)
    assert http("GET", srv.url)[0] == 200
    assert http("GET", srv.url, {"Host": f"evil.example:{srv.port}"})[0] == 403
    assert http("GET", srv.base)[0] == 403  # the key is still needed


@pytest.mark.parametrize("lang, title", [("en", "No access")])
def test_refusal_page_in_the_servers_language(make_server, lang, title):
    srv = make_server(lang=lang)
    status, body, _ = http("GET", srv.base, {"Accept": "text/html"})
    assert status == 403 and f"<h1>{title}</h1>" in body and '<html lang="en">' in body
