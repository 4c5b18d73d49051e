"""Typing as fast as people talk, in a real browser: a whole network pasted into quick add lands on the map
and in the store; a person added by double-clicking an empty spot; a tie drawn by dragging from one
person to another; Enter saves the editor, Escape closes it. Screenshots of the quick-add preview."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from facilitation import samples
from facilitation.domain import ops
from facilitation.figures.map_layout import cell_at
from facilitation.store import Store, casefile

from .conftest import choose, shot, text, wait_text
from .test_network import open_network, revision, settle, svg_names, wait_revision

WORDS = {"family": "familie", "friends": "vrienden en buren", "school": "school", "professional": "professionelen"}
RINGS = {1: "heel dichtbij", 2: "dichtbij", 3: "verder weg"}

MAP_PEOPLE = """() => {
  const gd = document.querySelector('.fac-network .fac-net-plot .fac-plot-area');
  const tr = (gd.data || []).find((t) => t.name === 'people');
  return tr ? tr.customdata.map((id, i) => ({id, x: tr.x[i], y: tr.y[i]})) : [];
}"""

TO_SCREEN = """([x, y]) => {
  const gd = document.querySelector('.fac-network .fac-net-plot .fac-plot-area');
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, r = gd.getBoundingClientRect();
  return [r.left + xa._offset + xa.l2p(x), r.top + ya._offset + ya.l2p(y)];
}"""


def empty_spot(page, cell: tuple[str, int]) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Screen px of a spot in ``cell`` at least 40 px from anyone on the map."""
    taken = [page.evaluate(TO_SCREEN, [d["x"], d["y"]]) for d in page.evaluate(MAP_PEOPLE)]
    for i in range(12):
        for j in range(8):
            x, y = 2.8 + i * 0.35, 1.4 + j * 0.3
            if cell_at(x, y) != cell:
                continue
            px, py = page.evaluate(TO_SCREEN, [x, y])
            if all(((px - a) ** 2 + (py - b) ** 2) ** 0.5 > 40 for a, b in taken):
                return px, py
    raise AssertionError(f"no empty spot in {cell}")


def only_children(tmp_path: Path) -> Path:
    case = ops.new_case("Noah en Lina", "2026-10-10", [("Noah Verstraete", 10), ("Lina Verstraete", 0)])
    path = tmp_path / "kinderen.json"
    path.write_text(casefile.dumps(case), encoding="utf-8")
    return path


def stored_people(srv: Any) -> dict[str, Any]:
    store = Store(srv.store)
    (summary,) = store.list_cases()
    return {p.name: p for p in store.load(summary.id).people.values()}


def test_a_whole_network_pasted_at_once_is_on_the_map_and_in_the_store(make_server, page, tmp_path):
    srv = make_server(case=str(only_children(tmp_path)))
    open_network(page, srv.url)
    sample = [p for p in samples.load_sample("lina-en-noah").people.values() if not p.is_child]
    lines = [f"{p.name}, {p.relation}, {WORDS[p.sector]}, {RINGS[p.closeness]}" for p in sample]
    lines.insert(3, "Met vriendelijke groeten,")  # what an e-mail brings along: shown, not added
    page.fill(".fac-network .fac-quick-add textarea", "\n".join(lines))
    preview = page.locator(".fac-network .fac-quick-add-preview")
    wait_text(preview, "Dylan Mertens")
    assert page.locator(".fac-network .fac-qa-list li.fac-qa-ok").count() == len(sample)
    assert page.locator(".fac-network .fac-qa-list li.fac-qa-problem").count() == 1
    button = page.locator(".fac-network .fac-quick-add-btn")
    assert text(button) == f"Deze {len(sample)} toevoegen"
    page.locator(".fac-network .fac-quick-add").scroll_into_view_if_needed()
    shot(page, "network-quick-add-preview-1280")
    page.set_viewport_size({"width": 1024, "height": 768})
    page.locator(".fac-network .fac-quick-add").scroll_into_view_if_needed()
    shot(page, "network-quick-add-preview-1024")
    page.set_viewport_size({"width": 1280, "height": 720})
    settle(page)
    n = revision(page) + 1
    button.click()
    wait_revision(page, n)
    settle(page)
    # In the store: everyone, with sector, ring, relation; parents ticked as carers.
    people = stored_people(srv)
    for p in sample:
        got = people[p.name]
        assert (got.sector, got.closeness, got.relation) == (p.sector, p.closeness, p.relation), p.name
        assert got.is_carer == p.is_carer, p.name
    # On the map: every person drawn in their own sector and ring, every first name readable.
    on_map = {d["id"]: (d["x"], d["y"]) for d in page.evaluate(MAP_PEOPLE)}
    by_id = {people[p.name].id: p for p in sample}
    assert set(on_map) == set(by_id)
    for pid, (x, y) in on_map.items():
        assert cell_at(x, y) == (by_id[pid].sector, by_id[pid].closeness), by_id[pid].name
    shown = (
        " ".join(svg_names(page))
        + " "
        + " ".join(page.locator(".fac-network .fac-net-plot svg g.traceapart g.textpoint text").all_text_contents())
    )
    for p in sample:
        assert p.name.split(" ")[0] in shown, p.name
    # The line that was not a person stays, to be seen.
    assert page.locator(".fac-network .fac-quick-add textarea").input_value() == "Met vriendelijke groeten,"


