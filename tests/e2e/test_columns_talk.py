"""The three columns in a real browser while people talk: the speaker by name buttons, type-ahead or "kat:",
the element by a number key, both kept; '?' for the shortcuts; positions under "Wie zei wat?"; the guided
safety goal; an Enter that adds once while the kernel is busy. Pictures at 1280×720 and 1024×768."""

from __future__ import annotations

from pathlib import Path

from facilitation.samples import large_case
from facilitation.store import Store, casefile

from .conftest import ROOT, choose, open_dashboard, shot, text, wait_text

FIELD = ".fac-columns .fac-columns-add-text input"


def open_columns(page, url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, url)
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Drie kolommen')")
    page.wait_for_selector(".fac-columns .fac-col-grid", state="visible", timeout=60_000)
    page.wait_for_selector(".fac-columns .fac-columns-speakers button", timeout=60_000)


def stored_items(srv):  # type: ignore[no-untyped-def]
    store = Store(srv.store)
    return store.load(store.list_cases()[0].id).items


def test_typing_while_people_talk(make_server, page, watch):
    srv = make_server(case=str(ROOT / "sample_cases" / "jonas-17.json"))
    open_columns(page, srv.url)
    names = page.locator(".fac-columns .fac-columns-speakers button").all_inner_texts()
    assert names[:3] == ["Jonas", "Katrien", "Lotte"] and names[-1] == "niemand"  # the people present
    shot(page, "columns-speakers-1280")
    page.set_viewport_size({"width": 1024, "height": 768})
    page.wait_for_timeout(300)
    shot(page, "columns-speakers-1024")
    page.set_viewport_size({"width": 1280, "height": 720})

    # Alt+5: an exception ("wanneer gaat het wel goed?"); "kat:" says Katrien said it.
    page.click(FIELD)
    page.keyboard.press("Alt+5")
    page.wait_for_function("document.querySelector('.fac-columns-add-element select').value.endsWith('Uitzondering')")
    page.keyboard.type("kat: Als we samen koken, is er geen ruzie")
    page.wait_for_selector(".fac-columns-speakers button.mod-active:has-text('Katrien')")
    page.keyboard.press("Enter")
    exceptions = page.locator(".fac-el-exception")
    wait_text(exceptions, "Als we samen koken, is er geen ruzie")
    assert "— Katrien De Smet" in text(exceptions.locator(".fac-item", has_text="samen koken"))
    assert page.input_value(FIELD) == ""
    # She goes on: the same speaker and element stay chosen.
    page.keyboard.type("En op zondag bij oma")
    page.keyboard.press("Enter")
    wait_text(exceptions, "En op zondag bij oma")
    assert "— Katrien De Smet" in text(exceptions.locator(".fac-item", has_text="zondag bij oma"))

    # Alt+S to the names, "lo" chooses Lotte; Alt+N back to the words; a number key when not typing.
    page.keyboard.press("Alt+s")
    page.keyboard.type("lo")
    page.wait_for_selector(".fac-columns-speakers button.mod-active:has-text('Lotte')")
    page.keyboard.press("4")  # not typing: 4 is "kracht"
    page.wait_for_function("document.querySelector('.fac-columns-add-element select').value.endsWith('Kracht')")
    page.keyboard.press("Alt+n")
    page.wait_for_function(f"document.activeElement === document.querySelector('{FIELD}')")
    page.keyboard.type("Jonas helpt mij met mijn huiswerk")
    page.keyboard.press("Enter")
    wait_text(page.locator(".fac-el-strength"), "Jonas helpt mij met mijn huiswerk")
    assert "— Lotte Van Damme" in text(page.locator(".fac-el-strength .fac-item", has_text="huiswerk"))
    typed = ("Als we samen koken, is er geen ruzie", "En op zondag bij oma", "Jonas helpt mij met mijn huiswerk")
    items = [i for i in stored_items(srv).values() if i.text in typed]
    assert sorted((i.element, i.author) for i in items) == [
        ("exception", "p-katrien"),
        ("exception", "p-katrien"),
        ("strength", "p-lotte"),
    ]

    # '?' (not typing): this part's shortcuts.
    page.click(".fac-columns .fac-filter-label")  # on text: nothing has the focus
    page.keyboard.press("?")
    help_box = page.locator(".fac-columns .fac-keys-help")
    wait_text(help_box, "Sneltoetsen in de drie kolommen")
    assert "Alt+N" in text(help_box) and "uitzondering" in text(help_box)
    shot(page, "columns-keys-1280")
    page.set_viewport_size({"width": 1024, "height": 768})
    page.wait_for_timeout(300)
    shot(page, "columns-keys-1024")
    page.keyboard.press("Escape")
    help_box.wait_for(state="hidden")

    # "Wie zei wat?": Katrien's words marked, her position on the worries and the help shown and edited there.
    choose(page, ".fac-columns-filter-person select", "Katrien De Smet")
    positions = page.locator(".fac-columns .fac-columns-positions")
    wait_text(positions, "Standpunt van Katrien De Smet (moeder)")
    page.wait_for_function(
        "document.querySelector('.fac-position-worries textarea').value.includes('Ik ben bang dat het opnieuw')"
    )
    page.fill(".fac-position-help textarea", "De hulp mag komen, als ze ook naar mij luisteren.")
    page.click(".fac-position-title")  # leaving the box stores it
    wait_text(page.locator(".fac-status"), "Standpunt van Katrien De Smet bewaard")
    assert stored_people(srv)["p-katrien"].view_on_help == "De hulp mag komen, als ze ook naar mij luisteren."
    positions.scroll_into_view_if_needed()
    shot(page, "columns-positions-1024")
    page.set_viewport_size({"width": 1280, "height": 720})
    page.wait_for_timeout(300)
    page.evaluate("document.querySelector('.fac-columns .fac-filter-bar').scrollIntoView({block: 'start'})")
    shot(page, "columns-positions-1280")
    choose(page, ".fac-columns-filter-person select", "Iedereen")
    positions.wait_for(state="hidden")

    # The guided safety goal: four questions make one sentence.
    page.evaluate("window.scrollTo(0, 0)")
    page.click(FIELD)
    page.keyboard.press("Alt+7")
    page.click(".fac-columns-add-guided")
    page.fill(".fac-add-sg-carers-do textarea", "Mama en Jonas stoppen een ruzie en gaan elk naar een andere kamer")
    page.fill(".fac-add-sg-child-experiences textarea", "Jonas zich thuis veilig voelt, ook als er ruzie is")
    page.fill(
        ".fac-add-sg-others-see textarea", "oma Jeannine en Lotte horen dat de ruzies niet meer uit de hand lopen"
    )
    page.fill(".fac-add-sg-how-long textarea", "minstens drie maanden")
    page.wait_for_function(
        "document.querySelector('.fac-columns-add-long textarea').value.endsWith('minstens drie maanden volgehouden.')"
    )
    shot(page, "columns-sg-form-1280")
    page.set_viewport_size({"width": 1024, "height": 768})
    page.wait_for_timeout(300)
    shot(page, "columns-sg-form-1024")
    page.click(".fac-columns-add-btn")
    wait_text(
        page.locator(".fac-el-safety_goal"), "Mama en Jonas stoppen een ruzie en gaan elk naar een andere kamer, zodat"
    )
    goal = next(i for i in stored_items(srv).values() if i.sg_how_long == "minstens drie maanden")
    assert goal.element == "safety_goal" and goal.text.endswith("Dit wordt minstens drie maanden volgehouden.")
    page.locator(".fac-el-exception").scroll_into_view_if_needed()
    shot(page, "columns-exception-1024")
    page.set_viewport_size({"width": 1280, "height": 720})
    page.wait_for_timeout(300)
    page.locator(".fac-el-exception").scroll_into_view_if_needed()
    shot(page, "columns-exception-1280")
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")
    assert watch.external == []


