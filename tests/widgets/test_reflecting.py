"""The reflecting-team dashboard without a browser: map, scenarios, rounds, the record, pseudonyms."""

from __future__ import annotations

import html
import re

import ipywidgets as W
import pytest

from facilitation.domain import ops
from facilitation.domain import reflecting as rt
from facilitation.export import reflecting_record as record
from facilitation.i18n import translate
from facilitation.store import Store
from facilitation.ui.reflecting import ReflectingTeam
from facilitation.ui.session import Session
from tests.unit.test_pseudonym import NAMES, rich_case


def screen_text(widget: W.Widget) -> str:
    """Everything a person could read on the screen: texts, labels, options, tooltips, tab titles."""
    out: list[str] = []

    def walk(w: object) -> None:
        if not isinstance(w, W.Widget):
            return
        for attr in ("value", "description", "placeholder", "tooltip"):
            v = getattr(w, attr, None)
            if isinstance(v, str):
                out.append(html.unescape(re.sub(r"<[^>]+>", " ", v)) if isinstance(w, W.HTML) else v)
        out.extend(str(x) for x in getattr(w, "_options_labels", ()))
        out.extend(str(x) for x in getattr(w, "titles", ()) or ())
        out.extend(str(x) for x in getattr(w, "tooltips", ()) or ())
        for child in getattr(w, "children", ()):
            walk(child)

    walk(widget)
    return "\n".join(out)


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "s.sqlite3")


@pytest.fixture
def session(store):
    s = Session(store)
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    for name, rel, sector in (
        ("Rita Maes", "grootmoeder", "family"),
        ("Sofie Maes", "moeder", "family"),
        ("An Claes", "consulent", "professional"),
    ):
        edit, _ = ops.add_person(case, name, relation=rel, sector=sector)
        case = case.apply(edit)
    s.add_case(case)
    return s


def pid(session, name):
    return next(p.id for p in session.case.people.values() if p.name == name)


def started(session) -> ReflectingTeam:
    root = ReflectingTeam(session)
    root._toggle_form(True)
    root.nm_present.value = (pid(session, "An Claes"),)
    assert root.start_meeting(), session.status
    root.member_name.value = "Bart Peeters"
    root.member_role.value = "stafmedewerker"
    assert root.add_member(), session.status
    return root


def test_root_is_ready_and_asks_for_a_meeting(session):
    root = ReflectingTeam(session)
    assert {"fac-reflecting-team", "fac-root", "fac-ready"} <= set(root.widget._dom_classes)
    assert "Nieuw reflectief team" in root.empty.value
    assert root.tabs.titles == ("Casus in kaart", "Scenario's", "Reflectierondes", "Verslag")
    # A network meeting of the case is not taken for a reflecting team.
    edit, _ = ops.add_meeting(session.case, "network_meeting", "2026-10-15")
    assert session.do(edit)
    assert root.meeting is None


def test_team_is_marked_and_stored(session, store):
    root = started(session)
    m = store.load(session.case.id).meetings[session.meeting_id]
    assert m.kind == "reflecting_team"
    bart = pid(session, "Bart Peeters")
    assert m.present == (pid(session, "An Claes"), bart)
    assert session.case.people[bart].sector == "professional" and session.case.people[bart].relation == "stafmedewerker"
    assert "Bart Peeters" in screen_text(root.team_bar)
    # Adding someone already there says so and stores nothing.
    root.member_name.value = "bart peeters"
    assert not root.add_member()
    assert session.status == ("Deze collega is al aanwezig.", "error")


