"""The sample cases load, are complete enough to demonstrate every screen, and survive a round trip."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from facilitation import samples
from facilitation.domain import NotFoundError
from facilitation.domain import reflecting as rt
from facilitation.domain.model import ELEMENT_KINDS
from facilitation.store import casefile

NAMES = samples.sample_names()
FULL = ("jonas-17", "lina-en-noah")


def test_the_three_samples_are_there():
    assert samples.sample_dir().is_dir()
    assert set(FULL) <= set(NAMES)
    assert len(NAMES) >= 3
    assert sorted(NAMES) == NAMES


def test_unknown_sample_is_refused():
    with pytest.raises(NotFoundError):
        samples.load_sample("../pyproject")


@pytest.fixture(params=NAMES)
def case(request):
    return samples.load_sample(request.param)


@pytest.mark.parametrize("name", NAMES)
def test_sample_file_reads_cleanly(name):
    path = samples.sample_dir() / f"{name}.json"
    case = casefile.read(path)
    raw = path.read_text(encoding="utf-8")
    assert '"format": "facilitation-case"' in raw and f'"schema_version": {casefile.SCHEMA_VERSION}' in raw
    again = casefile.parse_bytes(casefile.dumps(case).encode("utf-8"))
    assert casefile.to_json_dict(again) == casefile.to_json_dict(case)


def test_round_trip_through_the_json_dict(case):
    d = casefile.to_json_dict(case)
    assert casefile.to_json_dict(casefile.from_json_dict(d)) == d


def test_network_has_ten_to_twenty_people_with_children_at_the_centre(case):
    assert 10 <= len(case.people) <= 20
    kids = case.children()
    assert kids and all(k.closeness == 1 for k in kids)
    assert {p.sector for p in case.people.values()} == {"family", "friends", "school", "professional"}
    assert any(p.in_safety_network for p in case.people.values())
    assert case.ties
    assert case.info.start_date.startswith("2026")


def test_at_least_two_meetings_with_scores_in_two(case):
    assert len(case.meetings) >= 2
    scored = {s.meeting for s in case.scores.values()}
    assert len(scored) >= 2
    for s in case.scores.values():
        assert s.id == f"{s.scale}:{s.meeting}:{s.person}"
        assert s.person in case.meetings[s.meeting].present
    assert any(s.why_not_lower for s in case.scores.values())
    assert any(s.one_point_higher for s in case.scores.values())


def test_scales_include_safety_and_a_parent(case):
    kinds = {s.kind for s in case.scales.values()}
    assert {"safety", "willingness", "confidence", "capacity"} <= kinds
    for s in case.scales.values():
        if s.kind in ("willingness", "confidence", "capacity"):
            assert s.subject in case.people


def test_safety_plan_has_agreements(case):
    agreements = case.agreements_in_order()
    assert agreements
    for a in agreements:
        assert a.what and a.owner and a.links and a.agreed_by


def test_danger_statements_are_paired_both_ways(case):
    dss = case.items_of("danger_statement")
    assert 1 <= len(dss) <= 3
    for ds in dss:
        assert ds.ds_who and ds.ds_behaviour and ds.ds_impact
        assert ds.paired_with is not None
        goal = case.items[ds.paired_with]
        assert goal.element == "safety_goal" and goal.paired_with == ds.id


def test_items_have_authors_and_some_views(case):
    items = [i for i in case.items.values() if i.scenario is None]
    assert all(i.author in case.people for i in items)
    assert any(i.agree for i in items)
    assert any(i.disagree for i in items)
    assert all(i.set_by for i in case.items_of("bottom_line"))


@pytest.mark.parametrize("name", FULL)
def test_full_samples_have_all_eight_elements_and_exceptions(name):
    case = samples.load_sample(name)
    assert {i.element for i in case.items.values()} == set(ELEMENT_KINDS)
    assert "exception" in ELEMENT_KINDS


def test_jonas_has_the_judges_four_bottom_lines_and_a_broken_tie_with_father():
    case = samples.load_sample("jonas-17")
    bls = case.items_of("bottom_line")
    assert len(bls) == 4 and all(b.set_by == "judge" for b in bls)
    assert any(t.kind == "broken" and {t.a, t.b} == {"p-jonas", "p-bart"} for t in case.ties.values())


def test_lina_and_noah_ask_for_three_adults():
    case = samples.load_sample("lina-en-noah")
    texts = [b.text for b in case.items_of("bottom_line")]
    assert any(re.search(r"\b(3|drie)\s+volwassen", t) for t in texts)
    assert any("Woord- en Beeldverhaal" in t for t in texts)
    carriers = {p for a in case.agreements.values() for p in (a.owner, a.backup) if p and case.people[p].informal}
    carriers.discard("p-jessica")
    assert len(carriers) >= 3


def test_the_exercise_case_is_fictional_with_scenarios():
    others = [n for n in NAMES if n not in FULL]
    assert others
    case = samples.load_sample(others[0])
    assert case.info.fictional
    assert 2 <= len(rt.scenarios_in_order(case)) <= 3 and rt.team_map(case) is not None
    assert any(i.scenario for i in case.items.values())


# ---- the large generated case ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def large():
    return samples.large_case()


def test_large_case_has_the_stated_sizes(large):
    assert len(large.people) == 80
    assert 140 <= len(large.ties) <= 160
    assert len(large.items) == 400
    counts = Counter(i.element for i in large.items.values())
    # The framework's eight elements, 50 each (the benchmark case stays as it was before exceptions came).
    assert set(counts) == set(ELEMENT_KINDS) - {"exception"} and min(counts.values()) == 50
    assert all(i.author for i in large.items.values())
    assert any(i.agree for i in large.items.values()) and any(i.disagree for i in large.items.values())
    assert len(large.meetings) == 6
    assert all(len(set(m.present)) == 20 for m in large.meetings.values())
    assert len(large.scales) == 4
    assert len(large.scores) == 6 * 20 * 4
    assert 25 <= len(large.agreements) <= 35


def test_large_case_is_valid(large):
    d = casefile.to_json_dict(large)
    again = casefile.from_json_dict(d)
    assert casefile.to_json_dict(again) == d


def test_large_case_is_deterministic(large):
    assert casefile.to_json_dict(samples.large_case(1)) == casefile.to_json_dict(large)
    other = samples.large_case(2)
    assert casefile.to_json_dict(samples.large_case(2)) == casefile.to_json_dict(other)
    assert casefile.to_json_dict(other) != casefile.to_json_dict(large)


@pytest.mark.parametrize("name", FULL)
def test_samples_carry_what_the_judge_needs(name):
    case = samples.load_sample(name)
    info = case.info
    assert info.court and info.file_number and info.measure and info.hearing_date and info.service
    assert case.people[info.consultant].relation.startswith("consulent")
    assert "crisisbegeleider" in case.people[info.crisis_worker].relation
    assert all(c.birth_date for c in case.children())
    assert {p.relation for p in case.carers()} >= {"moeder"}
    assert case.plan_versions and case.reviews and case.feedback


def test_samples_mark_parents_and_carers_and_keep_the_lost_fathers_to_find():
    lina = samples.load_sample("lina-en-noah")
    assert {p.id for p in lina.carers()} == {"p-jessica", "p-kevin", "p-dylan"}
    assert {lina.people[p].ff_status for p in ("p-kevin", "p-dylan")} == {"to_find"}
    jonas = samples.load_sample("jonas-17")
    assert "p-pieter" not in {p.id for p in jonas.carers()}  # "nonkel (broer van mama)" is not a parent
