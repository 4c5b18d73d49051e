"""The reflecting team's states as texts and escaped HTML (pure): the score track, the family's words, the
comparison of scenarios, whose turn it is, what was said, and the record's preview."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...domain import reflecting as rt
from ...domain.model import COLUMNS, column_of
from ...export import reflecting_record as record
from ..base import esc, esc_lines
from .state import NO_SCORE, RoundsState, Said, ScaleState, ScenariosState

Translate = Callable[..., str]


def score_options() -> list[tuple[str, int]]:
    return [("–", NO_SCORE)] + [(str(n), n) for n in range(11)]


def element_options(t: Translate, elements: tuple[str, ...]) -> list[tuple[str, str]]:
    """The add row's choice of element: 'Zorgen · Zorg', with the column's short name first."""
    return [(f"{t('reflecting.col_short.' + column_of(e))} · {t('element_one.' + e)}", e) for e in elements]


def score_track(values: list[tuple[str, int]], low_text: str, high_text: str) -> str:
    """A 0-10 line with each score as a dot and the range between lowest and highest shaded."""
    if not values:
        return ""
    nums = [v for _, v in values]
    lo, hi = min(nums), max(nums)
    html = [f'<div class="fac-rt-track" role="img" aria-label="{esc(", ".join(f"{n} {v}" for n, v in values))}">']
    html.append(f'<div class="fac-rt-band" style="left:{lo * 10}%;width:{(hi - lo) * 10}%"></div>')
    by_value: dict[int, list[str]] = {}
    for name, v in values:
        by_value.setdefault(v, []).append(name)
    for v, names in sorted(by_value.items()):
        label = f"{v}" if len(names) == 1 else f"{v} ×{len(names)}"
        html.append(
            f'<div class="fac-rt-dot" style="left:{v * 10}%" title="{esc(", ".join(names))}">{esc(label)}</div>'
        )
    html.append(f'<div class="fac-rt-end fac-rt-end-low">0 · {esc(low_text)}</div>')
    html.append(f'<div class="fac-rt-end fac-rt-end-high">{esc(high_text)} · 10</div>')
    html.append("</div>")
    return "".join(html)


def spread_text(t: Translate, sp: rt.Spread, lang: str) -> str:
    """'van 4 tot 5, midden 4,5' (a Flemish decimal comma in Dutch)."""
    return t("reflecting.spread", low=sp.low, high=sp.high, middle=record.number(sp.middle, lang))


def scale_html(t: Translate, scale: ScaleState, lang: str) -> str:
    """The track of the team's scores and, when more than one scored, how far apart they are."""
    values = [(s.name, s.score) for s in scale.team if s.score != NO_SCORE]
    sp = scale.spread
    summary = ""
    if sp is not None and sp.count > 1:
        summary = f'<div class="fac-rt-hint">{esc(spread_text(t, sp, lang))}</div>'
    return score_track(values, t("reflecting.low_end"), t("reflecting.high_end")) + summary


def family_html(t: Translate, family: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """The family's own words beside the team's map, column by column, marked as theirs."""
    cols = []
    for col, texts in family:
        lines = "".join(f"<li>{esc_lines(text)}</li>" for text in texts) or (
            f"<li class='fac-rt-hint'>{esc(t('reflecting.nothing_yet'))}</li>"
        )
        cols.append(f"<div class='fac-rt-family-col'><h4>{esc(t(f'column.{col}'))}</h4><ul>{lines}</ul></div>")
    head = (
        f"<div class='fac-rt-family-head'>{esc(t('reflecting.export.family_words'))} · "
        f"{esc(t('reflecting.export.family_words_note'))}</div>"
    )
    return f"{head}<div class='fac-rt-family-cols'>{''.join(cols)}</div>"


def compare_html(t: Translate, state: ScenariosState) -> str:
    """The scenarios side by side in one table: items per column, each member's score, the spread."""
    rows = state.compared
    if len(rows) < 2:
        return ""
    head = "".join(f"<th>{esc(t('reflecting.scenario_n', n=s.n, title=s.title))}</th>" for s in rows)
    body = []
    for c, col in enumerate(COLUMNS):
        cells = "".join(f'<td class="fac-rt-num">{s.counts[c]}</td>' for s in rows)
        what = t("reflecting.compare.count", what=t("reflecting.col_short." + col))
        body.append(f"<tr><th>{esc(what)}</th>{cells}</tr>")
    for m, name in enumerate(state.team):
        cells = "".join(
            f'<td class="fac-rt-num">{esc(s.scores[m]) if s.scores[m] is not None else "–"}</td>' for s in rows
        )
        body.append(f"<tr><th>{esc(name)}</th>{cells}</tr>")
    cells = "".join(f"<td>{esc(spread_text(t, s.spread, state.lang) if s.spread else '–')}</td>" for s in rows)
    body.append(f"<tr><th>{esc(t('reflecting.compare.scores'))}</th>{cells}</tr>")
    return f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def turn_text(t: Translate, state: RoundsState) -> str:
    """Whose turn it is in this round; or that everyone spoke; or that there is no team yet."""
    if state.next is not None:
        return t("reflecting.turn", round=state.round_no, name=state.next)
    return t("reflecting.round_done", round=state.round_no) if state.team else t("reflecting.no_team")


def said_html(s: Said, n: int | None = None) -> str:
    """One reflection (with its speaker), conclusion or next step (numbered), escaped."""
    num = f"<b>{n}.</b> " if n is not None else ""
    who = f"<b>{esc(s.who)}:</b> " if s.who else ""
    return f"{num}{who}{esc_lines(s.text)}"


def blocks_html(blocks: tuple[Any, ...] | list[Any]) -> str:
    """The record's blocks as escaped HTML (the preview shows exactly what the files will hold)."""
    from ...export.document import Entry, Heading, Para, Table, Title

    html: list[str] = []
    in_list = False
    for b in blocks:
        if in_list and not isinstance(b, Entry):
            html.append("</ul>")
            in_list = False
        if isinstance(b, Title):
            html.append(f"<h1>{esc(b.text)}</h1><p><b>{esc(b.subtitle)}</b></p>")
        elif isinstance(b, Heading):
            html.append(f"<h2>{esc(b.text)}</h2>")
        elif isinstance(b, Para):
            html.append(f"<p>{_runs(b.runs)}</p>")
        elif isinstance(b, Entry):
            if not in_list:
                html.append("<ul>")
                in_list = True
            num = f"{esc(b.number)} " if b.number else ""
            notes = "".join(f"<br>{_runs(note)}" for note in b.notes)
            html.append(f"<li>{num}{_runs(b.runs)}{notes}</li>")
        elif isinstance(b, Table):
            head = "".join(f"<th>{esc(h)}</th>" for h in b.header)
            rows = "".join(
                "<tr>" + "".join("<td>" + "<br>".join(_runs(line) for line in cell) + "</td>" for cell in row) + "</tr>"
                for row in b.rows
            )
            html.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    if in_list:
        html.append("</ul>")
    return "".join(html)


def _runs(rs: list[tuple[str, str]]) -> str:
    out = []
    for text, marks in rs:
        s = esc_lines(text)
        if "b" in marks:
            s = f"<b>{s}</b>"
        if "m" in marks:
            s = f'<span class="fac-m">{s}</span>'
        if "!" in marks:
            s = f'<span class="fac-alert">{s}</span>'
        out.append(s)
    return "".join(out)
