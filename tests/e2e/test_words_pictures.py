"""The child's voice in a real browser: a story drawn with the pen, written, reordered and read together; the
Three Houses with a private entry that never reaches the projected screen; the feedback of children and parents."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from facilitation import samples
from facilitation.domain import child_edits as ce
from facilitation.store import Store

from .conftest import open_dashboard, shot, text, wait_text

TEXT = "Mama en oma Monique zorgen samen voor jullie. 🏠 Noah <b>mag</b> bellen & praten."


def open_tab(page, url: str, tab: str, ready: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, url)
    page.click(f".fac-tabs .lm-TabBar-tab:has-text('{tab}')")
    page.wait_for_selector(ready, state="visible", timeout=60_000)


def wait_stored(store: Path, check, timeout: float = 20.0):  # type: ignore[no-untyped-def]
    """Wait until the store holds what ``check(case)`` looks for (the kernel answers asynchronously)."""
    import time

    deadline = time.time() + timeout
    while True:
        case = Store(store).load("c-sample-lina-en-noah") if Store(store).has_case("c-sample-lina-en-noah") else None
        found = check(case) if case is not None else None
        if found or time.time() > deadline:
            return found, case
        time.sleep(0.3)


def draw(page, canvas: str) -> None:  # type: ignore[no-untyped-def]
    """A house-like zigzag with the mouse: one stroke."""
    box = page.locator(canvas).bounding_box()
    x0, y0 = box["x"] + box["width"] * 0.2, box["y"] + box["height"] * 0.7
    page.mouse.move(x0, y0)
    page.mouse.down()
    for i in range(1, 25):
        page.mouse.move(x0 + i * box["width"] * 0.025, y0 - (i % 6) * box["height"] * 0.06, steps=2)
    page.mouse.up()


def test_a_story_drawn_written_reordered_survives_a_reload_and_is_read_together(make_server, page, watch, tmp_path):
    srv = make_server(case="lina-en-noah")
    open_tab(page, srv.url, "Woord en beeld", ".fac-wp-make-draft")
    shot(page, "words-pictures-new-1280")
    page.click(".fac-wp-make-draft")
    page.wait_for_selector(".fac-board-card >> nth=5", timeout=30_000)
    board = page.locator(".fac-words-pictures .fac-board-card")
    assert board.count() == 6
    assert "Wie maakt zich zorgen?" in text(board.nth(0)) and "Wat is er gebeurd?" in text(board.nth(1))
    shot(page, "words-pictures-storyboard-1280")

    # Page 2: draw with the pen, write the text, choose a pictogram.
    board.nth(1).click()
    wait_text(page.locator(".fac-wp-page-no"), "Pagina 2 van 6")
    page.locator(".fac-wp-pen .fac-pen-canvas").scroll_into_view_if_needed()
    draw(page, ".fac-wp-pen .fac-pen-canvas")
    page.wait_for_selector(".fac-wp-pen[data-strokes='1']")
    text_box = page.locator(".fac-wp-text textarea")
    text_box.fill(TEXT)
    text_box.press("Tab")
    page.click(".fac-wp-picker-toggle")
    page.click(".fac-picker-group:has-text('Natuur en dieren')")
    page.click(".fac-picker-item[data-name='dog']")
    page.wait_for_selector(".fac-picker-item.fac-picker-chosen[data-name='dog']")
    page.locator(".fac-wp-editor").evaluate("e => e.scrollIntoView({block: 'start'})")
    shot(page, "words-pictures-pen-1280")

    def page_two(case):  # type: ignore[no-untyped-def]
        story = next(iter(case.stories.values()), None)
        pages = [p for p in case.story_pages.values() if story and p.story == story.id]
        return next((p for p in pages if p.topic == "what_happened" and p.drawing and "dog" in p.pictograms), None)

    stored, _ = wait_stored(srv.store, page_two)
    assert stored is not None, "the drawing, the text and the pictogram were not all stored"
    assert stored.text == TEXT
    strokes = json.loads(stored.drawing)
    assert len(strokes) == 1 and len(strokes[0]["points"]) > 10
    assert all(0 <= x <= 1000 and 0 <= y <= 750 for x, y in strokes[0]["points"])

    # Reorder: page 2 one place earlier (its ◀).
    board.nth(1).locator(".fac-board-left").click()
    wait_text(board.nth(0), "Wat is er gebeurd?")

    # Reload: all of it is still there.
    page.reload()
    open_tab(page, srv.url, "Woord en beeld", ".fac-board-card")
    board = page.locator(".fac-words-pictures .fac-board-card")
    wait_text(board.nth(0), "Wat is er gebeurd?")
    assert "Wie maakt zich zorgen?" in text(board.nth(1))
    first = board.nth(0)
    assert "Mama en oma Monique zorgen samen" in text(first) and "<b>" in text(first)  # escaped, shown as typed
    assert first.locator("svg.fac-drawing path").count() == 1
    assert first.locator("img.fac-picto[alt='hond']").count() == 1
    page.wait_for_selector(".fac-wp-pen[data-strokes='1']")  # the open page's drawing is on the canvas again
    assert page.locator(".fac-wp-text textarea").input_value() == TEXT
    page.set_viewport_size({"width": 1024, "height": 768})
    shot(page, "words-pictures-storyboard-1024")
    page.set_viewport_size({"width": 1280, "height": 720})

    # Reading together: page by page over the whole window.
    page.click(".fac-wp-read")
    reader = page.locator(".fac-reader")
    reader.wait_for(state="visible")
    wait_text(reader.locator(".fac-reader-count"), "1 / 6")
    assert "Mama en oma Monique" in text(reader.locator(".fac-read-text"))
    assert reader.locator(".fac-read-page svg.fac-drawing").count() == 1
    shot(page, "words-pictures-reading-1280")
    page.keyboard.press("ArrowRight")
    wait_text(reader.locator(".fac-reader-count"), "2 / 6")
    for _ in range(3):
        reader.locator(".fac-reader-next").click()
    wait_text(reader.locator(".fac-reader-count"), "5 / 6")
    contacts = text(reader.locator(".fac-read-contacts"))
    assert "0485 71 26 09" in contacts  # who the child may call, with the number
    page.set_viewport_size({"width": 1024, "height": 768})
    shot(page, "words-pictures-reading-contacts-1024")
    page.keyboard.press("Escape")
    reader.wait_for(state="detached")
    # A reload leaves the old page's kernel connection refused (403), as in test_network; nothing else.
    assert not watch.external and [e for e in watch.errors if "403" not in e] == []

    # The booklet, exported as the consultant does from the command line: the drawing is printed on its page.
    out = tmp_path / "boekje"
    cmd = [sys.executable, "-m", "facilitation", "--store", str(srv.store), "export", "c-sample-lina-en-noah"]
    subprocess.run([*cmd, "--format", "child", "--out", str(out)], check=True, capture_output=True, timeout=180)
    pdf = out.with_suffix(".pdf")
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages]
    number = next(n for n, words in enumerate(pages, start=1) if "Mama en oma Monique zorgen samen" in words)
    assert number == 2  # the first page after the title: the page moved to the front
    assert printed_strokes(pdf, number, tmp_path, strokes[0]["points"]) >= 0.9


def printed_strokes(pdf: Path, number: int, tmp_path: Path, points: list[list[float]]) -> float:
    """The share of the stored pen points found as ink on the printed page, inside the picture's frame and above
    its row of pictograms, where the ink's extent is taken as the drawing's extent (so a drawing printed
    elsewhere, at another shape, or not at all, finds few or none)."""
    import numpy as np
    from PIL import Image

    subprocess.run(
        ["pdftoppm", "-png", "-r", "100", "-f", str(number), "-l", str(number), str(pdf), str(tmp_path / "pg")]
    )
    px = np.asarray(Image.open(next(tmp_path.glob("pg*.png"))).convert("RGB"), dtype=np.int16)
    frame = np.argwhere((abs(px - (197, 204, 214)) <= 12).all(axis=2))  # the picture's light frame (#c5ccd6)
    top, left = frame.min(axis=0) + 4
    bottom, right = frame.max(axis=0) - 4
    inside = px[top:bottom, left:right]
    colourful = np.argwhere((inside.max(axis=2) - inside.min(axis=2)) > 60)  # the pictograms (the pen is dark)
    end = colourful[:, 0].min() - 3 if len(colourful) else inside.shape[0]
    ink = np.argwhere(inside[:end].max(axis=2) < 110)
    assert len(ink), "no pen stroke printed in the picture"
    (y0, x0), (y1, x1) = ink.min(axis=0), ink.max(axis=0)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    found = 0
    for x, y in points:
        u = x0 + (x - min(xs)) / max(max(xs) - min(xs), 1) * (x1 - x0)
        v = y0 + (y - min(ys)) / max(max(ys) - min(ys), 1) * (y1 - y0)
        near = inside[max(0, int(v) - 5) : int(v) + 6, max(0, int(u) - 5) : int(u) + 6]
        found += bool((near.max(axis=2) < 110).any())
    return found / len(points)


def houses_store(tmp_path: Path) -> Path:
    """Lina en Noah with two things in Noah's houses: one he allowed to be shown, one not."""
    path = tmp_path / "store.sqlite3"
    store = Store(path)
    case = samples.load_sample("lina-en-noah")
    noah = next(c.id for c in case.children() if c.name.startswith("Noah"))
    for house, words, shared in (
        ("dreams", "Een hond, en samen met mama naar zee", True),
        ("good_things", "Voetballen met Amir", True),
        ("worries", "GEHEIM: ik ben bang als papa roept", False),
    ):
        edit, eid = ce.add_house_entry(
            case, noah, house, "2026-10-20", text=words, pictograms=["dog"] if shared else []
        )
        case = case.apply(edit)
        if shared:
            case = case.apply(ce.set_shareable(case, eid, True))
    store.add_case(case, "test")
    return path


