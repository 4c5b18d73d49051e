"""A lost connection says so, and typing survives (issue 15).

Today a page whose server was killed, or whose kernel died, kept saying "✓ Bewaard" while nothing was
stored, and a reload lost the text being typed without a word. Now the page says within seconds, in its
language, that nothing is saved any more, greys out and disables its inputs (the text stays), and reloads
by itself once the server is back, offering the kept text again; a reload asks first and offers it too,
only in the case it was typed in.
"""

from __future__ import annotations

import os
import signal
import time
import urllib.request

from facilitation.cli import main
from facilitation.store import Store

from .conftest import ROOT, choose, open_dashboard, shot, text, wait_text

ADD = ".fac-columns .fac-columns-add-text input"
ENABLED = "document.querySelectorAll('.fac-root input:not(:disabled), .fac-root textarea:not(:disabled), .fac-root button:not(:disabled), .fac-root select:not(:disabled)').length"


def open_columns(page, url: str, tab: str = "Drie kolommen") -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, url)
    page.click(f".fac-tabs .lm-TabBar-tab:has-text('{tab}')")
    page.locator(ADD).first.wait_for(timeout=60_000)


def wait_visible(page, selector: str, seconds: float) -> float:  # type: ignore[no-untyped-def]
    """Seconds until ``selector`` is visible (fails after ``seconds``)."""
    t0 = time.monotonic()
    page.locator(selector).first.wait_for(state="visible", timeout=seconds * 1000)
    return time.monotonic() - t0


def test_a_lost_server_says_so_keeps_the_text_and_offers_it_again(make_server, page):
    srv = make_server()
    open_columns(page, srv.url)
    field = page.locator(ADD).first
    words = "Oma haalt Jonas op na de training"
    field.fill(words)  # typed, not yet stored
    srv.stop(signal.SIGKILL)  # the server's process group (Voilà) and its kernels, at once

    took = wait_visible(page, ".fac-conn-banner", 5)
    banner = text(page.locator(".fac-conn-banner"))
    assert "Verbinding verbroken" in banner and "niets meer bewaard" in banner
    print(f"\nlost connection shown after {took:.1f} s")
    assert field.input_value() == words and field.is_disabled()
    assert page.evaluate(ENABLED) == 0  # nothing looks usable
    assert page.evaluate("getComputedStyle(document.querySelector('.fac-saved')).visibility") == "hidden"
    shot(page, "connection-lost-1280")
    page.set_viewport_size({"width": 1024, "height": 768})
    shot(page, "connection-lost-1024")
    page.set_viewport_size({"width": 1280, "height": 720})

    # The server is started again (the key kept with FACILITATION_TOKEN, as a script would): the page
    # reloads by itself and offers the text that was not stored.
    srv = make_server(store=srv.store, port=srv.port, token=srv.token)
    wait_visible(page, ".fac-draft-banner", 120)
    offered = text(page.locator(".fac-draft-banner"))
    assert words in offered and "Drie kolommen" in offered and "Niet bewaarde tekst" in offered
    assert page.locator(".fac-conn-banner").count() == 0
    page.click(".fac-draft-banner .fac-draft-put-back")  # opens the part and puts the text back
    field = page.locator(ADD).first
    page.wait_for_function(
        "([sel, w]) => document.querySelector(sel) && document.querySelector(sel).value === w", arg=[ADD, words]
    )
    field.press("Enter")
    wait_text(page.locator(".fac-columns"), words, timeout=30)
    page.locator(".fac-draft-banner").wait_for(state="detached", timeout=10_000)
    case = next(iter(Store(srv.store).list_cases()))
    assert words in {i.text for i in Store(srv.store).load(case.id).items.values()}


def test_a_dead_kernel_is_said_and_the_page_reloads_itself(make_server, page):
    srv = make_server(lang="en")
    open_columns(page, srv.url, "Three columns")
    before = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.locator(ADD).first.fill("Dad calls on Sunday")
    # The banner is shown for a moment only (the page then reloads by itself): every text it shows is noted as
    # it is shown, not read afterwards.
    said: list[str] = []
    page.expose_binding("facSaid", lambda _source, words: said.append(words))
    page.evaluate(
        "() => new MutationObserver(() => { const b = document.querySelector('.fac-conn-banner');"
        " if (b) window.facSaid(b.textContent); })"
        ".observe(document.body, { childList: true, subtree: true, characterData: true })"
    )
    (kernel,) = srv.kernel_pids()
    os.kill(kernel, signal.SIGKILL)  # the server lives on; this page's widgets died with the kernel
    deadline = time.monotonic() + 30
    while not any("This screen is reloading" in w for w in said) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert any("This screen is reloading" in w for w in said), said
    wait_visible(page, ".fac-draft-banner", 120)
    after = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    assert after != before
    offered = text(page.locator(".fac-draft-banner"))
    assert "Unsaved text" in offered and "Dad calls on Sunday" in offered and "Three columns" in offered
    # Culled (the server forgets the kernel, as its idle culler does): said and reloaded the same way.
    config = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent)")
    ended = urllib.request.Request(
        f"{srv.base}voila/api/shutdown/{after}?token={srv.token}", data=f"key={config['facEndKey']}".encode()
    )
    assert urllib.request.urlopen(ended, timeout=30).status == 204
    wait_visible(page, ".fac-conn-banner", 5)
    page.wait_for_function(
        "old => { try { const c = document.getElementById('jupyter-config-data');"
        " return JSON.parse(c.textContent).kernelId !== old && !!document.querySelector('.fac-ready'); }"
        " catch (e) { return false; } }",  # the page is being streamed again
        arg=after,
        timeout=120_000,
    )


