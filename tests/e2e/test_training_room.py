"""The training room on many laptops (``serve --dashboard training --lan``), in real browsers, over the
loopback address only: the trainer's join board, a group's laptop that joins with its code and stays in its
group, reveals reaching it, and the door refusing what has no code or is another group's."""

from __future__ import annotations

import urllib.error
import urllib.request

from facilitation import samples

from .conftest import choose, open_dashboard, shot, text, wait_text

SAMPLE = "mila-en-finn" if "mila-en-finn" in samples.sample_names() else samples.sample_names()[0]
KERNEL_JS = "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"


def tab(page, title: str) -> None:  # type: ignore[no-untyped-def]
    page.click(f".fac-training .fac-tabs .lm-TabBar-tab:has-text('{title}')")


def status_of(url: str) -> int:
    """The HTTP status a client with no key, no code and no cookie gets."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/html"}), timeout=10) as r:
            return int(r.status)
    except urllib.error.HTTPError as e:
        return int(e.code)


def test_groups_join_on_their_own_laptops_and_stay_in_their_group(make_server, browser, page, watch):
    srv = make_server(case=None, dashboard="training", extra=["--lan", "--ip", "127.0.0.1"])
    base = srv.base

    # The trainer, on the serving laptop with the server's key, starts an exercise for two groups.
    open_dashboard(page, srv.url)
    choose(page, ".fac-tr-source select", samples.load_sample(SAMPLE).info.title[:20])
    page.fill(".fac-tr-groups textarea", "Groep Rood\nGroep Blauw")
    page.click(".fac-tr-start")
    wait_text(page.locator(".fac-status"), "Oefening gestart met 2 groepen", timeout=45)

    # The join board: the address, and a code and a QR code per group, in the order the groups were made.
    tab(page, "Meedoen")
    board = page.locator(".fac-tr-join-board")
    wait_text(board, base, timeout=30)
    assert [text(g) for g in board.locator(".fac-tr-join-group").all()] == ["Groep Rood", "Groep Blauw"]
    codes = [text(c).strip() for c in board.locator(".fac-tr-join-code").all()]
    assert len(codes) == 2 and codes[0] != codes[1] and all(len(c) == 6 for c in codes)
    assert board.locator(".fac-tr-join-qr svg").count() == 2
    shot(page, "training-room-join")
    trainer_kernel = page.evaluate(KERNEL_JS)

    # Without a code, nothing of the server is reached: not the page, not a kernel, not a static file.
    assert status_of(base) == 403
    assert status_of(base + "api/kernels") == 403
    assert status_of(base + f"api/kernels/{trainer_kernel}") == 403
    assert status_of(base + "voila/static/plotly.min.js") == 403

    laptop_ctx = browser.new_context(viewport={"width": 1280, "height": 720})
    laptop = laptop_ctx.new_page()
    errors: list[str] = []
    laptop.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        # The group's laptop opens the address and is asked for its code; a wrong code is said so.
        laptop.goto(base, wait_until="domcontentloaded")
        wait_text(laptop.locator("h1"), "Meedoen aan de oefening")
        laptop.fill("#fac-join-code", "aaaaaa")
        laptop.click("button[type=submit]")
        wait_text(laptop.locator(".fac-wrong"), "hoort bij geen groep")
        shot(laptop, "training-room-code")
        laptop.fill("#fac-join-code", codes[1].lower())
        laptop.click("button[type=submit]")
        laptop.wait_for_selector(".fac-ready", timeout=90_000)
        bar = laptop.locator(".fac-tr-bar")
        wait_text(bar, "Groep Blauw", timeout=30)
        assert "Groep: Groep" not in text(bar)
        # It stays in its group: no exercise or group to choose, none of the trainer's tabs.
        assert not laptop.locator(".fac-tr-group-pick").is_visible()
        assert not laptop.locator(".fac-tr-exercise-pick").is_visible()
        tabs = [text(t) for t in laptop.locator(".fac-tabs .lm-TabBar-tab").all()]
        assert "Oefening" not in tabs and "Meedoen" not in tabs and "Rolkaarten" not in tabs
        assert "Groepen vergelijken" in tabs

        # The trainer reveals a step: it reaches the group's laptop.
        info = laptop.locator(".fac-tr-info-board")
        wait_text(info, "0 van", timeout=30)
        tab(page, "Informatie")
        page.click(".fac-tr-reveal-next")
        first_step = text(page.locator(".fac-tr-open-steps h3").first).split(". ", 1)[1]
        wait_text(info, first_step, timeout=30)
        shot(laptop, "training-room-laptop")

        # A reload keeps the laptop in its group (its code is in its address, its cookie with it).
        laptop.reload(wait_until="domcontentloaded")
        laptop.wait_for_selector(".fac-ready", timeout=90_000)
        wait_text(laptop.locator(".fac-tr-bar"), "Groep Blauw", timeout=30)
        assert "join=" + codes[1] in laptop.url

        # Its cookie reaches its own kernel, never the trainer's.
        own_kernel = laptop.evaluate(KERNEL_JS)
        assert laptop_ctx.request.get(base + f"api/kernels/{own_kernel}").status == 200
        assert laptop_ctx.request.get(base + f"api/kernels/{trainer_kernel}").status == 403
        assert laptop_ctx.request.get(base + "api/kernels").status == 403
        assert not errors, errors
    finally:
        laptop_ctx.close()
    assert not watch.external, watch.external
