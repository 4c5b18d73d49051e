"""Scaling questions, pure: the wording of each kind of scale, who scored what, the spread, the scores as a table.

No widgets, no plotly, no translation layer. Texts are translation keys; the few functions that return
readable text (labels for people, how the children are named, the scores table) get their words from the
caller: ``words(key, **params)`` (``Session.t`` on screen, ``functools.partial(i18n.translate, lang)`` in
documents and charts).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .case import Case
from .model import SCALE_KINDS, Meeting, Person, Scale, Score
from .text import shorten
from .trajectory import day_number

Words = Callable[..., str]
"""The caller's words: ``words(key, **params)`` gives the text of a translation key in the reader's language."""

PERSON_SUBJECT_KINDS = frozenset({"willingness", "confidence", "capacity"})
"""Scales about one person (a parent): ``Scale.subject`` is a person id."""
CHILD_SUBJECT_KINDS = frozenset({"child"})
"""A child's own scale: ``Scale.subject`` is the child (a person id), and only that child answers it."""
CHILD_SCALE_BELOW = 12
"""Children younger than this are asked the child's scale (faces, "Hoe veilig voel jij je thuis?") instead of
the adults' question; from 12 a young person (*jongere*) answers the adults' question like everyone else."""
NAMED_CHILDREN = 3
"""Up to this many children are named in a question ("Noor, Adam en Lina"); more are "de kinderen"."""
GOAL_SUBJECT_KINDS = frozenset({"goal_progress"})
"""Scales about one safety goal: ``Scale.subject`` is an item id."""

NAME_MODES = ("names", "initials", "roles")
"""How people are shown on the screen: full names, initials, or their relation/role."""

GROUPS = ("informal", "professional")


# ---- wording ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Wording:
    """Translation keys of a scale's question and its anchors (fill in ``name``: the subject)."""

    question: str
    low: str
    high: str


CHILDREN_IN_WORDING = frozenset({"safety", "willingness", "capacity"})
"""Kinds whose standard wording speaks of the children (``{children}``: their names, or "de jongere" ...)."""


def wording_keys(kind: str, children: int | None = None) -> Wording:
    """The standard wording of a kind of scale, as translation keys.

    Without ``children`` the keys speak of "de kinderen"; with ``children`` (how many are named) they take
    ``{children}`` and agree with one child or more ("dat Jonas veilig genoeg is", "dat Noor en Adam ... zijn").
    """
    if kind not in SCALE_KINDS:
        raise ValueError(kind)
    w = Wording(f"scaling.q.{kind}", f"scaling.low.{kind}", f"scaling.high.{kind}")
    if children is None or kind not in CHILDREN_IN_WORDING:
        return w
    n = ".one" if children == 1 else ".many"
    return Wording(w.question + n, w.low + n, w.high + n)


def subject_kind(kind: str) -> str | None:
    """What ``Scale.subject`` points at for this kind: 'person', 'child', 'item' or None."""
    if kind in PERSON_SUBJECT_KINDS:
        return "person"
    if kind in CHILD_SUBJECT_KINDS:
        return "child"
    if kind in GOAL_SUBJECT_KINDS:
        return "item"
    return None


def subject_name(case: Case, scale: Scale) -> str:
    """The name of the person or the text of the safety goal the scale is about ('' if none)."""
    if scale.subject is None:
        return ""
    p = case.people.get(scale.subject)
    if p is not None:
        return p.name
    item = case.items.get(scale.subject)
    return item.text if item is not None else ""


def scale_title(case: Case, scale: Scale, words: Words, limit: int = 90) -> str:
    """A one-line name for pickers and tables: 'Bereidheid · Sofie', 'Eigen vraag text', ..."""
    if scale.kind == "free" and scale.question.strip():
        return shorten(scale.question, limit)
    base = words(f"scale.{scale.kind}")
    subject = " ".join(subject_name(case, scale).split())
    return shorten(f"{base} · {subject}", limit) if subject else base


def case_scales(case: Case) -> list[Scale]:
    """The case's own scales (not a reflecting-team scenario's), safety scale first, in a stable order."""
    order = {k: i for i, k in enumerate(SCALE_KINDS)}
    return sorted(
        (s for s in case.scales.values() if s.scenario is None),
        key=lambda s: (order[s.kind], subject_name(case, s).casefold(), s.question.casefold(), s.id),
    )


