"""The network map in a real browser: people and ties added through the form are drawn and survive a
reload, twenty edits are each drawn, names that look like markup stay text, screenshots at 1280×720 and
1920×1080 (build/screenshots/network-*.png)."""

from __future__ import annotations

import re
import time
from pathlib import Path

from facilitation import palette
from facilitation.domain import ops
from facilitation.store import casefile

from .conftest import open_dashboard, shot, text, wait_text

HOSTILE = "<img src=x onerror=alert(1)>"
ARABIC = "جدة فاطمة"
EMOJI = "Oma 👵🏽 Rita"
ACCENTS = "Zoë Dubois-Éléonore"
LONG = "Grootmoeder " + "Wilhelmina-" * 17 + "Z"  # 200 characters


def case_file(tmp_path: Path) -> Path:
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    path = tmp_path / "maes.json"
    path.write_text(casefile.dumps(case), encoding="utf-8")
    return path


# ---- helpers --------------------------------------------------------------------------------------


def open_network(page, url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, url)
    page.locator(".fac-tabs .lm-TabBar-tab", has_text=re.compile("^(Netwerk|Network)$")).click()
    page.wait_for_selector(".fac-network.fac-net-sized .fac-plot.fac-plot-ready", state="visible")
    fitted(page)
    settle(page)


