"""The safety plan in a real browser: write two agreements, see the checks follow, export, download the .docx."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from facilitation.domain import ops
from facilitation.store import casefile

from .conftest import ROOT, choose, open_dashboard, shot, text, wait_text

HOSTILE = 'Oma <b>Rita</b> belt "meteen" & blijft\nnieuwe regel 👩‍👧 مرحبا'


def plan_case_file(tmp_path: Path) -> Path:
    """A small case at its first network meeting: two bottom lines (one asks for 3 adults), no agreements yet."""
    case = ops.new_case("Familie Maes", "2026-10-01", [("Lina", 10), ("Noah", 1)])
    ids: dict[str, str] = {}
    for key, name, fields in (
        ("mama", "Sara Maes", dict(relation="mama", sector="family", closeness=1, knowledge="all")),
        (
            "rita",
            "Rita Maes",
            dict(relation="grootmoeder", sector="family", closeness=1, knowledge="all", phone="0471 22 33 44"),
        ),
        ("lieke", "Lieke Peeters", dict(relation="tante", sector="family", closeness=2, knowledge="some")),
        ("marc", "Marc Claes", dict(relation="buurman", sector="friends", closeness=2, knowledge="all")),
        ("cons", "Ilse De Smet", dict(relation="consulent", sector="professional", closeness=3, knowledge="all")),
    ):
        edit, ids[key] = ops.add_person(case, name, **fields)
        case = case.apply(edit)
    for text_, element in (
        (
            "Lina en Noah zijn op ieder moment van de dag onder toezicht van een volwassene die voor hen kan zorgen, "
            "met een plan met minstens 3 volwassen personen uit het netwerk.",
            "bottom_line",
        ),
        ("Er wordt geen geweld gebruikt.", "bottom_line"),
        ("De consulent en oma zijn bang dat Noah 's avonds alleen is als mama te veel drinkt.", "danger_statement"),
    ):
        edit, _ = ops.add_item(case, text_, element)
        case = case.apply(edit)
    present = [ids[k] for k in ("mama", "rita", "lieke", "marc", "cons")]
    edit, _ = ops.add_meeting(case, "network_meeting", "2026-10-15", present)
    case = case.apply(edit)
    path = tmp_path / "maes.json"
    path.write_text(casefile.dumps(case), encoding="utf-8")
    return path


def open_plan(page, url: str, tab: str = "Veiligheidsplan") -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, url)
    page.click(f".fac-tabs .lm-TabBar-tab:has-text('{tab}')")
    page.wait_for_selector(".fac-plan .fac-plan-checks h3", state="visible")


def write_agreement(page, what: str, owner: str, backup: str, when: str, if_not: str, link: str) -> None:  # type: ignore[no-untyped-def]
    before = page.locator(".fac-plan .fac-plan-row").count()
    page.fill(".fac-plan .fac-plan-form .fac-plan-what textarea", what)
    choose(page, ".fac-plan .fac-plan-form .fac-plan-owner select", owner)
    choose(page, ".fac-plan .fac-plan-form .fac-plan-backup select", backup)
    page.fill(".fac-plan .fac-plan-form .fac-plan-when input", when)
    page.fill(".fac-plan .fac-plan-form .fac-plan-if-not textarea", if_not)
    page.locator(".fac-plan .fac-plan-form .fac-plan-link", has_text=link).locator("input").check()
    page.click(".fac-plan .fac-plan-save")
    page.wait_for_function(f"document.querySelectorAll('.fac-plan .fac-plan-row').length === {before + 1}")


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_write_two_agreements_check_and_download_docx(make_server, page, watch, tmp_path):
    srv = make_server(case=str(plan_case_file(tmp_path)))
    open_plan(page, srv.url)
    plan = page.locator(".fac-plan")
    checks = plan.locator(".fac-plan-checks")
    assert "nog geen afspraak" in text(checks)
    assert "Nog geen afspraken" in text(plan.locator(".fac-plan-empty"))

    write_agreement(
        page,
        "Oma Rita haalt Lina en Noah elke schooldag op om 15.30 uur.",
        "Rita",
        "Marc",
        "elke schooldag",
        "Marc belt de consulent.",
        "geen geweld",
    )
    first = plan.locator(".fac-plan-row").nth(0)
    wait_text(first, "Oma Rita haalt Lina en Noah")
    wait_text(first, "0471 22 33 44")  # the owner's phone number is on the card
    wait_text(checks, "het plan heeft er nu 2")  # Rita and Marc: 2 of the 3 adults the bottom line asks for

    # The second agreement in hostile text: markup, quotes, a newline, emoji and Arabic stay as typed, inert.
    write_agreement(page, HOSTILE, "Lieke", "Sara", "elke avond", "Lieke belt oma Rita.", "toezicht")
    second = plan.locator(".fac-plan-row").nth(1)
    wait_text(second, 'Oma <b>Rita</b> belt "meteen" & blijft')
    assert "nieuwe regel 👩‍👧 مرحبا" in text(second)
    assert plan.locator(".fac-plan-row b:has-text('Rita')").count() == 0
    wait_text(checks, "het plan heeft er nu 4")
    wait_text(checks.locator(".fac-plan-bottom-lines"), "(afspraak 2)")
    assert checks.locator(".fac-plan-bottom-line.fac-plan-check-warn").count() == 0
    wait_text(checks, "Lieke Peeters staat in het plan, maar weet nog niet alles")

    # Rita agrees with the first agreement.
    first.locator(".fac-plan-agree", has_text="Rita Maes").click()
    wait_text(first.locator(".fac-plan-agree.mod-success"), "✓ Rita Maes")

    page.set_viewport_size({"width": 1280, "height": 720})
    plan.locator(".fac-plan-checks").scroll_into_view_if_needed()
    shot(page, "plan-nl-1280")

    # Export: the saved files are listed and offered for download; the .docx holds both agreements.
    page.click(".fac-plan .fac-plan-export")
    link = page.locator(".fac-plan a.fac-plan-download[download$='veiligheidsplan.docx']")
    link.wait_for(timeout=60_000)
    assert "exports" in text(plan.locator(".fac-plan-export-result"))
    assert page.locator(".fac-plan a.fac-plan-download[download$='.pdf']").count() == 2
    for suffix in (".json", ".md", "-kinderversie.docx", ".csv"):
        assert page.locator(f".fac-plan a.fac-plan-download[download$='{suffix}']").count() >= 1, suffix
    link.scroll_into_view_if_needed()
    shot(page, "plan-nl-export")
    with page.expect_download() as dl:
        link.click()
    saved = tmp_path / "download.docx"
    dl.value.save_as(saved)
    body = docx_text(saved)
    assert "Oma Rita haalt Lina en Noah elke schooldag op om 15.30 uur." in body
    assert 'Oma <b>Rita</b> belt "meteen" & blijft' in body
    assert "مرحبا" in body
    # The same file is on disk next to the store.
    on_disk = list((srv.store.parent / "exports").glob("*veiligheidsplan.docx"))
    assert len(on_disk) == 1 and on_disk[0].read_bytes() == saved.read_bytes()
    # A second export asks before replacing anything; "keep both" writes the set beside the first as " (2)".
    page.click(".fac-plan .fac-plan-export")
    question = plan.locator(".fac-plan-replace")
    wait_text(question, "staan er al", timeout=60)
    question.scroll_into_view_if_needed()
    shot(page, "plan-nl-replace-question")
    assert on_disk[0].read_bytes() == saved.read_bytes()  # nothing written yet
    question.locator(".fac-replace-both").click()
    page.locator(".fac-plan a.fac-plan-download[download$='veiligheidsplan (2).docx']").wait_for(timeout=60_000)
    assert on_disk[0].read_bytes() == saved.read_bytes()
    assert len(list((srv.store.parent / "exports").glob("*veiligheidsplan (2).docx"))) == 1
    assert watch.external == []


def test_sample_plan_in_english_at_two_sizes(make_server, page, watch):
    sample = ROOT / "sample_cases" / "jonas-17.json"
    n_agreements = len(casefile.read(sample).agreements)
    srv = make_server(case=str(sample), lang="en")
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_plan(page, srv.url, "Safety plan")
    plan = page.locator(".fac-plan")
    wait_text(plan.locator(".fac-plan-checks"), "Checking the plan")
    assert n_agreements >= 3 and plan.locator(".fac-plan-row").count() == n_agreements
    shot(page, "plan-en-1920")
    # Nothing is cut off: no card or form is wider than the plan's own column.
    widths = page.evaluate(
        """() => Array.from(document.querySelectorAll('.fac-plan .fac-plan-row, .fac-plan .fac-plan-form, .fac-plan .fac-plan-checks'))
             .map(e => e.scrollWidth - e.clientWidth)"""
    )
    assert max(widths) <= 1, widths

    page.set_viewport_size({"width": 1280, "height": 720})
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "plan-en-1280-top")
    # Change the third agreement: the form takes its place, filled in.
    plan.locator(".fac-plan-row").nth(2).locator(".fac-plan-edit").click()
    form = plan.locator(".fac-plan-form")
    wait_text(form, "Changing agreement 3")
    assert "Zelfmoordlijn" in form.locator(".fac-plan-if-not textarea").input_value()
    form.scroll_into_view_if_needed()
    shot(page, "plan-en-edit")
    plan.locator(".fac-plan-cancel").click()
    wait_text(form, "New agreement")
    # Reorder: the second agreement moves up, and stays there after a reload.
    second_what = text(plan.locator(".fac-plan-row").nth(1).locator(".fac-plan-what-text"))
    plan.locator(".fac-plan-row").nth(1).locator(".fac-plan-up").click()
    wait_text(plan.locator(".fac-plan-row").nth(0).locator(".fac-plan-what-text"), second_what[3:40])
    shot(page, "plan-en-1280")
    widths = page.evaluate(
        """() => Array.from(document.querySelectorAll('.fac-plan .fac-plan-row, .fac-plan .fac-plan-form, .fac-plan .fac-plan-checks'))
             .map(e => e.scrollWidth - e.clientWidth)"""
    )
    assert max(widths) <= 1, widths
    open_plan(page, srv.url, "Safety plan")
    wait_text(page.locator(".fac-plan .fac-plan-row").nth(0).locator(".fac-plan-what-text"), second_what[3:40])
    assert watch.external == []
