"""The training dashboard without a browser: exercise, role cards, revealing, groups, comparison, reset."""

from __future__ import annotations

import pytest

from facilitation import samples
from facilitation.domain import ops
from facilitation.domain import training as tr
from facilitation.i18n import translate
from facilitation.store import Store
from facilitation.ui.session import Session
from facilitation.ui.training import Training
from tests.widgets.test_reflecting import screen_text

SAMPLE = "mila-en-finn" if "mila-en-finn" in samples.sample_names() else samples.sample_names()[0]


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "s.sqlite3")


@pytest.fixture
def root(store):
    session = Session(store)
    r = Training(session)
    ex = r.parts[0]
    ex.source.value = SAMPLE
    ex.groups.value = "Groep Rood\nGroep Blauw"
    assert ex.start(), session.status
    return r


def part(root, key):
    return next(p for p in root.parts if p.key == key)


def copies(store):
    out = {}
    for c in store.list_cases():
        info = store.load(c.id).info
        if tr.is_copy(info):
            out[info.group_name] = store.load(c.id)
    return out


def test_exercise_starts_a_copy_per_group(root, store):
    s = root.session
    assert {"fac-training", "fac-root", "fac-ready"} <= set(root.widget._dom_classes)
    cs = copies(store)
    assert set(cs) == {"Groep Rood", "Groep Blauw"}
    assert all(c.info.source == SAMPLE and c.info.fictional for c in cs.values())
    assert s.case.info.group_name in cs and s.meeting_id == tr.EXERCISE_MEETING
    assert root.group_pick.label in cs
    assert "Groep Rood" in screen_text(part(root, "tr-exercise").rows)
    # Group work parts of the meeting dashboard are there, on the group's copy.
    keys = [p.key for p in root.parts]
    assert keys[:3] == ["tr-exercise", "tr-cards", "tr-reveal"] and keys[-1] == "tr-compare"
    # The same group twice, or no group, is refused with a message.
    ex = part(root, "tr-exercise")
    ex.groups.value = "groep rood"
    assert not ex.start()  # the exercise runs: the first click asks
    assert s.status[1] == "info" and "loopt al een oefening" in s.status[0]
    assert not ex.start()
    assert s.status[1] == "error" and "bestaat al" in s.status[0]
    ex.groups.value = "  \n "
    assert not ex.start() and s.status[0] == "Geef minstens één groep."
    assert len(copies(store)) == 2


def test_switching_group_opens_its_copy(root, store):
    s = root.session
    other = next(v for label, v in root.group_pick.options if v != s.case.id)
    root.group_pick.value = other
    assert s.case.id == other
    active = [r for r in part(root, "tr-exercise").rows.children if "fac-tr-active" in r._dom_classes]
    assert len(active) == 1 and s.case.info.group_name in active[0].children[0].value
    assert root.group_pick.label == s.case.info.group_name


def test_role_cards_shown_edited_printed_for_every_group(root, store, tmp_path):
    cv = part(root, "tr-cards")
    cards = cv.cards()
    assert len(cards) >= 5
    first = cards[0]
    cv.show_card(first.id)
    assert first.role in cv.big.value and "Wat je weet" in cv.big.value
    cv.next_btn.click()
    assert cv.showing == cards[1].id
    # Edit a card: every group's copy gets it.
    cv.edit(first.id)
    cv.ed_thinks.value = "Je vindt dat <b>papa</b> het kan."
    assert cv.save()
    for c in copies(store).values():
        assert c.records["rolecard"][first.id].thinks == "Je vindt dat <b>papa</b> het kan."
    # A new card, then removed (asks first).
    cv.edit(None)
    cv.ed_role.value = "Buurman – Piet"
    cv.ed_knows.value = "Je hoort soms geroep."
    assert cv.save()
    new = next(c for c in cv.cards() if c.role == "Buurman – Piet")
    assert all(new.id in c.records["rolecard"] for c in copies(store).values())
    drop = next(r.children[-1] for r in cv.list_box.children if "Buurman" in r.children[0].value)
    drop.click()
    assert all(new.id in c.records["rolecard"] for c in copies(store).values())
    drop.click()
    assert not any(new.id in c.records["rolecard"] for c in copies(store).values())
    # Empty role refused.
    cv.edit(None)
    cv.ed_role.value = " "
    assert not cv.save() and root.session.status[1] == "error"
    # Printable: all cards as PDF, one card as Word; private files, offered for download.
    paths = cv.print_cards(None, "pdf") + cv.print_cards(first.id, "docx")
    assert [p.suffix for p in paths] == [".pdf", ".docx"]
    for p in paths:
        assert p.parent == tmp_path / "exports" and p.stat().st_mode & 0o777 == 0o600
    assert 'href="data:application/vnd.openxmlformats' in cv.downloads.value
    from pypdf import PdfReader

    pages = PdfReader(str(paths[0])).pages
    assert len(pages) == len(cv.cards())  # one card per page