def test_double_click_to_add_drag_to_tie_enter_saves_escape_closes(make_server, page, tmp_path):
    srv = make_server(case="jonas-17")
    open_network(page, srv.url)
    x, y = empty_spot(page, ("friends", 3))
    page.mouse.dblclick(x, y)
    wait_text(page.locator(".fac-network .fac-add-hint"), "Vrienden en buren · Verder weg")
    page.wait_for_function("() => document.activeElement && document.activeElement.closest('.fac-add-name')")
    page.keyboard.type("Sam Peeters")
    page.keyboard.press("Enter")
    wait_text(page.locator(".fac-root .fac-msg"), "Sam Peeters staat op de kaart")
    sam = stored_people(srv)["Sam Peeters"]
    assert (sam.sector, sam.closeness) == ("friends", 3)
    settle(page)
    assert "Sam Peeters" in svg_names(page)

    # Drag from Sam to Jonas: a menu asks which tie.
    on_map = {d["id"]: (d["x"], d["y"]) for d in page.evaluate(MAP_PEOPLE)}
    sx, sy = page.evaluate(TO_SCREEN, list(on_map[sam.id]))
    jx, jy = page.evaluate(TO_SCREEN, [0.0, 0.35])  # Jonas at the centre
    page.mouse.move(sx, sy)
    page.mouse.down()
    page.mouse.move((sx + jx) / 2, (sy + jy) / 2, steps=6)
    page.mouse.move(jx, jy, steps=6)
    page.mouse.up()
    menu = page.locator(".fac-network .fac-tie-menu")
    wait_text(menu, "Welke band tussen Sam Peeters en Jonas Van Damme?")
    shot(page, "network-drag-tie-menu")
    n = revision(page) + 1
    page.click(".fac-network .fac-tie-menu-support")
    wait_revision(page, n)
    store = Store(srv.store)
    case = store.load(store.list_cases()[0].id)
    assert any({t.a, t.b} == {sam.id, "p-jonas"} and t.kind == "support" for t in case.ties.values())
    assert not menu.is_visible()

    # Open Sam, type a phone number, Enter saves; Escape closes the editor.
    choose(page, ".fac-network .fac-net-pick select", "Sam Peeters")  # the keyboard's way to open someone
    wait_text(page.locator(".fac-network .fac-net-editor-title"), "Sam Peeters")
    page.fill(".fac-network .fac-person-phone input", "0470 11 22 33")
    page.locator(".fac-network .fac-person-phone input").press("Enter")
    wait_text(page.locator(".fac-root .fac-msg"), "Gegevens van Sam Peeters bewaard")
    assert stored_people(srv)["Sam Peeters"].phone == "0470 11 22 33"
    page.locator(".fac-network .fac-person-phone input").press("Escape")
    page.wait_for_selector(".fac-network .fac-net-add", state="visible")
    assert not page.locator(".fac-network .fac-net-editor").is_visible()


