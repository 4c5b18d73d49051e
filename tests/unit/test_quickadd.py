"""Quick add: one person a line, in Dutch and English, pasted from an e-mail or a case report."""

from __future__ import annotations

import pytest

from facilitation import samples
from facilitation.domain import ops
from facilitation.domain.quickadd import add_all, guess_sector, parse, parse_line


def person(line: str) -> dict:
    q = parse_line(line)
    assert q is not None and q.ok, q
    return q.person


@pytest.mark.parametrize(
    "line,expected",
    [
        (
            "Fatima El Amrani, oma, familie, heel dichtbij",
            dict(name="Fatima El Amrani", relation="oma", sector="family", closeness=1),
        ),
        (
            "juf Els; leerkracht van Noor; school",
            dict(name="juf Els", relation="leerkracht van Noor", sector="school", closeness=2),
        ),
        (
            "Koen Peeters, buurman, vrienden en buren, verder weg",
            dict(relation="buurman", sector="friends", closeness=3),
        ),
        (
            "Rita, grandmother, family, very close, 72",
            dict(relation="grandmother", sector="family", closeness=1, age=72),
        ),
        ("Tom | crisisbegeleider | professionelen | dichtbij", dict(sector="professional", closeness=2)),
        ("Ann Lievens\tleerkracht\tschool\tver weg", dict(name="Ann Lievens", sector="school", closeness=3)),
        ("Karim – buurman – dichtbij", dict(name="Karim", relation="buurman", sector="friends", closeness=2)),
        ("Jef, 45 jaar, nonkel", dict(age=45, relation="nonkel", sector="family")),
        ("Mia (8), nichtje", dict(name="Mia", age=8, relation="nichtje")),
        ("Lotte, zus, age 21", dict(age=21, relation="zus")),
        ("Els, close friend, friends, further away", dict(relation="close friend", sector="friends", closeness=3)),
    ],
)
def test_the_parts_after_the_name_are_understood_in_any_order(line, expected):
    got = person(line)
    for k, v in expected.items():
        assert got[k] == v, (k, got)


@pytest.mark.parametrize(
    "line,phone",
    [
        ("Rita Maes, oma, 0471 11 22 33", "0471 11 22 33"),
        ("Rita Maes (tel. 0471/11.22.33), oma", "0471/11.22.33"),
        ("Rita Maes, gsm: +32 471 11 22 33, oma", "+32 471 11 22 33"),
        ("Rita Maes 052 21 37 84 oma", "052 21 37 84"),
    ],
)
def test_a_phone_number_anywhere_in_the_line(line, phone):
    got = person(line)
    assert got["phone"] == phone
    assert got["name"].startswith("Rita Maes") and "0471" not in got["name"] and "oma" in got["relation"] + got["name"]


@pytest.mark.parametrize(
    "relation,sector",
    [
        ("grootmoeder langs moederszijde", "family"),
        ("nonkel (broer van mama)", "family"),
        ("vriendin van mama", "friends"),
        ("buurvrouw", "friends"),
        ("leerkracht van Noah (5de leerjaar)", "school"),
        ("voetbaltrainer U19", None),
        ("trainer van de voetbal", "school"),
        ("CLB-medewerker", "professional"),
        ("maatschappelijk werker schuldbemiddeling OCMW", "professional"),
        ("consulent SDJ", "professional"),
        ("huisarts", "professional"),
        ("papa", "family"),
        ("teacher", "school"),
        ("neighbour", "friends"),
    ],
)
def test_the_sector_is_guessed_from_the_relation_when_not_given(relation, sector):
    assert guess_sector(relation) == sector


def test_a_guessed_sector_is_marked_and_an_unknown_one_is_family():
    q = parse_line("Kevin, voetbaltrainer")
    assert q.person["sector"] == "family" and "sector" in q.guessed
    q = parse_line("juf Els")
    assert (q.person["name"], q.person["sector"]) == ("juf Els", "school") and "sector" in q.guessed
    q = parse_line("Els, buurvrouw, school")
    assert q.person["sector"] == "school" and "sector" not in q.guessed


@pytest.mark.parametrize("relation", ["mama", "papa", "vader van Noah", "stiefmoeder", "mother", "dad"])
def test_a_parent_is_ticked_as_carer(relation):
    got = person(f"Sam, {relation}")
    assert got["is_carer"] is True and got["sector"] == "family"


