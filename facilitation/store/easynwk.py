"""easyNWK files: read a network map made with easyNWK as a case, and write a case as one easyNWK opens.

easyNWK (FH St. Pölten, https://github.com/fhstp/easynwk-web) keeps a *record*: ``versions[]``, each with
an ``id``, ``title``, ``date`` and an ``nwk`` holding the ``ego``, the ``alteri`` and the ``connections``
between alteri (older files hold a single ``nwk``). An alter stands at an ``angle`` (degrees from the
x-axis, -180..180, counter-clockwise) and a ``distance`` from the ego (100 = the outer horizon). Its four
sectors and three horizons map onto the map's:

- angle 0°..90° family -> family; 90°..180° friends -> friends and neighbours; -180°..-90° colleagues ->
  school and leisure; -90°..0° professional helpers -> professionals (easyNWK's own boundaries);
- distance below 33.33 -> very close, below 66.67 -> close, further -> further away.

The ego becomes the child of the case; a ``conflict`` with the ego a conflict tie; an alter easyNWK
marks as having no current relation a broken contact; support the alter gives (2 "supports me", 3
"support each other") a support tie; a connection between two alteri a family tie when both are family,
else a support tie noted as an easyNWK contact. Deceased people and non-human contacts (a pet) are kept
and marked. Every version becomes a meeting on its date with the map kept as it stood then.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.case import Case
from ..domain.errors import ValidationError
from ..domain.model import CaseInfo, Meeting, Person, Tie
from ..domain.snapshots import kept_maps, map_now, snapshot_case
from ..domain.text import day_month_year
from . import casefile

EGO_ID = "p-nwk-ego"
GENDER_IN = {
    "weiblich": "female",
    "female": "female",
    "männlich": "male",
    "male": "male",
    "divers": "other",
    "diverse": "other",
}
GENDER_OUT = {"female": "weiblich", "male": "männlich", "other": "divers", "": "nicht festgelegt"}
SECTOR_ANGLES = {
    "family": (0.0, 90.0),
    "friends": (90.0, 180.0),
    "school": (-180.0, -90.0),
    "professional": (-90.0, 0.0),
}
"""easyNWK's quarter of each of the map's sectors (degrees)."""
RING_DISTANCES = {1: (0.0, 33.33), 2: (33.33, 66.67), 3: (66.67, 100.0)}
CONNECTED = ("family", "support", "parent", "partner", "ex_partner")
"""Ties written as easyNWK connections (a contact between two people)."""
CONTACT_NOTE = "contact (easyNWK)"


# ---- the mapping -------------------------------------------------------------------------------------


def sector_of(angle: float) -> str:
    """easyNWK's sector of an angle (as its ``sectorIndex``), as the map's sector."""
    a = ((angle + 180.0) % 360.0) - 180.0 if not -180.0 <= angle <= 180.0 else angle
    if a < -90.0:
        return "school"
    if a < 0.0:
        return "professional"
    if a < 90.0:
        return "family"
    return "friends"


def ring_of(distance: float) -> int:
    """easyNWK's horizon of a distance (as its ``horizonKey``), as the map's closeness ring."""
    if distance < 33.33:
        return 1
    if distance < 66.67:
        return 2
    return 3


def looks_like_easynwk(data: Any) -> bool:
    """A record (``versions``) or a single network (``ego``, ``alteri``, ``connections``)."""
    return isinstance(data, dict) and ("versions" in data or {"ego", "alteri", "connections"} <= set(data))


# ---- reading -------------------------------------------------------------------------------------------


def _num(v: Any, where: str) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        raise ValidationError(where, "not_number")
    try:
        x = float(v)
    except ValueError:
        raise ValidationError(where, "not_number") from None
    if not math.isfinite(x):
        raise ValidationError(where, "not_number")
    return x


def _text(v: Any, where: str, default: str = "") -> str:
    if v is None:
        return default
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    if not isinstance(v, str):
        raise ValidationError(where, "not_text")
    return v.strip()


def _age(v: Any) -> int | None:
    s = str(v or "").strip()
    return int(s) if s.isdigit() and int(s) <= 120 else None


def _supports(alter: Mapping[str, Any]) -> bool:
    """Does the alter support the ego (easyNWK: 2 "supports me", 3 "we support each other")?"""
    for k in ("supportEmotional", "supportInstrumental", "supportInformational", "supportSocial", "supportLinking"):
        try:
            if int(alter.get(k) or 0) in (2, 3):
                return True
        except (TypeError, ValueError):
            continue
    return False


def _alter(a: Any, where: str) -> tuple[int, dict[str, Any], dict[str, Any]]:
    """One alter -> (its easyNWK id, the person's fields, what it says about the ego)."""
    if not isinstance(a, dict):
        raise ValidationError(where, "not_object")
    aid = a.get("id")
    if isinstance(aid, bool) or not isinstance(aid, int):
        raise ValidationError(f"{where}.id", "not_int")
    angle = _num(a.get("angle", 0), f"{where}.angle")
    distance = _num(a.get("distance", 0), f"{where}.distance")
    if distance < 0:
        raise ValidationError(f"{where}.distance", "out_of_range", value=distance, min=0, max=1000)
    human = a.get("human", True)
    deceased = a.get("deceased", False)
    for name, v in (("human", human), ("deceased", deceased), ("conflict", a.get("conflict", False))):
        if not isinstance(v, bool):
            raise ValidationError(f"{where}.{name}", "not_bool")
    fields = {
        "name": _text(a.get("name"), f"{where}.name"),
        "relation": _text(a.get("role"), f"{where}.role"),
        "sector": sector_of(angle),
        "closeness": ring_of(distance),
        "gender": GENDER_IN.get(_text(a.get("currentGender"), f"{where}.currentGender").casefold(), ""),
        "age": _age(a.get("age")),
        "notes": _text(a.get("note"), f"{where}.note"),
        "deceased": deceased,
        "human": human,
    }
    try:
        edge = int(a.get("edgeType", 1))
    except (TypeError, ValueError):
        raise ValidationError(f"{where}.edgeType", "not_int") from None
    connectable = human and not deceased and distance <= 100
    about_ego = {
        "conflict": bool(a.get("conflict", False)),
        "broken": connectable and edge == 0,
        "support": _supports(a),
    }
    return aid, fields, about_ego


def _nwk(
    nwk: Any, where: str
) -> tuple[dict[str, Any], list[tuple[int, dict[str, Any], dict[str, Any]]], list[tuple[int, int]]]:
    if not isinstance(nwk, dict):
        raise ValidationError(where, "not_object")
    ego = nwk.get("ego")
    if not isinstance(ego, dict):
        raise ValidationError(f"{where}.ego", "not_object")
    alteri, connections = nwk.get("alteri", []), nwk.get("connections", [])
    if not isinstance(alteri, list):
        raise ValidationError(f"{where}.alteri", "not_list")
    if not isinstance(connections, list):
        raise ValidationError(f"{where}.connections", "not_list")
    people = [_alter(a, f"{where}.alteri[{i}]") for i, a in enumerate(alteri)]
    ids = [p[0] for p in people]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise ValidationError(f"{where}.alteri", "duplicate_id", id=str(dup))
    links: list[tuple[int, int]] = []
    for i, c in enumerate(connections):
        if not isinstance(c, dict):
            raise ValidationError(f"{where}.connections[{i}]", "not_object")
        ends: list[int] = []
        for k in ("id1", "id2"):
            v = c.get(k)
            if isinstance(v, bool) or not isinstance(v, int):
                raise ValidationError(f"{where}.connections[{i}].{k}", "not_int")
            if v not in ids:
                raise ValidationError(f"{where}.connections[{i}].{k}", "unknown_reference", ref=str(v))
            ends.append(v)
        a, b = ends
        if a != b:
            links.append((a, b))
    ego_fields: dict[str, Any] = {
        "name": _text(ego.get("name"), f"{where}.ego.name") or "Ego",
        "age": _age(ego.get("age")),
        "gender": GENDER_IN.get(_text(ego.get("currentGender"), f"{where}.ego.currentGender").casefold(), ""),
        "notes": _text(ego.get("note"), f"{where}.ego.note"),
    }
    return ego_fields, people, links


def _versions(data: dict[str, Any]) -> list[dict[str, Any]]:
    if "versions" not in data:  # an old file: one network
        return [{"id": 1, "title": "", "date": "", "nwk": data}]
    versions = data["versions"]
    if not isinstance(versions, list) or not versions:
        raise ValidationError("versions", "not_list")
    for i, v in enumerate(versions):
        if not isinstance(v, dict):
            raise ValidationError(f"versions[{i}]", "not_object")
    return versions


def _date(v: Any, where: str) -> str:
    s = _text(v, where)
    if not s:
        return ""
    try:
        return date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        raise ValidationError(where, "not_date", value=s[:20]) from None


def _ties_of(
    ego: str, people: list[tuple[int, dict[str, Any], dict[str, Any]]], links: list[tuple[int, int]]
) -> list[Tie]:
    """The ties one version's network makes (ids stable across versions)."""
    ties: list[Tie] = []
    sector = {aid: f["sector"] for aid, f, _ in people}
    for aid, _f, about in people:
        pid = f"p-nwk-{aid}"
        for kind in ("conflict", "broken", "support"):
            if about[kind]:
                ties.append(Tie(id=f"t-nwk-{kind}-{aid}", a=ego, b=pid, kind=kind))
    seen: set[frozenset[int]] = set()
    for a, b in links:
        pair = frozenset((a, b))
        if pair in seen:
            continue
        seen.add(pair)
        family = sector[a] == sector[b] == "family"
        lo, hi = sorted((a, b))
        ties.append(
            Tie(
                id=f"t-nwk-{lo}-{hi}",
                a=f"p-nwk-{lo}",
                b=f"p-nwk-{hi}",
                kind="family" if family else "support",
                note="" if family else CONTACT_NOTE,
            )
        )
    return ties


def from_json_dict(data: Any) -> Case:
    """An easyNWK record (or single network) as a case; every version a meeting with its kept map."""
    if not looks_like_easynwk(data):
        raise ValidationError("file", "not_case_file")
    versions = _versions(data)
    current_id = data.get("currentVersion") if "versions" in data else None
    today = date.today().isoformat()
    read = []
    for i, v in enumerate(versions):
        where = f"versions[{i}]"
        vid = v.get("id", i + 1)
        if isinstance(vid, bool) or not isinstance(vid, int):
            raise ValidationError(f"{where}.id", "not_int")
        ego, people, links = _nwk(v.get("nwk"), f"{where}.nwk" if "versions" in data else "nwk")
        read.append(
            (
                vid,
                _text(v.get("title"), f"{where}.title"),
                _date(v.get("date"), f"{where}.date") or today,
                ego,
                people,
                links,
            )
        )
    if len({r[0] for r in read}) != len(read):
        raise ValidationError("versions", "duplicate_id", id=str(read[0][0]))
    current = next((r for r in read if r[0] == current_id), read[-1])
    dates = sorted(r[2] for r in read)
    ego = current[3]
    info = CaseInfo.from_dict({"id": "c-nwk", "title": ego["name"][:180], "start_date": dates[0]}, "case")
    child = Person.from_dict({"id": EGO_ID, "is_child": True, "closeness": 1, "knowledge": "all", **ego}, "nwk.ego")
    records: list[Any] = [info, child]
    for aid, fields, _ in current[4]:
        records.append(Person.from_dict({"id": f"p-nwk-{aid}", **fields}, f"alteri[{aid}]"))
    records += _ties_of(EGO_ID, current[4], current[5])
    for vid, title, when, v_ego, people, links in read:
        mid = f"m-nwk-{vid}"
        meeting = Meeting.from_dict({"id": mid, "date": when, "title": title[:180]}, "meeting")
        then = Case.from_records(
            [
                info,
                Person.from_dict(
                    {"id": EGO_ID, "is_child": True, "closeness": 1, "knowledge": "all", **v_ego}, "nwk.ego"
                ),
                *(Person.from_dict({"id": f"p-nwk-{aid}", **f}, f"alteri[{aid}]") for aid, f, _ in people),
                *_ties_of(EGO_ID, people, links),
            ]
        )
        records += [meeting, map_now(then, mid, when)]
    return Case.from_records(records)


def parse_bytes(raw: bytes) -> Case:
    """Bytes of an easyNWK file -> a case (the same checks and messages as a case file)."""
    if len(raw) > casefile.MAX_FILE_BYTES:
        raise ValidationError("file", "file_too_big", max_mb=casefile.MAX_FILE_BYTES // (1024 * 1024))
    if not raw.strip():
        raise ValidationError("file", "file_empty")
    try:
        text = raw.decode("utf-8-sig")  # easyNWK's own demo file starts with a byte-order mark
    except UnicodeDecodeError as e:
        raise ValidationError("file", "not_utf8", position=e.start) from None
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise ValidationError("file", "bad_json", line=e.lineno, column=e.colno) from None
    except RecursionError:
        raise ValidationError("file", "bad_json", line=0, column=0) from None
    return from_json_dict(data)


def _no_constant(name: str) -> Any:
    raise ValidationError("file", "bad_json", line=0, column=0)


def read_any(path: str | Path) -> Case:
    """A case file or an easyNWK file -> a case. The file is read with the case file's own checks first;
    one that is JSON but not a case file is then read as easyNWK; neither gets one clear refusal."""
    try:
        return casefile.read(path)
    except ValidationError as e:
        if e.code != "not_case_file":
            raise
    raw = Path(path).read_bytes()
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_constant=_no_constant)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ValidationError("format", "not_case_or_easynwk") from None
    if not looks_like_easynwk(data):
        raise ValidationError("format", "not_case_or_easynwk")
    return parse_bytes(raw)


# ---- writing -------------------------------------------------------------------------------------------


def _alter_ids(case: Case) -> dict[str, int]:
    """A number per person: an imported alter keeps its own, the others follow."""
    out: dict[str, int] = {}
    for pid in case.people:
        m = re.fullmatch(r"p-nwk-(\d+)", pid)
        if m:
            out[pid] = int(m.group(1))
    n = max(out.values(), default=0)
    for pid in sorted(case.people):
        if pid not in out:
            n += 1
            out[pid] = n
    return out


def _spread(people: list[Person]) -> dict[str, tuple[float, float]]:
    """Angle and distance per person: evenly along their quarter, in the middle of their horizon."""
    cells: dict[tuple[str, int], list[Person]] = {}
    for p in people:
        cells.setdefault((p.sector, p.closeness), []).append(p)
    out = {}
    for (sector, ring), group in cells.items():
        group.sort(key=lambda p: (p.name.casefold(), p.id))
        a0, a1 = SECTOR_ANGLES[sector]
        d0, d1 = RING_DISTANCES[ring]
        n = len(group)
        for i, p in enumerate(group):
            angle = a0 + 4 + (a1 - a0 - 8) * (i + 1) / (n + 1)
            depth = 0.5 if n < 6 else (0.3, 0.7)[i % 2]
            out[p.id] = (round(angle, 2), round(d0 + (d1 - d0) * depth, 2))
    return out


def _nwk_of(case: Case, numbers: dict[str, int], ego: Person | None) -> dict[str, Any]:
    ego_id = ego.id if ego else None
    others = [p for p in case.people.values() if p.id != ego_id]
    # The ego's brothers and sisters in the case (children at the map's centre): family, very close.
    places = _spread([p.replace(sector="family", closeness=1) if p.is_child else p for p in others])

    def with_ego(kind: str, pid: str) -> bool:
        return any({t.a, t.b} == {ego_id, pid} and t.kind == kind for t in case.ties.values())

    alteri = []
    for p in sorted(others, key=lambda p: numbers[p.id]):
        angle, distance = places[p.id]
        connectable = p.human and not p.deceased
        edge = 0 if not connectable or with_ego("broken", p.id) else 1
        alteri.append(
            {
                "id": numbers[p.id],
                "name": p.name,
                "role": p.relation,
                "roleDefault": False,
                "human": p.human,
                "currentGender": GENDER_OUT[p.gender],
                "genderDefault": False,
                "age": "" if p.age is None else str(p.age),
                "note": p.notes,
                "deceased": p.deceased,
                "edgeType": edge,
                "edgeTypeByUser": edge,
                "angle": angle,
                "distance": distance,
                "emoji": "",
                "conflict": with_ego("conflict", p.id),
                "supportEmotional": 2 if with_ego("support", p.id) else 0,
                "supportInstrumental": 0,
                "supportInformational": 0,
                "supportSocial": 0,
                "supportLinking": 0,
            }
        )
    able = {p.id for p in others if p.human and not p.deceased}
    pairs = sorted(
        {
            tuple(sorted((numbers[t.a], numbers[t.b])))
            for t in case.ties.values()
            if t.kind in CONNECTED and t.a in able and t.b in able and t.a != t.b
        }
    )
    e = ego or Person(id="ego", name=case.info.title or "Ego")
    return {
        "ego": {
            "name": e.name,
            "age": "" if e.age is None else str(e.age),
            "currentGender": GENDER_OUT[e.gender],
            "note": e.notes,
            "emoji": "",
        },
        "alteri": alteri,
        "connections": [{"id1": a, "id2": b} for a, b in pairs],
    }


def to_json_dict(case: Case, t: Callable[..., str] | None = None) -> dict[str, Any]:
    """The case as an easyNWK record: a version per kept map (by meeting date), then the map as it is now
    (unless it is what was kept last). ``t`` words the versions' titles (a meeting without a title is
    named by its kind)."""
    kids = case.children()
    ego = kids[0] if kids else None
    numbers = _alter_ids(case)
    versions: list[dict[str, Any]] = []  # easyNWK JSON
    last: tuple[Any, Any] | None = None
    for snap in kept_maps(case):
        then = snapshot_case(case, snap)
        m = case.meetings.get(snap.meeting)
        title = (m.title if m else "") or (t(f"meeting_kind.{m.kind}") if t and m else "")
        versions.append(
            {
                "id": len(versions) + 1,
                "title": title,
                "date": (m.date if m else snap.taken_on),
                "nwk": _nwk_of(then, numbers, ego),
            }
        )
        last = (snap.people, snap.ties)
    now = map_now(case, "now", date.today().isoformat())
    if last is None or (now.people, now.ties) != last:
        title, when = _now_version(case, t, first=last is None)
        versions.append({"id": len(versions) + 1, "title": title, "date": when, "nwk": _nwk_of(case, numbers, ego)})
    return {"versions": versions, "currentVersion": versions[-1]["id"], "size": "5"}


def _now_version(case: Case, t: Callable[..., str] | None, first: bool) -> tuple[str, str]:
    """(title, date) of the map as it stands. With no map kept, it is dated by the case's latest meeting and
    says so ("Netwerkkaart zoals nu, bij het overleg van 15/10/2026"); today only when there is no meeting
    (or when kept maps came before it: then it is the map since the last one)."""
    meetings = sorted((m for m in case.meetings.values() if m.date), key=lambda m: m.date)
    if first and meetings:
        when = meetings[-1].date
        return (t("easynwk.now_at_meeting", date=day_month_year(when)) if t else ""), when
    return (t("easynwk.now") if t else ""), date.today().isoformat()


def dumps(case: Case, t: Callable[..., str] | None = None) -> str:
    return json.dumps(to_json_dict(case, t), ensure_ascii=False, indent=2) + "\n"
