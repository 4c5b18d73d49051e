"""The network over time in a real browser: keep the map at two meetings, change the network in between,
and find the changes in the comparison; the genogram of each sample; Family Finding on the map.
Screenshots at 1280×720 and 1024×768 (build/screenshots/network-compare-*, genogram-*, network-ff-*)."""

from __future__ import annotations

import re

import pytest

from facilitation.store import Store

from .conftest import choose, shot, text, wait_text
from .test_network import back_to_add, open_network, revision, select_on_map, settle, toggle, wait_revision


def mode(page, label: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(".fac-network .fac-net-mode button").filter(has_text=re.compile(f"^\\s*{label}\\s*$")).click()


def test_keep_the_map_at_two_meetings_and_find_the_changes(make_server, page):
    srv = make_server(case="jonas-17")
    open_network(page, srv.url)
    choose(page, ".fac-meeting-pick select", "15/09/2026")
    mode(page, "Netwerk door de tijd")
    keep = page.locator(".fac-network .fac-keep-map")
    wait_text(keep, "15/09/2026")
    keep.click()
    wait_text(page.locator(".fac-network .fac-keep-note"), "al een kaart bewaard")

    # Between the meetings: Ruben moves closer, a new aunt joins the map.
    mode(page, "Netwerkkaart")
    page.wait_for_selector(".fac-network .fac-net-plot", state="visible")
    settle(page)
    select_on_map(page, "Ruben Claeys")
    n = revision(page) + 1
    toggle(page, ".fac-person-ring", "Heel dichtbij")
    wait_revision(page, n)
    back_to_add(page)
    page.fill(".fac-network .fac-add-name input", "Lieve Cooreman")
    page.fill(".fac-network .fac-add-relation input", "tante")
    n = revision(page) + 1
    page.click(".fac-network .fac-add-person")
    wait_revision(page, n)

    choose(page, ".fac-meeting-pick select", "28/09/2026")
    mode(page, "Netwerk door de tijd")
    keep = page.locator(".fac-network .fac-keep-map")
    wait_text(keep, "28/09/2026")
    keep.click()
    wait_text(page.locator(".fac-network .fac-compare-title").nth(1), "Tussentijdse evaluatie")
    changes = page.locator(".fac-network .fac-map-compare .fac-compare-changes")
    wait_text(changes, "Nieuw op de kaart: Lieve Cooreman")
    wait_text(changes, "Dichterbij gekomen: Ruben Claeys (dichtbij → heel dichtbij)")
    table = wait_text(page.locator(".fac-network .fac-compare-table"), "Tussentijdse evaluatie")
    assert "volwassenen in het informele netwerk" in table
    page.wait_for_selector(".fac-network .fac-compare-plot-after.fac-plot-ready", state="visible")
    settle(page, ".fac-network .fac-compare-plot-after")
    after = page.locator(".fac-network .fac-compare-plot-after svg g.textpoint text").all_text_contents()
    assert any(name.startswith("Lieve") for name in after), after
    shot(page, "network-compare-1280")
    page.set_viewport_size({"width": 1024, "height": 768})
    settle(page, ".fac-network .fac-compare-plot-after")
    shot(page, "network-compare-1024")

    kept = Store(srv.store).load(srv_case_id(srv)).map_snapshots
    assert set(kept) == {"map:m-nwo1", "map:m-tse"}


def srv_case_id(srv) -> str:  # type: ignore[no-untyped-def]
    return next(c.id for c in Store(srv.store).list_cases() if c.title.startswith("Jonas"))


@pytest.mark.parametrize("sample", ["jonas-17", "lina-en-noah", "mila-en-finn"])
def test_the_genogram_of_each_sample(make_server, page, sample):
    srv = make_server(case=sample)
    open_network(page, srv.url)
    mode(page, "Genogram")
    page.wait_for_selector(".fac-network .fac-genogram .fac-plot.fac-plot-ready", state="visible")
    page.wait_for_timeout(800)
    names = page.locator(".fac-network .fac-genogram svg g.textpoint text").all_text_contents()
    assert len(names) >= 6
    gaps = text(page.locator(".fac-network .fac-genogram-gaps"))
    if sample == "lina-en-noah":
        assert "Noah: niemand gekend langs vaderskant buiten Kevin D'Hondt" in gaps
    if sample == "mila-en-finn":
        assert "niemand gekend langs moederskant" in gaps
    shot(page, f"genogram-{sample}-1280")
    page.set_viewport_size({"width": 1024, "height": 768})
    page.wait_for_timeout(1500)
    shot(page, f"genogram-{sample}-1024")


def test_family_finding_on_the_map_and_in_the_list(make_server, page):
    srv = make_server(case="lina-en-noah")
    open_network(page, srv.url)
    signs = page.locator(".fac-network .fac-net-plot svg g.tracebadges g.textpoint text").all_text_contents()
    assert signs.count("?") == 2  # the two fathers still to find
    legend = text(page.locator(".fac-network .fac-net-legend").first)
    assert "Family Finding:" in legend and "Te zoeken" in legend
    ff = page.locator(".fac-network .fac-family-finding")
    ff.scroll_into_view_if_needed()
    wait_text(ff, "Dylan Mertens")
    assert "Kevin D'Hondt" in text(ff) and "Te zoeken" in text(ff)
    assert "in het levenslang netwerk" in text(page.locator(".fac-network .fac-net-facts-html"))
    page.locator(".fac-network .fac-net-side").evaluate("el => el.scrollTop = 0")
    shot(page, "network-ff-1280")
    page.set_viewport_size({"width": 1024, "height": 768})
    settle(page)
    shot(page, "network-ff-1024")
