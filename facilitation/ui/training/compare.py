"""The comparison tab: what the groups made, side by side."""

from __future__ import annotations

import ipywidgets as W

from ...domain.case import Case
from ...domain.errors import NotFoundError
from ...export.reflecting_record import number
from ..base import button, css
from .parts import TrPart
from .present import compare_html
from .state import CompareState, compare_state


class CompareView(TrPart[CompareState]):
    key = "tr-compare"
    kinds = frozenset({"item", "scale", "score", "agreement", "person", "case"})

    def build(self) -> None:
        self.intro = self.text(css(W.HTML(), "fac-tr-hint"), "training.compare.intro", "value", html=True)
        self.refresh_btn = self.text(button("", "fac-tr-compare-refresh"), "training.compare.refresh")
        # The other groups' work reaches the store from their own screens: the button reads it again.
        self.refresh_btn.on_click(lambda _b: self.update())
        self.table = css(W.HTML(), "fac-tr-compare-table")
        self.widget.children = [self.intro, self.refresh_btn, self.table]

    @property
    def title(self) -> str:
        return self.t("training.tab.compare")

    def state(self) -> CompareState:
        cases: list[Case] = []
        for c in self.root.copies():
            try:
                cases.append(self.session.store.load(c.case_id))
            except NotFoundError:
                continue
        return compare_state(cases, self.session.lang)

    def show(self, state: CompareState, previous: CompareState | None) -> None:
        self.table.value = compare_html(state, self.t, lambda x: number(x, state.lang))
