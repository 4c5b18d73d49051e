"""The reflecting team: scenarios side by side, the team's scaling per scenario, reflection rounds.

Pure functions over ``Case``: each operation returns the ``Edit`` a user action makes (see ``ops``).
The team members are people of the case (professionals); their reflections and scores belong to one
reflecting-team meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Any

from . import ops
from .case import Case, Edit
from .errors import ValidationError
from .model import COLUMNS, ELEMENTS, Meeting, Reflection, Scale, Scenario, Score


def scenarios_in_order(case: Case) -> list[Scenario]:
    """The team's scenarios (ways forward), in their order; the team's own map is not one of them."""
    return sorted((s for s in case.scenarios.values() if s.kind == "scenario"), key=lambda s: (s.position, s.id))


# ---- the team's own map -------------------------------------------------------------------------

TEAM_MAP = "sc-team-map"
"""The id of the team's own map of the case (one per case, made when the team first writes on it)."""


def team_map(case: Case) -> Scenario | None:
    """The reflecting team's own map of the case (its items are the team's, in professional language)."""
    found = [s for s in case.scenarios.values() if s.kind == "team_map"]
    return sorted(found, key=lambda s: s.id)[0] if found else None


def _with_team_map(case: Case) -> tuple[list[Edit], Case, str]:
    m = team_map(case)
    if m is not None:
        return [], case, m.id
    rec = Scenario(id=TEAM_MAP, title="team map", kind="team_map", position=0.0)
    e = ops.create(rec, "reflecting.edit.team_map")
    return [e], case.apply(e), rec.id


def add_team_item(case: Case, meeting_id: str | None, text: str, element: str) -> tuple[Edit, str]:
    """An item on the team's own map (made with the map when it is the first)."""
    edits, work, map_id = _with_team_map(case)
    e, iid = ops.add_item(work, text, element=element, scenario=map_id, meeting=meeting_id)
    return ops.combine("edit.add_item", [*edits, e]), iid


def set_team_map_score(case: Case, meeting_id: str, person_id: str, value: Any) -> Edit:
    """A team member's score of the case on the team's own map (not on the family's safety scale)."""
    ops.parse_score(value)
    edits, work, map_id = _with_team_map(case)
    return ops.combine("edit.set_score", [*edits, set_team_score(work, map_id, meeting_id, person_id, value)])


def family_items(case: Case, column: str) -> list[Any]:
    """The family's own words in one column (the case's columns, as said in the network meetings)."""
    return [i for element in ELEMENTS[column] for i in case.items_of(element)]


def professionals(case: Case) -> list[str]:
    """Who may sit in the reflecting team: the case's professionals (the team meets without the family)."""
    people = [p for p in case.people.values() if p.sector == "professional" and not p.is_child]
    return [p.id for p in sorted(people, key=lambda p: p.name.casefold())]


def reflecting_meetings(case: Case) -> list[Meeting]:
    """The case's reflecting-team meetings, oldest first."""
    return [m for m in case.meetings_by_date() if m.kind == "reflecting_team"]


# ---- scenarios ----------------------------------------------------------------------------------


def add_scenario(case: Case, title: str, description: str = "") -> tuple[Edit, str]:
    sid = ops.new_id("sc-")
    title = ops.clean(title)
    for s in case.scenarios.values():
        if s.title.casefold() == title.casefold() and title:
            raise ValidationError("scenario.title", "scenario_exists")
    position = max((s.position for s in case.scenarios.values()), default=0.0) + 1.0
    rec = Scenario.from_dict(
        {"id": sid, "title": title, "description": ops.clean(description), "position": position}, "scenario"
    )
    return ops.create(rec, "reflecting.edit.add_scenario", title=rec.title), sid


def delete_scenario(case: Case, scenario_id: str) -> Edit:
    """Remove a scenario with its own items, its scales and their scores (one undo step)."""
    scenario: Scenario = case.get("scenario", scenario_id)
    edits: list[Edit] = []
    work = case
    for item in [i for i in case.items.values() if i.scenario == scenario_id]:
        if item.id in work.items:
            e = ops.delete_item(work, item.id)
            edits.append(e)
            work = work.apply(e)
    for scale in [s for s in work.scales.values() if s.scenario == scenario_id]:
        for score in [x for x in work.scores.values() if x.scale == scale.id]:
            edits.append(ops.delete(work, "score", score.id))
        edits.append(ops.delete(work, "scale", scale.id))
    edits.append(ops.delete(work, "scenario", scenario_id))
    return ops.combine("reflecting.edit.delete_scenario", edits, title=scenario.title)