def test_reveal_step_by_step_for_every_group(root, store):
    rv = part(root, "tr-reveal")
    steps = tr.steps_in_order(root.reference_case())
    assert steps and not any(s.revealed for s in steps)
    assert rv.next_btn.description == f"Toon: {steps[0].title}"
    assert rv.reveal_next()
    for c in copies(store).values():
        assert [s.revealed for s in tr.steps_in_order(c)][:2] == [True, False]
    assert steps[0].title in screen_text(rv.open_box)
    rv.new_title.value = "Brief van de school"
    rv.new_text.value = "Mila <script>alert(1)</script> mist vaak haar turnzak."
    assert rv.add_step()
    step = next(s for s in tr.steps_in_order(root.reference_case()) if s.title == "Brief van de school")
    assert rv.set(step.id, True)
    assert "&lt;script&gt;" in "".join(w.value for w in rv.open_box.children)
    assert rv.hide_all()
    assert not any(s.revealed for c in copies(store).values() for s in c.all("reveal"))
    rv.new_title.value = ""
    assert not rv.add_step() and root.session.status[1] == "error"


def test_groups_compared_side_by_side(root, store):
    s = root.session
    for group, text, score in (
        ("Groep Rood", "Rood: bomma is bang dat papa drinkt.", 3),
        ("Groep Blauw", "Blauw: de juf is bezorgd om Mila.", 6),
    ):
        case_id = next(c.id for c in copies(store).values() if c.info.group_name == group)
        root.open_copy(case_id)
        assert s.do(lambda case, text=text: ops.add_item(case, text, element="danger_statement")[0])
        e, sid = ops.add_scale(s.case, "safety")
        assert s.do(e)
        someone = next(iter(s.case.people))
        assert s.do(
            lambda case, sid=sid, someone=someone, score=score: ops.set_score(
                case, sid, tr.EXERCISE_MEETING, someone, score
            )
        )
        assert s.do(lambda case, group=group: ops.add_agreement(case, f"{group}: oom belt elke avond.")[0])
    cmp = part(root, "tr-compare")
    cmp.refresh_btn.click()
    table = cmp.table.value
    assert table.index("Groep Rood") < table.index("Groep Blauw")  # in the order the groups were made
    for expected in ("Rood: bomma is bang", "Blauw: de juf", "midden: 3", "midden: 6", "Groep Rood: oom belt"):
        assert expected in table


def test_reset_returns_groups_to_the_start_sample_untouched(root, store):
    s = root.session
    path = samples.sample_dir() / f"{SAMPLE}.json"
    before = path.read_bytes()
    start = {
        g: {k: {i: r.to_dict() for i, r in b.items()} for k, b in c.records.items()} for g, c in copies(store).items()
    }
    for c in copies(store).values():
        root.open_copy(c.id)
        assert s.do(lambda case: ops.add_item(case, "Werk van de groep", element="danger_statement")[0])
    part(root, "tr-reveal").reveal_next()
    ex = part(root, "tr-exercise")
    # One group: asks first, then only that copy.
    rood = copies(store)["Groep Rood"].id
    row = next(r for r in ex.rows.children if "Groep Rood" in r.children[0].value)
    row.children[2].click()
    assert any(i.text == "Werk van de groep" for i in store.load(rood).items.values())
    row.children[2].click()
    assert not any(i.text == "Werk van de groep" for i in store.load(rood).items.values())
    assert any(i.text == "Werk van de groep" for i in copies(store)["Groep Blauw"].items.values())
    # All groups in one action.
    ex.reset_all_btn.click()
    ex.reset_all_btn.click()
    now = {
        g: {k: {i: r.to_dict() for i, r in b.items()} for k, b in c.records.items()} for g, c in copies(store).items()
    }
    assert now == start
    assert not any(i.text == "Werk van de groep" for i in s.case.items.values())  # the screen follows
    assert path.read_bytes() == before


