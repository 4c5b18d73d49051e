"""Scaling questions in a real browser: score people with one click, the chart follows, a reload shows the same."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

from facilitation.domain import ops
from facilitation.store import casefile

from .conftest import open_dashboard, shot, text, wait_text

HOSTILE = "<img src=x onerror=alert(1)>"

# The chart's SVG: each dot carries its number, the person's label sits just above it.
CHART_VALUES = """(el) => {
  // Plotly draws each group as a trace of dots (each carrying its number) followed by a trace of labels,
  // point for point in the same order: pair them.
  const out = {};
  const traces = Array.from(el.querySelectorAll('.scatterlayer .trace'));
  for (let i = 0; i + 1 < traces.length; i++) {
    const dots = traces[i], labels = traces[i + 1];
    const nums = Array.from(dots.querySelectorAll('.textpoint text'));
    const names = Array.from(labels.querySelectorAll('.textpoint text'));
    if (!nums.length || nums.length !== names.length || labels.querySelectorAll('.points path').length) continue;
    if (!nums.every((t) => /^(10|[0-9])$/.test(t.textContent))) continue;
    names.forEach((t, j) => { out[t.textContent] = parseInt(nums[j].textContent, 10); });
  }
  return out;
}"""


def case_file(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The Maes case: a first network meeting (day 14) with safety scores, and the interim evaluation (day 28)."""
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    ids = {"Jonas": next(iter(case.people))}
    for name, rel, sector in (
        ("Rita Maes", "grootmoeder", "family"),
        ("Sofie Maes", "moeder", "family"),
        ("محمد علي", "buurman", "friends"),
        (HOSTILE, "leerkracht", "school"),
        ("An Claes", "consulent", "professional"),
    ):
        edit, pid = ops.add_person(case, name, relation=rel, sector=sector)
        case = case.apply(edit)
        ids[name] = pid
    present = list(ids.values())
    edit, m1 = ops.add_meeting(case, "network_meeting", "2026-10-15", present)
    case = case.apply(edit)
    edit, sid = ops.add_scale(case, "safety")
    case = case.apply(edit)
    for name, v in (("Jonas", 3), ("Rita Maes", 4), ("Sofie Maes", 5), ("An Claes", 2)):
        case = case.apply(ops.set_score(case, sid, m1, ids[name], v))
    edit, _m2 = ops.add_meeting(case, "interim_evaluation", "2026-10-29", present)
    case = case.apply(edit)
    path = tmp_path / "maes.json"
    path.write_text(casefile.dumps(case), encoding="utf-8")
    return path, ids


def open_scaling(page, url: str) -> int:  # type: ignore[no-untyped-def]
    open_dashboard(page, url)
    page.click(".fac-tabs .lm-TabBar-tab:has-text('Schaalvragen')")
    page.wait_for_selector(".fac-scaling .fac-score-row", timeout=60_000)
    page.wait_for_selector(".fac-scaling .fac-line-plot.fac-plot-ready", timeout=60_000)
    page.wait_for_selector(".fac-scaling .fac-history-plot.fac-plot-ready", timeout=60_000)
    return int(page.locator(".fac-scaling .fac-line-plot").get_attribute("data-revision") or "0")


def click_score(page, pid: str, value: int, revision: int) -> None:  # type: ignore[no-untyped-def]
    page.click(f".fac-scaling .fac-row-{pid} .fac-score-{value}")
    page.wait_for_selector(f'.fac-scaling .fac-line-plot.fac-plot[data-revision="{revision}"]', timeout=30_000)


def chart(page) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return page.locator(".fac-scaling .fac-line-plot").evaluate(CHART_VALUES)  # type: ignore[no-any-return]


def chosen(page, pid: str) -> str:  # type: ignore[no-untyped-def]
    loc = page.locator(f".fac-scaling .fac-row-{pid} .fac-score-chosen")
    return text(loc) if loc.count() else ""