def move_scenario(case: Case, scenario_id: str, step: int) -> Edit:
    return ops.reorder(case, "scenario", scenario_id, step, scenarios_in_order(case))


# ---- the team's scaling -------------------------------------------------------------------------


def safety_scale(case: Case, scenario_id: str | None) -> Scale | None:
    """The safety scale of a scenario (``None``: of the case itself), if one was made."""
    found = [s for s in case.scales.values() if s.kind == "safety" and s.scenario == scenario_id and s.subject is None]
    return sorted(found, key=lambda s: s.id)[0] if found else None


def set_team_score(case: Case, scenario_id: str | None, meeting_id: str, person_id: str, value: Any) -> Edit:
    """A team member's score on the safety scale of a scenario (the scale is made when first needed)."""
    if scenario_id is not None:
        case.get("scenario", scenario_id)
    ops.parse_score(value)  # a clear message before anything else
    scale = safety_scale(case, scenario_id)
    edits: list[Edit] = []
    work = case
    if scale is None:
        e, sid = ops.add_scale(case, "safety", scenario=scenario_id)
        edits.append(e)
        work = case.apply(e)
    else:
        sid = scale.id
    edits.append(ops.set_score(work, sid, meeting_id, person_id, value))
    return ops.combine("edit.set_score", edits)


def clear_team_score(case: Case, scenario_id: str | None, meeting_id: str, person_id: str) -> Edit:
    scale = safety_scale(case, scenario_id)
    if scale is None:
        return Edit("reflecting.edit.clear_score", ())
    key = Score.key(scale.id, meeting_id, person_id)
    if key not in case.scores:
        return Edit("reflecting.edit.clear_score", ())
    return ops.delete(case, "score", key, "reflecting.edit.clear_score")


def team_scores(case: Case, scenario_id: str | None, meeting_id: str | None) -> dict[str, int]:
    """Person id -> score on the scenario's safety scale in one meeting."""
    scale = safety_scale(case, scenario_id)
    if scale is None or meeting_id is None:
        return {}
    return {s.person: s.value for s in case.scores.values() if s.scale == scale.id and s.meeting == meeting_id}


@dataclass(frozen=True)
class Spread:
    """How far apart the team's scores are: lowest, highest, the middle one (median)."""

    low: int
    high: int
    middle: float
    count: int


def spread(values: list[int]) -> Spread | None:
    if not values:
        return None
    return Spread(min(values), max(values), float(median(values)), len(values))


@dataclass(frozen=True)
class ScenarioSummary:
    """One scenario in the comparison: its items per column and the team's scores."""

    scenario: Scenario
    counts: dict[str, int]
    scores: dict[str, int]
    spread: Spread | None


def compare(case: Case, meeting_id: str | None) -> list[ScenarioSummary]:
    out = []
    for sc in scenarios_in_order(case):
        counts = {col: 0 for col in COLUMNS}
        for i in case.items.values():
            if i.scenario == sc.id:
                counts[i.column] += 1
        scores = team_scores(case, sc.id, meeting_id)
        out.append(ScenarioSummary(sc, counts, scores, spread(list(scores.values()))))
    return out


def scenario_items(case: Case, scenario_id: str | None, column: str) -> list[Any]:
    """The items of one column of a scenario, element by element in the framework's order."""
    return [i for element in ELEMENTS[column] for i in case.items_of(element, scenario_id)]


# ---- the team, the rounds, the record -----------------------------------------------------------


def team(case: Case, meeting: Meeting | None) -> list[str]:
    """The team members present (person ids, in the order they were marked)."""
    if meeting is None:
        return []
    return [p for p in meeting.present if p in case.people]


