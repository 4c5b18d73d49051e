"""The team's own map of the case, the family's words beside it on demand."""

from __future__ import annotations

import logging

import ipywidgets as W

from ...domain import reflecting as rt
from ...domain.case import Case
from ...domain.model import COLUMNS
from ..base import css, esc, esc_lines
from ..session import Event
from .parts import TEAM, Board, RtPart, ScoreRow

log = logging.getLogger(__name__)


# ---- the case mapped ----------------------------------------------------------------------------


class MapView(RtPart):
    """The team's own map of the case in professional language (three columns, eight elements, the team's
    safety scale); the family's words beside it, marked as theirs, when the team wants them."""

    key = "rt-map"
    kinds = frozenset({"item", "scale", "score", "meeting", "person", "case", "scenario"})

    def build(self) -> None:
        self.intro = css(W.HTML(), "fac-rt-hint")
        self.board = Board(self, TEAM)
        self.columns = css(W.HBox([self.board.cols[c] for c in COLUMNS]), "fac-rt-columns")
        self.scale = ScoreRow(self, TEAM)
        self.family_btn = css(W.ToggleButton(value=False), "fac-rt-family-toggle")
        self.family_btn.observe(lambda _ch: self.refresh(Event("mode")), "value")
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

    def relabel(self) -> None:
        self.intro.value = esc(self.t("reflecting.map.intro"))
        self.family_btn.description = self.t("reflecting.family.show")
        self.family_btn.tooltip = self.t("reflecting.family.tip")
        self.board.relabel()

    def refresh(self, event: Event) -> None:
        shown = self.shown
        if shown is None:
            return
        self.board.show(shown)
        self.scale.show(shown, self.meeting)
        self.family.layout.display = "" if self.family_btn.value else "none"
        self.family.value = self._family_html(shown) if self.family_btn.value else ""

    def _family_html(self, shown: Case) -> str:
        t = self.t
        cols = []
        for col in COLUMNS:
            items = rt.family_items(shown, col)
            lines = (
                "".join(f"<li>{esc_lines(i.text)}</li>" for i in items)
                or f"<li class='fac-rt-hint'>{esc(t('reflecting.nothing_yet'))}</li>"
            )
            cols.append(f"<div class='fac-rt-family-col'><h4>{esc(t(f'column.{col}'))}</h4><ul>{lines}</ul></div>")
        head = f"<div class='fac-rt-family-head'>{esc(t('reflecting.export.family_words'))} · {esc(t('reflecting.export.family_words_note'))}</div>"
        return f"{head}<div class='fac-rt-family-cols'>{''.join(cols)}</div>"