def test_typing_survives_a_reload_and_stays_with_its_case(make_server, page, tmp_path):
    store = tmp_path / "store.sqlite3"
    assert main(["--store", str(store), "import", str(ROOT / "sample_cases" / "mila-en-finn.json")]) == 0
    srv = make_server(store=store)
    open_columns(page, srv.url)
    words = "Papa belt elke zondag om zes uur"
    page.locator(ADD).first.fill(words)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.type), d.accept()))
    page.reload(wait_until="domcontentloaded")
    assert dialogs == ["beforeunload"]  # leaving with unsaved text asks first
    page.wait_for_selector(".fac-ready", timeout=90_000)
    wait_visible(page, ".fac-draft-banner", 15)
    assert words in text(page.locator(".fac-draft-banner"))
    shot(page, "drafts-banner-1280")
    page.set_viewport_size({"width": 1024, "height": 768})
    shot(page, "drafts-banner-1024")
    page.set_viewport_size({"width": 1280, "height": 720})

    # Another case on screen: the draft is not offered there; back in its own case, it is.
    choose(page, ".fac-case-pick select", "Mila")
    page.locator(".fac-draft-banner").wait_for(state="detached", timeout=15_000)
    choose(page, ".fac-case-pick select", "Jonas")
    wait_visible(page, ".fac-draft-banner", 15)

    # Put back, stored with Enter: the draft is gone; a reload then neither asks nor offers anything.
    page.click(".fac-draft-banner .fac-draft-put-back")
    field = page.locator(ADD).first
    page.wait_for_function(
        "([sel, w]) => document.querySelector(sel) && document.querySelector(sel).value === w", arg=[ADD, words]
    )
    field.press("Enter")
    wait_text(page.locator(".fac-columns"), words, timeout=30)
    page.locator(".fac-draft-banner").wait_for(state="detached", timeout=10_000)
    assert page.evaluate("Object.keys(window.facPage.drafts()).length") == 0
    dialogs.clear()
    page.reload(wait_until="domcontentloaded")
    page.wait_for_selector(".fac-ready", timeout=90_000)
    page.wait_for_timeout(2500)
    assert dialogs == [] and page.locator(".fac-draft-banner").count() == 0


def test_a_draft_can_be_copied_and_discarded(make_server, page):
    srv = make_server()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_columns(page, srv.url)
    page.locator(ADD).first.fill("Tante Els komt woensdag")
    page.on("dialog", lambda d: d.accept())
    page.reload(wait_until="domcontentloaded")
    wait_visible(page, ".fac-draft-banner", 90)
    page.click(".fac-draft-banner .fac-draft-copy")
    wait_text(page.locator(".fac-draft-banner .fac-draft-copy"), "Gekopieerd")
    assert page.evaluate("navigator.clipboard.readText()") == "Tante Els komt woensdag"
    page.click(".fac-draft-banner .fac-draft-discard")
    page.locator(".fac-draft-banner").wait_for(state="detached", timeout=5_000)
    assert page.evaluate("sessionStorage.getItem('fac-drafts')") is None


def test_a_restart_with_a_new_key_says_how_to_get_back(make_server, page):
    """The usual restart: `facilitation serve` again, with a new key. The old page cannot get in by itself;
    it says how (the new address, in this tab), and the text typed before is offered there."""
    srv = make_server()
    open_columns(page, srv.url)
    words = "Buurvrouw Martine kan Jonas opvangen"
    page.locator(ADD).first.fill(words)
    srv.stop(signal.SIGKILL)
    wait_visible(page, ".fac-conn-banner", 5)
    srv = make_server(store=srv.store, port=srv.port)  # a new key
    page.wait_for_function("() => document.querySelector('.fac-conn-banner[data-state=\"newkey\"]')", timeout=60_000)
    said = text(page.locator(".fac-conn-banner"))
    assert "opnieuw gestart" in said and "nieuwe adres" in said
    assert page.locator(ADD).first.input_value() == words  # still there to copy by hand
    page.on("dialog", lambda d: d.accept())  # "leave the page?": yes, the text is kept in this tab
    page.goto(srv.url, wait_until="domcontentloaded")  # the new address, pasted in this tab
    wait_visible(page, ".fac-draft-banner", 90)
    assert words in text(page.locator(".fac-draft-banner"))