def add_team_member(case: Case, meeting_id: str, name: str, role: str = "") -> tuple[Edit, str]:
    """A colleague joins the team: a professional of the case, marked present at this meeting."""
    meeting: Meeting = case.get("meeting", meeting_id)
    clean = ops.clean(name)
    for p in case.people.values():
        if p.name.casefold() == clean.casefold() and clean:
            if p.id in meeting.present:
                raise ValidationError("person.name", "already_present")
            return set_present(case, meeting_id, p.id, True), p.id
    e, pid = ops.add_person(case, clean, relation=ops.clean(role), sector="professional", closeness=3)
    work = case.apply(e)
    e2 = ops.update(work, "meeting", meeting_id, present=(*meeting.present, pid))
    return ops.combine("reflecting.edit.add_team_member", [e, e2], name=clean), pid


def set_present(case: Case, meeting_id: str, person_id: str, present: bool) -> Edit:
    meeting: Meeting = case.get("meeting", meeting_id)
    case.get("person", person_id)
    now = [p for p in meeting.present if p != person_id]
    if present:
        now.append(person_id)
    fields: dict[str, Any] = {"present": tuple(now)}
    if not present and meeting.scribe == person_id:
        fields["scribe"] = None
    return ops.update(case, "meeting", meeting_id, "reflecting.edit.present", **fields)


def set_scribe(case: Case, meeting_id: str, person_id: str | None) -> Edit:
    if person_id is not None:
        case.get("person", person_id)
    return ops.update(case, "meeting", meeting_id, "reflecting.edit.scribe", scribe=person_id)


def reflections(case: Case, meeting_id: str | None, conclusions: bool = False) -> list[Reflection]:
    rs = [
        r
        for r in case.reflections.values()
        if r.meeting == meeting_id and r.is_conclusion == conclusions and not r.is_next_step
    ]
    return sorted(rs, key=lambda r: (r.round, r.position, r.id))


def rounds(case: Case, meeting_id: str | None) -> dict[int, list[Reflection]]:
    """Reflections of a meeting by round number, in the order they were given."""
    out: dict[int, list[Reflection]] = {}
    for r in reflections(case, meeting_id):
        out.setdefault(r.round, []).append(r)
    return dict(sorted(out.items()))


def last_round(case: Case, meeting_id: str | None) -> int:
    """The highest round with a reflection (1 when none yet)."""
    return max((r.round for r in reflections(case, meeting_id)), default=1)


def spoken(case: Case, meeting_id: str | None, round_no: int) -> set[str]:
    return {r.author for r in reflections(case, meeting_id) if r.round == round_no and r.author}


def next_speaker(
    case: Case, meeting: Meeting | None, round_no: int, skipped: frozenset[str] = frozenset()
) -> str | None:
    """The first team member (in order of the team) who has not yet spoken nor passed in this round."""
    done = spoken(case, meeting.id if meeting else None, round_no) | set(skipped)
    for pid in team(case, meeting):
        if pid not in done:
            return pid
    return None


def add_reflection(
    case: Case,
    meeting_id: str,
    text: str,
    author: str | None = None,
    round_no: int = 1,
    conclusion: bool = False,
    next_step: bool = False,
) -> tuple[Edit, str]:
    case.get("meeting", meeting_id)
    if author is not None and author not in case.people:
        raise ValidationError("reflection.author", "unknown_person")
    rid = ops.new_id("r-")
    siblings = [r for r in case.reflections.values() if r.meeting == meeting_id]
    position = max((r.position for r in siblings), default=0.0) + 1.0
    rec = Reflection.from_dict(
        {
            "id": rid,
            "meeting": meeting_id,
            "author": author,
            "text": ops.clean(text),
            "round": round_no,
            "is_conclusion": conclusion and not next_step,
            "is_next_step": next_step,
            "position": position,
        },
        "reflection",
    )
    label = "reflecting.edit.add_step" if next_step else "reflecting.edit.add_conclusion" if conclusion else None
    return ops.create(rec, label or "reflecting.edit.add_reflection"), rid


def meeting_next_steps(case: Case, meeting_id: str | None) -> list[Reflection]:
    """The team's next steps agreed in this discussion (kept in its record, not among the case's next steps)."""
    rs = [r for r in case.reflections.values() if r.meeting == meeting_id and r.is_next_step]
    return sorted(rs, key=lambda r: (r.position, r.id))


def add_next_step(case: Case, meeting_id: str, text: str) -> tuple[Edit, str]:
    return add_reflection(case, meeting_id, text, None, 0, next_step=True)