def find_scale(case: Case, kind: str, subject: str | None = None, question: str = "") -> Scale | None:
    """An existing case scale asking the same thing (same kind and subject; same words for a free one)."""
    q = " ".join(question.split()).casefold()
    for s in case.scales.values():
        if s.scenario is not None or s.kind != kind or s.subject != subject:
            continue
        if kind != "free" or " ".join(s.question.split()).casefold() == q:
            return s
    return None


def subject_people(case: Case) -> list[Person]:
    """Who a willingness/confidence/capacity scale can be about: the adults of the informal network."""
    return sorted(
        (p for p in case.people.values() if p.informal and not p.is_child),
        key=lambda p: p.name.casefold(),
    )


def subject_goals(case: Case) -> list[Any]:
    """The safety goals of the case, in the consultant's order."""
    return case.items_of("safety_goal")


def subject_children(case: Case) -> list[Person]:
    """Who a child's scale can be about: the children of the case."""
    return children_of(case)


# ---- children and young people --------------------------------------------------------------------


def age_on(person: Person, when: str | None) -> int | None:
    """Age in whole years on ``when`` (an ISO date; None: today) from the date of birth, else the age typed in."""
    if person.birth_date:
        try:
            born = date.fromisoformat(person.birth_date)
            day = date.fromisoformat(when) if when else date.today()
        except ValueError:
            return person.age
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    return person.age


def asked_child_scale(person: Person, when: str | None) -> bool:
    """A child younger than 12 at the meeting gets the child's scale, not the adults' question."""
    age = age_on(person, when)
    return person.is_child and age is not None and age < CHILD_SCALE_BELOW


def children_of(case: Case) -> list[Person]:
    """The children of the case, oldest first (as the family names them: "Noor en Adam")."""
    return sorted(
        (p for p in case.people.values() if p.is_child),
        key=lambda p: (-(age_on(p, None) or 0), p.name.casefold()),
    )


def children_phrase(case: Case, words: Words, *, names: bool = True, when: str | None = None) -> tuple[str, int]:
    """How a question speaks of the children, and of how many: ("Jonas", 1), ("Noor en Adam", 2).

    Without names (initials or roles on the screen) or with more than three children: "het kind", "de
    jongere" (12 or older), "de kinderen", "de jongeren". ``("", 0)`` when the case has no child yet.
    """
    kids = children_of(case)
    if not kids:
        return "", 0
    if names and len(kids) <= NAMED_CHILDREN:
        first = [" ".join(k.name.split()) or "?" for k in kids]
        text = first[0] if len(first) == 1 else words("scaling.and", first=", ".join(first[:-1]), last=first[-1])
        return text, len(kids)
    young = all((age_on(k, when) or 0) >= CHILD_SCALE_BELOW for k in kids)
    one = len(kids) == 1
    key = (
        ("scaling.young_one" if one else "scaling.young_many")
        if young
        else ("scaling.child_one" if one else "scaling.children_many")
    )
    return words(key), len(kids)


# ---- scores -------------------------------------------------------------------------------------


def scores_at(case: Case, scale_id: str, meeting_id: str | None) -> dict[str, Score]:
    """Person id -> score for one scale at one meeting (people no longer in the case left out)."""
    if meeting_id is None:
        return {}
    return {
        s.person: s
        for s in case.scores.values()
        if s.scale == scale_id and s.meeting == meeting_id and s.person in case.people
    }


def group_of(person: Person) -> str:
    """'informal' (child, family, friends, school...) or 'professional'."""
    return "informal" if person.informal else "professional"


def participants(case: Case, meeting: Meeting | None, scale_id: str | None, present: Iterable[str]) -> list[str]:
    """Who answers at this meeting: those present, plus anyone who already scored there, in a fixed order.

    The order never depends on the scores (no ranking): children, family and network first, then the
    professionals, each in the order given (the meeting's attendance list). A child's scale is answered by
    its child alone; a child younger than 12 answers the child's scale, not the adults' question.
    """
    scale = case.scales.get(scale_id) if scale_id is not None else None
    when = meeting.date if meeting is not None else None
    if scale is not None and scale.kind in CHILD_SUBJECT_KINDS:
        ids = [scale.subject] if scale.subject is not None and scale.subject in case.people else []
    else:
        ids = [p for p in present if p in case.people and not asked_child_scale(case.people[p], when)]
    if meeting is not None and scale_id is not None:
        extra = sorted(
            (pid for pid in scores_at(case, scale_id, meeting.id) if pid not in ids),
            key=lambda pid: case.people[pid].name.casefold(),
        )
        ids += extra
    ids = list(dict.fromkeys(ids))
    pos = {pid: i for i, pid in enumerate(ids)}
    return sorted(ids, key=lambda pid: (not case.people[pid].is_child, not case.people[pid].informal, pos[pid]))


