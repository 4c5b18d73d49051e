"""The shell in a real browser: create a case, start a meeting, switch language, reload: all still there."""

from __future__ import annotations

from pathlib import Path

from facilitation.domain import ops
from facilitation.store import casefile

from .conftest import choose, open_dashboard, shot, text, wait_text


def small_case_file(tmp_path: Path) -> Path:
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    edit, _ = ops.add_person(case, "Rita Maes", relation="grootmoeder", sector="family", closeness=1)
    case = case.apply(edit)
    path = tmp_path / "maes.json"
    path.write_text(casefile.dumps(case), encoding="utf-8")
    return path


def test_create_case_start_meeting_switch_language_reload(make_server, page, watch, tmp_path):
    srv = make_server(case=str(small_case_file(tmp_path)))
    open_dashboard(page, srv.url)
    shell = page.locator(".fac-shell")
    assert "Familie Maes" in text(shell.locator(".fac-case-pick select"))

    # New case with two children; hostile markup in the title stays text.
    page.click(".fac-new-case")
    page.fill(".fac-nc-title input", "Familie <b>Peeters</b>")
    page.fill(".fac-nc-children textarea", "Lina, 10\nNoah, 1")
    page.click(".fac-nc-create")
    page.wait_for_selector(".fac-msg-ok")
    assert "Dossier aangemaakt" in text(page.locator(".fac-status"))
    assert page.locator(".fac-shell b").count() == 0

    # Start a meeting with both children present.
    page.click(".fac-new-meeting")
    choose(page, ".fac-nm-kind select", "Tussentijdse evaluatie")
    children = page.locator(".fac-nm-present .fac-attend-child input[type=checkbox]")
    assert children.count() == 2
    children.nth(0).check()
    children.nth(1).check()
    wait_text(page.locator(".fac-nm-present .fac-checklist-count"), "2")
    page.click(".fac-nm-start")
    page.wait_for_function(
        "document.querySelector('.fac-meeting-pick select').selectedOptions[0].textContent.replace(/\\u00a0/g, ' ').includes('Tussentijdse evaluatie')"
    )
    shot(page, "shell-nl")

    # Language switch: labels change, the case and meeting stay.
    page.click(".fac-lang button:has-text('English')")
    page.wait_for_selector(".fac-new-case:has-text('New case')")
    wait_text(page.locator(".fac-meeting-pick select"), "Interim evaluation")
    shot(page, "shell-en")

    # Reload: the new case and its meeting are still there (stored when made).
    open_dashboard(page, srv.url)
    picks = text(page.locator(".fac-case-pick select"))
    assert "Familie <b>Peeters</b>" in picks and "Familie Maes" in picks
    choose(page, ".fac-case-pick select", "Peeters")
    page.wait_for_function(
        "document.querySelector('.fac-meeting-pick select').selectedOptions[0].textContent.replace(/\\u00a0/g, ' ').includes('Tussentijdse evaluatie')"
    )
    assert watch.external == []
