"""The training dashboard in a real browser: start, role cards, reveal, group work compared, reset."""

from __future__ import annotations

from pathlib import Path

from facilitation import samples
from facilitation.domain import ops
from facilitation.domain import training as tr
from facilitation.store import Store

from .conftest import choose, open_dashboard, shot, wait_text

SAMPLE = "mila-en-finn" if "mila-en-finn" in samples.sample_names() else samples.sample_names()[0]


def tab(page, title: str) -> None:  # type: ignore[no-untyped-def]
    page.click(f".fac-training .fac-tabs .lm-TabBar-tab:has-text('{title}')")


def make_server_store(srv):  # type: ignore[no-untyped-def]
    return srv.store


def copies(store_path: Path) -> dict[str, str]:
    store = Store(store_path)
    out = {}
    for c in store.list_cases():
        info = store.load(c.id).info
        if tr.is_copy(info):
            out[info.group_name] = info.id
    store.close()
    return out


def test_training_exercise(make_server, page, watch):
    sample_file = samples.sample_dir() / f"{SAMPLE}.json"
    before = sample_file.read_bytes()
    srv = make_server(case=SAMPLE, dashboard="training")
    open_dashboard(page, srv.url)
    root = page.locator(".fac-training")
    wait_text(root.locator(".fac-tr-groups-list"), "Er loopt nog geen oefening", timeout=45)
    # A group's tab before any exercise is not blank: it says where to start.
    tab(page, "Netwerk")
    wait_text(page.locator(".fac-tr-group-hint:visible"), "Nog geen oefening: start er een", timeout=45)
    shot(page, "training-group-tab-first")
    tab(page, "Oefening")

    # Start an exercise on the fictional sample for three groups.
    title = samples.load_sample(SAMPLE).info.title
    choose(page, ".fac-tr-source select", title[:20])
    page.fill(".fac-tr-groups textarea", "Groep Rood\nGroep Blauw\nGroep Groen")
    page.click(".fac-tr-start")
    wait_text(page.locator(".fac-status"), "Oefening gestart met 3 groepen", timeout=45)
    wait_text(page.locator(".fac-tr-groups-list"), "Groep Groen", timeout=45)
    shot(page, "training-exercise")
    # A second start asks first (it used to add three groups without a word); a second click adds them.
    page.fill(".fac-tr-groups textarea", "Groep Geel\nGroep Paars\nGroep Oranje")
    page.click(".fac-tr-start")
    wait_text(page.locator(".fac-status"), "loopt al een oefening", timeout=45)
    assert len(copies(make_server_store(srv))) == 3
    page.click(".fac-tr-start")
    wait_text(page.locator(".fac-status"), "Oefening gestart met 3 groepen", timeout=45)
    wait_text(page.locator(".fac-tr-groups-list"), "Groep Oranje", timeout=45)

    # Role cards: one shown large, all printable.
    tab(page, "Rolkaarten")
    page.locator(".fac-tr-card-show").first.click()
    wait_text(page.locator(".fac-tr-card-big"), "Wat je weet", timeout=45)
    shot(page, "training-card")
    page.click(".fac-tr-cards-pdf")
    page.wait_for_selector(".fac-tr-download-pdf")
    with page.expect_download() as dl:
        page.click(".fac-tr-download-pdf")
    assert Path(dl.value.path()).read_bytes()[:5] == b"%PDF-"

    # Reveal the first step to every group.
    tab(page, "Informatie")
    page.click(".fac-tr-reveal-next")
    wait_text(page.locator(".fac-tr-open-steps"), "Wat er gebeurd is", timeout=45)
    shot(page, "training-reveal")

    # The groups work on their copies (here written to the store as another screen would).
    store = Store(srv.store)
    ids = copies(srv.store)
    order = ["Groep Rood", "Groep Blauw", "Groep Groen", "Groep Geel", "Groep Paars", "Groep Oranje"]
    assert set(ids) == set(order)
    for n, (group, cid) in enumerate(sorted(ids.items())):
        case = store.load(cid)
        assert tr.steps_in_order(case)[0].revealed is True
        e, _ = ops.add_item(
            case,
            f"{group}: bomma is bang dat papa opnieuw drinkt als hij alleen voor de kinderen zorgt.",
            element="danger_statement",
        )
        store.apply(cid, e, "group")
        case = store.load(cid)
        e, sid = ops.add_scale(case, "safety")
        store.apply(cid, e, "group")
        case = store.load(cid)
        for k, pid in enumerate(sorted(case.people)[:4]):
            store.apply(cid, ops.set_score(store.load(cid), sid, tr.EXERCISE_MEETING, pid, min(10, 2 + n + k)), "group")
        e, _ = ops.add_agreement(store.load(cid), f"{group}: nonkel Wim belt elke avond om 19 uur.", when="elke avond")
        store.apply(cid, e, "group")
        e, _ = ops.add_item(store.load(cid), f"{group}: Finn had een buil op zijn hoofd.", element="harm")
        store.apply(cid, e, "group")
        e, _ = ops.add_item(store.load(cid), f"{group}: bomma helpt al jaren.", element="strength")
        store.apply(cid, e, "group")
    tab(page, "Groepen vergelijken")
    page.click(".fac-tr-compare-refresh")
    # Every group's words and scores arrive (the table may be redrawn once more by the sync meanwhile).
    for expected in (
        "Groep Rood: nonkel Wim belt",
        "Groep Blauw: bomma is bang",
        "Groep Oranje: nonkel Wim",
        "midden:",
        "Groep Paars: Finn had een buil",
        "Groep Geel: bomma helpt al jaren",
    ):
        wait_text(page.locator(".fac-tr-compare-table"), expected, timeout=45)
    heads = page.locator(".fac-tr-compare-table thead th").all_inner_texts()[1:]
    assert heads == order  # in the order made
    # Six groups at 1280 px: every row header on whole words (none broken mid-word).
    for th in page.locator(".fac-tr-compare-table tbody th").all():
        words = th.inner_text().split()
        # The text's line boxes: a word broken mid-word makes more lines than words.
        lines = th.evaluate(
            "e => { const r = document.createRange(); r.selectNodeContents(e);"
            " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }"
        )
        assert lines <= max(1, len(words)), (th.inner_text(), lines)
        assert th.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), th.inner_text()
    shot(page, "training-compare-6-groups")

    # The group work tabs of the meeting dashboard are there, on the open group's copy.
    group_tabs = [t for t in page.locator(".fac-training .fac-tabs .lm-TabBar-tab").all_inner_texts()]
    assert len(group_tabs) >= 5
    if any("Drie kolommen" in t for t in group_tabs):
        tab(page, "Drie kolommen")
        page.wait_for_timeout(500)
        shot(page, "training-groupwork")

    # Reset every group in one action (asks first); the sample file is untouched.
    tab(page, "Oefening")
    page.click(".fac-tr-reset-all")
    wait_text(page.locator(".fac-tr-reset-all"), "Zeker?", timeout=45)
    page.click(".fac-tr-reset-all")
    wait_text(page.locator(".fac-status"), "Terug bij de start: 6 groepen", timeout=45)
    for cid in ids.values():
        case = store.load(cid)
        assert not case.agreements and not case.scores
        assert [i.element for i in case.items.values()] == ["bottom_line"] * len(case.items)
        assert not any(s.revealed for s in case.all("reveal"))
    store.close()
    assert sample_file.read_bytes() == before

    page.set_viewport_size({"width": 1920, "height": 1080})
    tab(page, "Rolkaarten")
    page.wait_for_timeout(400)
    shot(page, "training-cards-1080")
    assert watch.external == []
    assert not [e for e in watch.errors if "favicon" not in e]
