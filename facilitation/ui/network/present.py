"""Pure functions from what the network part shows to texts, rows and HTML (no widgets)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from ...domain.case import Case
from ...domain.model import Meeting
from ...domain.network import LINK_CHOICES, NetworkFacts
from ...domain.quickadd import QuickLine
from ...domain.snapshots import NOW, MapChanges
from ...domain.text import shorten
from ...figures.map_parts import TIE_STYLES
from ...figures.network import FF_BADGES, PRESENT_BADGE, SAFETY_COLOUR, SECTOR_COLOURS, TO_TELL_COLOUR
from ..base import esc

T = Callable[..., str]
MAX_LISTED = 10
"""Names listed per fact (the rest as 'and N more')."""
INK = "#1d2430"


def short_date(iso: str) -> str:
    """15/09/2026 (the Flemish way) from 2026-09-15; as given when it is not a date."""
    try:
        d = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def meeting_label(m: Meeting | None, t: T) -> str:
    """ "Netwerkoverleg 15/09/2026" (its own title when it has one)."""
    if m is None:
        return t("network.time.now_long")
    name = m.title or t(f"meeting_kind.{m.kind}")
    return f"{name} · {short_date(m.date)}"


# ---- the facts -------------------------------------------------------------------------------------------


def facts_rows(f: NetworkFacts, t: T) -> list[tuple[int, str, bool]]:
    """(number, words, warn) for the facts box."""
    return [
        (f.informal_adults, t("network.facts.informal_adults"), False),
        (f.know_worries, t("network.facts.know_worries", total=f.people), False),
        (f.in_safety_network, t("network.facts.safety_network", informal=f.safety_network_informal_adults), False),
        (len(f.lifelong), t("network.facts.lifelong"), False),
        (len(f.isolated), t("network.facts.isolated_n"), bool(f.isolated)),
    ]


def facts_html(rows: Iterable[tuple[int, str, bool]]) -> str:
    cells = "".join(
        f'<span class="fac-fact-n{" fac-fact-warn" if warn else ""}">{n}</span><span>{esc(label)}</span>'
        for n, label, warn in rows
    )
    return f'<div class="fac-net-facts">{cells}</div>'


def supports_html(case: Case, f: NetworkFacts, t: T) -> str:
    lines = []
    for child in case.children():
        ids = f.supports_by_child.get(child.id, ())
        names = ", ".join(case.name_of(i) for i in ids[:MAX_LISTED])
        if len(ids) > MAX_LISTED:
            names += " " + t("network.facts.more", n=len(ids) - MAX_LISTED)
        empty = "<i>" + esc(t("network.facts.no_supports")) + "</i>"
        lines.append(
            f"<div><b>{esc(t('network.facts.supports', child=shorten(child.name, 30)))}</b> "
            f"{esc(names) if names else empty}</div>"
        )
    return "".join(lines)


# ---- Family Finding --------------------------------------------------------------------------------------


def family_finding_rows(case: Case, f: NetworkFacts, t: T) -> list[tuple[str, str]]:
    """(person id, HTML) per person still to find or to contact: status, lead, next step, who follows up."""
    rows = []
    for pid in (*f.to_find, *f.to_contact):
        p = case.people[pid]
        parts = [f'<span class="fac-ff-badge" aria-hidden="true">{esc(FF_BADGES[p.ff_status])}</span>']
        parts.append(f"<b>{esc(p.name)}</b>")
        if p.relation:
            parts.append(f'<span class="fac-ff-rel">{esc(p.relation)}</span>')
        parts.append(f'<span class="fac-ff-status">{esc(t(f"ff_status.{p.ff_status}"))}</span>')
        more = []
        if p.ff_next_step:
            more.append(t("network.ff.next_step_is", step=p.ff_next_step))
        if p.ff_follow_up:
            more.append(t("network.ff.follow_up_by", name=case.name_of(p.ff_follow_up)))
        if p.ff_last_contact:
            more.append(t("network.ff.last_contact_on", date=short_date(p.ff_last_contact)))
        if p.ff_lead:
            more.append(t("network.ff.lead_is", lead=p.ff_lead))
        # Leads, addresses and who follows up are the professionals' work: not on the projector.
        details = f'<div class="fac-ff-more fac-professional-only">{esc(" · ".join(more))}</div>' if more else ""
        body = " ".join(parts) + details
        rows.append((pid, body))
    return rows


# ---- the legend ----------------------------------------------------------------------------------------------


def _line(colour: str, width: float, dash: str) -> str:
    dashes = {"solid": "", "dash": 'stroke-dasharray="7 4"', "dot": 'stroke-dasharray="2 4"'}[dash]
    return (
        f'<svg width="28" height="12" aria-hidden="true"><line x1="1" y1="6" x2="27" y2="6" stroke="{colour}" '
        f'stroke-width="{width}" {dashes} stroke-linecap="round"/></svg>'
    )


def _marker(kind: str, colour: str = INK) -> str:
    if kind == "square":
        shape = f'<rect x="3" y="3" width="14" height="14" fill="none" stroke="{colour}" stroke-width="2.5"/>'
    elif kind == "ring":
        shape = f'<circle cx="10" cy="10" r="8" fill="none" stroke="{colour}" stroke-width="3"/>'
    else:
        fill = colour if kind == "all" else "white"
        dot = f'<circle cx="10" cy="10" r="2.5" fill="{colour}"/>' if kind == "some" else ""
        shape = f'<circle cx="10" cy="10" r="7" fill="{fill}" stroke="{colour}" stroke-width="2.5"/>{dot}'
    return f'<svg width="20" height="20" aria-hidden="true">{shape}</svg>'


def _item(symbol: str, label: str) -> str:
    return f'<span class="fac-lg">{symbol}{esc(label)}</span> '


def map_legend(t: T, ff_used: Iterable[str] = (), present: bool = False) -> str:
    """The legend under the map: the safety circles, the rings, the ties, Family Finding signs in use."""
    circles = "".join(_item(_marker(k), t(f"network.legend.{k}")) for k in ("all", "some", "none"))
    out = [f'<span class="fac-lg-head">{esc(t("network.legend.circles"))}</span> {circles}']
    out.append(_item(_marker("square", SECTOR_COLOURS["professional"]), t("network.legend.professional")))
    out.append(_item(_marker("ring", SAFETY_COLOUR), t("network.legend.safety")))
    out.append(_item(_marker("ring", TO_TELL_COLOUR), t("network.legend.to_tell")))
    for kind in ("support", "conflict", "family", "broken"):
        s = TIE_STYLES[kind]
        out.append(_item(_line(s["color"], s["width"], s["dash"]), t(f"tie.{kind}")))
    signs = ff_legend(t, ff_used)
    if signs:
        out.append(f"<br>{signs}")
    if present:
        out.append(
            f'<span class="fac-lg"><b class="fac-lg-sign fac-lg-here">{PRESENT_BADGE}</b>{esc(t("network.legend.present"))}</span>'
        )
    return "".join(out)


def ff_legend(t: T, ff_used: Iterable[str]) -> str:
    """The Family Finding signs in use, each with its meaning."""
    used = [s for s in FF_BADGES if s in set(ff_used)]
    if not used:
        return ""
    signs = "".join(
        f'<span class="fac-lg"><b class="fac-lg-sign">{esc(FF_BADGES[s])}</b>{esc(t(f"ff_status.{s}"))}</span> '
        for s in used
    )
    return f'<span class="fac-lg-head">Family Finding:</span> {signs}'


def shortened_html(case: Case, shortened: Sequence[Sequence[str]], t: T) -> str:
    """ "Afgekort: Fatima E. = Fatima El Amrani; …" (the whole names of shortened names on the map)."""
    pairs = [(shown, case.name_of(pid)) for pid, shown in shortened if pid in case.people]
    if not pairs:
        return ""
    listed = "; ".join(f"{s} = {esc(full)}" for s, full in pairs[:24])
    if len(pairs) > 24:
        listed += "; " + esc(t("network.facts.more", n=len(pairs) - 24))
    return f'<span class="fac-lg-head">{esc(t("network.legend.shortened"))}</span> {listed}'


# ---- ties and links ----------------------------------------------------------------------------------------


def link_options(t: T) -> list[tuple[str, str]]:
    """The choices of a tie or family link, from the open person's side."""
    return [(t(f"network.link.{c}"), c) for c in LINK_CHOICES]


