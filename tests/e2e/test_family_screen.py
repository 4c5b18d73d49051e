"""The family screen (issue 14): a second window on the projector, following the consultant's laptop.

Two pages of one browser (the working screen and the family screen), at 1280×720 and 1024×768: in every
phase every item of that phase is inside the family screen and not cut off (element boxes), turning its
pages; nothing to click on it; an edit on the laptop shows at once; B blanks both; projection in one window
is the same view with a small control.
"""

from __future__ import annotations

import time

import pytest

from facilitation.domain.trajectory import STANDARD_AGENDA, agenda_of
from facilitation.samples import load_sample
from facilitation.store import Store
from facilitation.ui.family.present import present
from facilitation.ui.family.state import PHASE_BOARD

from .conftest import choose, open_dashboard, shot, text, wait_text

FAMILY_READY = ".fac-family-view.fac-ready"

CHECK_PAGE = """() => {
  const W = window.innerWidth, H = window.innerHeight;
  const bad = [], seen = [];
  for (const u of document.querySelectorAll('.fac-fv-content .fac-fv-unit')) {
    if (u.classList.contains('fac-fv-off') || !u.getClientRects().length) continue;
    const r = u.getBoundingClientRect();
    const list = u.closest('.fac-fv-list') || u.closest('.fac-fv-body');
    const box = list.getBoundingClientRect();
    const id = u.dataset.id || u.textContent.slice(0, 30);
    if (u.dataset.id) seen.push(u.dataset.id);
    if (r.left < -0.5 || r.top < -0.5 || r.right > W + 0.5 || r.bottom > H + 0.5) bad.push('outside the screen: ' + id);
    if (r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5) bad.push('cut by its column: ' + id);
    if (u.scrollHeight > u.clientHeight + 1 || u.scrollWidth > u.clientWidth + 1) bad.push('text overflows: ' + id);
  }
  for (const t of document.querySelectorAll('.fac-fv-title, .fac-fv-block-title, .fac-fv-question, .fac-fv-anchor')) {
    if (t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right > W + 0.5) bad.push('heading cut: ' + t.textContent);
  }
  const board = document.querySelector('.fac-fv-board');
  const font = board ? parseFloat(getComputedStyle(board).fontSize) : 0;
  const stage = document.querySelector('.fac-fv-stage');
  return { bad, seen, font, H, page: stage.dataset.page, pages: parseInt(stage.dataset.pages || '1', 10) };
}"""

VISIBLE_CONTROLS = """(allowed) => Array.from(document.querySelectorAll('input, button, select, textarea, [contenteditable=true]'))
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden' && !(allowed && e.closest(allowed)))
  .map(e => e.outerHTML.slice(0, 120))"""


def family_url(work) -> str:  # type: ignore[no-untyped-def]
    url = work.locator(".fac-family-url").input_value()
    assert "view=family" in url and "case=" in url
    return url


def expected_ids(store_path, phase: int) -> set[str]:  # type: ignore[no-untyped-def]
    """What the family screen must show in this phase: every entry the presenter puts on the board."""
    store = Store(store_path)
    case = store.load(store.list_cases()[0].id)
    meeting = max(case.meetings.values(), key=lambda m: m.phase_started_at or "")
    board = present(case, meeting, "nl").board
    if board.scale is not None:
        return {r.id for r in board.scale.rows}
    return {e.id for b in board.blocks for g in b.groups for e in g.entries}


def read_every_page(fam, want: set[str]) -> dict:  # type: ignore[no-untyped-def]
    """Turn the pages with the arrow key until every wanted entry was seen whole; fails on any cut entry."""
    seen: set[str] = set()
    last = None
    for _ in range(40):
        fam.wait_for_function("document.querySelector('.fac-fv-stage').dataset.fitted")
        page = fam.evaluate(CHECK_PAGE)
        assert not page["bad"], page["bad"]
        seen |= set(page["seen"])
        last = page
        if want <= seen:
            return page
        before = page["page"]
        fam.keyboard.press("ArrowRight")
        fam.wait_for_function(f"document.querySelector('.fac-fv-stage').dataset.page !== '{before}'", timeout=5000)
    raise AssertionError(f"never shown: {sorted(want - seen)}; last page {last}")


BROKEN_WORDS = """() => {
  const broken = [];
  for (const el of document.querySelectorAll('.fac-fv-unit:not(.fac-fv-off) .fac-fv-words')) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/\\S+/g)) {
        const r = document.createRange();
        r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""

FIRST = "Eerste netwerkoverleg"
INTERIM = "Tussentijdse evaluatie"


def open_meeting(work, store_path, kind_label: str) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Choose the meeting on the working screen; its course (phase keys) as the case file has it."""
    if kind_label not in text(work.locator(".fac-meeting-pick select option:checked")):
        choose(work, ".fac-meeting-pick select", kind_label)
    wait_text(work.locator(".fac-meeting-pick select option:checked"), kind_label)
    kind = "network_meeting" if kind_label == FIRST else "interim_evaluation"
    store = Store(store_path)
    case = store.load(store.list_cases()[0].id)
    meeting = next(m for m in case.meetings.values() if m.kind == kind)
    # The family screen's address follows the meeting chosen (its link is updated by the kernel).
    deadline = time.monotonic() + 20
    while f"meeting={meeting.id}" not in work.locator(".fac-family-url").input_value():
        assert time.monotonic() < deadline, work.locator(".fac-family-url").input_value()
        time.sleep(0.1)
    return agenda_of(meeting)


