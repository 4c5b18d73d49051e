"""How many actions a realistic new case takes through the real dashboard (issue 22, "Done means").

Run: .venv/bin/python tests/bench/actions.py [--verbose] [--headed]

A browser (Debian's Chromium, as the browser tests launch it) enters the issue's case as a consultant would
with today's fastest paths: a new case with two children; twelve adults pasted at once into quick add;
seventeen ties drawn by dragging on the map (a menu asks which kind); three meetings with "everyone on the
map who is here"; fifteen column items typed with a speaker's first letters ("ka: ...") and the element by
Alt+number; the safety scale at each meeting, a round of keys after the first name; four agreements with N,
the owner and backup chosen, Ctrl+Enter. Every user action is counted: a click, a choice in a dropdown, a
key press that is not typing text, a text typed into a field (one), a paste (one), a drag (one). Waiting
for the screen to answer is part of each part's time, as it is for the user. At the end the store is read
to check that everything was stored, and a table per part is printed against the issue's before figures.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from facilitation.store import Store  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, open_dashboard, start_server, text, wait_text  # noqa: E402

CHILDREN = "Lotte Peeters, 15\nNoor Peeters, 13"

ADULTS = """Katrien Peeters, mama, familie, heel dichtbij
Bart Peeters, papa, familie, dichtbij
Rita Maes, oma, familie, heel dichtbij
Marc Maes, opa, familie, dichtbij
Lieke Janssens, tante, familie, dichtbij
Nadia Amrani, buurvrouw, vrienden en buren, dichtbij
Youssef El Idrissi, vriend van Bart, vrienden en buren, verder weg
Els Wouters, juf van Noor, school, dichtbij
Pieter Claes, CLB-medewerker, school, verder weg
An Claes, consulent, professionelen, verder weg
Tom De Backer, gezinsbegeleider, professionelen, dichtbij
Sofie Vermeulen, huisarts, professionelen, verder weg"""

TIES = (  # (first name, first name, kind in the menu)
    ("Katrien", "Rita", "family"),
    ("Rita", "Marc", "family"),
    ("Katrien", "Lieke", "family"),
    ("Lotte", "Noor", "family"),
    ("Katrien", "Bart", "conflict"),
    ("Bart", "Rita", "conflict"),
    ("Rita", "Lotte", "support"),
    ("Rita", "Noor", "support"),
    ("Lieke", "Noor", "support"),
    ("Marc", "Noor", "support"),
    ("Nadia", "Katrien", "support"),
    ("Youssef", "Bart", "support"),
    ("Els", "Noor", "support"),
    ("Pieter", "Lotte", "support"),
    ("Tom", "Katrien", "support"),
    ("An", "Katrien", "support"),
    ("Sofie", "Katrien", "support"),
)

ITEMS: tuple[tuple[int, Any], ...] = (  # (element number, "first letters of who said it: what was said")
    # The danger statement (2) is written in its guided form: three questions make one sentence.
    (1, "ka: Er waren twee keer blauwe plekken bij Noor"),
    (1, "an: Lotte bleef drie keer thuis van school na een ruzie"),
    (1, "lo: Ik hoor ze 's avonds roepen"),
    (2, ("De consulent en oma Rita", "mama en papa ruzie maken tot er geslagen wordt", "Noor opnieuw gewond raakt")),
    (3, "bar: Papa werkt 's nachts en slaapt overdag"),
    (3, "ka: Mama heeft geen auto"),
    (4, "ri: Oma haalt de kinderen elke dag op"),
    (4, "lo: Ik kook graag met mama"),
    (4, "els: Noor doet goed haar best op school"),
    (5, "ka: Toen oma bleef slapen, was er geen ruzie"),
    (5, "no: Op zondag gaan we samen wandelen"),
    (6, "ri: Noor mag altijd bij oma slapen"),
    (7, "an: Iedereen weet dat Noor en Lotte veilig zijn, ook als mama en papa ruzie hebben"),
    (9, "to: Tom komt elke dinsdag langs"),
    (9, "an: Het volgende netwerkoverleg is over zes weken"),
)

MEETINGS = (("", "2026-10-14"), ("Tussentijdse evaluatie", "2026-11-25"), ("Tweede netwerkoverleg", "2027-01-13"))

ROUNDS = ("35574926843t54", "45665837586456", "67776958677567")  # a round of keys per meeting (t = 10)

AGREEMENTS = (
    ("Oma Rita haalt Lotte en Noor elke schooldag op om 15.30 uur.", "Rita", "Marc", "elke schooldag"),
    ("Mama belt Tom als er ruzie dreigt.", "Katrien", "Lieke", "als het nodig is"),
    ("Noor mag altijd bij oma slapen als ze dat wil.", "Rita", "Nadia", "altijd"),
    ("Papa en mama praten niet over ruzies waar de kinderen bij zijn.", "Bart", "Katrien", "elke dag"),
)

BEFORE = {"network": 171, "columns": 108, "plan": 45}
"""The issue's count of a first try with the features before it (about 450 in all)."""
BEFORE_TOTAL = 450
TARGET = 200

