"""Reviews of agreements per meeting, signed plan versions, and what changed between two versions."""

from __future__ import annotations

import pytest

from facilitation.domain import ops, plan
from facilitation.domain.case import Case
from facilitation.domain.errors import ValidationError
from facilitation.samples import load_sample


def apply(case: Case, result):
    if isinstance(result, tuple):
        edit, rid = result
        return case.apply(edit), rid
    return case.apply(result)


@pytest.fixture
def maes() -> tuple[Case, dict[str, str]]:
    ids: dict[str, str] = {}
    case = ops.new_case("Familie Maes", "2026-10-01", [("Lina", 10)])
    for key, name, fields in (
        ("mama", "Sara", dict(relation="mama", is_carer=True, knowledge="all")),
        ("rita", "Rita", dict(relation="oma", knowledge="all")),
        ("marc", "Marc", dict(relation="buurman", sector="friends", knowledge="all")),
    ):
        case, ids[key] = apply(case, ops.add_person(case, name, **fields))
    case, ids["m1"] = apply(case, ops.add_meeting(case, "network_meeting", "2026-10-15", list(ids.values())))
    case, ids["bl"] = apply(case, ops.add_item(case, "Geen geweld.", "bottom_line", meeting=ids["m1"]))
    case, ids["a1"] = apply(
        case, plan.save_agreement(case, None, what="Oma haalt Lina op", owner=ids["rita"], backup=ids["marc"])
    )
    case, ids["a2"] = apply(case, plan.save_agreement(case, None, what="Marc belt elke avond", owner=ids["marc"]))
    case = case.apply(plan.set_agreed(case, ids["a1"], ids["rita"], True))
    case, ids["m2"] = apply(case, ops.add_meeting(case, "interim_evaluation", "2026-10-28", [ids["rita"]]))
    return case, ids


def test_a_review_per_agreement_per_meeting_with_its_history(maes):
    case, ids = maes
    case = case.apply(plan.set_review(case, ids["a1"], ids["m2"], "partly", " Twee keer niet ", ids["rita"]))
    r = plan.review_at(case, ids["a1"], ids["m2"])
    assert (r.status, r.note, r.said_by) == ("partly", "Twee keer niet", ids["rita"])
    # Said again at the same meeting: replaced, not doubled.
    case = case.apply(plan.set_review(case, ids["a1"], ids["m2"], "works", "Toch wel", None))
    assert len(case.reviews) == 1 and plan.review_at(case, ids["a1"], ids["m2"]).status == "works"
    case = case.apply(plan.set_review(case, ids["a1"], ids["m1"], "new"))
    assert [(e.meeting.id, e.review.status) for e in plan.reviews_of(case, ids["a1"])] == [
        (ids["m1"], "new"),
        (ids["m2"], "works"),
    ]
    assert [e.meeting.id for e in plan.reviews_of(case, ids["a1"], until="2026-10-20")] == [ids["m1"]]
    for bad, code in (
        (dict(status="great"), "not_in_choices"),
        (dict(status="works", said_by="p-nobody"), "unknown_person"),
        (dict(status="works", note=3), "not_text"),
    ):
        with pytest.raises(ValidationError) as e:
            plan.set_review(case, ids["a1"], ids["m2"], **bad)
        assert e.value.code == code


