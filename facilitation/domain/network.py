"""The network around the child: its graph, the facts a meeting needs, Family Finding, and the map's operations.

Pure: no widgets, plotly or store. ``network_graph`` and ``facts`` are used by the network map and by the
safety plan's checks. Where people stand on the map is presentation: see ``figures.map_layout``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias, TypedDict

import networkx as nx

from . import ops
from .case import Case, Edit
from .errors import ValidationError
from .model import FF_STATUSES, KNOWLEDGE, SECTORS, TIE_KINDS, Person, Tie

# ---- the graph and its facts ----------------------------------------------------------------------


def is_adult(p: Person) -> bool:
    """Counted as an adult unless the case's child or a known age under 18 (ages are often not typed)."""
    return not p.is_child and (p.age is None or p.age >= 18)


class NodeData(TypedDict):
    """What the graph knows of a person (a node)."""

    name: str
    sector: str
    closeness: int
    is_child: bool
    informal: bool
    adult: bool
    knowledge: str
    in_safety_network: bool


class EdgeData(TypedDict):
    """What the graph knows of a pair (an edge): the kinds of their ties and the ties' ids."""

    kinds: frozenset[str]
    ties: tuple[str, ...]


NetworkGraph: TypeAlias = "nx.Graph[str, NodeData, EdgeData]"
"""People (by id) as nodes, ties as edges."""


def network_graph(case: Case) -> NetworkGraph:
    """People as nodes (with their record's fields), ties as edges (``kinds``: the kinds between the pair)."""
    g: NetworkGraph = nx.Graph()
    for p in case.people.values():
        g.add_node(
            p.id,
            name=p.name,
            sector=p.sector,
            closeness=p.closeness,
            is_child=p.is_child,
            informal=p.informal,
            adult=is_adult(p),
            knowledge=p.knowledge,
            in_safety_network=p.in_safety_network,
        )
    for t in case.ties.values():
        if t.a not in g or t.b not in g or t.a == t.b:
            continue
        if g.has_edge(t.a, t.b):
            data = g.edges[t.a, t.b]
            data["kinds"] = data["kinds"] | {t.kind}
            data["ties"] = (*data["ties"], t.id)
        else:
            g.add_edge(t.a, t.b, kinds=frozenset({t.kind}), ties=(t.id,))
    return g


def kind_subgraph(g: NetworkGraph, kind: str) -> NetworkGraph:
    """The ties of one kind only (support, conflict, ...), on all nodes."""
    return nx.subgraph_view(g, filter_edge=lambda a, b: kind in g.edges[a, b]["kinds"])


@dataclass(frozen=True)
class NetworkFacts:
    """What the meeting needs to see about the network; counts and person ids (ids sorted by name)."""

    people: int
    """Everyone on the map but the case's children."""
    informal_adults: int
    professionals: int
    know_worries: int
    """Knows everything of the worries (inner safety circle)."""
    know_some: int
    know_nothing: int
    in_safety_network: int
    safety_network_informal_adults: int
    """The adults of the family's own network in the safety network (bottom lines ask 'at least 3')."""
    informal_adult_ids: tuple[str, ...] = ()
    know_worries_ids: tuple[str, ...] = ()
    safety_network_ids: tuple[str, ...] = ()
    isolated: tuple[str, ...] = ()
    """People without any tie (children not counted)."""
    child_supports: tuple[str, ...] = ()
    """People with a support tie to one of the children."""
    supports_by_child: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    not_told: tuple[str, ...] = ()
    """In the safety network or named in the plan, but not (yet) knowing everything of the worries."""
    conflicts: tuple[tuple[str, str], ...] = ()
    """Pairs in conflict."""
    lifelong: tuple[str, ...] = ()
    """Family Finding: who wants to be involved or committed for the long term (the *levenslang netwerk*)."""
    to_find: tuple[str, ...] = ()
    """Family Finding: still to be found."""
    to_contact: tuple[str, ...] = ()
    """Family Finding: found, not yet contacted."""


