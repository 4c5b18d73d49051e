"""Reviewing every agreement at the interim evaluation, without a browser: status, note, who said it, history."""

from __future__ import annotations

import pytest

from facilitation.domain import ops, plan
from facilitation.ui.shell import Shell


def flow(shell):
    return next(p for p in shell.parts if p.key == "meeting")


@pytest.fixture
def ids():
    return {}


@pytest.fixture
def interim(session, ids):
    """The Maes case with two agreements from the first meeting, now at its interim evaluation."""
    people = {p.name: p.id for p in session.case.people.values()}
    ids.update(rita=people["Rita Maes"], sofie=people["Sofie Maes"], m1=session.meeting_id)
    for what, owner in (("Oma haalt Jonas op", ids["rita"]), ("Mama belt oma als het misloopt", ids["sofie"])):
        assert session.do(lambda c, w=what, o=owner: plan.save_agreement(c, None, what=w, owner=o)[0])
    edit, ids["m2"] = ops.add_meeting(session.case, "interim_evaluation", "2026-10-28", [ids["rita"], ids["sofie"]])
    assert session.do(edit)
    session.set_meeting(ids["m2"])
    ids["a1"], ids["a2"] = (a.id for a in session.case.agreements_in_order())
    return session


def test_the_review_walks_through_every_agreement(interim, store, ids):
    shell = Shell(interim)
    mv = flow(shell)
    card = mv.review.card
    assert mv.review_box.layout.display == ""
    assert (card["heading"], card["what"], card["status"]) == ("Afspraak 1 van 2", "Oma haalt Jonas op", "")
    assert "Wie: Rita Maes (grootmoeder)" in card["who"] and card["progress"] == "0 van 2 afspraken besproken"
    assert [p[0] for p in card["people"]] == [ids["rita"], ids["sofie"]]  # who is present says it
    mv.review.send_save("partly", "Twee keer lukte het niet", ids["rita"])
    r = store.load(interim.case.id).reviews[f"{ids['a1']}:{ids['m2']}"]
    assert (r.status, r.note, r.said_by) == ("partly", "Twee keer lukte het niet", ids["rita"])
    assert interim.status == ("Afspraak 1: Werkt deels.", "ok")
    card = mv.review.card
    assert card["heading"] == "Afspraak 2 van 2" and card["overview"][0]["status"] == "partly"
    # No choice made: a clear message, nothing stored.
    mv.review.send_save("", "zomaar", "")
    assert interim.status[1] == "error" and "1 tot 5" in interim.status[0]
    assert len(store.load(interim.case.id).reviews) == 1
    mv.review.send_save("works", "", "")
    assert store.load(interim.case.id).reviews[f"{ids['a2']}:{ids['m2']}"].said_by is None
    assert mv.review.card["progress"].startswith("Alle afspraken zijn besproken")
    # Back to the first: what was said is shown again, and changed.
    mv.review.send_goto(0)
    assert (mv.review.card["status"], mv.review.card["note"]) == ("partly", "Twee keer lukte het niet")
    mv.review.send_save("works", "Nu wel", ids["sofie"])
    assert store.load(interim.case.id).reviews[f"{ids['a1']}:{ids['m2']}"].status == "works"
    assert len(store.load(interim.case.id).reviews) == 2


def test_history_of_an_agreement_and_a_new_one_suggested_as_new(interim, ids):
    assert interim.do(lambda c: plan.set_review(c, ids["a1"], ids["m2"], "not_working", "Oma was ziek", ids["rita"]))
    edit, m3 = ops.add_meeting(interim.case, "second_network_meeting", "2026-11-09", [ids["rita"]])
    assert interim.do(edit)
    interim.set_meeting(m3)
    assert interim.do(lambda c: plan.save_agreement(c, None, what="Nonkel komt op zondag", meeting=m3)[0])
    shell = Shell(interim)
    mv = flow(shell)
    [line] = mv.review.card["history"]
    assert line["label"] == "Tussentijdse evaluatie, 28 oktober 2026: Werkt niet"
    assert (line["note"], line["by"]) == ("Oma was ziek", "— Rita Maes")
    mv.review.send_goto(2)
    card = mv.review.card
    assert card["what"] == "Nonkel komt op zondag" and card["suggested"] == "new" and card["status"] == ""


def test_a_first_network_meeting_has_no_review(session):
    shell = Shell(session)
    assert flow(shell).review_box.layout.display == "none"


def test_review_texts_follow_the_language(interim):
    shell = Shell(interim)
    mv = flow(shell)
    interim.set_language("en")
    assert mv.review.card["heading"] == "Agreement 1 of 2"
    assert ["works", "Works"] in mv.review.labels["statuses"]