PARTS = ("case", "network", "meetings", "columns", "scaling", "plan")

MAP_PEOPLE = """() => {
  const gd = document.querySelector('.fac-network .fac-net-plot .fac-plot-area');
  const out = [];
  for (const tr of (gd.data || []).filter((t) => t.name === 'people' || t.name === 'children')) {
    tr.customdata.forEach((id, i) => out.push({id: Array.isArray(id) ? id[0] : id, x: tr.x[i], y: tr.y[i]}));
  }
  return out;
}"""

TO_SCREEN = """([x, y]) => {
  const gd = document.querySelector('.fac-network .fac-net-plot .fac-plot-area');
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, r = gd.getBoundingClientRect();
  return [r.left + xa._offset + xa.l2p(x), r.top + ya._offset + ya.l2p(y)];
}"""


CURSOR_IN_FIELD = """() => { const a = document.activeElement;
  return a && a.closest('.fac-columns') && ['INPUT', 'TEXTAREA'].includes(a.tagName) && a.offsetParent !== null; }"""


@dataclass
class Counter:
    """The user's actions, by part, with the seconds each part took."""

    page: Any
    store: Path
    verbose: bool = False
    names: dict[str, str] = field(default_factory=dict)
    part: str = ""
    actions: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    _started: float = 0.0

    def begin(self, part: str) -> None:
        self.end()
        self.part, self._started = part, time.perf_counter()
        self.actions.setdefault(part, 0)

    def end(self) -> None:
        if self.part:
            self.seconds[self.part] = self.seconds.get(self.part, 0.0) + time.perf_counter() - self._started
            self.part = ""

    def count(self, kind: str, what: str) -> None:
        self.actions[self.part] += 1
        if self.verbose:
            print(f"  {self.part:<9} {self.actions[self.part]:>3}  {kind:<6} {what}")

    # ---- the actions -----------------------------------------------------------------------------

    def click(self, css: str, what: str = "") -> None:
        self.page.locator(css).first.click()
        self.count("click", what or css)

    def choose(self, css: str, contains: str) -> None:
        options = self.page.locator(f"{css} option")
        for i in range(options.count()):
            label = str(options.nth(i).text_content())
            if contains in label.replace("\xa0", " "):
                self.page.locator(css).select_option(label=label)
                self.count("choose", f"{contains!r} in {css}")
                return
        raise AssertionError(f"no option containing {contains!r} in {css}")

    def type(self, words: str, css: str = "") -> None:
        """Text typed into the field that has the focus (or into ``css``, clicked first: a second action)."""
        if css:
            self.click(css)
        self.page.keyboard.type(words)
        self.count("type", repr(words[:60]))

    def paste(self, css: str, words: str) -> None:
        self.page.locator(css).fill(words)
        self.count("paste", f"{len(words.splitlines())} lines into {css}")

    def key(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.count("key", key)

    def drag(self, start: tuple[float, float], end: tuple[float, float], what: str) -> None:
        m = self.page.mouse
        m.move(*start)
        m.down()
        m.move((start[0] + end[0]) / 2, (start[1] + end[1]) / 2, steps=6)
        m.move(*end, steps=6)
        m.up()
        self.count("drag", what)


def tab(c: Counter, name: str) -> None:
    c.page.locator(".fac-tabs .lm-TabBar-tab", has_text=re.compile(f"^{re.escape(name)}$")).click()
    c.count("click", f"tab {name}")


def map_revision(page: Any) -> int:
    return int(page.locator(".fac-network .fac-net-plot").get_attribute("data-revision") or "0")


def wait_map(page: Any, after: int) -> None:
    page.wait_for_function(
        f"() => +document.querySelector('.fac-network .fac-net-plot').dataset.revision > {after}", timeout=30_000
    )


def settle_map(page: Any, quiet_s: float = 0.6) -> None:
    last, since = map_revision(page), time.time()
    while time.time() - since < quiet_s:
        page.wait_for_timeout(100)
        now = map_revision(page)
        if now != last:
            last, since = now, time.time()


def new_case(c: Counter) -> None:
    c.begin("case")
    c.click(".fac-new-case", "new case")
    c.type("Familie Peeters", ".fac-nc-title input")
    c.click(".fac-nc-start input")
    c.page.locator(".fac-nc-start input").fill("2026-10-01")  # the date typed into the focused picker
    c.count("type", "2026-10-01")
    c.type(CHILDREN, ".fac-nc-children textarea")
    c.click(".fac-nc-create", "create")
    c.page.wait_for_selector(".fac-msg-ok")


def network(c: Counter, people: dict[str, str]) -> None:
    c.begin("network")
    page = c.page
    tab(c, "Netwerk")
    page.wait_for_selector(".fac-network.fac-net-sized .fac-plot.fac-plot-ready", state="visible")
    settle_map(page)
    c.paste(".fac-network .fac-quick-add textarea", ADULTS)
    wait_text(page.locator(".fac-network .fac-quick-add-btn"), "Deze 12 toevoegen")
    n = map_revision(page)
    c.click(".fac-network .fac-quick-add-btn", "add these 12")
    wait_map(page, n)
    settle_map(page)
    people.update(stored_first_names(c))
    for a, b, kind in TIES:
        tie(c, people, a, b, kind)


def tie(c: Counter, people: dict[str, str], a: str, b: str, kind: str) -> None:
    page = c.page
    full = {first: c.names[pid] for first, pid in people.items()}
    on_map = {d["id"]: (d["x"], d["y"]) for d in page.evaluate(MAP_PEOPLE)}
    start = page.evaluate(TO_SCREEN, list(on_map[people[a]]))
    end = page.evaluate(TO_SCREEN, list(on_map[people[b]]))
    c.drag(start, end, f"{a} → {b}")
    menu = page.locator(".fac-network .fac-tie-menu")
    wait_text(menu, f"Welke band tussen {full[a]} en {full[b]}?")
    n = map_revision(page)
    c.click(f".fac-network .fac-tie-menu-{kind}", kind)
    wait_map(page, n)
    settle_map(page, 0.3)


def new_meeting(c: Counter, kind: str, day: str) -> None:
    c.begin("meetings")
    page = c.page
    c.click(".fac-new-meeting", "new meeting")
    form = page.locator(".fac-new-meeting-form")
    form.wait_for(state="visible")
    if kind:
        c.choose(".fac-nm-kind select", kind)
    c.click(".fac-new-meeting-form .fac-nm-date input")
    form.locator(".fac-nm-date input").fill(day)
    c.count("type", day)
    c.click(".fac-new-meeting-form .fac-nm-present .fac-checklist-all", "everyone on the map is here")
    wait_text(form.locator(".fac-nm-present .fac-checklist-count"), "14")
    c.click(".fac-new-meeting-form .fac-nm-start", "start")
    form.wait_for(state="hidden")


def columns(c: Counter) -> None:
    c.begin("columns")
    page = c.page
    tab(c, "Drie kolommen")
    page.wait_for_selector(".fac-columns .fac-columns-speakers button", timeout=60_000)
    field_css = ".fac-columns .fac-columns-add-text input"
    c.click(field_css, "the add field")
    element = 0
    for n, (number, said) in enumerate(ITEMS, 1):
        if number != element:
            c.key(f"Alt+{number}")
            element = number
            page.wait_for_function(
                f"document.querySelector('.fac-columns-add-element select').selectedIndex === {number - 1}"
            )
            page.wait_for_function(CURSOR_IN_FIELD)  # the user sees the cursor in the add field, then types
        if isinstance(said, tuple):  # the guided danger statement: a question a field, Tab to the next
            for i, answer in enumerate(said):
                if i:
                    c.key("Tab")
                c.type(answer)
            c.click(".fac-columns .fac-columns-add-btn", "add")
            wait_stored(c, "items", n)
            continue
        c.type(said)
        c.key("Enter")
        page.wait_for_function(f"document.querySelector('{field_css}').value === ''", timeout=30_000)
        wait_stored(c, "items", n)
        # The user sees it in its column before saying the next; typed sooner, the kernel's late clearing of
        # the field can swallow the first letters (reported in issue 22's notes).
        wait_text(page.locator(".fac-columns .fac-col-grid"), said.split(": ", 1)[1], 30)


def scaling(c: Counter, keys: str) -> None:
    c.begin("scaling")
    page = c.page
    tab(c, "Schaalvragen")
    either = ".fac-scaling .fac-ask-safety:visible, .fac-scaling .fac-score-row:visible"
    page.locator(either).first.wait_for(timeout=60_000)
    if page.locator(".fac-scaling .fac-ask-safety").is_visible():
        c.click(".fac-scaling .fac-ask-safety", "ask the safety scale")
    rows = page.locator(".fac-scaling .fac-score-row")
    rows.first.wait_for(timeout=60_000)
    if rows.count() != len(keys):
        raise AssertionError(f"{rows.count()} people to score, {len(keys)} expected")
    c.click(".fac-scaling .fac-score-row .fac-score-name", "the first name")
    page.wait_for_selector(".fac-scaling .fac-score-row.fac-score-selected")
    for k in keys:
        c.key(k)
    wait_text(page.locator(".fac-scaling .fac-score-count"), f"{len(keys)} van {len(keys)} gescoord", 30)


def plan(c: Counter) -> None:
    c.begin("plan")
    page = c.page
    tab(c, "Veiligheidsplan")
    page.wait_for_selector(".fac-plan .fac-plan-checks h3", state="visible", timeout=60_000)
    form = ".fac-plan .fac-plan-form"
    for n, (what, owner, backup, when) in enumerate(AGREEMENTS, 1):
        page.locator(".fac-plan .fac-plan-checks h3").click()  # (not counted) nothing has the focus: as after a save
        c.key("n")
        page.wait_for_function(f"document.activeElement === document.querySelector('{form} .fac-plan-what textarea')")
        c.type(what)
        c.choose(f"{form} .fac-plan-owner select", owner)
        c.choose(f"{form} .fac-plan-backup select", backup)
        c.type(when, f"{form} .fac-plan-when input")
        c.key("Control+Enter")
        page.wait_for_function(f"document.querySelectorAll('.fac-plan .fac-plan-row').length === {n}", timeout=30_000)


def stored_first_names(c: Counter) -> dict[str, str]:
    case = the_case(c.store)
    c.names = {p.id: p.name for p in case.people.values()}
    return {p.name.split()[0]: p.id for p in case.people.values()}


def wait_stored(c: Counter, what: str, n: int, timeout_s: float = 30.0) -> None:
    """Wait until the store holds ``n`` of ``what`` (the screen said so already; the store is the proof)."""
    deadline = time.time() + timeout_s
    while len(getattr(the_case(c.store), what)) < n:
        if time.time() > deadline:
            c.page.screenshot(path=f"{tempfile.gettempdir()}/fac-actions-{what}.png")
            raise AssertionError(f"{what}: {len(getattr(the_case(c.store), what))} stored, {n} expected")
        c.page.wait_for_timeout(100)


def the_case(store_path: Path) -> Any:
    store = Store(store_path)
    (summary,) = store.list_cases()
    return store.load(summary.id)


def check_store(store_path: Path) -> list[str]:
    """What is missing from the store, as sentences (empty: all is there)."""
    case = the_case(store_path)
    want = {
        "people": (len(case.people), 14),
        "ties": (len(case.ties), len(TIES)),
        "items": (len(case.items), len(ITEMS)),
        "meetings": (len(case.meetings), len(MEETINGS)),
        "scores": (len(case.scores), 14 * len(MEETINGS)),
        "agreements": (len(case.agreements), len(AGREEMENTS)),
    }
    wrong = [f"{name}: {got} stored, {expected} entered" for name, (got, expected) in want.items() if got != expected]
    said = [t for _n, t in ITEMS if isinstance(t, str)]
    by_text = {i.text: i for i in case.items.values()}
    for line in said:
        prefix, words = line.split(": ", 1)
        item = by_text.get(words)
        who = case.people.get(item.author) if item is not None else None
        if who is None or not any(w.lower().startswith(prefix) for w in (*who.name.split(), who.relation)):
            wrong.append(f"{line!r} stored as {item.text if item else None!r} by {who.name if who else None}")
    owned = sum(1 for a in case.agreements.values() if a.owner and a.backup)
    if owned != len(AGREEMENTS):
        wrong.append(f"agreements with owner and backup: {owned} of {len(AGREEMENTS)}")
    print("stored: " + ", ".join(f"{got} {name}" for name, (got, _e) in want.items()))
    if wrong or len(case.items) != len(ITEMS):
        print("items: " + " | ".join(f"{i.element}: {i.text}" for i in case.items.values()))
    return wrong


def table(c: Counter) -> str:
    lines = [f"{'part':<10}{'actions':>8}{'seconds':>9}{'before':>8}"]
    for part in PARTS:
        before = BEFORE.get(part)
        lines.append(
            f"{part:<10}{c.actions.get(part, 0):>8}{c.seconds.get(part, 0.0):>9.1f}{before if before else '—':>8}"
        )
    total, secs = sum(c.actions.values()), sum(c.seconds.values())
    lines.append(f"{'total':<10}{total:>8}{secs:>9.1f}{'≈' + str(BEFORE_TOTAL):>8}")
    verdict = "met" if total <= TARGET else "NOT met"
    lines.append(f"target ≤ {TARGET} actions: {verdict}; {secs / 60:.1f} minutes with the screen's answers")
    return "\n".join(lines)


def enter_the_case(c: Counter) -> None:
    people: dict[str, str] = {}
    new_case(c)
    network(c, people)
    new_meeting(c, *MEETINGS[0])
    columns(c)
    scaling(c, ROUNDS[0])
    plan(c)
    for (kind, day), keys in zip(MEETINGS[1:], ROUNDS[1:], strict=True):
        new_meeting(c, kind, day)
        scaling(c, keys)
    c.end()


def run(verbose: bool, headed: bool) -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="fac-actions-") as tmp:
        store_path = Path(tmp) / "store.sqlite3"
        # The kernels import the code beside this script, not whatever the environment installed.
        srv = start_server(store_path, None, "nl", env={"PYTHONPATH": str(ROOT)})
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=not headed)
                ctx = browser.new_context(viewport={"width": 1280, "height": 720})
                page = ctx.new_page()
                open_dashboard(page, srv.url)
                c = Counter(page, store_path, verbose)
                try:
                    enter_the_case(c)
                except Exception:
                    page.screenshot(path=f"{tempfile.gettempdir()}/fac-actions-failed.png")
                    raise
                status = text(page.locator(".fac-status"))
                browser.close()
        finally:
            srv.stop()
        wrong = check_store(store_path)
    print(table(c))
    if wrong:
        print("NOT STORED: " + "; ".join(wrong) + f" (last message: {status!r})")
        return 1
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list every action as it is made")
    ap.add_argument("--headed", action="store_true", help="show the browser")
    args = ap.parse_args()
    return run(args.verbose, args.headed)


if __name__ == "__main__":
    sys.exit(main())