def test_mapping_the_case_and_the_team_scale(session, store):
    root = started(session)
    mv = root.parts[0]
    mv.board.adder.element.value = "danger_statement"
    mv.board.adder.text.value = "De consulent is bezorgd dat <b>Sofie</b> 's nachts weggaat."
    assert mv.board.adder.submit()
    mv.board.adder.text.value = "   "
    assert not mv.board.adder.submit()
    assert session.status[1] == "error" and "mag niet leeg zijn" in session.status[0]
    items = store.load(session.case.id).items
    assert [i.element for i in items.values()] == ["danger_statement"]
    assert next(iter(items.values())).meeting == session.meeting_id
    shown = screen_text(mv.widget)
    assert "<b>Sofie</b>" in shown  # markup stays text
    assert "<b>Sofie</b>" not in mv.board.lists["worries"].widget.children[1].children[0].value
    picks = mv.scale._pickers
    an, bart = pid(session, "An Claes"), pid(session, "Bart Peeters")
    picks[an].value = 4
    picks[bart].value = 5
    stored = store.load(session.case.id)
    assert sorted(s.value for s in stored.scores.values()) == [4, 5]
    assert "van 4 tot 5, midden 4,5" in mv.scale.track.value  # a Flemish decimal comma
    session.set_language("en")
    assert "from 4 to 5, middle 4.5" in mv.scale.track.value
    session.set_language("nl")
    picks[bart].value = -1  # cleared
    assert [s.value for s in store.load(session.case.id).scores.values()] == [4]


def test_scenarios_side_by_side_compared_reordered_removed(session, store):
    root = started(session)
    sv = root.parts[1]
    for title in ("Terug naar huis met een veiligheidsplan", "Bij grootmoeder", "Pleeggezin"):
        sv.new_title.value = title
        assert sv.add_scenario()
    sv.new_title.value = "bij Grootmoeder"
    assert not sv.add_scenario()
    assert session.status == ("Er is al een scenario met die titel.", "error")
    cards = [sv.cards[s.id] for s in sorted(session.case.scenarios.values(), key=lambda s: s.position)]
    assert len(sv.cards_box.children) == 3
    home, gran, _foster = cards
    gran.board.adder.element.value = "strength"
    gran.board.adder.text.value = "Rita vangt Jonas al twee jaar op tijdens weekends"
    assert gran.board.adder.submit()
    an, bart = pid(session, "An Claes"), pid(session, "Bart Peeters")
    gran.scale._pickers[an].value = 7
    gran.scale._pickers[bart].value = 5
    home.scale._pickers[an].value = 3
    case = store.load(session.case.id)
    assert [i.scenario for i in case.items.values()] == [gran.id]
    assert {(s.scenario, s.kind) for s in case.scales.values()} == {(gran.id, "safety"), (home.id, "safety")}
    table = sv.compare.value
    assert "Scenario 2: Bij grootmoeder" in table and "van 5 tot 7, midden 6" in table
    # Reorder: grandmother first.
    gran.left.click()
    assert min(session.case.scenarios.values(), key=lambda s: s.position).title == "Bij grootmoeder"
    assert "Scenario 1: Bij grootmoeder" in gran.heading.value
    # Remove asks first, then takes the scenario's items, scales and scores with it; undo brings them back.
    gran.drop.click()
    assert gran.id in store.load(session.case.id).scenarios
    gran.drop.click()
    case = store.load(session.case.id)
    assert gran.id not in case.scenarios and not case.items and len(case.scores) == 1
    assert session.undo()
    case = store.load(session.case.id)
    assert gran.id in case.scenarios and len(case.items) == 1 and len(case.scores) == 3