def test_remove_exercise_and_never_a_real_case(store, tmp_path):
    from facilitation.app import training_dashboard

    real = ops.new_case("Familie Echt", "2026-10-01", [("Jonas", 9)])
    store.add_case(real)
    widget = training_dashboard(store_path=str(store.path), case=real.id)
    assert "Familie Echt" not in screen_text(widget)  # a real case is never opened or offered here
    session = Session(store)
    root = Training(session)
    assert session.case is None
    ex = part(root, "tr-exercise")
    ex.source.value = SAMPLE
    ex.groups.value = "Groep 1"
    assert ex.start()
    ex.update()
    ex.remove_btn.click()
    ex.remove_btn.click()
    assert not copies(store) and session.case is None
    assert store.has_case(real.id)


def test_language_switch(root):
    root.session.set_language("en")
    assert root.tabs.titles[:3] == ("Exercise", "Role cards", "Information")
    assert root.tabs.titles[-1] == "Compare groups"
    assert part(root, "tr-reveal").hide_all_btn.description == "Hide everything again"


# ---- issue 21: a second start asks, each screen keeps its own group, groups in the order made ------------


def test_a_second_start_asks_before_adding_groups(root, store):
    s = root.session
    ex = part(root, "tr-exercise")
    ex.groups.value = "Groep 1\nGroep 2\nGroep 3"
    assert not ex.start()
    assert len(copies(store)) == 2  # nothing added on the first click
    assert "loopt al een oefening" in s.status[0] and "3 groepen" in s.status[0] and "2 groepen" in s.status[0]
    assert ex.start_btn.description == "Groepen toevoegen"
    assert ex.start()
    assert len(copies(store)) == 5
    assert s.status[0].startswith("Oefening gestart met 3 groepen")
    assert "groep(en)" not in s.status[0]


def test_a_new_screen_asks_which_group_and_stays_there(root, store):
    from facilitation.app import training_dashboard

    first = root.session
    blue = next(v for label, v in root.group_pick.options if label == "Groep Blauw")
    root.group_pick.value = blue
    assert first.case.id == blue
    # A trainee's laptop opens the dashboard: it does not take the group chosen last on another screen.
    widget = training_dashboard(str(store.path))
    other = next(w for w in widget.children if "fac-tr-bar" in w._dom_classes)
    pick = next(w for w in other.children if "fac-tr-group-pick" in w._dom_classes)
    assert pick.value == "" and pick.options[0][0] == "Kies je groep"
    red = next(v for label, v in pick.options if label == "Groep Rood")
    pick.value = red
    # The trainer's screen switching group does not move the trainee's screen.
    root.group_pick.value = next(v for label, v in root.group_pick.options if label == "Groep Rood")
    root.group_pick.value = blue
    assert pick.value == red


def test_groups_are_listed_in_the_order_made(store):
    session = Session(store)
    r = Training(session)
    ex = r.parts[0]
    ex.source.value = SAMPLE
    ex.groups.value = "Zebra\nAap\nMidden"
    assert ex.start()
    assert [label for label, _ in r.group_pick.options] == ["Zebra", "Aap", "Midden"]
    assert session.status[0].startswith("Oefening gestart met 3 groepen")


def test_the_comparison_shows_every_element_the_groups_worked_on(root, store):
    s = root.session
    for group, element, text in (
        ("Groep Rood", "harm", "Finn had een buil op zijn hoofd."),
        ("Groep Blauw", "strength", "Bomma helpt al jaren."),
        ("Groep Blauw", "complicating_factor", "Papa werkt in ploegen."),
    ):
        case_id = next(c.id for c in copies(store).values() if c.info.group_name == group)
        root.open_copy(case_id)
        assert s.do(lambda case, text=text, element=element: ops.add_item(case, text, element=element)[0])
    cmp = part(root, "tr-compare")
    cmp.refresh_btn.click()
    table = cmp.table.value
    for expected in ("Schade", "Finn had een buil", "Bomma helpt al jaren", "Papa werkt in ploegen"):
        assert expected in table, expected
    harm_row = table[table.index("Schade") : table.index("</tr>", table.index("Schade"))]
    assert harm_row.count("nog niets") == 1  # Blauw wrote no harm; Rood's harm is there


# ---- issue 16: the parts in the house style (state -> show) ---------------------------------------------------


