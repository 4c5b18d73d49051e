"""What the reflecting team's parts share: the root, item lists, the add row, the team's scores, a board of three columns."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import ipywidgets as W

from ...domain import ops
from ...domain import reflecting as rt
from ...domain.case import Case
from ...domain.model import COLUMNS, ELEMENT_KINDS, ELEMENTS, Item, Meeting, column_of
from ...export import reflecting_record as record
from ..base import Part, button, css, esc, esc_lines
from ..session import Session

if TYPE_CHECKING:
    from .view import ReflectingTeam

log = logging.getLogger(__name__)


NO_SCORE = -1
TEAM = "team"
"""The scenario argument of a board on the team's own map (resolved to the map's id, made when first used)."""


def _scenario_id(shown: Case, scenario: str | None) -> str | None:
    if scenario != TEAM:
        return scenario
    tm = rt.team_map(shown)
    return tm.id if tm is not None else "-"


def _score_options() -> list[tuple[str, int]]:
    return [("–", NO_SCORE)] + [(str(n), n) for n in range(11)]


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


# ---- shared pieces ------------------------------------------------------------------------------


class RtPart(Part):
    """A part of the reflecting-team dashboard: knows the root (shown case, current meeting)."""

    def __init__(self, session: Session, root: ReflectingTeam) -> None:
        self.root = root
        super().__init__(session)

    @property
    def shown(self) -> Case | None:
        return self.root.shown

    @property
    def meeting(self) -> Meeting | None:
        return self.root.meeting

    def do(self, make: Any) -> bool:
        return self.root.do(make)


class ItemList:
    """The items of one column (of the case or of a scenario), each with a remove button."""

    def __init__(self, part: RtPart, column: str) -> None:
        self.part = part
        self.column = column
        self.widget = css(W.VBox(), "fac-rt-items")
        self._rows: dict[tuple[str, str, str, str], W.Widget] = {}

    def show(self, shown: Case, scenario: str | None) -> None:
        t = self.part.t
        kids: list[W.Widget] = []
        rows: dict[tuple[str, str, str, str], W.Widget] = {}
        for element in ELEMENTS[self.column]:
            items = shown.items_of(element, _scenario_id(shown, scenario))
            if not items:
                continue
            kids.append(css(W.HTML(esc(t(f"element.{element}"))), "fac-rt-el"))
            for item in items:
                key = (item.id, item.text, element, t("reflecting.remove"))
                row = self._rows.get(key) or self._row(item)
                rows[key] = row
                kids.append(row)
        if not kids:
            kids.append(css(W.HTML(esc(t("reflecting.nothing_yet"))), "fac-rt-hint"))
        self._rows = rows
        self.widget.children = kids

    def _row(self, item: Item) -> W.Widget:
        text = css(W.HTML(f'<span class="fac-rt-text">{esc_lines(item.text)}</span>'), "fac-rt-item-text")
        drop = button("✕", "fac-x", "fac-rt-remove-item", tooltip=self.part.t("reflecting.remove"))
        drop.on_click(lambda _b, iid=item.id: self.part.do(lambda case: ops.delete_item(case, iid)))
        return css(W.HBox([text, drop]), "fac-rt-item", f"fac-rt-item-{self.column}")


class AddItem:
    """Add an item to the case's columns or to a scenario: element, text, add."""

    def __init__(self, part: RtPart, scenario: str | None, elements: tuple[str, ...] = ELEMENT_KINDS) -> None:
        self.part = part
        self.scenario = scenario
        self.elements = elements
        self.element = css(W.Dropdown(options=[]), "fac-rt-element")
        self.text = css(W.Textarea(rows=2), "fac-rt-text-in")
        self.add = button("", "fac-rt-add-item", style="primary")
        self.add.on_click(lambda _b: self.submit())
        self.widget = css(W.HBox([self.element, self.text, self.add]), "fac-rt-add")

    def relabel(self) -> None:
        t = self.part.t
        current = self.element.value
        self.element.options = [
            (f"{t('reflecting.col_short.' + column_of(e))} · {t('element_one.' + e)}", e) for e in self.elements
        ]
        self.element.value = current if current in self.elements else self.elements[0]
        self.text.placeholder = t("reflecting.item_ph")
        self.add.description = t("reflecting.add")

    def submit(self) -> bool:
        m = self.part.meeting
        text, element = self.text.value, self.element.value
        if self.scenario == TEAM:
            ok = self.part.do(lambda case: rt.add_team_item(case, m.id if m else None, text, element)[0])
        else:
            ok = self.part.do(
                lambda case: ops.add_item(
                    case, text, element=element, scenario=self.scenario, meeting=m.id if m else None
                )[0]
            )
        if ok:
            self.text.value = ""
        return ok


