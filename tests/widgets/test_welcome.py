"""The welcome on a first start: a sample case, a new case or a case file, never an empty screen."""

from __future__ import annotations

import json

import pytest

from facilitation import samples
from facilitation.domain import ops
from facilitation.store import Store, casefile
from facilitation.ui.session import Session
from facilitation.ui.shell import Shell


@pytest.fixture
def first_start(tmp_path):
    """A new user's dashboard: an empty store, no case open."""
    store = Store(tmp_path / "new.sqlite3")
    session = Session(store)
    return Shell(session), store


def shown(widget) -> bool:  # type: ignore[no-untyped-def]
    return widget.layout.display != "none"


def upload(shell: Shell, name: str, raw: bytes) -> None:
    """What the browser sends when a file is chosen."""
    sent = {"name": name, "type": "application/json", "size": len(raw), "content": memoryview(raw), "last_modified": 0}
    shell.welcome.upload.set_state({"value": [sent]})


def case_file_bytes() -> bytes:
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    return casefile.dumps(case).encode("utf-8")


def test_a_first_start_shows_the_welcome_with_the_sample_cases(first_start):
    shell, _ = first_start
    assert shown(shell.empty) and not shown(shell.tabs)
    w = shell.welcome
    assert "fac-welcome" in w.widget._dom_classes
    texts = [c.value for c in w.widget.children[:2]]
    assert texts == ["Welkom", "Er is nog geen dossier geopend. Hoe wil je beginnen?"]
    labels = [b.description for b in w.sample_list.children]
    assert labels == [samples.load_sample(n).info.title for n in samples.sample_names()]
    assert any(label.startswith("Jonas (17)") for label in labels)
    assert w.new_button.description == "Nieuw dossier" and w.upload.description == "Bestand kiezen"


def test_opening_a_sample_stores_it_and_shows_the_parts(first_start):
    shell, store = first_start
    jonas = next(b for b in shell.welcome.sample_list.children if b.description.startswith("Jonas"))
    jonas.click()
    case = shell.session.case
    assert case is not None and case.info.title.startswith("Jonas (17)")
    assert [c.id for c in store.list_cases()] == [case.id]
    assert not shown(shell.empty) and shown(shell.tabs)
    assert "Voorbeelddossier geopend: Jonas (17)" in shell.status.value
    # Another first screen on the same store opens the stored sample, edits and all; no second copy.
    again = Shell(Session(store))
    next(b for b in again.welcome.sample_list.children if b.description.startswith("Jonas")).click()
    assert again.session.case.id == case.id and len(store.list_cases()) == 1


def test_new_case_opens_the_new_case_form(first_start):
    shell, store = first_start
    assert not shown(shell.new_case_form)
    shell.welcome.new_button.click()
    assert shown(shell.new_case_form)
    shell.nc_title.value = "Familie Peeters"
    shell.nc_children.value = "Lina, 10"
    assert shell.create_case()
    assert not shown(shell.empty) and [c.title for c in store.list_cases()] == ["Familie Peeters"]


def test_importing_a_case_file_stores_and_opens_it(first_start):
    shell, store = first_start
    upload(shell, "maes.json", case_file_bytes())
    assert shell.session.case is not None and shell.session.case.info.title == "Familie Maes"
    assert "Dossier geïmporteerd en geopend: Familie Maes" in shell.status.value
    assert shell.welcome.upload.value == ()  # ready for the next file
    assert not shown(shell.empty)
    # The same file again (from another first screen) is a copy, never an overwrite.
    other = Shell(Session(store))
    upload(other, "maes.json", case_file_bytes())
    assert len(store.list_cases()) == 2 and other.session.case.id != shell.session.case.id


def test_a_faulty_case_file_is_refused_clearly_and_nothing_is_stored(first_start):
    shell, store = first_start
    data = json.loads(case_file_bytes())
    data["people"][0]["closeness"] = 11
    upload(shell, "kapot.json", json.dumps(data).encode("utf-8"))
    status = shell.status.value
    assert "‘kapot.json’ is niet geïmporteerd" in status and "people[0].closeness" in status
    assert "fac-msg-error" in status
    assert store.list_cases() == [] and shell.session.case is None and shown(shell.empty)
    upload(shell, "foto.json", b"\x89PNG\r\n")
    assert "‘foto.json’ is niet geïmporteerd" in shell.status.value and store.list_cases() == []
    assert shell.welcome.upload.value == ()


def test_the_welcome_speaks_english_after_a_switch(first_start):
    shell, _ = first_start
    shell.session.set_language("en")
    w = shell.welcome
    assert w.widget.children[0].value == "Welcome"
    assert w.new_button.description == "New case" and w.upload.description == "Choose a file"
    assert "Invented families" in w.sample_note.value


def test_without_sample_cases_the_welcome_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(samples, "sample_dir", lambda: tmp_path / "none")
    shell = Shell(Session(Store(tmp_path / "s.sqlite3")))
    assert shell.welcome.sample_list.children == ()
    assert shell.welcome.sample_note.value == "Er zijn geen voorbeelddossiers bij deze installatie."


def test_the_meeting_bar_waits_for_a_case(first_start):
    shell, _ = first_start
    bar = shell.part("meeting").top_bar
    assert not shown(bar)  # no "Start the meeting" on the welcome
    shell.welcome.open_sample(samples.sample_names()[0])
    assert shown(bar)
