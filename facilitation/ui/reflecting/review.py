"""The review list of a pseudonymised case: what was replaced by what, each replacement editable, kept per
case (``services.pseudonyms``) before anything is shared. Shown only to the consultant's screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as W

from ...domain.case import Case
from ...domain.pseudonym import Replacement
from ...services import pseudonyms
from ..base import button, css, esc

MAX_ROWS = 200
"""A review list longer than this shows its first rows (people, names, places first) and says so."""


class ReviewList:
    """Original -> replacement, editable; the consultant's corrections saved per case."""

    def __init__(
        self,
        t: Callable[..., str],
        bind: Callable[..., Any],
        store_path: Any,
        on_saved: Callable[[dict[str, str]], None],
    ) -> None:
        """``bind(widget, key, attr, html=False)``: the part's binding of a text to a translation key."""
        self.t = t
        self.store_path = store_path
        self.on_saved = on_saved
        # Closed until the consultant opens it: it shows the originals, and the team may be looking.
        self.open_btn = bind(css(W.ToggleButton(value=False), "fac-rt-review-open"), "reflecting.review.title")
        self.open_btn.observe(lambda _ch: self._redraw(), "value")
        self.intro = bind(css(W.HTML(), "fac-rt-hint"), "reflecting.review.intro", "value", html=True)
        self.rows = css(W.VBox(), "fac-rt-review-rows")
        self.save_btn = bind(button("", "fac-rt-review-save", style="primary"), "reflecting.review.save")
        self.save_btn.on_click(lambda _b: self.save())
        self.body = css(W.VBox([self.intro, self.rows, self.save_btn]), "fac-rt-review-body")
        self.widget = css(W.VBox([self.open_btn, self.body]), "fac-rt-review", "fac-professional-only")
        self._last: tuple[Any, ...] = (None, "", None, {})
        self._inputs: list[tuple[Replacement, W.Text]] = []
        self.case_id = ""
        self.corrections: dict[str, str] = {}

    def show(self, case: Case | None, lang: str, mode: str | None, corrections: dict[str, str]) -> None:
        self._last = (case, lang, mode, corrections)
        self._redraw()

    def _redraw(self) -> None:
        case, lang, mode, corrections = self._last
        self.widget.layout.display = "" if case is not None and mode else "none"
        self.body.layout.display = "" if self.open_btn.value else "none"
        if case is None or not mode or not self.open_btn.value:
            self.rows.children = []
            self._inputs = []
            return
        self.case_id, self.corrections = case.id, dict(corrections)
        review = pseudonyms.review(case, lang, mode, corrections).review
        shown = [r for r in review if r.kind not in ("phone", "email")][:MAX_ROWS]
        rows: list[W.Widget] = []
        self._inputs = []
        for r in shown:
            kind = css(W.HTML(esc(self.t(f"reflecting.pseudo.kind.{r.kind}"))), "fac-rt-review-kind")
            original = css(W.HTML(f"<b>{esc(r.original)}</b>"), "fac-rt-review-original")
            field = css(W.Text(value=r.replacement, layout=W.Layout(width="16em")), "fac-rt-review-replacement")
            self._inputs.append((r, field))
            rows.append(css(W.HBox([original, W.HTML("→"), field, kind]), "fac-rt-review-row"))
        self.rows.children = rows

    def save(self) -> dict[str, str]:
        """Keep every replacement the consultant changed (and the earlier ones); show the case again."""
        fixed = dict(self.corrections)
        for r, field in self._inputs:
            value = " ".join(field.value.split())
            if value and value != r.replacement:
                fixed[r.original] = value
        if self.case_id:
            pseudonyms.save_corrections(self.store_path, self.case_id, fixed)
        self.on_saved(fixed)
        return fixed
