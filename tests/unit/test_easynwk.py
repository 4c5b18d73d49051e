"""easyNWK files: the mapping of angles, distances and marks, several versions, a round trip, refusals."""

from __future__ import annotations

import json
from datetime import date

import pytest

from facilitation import samples
from facilitation.cli import main
from facilitation.domain import ValidationError
from facilitation.domain.snapshots import case_at, kept_maps
from facilitation.i18n import error_text
from facilitation.store import Store, easynwk
from facilitation.store.easynwk import ring_of, sector_of


def alter(aid: int, name: str, angle: float, distance: float, **more) -> dict:  # type: ignore[no-untyped-def]
    return {
        "id": aid,
        "name": name,
        "role": more.pop("role", ""),
        "roleDefault": False,
        "human": more.pop("human", True),
        "currentGender": more.pop("gender", "nicht festgelegt"),
        "genderDefault": False,
        "age": more.pop("age", ""),
        "note": "",
        "deceased": more.pop("deceased", False),
        "edgeType": more.pop("edgeType", 1),
        "edgeTypeByUser": -1,
        "angle": angle,
        "distance": distance,
        "emoji": "",
        "conflict": more.pop("conflict", False),
        **more,
    }


def record() -> dict:
    """Two versions of Lena's network: a first conversation and, a month later, Oma closer and Jan new."""
    ego = {"name": "Lena", "age": "12", "currentGender": "weiblich", "note": "", "emoji": ""}
    first = [
        alter(1, "Mama", 30, 20, role="Mutter", gender="weiblich"),
        alter(2, "Oma", 60, 50, role="Großmutter", gender="weiblich", supportEmotional=2),
        alter(3, "Papa", 80, 90, role="Vater", gender="männlich", conflict=True),
        alter(4, "Sophie", 135, 40, role="Freundin", supportInstrumental="3"),
        alter(5, "Trainer Kurt", -135, 70, role="Trainer"),
        alter(6, "Frau Dr. Weiß", -45, 80, role="Ärztin"),
        alter(7, "Opa", 45, 103, role="Großvater", deceased=True, edgeType=0),
        alter(8, "Bello", 150, 10, role="Hund", human=False, edgeType=0),
        alter(9, "Tante Eva", 20, 60, role="Tante", edgeType=0),
    ]
    second = [dict(a) for a in first]
    second[1] = {**second[1], "distance": 15}  # Oma moved closer
    second.append(alter(10, "Jan", 100, 30, role="Freund"))
    connections = [{"id1": 1, "id2": 2}, {"id1": 1, "id2": 4}, {"id1": 2, "id2": 1}]
    return {
        "versions": [
            {
                "id": 1,
                "title": "Erstgespräch",
                "date": "2026-03-02",
                "nwk": {"ego": ego, "alteri": first, "connections": connections},
            },
            {
                "id": 2,
                "title": "Nach einem Monat",
                "date": "2026-04-06",
                "nwk": {"ego": ego, "alteri": second, "connections": connections},
            },
        ],
        "currentVersion": 2,
    }


@pytest.mark.parametrize(
    "angle,sector",
    [
        (0, "family"),
        (45, "family"),
        (89.999, "family"),
        (90, "friends"),
        (135, "friends"),
        (180, "friends"),
        (-180, "school"),
        (-135, "school"),
        (-90.001, "school"),
        (-90, "professional"),
        (-45, "professional"),
        (-0.001, "professional"),
        (270, "professional"),
        (-270, "friends"),
    ],
)
def test_every_quadrant_and_its_boundaries(angle, sector):
    assert sector_of(angle) == sector


@pytest.mark.parametrize(
    "distance,ring",
    [(0, 1), (10, 1), (33.32, 1), (33.33, 2), (50, 2), (66.66, 2), (66.67, 3), (99, 3), (100, 3), (140, 3)],
)
def test_every_horizon_boundary(distance, ring):
    assert ring_of(distance) == ring


