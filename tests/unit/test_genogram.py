"""The genogram, without a browser: generations, couples, children, siblings, household, gaps."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from facilitation import samples
from facilitation.domain import Case, ops
from facilitation.domain import network as net
from facilitation.domain.genogram import genogram
from facilitation.figures.genogram import age_on, gap_texts, genogram_figure, name_lines


def add(case: Case, name: str, **fields) -> tuple[Case, str]:  # type: ignore[no-untyped-def]
    edit, pid = ops.add_person(case, name, **fields)
    return case.apply(edit), pid


def link(case: Case, a: str, b: str, choice: str) -> Case:
    edit, _ = net.add_link(case, a, b, choice)
    return case.apply(edit)


@pytest.fixture
def family() -> tuple[Case, dict[str, str]]:
    """Noor (8) and Sem (5) with mama Sara and papa Tom, apart; Sara's mother Rita; Sara's new partner."""
    case = ops.new_case("Familie", "2026-10-01", [("Noor", 8), ("Sem", 5)])
    ids = {p.name.lower(): p.id for p in case.children()}
    for key, name, fields in (
        ("sara", "Sara", dict(relation="mama", gender="female", household=True, is_carer=True)),
        ("tom", "Tom", dict(relation="papa", gender="male", is_carer=True)),
        ("rita", "Rita", dict(relation="oma", gender="female")),
        ("ali", "Ali", dict(relation="partner van mama", gender="male", household=True)),
        ("lies", "Lies", dict(relation="tante (zus van mama)", gender="female")),
        ("karim", "Karim", dict(relation="buurman", sector="friends", gender="male")),
        ("jef", "Jef", dict(relation="nonkel", gender="male")),
    ):
        case, ids[key] = add(case, name, **fields)
    for kid in ("noor", "sem"):
        case = link(case, ids["sara"], ids[kid], "parent_of")
        case = link(case, ids[kid], ids["tom"], "child_of")  # the same link, given from the child's side
    case = link(case, ids["rita"], ids["sara"], "parent_of")
    case = link(case, ids["lies"], ids["rita"], "child_of")
    case = link(case, ids["sara"], ids["tom"], "ex_partner")
    case = link(case, ids["sara"], ids["ali"], "partner")
    return case, ids


def test_generations_children_parents_grandparents(family):
    case, ids = family
    g = genogram(case)
    gen = {k: g.places[v][1] for k, v in ids.items() if v in g.places}
    assert gen == {"noor": 0, "sem": 0, "sara": -1, "tom": -1, "ali": -1, "lies": -1, "rita": -2}
    # Friends and people without any link stay off the genogram; a family member without one is listed.
    assert ids["karim"] not in g.places
    assert g.unplaced == (ids["jef"],)


def test_couples_children_and_siblings(family):
    case, ids = family
    g = genogram(case)
    kinds = {frozenset((u.a, u.b)): u.kind for u in g.unions}
    assert kinds == {
        frozenset((ids["sara"], ids["tom"])): "ex_partner",
        frozenset((ids["sara"], ids["ali"])): "partner",
    }
    fams = {f.parents: f.children for f in g.families}
    assert set(fams[tuple(sorted((ids["sara"], ids["tom"]), key=lambda i: g.places[i][0]))]) == {
        ids["noor"],
        ids["sem"],
    }
    assert set(fams[(ids["rita"],)]) == {ids["sara"], ids["lies"]}  # Lies is Sara's sister: they share Rita
    x = {k: g.places[v][0] for k, v in ids.items() if v in g.places}
    # Papa and mama side by side, the children under them (oldest left), mama's new partner on her other side.
    assert abs(x["sara"] - x["tom"]) < 1.5 and abs(x["sara"] - x["ali"]) < 1.5
    assert x["noor"] < x["sem"]
    assert min(x["sara"], x["tom"]) - 0.1 <= (x["noor"] + x["sem"]) / 2 <= max(x["sara"], x["tom"]) + 0.1
    assert (x["tom"] < x["sara"] < x["ali"]) or (x["ali"] < x["sara"] < x["tom"])
    # Rita stands above her two daughters.
    assert min(x["sara"], x["lies"]) <= x["rita"] <= max(x["sara"], x["lies"])
    # Nobody stands on top of anyone in a row.
    rows: dict[int, list[float]] = {}
    for xx, gg in g.places.values():
        rows.setdefault(gg, []).append(xx)
    for xs in rows.values():
        xs.sort()
        assert all(b - a >= 1.2 for a, b in itertools.pairwise(xs))


def test_household_is_who_lives_with_the_children(family):
    case, ids = family
    assert set(genogram(case).household) == {ids["sara"], ids["ali"]}
    fig = genogram_figure(case, "nl", today=date(2026, 10, 1))
    dashed = [s for s in fig["layout"]["shapes"] if s["type"] == "path" and s["line"]["dash"] == "dash"]
    assert len(dashed) == 1  # one line around Sara and Ali


def test_a_grandmother_added_on_the_map_is_placed_once_her_link_is_given(family):
    case, ids = family
    case, opa = add(case, "Opa Jos", relation="opa", gender="male")
    assert opa in genogram(case).unplaced and opa not in genogram(case).places
    case = link(case, opa, ids["tom"], "parent_of")
    g = genogram(case)
    assert g.places[opa][1] == -2 and opa not in g.unplaced


def test_gaps_say_where_nobody_is_known(family):
    case, ids = family
    texts = gap_texts(case, "nl")
    assert texts == ["Noor en Sem: niemand gekend langs vaderskant buiten Tom"]
    assert gap_texts(case, "en") == ["Noor and Sem: nobody known on the father's side apart from Tom"]
    case = ops_remove(case, ids["tom"])
    assert gap_texts(case, "nl") == ["Noor en Sem: niemand gekend langs vaderskant"]


def ops_remove(case: Case, pid: str) -> Case:
    return case.apply(ops.remove_person(case, pid))


def test_the_samples_gaps():
    assert gap_texts(samples.load_sample("jonas-17"), "nl") == []  # tante Hilde is known on papa's side
    assert gap_texts(samples.load_sample("lina-en-noah"), "nl") == [
        "Noah: niemand gekend langs vaderskant buiten Kevin D'Hondt",
        "Lina: niemand gekend langs vaderskant buiten Dylan Mertens",
    ]
    assert gap_texts(samples.load_sample("mila-en-finn"), "nl") == [
        "Mila en Finn: niemand gekend langs moederskant buiten Sanne Hendrickx"
    ]


def test_a_relative_tied_only_as_family_stands_beside_them_on_her_generation():
    case = samples.load_sample("jonas-17")
    g = genogram(case)
    assert ("p-hilde", "p-bart") in g.loose
    assert g.places["p-hilde"][1] == g.places["p-bart"][1] == -1
    assert abs(g.places["p-hilde"][0] - g.places["p-bart"][0]) <= 1.6


def test_deceased_get_a_cross_and_the_children_a_double_line():
    case = samples.load_sample("mila-en-finn")
    case = case.apply(ops.update(case, "person", "p-rosa", deceased=True))
    fig = genogram_figure(case, "nl", today=date(2026, 12, 1))
    names = {d["name"]: d for d in fig["data"]}
    assert len(names["deceased"]["x"]) == 1 and names["deceased"]["marker"]["symbol"] == ["x-thin-open"]
    assert len(names["index"]["x"]) == 2
    main = names["genogram"]
    rosa = main["customdata"].index("p-rosa")
    assert "†" in main["text"][rosa]
    symbols = dict(zip(main["customdata"], main["marker"]["symbol"], strict=True))
    assert symbols["p-kristof"] == "square" and symbols["p-sanne"] == "circle"


def test_a_baby_is_shown_in_months():
    case = samples.load_sample("lina-en-noah")
    fig = genogram_figure(case, "nl", today=date(2026, 10, 23))
    main = next(d for d in fig["data"] if d["name"] == "genogram")
    lina = main["text"][main["customdata"].index("p-lina")]
    noah = main["text"][main["customdata"].index("p-noah")]
    assert "10 mnd." in lina and "10 j." in noah


def test_ages_from_the_date_of_birth_and_names_in_two_lines():
    case = samples.load_sample("jonas-17")
    jonas = case.people["p-jonas"]
    assert age_on(jonas, date(2026, 5, 11)) == 16 and age_on(jonas, date(2026, 5, 12)) == 17
    assert (
        name_lines("Wilhelmina Vandenbroucke-De Smet") == ["Wilhelmina", "Vandenbroucke…"]
        or len(name_lines("Wilhelmina Vandenbroucke-De Smet")) == 2
    )


def test_user_text_reaches_plotly_escaped():
    case = ops.new_case("X", "2026-10-01", [("<img src=x onerror=alert(1)>", 8)])
    kid = case.children()[0].id
    case, mum = add(case, "<b>Mama</b>", gender="female")
    case = link(case, mum, kid, "parent_of")
    fig = genogram_figure(case, "nl")
    blob = str(fig)
    assert "<img" not in blob and "<b>Mama" not in blob


def test_parent_links_refuse_a_cycle_and_a_third_parent(family):
    case, ids = family
    from facilitation.domain import ValidationError

    with pytest.raises(ValidationError) as e:
        net.add_link(case, ids["noor"], ids["rita"], "parent_of")  # Noor cannot be her grandmother's parent
    assert e.value.code == "parent_cycle"
    with pytest.raises(ValidationError) as e:
        net.add_link(case, ids["ali"], ids["noor"], "parent_of")
    assert e.value.code == "three_parents"