def test_removing_the_last_exercise_says_so_and_leaves_no_group_work_on_screen(store):
    session = Session(store)
    root = Training(session)
    ex = part(root, "tr-exercise")
    ex.source.value = SAMPLE
    ex.groups.value = "Groep 1"
    assert ex.start()
    assert session.case is not None
    group_parts = [p for p in root.parts if not p.key.startswith("tr-")]
    assert group_parts and all(p.widget.layout.display != "none" for p in group_parts)
    ex.remove_btn.click()
    assert ex.remove_btn.description == "Zeker? Klik opnieuw"
    assert ex.remove_exercise()  # the second click (it used to stop half-way on the network tab)
    assert session.case is None and not copies(store)
    assert session.status == (f"Oefening verwijderd: {samples.load_sample(SAMPLE).info.title}", "ok")
    # The removed copy's map, columns and plan are not left on the groups' tabs.
    assert all(p.widget.layout.display == "none" for p in group_parts)
    assert "Er loopt nog geen oefening" in screen_text(ex.rows)
    # A new exercise brings them back.
    ex.groups.value = "Groep 2"
    assert ex.start()
    assert all(p.widget.layout.display != "none" for p in group_parts)


def test_a_button_that_asks_does_what_it_says_after_the_screen_changed(root, store):
    s = root.session
    for c in copies(store).values():
        root.open_copy(c.id)
        assert s.do(lambda case: ops.add_item(case, "Werk van de groep", element="danger_statement")[0])
    ex = part(root, "tr-exercise")
    ex.reset_all_btn.click()
    assert ex.reset_all_btn.description == "Zeker? Klik opnieuw"
    # Meanwhile the screen changes (another group opened): the button still asks, and the next click resets.
    root.open_copy(next(c.id for c in copies(store).values() if c.id != s.case.id))
    assert ex.reset_all_btn.description == "Zeker? Klik opnieuw"
    ex.reset_all_btn.click()
    assert s.status[0].startswith("Terug bij de start")
    assert not any(i.text == "Werk van de groep" for c in copies(store).values() for i in c.items.values())
    assert ex.reset_all_btn.description == "Alle groepen terug naar de start"


def test_texts_with_names_and_counts_follow_a_language_switch(root):
    rv, cv, ex = part(root, "tr-reveal"), part(root, "tr-cards"), part(root, "tr-exercise")
    steps = tr.steps_in_order(root.reference_case())
    assert rv.reveal_next()
    cv.show_card(cv.cards()[0].id)
    typed = "Groep Rood\nGroep Blauw"
    root.session.set_language("en")
    assert rv.next_btn.description == f"Reveal: {steps[1].title}"
    assert rv.open_title.value == f"What the groups know now (1 of {len(steps)})"
    assert "What you know" in cv.big.value and "Wat je weet" not in cv.big.value
    assert ex.current_title.value.startswith("Exercise: ")
    assert [r.children[1].description for r in cv.list_box.children][:1] == ["Show"]
    assert ex.groups.value == typed  # the trainer's own group names are kept
    assert root.undo_btn.tooltip == translate("en", "training.undo_tip")  # the bar's texts are bound too
    assert root.group_label.value == translate("en", "training.group")


def test_a_groups_tab_says_what_to_do_first_while_no_groups_copy_is_open(root, store):
    """The network, columns, scaling and plan tabs are not blank before a group is chosen (or an exercise
    started): they say what to do first, in the screen's language, and give way to the part after."""
    from facilitation.app import training_dashboard

    widget = training_dashboard(str(store.path))  # a second screen: it has not chosen its group
    tabs = next(w for w in widget.children if "fac-tabs" in w._dom_classes)
    group_tabs = [t for t in tabs.children if "fac-tr-group-tab" in t._dom_classes]
    assert len(group_tabs) == 4
    for tab in group_tabs:
        hint, part_widget = tab.children
        assert hint.layout.display != "none" and part_widget.layout.display == "none"
        assert "Kies bovenaan de groep waarvoor je werkt" in hint.value
    bar = next(w for w in widget.children if "fac-tr-bar" in w._dom_classes)
    pick = next(w for w in bar.children if "fac-tr-group-pick" in w._dom_classes)
    pick.value = next(v for label, v in pick.options if label == "Groep Rood")
    for tab in group_tabs:
        hint, part_widget = tab.children
        assert hint.layout.display == "none" and part_widget.layout.display != "none"

    # With no exercise at all the tabs send the trainer to the exercise tab, in English too.
    session = Session(Store(store.path.with_name("empty.sqlite3")))
    empty = Training(session)
    hints = [t.children[0] for t in empty.tabs.children if "fac-tr-group-tab" in t._dom_classes]
    assert all("Nog geen oefening: start er een" in h.value for h in hints)
    session.set_language("en")
    assert all("No exercise yet: start one in the" in h.value for h in hints)
