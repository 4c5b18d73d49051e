"""The export service: one error policy (a translated FacilitationError for every failure), progress, the same
map as the screen, role cards through the document model."""

from __future__ import annotations

import io
import os
import stat

import pytest
from docx import Document
from pypdf import PdfReader

from facilitation import samples
from facilitation.domain import ops
from facilitation.domain.errors import FacilitationError
from facilitation.export import charts
from facilitation.figures import map_layout
from facilitation.figures.map_seats import SeatBook
from facilitation.i18n import error_text
from facilitation.services import export as service
from facilitation.services.seats import seats_of
from facilitation.store import Store


@pytest.fixture(scope="module")
def case():
    return samples.load_sample("lina-en-noah")


def test_all_documents_with_progress(case, tmp_path):
    seen: list[tuple[int, int, str]] = []
    paths = service.export_all(case, tmp_path / "out", lang="nl", progress=lambda d, t, n: seen.append((d, t, n)))
    assert len(paths) == 9 and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in paths)
    total = len(service.FORMATS)
    assert [d for d, _, _ in seen] == list(range(total + 1)) and {t for _, t, _ in seen} == {total}
    assert seen[-1][2] == "" and seen[0][2].endswith("veiligheidsplan.docx")


def test_an_existing_file_is_not_overwritten_when_asked(case, tmp_path):
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"the judge's copy")
    with pytest.raises(FacilitationError) as err:
        service.export_case(case, "pdf", target, overwrite=False)
    assert err.value.code == "file_exists"
    assert "bestaat al" in error_text("nl", err.value) and "already exists" in error_text("en", err.value)
    assert target.read_bytes() == b"the judge's copy"
    assert service.export_case(case, "pdf", target)[0].read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_said_in_words(case, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(FacilitationError) as err:
            service.export_case(case, "md", locked / "s.md")
        assert err.value.code in ("no_write_permission", "folder_not_writable")
    finally:
        locked.chmod(0o700)


def test_a_path_that_cannot_be_a_folder_is_said_in_words(case, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(FacilitationError) as err:
        service.export_case(case, "md", blocker / "sub" / "s.md")
    assert err.value.code == "cannot_write"
    assert str(blocker) in error_text("nl", err.value) and "kan niet geschreven worden" in error_text("nl", err.value)
    with pytest.raises(FacilitationError) as err2:
        service.export_all(case, blocker / "sub")
    assert err2.value.code == "cannot_write" and str(blocker) in error_text("nl", err2.value)


def test_a_bug_is_one_sentence_and_nothing_is_written(case, tmp_path, monkeypatch):
    from facilitation import export as exp

    def broken(*a, **k):
        raise ZeroDivisionError

    monkeypatch.setattr(exp, "render_bytes", broken)
    with pytest.raises(FacilitationError) as err:
        service.export_case(case, "pdf", tmp_path / "x.pdf")
    assert err.value.code == "export_failed" and "Er werd niets bewaard" in error_text("nl", err.value)
    assert not list(tmp_path.iterdir())


def test_the_cycle_collector_rests_while_a_document_is_rendered_and_works_again_after(case, tmp_path, monkeypatch):
    """Rendering does not pay for full collections over the kernel's heap; a failed render does not leave the
    collector off (the kernel's memory would only grow)."""
    import gc

    from facilitation import export as exp

    real = exp.render_bytes
    during: list[bool] = []

    def watched(*a, **k):
        during.append(gc.isenabled())
        return real(*a, **k)

    monkeypatch.setattr(exp, "render_bytes", watched)
    assert gc.isenabled()
    service.export_all(case, tmp_path / "out", lang="nl")
    assert during and not any(during) and gc.isenabled()

    def broken(*a, **k):
        raise ZeroDivisionError

    monkeypatch.setattr(exp, "render_bytes", broken)
    with pytest.raises(FacilitationError):
        service.export_case(case, "pdf", tmp_path / "x.pdf")
    assert gc.isenabled()


def test_unknown_meeting_and_version_are_refused_in_words(case, tmp_path):
    with pytest.raises(FacilitationError):
        service.export_case(case, "md", tmp_path / "x.md", meeting_id="m-nope")
    with pytest.raises(FacilitationError) as err:
        service.export_case(case, "md", tmp_path / "x.md", version_id="v-9")
    assert "versie v-9 van het plan bestaat niet" in error_text("nl", err.value)


def test_the_printed_map_uses_the_screens_seats_and_hand_placed_people(tmp_path):
    """One layout: the seats the network screen reads from the change log, and a person moved by hand."""
    store = Store(tmp_path / "s.db")
    case = ops.new_case("Familie Test", "2026-01-05", [("Yasmine", 6)])
    cid = store.add_case(case, "t")
    for name in ("Zoë", "Anna", "Mo"):  # arrival order differs from id order only through the log
        case = store.load(cid)
        edit, _ = ops.add_person(case, name, sector="family", closeness=1)
        store.apply(cid, edit, "t")
    case = store.load(cid)
    seats = seats_of(store, case)
    assert seats is not None and set(seats) == {p.id for p in case.people.values() if not p.is_child}
    book = SeatBook()
    book.start(case, store.changes_since(case.id, 0))
    assert seats == book.seats(case)
    anna = next(p for p in case.people.values() if p.name == "Anna")
    moved = case.apply(ops.update(case, "person", anna.id, x=-5.5, y=3.9))
    places = map_layout.layout(moved, seats)
    assert (places[anna.id].x, places[anna.id].y) == (-5.5, 3.9)
    charts.clear_cache()
    a = charts.network_png(moved, "nl", seats)
    b = charts.network_png(case, "nl", seats)
    assert a != b  # the hand-placed position is drawn


def test_role_cards_are_rendered_through_the_document_model():
    from facilitation.domain import training
    from facilitation.i18n import translate

    case = samples.load_sample("mila-en-finn")
    cards = training.role_cards_from_people(case, lambda key, **kw: translate("nl", f"training.gen.{key}", **kw))
    assert len(cards) >= 5
    pdf = service.role_cards(cards, "nl", "Mila en Finn", "pdf")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == len(cards)
    assert "Wat je weet" in reader.pages[0].extract_text() and cards[0].role in reader.pages[0].extract_text()
    doc = Document(io.BytesIO(service.role_cards(cards, "en", "Mila and Finn", "docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "What you know" in text and all(c.role in text for c in cards)
    with pytest.raises(FacilitationError):
        service.role_cards(cards, "nl", "x", "odt")


def test_save_writes_private_files_with_the_same_policy(tmp_path):
    p = service.save(tmp_path, "kaart.pdf", b"%PDF-1.4")
    assert stat.S_IMODE(p.stat().st_mode) == 0o600
    with pytest.raises(FacilitationError) as err:
        service.save(tmp_path, "kaart.pdf", b"x", overwrite=False)
    assert err.value.code == "file_exists"


def test_a_set_is_written_whole_or_not_at_all_and_kept_beside_under_one_number(tmp_path):
    files = [("verslag.docx", b"docx"), ("verslag.pdf", b"pdf"), ("verslag.md", b"md")]
    (tmp_path / "verslag.pdf").write_bytes(b"old")
    (tmp_path / "verslag (2).md").write_bytes(b"someone's")
    with pytest.raises(FacilitationError) as err:
        service.save_all(tmp_path, files, overwrite=False)
    assert err.value.code == "file_exists" and [p.name for p in err.value.paths] == ["verslag.pdf"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["verslag (2).md", "verslag.pdf"]  # nothing written
    kept = service.save_all(tmp_path, files, keep_both=True)
    assert [p.name for p in kept] == ["verslag (3).docx", "verslag (3).pdf", "verslag (3).md"]
    assert (tmp_path / "verslag.pdf").read_bytes() == b"old" and (
        tmp_path / "verslag (2).md"
    ).read_bytes() == b"someone's"
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in kept)
    assert service.save(tmp_path, "verslag.pdf", b"new", overwrite=True).read_bytes() == b"new"


def test_export_all_writes_nothing_when_one_file_of_the_set_is_there(case, tmp_path):
    first = service.export_all(case, tmp_path)
    last = first[-1]
    for p in first[:-1]:
        p.unlink()
    last.write_bytes(b"old")
    with pytest.raises(FacilitationError) as err:
        service.export_all(case, tmp_path, overwrite=False)
    assert [p.name for p in err.value.paths] == [last.name]
    assert [p.name for p in tmp_path.iterdir()] == [last.name] and last.read_bytes() == b"old"
    kept = service.export_all(case, tmp_path, keep_both=True)
    assert [p.name for p in kept] == [f"{p.stem} (2){p.suffix}" for p in first] and last.read_bytes() == b"old"