LIFELONG = ("willing", "committed")
"""Family Finding statuses that make someone part of the lifelong network."""
STILL_TO_REACH = ("to_find", "found")
"""Family Finding statuses of people still to find or to contact."""


def named_in_plan(case: Case) -> set[str]:
    """People the safety plan names: owners, backups and those who agreed."""
    named: set[str] = set()
    for a in case.agreements.values():
        named.update(x for x in (a.owner, a.backup) if x)
        named.update(a.agreed_by)
    return named & set(case.people)


def facts(case: Case, graph: NetworkGraph | None = None) -> NetworkFacts:
    """The network's facts, computed on its graph."""
    g = graph if graph is not None else network_graph(case)
    people = case.people

    def by_name(ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(set(ids), key=lambda i: (people[i].name.casefold(), i)))

    nodes = g.nodes
    others = [n for n in g if not nodes[n]["is_child"]]
    informal_adults = [n for n in others if nodes[n]["informal"] and nodes[n]["adult"]]
    know_all = [n for n in others if nodes[n]["knowledge"] == "all"]
    safety = [n for n in others if nodes[n]["in_safety_network"]]
    isolated = [n for n in others if not g[n]]  # no neighbours (nx.isolates; its stub wants untyped node data)
    support = kind_subgraph(g, "support")
    by_child = {
        c: by_name(n for n in support.neighbors(c) if not nodes[n]["is_child"]) for c in g if nodes[c]["is_child"]
    }
    must_know = set(safety) | (named_in_plan(case) - {n for n in g if nodes[n]["is_child"]})
    conflict = kind_subgraph(g, "conflict")

    def pair(a: str, b: str) -> tuple[str, str]:
        first, second = sorted((a, b), key=lambda i: (people[i].name.casefold(), i))
        return first, second

    pairs = sorted(pair(a, b) for a, b in conflict.edges())
    return NetworkFacts(
        people=len(others),
        informal_adults=len(informal_adults),
        professionals=sum(1 for n in others if not nodes[n]["informal"]),
        know_worries=len(know_all),
        know_some=sum(1 for n in others if nodes[n]["knowledge"] == "some"),
        know_nothing=sum(1 for n in others if nodes[n]["knowledge"] == "none"),
        in_safety_network=len(safety),
        safety_network_informal_adults=sum(1 for n in safety if n in set(informal_adults)),
        informal_adult_ids=by_name(informal_adults),
        know_worries_ids=by_name(know_all),
        safety_network_ids=by_name(safety),
        isolated=by_name(isolated),
        child_supports=by_name(n for ids in by_child.values() for n in ids),
        supports_by_child=by_child,
        not_told=by_name(n for n in must_know if people[n].knowledge != "all"),
        conflicts=tuple(pairs),
        lifelong=by_name(n for n in others if people[n].ff_status in LIFELONG),
        to_find=by_name(n for n in others if people[n].ff_status == "to_find"),
        to_contact=by_name(n for n in others if people[n].ff_status == "found"),
    )


# ---- operations on people -----------------------------------------------------------------------------

DETAIL_FIELDS = ("name", "relation", "age", "phone", "notes")
"""What the person editor's text fields change (stored together with "Save")."""


def edit_person(case: Case, person_id: str, **fields: Any) -> Edit:
    """Change a person's details (name, relation, phone, notes, age); text is stripped as typed."""
    for k in ("name", "relation", "phone", "notes", "ff_lead", "ff_next_step"):
        if k in fields and isinstance(fields[k], str):
            fields[k] = ops.clean(fields[k])
    return ops.update(case, "person", person_id, "network.edit.person", **fields)


def move_person(case: Case, person_id: str, sector: str | None = None, closeness: int | None = None) -> Edit:
    """To another sector or ring: the person takes a free seat there (a hand-made position is let go)."""
    p: Person = case.get("person", person_id)
    if sector is not None and sector not in SECTORS:
        raise ValidationError("person.sector", "not_in_choices", value=str(sector)[:40], choices=", ".join(SECTORS))
    fields: dict[str, Any] = {
        "sector": p.sector if sector is None else sector,
        "closeness": p.closeness if closeness is None else closeness,
    }
    if (fields["sector"], fields["closeness"]) != (p.sector, p.closeness):
        fields.update(x=None, y=None)
    return ops.update(case, "person", person_id, "network.edit.moved", **fields)


