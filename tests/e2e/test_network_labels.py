"""A map that can be read (issue 14.5): in the browser, no two names on the map overlap, and no name is
cut below the whole first name, with 25 people at 1280×720 and 1024×768 and with 80 at 1280×720.

The boxes are the browser's own: every SVG text of the map (names, names set apart, the children's
names, the ring and sector names, the Family Finding signs). The names beside their markers are 'point's;
the names set apart, the signs and the ring and sector names are 'note's.
"""

from __future__ import annotations

import itertools
import re

import pytest

from facilitation.domain import ops
from facilitation.samples import large_case, load_sample
from facilitation.store import casefile

from .conftest import open_dashboard, shot
from .test_network import fitted, settle

BOXES = """() => {
  const svg = document.querySelector('.fac-network .fac-net-plot svg.main-svg');
  const out = [];
  for (const root of document.querySelectorAll('.fac-network .fac-net-plot svg')) {
    for (const t of root.querySelectorAll('g.textpoint text, g.annotation-text-g text')) {
      const r = t.getBoundingClientRect();
      if (!r.width || !r.height || !(t.textContent || '').trim()) continue;
      const note = t.closest('g.annotation-text-g, g.traceapart, g.tracebadges, g.tracemap-texts');
      out.push({text: t.textContent, x0: r.left, x1: r.right, y0: r.top, y1: r.bottom,
                kind: note ? 'note' : 'point'});
    }
  }
  return out;
}"""

MARKERS = """() => {
  const out = [];
  const people = [...document.querySelectorAll('.fac-network .fac-net-plot g.trace.scatter')];
  for (const g of people) {
    for (const p of g.querySelectorAll('g.points path.point')) {
      const sw = parseFloat(p.style.strokeWidth || '0'), fo = parseFloat(p.style.fillOpacity || '1');
      if (fo === 0 && !(sw > 0)) continue;  // a tie's invisible hover point
      const r = p.getBoundingClientRect();
      if (r.width > 8 && r.width < 20) out.push({x0: r.left, x1: r.right, y0: r.top, y1: r.bottom});
    }
  }
  return out;
}"""


def _overlap(a: dict, b: dict, tol: float = 0.5) -> bool:
    return a["x0"] + tol < b["x1"] and b["x0"] + tol < a["x1"] and a["y0"] + tol < b["y1"] and b["y0"] + tol < a["y1"]


def open_map(page, url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, url)
    page.locator(".fac-tabs .lm-TabBar-tab", has_text=re.compile("^(Netwerk|Network)$")).click()
    page.wait_for_selector(".fac-network.fac-net-sized .fac-plot.fac-plot-ready", state="visible")
    fitted(page)
    settle(page)


def check_readable(page, case) -> list[dict]:  # type: ignore[no-untyped-def]
    texts = page.evaluate(BOXES)
    assert texts, "no names on the map"
    clashes = [(a["text"], b["text"]) for a, b in itertools.combinations(texts, 2) if _overlap(a, b)]
    assert clashes == [], clashes[:10]
    # Names do not sit on top of a marker either (a name's own marker is beside it, never under it).
    markers = page.evaluate(MARKERS)
    names = [t for t in texts if t["kind"] == "point"]
    on_marker = [n["text"] for n in names for m in markers if _overlap(n, m, tol=1.5)]
    assert on_marker == [], on_marker[:10]
    # Never cut below the whole first name.
    shown = " | ".join(t["text"].replace("\xa0", " ") for t in texts)
    for p in case.people.values():
        first = p.name.split(" ")[0]
        if p.is_child:
            continue
        assert first in shown, (p.name, shown[:400])
    return texts


def twenty_five(tmp_path):  # type: ignore[no-untyped-def]
    case = load_sample("jonas-17")
    extra = [
        ("Fatima El Amrani", "family", 1),
        ("Youssef El Amrani", "family", 2),
        ("Wilhelmina Vandenbroucke-De Smet", "family", 2),
        ("Consulent Annemie Vermeersch", "professional", 2),
        ("Jean-Pierre Van Den Bossche", "friends", 2),
        ("Marie-Thérèse Janssens", "friends", 1),
        ("Kobe Verstraete", "school", 2),
        ("Ilse Wuyts", "school", 1),
    ]
    for name, sector, ring in extra:
        edit, _ = ops.add_person(case, name, sector=sector, closeness=ring, relation="")
        case = case.apply(edit)
    assert len(case.people) == 25
    path = tmp_path / "vijfentwintig.json"
    path.write_text(casefile.dumps(case), encoding="utf-8")
    return case, path


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_twenty_five_people_are_readable(make_server, page, tmp_path, size):
    case, path = twenty_five(tmp_path)
    srv = make_server(case=str(path))
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_map(page, srv.url)
    check_readable(page, case)
    shot(page, f"network-25-{size[0]}")


def test_eighty_people_no_two_names_overlap(make_server, page, tmp_path):
    case = large_case()
    path = tmp_path / "large.json"
    path.write_text(casefile.dumps(case), encoding="utf-8")
    srv = make_server(case=str(path))
    open_map(page, srv.url)
    texts = check_readable(page, case)
    # Most names beside their marker; on so full a map some are set a little apart, with a line to it.
    assert len([t for t in texts if t["kind"] == "point"]) >= 50
    shot(page, "network-80-1280")