def test_score_five_change_one_reload(make_server, page, watch, tmp_path):
    path, ids = case_file(tmp_path)
    srv = make_server(case=str(path))
    rev = open_scaling(page, srv.url)
    scaling = page.locator(".fac-scaling")
    q = text(scaling.locator(".fac-question"))
    # One child, 17: named, not "de kinderen" (issue 13).
    assert "10 betekent: iedereen weet dat Jonas veilig genoeg is om het dossier af te sluiten" in q
    assert "0 betekent: het is zo erg dat Jonas niet thuis kan blijven" in q
    assert chart(page) == {}  # the interim evaluation has no scores yet

    plan = [("Jonas", 5), ("Rita Maes", 6), ("Sofie Maes", 6), ("محمد علي", 8), ("An Claes", 4)]
    for name, value in plan:
        rev += 1
        click_score(page, ids[name], value, rev)
    rev += 1
    click_score(page, ids["Sofie Maes"], 7, rev)  # changes her mind
    wait_text(page.locator(".fac-status"), "van 6 naar 7")
    expected = {"Jonas": 5, "Rita": 6, "Sofie": 7, "محمد": 8, "An": 4}
    assert chart(page) == expected
    for name, value in plan:
        assert chosen(page, ids[name]) == str(7 if name == "Sofie Maes" else value)
    spread = text(scaling.locator(".fac-spread"))
    # The family's screen says where each group stands in plain words (issue 13: no mediaan/spreiding).
    assert "Gezin en netwerk: van 5 tot 8" in spread and "Professionelen: 4" in spread and "mediaan" not in spread
    # Hostile markup shows as text, nowhere as an element.
    assert HOSTILE in text(scaling.locator(f".fac-row-{ids[HOSTILE]} .fac-score-name"))
    assert scaling.locator("img").count() == 0
    shot(page, "scaling-nl")

    # Rita's answer to "why not lower?" goes to "what's working well?" in one click, in her words.
    row = f".fac-scaling .fac-row-{ids['Rita Maes']}"
    page.click(f"{row} .fac-answers-toggle")
    page.fill(f"{row} .fac-why-not-lower textarea", "Oma haalt Jonas elke dag op")
    page.click(f"{row} .fac-to-strength")
    wait_text(page.locator(".fac-status"), "Bij 'Wat gaat er goed?' gezet, in de woorden van Rita Maes")
    wait_text(page.locator(f"{row} .fac-to-strength"), "✓")
    wait_text(page.locator(f"{row} .fac-answers-text"), "Niet lager omdat: Oma haalt Jonas elke dag op")
    shot(page, "scaling-answers-nl")
    page.locator(".fac-scaling .fac-history-plot").scroll_into_view_if_needed()
    shot(page, "scaling-history-nl")

    # A typed score outside 0-10 is refused with a message; the chart stays as it was.
    field = page.locator(f".fac-scaling .fac-row-{ids[HOSTILE]} .fac-score-input input")
    field.fill("11")
    field.press("Enter")
    wait_text(page.locator(".fac-status .fac-msg-error"), "11 ligt niet tussen 0 en 10")
    assert chosen(page, ids[HOSTILE]) == ""

    # Reload: the chart and the chosen buttons are as they were left.
    open_scaling(page, srv.url)
    assert chart(page) == expected
    for name, value in plan:
        assert chosen(page, ids[name]) == str(7 if name == "Sofie Maes" else value)
    assert "Gezin en netwerk: van 5 tot 8" in text(page.locator(".fac-scaling .fac-spread"))
    assert "Oma haalt Jonas elke dag op" in text(page.locator(f"{row} .fac-answers-text"))

    # Names hidden: initials on the rows and in the chart.
    page.click(".fac-scaling .fac-names button:has-text('Initialen')")
    wait_text(page.locator(f".fac-scaling .fac-row-{ids['Rita Maes']} .fac-score-name"), "RM")
    page.wait_for_function(
        "!document.querySelector('.fac-scaling .fac-line-plot').textContent.includes('Rita')", timeout=15_000
    )
    assert "Rita" not in text(page.locator(".fac-scaling .fac-score-rows"))

    # English.
    page.click(".fac-lang button:has-text('English')")
    # With names hidden the question does not name him either: "the young person" (17).
    wait_text(page.locator(".fac-scaling .fac-question"), "10 means: everyone knows the young person is safe enough")
    page.click(".fac-scaling .fac-names button:has-text('Names')")
    wait_text(page.locator(".fac-scaling .fac-question"), "10 means: everyone knows Jonas is safe enough")
    wait_text(page.locator(".fac-scaling .fac-spread"), "Family and network: from 5 to 8")
    shot(page, "scaling-en")
    # Chart only: the input rows step aside so the chart is what the room sees.
    page.click(".fac-scaling .fac-chart-only")
    page.wait_for_selector(".fac-scaling .fac-score-rows", state="hidden")
    page.locator(".fac-scaling .fac-line-plot").scroll_into_view_if_needed()
    shot(page, "scaling-chart-only-en")
    assert watch.external == []
    assert [e for e in watch.errors if "alert" in e] == []