def stored_people(srv):  # type: ignore[no-untyped-def]
    store = Store(srv.store)
    return store.load(store.list_cases()[0].id).people


def test_the_words_show_at_once_marked_as_being_saved(make_server, page):
    """Issue 16.8: Enter shows the words at once in their group, marked "bewaren…", before the kernel has them
    (here the kernel's answers are held back on their way to the page); its answer then puts the item's own row
    in their place. Words the kernel refuses go back into the field, and no row is left behind."""
    held: list[tuple[object, object]] | None = None

    def route(ws) -> None:  # type: ignore[no-untyped-def]
        server = ws.connect_to_server()

        def to_page(message) -> None:  # type: ignore[no-untyped-def]
            if held is None:
                ws.send(message)
            else:
                held.append((ws, message))

        server.on_message(to_page)

    page.route_web_socket(lambda url: "/channels" in url, route)
    srv = make_server(case=str(ROOT / "sample_cases" / "jonas-17.json"))
    open_columns(page, srv.url)
    page.click(".fac-columns-speakers button:has-text('Katrien')")
    page.wait_for_selector(".fac-columns-speakers button.mod-active:has-text('Katrien')")
    page.wait_for_timeout(500)  # the kernel has the speaker
    words = "Katrien belt <b>elke</b> avond naar de school"
    page.fill(FIELD, words)
    held = []
    page.press(FIELD, "Enter")
    ahead = page.locator(".fac-columns .fac-el-harm .fac-item-ahead")
    ahead.wait_for(state="visible", timeout=2_000)
    assert text(ahead) == f"{words}\nbewaren…" and page.input_value(FIELD) == ""
    assert page.locator(".fac-columns .fac-el-harm b").count() == 0  # the words as text, never as HTML
    assert page.locator(".fac-columns .fac-item", has_text="avond naar de school").count() == 0  # no answer yet
    page.locator(".fac-columns .fac-el-harm").scroll_into_view_if_needed()
    shot(page, "columns-saving-1280")
    page.set_viewport_size({"width": 1024, "height": 768})
    page.locator(".fac-columns .fac-el-harm .fac-item-ahead").scroll_into_view_if_needed()
    assert ahead.is_visible()
    shot(page, "columns-saving-1024")
    page.set_viewport_size({"width": 1280, "height": 720})
    waiting, held = held, None
    for ws, message in waiting:
        ws.send(message)  # type: ignore[attr-defined]
    row = page.locator(".fac-columns .fac-el-harm .fac-item", has_text="avond naar de school")
    row.wait_for(timeout=15_000)
    page.wait_for_function("!document.querySelector('.fac-item-ahead')", timeout=5_000)
    assert "— Katrien De Smet" in text(row) and "bewaren" not in text(page.locator(".fac-el-harm"))
    assert [i.text for i in stored_items(srv).values()].count(words) == 1

    too_long = "x" * 10_001  # refused: the words come back into the field, no row stays behind
    page.fill(FIELD, too_long)
    page.press(FIELD, "Enter")
    page.wait_for_function(f"document.querySelector('{FIELD}').value.length === 10001", timeout=15_000)
    page.wait_for_function("!document.querySelector('.fac-item-ahead')", timeout=5_000)
    assert too_long not in {i.text for i in stored_items(srv).values()}


