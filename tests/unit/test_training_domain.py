"""Training exercises: copies per group, role cards and reveal steps from the case, reset, comparison."""

from __future__ import annotations

import pytest

from facilitation import samples
from facilitation.domain import ops
from facilitation.domain import training as tr
from facilitation.domain.errors import ValidationError
from facilitation.domain.model import RevealStep
from facilitation.i18n import translate
from facilitation.store import Store


def say(key: str, **kw: object) -> str:
    return translate("nl", f"training.gen.{key}", **kw)


@pytest.fixture
def sample():
    case = ops.new_case("Familie Oefen", "2026-11-16", [("Mila", 8), ("Finn", 4)], fictional=True)
    people = {}
    for name, rel, sector, knowledge, notes in (
        ("Kristof", "vader", "family", "all", "Werkt in ploegen."),
        ("Rosa", "grootmoeder", "family", "all", ""),
        ("Ingrid", "buurvrouw", "friends", "none", ""),
        ("Leen", "consulent", "professional", "all", ""),
    ):
        e, pid = ops.add_person(case, name, relation=rel, sector=sector, knowledge=knowledge, notes=notes)
        case = case.apply(e)
        people[name] = pid
    mila = next(p.id for p in case.people.values() if p.name == "Mila")
    e, _ = ops.add_tie(case, people["Kristof"], people["Rosa"], "conflict", note="sinds de zomer")
    case = case.apply(e)
    e, mid = ops.add_meeting(case, "network_meeting", "2026-11-30", list(people.values()))
    case = case.apply(e)
    for element, text, author in (
        ("harm", "Papa reed na het drinken met de kinderen.", people["Kristof"]),
        ("complicating_factor", "Papa werkt tot tien uur.", people["Kristof"]),
        ("strength", "Bomma haalt de kinderen elke dag op.", people["Rosa"]),
        ("danger_statement", "Bomma is bang dat papa opnieuw drinkt.", people["Rosa"]),
        ("bottom_line", "De kinderen zijn altijd bij een nuchtere volwassene.", None),
    ):
        e, _ = ops.add_item(case, text, element=element, author=author, meeting=mid)
        case = case.apply(e)
    e, sid = ops.add_scale(case, "safety")
    case = case.apply(e)
    case = case.apply(ops.set_score(case, sid, mid, people["Rosa"], 4, why_not_lower="Ik ben er elke dag."))
    e, _ = ops.add_agreement(case, "Bomma haalt de kinderen op.", owner=people["Rosa"])
    case = case.apply(e)
    return case, people, mila


def test_role_cards_say_what_each_role_knows_and_thinks(sample):
    case, people, _mila = sample
    cards = tr.role_cards_from_people(case, say)
    roles = [c.role for c in cards]
    assert roles[0] == "Mila" and "Finn" not in " ".join(roles)  # children first; a 4-year-old is not played
    assert roles.index("Vader – Kristof") < roles.index("Consulent – Leen")  # the family before professionals
    rosa = next(c for c in cards if c.person == people["Rosa"])
    assert "Je weet alles over de zorgen" in rosa.knows
    assert "Kristof: “Papa reed na het drinken met de kinderen.”" in rosa.knows
    assert "Je hebt ruzie met Kristof (vader van Mila en Finn): sinds de zomer." in rosa.knows
    assert "Je ziet wat goed gaat: “Bomma haalt de kinderen elke dag op.”" in rosa.thinks
    assert "Op de veiligheidsschaal zou je 4 geven." in rosa.thinks and "Ik ben er elke dag." in rosa.thinks
    ingrid = next(c for c in cards if c.person == people["Ingrid"])
    assert "nog niets van de zorgen" in ingrid.knows and "Papa reed" not in ingrid.knows
    assert "Bedenk zelf" in ingrid.thinks
    assert len({c.id for c in tr.role_cards_from_people(case, say)} & {c.id for c in cards}) == len(cards)  # stable ids


def test_reveal_steps_hold_the_case_facts_in_story_order(sample):
    case, _people, _mila = sample
    steps = tr.reveal_steps_from_case(case, say)
    assert [s.title for s in steps] == ["Wat er gebeurd is", "Wat het moeilijk maakt", "Wat er goed gaat"]
    assert steps[0].text == "– Kristof: Papa reed na het drinken met de kinderen."
    assert not any(s.revealed for s in steps)


def test_a_copy_starts_with_the_network_and_bottom_lines_only(sample):
    case, _people, _mila = sample
    copy = tr.new_copy(case, "oefen", "Groep A", "2026-12-01", say)
    info = copy.info
    assert info.source == "oefen" and info.group_name == "Groep A" and info.fictional and info.id != case.id
    assert info.title == "Familie Oefen – Groep A"
    assert set(copy.people) == set(case.people) and set(copy.ties) == set(case.ties)
    assert [i.element for i in copy.items.values()] == ["bottom_line"]
    assert next(iter(copy.items.values())).meeting is None
    assert not copy.scores and not copy.agreements and not copy.scales
    assert list(copy.meetings) == [tr.EXERCISE_MEETING] and copy.meetings[tr.EXERCISE_MEETING].kind == "training"
    assert copy.all("rolecard") and copy.all("reveal")
    with pytest.raises(ValidationError):
        tr.new_copy(case, "oefen", "   ", "2026-12-01", say)


