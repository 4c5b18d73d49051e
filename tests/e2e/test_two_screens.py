"""Two browsers, one case (issue 9): a facilitator and a scribe. Edits from both, interleaved, arrive in
both screens and in the store; conflicting edits to the same item are shown, not swallowed."""

from __future__ import annotations

from facilitation.store import Store

from .conftest import open_dashboard, text, wait_text


def columns(page, url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, url)
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Drie kolommen')")
    page.locator(".fac-columns .fac-columns-add-text input").first.wait_for(timeout=60_000)


def add(page, words: str) -> None:  # type: ignore[no-untyped-def]
    field = page.locator(".fac-columns .fac-columns-add-text input").first
    field.fill(words)
    field.press("Enter")
    try:
        wait_text(page.locator(".fac-columns"), words, timeout=30)
    except AssertionError:
        from .conftest import shot

        shot(page, "two-screens-failure")
        print(
            "ITEMS:",
            page.locator(".fac-item-text").all_inner_texts()[-6:],
            "FIELD:",
            field.input_value(),
            "STATUS:",
            text(page.locator(".fac-status")),
        )
        raise


def test_interleaved_edits_reach_both_screens_and_the_store(make_server, browser):
    srv = make_server()
    a = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    b = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    columns(a, srv.url)
    columns(b, srv.url)
    written = []
    for n in range(4):
        for who, page in (("facilitator", a), ("scribe", b)):
            words = f"{who} {n}: de buurvrouw helpt 's avonds"
            add(page, words)
            written.append(words)
    for page in (a, b):
        for words in written:
            wait_text(page.locator(".fac-columns"), words, timeout=20)
    store = Store(srv.store)
    case = store.load(store.list_cases()[0].id)
    stored = {i.text for i in case.items.values()}
    assert set(written) <= stored


def test_conflicting_edits_to_the_same_item_are_shown(make_server, browser):
    srv = make_server()
    a = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    b = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    columns(a, srv.url)
    columns(b, srv.url)
    add(a, "Oma haalt Jonas op na school")
    wait_text(b.locator(".fac-columns"), "Oma haalt Jonas op na school", timeout=20)
    for page in (a, b):
        page.locator(".fac-item", has_text="Oma haalt Jonas op na school").locator(".fac-item-edit").click()
        page.locator(".fac-item-editor .fac-edit-text textarea").wait_for(timeout=20_000)
    # The scribe is typing when the facilitator saves the same item.
    b.locator(".fac-item-editor .fac-edit-text textarea").fill("Oma haalt Jonas op na school, op dinsdag")
    a.locator(".fac-item-editor .fac-edit-text textarea").fill("Oma haalt Jonas op na school, op maandag")
    a.locator(".fac-item-editor .fac-edit-save").click()
    wait_text(a.locator(".fac-columns .fac-item-text", has_text="op maandag"), "op maandag", timeout=20)
    wait_text(b.locator(".fac-columns .fac-item-text", has_text="op maandag"), "op maandag", timeout=20)
    # The scribe's words were not replaced while typing; saving now is refused with a message.
    assert "dinsdag" in b.locator(".fac-item-editor .fac-edit-text textarea").input_value()
    b.locator(".fac-item-editor .fac-edit-save").click()
    wait_text(b.locator(".fac-status"), "ander scherm gewijzigd", timeout=20)
    store = Store(srv.store)
    case = store.load(store.list_cases()[0].id)
    texts = {i.text for i in case.items.values()}
    assert "Oma haalt Jonas op na school, op maandag" in texts, [t for t in texts if "Oma haalt" in t]
    assert "Oma haalt Jonas op na school, op dinsdag" not in texts
    # The scribe's words are still in the editor, not lost.
    assert "dinsdag" in b.locator(".fac-item-editor .fac-edit-text textarea").input_value()
    assert "Traceback" not in text(b.locator(".fac-shell"))