def test_enter_adds_once_while_the_kernel_is_busy(make_server, page, tmp_path):
    """Issue 21: typed while the kernel was busy (here: switching the language of 400 items), the field kept
    its text after Enter and a second Enter added it again, after a first item of a few letters."""
    path = Path(tmp_path) / "large.json"
    path.write_text(casefile.dumps(large_case()), encoding="utf-8")
    srv = make_server(case=str(path))
    open_columns(page, srv.url)
    page.wait_for_timeout(1500)
    for n, lang in enumerate(("English", "Nederlands")):
        words = f"Dubbel getypt {n}"
        page.click(f".fac-lang button:has-text('{lang}')")
        page.locator(FIELD).type(words, delay=15)
        page.keyboard.press("Enter")
        assert page.input_value(FIELD) == ""  # emptied at once, whatever the kernel is doing
        page.keyboard.press("Enter")
        page.locator(".fac-columns .fac-el-harm .fac-item", has_text=words).wait_for(timeout=60_000)
        page.wait_for_timeout(2500)
        assert page.input_value(FIELD) == ""
        texts = [i.text for i in stored_items(srv).values() if i.text.startswith("D")]
        assert texts.count(words) == 1, texts
        assert not [t for t in texts if words.startswith(t) and t != words], texts  # no first few letters


def test_letters_typed_right_after_enter_are_kept(make_server, page):
    """The next words start at once after Enter, while the kernel is still adding the first: the kernel's
    emptying of the field arrives later and must not wipe their first letters (": Het…" for "an: Het…")."""
    srv = make_server(case=str(ROOT / "sample_cases" / "jonas-17.json"))
    open_columns(page, srv.url)
    field = page.locator(FIELD)
    field.click()
    for n in range(4):
        page.keyboard.type(f"Na elkaar {n} gezegd", delay=5)
        page.keyboard.press("Enter")
    page.locator(".fac-columns .fac-el-harm .fac-item", has_text="Na elkaar 3 gezegd").wait_for(timeout=60_000)
    page.wait_for_timeout(1500)
    texts = sorted(i.text for i in stored_items(srv).values() if i.text.startswith("Na elkaar"))
    assert texts == [f"Na elkaar {n} gezegd" for n in range(4)], texts
    assert page.input_value(FIELD) == ""
