"""An interim evaluation in the browser (issue 13): each agreement reviewed with the keyboard, plan v2 signed,
"sent to the judge" noted; after a reload everything is there. Screenshots of the review phase, the
trajectory timeline and the plan versions at 1280×720 and 1024×768."""

from __future__ import annotations

from pathlib import Path

from facilitation.domain import plan
from facilitation.samples import load_sample
from facilitation.store import Store, casefile

from .conftest import choose, open_dashboard, shot, text, wait_text

NOTES = {
    1: ("1", "Papa heeft niet gedronken als hij voor de kinderen zorgde."),
    2: ("2", "Eén keer stapte Mila toch in; ze belde daarna bomma."),
    3: ("1", "Bomma haalde de kinderen elke woensdag en vrijdag."),
    4: ("5", "Nieuw: papa ging al twee keer op gesprek."),
    5: ("4", "Gewijzigd: ook op zaterdag maakt bomma de boterhammen."),
    6: ("5", "Nieuw: het eerste weekend bij mama liep goed."),
    7: ("3", "Marc belde niet elke avond: zijn werk liep uit."),
    8: ("5", "Nieuw: nonkel Wim neemt de kinderen in januari."),
}
STATUS = {"1": "works", "2": "partly", "3": "not_working", "4": "changed", "5": "new"}


def interim_case_file(tmp_path: Path) -> Path:
    """The mila-en-finn sample with plan v1 signed at its first network meeting and sent to the judge."""
    case = load_sample("mila-en-finn")
    edit, vid = plan.sign_version(case, "m-nwo1")
    case = case.apply(edit)
    case = case.apply(plan.set_sent_to_judge(case, vid, "2026-12-01"))
    path = tmp_path / "mila.json"
    path.write_text(casefile.dumps(case), encoding="utf-8")
    return path


def at_both_sizes(page, name: str, locator=None) -> None:  # type: ignore[no-untyped-def]
    for w, h in ((1280, 720), (1024, 768)):
        page.set_viewport_size({"width": w, "height": h})
        page.wait_for_timeout(300)
        if locator is not None:
            locator.scroll_into_view_if_needed()
        shot(page, f"{name}-{w}")
    page.set_viewport_size({"width": 1280, "height": 720})


def test_interim_evaluation_reviews_every_agreement_signs_v2_and_notes_it_was_sent(make_server, page, watch, tmp_path):
    srv = make_server(case=str(interim_case_file(tmp_path)))
    open_dashboard(page, srv.url)
    bar = page.locator(".fac-phasebar")
    wait_text(page.locator(".fac-meeting-pick"), "Tussentijdse evaluatie")
    wait_text(bar, "Fase 1/6")
    page.click(".fac-start-meeting")
    page.click(".fac-next-phase")
    wait_text(bar, "Elke afspraak overlopen: werkt ze?")
    card = page.locator(".fac-meeting .fac-review-card")
    wait_text(card.locator(".fac-review-head"), "Afspraak 1 van 8")
    at_both_sizes(page, "review-phase", page.locator(".fac-review-box"))

    # Without the mouse: a number key chooses, the note follows, Enter saves and shows the next agreement.
    card.locator(".fac-review-status").first.focus()
    for n in range(1, 9):
        key, note = NOTES[n]
        wait_text(card.locator(".fac-review-head"), f"Afspraak {n} van 8")
        page.keyboard.press(key)
        page.keyboard.type(note)
        if n == 2:  # who said it: from the note, Tab to the list, type the first letters of the name
            page.keyboard.press("Tab")
            page.keyboard.type("Ros")
            page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")
        if n < 8:
            wait_text(card.locator(".fac-review-head"), f"Afspraak {n + 1} van 8")
    wait_text(card.locator(".fac-review-progress"), "Alle afspraken zijn besproken")
    assert card.locator(".fac-review-dot-partly").count() == 1
    assert card.locator(".fac-review-dot-new").count() == 3
    card.scroll_into_view_if_needed()
    shot(page, "review-phase-done-1280")

    # The closing phase: sign v2, note when it went to the judge.
    for _ in range(4):
        page.click(".fac-next-phase")
    wait_text(bar, "Afsluiting: het bijgestuurde plan ondertekenen")
    closing = page.locator(".fac-plan .fac-plan-closing")
    closing.wait_for(state="visible", timeout=60_000)
    assert closing.locator(".fac-plan-export").is_visible()
    sign = closing.locator(".fac-plan-sign")
    wait_text(sign, "versie 2")
    sign.click()
    newest = closing.locator(".fac-plan-version-row").first
    wait_text(newest, "Versie 2")
    wait_text(newest, "Sinds versie 1:")
    assert "nieuw: afspraken 4, 6, 7, 8" in text(newest)
    sent = newest.locator(".fac-plan-sent-date input")  # a text field typed dd/mm/jjjj; ISO is understood too
    sent.fill("2026-12-15")
    sent.press("Enter")
    newest.locator(".fac-plan-sent-save").click()
    wait_text(newest, "naar de jeugdrechter gestuurd op 15 december 2026")
    page.evaluate("window.scrollTo(0, 0)")
    at_both_sizes(page, "plan-versions")

    # Stored: every review, v2 as signed, the day it was sent.
    case = Store(srv.store).load("c-sample-mila-en-finn")
    reviews = {r.agreement: r for r in case.reviews.values() if r.meeting == "m-tse"}
    order = [a.id for a in case.agreements_in_order()]
    assert {aid: reviews[aid].status for aid in order} == {
        aid: STATUS[NOTES[n][0]] for n, aid in enumerate(order, start=1)
    }
    assert reviews[order[0]].note == NOTES[1][1] and reviews[order[1]].said_by == "p-rosa"
    v2 = plan.version_for(case, "m-tse")
    assert v2 is not None and v2.number == 2 and v2.sent_to_judge_on == "2026-12-15" and len(v2.agreements) == 8

    # Reload: all is there.
    open_dashboard(page, srv.url)
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Verloop')")
    card = page.locator(".fac-meeting .fac-review-card")
    wait_text(card.locator(".fac-review-progress"), "Alle afspraken zijn besproken")
    assert card.locator(".fac-review-dot-works").count() == 2
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Veiligheidsplan')")
    versions = page.locator(".fac-plan .fac-plan-versions")
    wait_text(versions, "naar de jeugdrechter gestuurd op 15 december 2026")
    wait_text(versions, "naar de jeugdrechter gestuurd op 1 december 2026")  # v1, as it was
    row = page.locator(".fac-plan .fac-plan-row").nth(1)
    wait_text(row, "Werkt deels")
    assert watch.external == []


