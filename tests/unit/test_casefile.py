"""The case file: round trips without loss; a bad file gets a clear message and changes nothing."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitation import samples
from facilitation.domain import ValidationError, ops
from facilitation.i18n import error_text
from facilitation.store import casefile

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t"), min_size=1, max_size=300
).filter(lambda s: s.strip())


def build(names: list[str], items: list[str], score: int):
    case = ops.new_case("Familie <Test>", "2026-10-01", [("Jonas", 17)])
    pids = []
    for n in names:
        edit, pid = ops.add_person(case, n)
        case = case.apply(edit)
        pids.append(pid)
    edit, mid = ops.add_meeting(case, "network_meeting", "2026-10-15", pids)
    case = case.apply(edit)
    for t in items:
        edit, _ = ops.add_item(case, t, column="worries", author=pids[0] if pids else None, meeting=mid)
        case = case.apply(edit)
    edit, sid = ops.add_scale(case)
    case = case.apply(edit)
    if pids:
        case = case.apply(ops.set_score(case, sid, mid, pids[0], score, why_not_lower=items[0] if items else ""))
    return case


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts.map(lambda s: s[:200]), min_size=1, max_size=5), st.lists(texts, max_size=5), st.integers(0, 10))
def test_round_trip_without_loss(names, items, score):
    case = build(names, items, score)
    again = casefile.parse_bytes(casefile.dumps(case).encode("utf-8"))
    assert casefile.to_json_dict(again) == casefile.to_json_dict(case)


def good() -> dict:
    return casefile.to_json_dict(build(["Rita"], ["zorg"], 5))


def mutate(path: str, value):
    d = good()
    target = d
    keys = path.split(".")
    for k in keys[:-1]:
        target = target[int(k)] if isinstance(target, list) else target[k]
    last = keys[-1]
    if value is KeyError:
        del target[last]
    elif isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return d


@pytest.mark.parametrize(
    "data,field,code",
    [
        (mutate("schema_version", 99), "schema_version", "future_version"),
        (mutate("schema_version", "1"), "schema_version", "not_int"),
        (mutate("format", "something-else"), "format", "not_case_file"),
        (mutate("people.0.name", ""), "people[0].name", "empty"),
        (mutate("people.0.closeness", 7), "people[0].closeness", "out_of_range"),
        (mutate("people.0.shoe", 1), "people[0].shoe", "unknown_field"),
        (mutate("scores.0.value", 11), "scores[0].value", "out_of_range"),
        (mutate("scores.0.value", 7.5), "scores[0].value", "not_int"),
        (mutate("items.0.text", KeyError), "items[0].text", "missing"),
        (mutate("items.0.author", "p-nobody"), "items[0].author", "unknown_reference"),
        (mutate("case.start_date", "1 oktober"), "case.start_date", "not_date"),
        (mutate("people", {}), "people", "not_list"),
        ({"hello": "world"}, "format", "not_case_file"),
        ([], "file", "not_case_file"),
    ],
)
def test_bad_content_names_field_and_problem(data, field, code):
    with pytest.raises(ValidationError) as e:
        casefile.parse_bytes(json.dumps(data).encode())
    assert (e.value.field, e.value.code) == (field, code)
    nl, en = error_text("nl", e.value), error_text("en", e.value)
    assert field in nl and nl != en and "error." not in nl and "error." not in en


@pytest.mark.parametrize(
    "raw,code",
    [
        (b"", "file_empty"),
        (b"   \n", "file_empty"),
        (b'{"format": ', "bad_json"),
        (b"\xff\xfe\x00{", "not_utf8"),
        ('{"case": "é"}'.encode("latin-1"), "not_utf8"),
        (b"[" * 100000, "bad_json"),
    ],
)
def test_broken_files(raw, code):
    with pytest.raises(ValidationError) as e:
        casefile.parse_bytes(raw)
    assert e.value.code == code


def test_duplicate_ids_refused():
    d = good()
    d["people"].append(dict(d["people"][0]))
    with pytest.raises(ValidationError) as e:
        casefile.parse_bytes(json.dumps(d).encode())
    assert e.value.code == "duplicate_id"


def _v1(**extra):
    data = {
        "format": "facilitation-case",
        "schema_version": 1,
        "case": {"id": "c-1", "title": "Familie Maes", "start_date": "2026-09-01"},
        "people": [
            {"id": "p-kid", "name": "Jonas", "is_child": True, "age": 9, "relation": "zoon"},
            {"id": "p-ma", "name": "Sofie", "relation": "mama"},
            {"id": "p-pa", "name": "Karim", "relation": "Vader van Jonas"},
            {"id": "p-uncle", "name": "Pieter", "relation": "nonkel (broer van mama)"},
            {"id": "p-gran", "name": "Rita", "relation": "grootmoeder langs moederszijde"},
        ],
        "meetings": [
            {"id": "m-1", "kind": "network_meeting", "date": "2026-09-15"},
            {"id": "m-2", "kind": "interim_evaluation", "date": "2026-09-28"},
            {"id": "m-3", "kind": "network_meeting", "date": "2026-10-10"},
        ],
        "items": [
            {"id": "i-1", "element": "bottom_line", "text": "Geen geweld.", "set_by": "de jeugdrechter"},
            {"id": "i-2", "element": "bottom_line", "text": "Een vertrouwensfiguur.", "set_by": "The consultant"},
            {"id": "i-3", "element": "bottom_line", "text": "School.", "set_by": "de directeur"},
        ],
    }
    data.update(extra)
    return data


def test_a_version_1_file_is_upgraded_on_import():
    case = casefile.from_json_dict(_v1())
    assert {p.id for p in case.carers()} == {"p-ma", "p-pa"}  # not the uncle "broer van mama", not grandma
    assert [case.items[i].set_by for i in ("i-1", "i-2", "i-3")] == ["judge", "consultant", "de directeur"]
    # The network meeting on day 40 (not the first one) is the second network meeting.
    assert case.meetings["m-3"].kind == "second_network_meeting"
    assert case.meetings["m-1"].kind == "network_meeting"
    assert casefile.to_json_dict(case)["schema_version"] == casefile.SCHEMA_VERSION


def test_upgrading_does_not_change_the_data_read():
    data = _v1()
    before = json.dumps(data, sort_keys=True)
    casefile.from_json_dict(data)
    assert json.dumps(data, sort_keys=True) == before


def test_version_2_records_round_trip_with_their_references_checked():
    case = samples.load_sample("jonas-17")
    again = casefile.parse_bytes(casefile.dumps(case).encode("utf-8"))
    assert casefile.to_json_dict(again) == casefile.to_json_dict(case)
    data = casefile.to_json_dict(case)
    data["reviews"][0]["said_by"] = "p-nobody"
    with pytest.raises(ValidationError) as err:
        casefile.from_json_dict(data)
    assert err.value.field == "reviews[0].said_by"