def fitted(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the map drawn is the one made for the size it is shown at (names are placed in px)."""
    page.wait_for_function(
        """() => { const gd = document.querySelector('.fac-network .fac-net-plot .fac-plot-area');
             const want = gd && gd.layout && gd.layout.meta && gd.layout.meta.screen;
             if (!want) return false;
             const r = gd.getBoundingClientRect();
             return Math.abs(want[0] - r.width) <= 1 && Math.abs(want[1] - r.height) <= 1; }""",
        timeout=30_000,
    )


def rgb(hex_colour: str) -> str:
    """How the browser writes a palette colour in a style: ``#c04a00`` -> ``rgb(192, 74, 0)``."""
    h = hex_colour.lstrip("#")
    return f"rgb({int(h[0:2], 16)}, {int(h[2:4], 16)}, {int(h[4:6], 16)})"


def revision(page, plot: str = ".fac-network .fac-net-plot") -> int:  # type: ignore[no-untyped-def]
    return int(page.locator(plot).get_attribute("data-revision") or "0")


def settle(page, plot: str = ".fac-network .fac-net-plot", quiet_s: float = 1.0, timeout_s: float = 30.0) -> int:  # type: ignore[no-untyped-def]
    """Wait until a plot (the map) has stopped redrawing (after loading or resizing); returns its revision."""
    deadline = time.time() + timeout_s
    last, since = revision(page, plot), time.time()
    while time.time() < deadline:
        page.wait_for_timeout(100)
        now = revision(page, plot)
        if now != last:
            last, since = now, time.time()
        elif time.time() - since >= quiet_s:
            return now
    raise AssertionError(f"the map kept redrawing (revision {last})")


def wait_revision(page, n: int) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector(f'.fac-network .fac-net-plot[data-revision="{n}"]', timeout=30_000)


def svg_names(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The names drawn on the map (SVG text of the points), as a reader sees them."""
    texts = page.locator(".fac-network .fac-net-plot svg g.textpoint text").all_text_contents()
    return [str(s).replace("\xa0", " ") for s in texts]


def toggle(page, css: str, label: str) -> None:  # type: ignore[no-untyped-def]
    """Click the toggle button whose whole text is ``label`` ("Dichtbij", not "Heel dichtbij")."""
    page.locator(f".fac-network {css} button").filter(has_text=re.compile(f"^\\s*{re.escape(label)}\\s*$")).click()


def add_person(page, name: str, relation: str = "", sector: str = "", ring: str = "") -> int:  # type: ignore[no-untyped-def]
    """Fill the quick form and add; waits for the next drawing of the map and returns its revision."""
    n = revision(page) + 1
    page.fill(".fac-network .fac-add-name input", name)
    page.fill(".fac-network .fac-add-relation input", relation)
    if sector:
        toggle(page, ".fac-add-sector", sector)
    if ring:
        toggle(page, ".fac-add-ring", ring)
    page.click(".fac-network .fac-add-person")
    wait_revision(page, n)
    return n


def select_on_map(page, shown: str) -> None:  # type: ignore[no-untyped-def]
    """Click the marker beside a name on the map, as the consultant does."""
    n = revision(page) + 1
    label = page.locator(".fac-network .fac-net-plot svg g.textpoint text", has_text=shown).first
    label.wait_for(state="visible")
    box = label.bounding_box()
    assert box is not None, shown
    # A name left of its marker ends at the marker (text-anchor end); one right of it starts there.
    right_of_text = label.get_attribute("text-anchor") == "end"
    x = box["x"] + box["width"] + 11 if right_of_text else box["x"] - 11
    page.mouse.click(x, box["y"] + box["height"] / 2)
    wait_text(page.locator(".fac-network .fac-net-editor-title"), shown[:8])
    wait_revision(page, n)


def back_to_add(page) -> None:  # type: ignore[no-untyped-def]
    n = revision(page) + 1
    page.click(".fac-network .fac-back-to-add")
    page.wait_for_selector(".fac-network .fac-net-add", state="visible")
    wait_revision(page, n)  # the chosen person's ring is gone


def add_tie(page, other: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    n = revision(page) + 1
    options = page.locator(".fac-network .fac-tie-other option").all_text_contents()
    page.locator(".fac-network .fac-tie-other select").select_option(
        label=next(o for o in options if o.replace("\xa0", " ").startswith(other))
    )
    page.locator(".fac-network .fac-tie-kind select").select_option(label=kind)
    page.click(".fac-network .fac-add-tie")
    wait_revision(page, n)


# ---- tests ----------------------------------------------------------------------------------------


def test_add_three_people_and_two_ties_reload_and_look(make_server, page, watch, tmp_path):
    srv = make_server(case=str(case_file(tmp_path)))
    open_network(page, srv.url)
    assert "Jonas" in svg_names(page)

    add_person(page, "Rita Maes", "grootmoeder", "Familie", "Heel dichtbij")
    add_person(page, "Koen Peeters", "buurman", "Vrienden en buren", "Dichtbij")
    add_person(page, "Juf Ilse", "leerkracht", "School en vrije tijd", "Verder weg")
    assert {"Rita Maes", "Koen Peeters", "Juf Ilse"} <= set(svg_names(page))

    select_on_map(page, "Rita Maes")
    add_tie(page, "Jonas", "Steun")
    add_tie(page, "Koen", "Conflict")
    assert page.locator(".fac-network .fac-tie-row").count() == 2
    assert "Steunfiguren van Jonas: Rita Maes" in text(page.locator(".fac-network .fac-net-supports"))
    # Conflict red and dashed, support green and solid.
    conflict = page.locator(f".fac-network .fac-net-plot svg path.js-line[style*='{rgb(palette.TIE['conflict'])}']")
    support = page.locator(f".fac-network .fac-net-plot svg path.js-line[style*='{rgb(palette.TIE['support'])}']")
    assert conflict.count() == 1 and "stroke-dasharray" in (conflict.first.get_attribute("style") or "")
    assert support.count() == 1 and "stroke-dasharray" not in (support.first.get_attribute("style") or "")

    # Rita knows everything and is in the safety network; Koen is, but does not know yet.
    toggle(page, ".fac-person-knowledge", "Alles")
    page.click(".fac-network .fac-person-safety")
    page.wait_for_selector(".fac-network .fac-person-safety.mod-success")
    shot(page, "network-1280-editor")
    back_to_add(page)
    select_on_map(page, "Koen Peeters")
    page.click(".fac-network .fac-person-safety")
    wait_text(page.locator(".fac-network .fac-net-to-tell"), "Koen Peeters")
    back_to_add(page)
    shot(page, "network-1280")

    # Reload: people, ties, safety circles are all still there.
    open_network(page, srv.url)
    assert {"Jonas", "Rita Maes", "Koen Peeters", "Juf Ilse"} <= set(svg_names(page))
    assert conflict.count() == 1
    assert "Koen Peeters" in text(page.locator(".fac-network .fac-net-to-tell"))
    select_on_map(page, "Rita Maes")
    assert page.locator(".fac-network .fac-tie-row").count() == 2
    assert watch.external == []
    assert [e for e in watch.errors if "403" not in e] == []

    page.set_viewport_size({"width": 1920, "height": 1080})
    settle(page)
    shot(page, "network-1920")


def test_twenty_edits_each_drawn_and_names_stay_text(make_server, page, watch, tmp_path):
    srv = make_server(case=str(case_file(tmp_path)))
    open_network(page, srv.url)
    page.evaluate("() => { window.__alerted = false; window.alert = () => { window.__alerted = true; }; }")
    names = [HOSTILE, ARABIC, EMOJI, ACCENTS, LONG]
    names += [f"Persoon {i:02d}" for i in range(len(names), 16)]
    sectors = ["Familie", "Vrienden en buren", "School en vrije tijd", "Professionelen"]
    rings = ["Heel dichtbij", "Dichtbij", "Verder weg"]
    edits = 0
    for i, name in enumerate(names):
        n = add_person(page, name, "", sectors[i % 4], rings[i % 3])
        edits += 1
        shown = svg_names(page)
        if name == LONG:
            assert "Grootmoeder W." in shown, shown  # first name and initial; whole in the hover and the legend
        else:
            assert name in shown, (n, name, shown)
    # Four more edits on one person: rename, ring, knowledge, move by hand; each drawn.
    select_on_map(page, "Persoon 06")
    page.fill(".fac-network .fac-person-name input", "Persoon zes")
    n = revision(page) + 1
    page.click(".fac-network .fac-save-person")
    wait_revision(page, n)
    edits += 1
    assert "Persoon zes" in svg_names(page)
    for css_, label in ((".fac-person-ring", "Verder weg"), (".fac-person-knowledge", "Iets")):
        n = revision(page) + 1
        toggle(page, css_, label)
        wait_revision(page, n)
        edits += 1
        assert "Persoon zes" in svg_names(page)
    n = revision(page) + 1
    page.click(".fac-network .fac-nudge-left")
    wait_revision(page, n)
    edits += 1
    assert edits == 20

    # Markup in a name is text on the map, in the editor, in the facts; nothing ran.
    assert page.locator(".fac-network img").count() == 0
    assert page.locator(".fac-network .fac-net-plot svg image").count() == 0
    assert not page.evaluate("window.__alerted")
    select_on_map(page, "<img src=x")
    assert page.locator(".fac-network .fac-person-name input").input_value() == HOSTILE
    assert HOSTILE in text(page.locator(".fac-network .fac-net-editor-title"))
    # The long name is whole in the editor.
    back_to_add(page)
    select_on_map(page, "Grootmoeder W.")
    assert page.locator(".fac-network .fac-person-name input").input_value() == LONG
    assert watch.external == []


def test_large_network_at_both_screen_sizes(make_server, page, tmp_path):
    from facilitation.samples import large_case

    path = tmp_path / "large.json"
    path.write_text(casefile.dumps(large_case()), encoding="utf-8")
    srv = make_server(case=str(path))
    open_network(page, srv.url)
    assert revision(page) == 1  # drawn once on first opening, at its size in the page (not first at a guess)
    from .test_network_labels import check_readable

    check_readable(page, large_case())  # every name drawn, none over another
    shot(page, "network-large-1280")
    page.select_option(".fac-network .fac-net-show-ties select", label="Steun, conflict en verbroken contact")
    settle(page)
    page.set_viewport_size({"width": 1920, "height": 1080})
    settle(page)
    shot(page, "network-large-1920")


def test_plotly_js_is_loaded_while_the_page_rests_before_the_map_is_opened(make_server, page, tmp_path):
    """A consultant's first click on "Netwerk" does not wait for plotly.js: the page loaded it while at rest,
    from its own server, once."""
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "plotly" in r.url else None)
    srv = make_server(case=str(case_file(tmp_path)))
    open_dashboard(page, srv.url)
    assert page.locator(".fac-plot").count() == 0  # no chart on the first tab
    page.wait_for_function("() => !!window.Plotly", timeout=30_000)
    assert page.locator(".fac-plot").count() == 0  # loaded before any chart was in the page
    # One copy of plotly.js, our own: not also plotly's JupyterLab extension (4.8 MB more, for outputs never made).
    assert fetched == [srv.base + "voila/static/plotly.min.js"]

    page.locator(".fac-tabs .lm-TabBar-tab", has_text=re.compile("^Netwerk$")).click()
    page.wait_for_selector(".fac-network.fac-net-sized .fac-plot.fac-plot-ready", state="visible")
    assert "Jonas" in svg_names(page)
    assert len(fetched) == 1  # the map took the same one: not fetched twice