def young_present(case: Case, meeting: Meeting | None, present: Iterable[str]) -> list[Person]:
    """Children at the table who get the child's scale instead of the adults' question."""
    when = meeting.date if meeting is not None else None
    return [case.people[p] for p in present if p in case.people and asked_child_scale(case.people[p], when)]


@dataclass(frozen=True)
class ChildVoice:
    """A child's own answer at a meeting, shown beside the adults' scores and never counted with them."""

    child: Person
    scale: Scale
    score: Score | None


def children_voices(case: Case, meeting_id: str | None) -> list[ChildVoice]:
    """Every child's scale of the case with that child's score at the meeting (None: not asked there yet)."""
    out = []
    for sc in case_scales(case):
        if sc.kind in CHILD_SUBJECT_KINDS and sc.subject is not None and sc.subject in case.people:
            got = scores_at(case, sc.id, meeting_id).get(sc.subject) if meeting_id else None
            out.append(ChildVoice(case.people[sc.subject], sc, got))
    return out


def child_scale_of(case: Case, child_id: str) -> Scale | None:
    """The child's own scale, if it was asked before."""
    return find_scale(case, "child", child_id)


@dataclass(frozen=True)
class Spread:
    """How far apart the scores are: how many, lowest, highest, median (None when nobody scored)."""

    n: int
    low: int | None
    high: int | None
    median: float | None

    @classmethod
    def of(cls, values: Iterable[int]) -> Spread:
        vals = sorted(values)
        if not vals:
            return cls(0, None, None, None)
        return cls(len(vals), vals[0], vals[-1], float(statistics.median(vals)))

    @property
    def width(self) -> int:
        return 0 if self.low is None or self.high is None else self.high - self.low


def fmt_number(x: float | None, lang: str = "en") -> str:
    """7.0 -> '7', 6.5 -> '6.5' ('6,5' in Dutch), None -> '–'."""
    if x is None:
        return "–"
    text = str(int(x)) if float(x).is_integer() else f"{x:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def summary(case: Case, scale_id: str, meeting_id: str | None) -> dict[str, Spread]:
    """Spread of everyone ('all'), of the family and network ('informal') and of the professionals."""
    scores = scores_at(case, scale_id, meeting_id)
    out = {"all": Spread.of(s.value for s in scores.values())}
    for g in GROUPS:
        out[g] = Spread.of(s.value for pid, s in scores.items() if group_of(case.people[pid]) == g)
    return out


def meeting_day(case: Case, meeting: Meeting) -> int | None:
    """The meeting's day in the trajectory: day 1 is the start date (the day of the urgent measure, seed 004),
    as the timeline, the scores table and the documents count (``trajectory.day_number``)."""
    return day_number(case, meeting.date)


@dataclass(frozen=True)
class HistoryPoint:
    """One meeting on the history line: its scores per person and their spread."""

    meeting: Meeting
    day: int | None
    values: Mapping[str, int]
    spread: Spread
    informal: Spread
    professional: Spread


def history(case: Case, scale_id: str, include: str | None = None) -> list[HistoryPoint]:
    """The scale across the case's meetings in date order: every meeting with scores (and ``include``)."""
    by_meeting: dict[str, dict[str, int]] = {}
    for s in case.scores.values():
        if s.scale == scale_id and s.person in case.people and s.meeting in case.meetings:
            by_meeting.setdefault(s.meeting, {})[s.person] = s.value
    if include is not None and include in case.meetings:
        by_meeting.setdefault(include, {})
    points = []
    for m in sorted((case.meetings[mid] for mid in by_meeting), key=lambda m: (m.date, m.id)):
        values = by_meeting[m.id]
        groups: dict[str, list[int]] = {g: [] for g in GROUPS}
        for pid, v in values.items():
            groups[group_of(case.people[pid])].append(v)
        points.append(
            HistoryPoint(
                m,
                meeting_day(case, m),
                values,
                Spread.of(values.values()),
                Spread.of(groups["informal"]),
                Spread.of(groups["professional"]),
            )
        )
    return points


# ---- how people are named on the screen ---------------------------------------------------------


def initials(name: str) -> str:
    """'Rita Maes' -> 'RM'; 'Jonas' -> 'JO'; three words at most; '?' for a name without letters."""
    words = [w for w in name.split() if w]
    if not words:
        return "?"
    if len(words) == 1:
        w = words[0]
        return (w[:2] if len(w) > 1 and w[1].isalpha() else w[:1]).upper()
    return "".join(w[0] for w in words[:3]).upper()