# ---- quick add ---------------------------------------------------------------------------------------------


def preview_html(lines: Sequence[QuickLine], t: T) -> str:
    """What quick add will make, a line each (narrow enough for the side panel): the person with where
    and how close, or the line as typed with why it is not added. A guessed sector ends in "?"."""
    if not lines:
        return ""
    items = []
    for q in lines:
        if q.ok and q.person is not None:
            p = q.person
            where = t(f"sector.{p['sector']}") + (" ?" if "sector" in q.guessed else "")
            ring = t(f"closeness.{p['closeness']}")
            chips = [
                f'<span class="fac-qa-chip fac-qa-sector" style="border-color:{SECTOR_COLOURS[p["sector"]]}">'
                f"{esc(where)}</span>",
                f'<span class="fac-qa-chip">{esc(ring)}</span>',
            ]
            more = []
            if p.get("age") is not None:
                more.append(t("network.quick.age", n=p["age"]))
            if p.get("phone"):
                more.append(p["phone"])
            if p.get("is_carer"):
                more.append(t("network.quick.carer"))
            chips += [f'<span class="fac-qa-chip">{esc(m)}</span>' for m in more]
            rel = f' <span class="fac-qa-rel">— {esc(p["relation"])}</span>' if p.get("relation") else ""
            items.append(
                f'<li class="fac-qa-ok" value="{q.number}"><b>{esc(p["name"])}</b>{rel}'
                f'<div class="fac-qa-chips">{"".join(chips)}</div></li>'
            )
        else:
            if q.problem.startswith("error."):
                params = {k: v for k, v in q.details.items() if k != "field"}
                why = t("network.quick.problem.field", message=t(q.problem, **params))
            else:
                why = t(f"network.quick.problem.{q.problem}", **q.details)
            items.append(
                f'<li class="fac-qa-problem" value="{q.number}"><span class="fac-qa-line">{esc(shorten(q.text, 90))}'
                f'</span><div class="fac-qa-why">{esc(why)}</div></li>'
            )
    return f'<ol class="fac-qa-list">{"".join(items)}</ol>'


