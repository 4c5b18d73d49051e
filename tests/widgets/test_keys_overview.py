"""The keyboard's gaps closed (issue 22.3): the shell's ``?`` list names the keys of the network, the columns,
scaling and the plan, in Dutch and English; Alt+P on the map goes to quick add, from an open editor too."""

from __future__ import annotations

import pytest

from facilitation import samples
from facilitation.store import Store
from facilitation.ui.columns.view import key_bindings as columns_keys
from facilitation.ui.network import NetworkView
from facilitation.ui.network.keys import QUICK_ADD
from facilitation.ui.scaling.view import key_bindings as scaling_keys
from facilitation.ui.session import Session
from facilitation.ui.shell import Shell


@pytest.fixture
def lina(tmp_path):
    s = Session(Store(tmp_path / "s.sqlite3"))
    s.add_case(samples.load_sample("lina-en-noah"))
    s.set_meeting("m-nwo1")
    return s


def overview(shell: Shell) -> dict[str, list[tuple[str, str]]]:
    return {g["title"]: [tuple(r) for r in g["rows"]] for g in shell.page.shortcuts}


def test_the_question_mark_list_names_every_parts_keys_in_both_languages(lina):
    shell = Shell(lina)
    groups = overview(shell)
    assert ("Alt+P", "Naar snel toevoegen: mensen, één per regel") in groups["Netwerk"]
    assert groups["Veiligheidsplan"] == [
        ("N", "Naar een nieuwe afspraak (niet tijdens het typen)"),
        ("Ctrl+Enter", "De afspraak bewaren"),
    ]
    assert ("Alt+N", "Naar het invoerveld van het gekozen onderdeel") in groups["Drie kolommen"]
    assert any(k == "T" for k, _ in groups["Schaalvragen"])
    # Enter does something else on the map than in the columns: both are told; "?" once, under "Overal".
    enters = [g for g, rows in groups.items() if any(k == "Enter" for k, _ in rows)]
    assert enters == ["Netwerk", "Drie kolommen"]
    assert [g for g, rows in groups.items() if any(k == "?" for k, _ in rows)] == ["Overal"]
    lina.set_language("en")
    groups = overview(shell)
    assert ("Alt+P", "To quick add: people, one a line") in groups["Network"]
    assert ("N", "To a new agreement (when not typing)") in groups["Safety plan"]


def test_alt_p_goes_to_quick_add_and_closes_an_open_editor_first(lina):
    view = NetworkView(lina)
    view.keys.press("quick_add")
    assert view.input.focus == QUICK_ADD
    view.plot.click("p-johan")
    assert view.selected == "p-johan" and view.quick.widget.layout.display == "none"
    n = view.input.focus_n
    view.keys.press("quick_add")
    assert view.selected is None and view.quick.widget.layout.display == ""
    assert view.input.focus == QUICK_ADD and view.input.focus_n == n + 1


def test_alt_p_keeps_an_editor_with_unsaved_details_open(lina):
    view = NetworkView(lina)
    view.plot.click("p-johan")
    view.ed.fields["phone"].value = "0470 99 88 77"  # typed, not yet saved
    n = view.input.focus_n
    view.keys.press("quick_add")
    assert view.selected == "p-johan" and view.input.focus_n == n
    message, level = lina.status
    assert level == "error" and message  # why it stays open, in the user's words


def test_alt_p_is_bound_by_key_code_and_used_by_no_other_part():
    view_keys = [b for b in NetworkView.__dict__.get("SHORTCUTS", ())]
    assert ("Alt+P", "network.keys.quick_add") in view_keys
    from facilitation.ui.network.keys import key_bindings

    (b,) = key_bindings()
    assert b["code"] == "KeyP" and b["alt"] and not b["key"]  # P is P on AZERTY too; by code as Alt+N is
    others = [*columns_keys(), *scaling_keys()]
    assert not [o for o in others if o.get("alt") and "KeyP" in o.get("code", "")]