def place_by_hand(case: Case, person_id: str, x: float, y: float) -> Edit:
    """Put a person at (x, y) on the map by hand (map units; the caller keeps it on the map)."""
    return ops.update(case, "person", person_id, "network.edit.nudged", x=round(float(x), 3), y=round(float(y), 3))


def put_back(case: Case, person_id: str) -> Edit:
    """Let go of a hand-made position: the person goes back to their seat."""
    return ops.update(case, "person", person_id, "network.edit.put_back", x=None, y=None)


def set_knowledge(case: Case, person_id: str, knowledge: str) -> Edit:
    """Safety circles (veiligheidscirkels): how much the person knows of the worries (all, some, none)."""
    if knowledge not in KNOWLEDGE:
        raise ValidationError(
            "person.knowledge", "not_in_choices", value=str(knowledge)[:40], choices=", ".join(KNOWLEDGE)
        )
    return ops.update(case, "person", person_id, "network.edit.knowledge", knowledge=knowledge)


def set_safety_network(case: Case, person_id: str, member: bool) -> Edit:
    return ops.update(case, "person", person_id, "network.edit.safety_network", in_safety_network=bool(member))


def set_family_finding(case: Case, person_id: str, **fields: Any) -> Edit:
    """Family Finding of one person: status, lead, last contact, who follows up, next step."""
    allowed = {"ff_status", "ff_lead", "ff_last_contact", "ff_follow_up", "ff_next_step"}
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise ValidationError(f"person.{unknown[0]}", "unknown_field")
    status = fields.get("ff_status")
    if status is not None and status != "" and status not in FF_STATUSES:
        raise ValidationError(
            "person.ff_status", "not_in_choices", value=str(status)[:40], choices=", ".join(FF_STATUSES)
        )
    follow = fields.get("ff_follow_up")
    if follow is not None and follow not in case.people:
        raise ValidationError("person.ff_follow_up", "unknown_person")
    if follow is not None and follow == person_id:
        raise ValidationError("person.ff_follow_up", "follow_up_self")
    for k in ("ff_lead", "ff_next_step"):
        if isinstance(fields.get(k), str):
            fields[k] = ops.clean(fields[k])
    return ops.update(case, "person", person_id, "network.edit.family_finding", **fields)


def set_present(case: Case, meeting_id: str, person_id: str, present: bool) -> Edit:
    """Tick or untick someone as present at a meeting (the map's attendance mark)."""
    case.get("person", person_id)
    m = case.get("meeting", meeting_id)
    now = tuple(p for p in m.present if p != person_id)
    if present:
        now = (*now, person_id)
    return ops.update(case, "meeting", meeting_id, "network.edit.present", present=now)


# ---- ties and family links ----------------------------------------------------------------------------

LINK_CHOICES = ("support", "conflict", "family", "broken", "parent_of", "child_of", "partner", "ex_partner")
"""How the editor offers a tie from one person's side: "ouder van" and "kind van" are one stored kind
(``parent``) read in either direction."""


def tie_choice(tie: Tie, person_id: str) -> str:
    """How a tie reads from ``person_id``'s side (a parent link as "parent of" or "child of")."""
    if tie.kind == "parent":
        return "parent_of" if tie.a == person_id else "child_of"
    return str(tie.kind)


def _kind_and_ends(choice: str, person_id: str, other: str) -> tuple[str, str, str]:
    if choice not in LINK_CHOICES:
        raise ValidationError("tie.kind", "not_in_choices", value=str(choice)[:40], choices=", ".join(LINK_CHOICES))
    if choice == "parent_of":
        return "parent", person_id, other
    if choice == "child_of":
        return "parent", other, person_id
    return choice, person_id, other


