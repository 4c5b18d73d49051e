"""Pure presentation of the training dashboard: the groups compared side by side (no widgets)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...domain import training as tr
from ...domain.case import Case
from ..base import esc, esc_lines

T = Callable[..., str]


def _ul(items: Sequence[str], none: str) -> str:
    if not items:
        return none
    return "<ul>" + "".join(f"<li>{esc_lines(x)}</li>" for x in items) + "</ul>"


def compare_rows(
    results: Sequence[tr.GroupResult], cases: dict[str, Case], t: T, number: T
) -> list[tuple[str, list[str]]]:
    """(row header, one HTML cell per group): every element a group worked on, the safety scale, the plan."""
    none = f"<span class='fac-tr-none'>{esc(t('training.compare.nothing'))}</span>"
    rows = [
        (t(f"element.{e}"), [_ul(r.elements.get(e, []), none) for r in results]) for e in tr.compared_elements(results)
    ]
    score_cells = []
    for r in results:
        if not r.scores:
            score_cells.append(none)
            continue
        mid = f"<div class='fac-tr-mid'>{esc(t('training.compare.middle', middle=number(r.middle or 0)))}</div>"
        score_cells.append(mid + _ul([f"{name}: {value}" for name, value in r.scores], none))
    rows.append((t("scale.safety"), score_cells))
    plan_cells = []
    for r in results:
        case = cases[r.case_id]
        lines = []
        for a in r.agreements:
            who, backup = case.name_of(a.owner), case.name_of(a.backup)
            extra = " — ".join(
                x for x in (who, t("training.compare.backup", name=backup) if backup else "", a.when) if x
            )
            lines.append(a.what + (f" ({extra})" if extra else ""))
        plan_cells.append(_ul(lines, none))
    rows.append((t("part.plan"), plan_cells))
    return rows


def compare_html(results: Sequence[tr.GroupResult], cases: dict[str, Case], t: T, number: T) -> str:
    """The comparison table: a column per group in the order the groups were made, a row per element."""
    head = "".join(f"<th scope='col'>{esc(r.group)}</th>" for r in results)
    body = "".join(
        f"<tr><th scope='row' class='fac-tr-row-head'>{esc(label)}</th>{''.join(f'<td>{c}</td>' for c in cells)}</tr>"
        for label, cells in compare_rows(results, cases, t, number)
    )
    cols = f"<colgroup><col class='fac-tr-col-head'>{'<col>' * len(results)}</colgroup>"
    return f"<table class='fac-tr-n-{len(results)}'>{cols}<thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody></table>"