@pytest.mark.parametrize(
    ("sample", "size", "meeting"),
    [
        ("jonas-17", (1280, 720), FIRST),
        ("jonas-17", (1024, 768), FIRST),
        ("lina-en-noah", (1280, 720), FIRST),
        ("jonas-17", (1280, 720), INTERIM),
    ],
    ids=["jonas-1280x720", "jonas-1024x768", "lina-1280x720", "jonas-interim-1280x720"],
)
def test_every_phase_fills_the_family_screen_whole(make_server, browser, sample, size, meeting):
    w, h = size
    srv = make_server(case=sample)
    ctx = browser.new_context(viewport={"width": w, "height": h})
    work, fam = ctx.new_page(), ctx.new_page()
    open_dashboard(work, srv.url)
    agenda = open_meeting(work, srv.store, meeting)
    open_dashboard(fam, family_url(work), ready=FAMILY_READY)
    title = fam.locator(".fac-fv-title")
    work.locator(".fac-phase-jump").first.click()
    for n, phase in enumerate(agenda):
        if n:
            work.click(".fac-next-phase")
        wait_text(title, _phase_label(phase), timeout=20)
        fam.wait_for_timeout(400)
        if PHASE_BOARD.get(phase) == "network":
            plot = fam.locator(".fac-fv-map.fac-plot")
            plot.wait_for(state="visible", timeout=30_000)
            fam.wait_for_function("document.querySelector('.fac-fv-map.fac-plot').dataset.revision", timeout=30_000)
            box = plot.bounding_box()
            assert box is not None and box["width"] * box["height"] > 0.6 * w * h
        else:
            page = read_every_page(fam, expected_ids(srv.store, n))
            assert page["font"] >= h / 30 - 0.5, f"body text {page['font']} px on a {h} px screen"
            # No ordinary word is broken over two lines: at 1024x768 a squeezed column showed 'begeleidin|g'.
            # (A compound longer than a column is wide, 'vertrouwensfiguur', may still break: nothing else fits.)
            assert [w for w in fam.evaluate(BROKEN_WORDS) if len(w.strip(".,;:!?()")) <= 12] == [], phase
        assert fam.evaluate(VISIBLE_CONTROLS, None) == []
        fam.keyboard.press("Home")
        shot(fam, f"family-{sample}-{w}x{h}-{n + 1}-{phase}")
    ctx.close()


def _phase_label(phase: str) -> str:
    from facilitation.i18n import translate

    return translate("nl", f"meeting.phase.{phase}")


COUNT_DRAWS = """(() => {
  // Every Plotly.react/newPlot call on the family screen's map, counted as plotly.js arrives.
  let plotly;
  window.__facMapDraws = 0;
  Object.defineProperty(window, 'Plotly', { configurable: true, get: () => plotly, set: (v) => {
    plotly = v;
    for (const name of ['react', 'newPlot']) {
      const own = v[name];
      v[name] = function (gd, ...rest) {
        if (gd && gd.closest && gd.closest('.fac-fv-map')) window.__facMapDraws += 1;
        return own.call(this, gd, ...rest);
      };
    }
  } });
})();"""


def test_the_family_screen_draws_its_map_once_on_first_opening(make_server, browser):
    """Opened at the introductions, the projector shows the network map drawn once, at its measured size: not
    first at an assumed size and then again (names jumping about before the family's eyes)."""
    srv = make_server(case="jonas-17")
    ctx = browser.new_context(viewport={"width": 1280, "height": 720})
    work, fam = ctx.new_page(), ctx.new_page()
    open_dashboard(work, srv.url)
    open_meeting(work, srv.store, FIRST)
    work.locator(".fac-phase-jump").nth(STANDARD_AGENDA.index("introductions")).click()
    fam.add_init_script(COUNT_DRAWS)
    open_dashboard(fam, family_url(work), ready=FAMILY_READY)
    fam.wait_for_selector(".fac-fv-map.fac-plot-ready", timeout=30_000)
    fam.wait_for_timeout(3000)  # past the kernel's wait for the size (2 s): nothing drawn after
    assert fam.evaluate("window.__facMapDraws") == 1
    assert fam.locator(".fac-fv-map.fac-plot").get_attribute("data-revision") == "1"
    shot(fam, "family-map-first-opening-1280x720")
    ctx.close()


