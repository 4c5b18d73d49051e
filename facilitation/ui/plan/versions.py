"""The signed versions of the plan: sign the plan at a meeting (v1, v2, ...), note the day a version was sent
to the youth judge, and see what changed since the version before."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import ipywidgets as W

from ..base import Rows, button, css, esc
from ..datefield import DateField
from .present import version_html
from .state import PlanState, VersionState

Bind = Callable[..., Any]
Translate = Callable[..., str]

RowKey = str
RowState = tuple[VersionState, str | None]


def close_tree(widget: W.Widget) -> None:
    """Close a widget and everything in it (once the page no longer shows it)."""
    for child in getattr(widget, "children", ()):
        close_tree(child)
    widget.close()


class VersionsPanel:
    """Sign button, and one block per version (newest first) with its "sent to the judge on" date."""

    def __init__(
        self,
        text: Bind,
        t: Translate,
        on_sign: Callable[[], Any],
        on_sent: Callable[[str, date | None], Any],
    ) -> None:
        self.t = t
        self._on_sent = on_sent
        self.title = text(W.HTML(), "planui.version.title", "value", html=True)
        self.sign_btn = button("", "fac-plan-sign", style="primary")
        text(self.sign_btn, "planui.version.sign_tip", "tooltip")
        self.sign_btn.on_click(lambda _b: on_sign())
        self.sign_hint = css(W.HTML(), "fac-plan-note", "fac-plan-sign-hint")
        self.empty = css(W.HTML(), "fac-plan-note")
        self.list = css(W.VBox(), "fac-plan-versions")
        self._rows: Rows[RowKey, RowState] = Rows(self._make, self._redraw)
        self._shown: dict[int, RowState] = {}
        self.box = css(
            W.VBox([self.title, self.sign_btn, self.sign_hint, self.empty, self.list]), "fac-plan-versions-box"
        )

    def _make(self, row: RowState) -> W.Widget:
        v = row[0].version
        html = css(W.HTML(), "fac-plan-version-html")
        label = css(W.HTML(), "fac-plan-sent-label")
        picker = DateField(self.t, None, "fac-plan-sent-date")
        save = button("", "fac-plan-sent-save")
        save.on_click(lambda _b: self._sent(v.id, picker))
        box = css(W.VBox([html, css(W.HBox([label, picker, save]), "fac-plan-sent-row")]), "fac-plan-version-row")
        self._redraw(box, row)
        return box

    def _redraw(self, box: W.Widget, row: RowState) -> None:
        state, current = row
        html, sent_row = box.children  # type: ignore[attr-defined]
        label, picker, save = sent_row.children
        html.value = version_html(self.t, state, current)
        label.value = esc(self.t("planui.version.sent_label"))
        save.description = self.t("planui.version.sent_save")
        picker.relabel()
        stored = state.version.sent_to_judge_on or None
        if picker.value != stored or not picker.ok:
            picker.value = stored
            picker.reset_shown()

    def _sent(self, version_id: str, picker: DateField) -> None:
        """The day typed goes to the plan; a typo is told in the field and nothing is stored."""
        if not picker.problem():
            self._on_sent(version_id, date.fromisoformat(picker.value) if picker.value else None)

    def reset(self) -> None:
        """Every date field shows what is stored again (after a date was refused)."""
        for box in self.list.children:
            state = self._shown.get(id(box))
            if state is not None:
                self._redraw(box, state)

    def show(self, s: PlanState) -> None:
        t = self.t
        current = s.meeting.id if s.meeting is not None else None
        rows = [(v.version.id, (v, current)) for v in s.versions]
        self.list.children = self._rows.widgets(rows)
        self._shown = {id(w): row for w, (_, row) in zip(self.list.children, rows, strict=True)}
        for gone in self._rows.take_gone():
            close_tree(gone)
        self.empty.value = "" if s.versions else esc(t("planui.version.none"))
        own = s.own_version
        if own is not None and not own.sent_to_judge_on:
            self.sign_btn.description = t("planui.version.resign", n=own.number)
        else:
            self.sign_btn.description = t("planui.version.sign", n=s.next_number)
        self.sign_btn.disabled = not s.signs or not s.rows
        # The first signing at this meeting is the thing to do; signing again is possible, not pressed upon.
        self.sign_btn.button_style = "primary" if own is None else ""
        if s.meeting is None or not s.signs:
            hint = t("planui.version.no_meeting")
        elif own is not None and own.sent_to_judge_on:
            hint = t("planui.version.sent_keeps", n=s.next_number)
        else:
            hint = ""
        self.sign_hint.value = esc(hint)
        self.sign_hint.layout.display = "" if hint else "none"