def test_a_brother_of_mama_is_not_a_carer():
    assert "is_carer" not in person("Pieter, broer van mama")


def test_pasted_from_an_email_with_bullets_numbers_and_role_colons():
    text = """Beste collega,

    - Oma: Fatima El Amrani (0471 11 22 33)
    • Nonkel Pieter, dichtbij
    1. Kevin Bogaert, voetbaltrainer, school
    2) Mama: Jessica
    * Dr. Maier; huisarts; professioneel

    Met vriendelijke groeten,
    An
    """
    lines = parse(text)
    ok = [q for q in lines if q.ok]
    assert [q.person["name"] for q in ok] == [
        "Fatima El Amrani",
        "Nonkel Pieter",
        "Kevin Bogaert",
        "Jessica",
        "Dr. Maier",
        "An",  # the signature reads as a name: shown in the preview, to leave out there
    ]
    assert lines[-2].problem == "not_a_person"  # the closing greeting
    fatima = ok[0].person
    assert (fatima["relation"], fatima["phone"], fatima["sector"]) == ("Oma", "0471 11 22 33", "family")
    assert ok[3].person["is_carer"] is True
    assert ok[4].person["sector"] == "professional"
    # "Beste collega," is a greeting: shown with the reason, not dropped and not added.
    assert (lines[0].text, lines[0].problem) == ("Beste collega,", "not_a_person")


def test_lines_that_are_not_understood_are_kept_with_the_reason():
    text = "\n".join(
        [
            "Rita, oma",
            "0471 11 22 33",
            "Mama heeft gisteren gebeld om te zeggen dat ze niet kan komen naar het overleg.",
            "12345",
            "Het netwerk van Noor:",
            "x" * 201 + ", oma",
            "",
            "   ",
        ]
    )
    lines = parse(text)
    assert [(q.number, q.problem) for q in lines] == [
        (1, ""),
        (2, "not_a_name"),
        (3, "too_many_words"),
        (4, "not_a_name"),
        (5, "not_a_person"),
        (6, "error.too_long"),
    ]
    assert lines[2].text.startswith("Mama heeft gisteren")


def test_names_on_the_map_or_given_twice_are_not_added_twice():
    case = samples.load_sample("jonas-17")
    lines = parse("Lotte Van Damme, zus\nNieuwe Buur, buurman\nnieuwe buur, buurman", case)
    assert [q.problem for q in lines] == ["exists", "", "duplicate"]
    assert lines[0].details["name"] == "Lotte Van Damme"


def test_add_all_is_one_undo_step_and_stores_what_the_preview_showed():
    case = ops.new_case("Familie", "2026-10-01", [("Noor", 9)])
    lines = parse("Fatima El Amrani, oma, familie, heel dichtbij\njuf Els; leerkracht van Noor; school\n???")
    edit, ids = add_all(case, lines)
    assert edit.label == "network.edit.quick_add" and edit.params["n"] == 2 and len(ids) == 2
    case = case.apply(edit)
    fatima, els = (case.people[i] for i in ids)
    assert (fatima.name, fatima.sector, fatima.closeness, fatima.relation) == ("Fatima El Amrani", "family", 1, "oma")
    assert (els.name, els.sector, els.relation) == ("juf Els", "school", "leerkracht van Noor")


def test_every_person_of_a_sample_network_survives_a_round_through_text():
    case = samples.load_sample("lina-en-noah")
    words = {"family": "familie", "friends": "vrienden", "school": "school", "professional": "professionelen"}
    rings = {1: "heel dichtbij", 2: "dichtbij", 3: "verder weg"}
    people = [p for p in case.people.values() if not p.is_child]
    text = "\n".join(f"{p.name}, {p.relation}, {words[p.sector]}, {rings[p.closeness]}" for p in people)
    lines = parse(text)
    assert all(q.ok for q in lines), [q for q in lines if not q.ok]
    got = {q.person["name"]: q.person for q in lines}
    for p in people:
        g = got[p.name]
        assert (g["relation"], g["sector"], g["closeness"]) == (p.relation, p.sector, p.closeness), p.name
        assert g.get("is_carer", False) == p.is_carer, p.name


def test_hundreds_of_lines_are_cut_off_with_a_reason():
    lines = parse("\n".join(f"Persoon {i}, buur" for i in range(250)))
    assert sum(q.ok for q in lines) == 200
    assert lines[-1].problem == "too_many_lines"