def test_trajectory_timeline(make_server, page, watch):
    srv = make_server(case="jonas-17")
    open_dashboard(page, srv.url)
    timeline = page.locator(".fac-meeting .fac-timeline")
    wait_text(timeline, "Voorleiding bij de jeugdrechter")
    body = text(timeline)
    assert "is dag" in body and "van het traject" in body
    held = timeline.locator("tr.fac-step-first_network_meeting")
    assert "15 september 2026" in text(held) and "✓ gehouden" in text(held)
    assert "✓ gehouden" in text(timeline.locator("tr.fac-step-interim_evaluation"))
    assert "2026-09" not in body  # Flemish dates, never ISO
    assert timeline.locator("tbody tr").count() == 18
    at_both_sizes(page, "trajectory-timeline", page.locator(".fac-meeting .fac-timeline-box"))
    assert watch.external == []


def test_new_meeting_with_attendance_checkboxes_then_a_new_agreement_by_keyboard(make_server, page, watch):
    srv = make_server(case="jonas-17")
    open_dashboard(page, srv.url)
    page.click(".fac-new-meeting")
    form = page.locator(".fac-new-meeting-form")
    form.wait_for(state="visible")
    choose(page, ".fac-nm-kind select", "Tweede netwerkoverleg")
    day = form.locator(".fac-nm-date input")  # a text field typed dd/mm/jjjj (not the browser's 10/10/2026)
    day.fill("10/10/2026")
    day.press("Enter")
    present = form.locator(".fac-nm-present")
    groups = present.locator("legend").all_inner_texts()
    assert groups[0] == "Gezin en familie" and groups[-1] == "Professionelen"  # family first
    present.locator(".fac-checklist-all").click()  # everyone on the map in one click
    wait_text(present.locator(".fac-checklist-count"), "17 aanwezig")
    present.locator(".fac-attend-person", has_text="Bart").locator("input").uncheck()  # papa is not there
    wait_text(present.locator(".fac-checklist-count"), "16 aanwezig")
    shot(page, "new-meeting-attendance-1280")
    form.locator(".fac-nm-start").click()
    bar = page.locator(".fac-phasebar")
    wait_text(bar, "Waar staan we? Wat is er gebeurd?")
    wait_text(page.locator(".fac-meeting .fac-attendance .fac-checklist-count"), "16 aanwezig")
    case = Store(srv.store).load("c-sample-jonas-17")
    [m] = [m for m in case.meetings.values() if m.kind == "second_network_meeting"]
    assert len(m.present) == 16 and "p-bart" not in m.present and m.date == "2026-10-10"

    # The plan: N goes to a new agreement, Ctrl+Enter saves it.
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Veiligheidsplan')")
    rows = page.locator(".fac-plan .fac-plan-row")
    rows.first.wait_for(timeout=60_000)
    before = rows.count()
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.closest('.fac-plan-what') !== null")
    page.keyboard.type("Nonkel Pieter belt Jonas elke zondag.")
    page.keyboard.press("Control+Enter")
    page.wait_for_function(f"document.querySelectorAll('.fac-plan .fac-plan-row').length === {before + 1}")
    wait_text(rows.nth(before), "Nonkel Pieter belt Jonas elke zondag.")
    assert watch.external == []