def test_three_houses_keep_a_private_entry_off_the_projected_screen_and_feedback_shows_over_time(
    make_server, page, watch, tmp_path
):
    srv = make_server(case="lina-en-noah", store=houses_store(tmp_path))
    open_tab(page, srv.url, "Drie huizen", ".fac-three-houses .fac-house")
    page.click(".fac-houses-child .widget-toggle-button:has-text('Noah')")
    houses = page.locator(".fac-three-houses .fac-houses")
    wait_text(houses, "GEHEIM")
    assert "alleen voor het kind" in text(houses)
    shot(page, "three-houses-1280")
    page.set_viewport_size({"width": 1024, "height": 768})
    shot(page, "three-houses-1024")
    page.set_viewport_size({"width": 1280, "height": 720})

    # Projection: the network looks at the screen; the private worry is not on it at all.
    page.click(".fac-projection-toggle")
    page.wait_for_selector(".fac-root.fac-projection")
    wait_text(page.locator(".fac-houses-shared-note"), "alleen wat het kind wil laten zien")
    page.wait_for_function("!document.body.innerHTML.includes('GEHEIM')", timeout=20_000)
    assert "Een hond" in text(houses) and "Voetballen met Amir" in text(houses)
    shot(page, "three-houses-projection-1280")
    page.click(".fac-projection-toggle")
    page.wait_for_selector(".fac-root:not(.fac-projection)")

    # Feedback: the sample's, then Noah's, added with the form.
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Feedback')")
    page.wait_for_selector(".fac-feedback .fac-fb-section", state="visible")
    page.click(".fac-fb-add")
    page.locator(".fac-fb-person-pick select").select_option(label="Noah Verstraete (kind)")
    page.click(".fac-fb-mark-pick .widget-toggle-button:text-is('8')")
    page.click(".fac-fb-result .widget-toggle-button:text-is('2,5')")
    page.click(".fac-fb-process .widget-toggle-button:text-is('3,5')")
    page.locator(".fac-fb-comment-in textarea").fill("Ik mocht zelf tekenen.")
    page.locator(".fac-fb-comment-in textarea").press("Tab")
    shot(page, "feedback-form-1280")
    page.click(".fac-fb-save")
    noah = page.locator(".fac-fb-section:has-text('Noah Verstraete')")
    wait_text(noah, "Ik mocht zelf tekenen.")
    assert "2,5" in text(noah) and "3,5" in text(noah)
    shot(page, "feedback-1280")
    page.set_viewport_size({"width": 1024, "height": 768})
    shot(page, "feedback-1024")
    assert not watch.external and not watch.errors