def test_reflection_rounds_take_turns(session, store):
    root = started(session)
    rv = root.parts[2]
    an, bart = pid(session, "An Claes"), pid(session, "Bart Peeters")
    assert "aan de beurt: An Claes" in rv.turn.value
    rv.reflection.value = "Ik zie veel zorg bij Rita."
    assert rv.add_reflection()
    assert "aan de beurt: Bart Peeters" in rv.turn.value and rv.speaker.value == bart
    rv.skip_btn.click()
    assert "iedereen kwam aan bod" in rv.turn.value
    rv.new_round_btn.click()
    assert "Ronde 2 · aan de beurt: An Claes" in rv.turn.value
    rv.new_round_btn.click()  # nothing said in round 2 yet: no round 3
    assert rv.round_no == 2 and session.status[0].startswith("In ronde 2")
    rv.reflection.value = "Tweede ronde: de school weet meer."
    assert rv.add_reflection()
    rv.concl_text.value = "Scenario grootmoeder verder uitwerken."
    assert rv.add_conclusion()
    rv.step_text.value = "An belt de school vóór vrijdag."
    assert rv.add_step()
    case = store.load(session.case.id)
    refl = sorted(case.reflections.values(), key=lambda r: r.position)
    assert [(r.round, r.author, r.is_conclusion, r.is_next_step) for r in refl] == [
        (1, an, False, False),
        (2, an, False, False),
        (2, None, True, False),
        (0, None, False, True),
    ]
    # The team's next step stays in its record: the case's own next steps do not get it (issue 21).
    assert not [i for i in case.items.values() if i.element == "next_step"]
    assert "An belt de school vóór vrijdag." in screen_text(rv.steps_box)
    text = screen_text(rv.widget)
    assert "Ronde 1" in text and "Ronde 2" in text and "Scenario grootmoeder verder uitwerken." in text


def test_record_files_saved_private_and_offered(session, store, tmp_path):
    root = started(session)
    rec = root.parts[3]
    bart = pid(session, "Bart Peeters")
    rec.scribe.value = bart
    assert store.load(session.case.id).meetings[session.meeting_id].scribe == bart
    assert "Verslag door: Bart Peeters" in html.unescape(re.sub(r"<[^>]+>", "", rec.preview.value))
    paths = rec.make_files()
    assert [p.suffix for p in paths] == [".docx", ".pdf", ".md"]
    for p in paths:
        assert p.parent == tmp_path / "exports" and p.stat().st_mode & 0o777 == 0o600
    links = rec.downloads.value
    assert links.count('href="data:') == 3 and 'download="familie-maes-' in links
    assert session.status[1] == "ok"
    # Removing Bart from the team also takes him off the record.
    root.do(
        lambda case: __import__("facilitation.domain.reflecting", fromlist=["x"]).set_present(
            case, session.meeting_id, bart, False
        )
    )
    assert store.load(session.case.id).meetings[session.meeting_id].scribe is None


def test_pseudonym_switch_hides_every_name_on_screen_and_in_files(store, tmp_path):
    case, ids = rich_case()
    session = Session(store)
    other = ops.new_case("Dossier Vermeulen", "2026-01-01", [("Lieke", 3)])
    store.add_case(other)
    session.add_case(case)
    root = ReflectingTeam(session)
    assert root.meeting is not None and root.meeting.id == ids["meeting"]
    for part in root.parts:
        part.update(force=True)
    before = screen_text(root.widget)
    assert "Rita" in before and "Annelies Peeters" in before and "Dossier Vermeulen" in before
    root.pseudo_btn.value = True
    assert root.pseudonym == "roles"
    rec = root.parts[3]
    paths = rec.make_files()
    for mode in ("roles", "names"):
        root.pseudo_mode.value = mode
        text = screen_text(root.widget)
        for name in NAMES:
            assert not re.search(rf"(?<!\w){name}(?!\w)", text, re.IGNORECASE), (mode, name)
        assert "Namen verborgen" in text
        # The role typed before the name is said once ("Bij grootmoeder", never "Bij grootmoeder Grootmoeder").
        assert "grootmoeder Grootmoeder" not in text
        named = re.search(r"Scenario 1: Bij grootmoeder [A-Z][a-z]+", text)
        assert "Scenario 1: Bij grootmoeder" in text and bool(named) == (mode == "names")
        paths += rec.make_files("replace")  # the same names again: replaced on purpose, as before
    for p in paths:
        data = p.read_bytes()
        if p.suffix == ".md":
            assert not any(n.lower() in data.decode().lower() for n in NAMES)
        assert not any(n.lower() in p.name for n in NAMES)
    # Typing while names are hidden stores what was typed; switching off shows the real names again.
    mv = root.parts[0]
    mv.board.adder.text.value = "Nieuw: Rita belt."
    assert mv.board.adder.submit()
    assert any(i.text == "Nieuw: Rita belt." for i in store.load(case.id).items.values())
    assert re.search(r"Nieuw: \w+ belt\.", screen_text(mv.widget))
    assert "Nieuw: Rita belt." not in screen_text(mv.widget)
    root.pseudo_btn.value = False
    assert "Rita Maes" in screen_text(root.widget)


