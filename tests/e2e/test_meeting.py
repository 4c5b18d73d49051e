"""A complete short meeting through its phases on a sample case, in normal and projection mode (issue 7)."""

from __future__ import annotations

from facilitation.domain.trajectory import STANDARD_AGENDA
from facilitation.i18n import translate

from .conftest import choose, open_dashboard, shot, text, wait_text

PART_CLASS = {
    "meeting": "fac-meeting",
    "network": "fac-network",
    "columns": "fac-columns",
    "scaling": "fac-scaling",
    "plan": "fac-plan",
}


def test_short_meeting_through_all_phases(make_server, page, watch):
    from facilitation.domain.trajectory import part_for

    srv = make_server(case="jonas-17")
    open_dashboard(page, srv.url)
    bar = page.locator(".fac-phasebar")
    # The sample opens at its interim evaluation, which has a course of its own: run the first network meeting.
    choose(page, ".fac-meeting-pick select", "Eerste netwerkoverleg")
    wait_text(bar, f"Fase 1/{len(STANDARD_AGENDA)}")
    page.click(".fac-start-meeting")
    wait_text(bar, translate("nl", f"meeting.phase.{STANDARD_AGENDA[0]}"))
    for n, phase in enumerate(STANDARD_AGENDA):
        if n:
            page.click(".fac-next-phase")
        label = translate("nl", f"meeting.phase.{phase}")
        wait_text(bar, f"Fase {n + 1}/{len(STANDARD_AGENDA)}")
        wait_text(bar, label)
        part = PART_CLASS[part_for(phase)]
        page.locator(f".{part}").first.wait_for(state="visible", timeout=60_000)
        page.wait_for_timeout(400)
        shot(page, f"meeting-phase-{n + 1}-{phase}")
        page.click(".fac-projection-toggle")
        page.wait_for_selector(".fac-shell.fac-projection")
        page.wait_for_timeout(300)
        shot(page, f"meeting-phase-{n + 1}-{phase}-projection")
        page.click(".fac-fv-control-back")  # projection is the family screen with its small control
        page.wait_for_selector(".fac-shell:not(.fac-projection)")
    # The clocks run in the browser.
    assert ":" in text(bar.locator(".fac-clock-value").first)
    assert page.locator(".fac-next-phase").is_disabled()


def test_projection_hides_professional_note_and_blank_screen_hides_everything(make_server, page):
    srv = make_server(case="jonas-17")
    open_dashboard(page, srv.url)
    note = page.locator(".fac-meeting .fac-note textarea")
    note.fill("Vermoeden van middelengebruik bij papa (niet voor het scherm)")
    note.blur()
    wait_text(page.locator(".fac-saved"), "Bewaard")
    assert note.is_visible()
    page.click(".fac-projection-toggle")
    page.wait_for_selector(".fac-shell.fac-projection")
    assert not note.is_visible()
    assert "middelengebruik" not in text(page.locator("body"))
    # One key blanks the screen; the same key brings it back.
    page.locator("body").click(position={"x": 5, "y": 700})
    page.keyboard.press("b")
    page.wait_for_selector(".fac-blank", state="visible")
    shot(page, "meeting-blank")
    assert page.evaluate(
        "document.elementFromPoint(640, 360).classList.contains('fac-blank') || "
        "document.elementFromPoint(640, 360).closest('.fac-blank') !== null"
    )
    page.keyboard.press("b")
    page.wait_for_selector(".fac-blank", state="detached")
    # A "b" inside words typed while no field has the focus (a form still opening) is typing, not a blank screen.
    page.wait_for_timeout(800)
    page.keyboard.type("ze zijn bang", delay=60)
    page.wait_for_timeout(500)
    assert page.locator(".fac-blank").count() == 0
    # Reload: the note is still stored (projection mode is per screen and starts off).
    open_dashboard(page, srv.url)
    assert "middelengebruik" in page.locator(".fac-meeting .fac-note textarea").input_value()


def test_language_switch_keeps_what_is_being_typed(make_server, page):
    srv = make_server(case="jonas-17")
    open_dashboard(page, srv.url)
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Drie kolommen')")
    field = page.locator(".fac-columns .fac-columns-add-text input").first
    field.wait_for(timeout=60_000)
    field.fill("Mama zegt: het gaat beter sinds")
    page.click(".fac-lang button:has-text('English')")
    wait_text(page.locator(".fac-columns"), "What are we worried about?")
    assert field.input_value() == "Mama zegt: het gaat beter sinds"
