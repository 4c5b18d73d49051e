"""Scaling in a real browser while going round the table: ten scores, ten key presses after the first choice;
a 10-year-old gets her own question with faces, shown beside the adults' scores (1280×720 and 1024×768)."""

from __future__ import annotations

from pathlib import Path

from facilitation.domain import ops
from facilitation.store import Store, casefile

from .conftest import open_dashboard, shot, text, wait_text

ADULTS = (
    ("Katrien Peeters", "mama", "family"),
    ("Bart Peeters", "papa", "family"),
    ("Rita Maes", "oma", "family"),
    ("Marc Maes", "opa", "family"),
    ("Lieke Janssens", "tante", "family"),
    ("Nadia Amrani", "buurvrouw", "friends"),
    ("Els Wouters", "juf van Noor", "school"),
    ("An Claes", "consulent", "professional"),
    ("Tom De Backer", "gezinsbegeleider", "professional"),
)


def case_file(tmp_path: Path) -> Path:
    case = ops.new_case("Familie Peeters", "2026-10-01", [("Lotte", 15), ("Noor", 10)])
    for name, relation, sector in ADULTS:
        edit, _ = ops.add_person(case, name, relation=relation, sector=sector)
        case = case.apply(edit)
    edit, _ = ops.add_meeting(case, "network_meeting", "2026-10-14", list(case.people))
    case = case.apply(edit)
    edit, _ = ops.add_scale(case, "safety")
    case = case.apply(edit)
    path = tmp_path / "peeters.json"
    path.write_text(casefile.dumps(case), encoding="utf-8")
    return path


def open_scaling(page, url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, url)
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Schaalvragen')")
    page.wait_for_selector(".fac-scaling .fac-score-row", timeout=60_000)
    page.wait_for_selector(".fac-scaling .fac-line-plot.fac-plot-ready", timeout=60_000)


def test_ten_scores_ten_key_presses_and_a_childs_own_question(make_server, page, watch, tmp_path):
    srv = make_server(case=str(case_file(tmp_path)))
    open_scaling(page, srv.url)
    rows = page.locator(".fac-scaling .fac-score-row")
    assert rows.count() == 10  # Lotte (15) and the nine adults; Noor (10) gets her own question
    assert "Noor" not in page.locator(".fac-scaling .fac-score-rows .fac-who").all_inner_texts()
    q = text(page.locator(".fac-scaling .fac-question"))
    assert "iedereen weet dat Lotte en Noor veilig genoeg zijn" in q

    # The first choice: a click on the first name. Then the keyboard only: ten keys, ten scores.
    rows.first.locator(".fac-score-name").click()
    page.wait_for_selector(".fac-scaling .fac-score-row.fac-score-selected")
    keys = ["3", "5", "5", "7", "2", "9", "4", "6", "8", "t"]
    expected = [3, 5, 5, 7, 2, 9, 4, 6, 8, 10]
    for key in keys:
        page.keyboard.press(key)
    wait_text(page.locator(".fac-scaling .fac-score-count"), "10 van 10 gescoord", timeout=30)
    chosen = [text(rows.nth(i).locator(".fac-score-chosen")) for i in range(10)]
    assert chosen == [str(v) for v in expected]
    assert page.locator(".fac-scaling .fac-score-row.fac-score-selected").count() == 0  # the round is done
    stored = Store(srv.store).load(srv_case_id(srv))
    assert sorted(s.value for s in stored.scores.values()) == sorted(expected)
    page.keyboard.press("?")
    wait_text(page.locator(".fac-scaling .fac-keys-help"), "T")
    shot(page, "scaling-round-keys-1280")
    page.keyboard.press("Escape")

    # Noor (10): her own question with faces, in one click.
    page.click(".fac-scaling .fac-ask-child:has-text('Noor')")
    wait_text(page.locator(".fac-scaling .fac-question"), "Noor, hoe veilig voel jij je thuis?")
    page.wait_for_selector(".fac-scaling .fac-score-row .fac-face-btn")
    assert page.locator(".fac-scaling .fac-score-row").count() == 1
    page.click(".fac-scaling .fac-score-row .fac-score-7")
    page.wait_for_selector(".fac-scaling .fac-score-row .fac-score-7.fac-score-chosen")
    page.evaluate("document.querySelector('.fac-scaling .fac-question').scrollIntoView({block: 'start'})")
    shot(page, "scaling-child-1280")
    # The faces are drawn by the page itself: shapes with their own colours, no emoji, no picture.
    look = page.evaluate(
        """() => { const f = document.querySelector('.fac-scaling .fac-score-row .fac-score-0 .fac-face');
        const g = document.querySelector('.fac-scaling .fac-score-row .fac-score-10 .fac-face');
        const s = getComputedStyle(f), t = getComputedStyle(g);
        return [s.backgroundColor, t.backgroundColor, f.getBoundingClientRect().width, f.textContent]; }"""
    )
    assert look[0] != look[1] and look[2] > 20 and look[3] == ""
    page.set_viewport_size({"width": 1024, "height": 768})
    page.wait_for_timeout(400)
    page.evaluate("document.querySelector('.fac-scaling .fac-question').scrollIntoView({block: 'start'})")
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")
    shot(page, "scaling-child-1024")

    # Back on the adults' question: Noor's answer beside theirs, not on their line.
    page.select_option(".fac-scaling .fac-scale-pick select", label="Veiligheidsschaal")
    wait_text(page.locator(".fac-scaling .fac-voices"), "Noor (10): 7")
    assert "van 2 tot 9" in text(page.locator(".fac-scaling .fac-spread"))
    page.locator(".fac-scaling .fac-voices").scroll_into_view_if_needed()
    shot(page, "scaling-voices-1024")
    page.set_viewport_size({"width": 1280, "height": 720})
    page.wait_for_timeout(400)
    page.locator(".fac-scaling .fac-voices").scroll_into_view_if_needed()
    shot(page, "scaling-voices-1280")
    assert watch.external == []
    assert [e for e in watch.errors if "alert" in e or "pageerror" in e] == []


def srv_case_id(srv) -> str:  # type: ignore[no-untyped-def]
    cases = Store(srv.store).list_cases()
    return cases[0].id
