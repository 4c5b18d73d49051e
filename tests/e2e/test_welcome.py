"""A first start in a real browser: a fresh store, no case given, and the welcome instead of an empty screen."""

from __future__ import annotations

import json

from facilitation.domain import ops
from facilitation.store import Store, casefile

from .conftest import open_dashboard, shot, text, wait_text


def test_a_new_user_is_welcomed_and_can_open_a_sample_or_import_a_file(make_server, page, watch, tmp_path):
    srv = make_server(case=None)
    open_dashboard(page, srv.url)
    welcome = page.locator(".fac-welcome")
    wait_text(welcome, "Er is nog geen dossier geopend", timeout=45)
    assert welcome.is_visible() and not page.locator(".fac-tabs").is_visible()
    for label in ("Een voorbeelddossier openen", "Een nieuw dossier starten", "Een dossierbestand importeren"):
        assert label in text(welcome)
    shot(page, "welcome-1280")
    page.set_viewport_size({"width": 1024, "height": 768})
    shot(page, "welcome-1024")
    page.set_viewport_size({"width": 1280, "height": 720})

    # A faulty case file: refused with what is wrong and where; nothing stored.
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    data = json.loads(casefile.dumps(case))
    data["people"][0]["closeness"] = 11
    bad = tmp_path / "kapot.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.locator(".fac-welcome-upload").click()
    chooser.value.set_files(str(bad))
    status = wait_text(page.locator(".fac-status"), "niet geïmporteerd", timeout=30)
    assert "kapot.json" in status and "people[0].closeness" in status
    shot(page, "welcome-refused")
    assert Store(srv.store).list_cases() == []

    # A sample case, one click: stored and opened, the parts shown.
    page.locator(".fac-welcome-sample", has_text="Jonas (17)").click()
    wait_text(page.locator(".fac-status"), "Voorbeelddossier geopend: Jonas (17)", timeout=30)
    page.locator(".fac-tabs").wait_for(state="visible", timeout=30_000)
    assert not welcome.is_visible()
    assert "Jonas (17)" in text(page.locator(".fac-case-pick select option:checked"))
    assert [c.title[:10] for c in Store(srv.store).list_cases()] == ["Jonas (17)"]
    shot(page, "welcome-sample-opened")
    assert watch.external == [] and watch.errors == []