def test_selecting_someone_low_in_the_list_opens_the_editor_from_its_top(make_server, page, tmp_path):
    srv = make_server(case="lina-en-noah")
    open_network(page, srv.url)
    side = page.locator(".fac-network .fac-net-side")
    row = page.locator(".fac-network .fac-family-finding .fac-ff-open").first
    row.scroll_into_view_if_needed()
    assert side.evaluate("el => el.scrollTop") > 50
    row.click()
    page.wait_for_selector(".fac-network .fac-net-editor", state="visible")
    page.wait_for_function("() => document.querySelector('.fac-network .fac-net-side').scrollTop === 0")
    # Dropdowns fit their panel.
    panel = side.bounding_box()
    for sel in (".fac-tie-other select", ".fac-tie-kind select", ".fac-person-ff-follow select"):
        box = page.locator(f".fac-network {sel}").bounding_box()
        assert box is not None and box["x"] + box["width"] <= panel["x"] + panel["width"] + 1, sel
    assert re.search("Te zoeken|Gevonden", text(page.locator(".fac-network .fac-net-ff")))


# The network part's page module on a page of its own, with a model that stands in for the kernel's: what it
# does with the kernel's request to focus a field, whatever the kernel's timing.
FOCUS_PAGE = """
<div class="fac-network">
  <div id="input"></div>
  <select class="fac-net-pick"><option value="">—</option><option value="sam">Sam Peeters</option></select>
  <div class="fac-person-name"><input type="text" value="Sam Peeters"></div>
  <div class="fac-person-phone"><input type="text" value=""></div>
</div>
"""

FOCUS_HARNESS = """
async (src) => {
  const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
  const mod = await import(url);
  const state = { focus: '', focus_n: 0, scroll: 0, measure_n: 0, size: [] };
  const handlers = {};
  const model = {
    get: (k) => state[k], set: (k, v) => { state[k] = v; }, save_changes: () => {}, send: () => {},
    on: (ev, fn) => { (handlers[ev] = handlers[ev] || []).push(fn); }, off: () => {},
  };
  mod.default.render({ model, el: document.getElementById('input') });
  // The kernel asks for the focus (as MapInput.ask_focus does): the module acts on change:focus_n.
  window.__askFocus = (sel) => { state.focus = sel; state.focus_n += 1; (handlers['change:focus_n'] || []).forEach((f) => f()); };
}
"""


def test_a_late_request_to_focus_the_name_does_not_take_the_field_the_user_went_on_to(page):
    """Someone picked in the list: the kernel asks the page to focus (and select) the name. A user who has
    meanwhile clicked into the phone field and types keeps typing there: the phone number is not typed over
    the name (it was, once: "Gegevens van 0470 11 22 33 bewaard")."""
    from facilitation.ui import esm

    page.set_content(FOCUS_PAGE)
    page.evaluate(FOCUS_HARNESS, esm.source("network-input"))
    name, phone = page.locator(".fac-person-name input"), page.locator(".fac-person-phone input")

    page.select_option(".fac-net-pick", "sam")  # the user's action: the kernel will ask to focus the name
    phone.click()  # ... but the user has gone on into the phone field before the request comes
    page.evaluate("window.__askFocus('.fac-person-name')")
    page.keyboard.type("0470 11 22 33", delay=20)  # typing while the request's moment passes
    assert phone.input_value() == "0470 11 22 33" and name.input_value() == "Sam Peeters"

    # Nobody went on: after an action (Enter in a field, a pick) the request is followed.
    phone.press("Enter")
    page.evaluate("window.__askFocus('.fac-person-name')")
    page.wait_for_function("document.activeElement === document.querySelector('.fac-person-name input')")
    page.select_option(".fac-net-pick", "")
    page.evaluate("window.__askFocus('.fac-person-phone')")
    page.wait_for_function("document.activeElement === document.querySelector('.fac-person-phone input')")