def role_of(person: Person, words: Words) -> str:
    """The person's relation ('grootmoeder', 'leerkracht'), else 'child' or the sector's name."""
    rel = " ".join(person.relation.split())
    if rel:
        return rel
    if person.is_child:
        age = age_on(person, None)
        return words("scaling.young" if age is not None and age >= CHILD_SCALE_BELOW else "scaling.child")
    return words(f"sector.{person.sector}")


def person_labels(case: Case, ids: Iterable[str], mode: str, words: Words) -> dict[str, str]:
    """How each person is shown: full name, initials or role; equal labels get a number ('RM 2')."""
    ids = [pid for pid in ids if pid in case.people]
    raw: dict[str, str] = {}
    for pid in ids:
        p = case.people[pid]
        if mode == "initials":
            raw[pid] = initials(p.name)
        elif mode == "roles":
            raw[pid] = role_of(p, words)
        else:
            raw[pid] = " ".join(p.name.split()) or "?"
    return _disambiguate(ids, raw)


def short_labels(case: Case, ids: Iterable[str], mode: str, words: Words) -> dict[str, str]:
    """Shorter labels for the chart: first names in name mode (plus the family name's initial when shared)."""
    ids = [pid for pid in ids if pid in case.people]
    if mode != "names":
        return person_labels(case, ids, mode, words)
    parts = {pid: case.people[pid].name.split() or ["?"] for pid in ids}
    firsts: dict[str, int] = {}
    for pid in ids:
        key = parts[pid][0].casefold()
        firsts[key] = firsts.get(key, 0) + 1
    raw = {}
    for pid in ids:
        w = parts[pid]
        raw[pid] = w[0] if firsts[w[0].casefold()] == 1 or len(w) == 1 else f"{w[0]} {w[-1][0]}."
    return _disambiguate(ids, raw)


def _disambiguate(ids: list[str], raw: dict[str, str]) -> dict[str, str]:
    count: dict[str, int] = {}
    for pid in ids:
        count[raw[pid].casefold()] = count.get(raw[pid].casefold(), 0) + 1
    seen: dict[str, int] = {}
    out = {}
    for pid in ids:
        key = raw[pid].casefold()
        if count[key] > 1:
            seen[key] = seen.get(key, 0) + 1
            out[pid] = f"{raw[pid]} {seen[key]}"
        else:
            out[pid] = raw[pid]
    return out


# ---- the scores as a table ----------------------------------------------------------------------

SCORE_COLUMNS = (
    "meeting_date",
    "day",
    "meeting_kind",
    "scale",
    "scale_kind",
    "subject",
    "person",
    "relation",
    "network",
    "value",
    "why_not_lower",
    "one_point_higher",
    "meeting_id",
    "scale_id",
    "person_id",
)


def scores_frame(case: Case, words: Words, headers: bool = False) -> Any:
    """Every score of the case as a pandas DataFrame, one row per score, in meeting, scale, person order.

    The one scores table of the tool (screen CSV and the documents). Column names are the stable
    ``SCORE_COLUMNS``; with ``headers`` they are the reader's words (``scaling.col.*``) for a file a person
    opens. Texts (scale, kind of meeting, network) are in the reader's words; ``day`` counts from day 1.
    """
    import pandas as pd

    rows = []
    for s in case.scores.values():
        m = case.meetings.get(s.meeting)
        p = case.people.get(s.person)
        sc = case.scales.get(s.scale)
        if m is None or p is None or sc is None:
            continue
        day = meeting_day(case, m)
        rows.append(
            (
                m.date,
                day if day is not None else pd.NA,
                words(f"meeting_kind.{m.kind}"),
                scale_title(case, sc, words, limit=1000),
                words(f"scale.{sc.kind}"),
                subject_name(case, sc),
                p.name,
                role_of(p, words),
                words(f"scaling.group.{group_of(p)}"),
                s.value,
                s.why_not_lower,
                s.one_point_higher,
                m.id,
                sc.id,
                p.id,
            )
        )
    rows.sort(key=lambda r: (r[0], r[12], r[3].casefold(), r[13], r[6].casefold(), r[14]))
    df = pd.DataFrame(rows, columns=list(SCORE_COLUMNS))
    df["value"] = df["value"].astype("int64")
    df["day"] = df["day"].astype("Int64")
    for col in SCORE_COLUMNS:
        if col not in ("value", "day"):
            df[col] = df[col].astype(object)
    if headers:
        df.columns = [words(f"scaling.col.{c}") for c in SCORE_COLUMNS]
    return df