def test_reset_undoes_the_group_work_but_keeps_the_trainers_preparation(sample):
    case, people, _mila = sample
    copy = tr.new_copy(case, "oefen", "Groep A", "2026-12-01", say)
    start = {k: {i: r.to_dict() for i, r in b.items()} for k, b in copy.records.items()}
    # The group works: a danger statement, a score, an agreement, a new person; a step is revealed.
    e, _ = ops.add_item(copy, "Wij zijn bezorgd dat...", element="danger_statement")
    copy = copy.apply(e)
    e, _ = ops.add_person(copy, "Oom Jan", relation="oom")
    copy = copy.apply(e)
    copy = copy.apply(ops.update(copy, "person", people["Rosa"], phone="0470 00 00 00"))
    step = tr.steps_in_order(copy)[0]
    copy = copy.apply(tr.set_revealed(copy, step.id, True))
    # The trainer adds a card-like step of their own: it survives a reset (hidden again).
    own = RevealStep(id="rv-own", title="Brief van school", text="...", revealed=True, position=9.0)
    copy = copy.apply(tr.put_record(copy, own, "x"))
    edit = tr.reset_edit(copy, case)
    after = copy.apply(edit)
    assert after.info == copy.info
    now = {k: {i: r.to_dict() for i, r in b.items()} for k, b in after.records.items()}
    own_after = now["reveal"].pop("rv-own")
    assert own_after["revealed"] is False
    assert now == start
    # Reset twice is a no-op; and the edit undoes cleanly.
    assert not tr.reset_edit(after, case)
    assert after.apply(edit.inverse()).records.keys() == copy.records.keys()


def test_group_result_shows_what_the_group_made(sample):
    case, people, _mila = sample
    copy = tr.new_copy(case, "oefen", "Groep B", "2026-12-01", say)
    e, _ = ops.add_item(copy, "Bomma en de juf zijn bezorgd dat...", element="danger_statement")
    copy = copy.apply(e)
    e, sid = ops.add_scale(copy, "safety")
    copy = copy.apply(e)
    for name, v in (("Rosa", 3), ("Kristof", 6), ("Leen", 4)):
        copy = copy.apply(ops.set_score(copy, sid, tr.EXERCISE_MEETING, people[name], v))
    e, _ = ops.add_agreement(copy, "Kristof belt Rosa elke avond.", owner=people["Kristof"], backup=people["Rosa"])
    copy = copy.apply(e)
    r = tr.group_result(copy)
    assert r.group == "Groep B" and r.danger_statements == ["Bomma en de juf zijn bezorgd dat..."]
    assert r.scores == [("Kristof", 6), ("Leen", 4), ("Rosa", 3)] and r.middle == 4.0
    assert [a.what for a in r.agreements] == ["Kristof belt Rosa elke avond."]


def test_sample_file_is_never_written(tmp_path):
    """Start, work, reveal and reset on the fictional sample: its file keeps the same bytes."""
    name = "mila-en-finn" if "mila-en-finn" in samples.sample_names() else samples.sample_names()[0]
    path = samples.sample_dir() / f"{name}.json"
    before = path.read_bytes()
    sample = samples.load_sample(name)
    store = Store(tmp_path / "s.sqlite3")
    copy = tr.new_copy(sample, name, "Groep 1", "2026-12-01", say)
    store.add_case(copy)
    e, _ = ops.add_item(copy, "Werk van de groep", element="danger_statement")
    store.apply(copy.id, e)
    stored = store.load(copy.id)
    store.apply(copy.id, tr.set_revealed(stored, tr.steps_in_order(stored)[0].id, True))
    store.apply(copy.id, tr.reset_edit(store.load(copy.id), samples.load_sample(name)))
    after = store.load(copy.id)
    assert not [i for i in after.items.values() if i.element == "danger_statement"]
    assert not any(s.revealed for s in after.all("reveal"))
    assert path.read_bytes() == before
    assert samples.load_sample(name).records.keys() == sample.records.keys()


def test_role_cards_name_relations_from_the_card_holders_point_of_view():
    from facilitation import samples

    case = samples.load_sample("mila-en-finn")
    cards = {c.person: c for c in tr.role_cards_from_people(case, say)}
    father = cards["p-kristof"].knows
    assert "Wim Wouters is je broer." in father and "nonkel" not in father  # the children's nonkel, his brother
    assert "Rosa Van Hove is je moeder." in father and "Mila Wouters is je dochter." in father
    assert "Sanne Hendrickx is je ex-partner." in father
    assert "Jeroen Smet is de partner van je ex-partner." in father
    mila = cards["p-mila"].knows
    assert "Wim Wouters is je nonkel." in mila and "Kristof Wouters is je vader." in mila
    assert "Dries Van Acker (je voetbaltrainer)" in mila
    grandmother = cards["p-rosa"].knows
    assert "Kristof Wouters is je zoon." in grandmother and "Finn Wouters is je kleinzoon." in grandmother
    assert "Sanne Hendrickx (de ex-partner van je zoon)" in grandmother
    assert "training.gen" not in "".join(c.knows for c in cards.values())  # no untranslated tie kinds
    jonas = {c.person: c for c in tr.role_cards_from_people(samples.load_sample("jonas-17"), say)}
    assert "Hilde Van Damme (je zus)" in jonas["p-bart"].knows  # "tante (zus van papa)" on papa's card
