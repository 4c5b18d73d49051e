"""An export from a dashboard never replaces a file that is there unless the user says so (issue 15, safe files).

For each of the four dashboard exports (the plan's set of documents, the reflecting team's record, the training
role cards, the scaling table): the first export into an empty folder asks nothing; a second one writes nothing
and asks, naming the file(s) that are there; *Vervangen* writes the new content in their place; *Beide houden*
writes the new files beside them under one free number (`` (2)``), the old ones untouched.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from facilitation.domain import ops
from facilitation.store import Store
from facilitation.store.location import exports_dir
from facilitation.ui.plan import PlanView
from facilitation.ui.replace_question import ReplaceQuestion
from facilitation.ui.scaling import ScalingView
from facilitation.ui.session import Session
from facilitation.ui.training import Training
from tests.widgets.test_reflecting import screen_text, started
from tests.widgets.test_scaling import make_case as scaling_case
from tests.widgets.test_training import SAMPLE

OLD = b"the copy that was there: it must not be lost"


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "s.sqlite3")


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def asked(q: ReplaceQuestion) -> str:
    """What the question says on screen ("" when it is hidden)."""
    if q.widget.layout.display == "none":
        return ""
    return html.unescape(re.sub(r"<[^>]+>", " ", screen_text(q.widget)))


def two(path: Path) -> Path:
    return path.with_name(f"{path.stem} (2){path.suffix}")


# ---- the plan: the set of documents at the end of the meeting -------------------------------------------


@pytest.fixture
def plan(store):
    s = Session(store)
    case = ops.new_case("Familie Maes", "2026-10-01", [("Lina", 10)])
    edit, _ = ops.add_person(case, "Sara Maes", relation="mama")
    s.add_case(case.apply(edit))
    edit, mid = ops.add_meeting(s.case, "network_meeting", "2026-10-15", [])
    assert s.do(edit)
    s.set_meeting(mid)
    return s, PlanView(s)


def test_plan_export_asks_before_replacing_and_replaces_when_told(plan):
    s, view = plan
    q = view.exporter.question
    paths = view.export()  # the first export into an empty folder: no question, as always
    assert len(paths) == 9 and asked(q) == "" and s.status[1] == "ok"
    out = exports_dir(s.store.path)
    pdf = next(p for p in paths if p.name.endswith("veiligheidsplan.pdf"))
    pdf.write_bytes(OLD)
    before = folder_state(out)
    assert view.export() == []
    assert folder_state(out) == before  # nothing written, nothing replaced
    text = asked(q)
    assert "Deze 9 bestanden staan er al" in text and "nog niets geschreven" in text
    assert all(p.name in text for p in paths) and str(out) in text
    assert "Vervangen" in text and "Beide houden" in text
    assert s.status == (s.t("replace.asked"), "info")
    assert "fac-plan-replace" in q.widget._dom_classes and view.export_btn.disabled is False
    # In English, the same question.
    s.set_language("en")
    assert "These 9 files are there already" in asked(q) and "Keep both" in asked(q)
    s.set_language("nl")
    q.replace_btn.click()
    assert asked(q) == "" and pdf.read_bytes().startswith(b"%PDF")
    assert sorted(folder_state(out)) == sorted(before)  # the same eight names, no numbered copy
    assert "veiligheidsplan.pdf" in view.export_result.value and s.status[1] == "ok"


def test_plan_export_keeps_both_under_one_number_for_the_whole_set(plan):
    s, view = plan
    q = view.exporter.question
    first = view.export()
    out = exports_dir(s.store.path)
    first[0].write_bytes(OLD)
    for p in first[1:]:  # only one of the set is still there: that one is named, and still asked about
        p.unlink()
    taken = two(first[3])
    taken.write_bytes(b"someone's own copy")  # " (2)" is taken for one file: the whole set gets " (3)"
    assert view.export() == []
    text = asked(q)
    assert "Dit bestand staat er al" in text and first[0].name in text and first[1].name not in text
    assert sorted(folder_state(out)) == sorted([first[0].name, taken.name])
    q.both_btn.click()
    three = [p.with_name(f"{p.stem} (3){p.suffix}") for p in first]
    assert all(p.exists() for p in three) and not any(two(p).exists() for p in first if two(p) != taken)
    assert first[0].read_bytes() == OLD and taken.read_bytes() == b"someone's own copy"
    assert all(f"download='{p.name}'" in view.export_result.value for p in three)


def test_plan_question_is_gone_with_another_case(plan):
    s, view = plan
    view.export()
    view.export()
    assert asked(view.exporter.question)
    s.add_case(ops.new_case("Ander dossier", "2026-01-01", [("Kim", 5)]))
    assert asked(view.exporter.question) == ""


# ---- the reflecting team's record -------------------------------------------------------------------------


@pytest.fixture
def rt_session(store):
    s = Session(store)
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    for name, rel, sector in (("Rita Maes", "grootmoeder", "family"), ("An Claes", "consulent", "professional")):
        edit, _ = ops.add_person(case, name, relation=rel, sector=sector)
        case = case.apply(edit)
    s.add_case(case)
    return s


def test_reflecting_record_asks_replaces_and_keeps_both(rt_session, tmp_path):
    s = rt_session
    rec = started(s).parts[3]
    q = rec.question
    paths = rec.make_files()
    assert [p.suffix for p in paths] == [".docx", ".pdf", ".md"] and asked(q) == ""
    md = paths[2]
    md.write_bytes(OLD)
    out = tmp_path / "exports"
    before = folder_state(out)
    assert rec.make_files() == []
    assert folder_state(out) == before
    text = asked(q)
    assert "Deze 3 bestanden staan er al" in text and all(p.name in text for p in paths)
    assert "fac-rt-replace" in q.widget._dom_classes and s.status[1] == "info"
    q.replace_btn.click()
    assert "Verslag" in md.read_text(encoding="utf-8") and md.read_bytes() != OLD
    assert rec.downloads.value.count('href="data:') == 3
    md.write_bytes(OLD)
    assert rec.make_files() == [] and asked(q)
    q.both_btn.click()
    assert md.read_bytes() == OLD
    assert all(two(p).exists() and two(p).stat().st_mode & 0o777 == 0o600 for p in paths)
    assert f'download="{html.escape(two(md).name)}"' in rec.downloads.value
    assert "fac-rt-download-md" in rec.downloads.value and s.status[1] == "ok"


def test_reflecting_record_that_cannot_be_made_is_a_message(rt_session, tmp_path, monkeypatch):
    from facilitation.export import reflecting_record

    def broken(*_a, **_k):
        raise ZeroDivisionError

    rec = started(rt_session).parts[3]
    monkeypatch.setattr(reflecting_record, "render", broken)
    assert rec.make_files() == []  # no traceback: one sentence on the status line
    message, level = rt_session.status
    assert level == "error" and "kon niet gemaakt worden (ZeroDivisionError)" in message
    assert not (tmp_path / "exports").exists() or not list((tmp_path / "exports").iterdir())


# ---- the training role cards --------------------------------------------------------------------------------


def test_role_cards_ask_replace_and_keep_both(store, tmp_path):
    s = Session(store)
    root = Training(s)
    ex = root.parts[0]
    ex.source.value = SAMPLE
    ex.groups.value = "Groep Rood"
    assert ex.start(), s.status
    cv = next(p for p in root.parts if p.key == "tr-cards")
    q = cv.question
    [pdf] = cv.print_cards(None, "pdf")
    assert asked(q) == "" and pdf.read_bytes().startswith(b"%PDF")
    pdf.write_bytes(OLD)
    assert cv.print_cards(None, "pdf") == []
    assert pdf.read_bytes() == OLD and sorted(folder_state(tmp_path / "exports")) == [pdf.name]
    assert "Dit bestand staat er al" in asked(q) and pdf.name in asked(q)
    assert "fac-tr-replace" in q.widget._dom_classes
    q.replace_btn.click()
    assert pdf.read_bytes().startswith(b"%PDF") and "fac-tr-download-pdf" in cv.downloads.value
    assert cv.print_cards(None, "pdf") == [] and asked(q)
    q.both_btn.click()
    assert two(pdf).read_bytes().startswith(b"%PDF") and pdf.read_bytes().startswith(b"%PDF")
    assert f'download="{html.escape(two(pdf).name)}"' in cv.downloads.value
    # One card as Word is another file: written at once, nothing asked.
    first = cv.cards()[0]
    assert cv.print_cards(first.id, "docx") and asked(q) == ""


# ---- the scaling table ------------------------------------------------------------------------------------


def test_scores_csv_asks_replace_and_keep_both(store, tmp_path):
    s = Session(store)
    case, ids = scaling_case()
    s.add_case(case)
    edit, mid = ops.add_meeting(s.case, "network_meeting", "2026-10-15", [ids["rita"], ids["an"]])
    assert s.do(edit)
    s.set_meeting(mid)
    view = ScalingView(s)
    view.ask_safety.click()
    view._rows[ids["rita"]].click(5)
    q = view.csv_question
    path = Path(view.save_csv())
    assert asked(q) == "" and "Rita Maes" in path.read_text(encoding="utf-8-sig")
    path.write_bytes(OLD)
    view.csv_btn.click()
    assert path.read_bytes() == OLD and sorted(folder_state(tmp_path / "exports")) == [path.name]
    assert "Dit bestand staat er al" in asked(q) and path.name in asked(q)
    assert {"fac-scores-replace", "fac-professional-only"} <= set(q.widget._dom_classes)
    q.replace_btn.click()
    assert "Rita Maes" in path.read_text(encoding="utf-8-sig") and "fac-csv-link" in view.csv_out.value
    view._rows[ids["an"]].click(3)
    view.csv_btn.click()
    q.both_btn.click()
    assert "An Claes" in two(path).read_text(encoding="utf-8-sig")
    assert "An Claes" not in path.read_text(encoding="utf-8-sig")  # the first file is as it was
    assert str(two(path)) in html.unescape(view.csv_out.value) and s.status[1] == "ok"
