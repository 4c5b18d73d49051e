"""Scenarios side by side, each with its own columns and the team's scaling."""

from __future__ import annotations

import logging

import ipywidgets as W

from ...domain import reflecting as rt
from ...domain.case import Case
from ...domain.model import COLUMNS
from ...export import reflecting_record as record
from ..base import button, css, esc, esc_lines
from ..session import Event
from .parts import Board, RtPart, ScoreRow

log = logging.getLogger(__name__)


# ---- scenarios ----------------------------------------------------------------------------------


class ScenarioCard:
    """One scenario: its title and description, its own three columns, the team's scaling."""

    def __init__(self, part: ScenariosView, scenario_id: str) -> None:
        self.part = part
        self.id = scenario_id
        self.heading = css(W.HTML(), "fac-rt-card-title-box")
        self.left = button("◀", "fac-rt-small", "fac-rt-left")
        self.right = button("▶", "fac-rt-small", "fac-rt-right")
        self.drop = button("✕", "fac-rt-small", "fac-rt-drop-scenario")
        self.left.on_click(lambda _b: part.do(lambda case: rt.move_scenario(case, self.id, -1)))
        self.right.on_click(lambda _b: part.do(lambda case: rt.move_scenario(case, self.id, +1)))
        self.drop.on_click(lambda _b: self.remove())
        self.board = Board(part, scenario_id)
        self.scale = ScoreRow(part, scenario_id)
        head = css(W.HBox([self.heading, self.left, self.right, self.drop]), "fac-rt-card-head")
        self.widget = css(
            W.VBox([head, *(self.board.cols[c] for c in COLUMNS), self.board.adder.widget, self.scale.widget]),
            "fac-rt-card",
        )
        self._armed = False

    def relabel(self) -> None:
        t = self.part.t
        self.left.tooltip = t("reflecting.move_left")
        self.right.tooltip = t("reflecting.move_right")
        self.board.relabel()
        for col in COLUMNS:
            self.board.titles[col].value = esc(t(f"reflecting.col_short.{col}"))
        self._disarm()

    def _disarm(self) -> None:
        self._armed = False
        self.drop.description = "✕"
        self.drop.tooltip = self.part.t("reflecting.remove_scenario")
        self.drop.remove_class("fac-rt-danger")

    def remove(self) -> bool:
        """First click asks, second click removes (a scenario carries the team's work)."""
        if not self._armed:
            self._armed = True
            self.drop.description = self.part.t("reflecting.confirm_remove")
            self.drop.add_class("fac-rt-danger")
            return False
        self._disarm()
        return self.part.do(lambda case: rt.delete_scenario(case, self.id))

    def show(self, shown: Case, n: int, total: int) -> None:
        sc = shown.scenarios[self.id]
        t = self.part.t
        desc = f'<div class="fac-rt-desc">{esc_lines(sc.description)}</div>' if sc.description.strip() else ""
        self.heading.value = (
            f'<div class="fac-rt-card-title">{esc(t("reflecting.scenario_n", n=n, title=sc.title))}</div>{desc}'
        )
        self.left.disabled = n == 1
        self.right.disabled = n == total
        self.board.show(shown)
        self.scale.show(shown, self.part.meeting)


class ScenariosView(RtPart):
    """Several ways forward side by side, each with its own columns and the team's scaling; compared."""

    key = "rt-scenarios"
    kinds = frozenset({"scenario", "item", "scale", "score", "meeting", "person", "case"})

    def build(self) -> None:
        self.intro = css(W.HTML(), "fac-rt-hint")
        self.new_title = css(W.Text(), "fac-rt-scenario-title")
        self.new_desc = css(W.Textarea(rows=2), "fac-rt-scenario-desc")
        self.add_btn = button("", "fac-rt-add-scenario", style="primary")
        self.add_btn.on_click(lambda _b: self.add_scenario())
        self.form = css(W.HBox([self.new_title, self.new_desc, self.add_btn]), "fac-rt-add")
        self.cards_box = css(W.HBox(), "fac-rt-cards")
        self.compare_title = css(W.HTML(), "fac-rt-h")
        self.compare = css(W.HTML(), "fac-rt-compare")
        self.widget.children = [self.intro, self.form, self.cards_box, self.compare_title, self.compare]
        self.cards: dict[str, ScenarioCard] = {}

    @property
    def title(self) -> str:
        return self.t("reflecting.tab.scenarios")

    def relabel(self) -> None:
        t = self.t
        self.intro.value = esc(t("reflecting.scenarios.intro"))
        self.new_title.placeholder = t("reflecting.scenario_title_ph")
        self.new_desc.placeholder = t("reflecting.scenario_desc_ph")
        self.add_btn.description = t("reflecting.add_scenario")
        self.compare_title.value = esc(t("reflecting.compare.title"))
        for card in self.cards.values():
            card.relabel()

    def add_scenario(self) -> bool:
        title, desc = self.new_title.value, self.new_desc.value
        ok = self.do(lambda case: rt.add_scenario(case, title, desc)[0])
        if ok:
            self.new_title.value = ""
            self.new_desc.value = ""
        return ok

    def refresh(self, event: Event) -> None:
        shown = self.shown
        if shown is None:
            return
        order = rt.scenarios_in_order(shown)
        for sid in [s for s in self.cards if s not in shown.scenarios]:
            del self.cards[sid]
        kids = []
        for n, sc in enumerate(order, 1):
            card = self.cards.get(sc.id)
            if card is None:
                card = self.cards[sc.id] = ScenarioCard(self, sc.id)
                card.relabel()
            card.show(shown, n, len(order))
            kids.append(card.widget)
        if not kids:
            kids = [css(W.HTML(esc(self.t("reflecting.scenarios.none"))), "fac-rt-hint")]
        self.cards_box.children = kids
        self.compare.value = self._compare_html(shown)
        self.compare_title.layout.display = "" if len(order) > 1 else "none"

    def _compare_html(self, shown: Case) -> str:
        t = self.t
        rows = rt.compare(shown, self.meeting.id if self.meeting else None)
        if len(rows) < 2:
            return ""
        team = rt.team(shown, self.meeting)
        head = "".join(
            f"<th>{esc(t('reflecting.scenario_n', n=n, title=s.scenario.title))}</th>" for n, s in enumerate(rows, 1)
        )
        body = []
        for col in COLUMNS:
            cells = "".join(f'<td class="fac-rt-num">{s.counts[col]}</td>' for s in rows)
            body.append(
                f"<tr><th>{esc(t('reflecting.compare.count', what=t('reflecting.col_short.' + col)))}</th>{cells}</tr>"
            )
        for pid in team:
            cells = "".join(
                f'<td class="fac-rt-num">{esc(s.scores[pid]) if pid in s.scores else "–"}</td>' for s in rows
            )
            body.append(f"<tr><th>{esc(shown.name_of(pid))}</th>{cells}</tr>")
        cells = "".join(
            f"<td>{esc(t('reflecting.spread', low=s.spread.low, high=s.spread.high, middle=record.number(s.spread.middle, self.session.lang)) if s.spread else '–')}</td>"
            for s in rows
        )
        body.append(f"<tr><th>{esc(t('reflecting.compare.scores'))}</th>{cells}</tr>")
        return f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