def test_language_switch_keeps_typing(session):
    root = started(session)
    sv = root.parts[1]
    sv.new_title.value = "Half getypt"
    session.set_language("en")
    assert root.tabs.titles == ("The case mapped", "Scenarios", "Reflection rounds", "Record")
    assert sv.new_title.value == "Half getypt" and sv.add_btn.description == "+ Scenario"
    assert root.parts[0].board.titles["worries"].value == "What are we worried about?"
    # The dashboard's own bar and forms follow too (bound to their keys).
    assert root.undo_btn.description == "Undo" and root.nm_labels[0].value == translate("en", "shell.meeting_date")
    assert root.member_add.description == translate("en", "reflecting.add_member")
    assert root.title.value == html.escape(translate("en", "reflecting.title"), quote=True)


def test_language_switch_keeps_the_pseudonym_mode(store):
    case, _ids = rich_case()
    session = Session(store)
    session.add_case(case)
    root = ReflectingTeam(session)
    root.pseudo_btn.value = True
    root.pseudo_mode.value = "names"
    session.set_language("en")
    assert root.pseudonym == "names" and root.pseudo_mode.value == "names"
    assert root.pseudo_mode.options[1][0] == "Invented names"
    text = screen_text(root.widget)
    assert "Names hidden" in text and "Case " in root.case_pick.label
    for name in NAMES:
        assert not re.search(rf"(?<!\w){name}(?!\w)", text, re.IGNORECASE), name


def test_speaker_chosen_out_of_turn_survives_a_sync(session, store):
    from facilitation.store import Store as _Store
    from facilitation.ui.session import Session as _Session

    root = started(session)
    rv = root.parts[2]
    bart = pid(session, "Bart Peeters")
    rv.speaker.value = bart  # the scribe picks Bart, who speaks out of turn
    other = _Session(_Store(store.path))
    other.open_case(session.case.id)
    edit, _ = ops.add_person(other.case, "Collega Sam")
    assert other.do(edit)
    assert session.sync()
    assert rv.speaker.value == bart
    rv.reflection.value = "Bart: de grootmoeder is een sterke steun."
    assert rv.add_reflection()
    refl = [r for r in store.load(session.case.id).reflections.values() if r.text.startswith("Bart:")]
    assert refl and refl[0].author == bart


# ---- issue 21: the reflecting team's own space ----------------------------------------------------------


def test_the_team_meets_without_the_family(session):
    root = ReflectingTeam(session)
    root._toggle_form(True)
    offered = {label for label, _ in root.nm_present.options}
    people = session.case.people.values()
    assert offered == {record.person_label(p) for p in people if p.sector == "professional"}
    assert not any(p.sector != "professional" and record.person_label(p) in offered for p in people)


def test_the_teams_map_is_its_own_and_the_familys_words_stand_apart(session, store):
    root = started(session)
    mv = root.parts[0]
    family_before = [i.text for i in session.case.items.values() if i.scenario is None]
    mv.board.adder.element.value = "danger_statement"
    mv.board.adder.text.value = "Het team is bezorgd dat moeder bij een nieuwe crisis alleen staat."
    assert mv.board.adder.submit()
    case = store.load(session.case.id)
    team_items = [i for i in case.items.values() if i.scenario == rt.TEAM_MAP]
    assert [i.text for i in team_items] == ["Het team is bezorgd dat moeder bij een nieuwe crisis alleen staat."]
    # The case's own columns (the family's words) did not get the team's item.
    assert [i.text for i in case.items.values() if i.scenario is None] == family_before
    assert rt.scenarios_in_order(case) == []  # the team's map is not a scenario
    # The family's words are not under the team's map until asked for, then beside it, marked as theirs.
    assert all(t not in screen_text(mv.columns) for t in family_before)
    mv.family_btn.value = True
    text = screen_text(mv.family)
    assert "Woorden van het gezin" in text and all(t.split()[0] in text for t in family_before)
    # The team's score of the case is on its own map, not on the family's safety scale.
    an = pid(session, "An Claes")
    mv.scale._pickers[an].value = 4
    case = store.load(session.case.id)
    assert rt.team_scores(case, rt.TEAM_MAP, root.meeting.id) == {an: 4}
    assert rt.team_scores(case, None, root.meeting.id) == {}


