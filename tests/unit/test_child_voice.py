"""The first draft of Words and Pictures, in a child's words, on every sample case."""

from __future__ import annotations

import re
from datetime import date

import pytest

from facilitation import samples
from facilitation.domain import ops
from facilitation.domain.child_voice import (
    default_contacts,
    draft_story,
    house_entries,
    new_story,
    new_version,
    pages_of,
    versions_of,
)
from facilitation.domain.model_child import HouseEntry
from facilitation.domain.people import age_on
from facilitation.i18n import translate

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
TODAY = date(2026, 11, 30)


def words(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def nl(key: str, **kw: object) -> str:
    return translate("nl", key, **kw)


def drafts():
    for name in samples.sample_names():
        case = samples.load_sample(name)
        kids = [c.id for c in case.children()]
        yield name, case, draft_story(case, kids, nl, words, TODAY)
        for kid in kids:
            yield name, case, draft_story(case, [kid], nl, words, TODAY)


@pytest.mark.parametrize("name,case,pages", list(drafts()))
def test_no_phone_number_in_the_text_and_only_the_chosen_contacts_have_one(name, case, pages):
    text = "\n".join(p.text for p in pages)
    for person in case.people.values():
        if person.phone.strip():
            assert person.phone not in text
    contacts = {c for p in pages for c in p.contacts}
    assert contacts and all(case.people[c].phone for c in contacts)
    assert not any(case.people[c].is_carer or case.people[c].sector == "professional" for c in contacts)
    assert not re.search(r"\d{3} \d{2} \d{2}", text)


@pytest.mark.parametrize("name,case,pages", list(drafts()))
def test_no_sentence_of_the_adults_worries_is_copied(name, case, pages):
    text = " ".join(p.text for p in pages).casefold()
    adult = [i.text for i in case.items.values() if i.element in ("harm", "danger_statement", "complicating_factor")]
    for item in adult:
        for sentence in re.split(r"(?<=[.!?])\s+", item):
            words_ = sentence.split()
            if len(words_) >= 5:
                assert sentence.casefold() not in text
            # nor any run of six words from it
            for i in range(len(words_) - 5):
                assert " ".join(words_[i : i + 6]).casefold() not in text
    for jargon in ("verwaarlozing", "gevaarsboodschap", "bodemeis", "hoogdringend", "maatregel", "neglect"):
        assert jargon not in text


@pytest.mark.parametrize("name,case,pages", list(drafts()))
def test_parents_are_named_as_the_children_call_them(name, case, pages):
    text = "\n".join(p.text for p in pages)
    for carer in case.carers():
        assert carer.name not in text  # never "Jessica Verstraete"
    assert "mama" in text.lower() or "papa" in text.lower()


def test_a_lost_father_is_not_said_to_be_worried():
    case = samples.load_sample("lina-en-noah")
    pages = draft_story(case, ["p-noah"], nl, words, TODAY)
    assert "papa" not in pages[0].text.lower()


def test_a_teenager_is_spoken_to_as_a_jongere_and_a_toddler_in_short_sentences():
    jonas = samples.load_sample("jonas-17")
    teen = draft_story(jonas, ["p-jonas"], nl, words, TODAY)
    assert teen[0].text.startswith("Jonas, dit is jouw verhaal")
    lina = samples.load_sample("lina-en-noah")
    young = draft_story(lina, ["p-noah", "p-lina"], nl, words, TODAY)
    assert "boekje" in young[0].text


def test_age_in_months_under_two():
    lina = samples.load_sample("lina-en-noah").people["p-lina"]
    assert age_on(lina, date(2026, 10, 10)) == (0, 10)


def test_a_story_is_stored_with_its_pages_and_a_new_version_keeps_the_old_one():
    case = samples.load_sample("lina-en-noah")
    pages = draft_story(case, ["p-noah"], nl, words, TODAY)
    edit, sid = new_story(case, "Het verhaal van Noah", "immediate", ["p-noah"], pages[:3], "2026-10-14")
    case = case.apply(edit)
    assert [p.topic for p in pages_of(case, sid)] == ["who_worried", "what_happened", "the_worry"]
    edit, v2 = new_version(case, sid, "2026-10-23", kind="words_pictures")
    case = case.apply(edit)
    case = case.apply(ops.update(case, "story_page", pages_of(case, v2)[0].id, text="Nieuwe tekst"))
    assert pages_of(case, sid)[0].text == pages[0].text  # the first version is kept as it was
    assert [s.version for s in versions_of(case, v2)] == [1, 2]


def test_only_what_the_child_allows_is_shared():
    case = samples.load_sample("lina-en-noah")
    e1 = HouseEntry(id="h-1", child="p-noah", house="worries", text="Ik mis mama", shareable=True)
    e2 = HouseEntry(id="h-2", child="p-noah", house="worries", text="Geheim", shareable=False)
    case = case.apply(ops.combine("x", [ops.create(e1), ops.create(e2)]))
    assert [e.text for e in house_entries(case, "p-noah", shared_only=True)] == ["Ik mis mama"]
    assert len(house_entries(case, "p-noah")) == 2


def test_default_contacts_have_a_phone_and_carry_the_plan_first():
    case = samples.load_sample("lina-en-noah")
    names = [p.name for p in default_contacts(case)]
    assert names[0] in ("Monique Verstraete", "Kelly Verstraete", "Nadia El Amrani") and len(names) <= 4


def test_the_next_gathering_is_promised_only_when_a_meeting_is_set():
    """'Op 10 oktober' only for a meeting the consultant set; the module's planned day is 'rond 10 oktober'."""
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 15)])
    kid = next(iter(case.people))
    planned = next(pg for pg in draft_story(case, [kid], nl, words, date(2026, 10, 2)) if pg.topic == "what_next")
    assert planned.text.startswith("Rond 15 oktober")  # day 15 of the module
    edit, _ = ops.add_meeting(case, "network_meeting", "2026-10-16", [kid])
    case = case.apply(edit)
    held = next(pg for pg in draft_story(case, [kid], nl, words, date(2026, 10, 2)) if pg.topic == "what_next")
    assert held.text.startswith("Op 16 oktober")
