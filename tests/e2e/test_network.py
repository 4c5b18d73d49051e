"""The network map in a real browser: add people and ties through the form, 20 edits each drawn, reload,
hostile names shown as text, screenshots at 1280×720 and 1920×1080."""

from __future__ import annotations

import re
from pathlib import Path

from facilitation.domain import ops
from facilitation.store import casefile

from .conftest import open_dashboard, shot, text, wait_text

HOSTILE = "<img src=x onerror=alert(1)>"
ARABIC = "جدة فاطمة"
LONG = "Grootmoeder " + "Wilhelmina-" * 17 + "Z"  # 200 characters


def small_case_file(tmp_path: Path) -> Path:
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    path = tmp_path / "maes.json"
    path.write_text(casefile.dumps(case), encoding="utf-8")
    return path


def open_network(page, url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, url)
    tab = page.locator(".fac-tabs .lm-TabBar-tab", has_text=re.compile("^(Netwerk|Network)$"))
    tab.click()
    page.wait_for_selector(".fac-network .fac-plot.fac-plot-ready", state="visible")


def revision(page) -> int:  # type: ignore[no-untyped-def]
    return int(page.locator(".fac-network .fac-plot").get_attribute("data-revision") or "0")


def wait_revision(page, n: int) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector(f'.fac-network .fac-plot[data-revision="{n}"]', timeout=30_000)


def svg_texts(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The names drawn on the map (the SVG text of the people and children traces)."""
    return [str(s).replace("\xa0", " ") for s in
            page.locator(".fac-network .fac-plot svg g.textpoint text").all_text_contents()]


def choose_toggle(page, css: str, label: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(f".fac-network {css} button", has_text=label).first.click()


def add_person(page, name: str, relation: str = "", sector: str | None = None, ring: str | None = None) -> int:  # type: ignore[no-untyped-def]
    """Fill the add form and click Add; waits for the map to be redrawn and returns the new revision."""
    rev = revision(page)
    page.fill(".fac-network .fac-add-name input", name)
    page.fill(".fac-network .fac-add-relation input", relation)
    if sector:
        choose_toggle(page, ".fac-add-sector", sector)
    if ring:
        choose_toggle(page, ".fac-add-ring", ring)
    page.click(".fac-network .fac-add-person")
    wait_revision(page, rev + 1)
    return rev + 1


def select_on_map(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Click a person's marker on the map (the point under their name)."""
    rev = revision(page)
    label = page.locator(".fac-network .fac-plot svg g.textpoint text", has_text=name).first
    box = label.bounding_box()
    assert box is not None
    # The marker is beside the name, on the side towards the centre of the map.
    plot = page.locator(".fac-network .fac-plot").bounding_box()
    centre_x = plot["x"] + plot["width"] / 2
    left_of_centre = box["x"] + box["width"] / 2 < centre_x
    x = box["x"] + box["width"] + 14 if left_of_centre else box["x"] - 14
    page.mouse.click(x, box["y"] + box["height"] / 2)
    wait_text(page.locator(".fac-network .fac-net-editor-title"), name[:10])
    wait_revision(page, rev + 1)


def test_add_people_and_ties_reload_and_screenshots(make_server, page, watch, tmp_path):
    srv = make_server(case=str(small_case_file(tmp_path)))
    open_network(page, srv.url)
    assert "Jonas" in svg_texts(page)

    add_person(page, "Rita Maes", "grootmoeder", "Familie", "Heel dichtbij")
    add_person(page, "Koen", "buurman", "Vrienden en buren", "Dichtbij")
    add_person(page, "Juf Ilse", "leerkracht", "School en vrije tijd", "Verder weg")
    names = svg_texts(page)
    assert {"Rita Maes", "Koen", "Juf Ilse"} <= set(names)

    # Two ties from Rita's editor: support to Jonas, conflict with Koen.
    select_on_map(page, "Rita Maes")
    for other, kind in (("Jonas", "Steun"), ("Koen", "Conflict")):
        rev = revision(page)
        page.locator(".fac-network .fac-tie-other select").select_option(
            label=next(o for o in page.locator(".fac-network .fac-tie-other option").all_text_contents()
                       if o.replace("\xa0", " ").startswith(other)))
        page.locator(".fac-network .fac-tie-kind select").select_option(label=kind)
        page.click(".fac-network .fac-add-tie")
        wait_revision(page, rev + 1)
    rows = page.locator(".fac-network .fac-tie-row")
    assert rows.count() == 2
    assert "Steunfiguren van Jonas: Rita Maes" in text(page.locator(".fac-network .fac-net-supports"))
    # Conflict is drawn red and dashed, support green and solid.
    conflict = page.locator(".fac-network .fac-plot svg path.js-line[style*='rgb(192, 57, 43)']")
    assert conflict.count() == 1 and "stroke-dasharray" in (conflict.first.get_attribute("style") or "")
    support = page.locator(".fac-network .fac-plot svg path.js-line[style*='rgb(47, 133, 90)']")
    assert support.count() == 1 and "stroke-dasharray" not in (support.first.get_attribute("style") or "")
    shot(page, "network-1280")

    # Reload: everything is still there.
    open_network(page, srv.url)
    names = svg_texts(page)
    assert {"Jonas", "Rita Maes", "Koen", "Juf Ilse"} <= set(names)
    assert page.locator(".fac-network .fac-plot svg path.js-line").count() >= 2
    select_on_map(page, "Rita Maes")
    assert page.locator(".fac-network .fac-tie-row").count() == 2
    assert watch.external == []

    page.set_viewport_size({"width": 1920, "height": 1080})
    page.wait_for_timeout(500)  # the map resizes itself to the window (a picture, not an assertion)
    shot(page, "network-1920")
