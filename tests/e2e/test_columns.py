"""The three columns in a real browser: add to each column, edit, move, reload; readable at 1280 and 1920."""

from __future__ import annotations

from pathlib import Path

from facilitation.domain import ops
from facilitation.store import casefile

from .conftest import ROOT, choose, open_dashboard, shot, text, wait_text

HOSTILE = "<img src=x onerror=alert(1)> <script>alert(2)</script> 👩‍👧 مرحبا"
LONG = "Oma Rita vertelt: " + "als mama 's avonds drinkt, belt Jonas mij en dan kom ik. " * 40


def columns_case_file(tmp_path: Path) -> Path:
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    ids = {}
    for key, name, rel in (
        ("mama", "Sofie Maes", "mama"),
        ("rita", "Rita Maes", "grootmoeder"),
        ("cons", "Ilse De Smet", "consulent"),
    ):
        edit, ids[key] = ops.add_person(case, name, relation=rel)
        case = case.apply(edit)
    edit, _ = ops.add_meeting(case, "network_meeting", "2026-10-15", list(ids.values()))
    case = case.apply(edit)
    path = tmp_path / "maes.json"
    path.write_text(casefile.dumps(case), encoding="utf-8")
    return path


def open_columns(page, url: str, tab: str = "Drie kolommen") -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, url)
    page.click(f".fac-tabs .lm-TabBar-tab:has-text('{tab}')")
    page.wait_for_selector(".fac-columns .fac-col-grid", state="visible")


def add(page, words: str, element: str, speaker: str | None = None) -> None:  # type: ignore[no-untyped-def]
    choose(page, ".fac-columns-add-element select", element)
    if speaker:
        # The speaker: a row of name buttons of the people present (first names).
        page.click(f".fac-columns-speakers button:has-text('{speaker}')")
    page.fill(".fac-columns-add-text input", words)
    page.press(".fac-columns-add-text input", "Enter")
    page.wait_for_function("document.querySelector('.fac-columns-add-text input').value === ''")


def item(page, words: str):  # type: ignore[no-untyped-def]
    return page.locator(".fac-columns .fac-item", has_text=words)


def assert_layout_fits(page) -> None:  # type: ignore[no-untyped-def]
    """Three columns side by side, nothing wider than the screen, no item cut off."""
    boxes = [page.locator(f".fac-col-{c}").bounding_box() for c in ("worries", "working_well", "needs_to_happen")]
    assert all(b is not None for b in boxes)
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"], boxes
    assert abs(boxes[0]["y"] - boxes[2]["y"]) < 2, boxes
    width = page.viewport_size["width"]
    assert boxes[2]["x"] + boxes[2]["width"] <= width + 1, boxes
    cut = page.evaluate(
        """() => [...document.querySelectorAll('.fac-columns .fac-item-html')].filter(
            e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).length"""
    )
    assert cut == 0
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")


