"""axe-core on every part of the working screen and on the family screen: no serious or critical violation
(WCAG 2.1 A/AA and best practice; axe-core from the build area, installed by the README's test command)."""

from __future__ import annotations

import pytest

from facilitation.i18n import translate

from .axe import axe_violations, describe
from .conftest import open_dashboard, wait_text
from .test_family_screen import FIRST, INTERIM, open_meeting

TABS = ("Verloop", "Netwerk", "Drie kolommen", "Schaalvragen", "Veiligheidsplan", "Woord en beeld", "Drie huizen",
        "Feedback")  # fmt: skip
PART = {"Verloop": ".fac-meeting", "Netwerk": ".fac-network", "Drie kolommen": ".fac-columns",
        "Schaalvragen": ".fac-scaling", "Veiligheidsplan": ".fac-plan", "Woord en beeld": ".fac-words-pictures",
        "Drie huizen": ".fac-three-houses", "Feedback": ".fac-feedback"}  # fmt: skip


def test_working_screen_parts_have_no_serious_accessibility_violation(make_server, page):
    srv = make_server(case="jonas-17")
    open_dashboard(page, srv.url)
    found = {}
    for tab in TABS:
        page.click(f".fac-tabs .lm-TabBar-tab:has-text('{tab}')")
        page.locator(PART[tab]).first.wait_for(state="visible", timeout=60_000)
        page.wait_for_timeout(1500)  # controls are named a moment after they appear
        violations = axe_violations(page)
        if violations:
            found[tab] = describe(violations)
    page.keyboard.press("?")
    page.wait_for_selector(".fac-shortcuts")
    violations = axe_violations(page)
    if violations:
        found["shortcuts"] = describe(violations)
    assert not found, "\n".join(f"== {k}\n{v}" for k, v in found.items())


@pytest.mark.parametrize("meeting", [FIRST, INTERIM])
def test_family_screen_has_no_serious_accessibility_violation(make_server, browser, meeting):
    srv = make_server(case="jonas-17")
    ctx = browser.new_context(viewport={"width": 1280, "height": 720})
    work, fam = ctx.new_page(), ctx.new_page()
    open_dashboard(work, srv.url)
    agenda = open_meeting(work, srv.store, meeting)
    open_dashboard(fam, work.locator(".fac-family-url").input_value(), ready=".fac-family-view.fac-ready")
    work.locator(".fac-phase-jump").first.click()
    found = {}
    for n, phase in enumerate(agenda):
        if n:
            work.click(".fac-next-phase")
        wait_text(fam.locator(".fac-fv-title"), translate("nl", f"meeting.phase.{phase}"), timeout=20)
        fam.wait_for_timeout(800)
        violations = axe_violations(fam)
        if violations:
            found[phase] = describe(violations)
    assert fam.evaluate("document.documentElement.lang") == "nl-BE"
    assert not found, "\n".join(f"== {k}\n{v}" for k, v in found.items())
    ctx.close()
