"""The genogram of the same people as the map: generations, parents and children, partners, siblings.

Drawn from the people (gender, deceased, household) and their family links: ``parent`` ties (``a`` is a
parent of ``b``), ``partner`` and ``ex_partner``; siblings are who share a parent. A relative linked to a
placed person only by a ``family`` tie ("tante Hilde") stands beside that person, on the generation her
relation names, linked loosely. Family members without any link are listed apart, so the consultant sees
whom to link. Where nobody is known on a side of the children's family, a gap says so.

Pure: positions in genogram units (one person is 1 wide, a generation 1 high), codes for the gaps; the
figure (``figures.genogram``) draws it and the caller words it.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .case import Case
from .model import Person
from .people import head_word

PARTNER_GAP = 1.3
"""Between partners in a row (genogram units)."""
BLOCK_GAP = 1.5
"""Between the ends of two groups in a row."""
LOOSE_OFFSET = 1.2

GENERATION_WORDS: dict[str, int] = {
    "overgrootmoeder": -3,
    "overgrootvader": -3,
    "oma": -2,
    "opa": -2,
    "bomma": -2,
    "bompa": -2,
    "moemoe": -2,
    "vava": -2,
    "grootmoeder": -2,
    "grootvader": -2,
    "grandmother": -2,
    "grandfather": -2,
    "grandma": -2,
    "grandpa": -2,
    "tante": -1,
    "nonkel": -1,
    "oom": -1,
    "aunt": -1,
    "uncle": -1,
    "meter": -1,
    "peter": -1,
    "broer": 0,
    "zus": 0,
    "halfbroer": 0,
    "halfzus": 0,
    "neef": 0,
    "nicht": 0,
    "brother": 0,
    "sister": 0,
    "cousin": 0,
}
"""The generation a relation to the children names (0: the children's own)."""
FATHER_WORDS = frozenset({"vader", "papa", "paps", "va", "father", "dad", "daddy", "stiefvader", "pleegvader"})
MOTHER_WORDS = frozenset({"moeder", "mama", "mams", "moe", "mother", "mum", "mom", "stiefmoeder", "pleegmoeder"})


@dataclass(frozen=True)
class Union:
    """Two people drawn as a couple: ``partner``, ``ex_partner``, or ``parents`` (co-parents, no link given)."""

    a: str
    b: str
    kind: str


@dataclass(frozen=True)
class Family:
    """Children under their parents (one or two)."""

    parents: tuple[str, ...]
    children: tuple[str, ...]


@dataclass(frozen=True)
class Gap:
    """Nobody known on one side of some children's family: ``side`` "father"/"mother"; ``parent`` the
    father or mother if known (then only that parent is known on that side)."""

    side: str
    children: tuple[str, ...]
    parent: str | None


@dataclass(frozen=True)
class Genogram:
    places: Mapping[str, tuple[float, int]]
    """Person id -> (x, generation); generation 0 the case's children, -1 their parents, -2 grandparents."""
    unions: tuple[Union, ...]
    families: tuple[Family, ...]
    loose: tuple[tuple[str, str], ...]
    """(relative, placed person) linked only by a family tie."""
    household: tuple[str, ...]
    """Placed people who live with the children."""
    unplaced: tuple[str, ...]
    """Family members without any link to place them by (sorted by name)."""
    gaps: tuple[Gap, ...]


# ---- who is linked to whom -------------------------------------------------------------------------


@dataclass
class _Links:
    parents: dict[str, list[str]]
    children: dict[str, list[str]]
    unions: dict[frozenset[str], str]

    def partners(self, pid: str) -> list[str]:
        return sorted(o for pair in self.unions for o in pair if pid in pair and o != pid)


def _links(case: Case) -> _Links:
    parents: dict[str, list[str]] = defaultdict(list)
    children: dict[str, list[str]] = defaultdict(list)
    unions: dict[frozenset[str], str] = {}
    people = case.people
    for t in sorted(case.ties.values(), key=lambda t: t.id):
        if t.a not in people or t.b not in people or t.a == t.b:
            continue
        if t.kind == "parent" and t.a not in parents[t.b]:
            parents[t.b].append(t.a)
            children[t.a].append(t.b)
        elif t.kind in ("partner", "ex_partner"):
            pair = frozenset((t.a, t.b))
            # A partner link wins over an ex-partner link between the same two (together again).
            if unions.get(pair) != "partner":
                unions[pair] = t.kind
    for ps in parents.values():
        if len(ps) == 2 and frozenset(ps) not in unions:
            unions[frozenset(ps)] = "parents"
    return _Links(dict(parents), dict(children), unions)


def _generations(case: Case, links: _Links) -> dict[str, int]:
    """A generation per linked person: the children 0, a parent one above its child, partners level."""
    linked = set(links.parents) | set(links.children) | {p for pair in links.unions for p in pair}
    kids = [p.id for p in case.children()]
    gen: dict[str, int] = {}

    def spread(start: str, g: int) -> None:
        gen[start] = g
        todo = deque([start])
        while todo:
            pid = todo.popleft()
            steps = [(p, -1) for p in links.parents.get(pid, [])]
            steps += [(c, 1) for c in links.children.get(pid, [])]
            steps += [(o, 0) for o in links.partners(pid)]
            for other, d in steps:
                if other not in gen:
                    gen[other] = gen[pid] + d
                    todo.append(other)

    for k in kids:
        if k not in gen:
            spread(k, 0)
    people = case.people
    rest = sorted(linked - set(gen), key=lambda i: (not people[i].is_carer, people[i].name.casefold(), i))
    for pid in rest:
        if pid in gen:
            continue
        spread(pid, -1 if people[pid].is_carer else 0)
    return gen


# ---- the rows -----------------------------------------------------------------------------------------


def _age_key(p: Person) -> tuple[int, str, str]:
    """Oldest first (standard genogram order), then by name."""
    born = p.birth_date or ""
    if not born and p.age is not None:
        born = f"{9999 - p.age:04d}"
    return (0 if born else 1, born, p.name.casefold())


def _blocks(row: list[str], links: _Links) -> list[list[str]]:
    """People of one row in couples and chains (ex-partner, person, partner), each a block."""
    in_row = set(row)
    adj: dict[str, set[str]] = {p: set() for p in row}
    for pair in links.unions:
        a, b = tuple(pair)
        if a in in_row and b in in_row:
            adj[a].add(b)
            adj[b].add(a)
    seen: set[str] = set()
    out: list[list[str]] = []
    for p in row:
        if p in seen:
            continue
        comp, todo = [], [p]
        while todo:
            q = todo.pop()
            if q in seen:
                continue
            seen.add(q)
            comp.append(q)
            todo += sorted(adj[q] - seen)
        if len(comp) == 1:
            out.append(comp)
            continue
        start = min(comp, key=lambda q: (len(adj[q]), row.index(q)))
        chain = [start]
        while len(chain) < len(comp):
            nxt = sorted((adj[chain[-1]] - set(chain)), key=row.index)
            if not nxt:  # not a chain (someone with three partners): the rest after it
                chain += sorted((q for q in comp if q not in chain), key=row.index)
                break
            chain.append(nxt[0])
        out.append(chain)
    return out


def _pack(blocks: list[tuple[float, list[str]]]) -> dict[str, float]:
    """Blocks at their wished centres, left to right without overlap, the row shifted back to its wish."""
    blocks = sorted(blocks, key=lambda b: b[0])
    xs: dict[str, float] = {}
    right = -1e9
    shift = []
    for wish, members in blocks:
        width = (len(members) - 1) * PARTNER_GAP
        left = max(wish - width / 2, right + BLOCK_GAP if right > -1e9 else wish - width / 2)
        for i, m in enumerate(members):
            xs[m] = left + i * PARTNER_GAP
        right = left + width
        shift.append(wish - (left + width / 2))
    if shift:
        d = sum(shift) / len(shift)
        xs = {k: v + d for k, v in xs.items()}
    return xs


def _mean(values: Iterable[float]) -> float | None:
    vals = list(values)
    return sum(vals) / len(vals) if vals else None


def _orient(block: list[str], target: Mapping[str, float], people: Mapping[str, Person]) -> list[str]:
    """The block's order that best follows ``target`` x per member; else the one with children (the
    co-parent) left and a later partner right; men left of women when nothing says."""
    known = [(i, target[m]) for i, m in enumerate(block) if m in target]
    if len(known) >= 2 and known[0][1] != known[-1][1]:
        return block if known[0][1] < known[-1][1] else block[::-1]
    first, last = block[0] in target, block[-1] in target
    if first != last:  # the co-parent of the children left, a later partner right
        return block if first else block[::-1]
    if len(block) == 2 and people[block[0]].gender == "female" and people[block[1]].gender == "male":
        return block[::-1]
    return block


def _place_rows(case: Case, links: _Links, gen: dict[str, int]) -> dict[str, float]:
    people = case.people
    rows: dict[int, list[str]] = defaultdict(list)
    for pid, g in gen.items():
        rows[g].append(pid)
    for g in rows:
        rows[g].sort(key=lambda i: _age_key(people[i]))
    if not rows:
        return {}
    top, bottom = min(rows), max(rows)
    xs: dict[str, float] = {}

    def place(g: int, below: bool) -> None:
        xs.update(_place_row(rows.get(g, []), links, people, xs, below=below))

    # The children's row first (oldest left), their parents and grandparents above them; then the children
    # again under their parents, the rows above once more, and the rows below under their parents.
    place(0, True)
    for g in range(-1, top - 1, -1):
        place(g, True)
    place(0, False)
    for g in range(-1, top - 1, -1):
        place(g, True)
    for g in range(1, bottom + 1):
        place(g, False)
    return xs


def _place_row(
    row: list[str], links: _Links, people: Mapping[str, Person], xs: Mapping[str, float], below: bool
) -> dict[str, float]:
    """One row's x: from the children below (going up) or the parents above (going down)."""
    if not row:
        return {}

    def target(pid: str) -> float | None:
        near = links.children.get(pid, []) if below else links.parents.get(pid, [])
        t = _mean(xs[n] for n in near if n in xs)
        if t is None:  # nobody placed there: where this person stood before
            t = xs.get(pid)
        return t

    blocks = _blocks(row, links)
    wished: list[tuple[float, list[str]]] = []
    waiting: list[list[str]] = []
    for b in blocks:
        targets = {m: t for m in b if (t := target(m)) is not None}
        b = _orient(b, targets, people)
        t = _mean(targets.values())
        if t is None:
            waiting.append(b)
        else:
            wished.append((t, b))
    placed = _pack(wished) if wished else {}
    centre = _mean(placed.values()) or 0.0
    for i, b in enumerate(waiting):
        # Someone with nothing to follow stands beside a sibling, on the outer side; else at the end.
        sib = [placed[s] for m in b for p in links.parents.get(m, []) for s in links.children.get(p, []) if s in placed]
        if sib:
            x = _mean(sib) or 0.0
            wish = x + (LOOSE_OFFSET if x >= centre else -LOOSE_OFFSET)
        else:
            wish = (max(placed.values()) if placed else 0.0) + BLOCK_GAP * (i + 1)
        wished.append((wish, b))
        placed = _pack(wished)
    return placed


# ---- gaps: nobody known on a side -------------------------------------------------------------------------


def _side_of(p: Person) -> str:
    """Father or mother, by gender or by the words of the relation ("" when neither says)."""
    if p.gender == "male" or head_word(p.relation) in FATHER_WORDS:
        return "father"
    if p.gender == "female" or head_word(p.relation) in MOTHER_WORDS:
        return "mother"
    return ""


def _relatives(pid: str, links: _Links, loose: Mapping[str, list[str]]) -> set[str]:
    """A parent's own family: ancestors, their descendants, and who is tied to any of them as family."""
    up: set[str] = set()
    todo = list(links.parents.get(pid, []))
    while todo:
        q = todo.pop()
        if q not in up:
            up.add(q)
            todo += links.parents.get(q, [])
    around = set(up)
    for a in up:
        todo = list(links.children.get(a, []))
        while todo:
            q = todo.pop()
            if q not in around and q != pid:
                around.add(q)
                todo += links.children.get(q, [])
    out = set(around)
    for q in {pid, *around}:
        out.update(loose.get(q, []))
    return out - {pid}


def _gaps(case: Case, links: _Links, loose: Mapping[str, list[str]]) -> list[Gap]:
    people = case.people
    kids = case.children()
    groups: dict[tuple[str | None, str | None], list[str]] = {}
    for k in kids:
        ps = links.parents.get(k.id, [])
        sides = {_side_of(people[p]): p for p in ps}
        if len(ps) == 2 and "" in sides and len(sides) == 2:  # one side known, the other is the other parent
            known = next(s for s in sides if s)
            sides = {known: sides[known], ("mother" if known == "father" else "father"): sides[""]}
        key = (sides.get("father"), sides.get("mother"))
        groups.setdefault(key, []).append(k.id)
    gaps: list[Gap] = []
    for (father, mother), children in groups.items():
        kids_ = tuple(children)
        for side, parent in (("father", father), ("mother", mother)):
            if parent is None:
                gaps.append(Gap(side, kids_, None))
            elif not (_relatives(parent, links, loose) - set(children)):
                gaps.append(Gap(side, kids_, parent))
    return gaps


# ---- the whole genogram -----------------------------------------------------------------------------------


def genogram(case: Case) -> Genogram:
    """The genogram of ``case``: who stands where, the couples and families, loose relatives, the gaps."""
    people = case.people
    links = _links(case)
    gen = _generations(case, links)
    xs = _place_rows(case, links, gen)
    # Relatives tied only by a family tie stand beside whom they are tied to.
    loose_pairs: list[tuple[str, str]] = []
    loose_of: dict[str, list[str]] = defaultdict(list)
    for t in sorted(case.ties.values(), key=lambda t: t.id):
        if t.kind != "family" or t.a not in people or t.b not in people:
            continue
        for rel, anchor in ((t.a, t.b), (t.b, t.a)):
            if rel not in gen and anchor in gen and not people[rel].is_child and rel not in dict(loose_pairs):
                loose_pairs.append((rel, anchor))
                loose_of[anchor].append(rel)
    for rel, anchor in loose_pairs:
        g = GENERATION_WORDS.get(head_word(people[rel].relation), gen[anchor])
        row = [x for p, x in xs.items() if gen.get(p) == g]
        centre = _mean(row) or 0.0
        side = 1.0 if xs[anchor] >= centre else -1.0
        x = (max(row) + BLOCK_GAP) if side > 0 and row else (min(row) - BLOCK_GAP) if row else xs[anchor]
        gen[rel], xs[rel] = g, x
    unions = []
    for pair, kind in sorted(links.unions.items(), key=lambda kv: sorted(kv[0])):
        a, b = sorted(pair, key=lambda i: (xs.get(i, 0.0), i))
        unions.append(Union(a, b, kind))
    fams: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for kid, ps in links.parents.items():
        fams[tuple(sorted(ps, key=lambda i: xs.get(i, 0.0)))].append(kid)
    families = tuple(
        Family(ps, tuple(sorted(ks, key=lambda i: xs.get(i, 0.0))))
        for ps, ks in sorted(fams.items(), key=lambda kv: (gen.get(kv[0][0], 0), xs.get(kv[0][0], 0.0)))
    )
    unplaced = sorted(
        (p for p in people.values() if p.id not in gen and (p.sector == "family" or p.is_carer) and not p.is_child),
        key=lambda p: (p.name.casefold(), p.id),
    )
    return Genogram(
        places={p: (round(xs[p], 3), gen[p]) for p in gen},
        unions=tuple(unions),
        families=families,
        loose=tuple(loose_pairs),
        household=tuple(sorted(p for p in gen if people[p].household)),
        unplaced=tuple(p.id for p in unplaced),
        gaps=tuple(_gaps(case, links, loose_of)),
    )
