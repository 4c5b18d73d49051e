"""Scenarios side by side, each with its own columns and the team's scaling."""

from __future__ import annotations

import ipywidgets as W

from ...domain import reflecting as rt
from ...domain.model import COLUMNS
from ..base import Texts, button, css, esc, esc_lines
from .parts import Board, RtView, ScoreRow, Translate
from .present import compare_html
from .state import CardState, ScenariosState, scenarios_state

# ---- scenarios ----------------------------------------------------------------------------------


class ScenarioCard:
    """One scenario: its title and description, its own three columns, the team's scaling."""

    def __init__(self, part: ScenariosView, scenario_id: str) -> None:
        self.part = part
        self.id = scenario_id
        self.texts = Texts(part.t)
        self.heading = css(W.HTML(), "fac-rt-card-title-box")
        self.left = self.texts.bind(button("◀", "fac-rt-small", "fac-rt-left"), "reflecting.move_left", "tooltip")
        self.right = self.texts.bind(button("▶", "fac-rt-small", "fac-rt-right"), "reflecting.move_right", "tooltip")
        self.drop = button("✕", "fac-rt-small", "fac-rt-drop-scenario")
        self.left.on_click(lambda _b: part.do(lambda case: rt.move_scenario(case, self.id, -1)))
        self.right.on_click(lambda _b: part.do(lambda case: rt.move_scenario(case, self.id, +1)))
        self.drop.on_click(lambda _b: self.remove())
        self.board = Board(part, scenario_id, self.texts.bind, "reflecting.col_short.{}")
        self.scale = ScoreRow(part, scenario_id, self.texts.bind)
        head = css(W.HBox([self.heading, self.left, self.right, self.drop]), "fac-rt-card-head")
        self.widget = css(
            W.VBox([head, *(self.board.cols[c] for c in COLUMNS), self.board.adder.widget, self.scale.widget]),
            "fac-rt-card",
        )
        self._armed = False
        self._lang = ""

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

    def show(self, t: Translate, card: CardState, lang: str) -> None:
        if lang != self._lang:  # a new card, or another language: its texts, and the question asked no more
            self._lang = lang
            self.texts.apply()
            self._disarm()
        desc = f'<div class="fac-rt-desc">{esc_lines(card.description)}</div>' if card.description.strip() else ""
        self.heading.value = (
            f'<div class="fac-rt-card-title">{esc(t("reflecting.scenario_n", n=card.n, title=card.title))}</div>{desc}'
        )
        self.left.disabled = card.n == 1
        self.right.disabled = card.n == card.total
        self.board.show(t, card.board)
        self.scale.show(t, card.scale, lang)


class ScenariosView(RtView[ScenariosState]):
    """Several ways forward side by side, each with its own columns and the team's scaling; compared."""

    key = "rt-scenarios"
    kinds = frozenset({"scenario", "item", "scale", "score", "meeting", "person", "case"})

    def build(self) -> None:
        self.intro = self.text(css(W.HTML(), "fac-rt-hint"), "reflecting.scenarios.intro", "value", html=True)
        self.new_title = self.text(
            css(W.Text(), "fac-rt-scenario-title"), "reflecting.scenario_title_ph", "placeholder"
        )
        self.new_desc = self.text(
            css(W.Textarea(rows=2), "fac-rt-scenario-desc"), "reflecting.scenario_desc_ph", "placeholder"
        )
        self.add_btn = self.text(button("", "fac-rt-add-scenario", style="primary"), "reflecting.add_scenario")
        self.add_btn.on_click(lambda _b: self.add_scenario())
        self.form = css(W.HBox([self.new_title, self.new_desc, self.add_btn]), "fac-rt-add")
        self.cards_box = css(W.HBox(), "fac-rt-cards")
        self.none = self.text(css(W.HTML(), "fac-rt-hint"), "reflecting.scenarios.none", "value", html=True)
        self.compare_title = self.text(css(W.HTML(), "fac-rt-h"), "reflecting.compare.title", "value", html=True)
        self.compare = css(W.HTML(), "fac-rt-compare")
        self.widget.children = [self.intro, self.form, self.cards_box, self.compare_title, self.compare]
        self.cards: dict[str, ScenarioCard] = {}

    @property
    def title(self) -> str:
        return self.t("reflecting.tab.scenarios")

    def add_scenario(self) -> bool:
        title, desc = self.new_title.value, self.new_desc.value
        ok = self.do(lambda case: rt.add_scenario(case, title, desc)[0])
        if ok:
            self.new_title.value = ""
            self.new_desc.value = ""
        return ok

    def state(self) -> ScenariosState:
        return scenarios_state(self.shown, self.meeting, self.session.lang)

    def show(self, state: ScenariosState, previous: ScenariosState | None) -> None:
        t = self.t
        ids = {c.id for c in state.cards}
        for sid in [s for s in self.cards if s not in ids]:
            del self.cards[sid]
        kids: list[W.Widget] = []
        for cs in state.cards:
            card = self.cards.get(cs.id)
            if card is None:
                card = self.cards[cs.id] = ScenarioCard(self, cs.id)
            card.show(t, cs, state.lang)
            kids.append(card.widget)
        self.cards_box.children = kids or [self.none]
        self.compare.value = compare_html(t, state)
        self.compare_title.layout.display = "" if len(state.cards) > 1 else "none"
