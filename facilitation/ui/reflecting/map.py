"""The team's own map of the case, the family's words beside it on demand."""

from __future__ import annotations

import ipywidgets as W

from ...domain.model import COLUMNS
from ..base import css
from .parts import Board, RtView, ScoreRow
from .present import family_html
from .state import TEAM, MapState, map_state

# ---- the case mapped ----------------------------------------------------------------------------


class MapView(RtView[MapState]):
    """The team's own map of the case in professional language (three columns, eight elements, the team's
    safety scale); the family's words beside it, marked as theirs, when the team wants them."""

    key = "rt-map"
    kinds = frozenset({"item", "scale", "score", "meeting", "person", "case", "scenario"})

    def build(self) -> None:
        self.intro = self.text(css(W.HTML(), "fac-rt-hint"), "reflecting.map.intro", "value", html=True)
        self.board = Board(self, TEAM, self.text)
        self.columns = css(W.HBox([self.board.cols[c] for c in COLUMNS]), "fac-rt-columns")
        self.scale = ScoreRow(self, TEAM, self.text)
        self.family_btn = css(W.ToggleButton(value=False), "fac-rt-family-toggle")
        self.text(self.family_btn, "reflecting.family.show")
        self.text(self.family_btn, "reflecting.family.tip", "tooltip")
        self.on(self.family_btn, lambda _open: self.update())
        self.family = css(W.HTML(), "fac-rt-family-words")
        self.family.layout.display = "none"
        self.widget.children = [
            self.intro,
            self.board.adder.widget,
            self.columns,
            self.scale.widget,
            self.family_btn,
            self.family,
        ]

    @property
    def title(self) -> str:
        return self.t("reflecting.tab.map")

    def state(self) -> MapState:
        return map_state(self.shown, self.meeting, self.session.lang, self.family_btn.value)

    def show(self, state: MapState, previous: MapState | None) -> None:
        t = self.t
        self.board.show(t, state.board)
        self.scale.show(t, state.scale, state.lang)
        self.family.layout.display = "" if state.family is not None else "none"
        self.family.value = family_html(t, state.family) if state.family is not None else ""