def test_twenty_score_changes_reach_the_chart(make_server, page, watch, tmp_path):
    path, ids = case_file(tmp_path)
    srv = make_server(case=str(path))
    rev = open_scaling(page, srv.url)
    names = ["Jonas", "Rita Maes", "Sofie Maes", "An Claes"]
    short = {"Jonas": "Jonas", "Rita Maes": "Rita", "Sofie Maes": "Sofie", "An Claes": "An"}
    last: dict[str, int] = {}
    for i in range(20):
        name = names[i % len(names)]
        value = (i * 7 + 3) % 11
        if last.get(name) == value:
            value = (value + 1) % 11
        rev += 1
        click_score(page, ids[name], value, rev)
        last[name] = value
        shown = chart(page)
        assert shown.get(short[name]) == value, (i, name, value, shown)
    assert chart(page) == {short[n]: v for n, v in last.items()}
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.wait_for_timeout(500)  # let the chart take the new width before the picture
    page.locator(".fac-scaling .fac-line-plot").scroll_into_view_if_needed()
    shot(page, "scaling-1920")
    # After the window changed size, each chart keeps its full height: nothing cut off or overlapped.
    for sel in (".fac-line-plot", ".fac-history-plot"):
        plot = page.locator(f".fac-scaling {sel}").bounding_box()
        svg = page.locator(f".fac-scaling {sel} .main-svg").first.bounding_box()
        assert plot and svg and abs(plot["height"] - svg["height"]) < 3, (sel, plot, svg)
    plot = page.locator(".fac-scaling .fac-history-plot").bounding_box()
    button = page.locator(".fac-scaling .fac-scores-csv").bounding_box()
    assert plot and button and button["y"] >= plot["y"] + plot["height"] - 1
    assert chart(page) == {short[n]: v for n, v in last.items()}
    assert json.dumps(watch.external) == "[]"


def test_a_score_shows_at_once_and_the_stored_one_comes_back_when_the_kernel_does_not_answer(
    make_server, page, tmp_path
):
    """A click shows the chosen score at once (issue 16.8), before the kernel has it; a kernel that does not
    answer (hung, or the answer lost) gets the stored score shown again, and the click is stored when it does."""
    path, ids = case_file(tmp_path)
    srv = make_server(case=str(path))
    open_scaling(page, srv.url)
    sofie = ids["Sofie Maes"]
    assert chosen(page, sofie) == ""  # the interim evaluation: no score yet
    (kernel,) = srv.kernel_pids()
    os.kill(kernel, signal.SIGSTOP)  # the kernel hears nothing until it is woken
    try:
        page.click(f".fac-scaling .fac-row-{sofie} .fac-score-6")
        assert chosen(page, sofie) == "6"  # shown at the click, not after a round trip
        assert page.locator(f".fac-scaling .fac-row-{sofie} .fac-score-6.fac-score-pending").count() == 1
        # No answer: after a few seconds the stored score (none) shows again.
        page.wait_for_function(
            f"!document.querySelector('.fac-scaling .fac-row-{sofie} .fac-score-chosen')", timeout=10_000
        )
    finally:
        os.kill(kernel, signal.SIGCONT)
    # The kernel takes the click it was sent: stored, and shown as chosen and saved.
    page.wait_for_selector(f".fac-scaling .fac-row-{sofie} .fac-score-6.fac-score-chosen", timeout=30_000)
    wait_text(page.locator(".fac-status"), "Sofie Maes op 6")
    assert page.locator(".fac-scaling .fac-score-pending").count() == 0