def _check_parent_link(case: Case, parent: str, child: str, ignore: str | None = None) -> None:
    """A parent link may not make anyone their own ancestor; a child has at most two parents."""
    g: nx.DiGraph[str] = nx.DiGraph()
    parents_of_child: set[str] = set()
    for t in case.ties.values():
        if t.kind == "parent" and t.id != ignore:
            g.add_edge(t.a, t.b)
            if t.b == child:
                parents_of_child.add(t.a)
    if g.has_node(child) and g.has_node(parent) and nx.has_path(g, child, parent):
        raise ValidationError("tie.kind", "parent_cycle")
    if len(parents_of_child - {parent}) >= 2:
        raise ValidationError("tie.kind", "three_parents", name=case.name_of(child)[:60])


def add_link(case: Case, person_id: str, other: str, choice: str, note: str = "") -> tuple[Edit, str]:
    """A tie from ``person_id``'s side: support, conflict, ..., "parent of", "child of", partner."""
    kind, a, b = _kind_and_ends(choice, person_id, other)
    if a in case.people and b in case.people and kind == "parent":
        _check_parent_link(case, a, b)
    return ops.add_tie(case, a, b, kind, note)


def ties_of(case: Case, person_id: str) -> list[Tie]:
    """A person's ties, the others' names in alphabetical order."""
    out = [t for t in case.ties.values() if person_id in (t.a, t.b)]

    def other(t: Tie) -> str:
        return t.b if t.a == person_id else t.a

    return sorted(out, key=lambda t: (case.name_of(other(t)).casefold(), TIE_KINDS.index(t.kind), t.id))


def edit_tie(
    case: Case, tie_id: str, kind: str | None = None, note: str | None = None, *, seen_from: str | None = None
) -> Edit:
    """Change a tie's kind (or, ``seen_from`` a person, a link choice such as "child_of") or its note; two
    ties of the same kind between the same pair are one too many."""
    tie = case.get("tie", tie_id)
    fields: dict[str, Any] = {}
    if kind is not None:
        if seen_from is not None and kind in LINK_CHOICES:
            other = tie.b if tie.a == seen_from else tie.a
            kind, a, b = _kind_and_ends(kind, seen_from, other)
            if kind == "parent":
                _check_parent_link(case, a, b, ignore=tie_id)
                fields.update(a=a, b=b)
        if kind not in TIE_KINDS:
            raise ValidationError("tie.kind", "not_in_choices", value=str(kind)[:40], choices=", ".join(TIE_KINDS))
        for t in case.ties.values():
            if t.id != tie_id and {t.a, t.b} == {tie.a, tie.b} and t.kind == kind:
                raise ValidationError("tie.kind", "tie_exists")
        fields["kind"] = kind
    if note is not None:
        fields["note"] = ops.clean(note) if isinstance(note, str) else note
    # ``ops.update`` takes kind, id and label positionally only, so the tie's ``kind`` field passes as a keyword.
    return ops.update(case, "tie", tie_id, "network.edit.tie", **fields)


def remove_tie(case: Case, tie_id: str) -> Edit:
    return ops.delete(case, "tie", tie_id, "network.edit.remove_tie")


def parse_age(text: Any) -> int | None:
    """An age as typed: empty = unknown; otherwise a whole number 0-120."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValidationError("person.age", "not_int")
    if isinstance(text, int):
        value = text
    else:
        s = str(text).strip()
        if not s:
            return None
        if not (s.isascii() and s.isdigit()):
            raise ValidationError("person.age", "not_int")
        value = int(s)
    if not 0 <= value <= 120:
        raise ValidationError("person.age", "out_of_range", value=value, min=0, max=120)
    return value


def people_in(case: Case, ids: Iterable[str]) -> list[Person]:
    """The people of ``ids`` that are (still) in the case, in the order given."""
    return [case.people[i] for i in ids if i in case.people]


def sorted_by_name(people: Iterable[Person]) -> list[Person]:
    return sorted(people, key=lambda p: (p.name.casefold(), p.id))