class ScoreRow:
    """The team's scores on one safety scale (of the case or a scenario) in this meeting."""

    def __init__(self, part: RtPart, scenario: str | None) -> None:
        self.part = part
        self.scenario = scenario
        self.title = css(W.HTML(), "fac-rt-scale-title")
        self.row = css(W.HBox(), "fac-rt-scores")
        self.track = css(W.HTML(), "fac-rt-track-box")
        self.widget = css(W.VBox([self.title, self.row, self.track]), "fac-rt-scale")
        self._pickers: dict[str, W.Dropdown] = {}
        self._labels: dict[str, W.HTML] = {}
        self._quiet = False

    def show(self, shown: Case, meeting: Meeting | None) -> None:
        t = self.part.t
        self.title.value = f"<b>{esc(t('reflecting.team_scale'))}</b>"
        team = rt.team(shown, meeting)
        if meeting is None or not team:
            self.row.children = [css(W.HTML(esc(t("reflecting.no_team"))), "fac-rt-hint")]
            self.track.value = ""
            return
        scores = rt.team_scores(shown, _scenario_id(shown, self.scenario), meeting.id)
        kids = []
        for pid in team:
            picker = self._pickers.get(pid)
            if picker is None:
                picker = css(W.Dropdown(options=_score_options(), value=NO_SCORE), "fac-rt-score-pick")
                picker.observe(lambda ch, pid=pid: self._changed(pid, ch["new"]), "value")
                self._pickers[pid] = picker
                self._labels[pid] = css(W.HTML(), "fac-rt-score-name")
            self._labels[pid].value = esc(shown.name_of(pid))
            picker.tooltip = t("reflecting.score_tip", name=shown.name_of(pid))
            self._quiet = True
            try:
                picker.value = scores.get(pid, NO_SCORE)
            finally:
                self._quiet = False
            kids.append(css(W.HBox([self._labels[pid], picker]), "fac-rt-score"))
        self.row.children = kids
        values = [(shown.name_of(pid), scores[pid]) for pid in team if pid in scores]
        sp = rt.spread([v for _, v in values])
        summary = ""
        if sp is not None and sp.count > 1:
            summary = f'<div class="fac-rt-hint">{esc(t("reflecting.spread", low=sp.low, high=sp.high, middle=record.number(sp.middle, self.part.session.lang)))}</div>'
        self.track.value = score_track(values, t("reflecting.low_end"), t("reflecting.high_end")) + summary

    def _changed(self, pid: str, value: int) -> None:
        if self._quiet:
            return
        m = self.part.meeting
        if m is None:
            return
        if value == NO_SCORE:
            self.part.do(lambda case: rt.clear_team_score(case, _scenario_id(case, self.scenario), m.id, pid))
        elif self.scenario == TEAM:
            self.part.do(lambda case: rt.set_team_map_score(case, m.id, pid, value))
        else:
            self.part.do(lambda case: rt.set_team_score(case, self.scenario, m.id, pid, value))


class Board:
    """Three columns (of the case, or of one scenario) with an add row."""

    def __init__(self, part: RtPart, scenario: str | None) -> None:
        self.part = part
        self.scenario = scenario
        self.lists = {col: ItemList(part, col) for col in COLUMNS}
        self.titles = {col: css(W.HTML(), "fac-rt-col-title") for col in COLUMNS}
        self.cols = {
            col: css(W.VBox([self.titles[col], self.lists[col].widget]), "fac-rt-col", f"fac-rt-col-{col}")
            for col in COLUMNS
        }
        self.adder = AddItem(part, scenario)

    def relabel(self) -> None:
        for col in COLUMNS:
            self.titles[col].value = esc(self.part.t(f"column.{col}"))
        self.adder.relabel()

    def show(self, shown: Case) -> None:
        for col in COLUMNS:
            self.lists[col].show(shown, self.scenario)