def test_the_consultant_reviews_and_corrects_what_is_replaced(session, store):
    root = started(session)
    mv = root.parts[0]
    mv.board.adder.text.value = "An zag de school, het Sint-Jozefscollege in Dendermonde."
    assert mv.board.adder.submit()
    root.pseudo_btn.value = True
    rec = root.parts[3]
    review = rec.review
    assert review.widget.layout.display == "" and not review._inputs  # closed: the team may be looking
    review.open_btn.value = True
    originals = {r.original: (r.replacement, field) for r, field in review._inputs}
    assert originals["Sint-Jozefscollege"][0] == "[school A]" and "Dendermonde" in originals
    assert "An Claes" in originals  # people too, with their pseudonym
    originals["Sint-Jozefscollege"][1].value = "een middelbare school"
    review.save_btn.click()
    text = screen_text(rec.preview)
    assert "een middelbare school" in text and "Sint-Jozefscollege" not in text and "Dendermonde" not in text
    assert "Vervangen: persoon" in text
    # Kept for this case: a new screen (and the command line) use the same correction.
    from facilitation.services import pseudonyms

    assert pseudonyms.load_corrections(store.path, session.case.id) == {"Sint-Jozefscollege": "een middelbare school"}
    path = rec.make_files()[-1]
    assert "een middelbare school" in path.read_text(encoding="utf-8")


def test_dates_in_flemish_form(session, store):
    root = ReflectingTeam(session)
    root._toggle_form(True)
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", root.nm_date.value)  # not the browser's 11/30/2026
    root.nm_present.value = (pid(session, "An Claes"),)
    root.nm_date.value = "31/02/2026"
    assert not root.start_meeting()
    assert "dag/maand/jaar" in session.status[0] and not rt.reflecting_meetings(store.load(session.case.id))
    root.nm_date.value = "15/10/2026"
    assert root.start_meeting()
    assert root.meeting.date == "2026-10-15"
    assert root.meeting_pick.label == "Team van 15 oktober 2026"


def test_what_another_screen_changed_shows_here_and_is_not_stored_again(session, store, monkeypatch):
    """A score and a scribe set on another screen show in the pickers here; setting them is no new edit."""
    from facilitation.store import Store as _Store

    root = started(session)
    mv, rec = root.parts[0], root.parts[3]
    an, bart = pid(session, "An Claes"), pid(session, "Bart Peeters")
    mid = root.meeting.id
    other = Session(_Store(store.path))
    other.open_case(session.case.id)
    assert other.do(rt.set_team_map_score(other.case, mid, an, 6))
    assert other.do(rt.set_scribe(other.case, mid, bart))
    logged = len(store.history(session.case.id))
    sent = []
    monkeypatch.setattr(session, "do", lambda *a, **k: sent.append(a) or True)  # what the screen sends to the store
    assert session.sync()
    assert mv.scale._pickers[an].value == 6 and rec.scribe.value == bart
    assert "Verslag door: Bart Peeters" in html.unescape(re.sub(r"<[^>]+>", "", rec.preview.value))
    session.set_language("en")
    assert rec.scribe.label == "Bart Peeters" and rec.scribe.options[0][0] == "(nobody yet)"
    assert len(store.history(session.case.id)) == logged and sent == []
