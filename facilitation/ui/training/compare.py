"""The comparison tab: what the groups made, side by side."""

from __future__ import annotations

import logging

import ipywidgets as W

from ...domain import training as tr
from ...domain.errors import NotFoundError
from ...export.reflecting_record import number
from ..base import button, css, esc
from ..session import Event
from .parts import TrPart
from .present import compare_html

log = logging.getLogger(__name__)


# ---- comparing the groups -----------------------------------------------------------------------


class CompareView(TrPart):
    key = "tr-compare"
    kinds = frozenset({"item", "scale", "score", "agreement", "person", "case"})

    def build(self) -> None:
        self.intro = css(W.HTML(), "fac-tr-hint")
        self.refresh_btn = button("", "fac-tr-compare-refresh")
        self.refresh_btn.on_click(lambda _b: self.refresh(Event("mode")))
        self.table = css(W.HTML(), "fac-tr-compare-table")
        self.widget.children = [self.intro, self.refresh_btn, self.table]

    @property
    def title(self) -> str:
        return self.t("training.tab.compare")

    def relabel(self) -> None:
        self.intro.value = esc(self.t("training.compare.intro"))
        self.refresh_btn.description = self.t("training.compare.refresh")

    def refresh(self, event: Event) -> None:
        t = self.t
        results = []
        for c in self.root.copies():
            try:
                results.append(tr.group_result(self.session.store.load(c.case_id)))
            except NotFoundError:
                continue
        if not results:
            self.table.value = f"<p class='fac-tr-hint'>{esc(t('training.no_exercise'))}</p>"
            return
        cases = {r.case_id: self.session.store.load(r.case_id) for r in results}
        self.table.value = compare_html(results, cases, t, lambda x: number(x, self.session.lang))
