"""Pure presentation of the training dashboard (no widgets): state records -> texts and escaped HTML."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..base import esc, esc_lines
from .state import CardRow, CompareState, GroupRow, InfoState, JoinState, StepRow

T = Callable[..., str]


def _ul(items: Sequence[str], none: str) -> str:
    if not items:
        return none
    return "<ul>" + "".join(f"<li>{esc_lines(x)}</li>" for x in items) + "</ul>"


def compare_rows(state: CompareState, t: T, number: T) -> list[tuple[str, list[str]]]:
    """(row header, one HTML cell per group): every element a group worked on, the safety scale, the plan."""
    none = f"<span class='fac-tr-none'>{esc(t('training.compare.nothing'))}</span>"
    groups = state.groups
    rows = [(t(f"element.{e}"), [_ul(g.texts(e), none) for g in groups]) for e in state.elements]
    score_cells = []
    for g in groups:
        if not g.scores:
            score_cells.append(none)
            continue
        mid = f"<div class='fac-tr-mid'>{esc(t('training.compare.middle', middle=number(g.middle or 0)))}</div>"
        score_cells.append(mid + _ul([f"{name}: {value}" for name, value in g.scores], none))
    rows.append((t("scale.safety"), score_cells))
    plan_cells = []
    for g in groups:
        lines = []
        for a in g.plan:
            backup = t("training.compare.backup", name=a.backup) if a.backup else ""
            extra = " — ".join(x for x in (a.owner, backup, a.when) if x)
            lines.append(a.what + (f" ({extra})" if extra else ""))
        plan_cells.append(_ul(lines, none))
    rows.append((t("part.plan"), plan_cells))
    return rows


def compare_html(state: CompareState, t: T, number: T) -> str:
    """The comparison table: a column per group in the order the groups were made, a row per element."""
    if not state.groups:
        return f"<p class='fac-tr-hint'>{esc(t('training.no_exercise'))}</p>"
    head = "".join(f"<th scope='col'>{esc(g.group)}</th>" for g in state.groups)
    body = "".join(
        f"<tr><th scope='row' class='fac-tr-row-head'>{esc(label)}</th>{''.join(f'<td>{c}</td>' for c in cells)}</tr>"
        for label, cells in compare_rows(state, t, number)
    )
    n = len(state.groups)
    cols = f"<colgroup><col class='fac-tr-col-head'>{'<col>' * n}</colgroup>"
    return f"<table class='fac-tr-n-{n}'>{cols}<thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody></table>"


# ---- the training room on the room's network ----------------------------------------------------------


def qr_svg(url: str) -> str:
    """A QR code of ``url`` as inline SVG (segno: a small, well-kept pure-Python encoder; nothing fetched)."""
    import segno

    return str(segno.make(url, error="m").svg_inline(scale=5, border=2, dark="#111", light="#fff", omitsize=True))


def join_html(state: JoinState, t: T) -> str:
    """The trainer's join board, for the projector: the address, then per group its name, code and QR code."""
    head = (
        f"<p class='fac-tr-join-how'>{esc(t('training.join.how'))}</p>"
        f"<p class='fac-tr-join-url'><span>{esc(t('training.join.address'))}</span> <b>{esc(state.join_url)}</b></p>"
    )
    if not state.groups:
        return head + f"<p class='fac-tr-hint'>{esc(t('training.no_exercise'))}</p>"
    cards = "".join(
        "<figure class='fac-tr-join-card'>"
        f"<figcaption><span class='fac-tr-join-group'>{esc(name)}</span>"
        f"<span class='fac-tr-join-code' aria-label='{esc(t('training.join.code_of', group=name))}'>"
        f"{esc(code)}</span></figcaption>"
        f"<div class='fac-tr-join-qr' role='img' aria-label='{esc(t('training.join.qr_of', group=name))}'>"
        f"{qr_svg(url)}</div></figure>"
        for name, code, url in state.groups
    )
    return head + f"<div class='fac-tr-join-cards'>{cards}</div>"


def paragraphs(text: str) -> str:
    """A trainer's text as paragraphs, one per line written (empty lines left out)."""
    return "".join(f"<p>{esc_lines(line)}</p>" for line in text.split("\n") if line.strip())


def info_html(state: InfoState, t: T) -> str:
    """A group's laptop: the case information the trainer has revealed so far, numbered as on the trainer's
    screen; nothing while no copy is open."""
    if state.group is None:
        return ""
    head = (
        f"<h2 class='fac-tr-info-group'>{esc(t('training.info.group', group=state.group))}</h2>"
        f"<p class='fac-tr-hint'>{esc(t('training.info.intro'))}</p>"
        f"<p class='fac-tr-h'>{esc(t('training.reveal.open_title_n', n=len(state.steps), total=state.total))}</p>"
    )
    if not state.steps:
        return head + f"<p class='fac-tr-hint'>{esc(t('training.reveal.nothing_open'))}</p>"
    body = "".join(
        f"<section class='fac-tr-step-open'><h3>{n}. {esc(title)}</h3>{paragraphs(text)}</section>"
        for n, title, text in state.steps
    )
    return head + body


# ---- the trainer's tabs: rows and texts -----------------------------------------------------------------


def group_label_html(row: GroupRow, t: T) -> str:
    """A group of the exercise, and whether this screen works on it."""
    working = t("training.exercise.working") if row.active else ""
    return f"<b>{esc(row.group)}</b> <span class='fac-tr-hint'>{esc(working)}</span>"


def card_label_html(row: CardRow) -> str:
    return f"<b>{row.n}. {esc(row.role)}</b>"


def card_big_html(card: CardRow, t: T) -> str:
    """A role card shown large: the role, what it knows, what it thinks."""
    return (
        f"<h2>{esc(card.role)}</h2><h3>{esc(t('training.cards.knows'))}</h3>{paragraphs(card.knows) or '<p>–</p>'}"
        f"<h3>{esc(t('training.cards.thinks'))}</h3>{paragraphs(card.thinks) or '<p>–</p>'}"
    )


def step_open_html(step: StepRow) -> str:
    """A revealed step as every group sees it."""
    return f"<h3>{step.n}. {esc(step.title)}</h3>{paragraphs(step.text)}"


def step_label_html(step: StepRow, t: T) -> str:
    """A step in the trainer's list, with whether the groups see it."""
    said = t("training.reveal.state_open") if step.revealed else t("training.reveal.state_hidden")
    cls = "fac-tr-state-open" if step.revealed else "fac-tr-state-hidden"
    return f"<b>{step.n}. {esc(step.title)}</b> <span class='fac-tr-state {cls}'>· {esc(said)}</span>"
