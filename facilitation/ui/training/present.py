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


# ---- the training room on the room's network ----------------------------------------------------------


def qr_svg(url: str) -> str:
    """A QR code of ``url`` as inline SVG (segno: a small, well-kept pure-Python encoder; nothing fetched)."""
    import segno

    return str(segno.make(url, error="m").svg_inline(scale=5, border=2, dark="#111", light="#fff", omitsize=True))


def join_html(join_url: str, groups: Sequence[tuple[str, str, str]], t: T) -> str:
    """The trainer's join board, for the projector: the address, then per group its name, code and QR code.

    ``groups``: (group name, code, the group's own address) in the order the groups were made."""
    head = (
        f"<p class='fac-tr-join-how'>{esc(t('training.join.how'))}</p>"
        f"<p class='fac-tr-join-url'><span>{esc(t('training.join.address'))}</span> <b>{esc(join_url)}</b></p>"
    )
    if not groups:
        return head + f"<p class='fac-tr-hint'>{esc(t('training.no_exercise'))}</p>"
    cards = "".join(
        "<figure class='fac-tr-join-card'>"
        f"<figcaption><span class='fac-tr-join-group'>{esc(name)}</span>"
        f"<span class='fac-tr-join-code' aria-label='{esc(t('training.join.code_of', group=name))}'>"
        f"{esc(code)}</span></figcaption>"
        f"<div class='fac-tr-join-qr' role='img' aria-label='{esc(t('training.join.qr_of', group=name))}'>"
        f"{qr_svg(url)}</div></figure>"
        for name, code, url in groups
    )
    return head + f"<div class='fac-tr-join-cards'>{cards}</div>"


def info_html(group: str, steps: Sequence[tuple[int, str, str]], total: int, t: T) -> str:
    """A group's laptop: the case information the trainer has revealed so far, numbered as on the trainer's
    screen (``steps``: number, title, text)."""
    head = (
        f"<h2 class='fac-tr-info-group'>{esc(t('training.info.group', group=group))}</h2>"
        f"<p class='fac-tr-hint'>{esc(t('training.info.intro'))}</p>"
        f"<p class='fac-tr-h'>{esc(t('training.reveal.open_title_n', n=len(steps), total=total))}</p>"
    )
    if not steps:
        return head + f"<p class='fac-tr-hint'>{esc(t('training.reveal.nothing_open'))}</p>"
    body = "".join(
        f"<section class='fac-tr-step-open'><h3>{n}. {esc(title)}</h3>"
        + "".join(f"<p>{esc_lines(line)}</p>" for line in text.split("\n") if line.strip())
        + "</section>"
        for n, title, text in steps
    )
    return head + body