# ---- the network over time --------------------------------------------------------------------------------------


def changes_html(before: Case, after: Case, ch: MapChanges, t: T) -> str:
    """The comparison of two maps in words: who joined, left, moved closer or further, now knows."""

    def name(pid: str) -> str:
        return esc(after.name_of(pid) or before.name_of(pid))

    def ring(n: int) -> str:
        return esc(t(f"closeness.{n}").lower())

    sections: list[tuple[str, str, list[str]]] = [
        ("joined", "fac-ch-joined", [name(p) for p in ch.joined]),
        ("left", "fac-ch-left", [name(p) for p in ch.left]),
        ("closer", "fac-ch-closer", [f"{name(p)} ({ring(a)} → {ring(b)})" for p, a, b in ch.closer]),
        ("further", "fac-ch-further", [f"{name(p)} ({ring(a)} → {ring(b)})" for p, a, b in ch.further]),
        (
            "other_sector",
            "fac-ch-sector",
            [f"{name(p)} ({esc(t(f'sector.{a}'))} → {esc(t(f'sector.{b}'))})" for p, a, b in ch.other_sector],
        ),
        (
            "now_know",
            "fac-ch-know",
            [f"{name(p)} ({esc(t(f'network.knowledge.{b}').lower())})" for p, _a, b in ch.now_know],
        ),
        ("joined_safety", "fac-ch-safety", [name(p) for p in ch.joined_safety]),
        ("left_safety", "fac-ch-unsafety", [name(p) for p in ch.left_safety]),
        (
            "family_finding",
            "fac-ch-ff",
            [
                f"{name(p)} ({esc(t(f'ff_status.{a}') if a else '—')} → {esc(t(f'ff_status.{b}') if b else '—')})"
                for p, a, b in ch.family_finding
            ],
        ),
        ("new_conflicts", "fac-ch-conflict", [f"{name(a)} — {name(b)}" for a, b in ch.new_conflicts]),
        ("ended_conflicts", "fac-ch-peace", [f"{name(a)} — {name(b)}" for a, b in ch.ended_conflicts]),
    ]
    items = [
        f'<li class="{cls}"><b>{esc(t(f"network.time.ch.{key}"))}</b> {", ".join(names)}</li>'
        for key, cls, names in sections
        if names
    ]
    if not items:
        return f'<p class="fac-ch-none">{esc(t("network.time.no_changes"))}</p>'
    return f'<ul class="fac-ch-list">{"".join(items)}</ul>'


def facts_table_html(frame: Any, highlight: Sequence[int] = ()) -> str:
    """The facts per kept map and now as a small table (columns: the moments; rows: the facts)."""
    cols = list(frame.columns)
    head = "".join(
        f"<th>{esc(frame.iloc[i, 1])}<br><small>{esc(short_date(frame.iloc[i, 0]))}</small></th>"
        for i in range(len(frame))
    )
    body = []
    for c in cols[2:]:
        cells = "".join(
            f'<td class="{"fac-ft-chosen" if i in highlight else ""}">{int(frame.iloc[i][c])}</td>'
            for i in range(len(frame))
        )
        body.append(f"<tr><th>{esc(c)}</th>{cells}</tr>")
    return (
        f'<table class="fac-facts-table"><thead><tr><th></th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


def moment_options(case: Case, kept: Sequence[str], t: T) -> list[tuple[str, str]]:
    """The moments that can be compared: each kept map (by its meeting), then the map now."""
    out = [(meeting_label(case.meetings.get(mid), t), mid) for mid in kept if mid in case.meetings]
    out.append((t("network.time.now_long"), NOW))
    return out
