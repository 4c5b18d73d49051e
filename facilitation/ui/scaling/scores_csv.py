"""Saving all scores of the case as CSV next to the store, offered as a download (mixed into ``ScalingView``).

The first click replaces nothing: when today's file is there already nothing is written and the question asks
whether to replace it or keep both (``ui/replace_question.py``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import ipywidgets as W

from ...domain.errors import FacilitationError
from ...domain.scaling import scores_frame
from ...export.common import FileExists
from ..base import WidgetT, button, css, esc
from ..downloads import download_link
from ..replace_question import How, ReplaceQuestion, keep_both, overwrite


class ScoresCsv:
    """The CSV button, the question it may ask, and the link to what it wrote."""

    session: Any

    if TYPE_CHECKING:  # given by ScalingView and PartView

        def t(self, key: str, **params: Any) -> str: ...

        def text(
            self, widget: WidgetT, key: str, attr: str = "description", *, html: bool = False, **params: Any
        ) -> WidgetT: ...

    def _build_csv(self) -> W.VBox:
        txt = self.text
        self.csv_btn = txt(button("", "fac-scores-csv", "fac-professional-only"), "scaling.csv")
        txt(self.csv_btn, "scaling.csv_tip", "tooltip")
        self.csv_question = ReplaceQuestion(self.session, "fac-scores-replace", "fac-professional-only")
        self.csv_out = css(W.HTML(), "fac-csv-out", "fac-professional-only")
        self.csv_btn.on_click(lambda _b: self.save_csv())
        return W.VBox([W.HBox([self.csv_btn]), self.csv_question.widget, self.csv_out])

    def save_csv(self, how: How = "new") -> str | None:
        """Write all scores of the case as CSV next to the store and offer it as a download.

        ``how``: ``"new"`` replaces nothing (when the file is there already nothing is written and the question
        asks), ``"replace"`` or ``"both"`` (the new file numbered) as the question was answered."""
        from ...export.common import slug
        from ...export.tables import csv_bytes
        from ...services import export as exports

        s, case = self.session, self.session.case
        if case is None:
            return None
        self.csv_question.clear()
        df = scores_frame(case, self.t, headers=True)
        if df.empty:
            self.csv_out.value = ""
            s.set_status(self.t("scaling.csv_none"), "info")
            return None
        name = f"{slug(case.info.title, 'case')}-{self.t('scaling.file')}-{date.today().isoformat()}.csv"
        try:
            with exports.one_policy():  # a table that cannot be made is a message too, never a traceback
                data = csv_bytes(df)
                out = s.exports_dir()
            path = exports.save(out, name, data, overwrite=overwrite(how), keep_both=keep_both(how))
        except FileExists as e:  # nothing written: the question asks whether to replace or keep both
            self.csv_question.ask(e.paths, self.save_csv)
            s.set_status(self.t("replace.asked"), "info")
            return None
        except FacilitationError as e:
            s.fail(e)
            return None
        s.note_export("scores.csv")
        label = self.t("scaling.csv_download", rows=len(df))
        self.csv_out.value = (
            download_link(path.name, data, "text/csv;charset=utf-8", label, "fac-csv-link")
            + f" <span>{esc(self.t('scaling.csv_written', path=''))}<code>{esc(path)}</code></span>"
        )
        s.set_status(self.t("scaling.csv_written", path=str(path)), "ok")
        return str(path)
