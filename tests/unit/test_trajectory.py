"""The six weeks of seed 004: one day count, the whole table, steps done only when done, what is still to come."""

from __future__ import annotations

from datetime import date

import pytest

from facilitation.domain import ops, scaling, trajectory
from facilitation.domain.case import Case
from facilitation.domain.errors import ValidationError
from facilitation.i18n import catalog, translate
from facilitation.samples import load_sample


def case_with(*meetings: tuple[str, str]) -> tuple[Case, list[str]]:
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    ids = []
    for kind, when in meetings:
        edit, mid = ops.add_meeting(case, kind, when)
        case = case.apply(edit)
        ids.append(mid)
    return case, ids


def by_key(views: list[trajectory.StepView]) -> dict[str, trajectory.StepView]:
    return {v.key: v for v in views}


# ---- one day count ----------------------------------------------------------------------------------


def test_the_start_date_is_day_1():
    case, _ = case_with()
    assert trajectory.day_number(case, date(2026, 10, 1)) == 1
    assert trajectory.day_number(case, "2026-10-14") == 14
    assert trajectory.day_number(case, "2026-09-30") == 0
    assert trajectory.date_of_day(case, 40) == date(2026, 11, 9)
    assert trajectory.day_number(case, "") is None and trajectory.day_number(case, "morgen") is None


def test_scaling_history_and_timeline_give_the_same_day_for_the_same_meeting():
    case, (m1, m2) = case_with(("network_meeting", "2026-10-14"), ("interim_evaluation", "2026-10-28"))
    edit, sid = ops.add_scale(case, "safety")
    case = case.apply(edit)
    person = case.children()[0].id
    for mid in (m1, m2):
        case = case.apply(ops.set_score(case, sid, mid, person, 5))
    days = [p.day for p in scaling.history(case, sid)]
    steps = by_key(trajectory.steps(case, date(2026, 10, 30)))
    assert days == [14, 28]
    assert [steps["first_network_meeting"].first_day, steps["interim_evaluation"].first_day] == days


def test_every_sample_meeting_has_one_day_number_everywhere():
    for name in ("jonas-17", "lina-en-noah", "mila-en-finn"):
        case = load_sample(name)
        for m in case.meetings.values():
            assert scaling.meeting_day(case, m) == trajectory.day_number(case, m.date)


# ---- the table --------------------------------------------------------------------------------------


def test_the_whole_table_of_seed_004_with_what_and_who_in_both_languages():
    keys = [s.key for s in trajectory.STEPS]
    assert keys == [
        "urgent_measure",
        "triage",
        "hearing",
        "after_hearing",
        "child_explained",
        "first_decision",
        "feedback_to_family",
        "gather_info",
        "first_network_meeting",
        "work_phase",
        "interim_evaluation",
        "second_work_phase",
        "second_network_meeting",
        "advice",
        "decision",
        "extension",
        "procedure_end",
        "bmo",
    ]
    days = {s.key: s.days for s in trajectory.STEPS}
    assert days["hearing"] == "3/4" and days["first_network_meeting"] == "14/15" and days["work_phase"] == "15-28"
    assert days["advice"] == "41/42" and days["extension"] == "42-56" and days["bmo"] == "75"
    for s in trajectory.STEPS:
        for key in (s.what_key, s.who_key, f"milestone.detail.{s.key}"):
            nl, en = catalog()[key]
            assert nl.strip() and en.strip() and nl != en, key
    assert "Voorleiding" in translate("nl", "milestone.hearing")
    assert translate("nl", "milestone.urgent_measure") == "Hoogdringende maatregel"
    assert translate("nl", "milestone.who.advice") == "Consulent en procesteam"


def test_nothing_is_done_because_the_calendar_passed_it():
    case, _ = case_with()
    steps = by_key(trajectory.steps(case, date(2026, 10, 20)))  # day 20
    assert not any(v.done for v in steps.values())
    assert steps["hearing"].status == "overdue" and steps["child_explained"].status == "overdue"
    assert steps["first_network_meeting"].status == "overdue"  # no meeting held on day 14/15
    assert steps["work_phase"].status == "running" and steps["gather_info"].status == "over"
    assert steps["interim_evaluation"].status == "coming" and steps["bmo"].status == "if_needed"
    nxt = trajectory.next_step(case, date(2026, 10, 20))
    assert nxt is not None and nxt.key == "interim_evaluation"


def test_marked_done_with_its_real_date_and_moved():
    case, _ = case_with()
    today = date(2026, 10, 20)
    case = case.apply(trajectory.mark_done(case, "hearing", "2026-10-04", today))
    case = case.apply(trajectory.plan_step(case, "child_explained", "2026-10-21"))
    steps = by_key(trajectory.steps(case, today))
    assert steps["hearing"].status == "done" and steps["hearing"].done_on == date(2026, 10, 4)
    assert steps["child_explained"].status == "coming" and steps["child_explained"].moved
    assert steps["child_explained"].first_day == 21
    with pytest.raises(ValidationError) as e:
        trajectory.mark_done(case, "triage", "2026-10-25", today)
    assert e.value.code == "done_in_future"
    with pytest.raises(ValidationError) as e:
        trajectory.mark_done(case, "nope", "2026-10-02", today)
    assert e.value.code == "unknown_step"
    # Not done after all, and back to the table's day: the record goes.
    case = case.apply(trajectory.mark_not_done(case, "hearing"))
    case = case.apply(trajectory.plan_step(case, "child_explained", None))
    assert "hearing" not in case.steps and "child_explained" not in case.steps


