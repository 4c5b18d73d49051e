"""The date field the tool uses everywhere: typed dd/mm/jjjj (not the browser's 11/30/2026), ISO understood,
a typo told in the user's language and nothing stored from it (review of main, part 7)."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from facilitation.i18n import translate
from facilitation.store import Store
from facilitation.ui.datefield import DateField, parse_day
from facilitation.ui.shell import Shell


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("15/09/2026", "2026-09-15"),
        ("5/9/2026", "2026-09-05"),
        ("5-9-2026", "2026-09-05"),
        ("2026-09-15", "2026-09-15"),
        (" 15/09/2026 ", "2026-09-15"),
        ("31/02/2026", None),
        ("09/15/2026", None),
        ("gisteren", None),
        ("2026-9-1", None),
    ],
)
def test_parse_day(typed, iso):
    assert parse_day(typed) == iso


def test_a_typed_date_is_shown_the_flemish_way_and_given_as_iso():
    heard = []
    field = DateField(lambda key, **kw: translate("nl", key, **kw), date(2026, 11, 30), "fac-x")
    field.observe(lambda ch: heard.append(ch["new"]), "value")
    assert field.input.value == "30/11/2026" and field.value == "2026-11-30"  # not 11/30/2026
    assert field.input.placeholder == "dd/mm/jjjj" and "fac-x" in field._dom_classes
    field.input.value = "1-12-2026"
    assert field.value == "2026-12-01" and field.input.value == "01/12/2026" and heard == ["2026-12-01"]
    field.input.value = "2026-12-24"  # a browser test fills ISO
    assert field.value == "2026-12-24" and field.input.value == "24/12/2026"
    field.value = "2027-01-02"  # set by the program: the stored date
    assert field.input.value == "02/01/2027"
    field.input.value = ""
    assert field.value is None and field.ok


def test_a_typo_is_told_in_the_users_language_and_changes_nothing():
    lang = ["nl"]
    field = DateField(lambda key, **kw: translate(lang[0], key, **kw), "2026-10-15")
    field.input.value = "31/02/2026"
    assert field.value == "2026-10-15" and not field.ok
    assert field.message.layout.display != "none" and "31/02/2026' is geen datum" in unescape(field.message.value)
    assert field.problem().startswith("'31/02/2026' is geen datum")
    lang[0] = "en"
    field.relabel()
    assert field.input.placeholder == "dd/mm/yyyy" and "is not a date" in field.message.value
    field.input.value = "16/10/2026"
    assert field.ok and field.value == "2026-10-16" and field.message.layout.display == "none"


def test_no_browser_date_picker_is_left():
    ui = Path(__file__).resolve().parents[2] / "facilitation" / "ui"
    users = [str(f) for f in ui.rglob("*.py") if re.search(r"\bDatePicker\(", f.read_text(encoding="utf-8"))]
    assert users == []


def test_the_shell_refuses_a_new_meeting_on_a_date_that_is_no_date(session, store: Store):
    shell = Shell(session)
    before = len(store.load(session.case.id).meetings)
    assert shell.nm_date.input.value == date.today().strftime("%d/%m/%Y")
    shell.nm_date.input.value = "30/13/2026"
    assert not shell.start_meeting()
    assert session.status[1] == "error" and "'30/13/2026' is geen datum" in session.status[0]
    assert len(store.load(session.case.id).meetings) == before