def test_a_record_becomes_the_case_with_its_marks():
    case = easynwk.from_json_dict(record())
    people = {p.name: p for p in case.people.values()}
    lena = people["Lena"]
    assert lena.is_child and lena.age == 12 and lena.gender == "female"
    assert {n: (p.sector, p.closeness) for n, p in people.items() if not p.is_child} == {
        "Mama": ("family", 1),
        "Oma": ("family", 1),  # the current version: closer
        "Papa": ("family", 3),
        "Sophie": ("friends", 2),
        "Trainer Kurt": ("school", 3),
        "Frau Dr. Weiß": ("professional", 3),
        "Opa": ("family", 3),
        "Bello": ("friends", 1),
        "Tante Eva": ("family", 2),
        "Jan": ("friends", 1),
    }
    assert people["Opa"].deceased and not people["Mama"].deceased
    assert people["Bello"].human is False and people["Bello"].relation == "Hund"
    ties = {(case.name_of(t.a), case.name_of(t.b), t.kind) for t in case.ties.values()}
    assert ("Lena", "Papa", "conflict") in ties
    assert ("Lena", "Oma", "support") in ties and ("Lena", "Sophie", "support") in ties
    assert ("Lena", "Tante Eva", "broken") in ties  # no current relation, set by the user
    assert not any(b in ("Opa", "Bello") for _, b, _k in ties)  # deceased and pets: no relation lines
    assert ("Mama", "Oma", "family") in ties and ("Mama", "Sophie", "support") in ties
    assert sum(1 for a, b, _ in ties if {a, b} == {"Mama", "Oma"}) == 1  # a connection given twice: one tie


def test_each_version_is_a_meeting_on_its_date_with_its_map_kept():
    case = easynwk.from_json_dict(record())
    meetings = case.meetings_by_date()
    assert [(m.date, m.title) for m in meetings] == [("2026-03-02", "Erstgespräch"), ("2026-04-06", "Nach einem Monat")]
    assert [s.meeting for s in kept_maps(case)] == [m.id for m in meetings]
    then = case_at(case, meetings[0].id)
    assert {p.name: p.closeness for p in then.people.values()}["Oma"] == 2
    assert "Jan" not in {p.name for p in then.people.values()}
    assert case.info.start_date == "2026-03-02"


def test_a_single_network_without_versions():
    single = record()["versions"][0]["nwk"]
    case = easynwk.from_json_dict(single)
    assert len(case.meetings) == 1 and len(case.map_snapshots) == 1
    assert {p.name for p in case.people.values()} >= {"Lena", "Mama", "Opa"}


def test_round_trip_keeps_names_sectors_and_rings():
    original = record()
    case = easynwk.parse_bytes(json.dumps(original).encode("utf-8"))
    again = json.loads(easynwk.dumps(case))
    assert len(again["versions"]) == 2 and again["currentVersion"] == 2
    for v0, v1 in zip(original["versions"], again["versions"], strict=True):
        assert v1["date"] == v0["date"] and v1["title"] == v0["title"]
        before = {a["name"]: (sector_of(a["angle"]), ring_of(a["distance"])) for a in v0["nwk"]["alteri"]}
        after = {a["name"]: (sector_of(a["angle"]), ring_of(a["distance"])) for a in v1["nwk"]["alteri"]}
        assert after == before
        assert {a["name"]: a["id"] for a in v1["nwk"]["alteri"]} == {a["name"]: a["id"] for a in v0["nwk"]["alteri"]}
        assert v1["nwk"]["ego"]["name"] == "Lena"
    marks = {a["name"]: a for a in again["versions"][1]["nwk"]["alteri"]}
    assert marks["Papa"]["conflict"] is True and marks["Opa"]["deceased"] is True and marks["Bello"]["human"] is False
    assert marks["Tante Eva"]["edgeType"] == 0 and marks["Mama"]["edgeType"] == 1
    assert {frozenset((c["id1"], c["id2"])) for c in again["versions"][1]["nwk"]["connections"]} == {
        frozenset((1, 2)),
        frozenset((1, 4)),
    }
    # And read back once more: the same case.
    third = easynwk.from_json_dict(again)
    assert {(p.name, p.sector, p.closeness) for p in third.people.values()} == {
        (p.name, p.sector, p.closeness) for p in case.people.values()
    }


def test_a_sample_case_is_written_as_easynwk_opens_it():
    case = samples.load_sample("lina-en-noah")
    data = json.loads(easynwk.dumps(case))
    assert data["currentVersion"] == data["versions"][-1]["id"] and set(data) >= {"versions", "currentVersion"}
    nwk = data["versions"][-1]["nwk"]
    assert nwk["ego"]["name"] == "Noah Verstraete"  # the oldest child is the ego
    by_name = {a["name"]: a for a in nwk["alteri"]}
    assert set(by_name) == {p.name for p in case.people.values()} - {"Noah Verstraete"}
    for p in case.people.values():
        if p.name in by_name and not p.is_child:
            a = by_name[p.name]
            assert (sector_of(a["angle"]), ring_of(a["distance"])) == (p.sector, p.closeness), p.name
            assert -180 <= a["angle"] <= 180 and 0 < a["distance"] < 100
    assert (sector_of(by_name["Lina Verstraete"]["angle"]), ring_of(by_name["Lina Verstraete"]["distance"])) == (
        "family",
        1,
    )
    assert by_name["Kevin D'Hondt"]["edgeType"] == 0  # contact broken with Noah
    ids = [a["id"] for a in nwk["alteri"]]
    assert len(set(ids)) == len(ids)
    for c in nwk["connections"]:
        assert c["id1"] in ids and c["id2"] in ids