def test_an_edit_and_b_reach_the_family_screen_at_once(make_server, browser):
    srv = make_server(case="jonas-17")
    ctx = browser.new_context(viewport={"width": 1280, "height": 720})
    work, fam = ctx.new_page(), ctx.new_page()
    open_dashboard(work, srv.url)
    open_meeting(work, srv.store, FIRST)
    open_dashboard(fam, family_url(work), ready=FAMILY_READY)
    # The columns phase; a worry typed on the laptop appears on the projector.
    work.locator(".fac-phase-jump").nth(STANDARD_AGENDA.index("strengths_worries")).click()
    wait_text(fam.locator(".fac-fv-title"), _phase_label("strengths_worries"), timeout=20)
    work.click(".fac-tabs .lm-TabBar-tab:has-text('Drie kolommen')")
    field = work.locator(".fac-columns .fac-columns-add-text input").first
    field.wait_for(timeout=60_000)
    words = "Oma Jeannine zegt: Jonas mag altijd bij mij slapen"
    field.fill(words)
    field.press("Enter")
    started = time.monotonic()
    fam.wait_for_function(
        "(w) => document.querySelector('.fac-fv-content').textContent.includes(w)", arg=words, timeout=10_000
    )
    print(f"edit on the laptop shown on the family screen after {time.monotonic() - started:.2f} s")
    # B on the laptop blanks the laptop and the family screen; B again brings both back.
    work.locator("body").click(position={"x": 5, "y": 700})
    work.keyboard.press("b")
    work.wait_for_selector(".fac-blank", state="visible")
    fam.wait_for_selector(".fac-fv-blank.fac-fv-blank-on", state="visible", timeout=10_000)
    assert fam.evaluate("document.elementFromPoint(640, 360).classList.contains('fac-fv-blank')")
    shot(fam, "family-blank")
    work.keyboard.press("b")
    work.wait_for_selector(".fac-blank", state="detached")
    fam.wait_for_selector(".fac-fv-blank.fac-fv-blank-on", state="detached", timeout=10_000)
    # Pinned from the laptop: the safety plan, whatever the phase.
    choose(work, ".fac-family-pin select", "Veiligheidsplan")
    wait_text(fam.locator(".fac-fv-title"), "Veiligheidsplan", timeout=10)
    ctx.close()


def test_projection_in_one_window_is_the_family_view_with_a_small_control(make_server, page):
    srv = make_server(case="jonas-17")
    open_dashboard(page, srv.url)
    open_meeting(page, srv.store, FIRST)
    page.locator(".fac-phase-jump").nth(STANDARD_AGENDA.index("danger_goals_bottom_lines")).click()
    page.click(".fac-projection-toggle")
    page.wait_for_selector(".fac-shell.fac-projection .fac-family-view .fac-fv-stage.fac-fv-ready")
    wait_text(page.locator(".fac-fv-title"), _phase_label("danger_goals_bottom_lines"))
    assert page.evaluate(VISIBLE_CONTROLS, ".fac-fv-control") == []
    assert page.locator(".fac-status").is_hidden()
    shot(page, "family-one-screen")
    page.click(".fac-fv-control-next")
    wait_text(page.locator(".fac-fv-title"), _phase_label("strengths_worries"))
    page.click(".fac-fv-control-back")
    page.wait_for_selector(".fac-shell:not(.fac-projection)")
    assert page.locator(".fac-tabs").is_visible() and page.locator(".fac-family-view").is_hidden()


def test_working_screen_language_title_shortcuts_status_and_last_case(make_server, browser):
    srv = make_server(case="jonas-17")
    Store(srv.store).add_case(load_sample("lina-en-noah"))
    page = browser.new_context(viewport={"width": 1024, "height": 768}).new_page()
    open_dashboard(page, srv.url)
    page.wait_for_function("document.documentElement.lang === 'nl-BE'")
    assert page.title() == "Samen op weg naar veiligheid"
    # The top bar's dropdowns stay inside it.
    bar = page.locator(".fac-topbar").bounding_box()
    for box in [s.bounding_box() for s in page.locator(".fac-topbar select").all()]:
        assert box is not None and box["x"] + box["width"] <= bar["x"] + bar["width"] + 1
    # ? shows the shortcuts; Escape hides them.
    page.locator("body").click(position={"x": 5, "y": 760})
    page.keyboard.press("?")
    wait_text(page.locator(".fac-shortcuts"), "Sneltoetsen")
    assert "Scherm zwart maken" in text(page.locator(".fac-shortcuts"))
    page.keyboard.press("Escape")
    page.wait_for_selector(".fac-shortcuts", state="detached")
    # A status message fades after a few seconds.
    page.locator(".fac-phase-jump").nth(2).click()
    page.click(".fac-undo")
    msg = page.locator(".fac-status .fac-msg")
    wait_text(msg, "Ongedaan gemaakt")
    page.wait_for_function(
        "() => { const m = document.querySelector('.fac-status .fac-msg'); return !m || getComputedStyle(m).opacity === '0'; }",
        timeout=15_000,
    )
    # English: the page's language and title follow.
    page.click(".fac-lang button:has-text('English')")
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.title() == "Working together towards safety"
    # The case used last opens again, not the one the server was started with.
    choose(page, ".fac-case-pick select", "Noah")
    page.wait_for_timeout(1000)
    open_dashboard(page, srv.url)
    assert "Noah" in page.locator(".fac-case-pick select option:checked").inner_text()
