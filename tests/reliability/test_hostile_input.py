"""Hostile input (issue 9): markup, SQL-like text, 10,000 characters, control characters, mixed scripts,
emoji, out-of-range and non-integer numbers, through every operation a user can trigger.

Goal: no crash; a rejected input changes nothing stored; an accepted one is stored exactly as typed
(trimmed) and read back intact."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitation.domain import FacilitationError, ops
from facilitation.store import Store, casefile
from facilitation.ui.session import Session

NASTY = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "'); DROP TABLE records; --",
    "Robert'); DELETE FROM changes WHERE ('1'='1",
    "\u202eevil\u202c",
    "مرحبا بالعالم",
    "👩‍👧‍👦🏳️‍🌈",
    "Zoë Ça va? Ñandú",
    "line1\nline2\r\nline3",
    "tab\there",
    "\x07\x1b[31mred\x1b[0m",
    "{format}{0}{{}}%s%d",
    "x" * 10_000,
    "x" * 10_001,
    "",
    "   ",
    "\x00",
]
texts = st.one_of(st.sampled_from(NASTY), st.text(max_size=400))
numbers = st.one_of(
    st.integers(-1000, 1000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.none(),
    st.booleans(),
)

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


def fresh() -> tuple[Session, str, str, str]:
    store = Store(Path(tempfile.mkdtemp()) / "s.sqlite3")
    s = Session(store)
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    s.add_case(case)
    edit, pid = ops.add_person(s.case, "Rita")
    assert s.do(edit)
    edit, mid = ops.add_meeting(s.case, "network_meeting", "2026-10-15", [pid])
    assert s.do(edit)
    edit, sid = ops.add_scale(s.case)
    assert s.do(edit)
    return s, pid, mid, sid


SESSION, PID, MID, SID = fresh()


def snapshot(s: Session) -> str:
    return casefile.dumps(s.store.load(s.case.id))


def attempt(s: Session, make) -> tuple[bool, str, str]:  # type: ignore[no-untyped-def]
    before = snapshot(s)
    try:
        ok = s.do(make)
    except FacilitationError:  # operations may raise before the session sees them
        ok = False
    after = snapshot(s)
    return ok, before, after


def check(ok: bool, before: str, after: str) -> None:
    if not ok:
        assert after == before, "a rejected input changed what is stored"


@SETTINGS
@given(name=texts, relation=texts, phone=texts, notes=texts)
def test_people(name, relation, phone, notes):
    s = SESSION
    captured = {}

    def make(case):
        edit, pid = ops.add_person(case, name, relation=relation, phone=phone, notes=notes)
        captured["pid"] = pid
        return edit

    ok, before, after = attempt(s, make)
    check(ok, before, after)
    if ok:
        p = s.store.load(s.case.id).people[captured["pid"]]
        assert (p.name, p.relation, p.phone, p.notes) == (name.strip(), relation, phone, notes)


@SETTINGS
@given(
    text=texts, element=st.sampled_from(["harm", "danger_statement", "strength", "bottom_line", "next_step", "nope"])
)
def test_items(text, element):
    s = SESSION
    captured = {}

    def make(case):
        edit, iid = ops.add_item(case, text, element=element, author=PID, meeting=MID)
        captured["iid"] = iid
        return edit

    ok, before, after = attempt(s, make)
    check(ok, before, after)
    if ok:
        assert s.store.load(s.case.id).items[captured["iid"]].text == text.strip()


@SETTINGS
@given(value=numbers, why=texts, higher=texts)
def test_scores(value, why, higher):
    s = SESSION
    ok, before, after = attempt(s, lambda case: ops.set_score(case, SID, MID, PID, value, why, higher))
    check(ok, before, after)
    valid_int = (
        (isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10)
        or (isinstance(value, float) and value.is_integer() and 0 <= value <= 10)
        or (isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and int(value.strip()) <= 10)
    )
    if not valid_int:
        assert not ok
    if ok:
        from facilitation.domain.model import Score

        sc = s.store.load(s.case.id).scores[Score.key(SID, MID, PID)]
        assert 0 <= sc.value <= 10 and isinstance(sc.value, int)


@SETTINGS
@given(what=texts, when=texts, if_not=texts, check_how=texts)
def test_agreements(what, when, if_not, check_how):
    s = SESSION
    ok, before, after = attempt(
        s, lambda case: ops.add_agreement(case, what, owner=PID, when=when, if_not=if_not, check_how=check_how)[0]
    )
    check(ok, before, after)


@SETTINGS
@given(
    title=texts, date=st.one_of(st.sampled_from(["2026-10-15", "2026-02-30", "15/10/2026", ""]), st.text(max_size=12))
)
def test_meetings(title, date):
    s = SESSION
    ok, before, after = attempt(s, lambda case: ops.add_meeting(case, "interim_evaluation", date, [PID], title)[0])
    check(ok, before, after)


def test_store_still_sound_after_all_that():
    case = SESSION.store.load(SESSION.case.id)
    again = casefile.parse_bytes(casefile.dumps(case).encode("utf-8"))
    assert casefile.to_json_dict(again) == casefile.to_json_dict(case)