def test_the_hearing_date_of_the_case_plans_the_hearing():
    case, _ = case_with()
    case = case.apply(ops.update(case, "case", case.id, hearing_date="2026-10-03"))
    v = by_key(trajectory.steps(case, date(2026, 10, 2)))["hearing"]
    assert v.start == date(2026, 10, 3) and v.status == "coming"


def test_a_meeting_in_the_future_is_planned_never_held():
    case, (m1,) = case_with(("network_meeting", "2026-10-15"))
    before = by_key(trajectory.steps(case, date(2026, 10, 10)))["first_network_meeting"]
    assert before.status == "scheduled" and before.done_on is None and before.meeting.id == m1
    assert not trajectory.is_held(case.meetings[m1], date(2026, 10, 10))
    nxt = trajectory.next_step(case, date(2026, 10, 10))
    assert nxt is not None and nxt.key == "first_network_meeting"  # not skipped by "next"
    after = by_key(trajectory.steps(case, date(2026, 10, 15)))["first_network_meeting"]
    assert after.status == "done" and after.done_on == date(2026, 10, 15)


def test_meeting_steps_are_done_by_their_own_kind_of_meeting():
    case, _ = case_with(
        ("network_meeting", "2026-10-15"),
        ("interim_evaluation", "2026-10-28"),
        ("second_network_meeting", "2026-11-10"),
    )
    steps = by_key(trajectory.steps(case, date(2026, 11, 1)))
    assert steps["first_network_meeting"].status == "done"
    assert steps["interim_evaluation"].status == "done"
    assert steps["second_network_meeting"].status == "scheduled"
    assert steps["second_network_meeting"].first_day == 41


# ---- what is still to come ----------------------------------------------------------------------------


def test_a_document_made_at_the_day_40_meeting_does_not_list_it_as_to_come():
    case, (_m1, _m2, m3) = case_with(
        ("network_meeting", "2026-10-15"),
        ("interim_evaluation", "2026-10-28"),
        ("second_network_meeting", "2026-11-09"),
    )
    coming = trajectory.coming_after(case, m3)
    assert "second_network_meeting" not in [v.key for v in coming]
    assert all(v.start > date(2026, 11, 9) for v in coming)
    assert [v.key for v in coming] == ["advice", "decision", "procedure_end"]
    # Also when the second network meeting is held early, on day 38.
    case = case.apply(ops.update(case, "meeting", m3, date="2026-11-07"))
    assert "second_network_meeting" not in [v.key for v in trajectory.coming_after(case, case.meetings[m3])]


def test_coming_after_the_first_meeting_gives_the_dates_to_come():
    case, (m1, m2) = case_with(("network_meeting", "2026-10-15"), ("interim_evaluation", "2026-10-29"))
    meetings = trajectory.coming_after(case, m1, kinds=("meeting",))
    assert [(v.key, v.start, v.status) for v in meetings] == [
        ("interim_evaluation", date(2026, 10, 29), "scheduled"),  # the meeting that is set
        ("second_network_meeting", date(2026, 11, 9), "coming"),  # day 40 of the table
    ]
    # Seen from the day of the first meeting, even when the document is made later.
    assert trajectory.coming_after(case, m1) == trajectory.coming_after(case, date(2026, 10, 15))
    assert "interim_evaluation" not in [v.key for v in trajectory.coming_after(case, m2)]


def test_coming_after_an_unknown_meeting():
    case, _ = case_with()
    with pytest.raises(KeyError):
        trajectory.coming_after(case, "m-nope")


# ---- the course of each kind of meeting ---------------------------------------------------------------


def test_each_kind_of_meeting_has_its_own_course():
    case, (m1, m2, m3) = case_with(
        ("network_meeting", "2026-10-15"),
        ("interim_evaluation", "2026-10-28"),
        ("second_network_meeting", "2026-11-09"),
    )
    first, interim, second = (trajectory.agenda_of(case.meetings[m]) for m in (m1, m2, m3))
    assert first == trajectory.STANDARD_AGENDA and "review" not in first
    assert interim[1] == "review" and "adjust_plan" in interim and interim[-1] == "closing_interim"
    assert second[1] == "review" and "advice" in second and second[-1] == "closing_second"
    assert trajectory.reviews_agreements(case.meetings[m2]) and not trajectory.reviews_agreements(case.meetings[m1])
    for phase in (*first, *interim, *second):
        assert translate("nl", f"meeting.phase.{phase}") != f"meeting.phase.{phase}"
    assert trajectory.part_for("review") == "meeting" and trajectory.part_for("closing_second") == "plan"
    assert trajectory.in_closing(case.meetings[m2].replace(phase=len(interim) - 1))