def test_sign_v1_then_v2_as_they_were(maes):
    case, ids = maes
    case, v1 = apply(case, plan.sign_version(case, ids["m1"]))
    version = case.plan_versions[v1]
    assert (version.number, version.meeting, version.signed_on, version.sent_to_judge_on) == (
        1,
        ids["m1"],
        "2026-10-15",
        "",
    )
    assert [(a.number, a.what, a.owner_name, a.backup_name) for a in version.agreements] == [
        (1, "Oma haalt Lina op", "Rita", "Marc"),
        (2, "Marc belt elke avond", "Marc", ""),
    ]
    assert version.agreements[0].agreed_by == ("Rita",) and version.signed_by == (ids["rita"],)
    assert [i.text for i in version.items] == ["Geen geweld."]
    # A rename later does not change what was signed.
    case = case.apply(ops.update(case, "person", ids["rita"], name="Rita Maes"))
    assert case.plan_versions[v1].agreements[0].owner_name == "Rita"
    # Signed again before it was sent: the same version, replaced.
    case, again = apply(case, plan.sign_version(case, ids["m1"]))
    assert again == v1 and len(case.plan_versions) == 1
    assert case.plan_versions[v1].agreements[0].owner_name == "Rita Maes"
    case = case.apply(plan.set_sent_to_judge(case, v1, "2026-10-16"))
    assert case.plan_versions[v1].sent_to_judge_on == "2026-10-16"
    with pytest.raises(ValidationError) as e:
        plan.set_sent_to_judge(case, v1, "2026-10-01")
    assert e.value.code == "sent_before_signed"
    # At the interim evaluation: a new agreement, another backup, one dropped; v2.
    case, _ = apply(case, plan.save_agreement(case, None, what="Lina mag bij Marc aanbellen", owner=ids["marc"]))
    case = case.apply(ops.update(case, "agreement", ids["a1"], backup=ids["mama"]))
    case = case.apply(ops.delete(case, "agreement", ids["a2"]))
    case, v2 = apply(case, plan.sign_version(case, ids["m2"]))
    assert case.plan_versions[v2].number == 2 and plan.version_for(case, ids["m2"]).id == v2
    assert plan.version_for(case, ids["m1"]).id == v1 and plan.previous_version(case, case.plan_versions[v2]).id == v1
    d = plan.diff_for(case, case.plan_versions[v2])
    assert [a.what for a in d.added] == ["Lina mag bij Marc aanbellen"]
    assert [a.what for a in d.removed] == ["Marc belt elke avond"]
    assert [(c.after.number, c.fields) for c in d.changed] == [(1, ("backup",))]
    assert [(c.before.backup_name, c.after.backup_name) for c in d.owner_changes()] == [("Marc", "Sara")]
    assert not d.empty and d.items_added == () and d.items_changed == ()
    # Signing v1's meeting again after it was sent: v1 stays as sent, a new number is made.
    case, v3 = apply(case, plan.sign_version(case, ids["m1"]))
    assert v3 != v1 and case.plan_versions[v3].number == 3 and case.plan_versions[v1].sent_to_judge_on


def test_a_version_holds_only_what_was_there_at_its_meeting(maes):
    case, ids = maes
    case, _ = apply(case, plan.save_agreement(case, None, what="Later", meeting=ids["m2"]))
    case, _ = apply(case, ops.add_item(case, "Later doel", "safety_goal", meeting=ids["m2"]))
    case, v1 = apply(case, plan.sign_version(case, ids["m1"]))
    assert [a.what for a in case.plan_versions[v1].agreements] == ["Oma haalt Lina op", "Marc belt elke avond"]
    assert [i.text for i in case.plan_versions[v1].items] == ["Geen geweld."]


def test_nothing_to_sign(maes):
    case = ops.new_case("Leeg", "2026-10-01", [("Kim", 4)])
    case, mid = apply(case, ops.add_meeting(case, "network_meeting", "2026-10-15"))
    with pytest.raises(ValidationError) as e:
        plan.sign_version(case, mid)
    assert e.value.code == "no_agreements"


def test_diff_of_a_first_version_and_of_two_equal_ones(maes):
    case, ids = maes
    case, v1 = apply(case, plan.sign_version(case, ids["m1"]))
    d = plan.diff(None, case.plan_versions[v1])
    assert len(d.added) == 2 and d.removed == () and len(d.items_added) == 1
    assert plan.diff(case.plan_versions[v1], case.plan_versions[v1]).empty


def test_the_samples_v2_against_v1():
    case = load_sample("jonas-17")
    v2 = plan.version_for(case, "m-tse")
    assert v2 is not None and v2.number == 2 and v2.sent_to_judge_on
    d = plan.diff_for(case, v2)
    assert d.previous is not None and d.previous.number == 1
    assert {a.agreement for a in d.added} == {"a-4", "a-7", "a-8"}
    reviewed = {r.agreement: r.status for r in case.reviews.values() if r.meeting == "m-tse"}
    assert set(reviewed) == {a.agreement for a in v2.agreements}
