"""Family Finding in the documents: the lifelong network, who is still to find or to contact, and where in the
children's family nobody is known yet (the genogram's gaps).

The judge's document says per person still to reach their status, the next step, who follows up and the last
contact; the summary for the case record adds how the person was found (the lead: often an address or a
number a relative gave, which is the professionals' work and not for the table). No phone numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..domain import network as net
from ..domain.genogram import genogram as genogram_of
from ..figures.genogram import gap_texts
from ..figures.network import FF_BADGES
from .common import clean_text, join_names, short_date
from .document import Block, Entry, Heading, Keep, Line, Para, run
from .view import PlanView


def family_finding(v: PlanView, *, summary: bool = False) -> list[Block]:
    """The section, or nothing when nobody on the map has a Family Finding status and no gap shows."""
    case, t = v.case, v.t
    people = case.people
    f = net.facts(case)
    g = genogram_of(case)
    gaps = gap_texts(case, v.lang, g) if g.unions or g.families or g.loose else []  # no links: nothing to say
    searched = [p for p in people.values() if p.ff_status and not p.is_child]
    if not searched and not gaps:
        return []
    out: list[Block] = [Heading(t("export.ff.title"))]
    lifelong = join_names(v.lang, v.names(f.lifelong))
    count = t("export.ff.lifelong", n=len(f.lifelong))
    out.append(Para([run(count, "b"), *([run(": " + lifelong)] if lifelong else [])]))

    def by_name(ids: Iterable[str]) -> list[str]:
        return sorted(ids, key=lambda i: (people[i].name.casefold(), i))

    contacted = by_name(p.id for p in searched if p.ff_status == "contacted")
    for key, ids in (("export.ff.to_reach", (*f.to_find, *f.to_contact)), ("export.ff.contacted", contacted)):
        if not ids and key == "export.ff.contacted":
            continue
        group: list[Block] = [Heading(t(key, n=len(ids)), level=2)]
        if not ids:
            group.append(Para([run(t("export.ff.nobody_to_reach"), "m")]))
        for pid in ids:
            p = people[pid]
            head: Line = [run(v.name(pid), "b"), run(" — " + v.role(p))]
            head.append(run(" · " + t(f"ff_status.{p.ff_status}")))
            group.append(Entry(head, None, _details(v, pid, summary)))
        out += [Keep(group)] if len(ids) <= 6 else group  # a short list is not split over two pages
    declined = by_name(p.id for p in searched if p.ff_status == "declined")
    if declined:
        line = join_names(v.lang, [f"{v.name(i)} ({v.role(people[i])})" for i in declined])
        out.append(Para([run(t("ff_status.declined") + ": ", "b"), run(line)]))
    if gaps:
        out.append(Heading(t("genogram.gaps_title"), level=2))
        out += [Entry([run(clean_text(g))]) for g in gaps]
    return out


def _details(v: PlanView, pid: str, summary: bool) -> list[Line]:
    p, t = v.case.people[pid], v.t
    notes: list[Line] = []
    if p.ff_next_step.strip():
        notes.append([run(t("export.ff.next_step") + ": ", "b"), run(clean_text(p.ff_next_step))])
    if p.ff_follow_up and p.ff_follow_up in v.case.people:
        notes.append([run(t("export.ff.follow_up") + ": ", "b"), run(v.name(p.ff_follow_up))])
    if p.ff_last_contact:
        notes.append([run(t("export.ff.last_contact") + ": ", "b"), run(short_date(p.ff_last_contact))])
    if summary and p.ff_lead.strip():
        notes.append([run(t("export.ff.lead") + ": ", "b"), run(clean_text(p.ff_lead), "i")])
    return notes


def ff_signs(v: PlanView, *, genogram: bool = False) -> str:
    """The Family Finding signs a picture shows, with their meaning ("Family Finding: ? te zoeken, ...")."""
    people = v.case.people
    ids = [p for p in genogram_of(v.case).places if p in people] if genogram else list(people)
    used = {people[p].ff_status for p in ids if people[p].ff_status and not people[p].is_child}
    if not used:
        return ""
    signs = ", ".join(f"{FF_BADGES[s]} {v.t(f'ff_status.{s}').lower()}" for s in FF_BADGES if s in used)
    return v.t("export.ff.signs", signs=signs)