@pytest.mark.parametrize(
    "content,code",
    [
        (b'{"hello": "world"}', "not_case_or_easynwk"),
        (b"[1, 2, 3]", "not_case_or_easynwk"),
        (b'{"versions": "no"}', "not_list"),
        (b'{"versions": []}', "not_list"),
        (b'{"versions": [{"id": 1, "nwk": {"ego": {}, "alteri": {}, "connections": []}}]}', "not_list"),
        (
            b'{"ego": {"name": "x"}, "alteri": [{"id": 1, "name": "A", "angle": "links", "distance": 3}], "connections": []}',
            "not_number",
        ),
        (
            b'{"ego": {"name": "x"}, "alteri": [{"id": 1, "name": "A", "angle": NaN, "distance": 3}], "connections": []}',
            "not_finite",  # refused by the case file's own reading (docs/case-file.md#limits)
        ),
        (
            b'{"ego": {"name": "x"}, "alteri": [{"id": 1, "name": "", "angle": 1, "distance": 3}], "connections": []}',
            "empty",
        ),
        (
            b'{"ego": {"name": "x"}, "alteri": [{"id": 1, "name": "A", "angle": 1, "distance": 3}], "connections": [{"id1": 1, "id2": 7}]}',
            "unknown_reference",
        ),
    ],
)
def test_a_file_that_is_not_valid_easynwk_is_refused_clearly(tmp_path, content, code):
    path = tmp_path / "kaart.json"
    path.write_bytes(content)
    with pytest.raises(ValidationError) as e:
        easynwk.read_any(path)
    assert e.value.code == code
    assert "error." not in error_text("nl", e.value)  # a sentence, not a key


def test_cli_imports_an_easynwk_file_and_exports_one(tmp_path, capsys):
    src = tmp_path / "lena.json"
    src.write_text(json.dumps(record()), encoding="utf-8")
    store = tmp_path / "s.sqlite3"
    assert main(["--store", str(store), "import", str(src)]) == 0
    (summary,) = Store(store).list_cases()
    assert summary.title == "Lena" and summary.people == 11 and summary.meetings == 2
    out = tmp_path / "terug"
    assert main(["--store", str(store), "export", summary.id, "--format", "easynwk", "--out", str(out)]) == 0
    data = json.loads((tmp_path / "terug.json").read_text(encoding="utf-8"))
    assert {a["name"] for a in data["versions"][-1]["nwk"]["alteri"]} >= {"Mama", "Jan", "Bello"}


def test_cli_refuses_a_bad_easynwk_file_and_stores_nothing(tmp_path, capsys):
    bad = tmp_path / "slecht.json"
    bad.write_text('{"ego": {"name": "x"}, "alteri": [{"id": "een"}], "connections": []}', encoding="utf-8")
    store = tmp_path / "s.sqlite3"
    assert main(["--store", str(store), "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "alteri[0].id" in err and "geheel getal" in err
    assert Store(store).list_cases() == []


def test_a_case_without_kept_maps_is_dated_by_its_latest_meeting():
    """Not "Netwerkkaart nu" dated today: the map as it stands, dated and named by the latest meeting."""
    from facilitation.domain import ops
    from facilitation.i18n import translate

    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    case = case.apply(ops.add_person(case, "Rita", relation="grootmoeder")[0])
    for when in ("2026-10-15", "2026-11-09"):
        case = case.apply(ops.add_meeting(case, "network_meeting", when)[0])
    words = lambda key, **kw: translate("nl", key, **kw)  # noqa: E731
    (only,) = json.loads(easynwk.dumps(case, words))["versions"]
    assert only["date"] == "2026-11-09"
    assert only["title"] == "Netwerkkaart zoals nu, bij het overleg van 09/11/2026"
    bare = ops.new_case("Familie Peeters", "2026-10-01", [("Lore", 9)])
    (today,) = json.loads(easynwk.dumps(bare, words))["versions"]
    assert today["date"] == date.today().isoformat() and today["title"] == "Netwerkkaart nu"