def test_add_to_each_column_edit_move_reload(make_server, page, watch, tmp_path):
    srv = make_server(case=str(columns_case_file(tmp_path)))
    open_columns(page, srv.url)
    cols = {c: page.locator(f".fac-col-{c}") for c in ("worries", "working_well", "needs_to_happen")}
    assert "Waar maken we ons zorgen over?" in text(cols["worries"])
    assert "Wat gaat er goed?" in text(cols["working_well"])
    assert "Wat moet er gebeuren?" in text(cols["needs_to_happen"])

    add(page, "Mama roept als ze moe is", "Zorgen · Schade", "Sofie")
    wait_text(cols["worries"], "Mama roept als ze moe is")
    add(page, "Oma haalt Jonas elke woensdag op", "Gaat goed · Kracht", "Rita")
    wait_text(cols["working_well"], "Oma haalt Jonas elke woensdag op")
    add(page, "Afspraak maken met de school", "Moet gebeuren · Volgende stap", "Ilse")
    wait_text(cols["needs_to_happen"], "Afspraak maken met de school")
    add(page, HOSTILE, "Zorgen · Complicerende factor")
    wait_text(cols["worries"], "<script>alert(2)</script>")
    assert page.locator(".fac-columns img, .fac-columns .fac-item script").count() == 0
    assert "— Rita Maes" in text(item(page, "Oma haalt Jonas"))

    # A longer story through the large text box: wraps, nothing cut off.
    page.click(".fac-columns-add-longtoggle")
    choose(page, ".fac-columns-add-element select", "Zorgen · Schade")
    page.fill(".fac-columns-add-long textarea", LONG)
    page.click(".fac-columns-add-btn")
    wait_text(cols["worries"], "Oma Rita vertelt:")
    page.click(".fac-columns-add-longtoggle")

    # Edit one: the editor opens under the item.
    item(page, "Mama roept").locator(".fac-item-edit").click()
    editor = page.locator(".fac-item-editor")
    editor.wait_for(state="visible")
    editor.locator(".fac-edit-text textarea").fill("Mama roept als ze moe is, zegt Jonas")
    editor.locator(".fac-edit-view-row", has_text="Sofie Maes").locator("button", has_text="niet akkoord").click()
    wait_text(item(page, "Mama roept"), "niet akkoord: Sofie Maes")
    editor.locator(".fac-edit-save").click()
    wait_text(cols["worries"], "Mama roept als ze moe is, zegt Jonas")
    editor.wait_for(state="detached")

    # Move one to another column.
    item(page, "Afspraak maken").locator(".fac-item-edit").click()
    wait_text(page.locator(".fac-item-editor .fac-edit-title"), "Volgende stap 1 bewerken")
    choose(page, ".fac-item-editor .fac-edit-element select", "Gaat goed · Bestaande veiligheid")
    page.click(".fac-item-editor .fac-edit-save")
    wait_text(page.locator(".fac-el-existing_safety"), "Afspraak maken met de school")
    assert "Afspraak maken" not in text(cols["needs_to_happen"])
    page.wait_for_function("document.querySelectorAll('.fac-columns .fac-item-editing').length === 0")

    # What did grandmother say? Only her words stay on screen.
    choose(page, ".fac-columns-filter-person select", "Rita Maes")
    page.click(".fac-columns-filter-mode button:has-text('Alleen deze tonen')")
    item(page, "Mama roept").wait_for(state="hidden")
    assert item(page, "Oma haalt Jonas").is_visible()
    choose(page, ".fac-columns-filter-person select", "Iedereen")
    item(page, "Mama roept").wait_for(state="visible")

    assert_layout_fits(page)
    page.locator(".fac-columns .fac-col-grid").scroll_into_view_if_needed()
    page.evaluate("document.querySelector('.fac-columns .fac-col-grid').scrollIntoView({block: 'start'})")
    shot(page, "columns-flow-1280")

    # Reload: all as left.
    open_columns(page, srv.url)
    cols = {c: page.locator(f".fac-col-{c}") for c in ("worries", "working_well", "needs_to_happen")}
    worries = wait_text(cols["worries"], "Mama roept als ze moe is, zegt Jonas")
    assert "niet akkoord: Sofie Maes" in worries and "<script>alert(2)</script>" in worries
    assert "Oma Rita vertelt:" in worries
    well = text(cols["working_well"])
    assert "Oma haalt Jonas elke woensdag op" in well and "Afspraak maken met de school" in well
    assert "Afspraak maken" not in text(cols["needs_to_happen"])
    assert page.locator(".fac-columns img").count() == 0
    assert_layout_fits(page)
    assert watch.external == []


def test_sample_case_readable_on_both_projectors(make_server, page, watch):
    srv = make_server(case=str(ROOT / "sample_cases" / "jonas-17.json"))
    open_columns(page, srv.url)
    page.wait_for_selector(".fac-columns .fac-item")
    assert_layout_fits(page)
    shot(page, "columns-nl-1280")

    # The guided danger statement: three questions make one sentence to read together.
    choose(page, ".fac-columns-add-element select", "Zorgen · Gevaarsboodschap")
    page.fill(".fac-add-ds-who textarea", "Oma en de consulent")
    page.fill(".fac-add-ds-behaviour textarea", "mama en Jonas ruzie maken tot er geslagen wordt")
    page.fill(".fac-add-ds-impact textarea", "Jonas zichzelf iets aandoet")
    page.wait_for_function(
        "document.querySelector('.fac-columns-add-long textarea').value.endsWith('Jonas zichzelf iets aandoet.')"
    )
    shot(page, "columns-ds-form-1280")
    page.click(".fac-columns-add-btn")
    wait_text(
        page.locator(".fac-el-danger_statement"), "Oma en de consulent maken zich zorgen dat mama en Jonas ruzie maken"
    )

    # The editor under an item, in a narrow column: words, speaker, pairing, who agrees.
    first = page.locator(".fac-el-danger_statement .fac-item").first
    first.locator(".fac-item-edit").click()
    editor = page.locator(".fac-item-editor")
    wait_text(editor.locator(".fac-edit-title"), "Gevaarsboodschap 1 bewerken")
    editor.scroll_into_view_if_needed()
    assert_layout_fits(page)
    shot(page, "columns-editor-1280")
    editor.locator(".fac-edit-close").click()
    editor.wait_for(state="detached")

    page.set_viewport_size({"width": 1920, "height": 1080})
    page.evaluate("window.scrollTo(0, 0)")
    assert_layout_fits(page)
    shot(page, "columns-nl-1920")
    # (On the projector the columns are the family screen's: tests/e2e/test_family_screen.py.)

    page.click(".fac-lang button:has-text('English')")
    wait_text(page.locator(".fac-col-worries"), "What are we worried about?")
    assert_layout_fits(page)
    shot(page, "columns-en-1920")
    assert watch.external == []
