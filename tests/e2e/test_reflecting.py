"""The reflecting-team dashboard in a real browser: team, mapping, scenarios, rounds, record, pseudonyms."""

from __future__ import annotations

import base64
import re
from pathlib import Path

from facilitation.domain import ops
from facilitation.store import casefile

from .conftest import choose, open_dashboard, shot, text, wait_text

NAMES = ("Jonas", "Rita", "Sofie", "Maes", "Annelies", "Peeters", "Bart", "Claes")


def case_file(tmp_path: Path) -> Path:
    case = ops.new_case(
        "Familie Maes", "2026-10-01", [("Jonas", 9)], summary="Jonas woont sinds de beschikking bij Rita."
    )
    for name, rel, sector in (
        ("Rita Maes", "grootmoeder", "family"),
        ("Sofie Maes", "moeder", "family"),
        ("Annelies Peeters", "consulent", "professional"),
    ):
        e, _ = ops.add_person(case, name, relation=rel, sector=sector)
        case = case.apply(e)
    e, _ = ops.add_item(case, "Sofie zegt dat Jonas bij Rita rust vindt.", column="working_well")
    case = case.apply(e)
    path = tmp_path / "maes.json"
    path.write_text(casefile.dumps(case), encoding="utf-8")
    return path


def add(page, scope: str, text_value: str, button: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(f"{scope} textarea").first.fill(text_value)
    page.locator(f"{scope} {button}").first.click()


def test_reflecting_team_session(make_server, page, watch, tmp_path):
    srv = make_server(case=str(case_file(tmp_path)), dashboard="reflecting_team")
    open_dashboard(page, srv.url)
    root = page.locator(".fac-reflecting-team")
    wait_text(root.locator(".fac-empty"), "Nog geen reflectief team", timeout=45)

    # Start the meeting with the consultant, add a colleague.
    page.click(".fac-rt-new-meeting")
    page.locator(".fac-rt-nm-present select").select_option(index=[0])
    page.click(".fac-rt-nm-start")
    page.wait_for_selector(".fac-rt-teambar .fac-rt-chip")
    page.fill(".fac-rt-member-name input", "Bart Claes")
    page.fill(".fac-rt-member-role input", "stafmedewerker")
    page.click(".fac-rt-add-member")
    wait_text(page.locator(".fac-rt-teambar"), "Bart Claes", timeout=45)

    # Map the case: a danger statement in professional language; both score on the safety scale.
    choose(page, ".fac-rt-map .fac-rt-add select", "Gevaarsboodschap")
    add(
        page,
        ".fac-rt-map .fac-rt-add",
        "De consulent is bezorgd dat Sofie 's nachts weggaat en Jonas alleen laat.",
        ".fac-rt-add-item",
    )
    wait_text(page.locator(".fac-rt-map .fac-rt-col-worries"), "'s nachts weggaat", timeout=45)
    picks = page.locator(".fac-rt-map .fac-rt-score-pick select")
    picks.nth(0).select_option("4")
    picks.nth(1).select_option("6")
    wait_text(page.locator(".fac-rt-map .fac-rt-track-box"), "van 4 tot 6", timeout=45)
    # The family's words are not under the team's map; beside it, marked as theirs, when asked for.
    assert "rust vindt" not in text(page.locator(".fac-rt-map .fac-rt-columns"))
    page.click(".fac-rt-family-toggle")
    wait_text(page.locator(".fac-rt-family-words"), "Woorden van het gezin", timeout=45)
    wait_text(page.locator(".fac-rt-family-words"), "rust vindt", timeout=45)
    shot(page, "reflecting-map")

    # Three scenarios side by side, each with its own items and scores.
    page.click('.fac-tabs .lm-TabBar-tab:has-text("Scenario\'s")')
    for title in ("Terug naar huis met een veiligheidsplan", "Bij grootmoeder Rita", "Pleeggezin"):
        page.fill(".fac-rt-scenario-title input", title)
        page.click(".fac-rt-add-scenario")
        wait_text(page.locator(".fac-rt-cards"), title, timeout=45)
    cards = page.locator(".fac-rt-card")
    assert cards.count() == 3
    for i, (element, item) in enumerate(
        [
            ("Volgende stap", "Veiligheidsplan met drie volwassenen uit het netwerk"),
            ("Kracht", "Rita vangt Jonas al twee jaar op"),
            ("Complicerende factor", "Geen pleeggezin in de buurt van de school"),
        ]
    ):
        card = cards.nth(i)
        choose(page, f".fac-rt-card:nth-child({i + 1}) .fac-rt-add select", element)
        card.locator(".fac-rt-add textarea").fill(item)
        card.locator(".fac-rt-add-item").click()
        wait_text(card, item, timeout=45)
        card.locator(".fac-rt-score-pick select").nth(0).select_option(str(3 + 2 * i))
        card.locator(".fac-rt-score-pick select").nth(1).select_option(str(4 + i))
    wait_text(page.locator(".fac-rt-compare"), "van 6 tot 7", timeout=45)
    shot(page, "reflecting-scenarios")
    page.locator(".fac-rt-compare").scroll_into_view_if_needed()
    shot(page, "reflecting-compare")

    # Reflection rounds: each in turn, a conclusion, a next step.
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Reflectierondes')")
    wait_text(page.locator(".fac-rt-turn"), "aan de beurt: Annelies Peeters", timeout=45)
    page.locator(".fac-rt-reflection textarea").fill("Ik hoor veel kracht bij Rita; wat weet de school?")
    page.click(".fac-rt-add-reflection")
    wait_text(page.locator(".fac-rt-turn"), "aan de beurt: Bart Claes", timeout=45)
    page.locator(".fac-rt-reflection textarea").fill("Scenario 2 vraagt een plan voor de weekends.")
    page.click(".fac-rt-add-reflection")
    wait_text(page.locator(".fac-rt-turn"), "iedereen kwam aan bod", timeout=45)
    page.locator(".fac-rt-conclusion textarea").fill("Scenario 2 verder uitwerken met het netwerk.")
    page.click(".fac-rt-add-conclusion")
    page.locator(".fac-rt-step textarea").fill("Annelies belt Rita vóór vrijdag.")
    page.click(".fac-rt-add-step")
    wait_text(page.locator(".fac-rt-steps"), "vóór vrijdag", timeout=45)
    shot(page, "reflecting-rounds")

    # The record: who writes it, the files saved and offered for download.
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Verslag')")
    page.locator(".fac-rt-scribe select").select_option(label="Bart Claes")
    wait_text(page.locator(".fac-rt-preview"), "Verslag door: Bart Claes", timeout=45)
    page.click(".fac-rt-make-record")
    page.wait_for_selector(".fac-rt-download-docx")
    with page.expect_download() as dl:
        page.click(".fac-rt-download-md")
    md = Path(dl.value.path()).read_text(encoding="utf-8")
    assert "Scenario 2 verder uitwerken met het netwerk" in md and "Bart Claes" in md
    exports = srv.store.parent / "exports"
    files = sorted(p.name for p in exports.iterdir())
    assert any(f.endswith(".docx") for f in files) and any(f.endswith(".md") for f in files)
    assert all((exports / f).stat().st_mode & 0o777 == 0o600 for f in files)
    shot(page, "reflecting-record")

    # One switch hides every name, on the screen and in the files made now.
    page.click(".fac-rt-pseudo")
    wait_text(page.locator(".fac-rt-banner"), "Namen verborgen", timeout=45)
    wait_text(page.locator(".fac-rt-preview"), "Gepseudonimiseerd", timeout=45)
    for tab in ("Casus in kaart", "Scenario's", "Reflectierondes", "Verslag"):
        page.click(f'.fac-tabs .lm-TabBar-tab:has-text("{tab}")')
        page.wait_for_timeout(300)
        seen = text(page.locator(".fac-reflecting-team"))
        for name in NAMES:
            assert not re.search(rf"(?<!\w){name}(?!\w)", seen, re.IGNORECASE), (tab, name)
        if tab == "Scenario's":
            shot(page, "reflecting-pseudonymised")
        if tab == "Verslag":
            shot(page, "reflecting-record-pseudonymised")
    options = " ".join(page.locator(".fac-rt-case-pick option").all_inner_texts())
    assert "Maes" not in options and "Casus" in options
    page.click(".fac-rt-make-record")
    page.wait_for_function(
        "document.querySelector('.fac-rt-download-md') && document.querySelector('.fac-rt-download-md').download.startsWith('casus-')"
    )
    href = page.locator(".fac-rt-download-md").get_attribute("href") or ""
    md = base64.b64decode(href.split(",", 1)[1]).decode("utf-8")
    assert "Gepseudonimiseerd" in md
    for name in NAMES:
        assert not re.search(rf"(?<!\w){name}(?!\w)", md, re.IGNORECASE), name

    # The wide screen of a meeting room.
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.click('.fac-tabs .lm-TabBar-tab:has-text("Scenario\'s")')
    page.wait_for_timeout(400)
    shot(page, "reflecting-scenarios-1080")
    assert watch.external == []
    assert not [e for e in watch.errors if "favicon" not in e]
