"""Scaling questions on the shared screen (schaalvragen).

Ask a scale (the safety scale with its anchors, a parent's willingness/confidence/capacity, progress on a
safety goal, or the consultant's own question); record every present person's score with one click on
0..10 (or a typed number); keep their "why not lower?" and "one point higher?" answers and, with one
click, put an answer in the three columns; see who is where on the 0-10 line, the spread between the
family and network and the professionals, and the history across meetings; save the scores as CSV.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date
from typing import Any

import ipywidgets as W

from ...domain import ops
from ...domain.errors import FacilitationError, ValidationError
from ...domain.model import SCALE_KINDS, Score
from ...domain.scaling import (
    GROUPS,
    NAME_MODES,
    case_scales,
    find_scale,
    fmt_number,
    group_of,
    participants,
    person_labels,
    role_of,
    scale_title,
    scores_at,
    scores_frame,
    shorten,
    subject_goals,
    subject_kind,
    subject_name,
    subject_people,
    summary,
    wording_keys,
)
from ...figures.scaling import history_figure, legend_html, line_figure
from ..base import Part, button, css, esc, esc_lines, shared
from ..downloads import download_link
from ..plot import PlotView
from ..session import Event

log = logging.getLogger(__name__)

FIGURE_KINDS = frozenset({"case", "person", "meeting", "scale", "score"})


def _kernel_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop of the Jupyter kernel this runs in, if any (another library's loop does not count)."""
    try:
        from ipykernel.kernelbase import Kernel
    except ImportError:
        return None
    if not Kernel.initialized():
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


FIGURES_AFTER_S = 0.01
"""After a score, the charts wait this long: the kernel is idle meanwhile and the chosen button goes out."""
ANSWER_ELEMENT = {"why_not_lower": "strength", "one_point_higher": "next_step"}
ANSWER_COLUMN = {"why_not_lower": "working_well", "one_point_higher": "needs_to_happen"}


class _Row:
    """One person's line: who, eleven buttons 0-10, a typed score, clear, their answers."""

    def __init__(self, view: ScalingView, pid: str) -> None:
        self.view = view
        self.pid = pid
        self.key: Any = None
        self.score: Score | None = None
        self.label = ""
        self._quiet = False
        self.name = css(W.HTML(), "fac-score-name")
        self.values = [button(str(v), "fac-score-btn", f"fac-score-{v}", many=True) for v in range(11)]
        self.buttons = css(W.HBox(self.values), "fac-score-buttons")
        self.chosen: int | None = None
        self._tip_key: Any = None
        self.typed = css(W.Text(continuous_update=False, layout=W.Layout(width="4.4em")), "fac-score-input")
        self.clear = button("", "fac-score-clear", many=True)
        self.answers_btn = css(
            W.ToggleButton(value=False, layout=shared("layout"), style=shared("toggle")),
            "fac-btn",
            "fac-answers-toggle",
        )
        self.answers_text = css(W.HTML(), "fac-answers-text")
        self.panel: W.VBox | None = None
        self.why: W.Textarea | None = None
        self.higher: W.Textarea | None = None
        self.why_q: W.HTML | None = None
        self.higher_q: W.HTML | None = None
        self.to_strength: W.Button | None = None
        self.to_next: W.Button | None = None
        self._synced: dict[str, str] = {"why_not_lower": "", "one_point_higher": ""}
        line = css(W.HBox([self.name, self.buttons, self.typed, self.clear, self.answers_btn]), "fac-score-line")
        self.box = css(W.VBox([line, self.answers_text]), "fac-score-row", f"fac-row-{pid}")
        for v, b in enumerate(self.values):
            b.on_click(lambda _b, v=v: view.record(pid, v))
        self.typed.observe(self._on_typed, "value")
        self.clear.on_click(lambda _b: view.clear(pid))
        self.answers_btn.observe(self._on_toggle, "value")
        self.relabel()

    # ---- texts -----------------------------------------------------------------------------------

    def relabel(self) -> None:
        t = self.view.t
        self.typed.placeholder = t("scaling.typed_ph")
        self.typed.tooltip = t("scaling.typed_tip")
        self.clear.description = t("scaling.clear")
        self.answers_btn.description = t("scaling.answers")
        self.answers_btn.tooltip = t("scaling.answers_tip")
        if self.why is not None and self.higher is not None and self.why_q is not None and self.higher_q is not None:
            self.why.placeholder = t("scaling.why_ph")
            self.higher.placeholder = t("scaling.higher_ph")
            self.why_q.value = esc(t("scaling.follow_lower"))
            self.higher_q.value = esc(t("scaling.follow_higher"))

    # ---- showing ---------------------------------------------------------------------------------

    def update(self, label: str, role: str, group: str, score: Score | None, in_column: dict[str, bool]) -> None:
        key = (
            label,
            role,
            group,
            score.to_dict() if score else None,
            tuple(sorted(in_column.items())),
            self.view.session.lang,
        )
        if key == self.key:
            return
        self.key = key
        self.score = score
        self.label = label
        t = self.view.t
        other = "professional" if group == "informal" else "informal"
        self.box.remove_class(f"fac-group-{other}")
        self.box.add_class(f"fac-group-{group}")
        role_html = f'<div class="fac-role">{esc(role)}</div>' if role else ""
        self.name.value = f'<div class="fac-who">{esc(label)}</div>{role_html}'
        chosen = score.value if score else None
        if chosen != self.chosen:
            if self.chosen is not None:
                self.values[self.chosen].remove_class("fac-score-chosen")
            if chosen is not None:
                self.values[chosen].add_class("fac-score-chosen")
            self.chosen = chosen
        tip_key = (label, self.view.session.lang)
        if tip_key != self._tip_key:
            self._tip_key = tip_key
            for v, b in enumerate(self.values):
                b.tooltip = t("scaling.hover", who=label, value=v)
        self._quiet = True
        try:
            self.typed.value = str(score.value) if score else ""
        finally:
            self._quiet = False
        self.clear.disabled = score is None
        self.clear.tooltip = t("scaling.clear_tip", who=label)
        self.answers_btn.disabled = score is None
        if score is None and self.answers_btn.value:
            self.answers_btn.value = False
        lines = []
        if score is not None:
            for field, key_ in (("why_not_lower", "scaling.label_why"), ("one_point_higher", "scaling.label_higher")):
                text = getattr(score, field)
                if text:
                    lines.append(f"<div><b>{esc(t(key_))}:</b> {esc_lines(text)}</div>")
        self.answers_text.value = "".join(lines)
        self.answers_text.layout.display = "" if lines else "none"
        self._sync_answers(in_column)

    def _sync_answers(self, in_column: dict[str, bool]) -> None:
        if self.panel is None or self.why is None or self.higher is None:
            return
        t = self.view.t
        stored = {f: getattr(self.score, f) if self.score else "" for f in ANSWER_ELEMENT}
        for field, area in (("why_not_lower", self.why), ("one_point_higher", self.higher)):
            # Keep what the user is typing; take the stored text when the box still shows the last stored one.
            if area.value == self._synced[field] and stored[field] != area.value:
                self._quiet = True
                try:
                    area.value = stored[field]
                finally:
                    self._quiet = False
            self._synced[field] = stored[field]
        for field, btn in (("why_not_lower", self.to_strength), ("one_point_higher", self.to_next)):
            assert btn is not None
            col = t(f"column.{ANSWER_COLUMN[field]}")
            done = in_column.get(field, False)
            btn.description = (
                t("scaling.in_column", column=col)
                if done
                else t(f"scaling.{'to_strength' if field == 'why_not_lower' else 'to_next_step'}")
            )
            btn.disabled = done
            btn.tooltip = btn.description

    def _build_panel(self) -> None:
        self.why = css(W.Textarea(rows=2, continuous_update=False), "fac-why-not-lower")
        self.higher = css(W.Textarea(rows=2, continuous_update=False), "fac-one-higher")
        self.to_strength = button("", "fac-to-strength")
        self.to_next = button("", "fac-to-next-step")
        self.why_q = css(W.HTML(), "fac-answer-q")
        self.higher_q = css(W.HTML(), "fac-answer-q")
        self.panel = css(
            W.VBox(
                [
                    self.why_q,
                    css(W.HBox([self.why, self.to_strength]), "fac-answer-line"),
                    self.higher_q,
                    css(W.HBox([self.higher, self.to_next]), "fac-answer-line"),
                ]
            ),
            "fac-answers",
        )
        self.why.observe(lambda ch: self._on_answer("why_not_lower", ch), "value")
        self.higher.observe(lambda ch: self._on_answer("one_point_higher", ch), "value")
        self.to_strength.on_click(lambda _b: self.view.answer_to_item(self.pid, "why_not_lower"))
        self.to_next.on_click(lambda _b: self.view.answer_to_item(self.pid, "one_point_higher"))
        self._synced = {"why_not_lower": "", "one_point_higher": ""}
        self.relabel()
        self.box.children = (*self.box.children, self.panel)
        self.key = None  # show the stored answers in the new boxes
        self.view.refresh_rows()

    def answer_value(self, field: str) -> str:
        area = self.why if field == "why_not_lower" else self.higher
        if area is not None:
            return str(area.value)
        return getattr(self.score, field) if self.score else ""

    def reset(self) -> None:
        """Show the stored score again (after a refused input)."""
        self.key = None
        self.view.refresh_rows()

    # ---- user actions ----------------------------------------------------------------------------

    def _on_typed(self, change: dict[str, Any]) -> None:
        if self._quiet:
            return
        self.view.record_typed(self.pid, change["new"])

    def _on_toggle(self, change: dict[str, Any]) -> None:
        if change["new"] and self.panel is None:
            self._build_panel()
        if self.panel is not None:
            self.panel.layout.display = "" if change["new"] else "none"

    def _on_answer(self, field: str, change: dict[str, Any]) -> None:
        if self._quiet:
            return
        self.view.save_answer(self.pid, field, str(change["new"]))


class ScalingView(Part):
    """Ask a scaling question, record everyone's score, see who is where and how it moves over time."""

    key = "scaling"
    kinds = frozenset({"case", "person", "meeting", "scale", "score", "item"})

    # ---- building --------------------------------------------------------------------------------

    def build(self) -> None:
        self._figures_due = False
        self._scale_id: str | None = None
        self._case_id: str | None = None
        self._rows: dict[str, _Row] = {}
        self._row_order: list[str] = []
        self._quiet = False
        self._last_line: Any = None
        self._last_history: Any = None

        self.scale_pick = css(W.Dropdown(options=[]), "fac-scale-pick")
        self.new_scale_btn = button("", "fac-new-scale")
        self.names_label = W.Label()
        self.names = css(W.ToggleButtons(options=[(m, m) for m in NAME_MODES], value="names"), "fac-names")
        self.chart_only = css(W.ToggleButton(value=False), "fac-btn", "fac-chart-only")
        bar = css(
            W.HBox([self.scale_pick, self.new_scale_btn, self.names_label, self.names, self.chart_only]),
            "fac-scaling-bar",
        )

        # New scale form
        self.ns_kind = css(W.Dropdown(options=[(k, k) for k in SCALE_KINDS], value="safety"), "fac-ns-kind")
        self.ns_subject = css(W.Dropdown(options=[]), "fac-ns-subject")
        self.ns_question = css(W.Textarea(rows=2, layout=W.Layout(width="auto", flex="1 1 28em")), "fac-ns-question")
        self.ns_low = css(W.Text(layout=W.Layout(width="auto", flex="1 1 28em")), "fac-ns-low")
        self.ns_high = css(W.Text(layout=W.Layout(width="auto", flex="1 1 28em")), "fac-ns-high")
        self.ns_add = button("", "fac-ns-add", style="primary")
        self.ns_cancel = button("", "fac-ns-cancel")
        self.ns_labels = {k: W.Label() for k in ("kind", "subject", "question", "low", "high")}
        self.ns_lines = {
            "kind": css(W.HBox([self.ns_labels["kind"], self.ns_kind]), "fac-ns-line"),
            "subject": css(W.HBox([self.ns_labels["subject"], self.ns_subject]), "fac-ns-line"),
            "question": css(W.HBox([self.ns_labels["question"], self.ns_question]), "fac-ns-line"),
            "low": css(W.HBox([self.ns_labels["low"], self.ns_low]), "fac-ns-line"),
            "high": css(W.HBox([self.ns_labels["high"], self.ns_high]), "fac-ns-line"),
        }
        self.ns_form = css(
            W.VBox([*self.ns_lines.values(), W.HBox([self.ns_add, self.ns_cancel])]), "fac-form", "fac-new-scale-form"
        )
        self.ns_form.layout.display = "none"

        self.notice = css(W.HTML(), "fac-scaling-notice")
        self.ask_safety = button("", "fac-ask-safety", style="primary")
        self.question = css(W.HTML(), "fac-question")
        self.count = css(W.HTML(), "fac-score-count")
        self.rows_box = css(W.VBox(), "fac-score-rows")
        self.now_title = css(W.HTML(), "fac-section-title")
        self.spread = css(W.HTML(), "fac-spread")
        self.line_plot = css(PlotView(), "fac-line-plot")
        self.history_title = css(W.HTML(), "fac-section-title")
        self.history_people = css(W.Checkbox(value=True, indent=False), "fac-history-people")
        self.history_plot = css(PlotView(), "fac-history-plot")
        self.line_key = css(W.HTML(), "fac-line-key")
        self.history_key = css(W.HTML(), "fac-history-key")
        self.csv_btn = button("", "fac-scores-csv", "fac-professional-only")
        self.csv_out = css(W.HTML(), "fac-csv-out", "fac-professional-only")
        self.scoring = css(
            W.VBox(
                [self.question, self.count, self.rows_box, self.now_title, self.spread, self.line_key, self.line_plot]
            ),
            "fac-scoring",
        )
        self.history_box = css(
            W.VBox(
                [
                    css(W.HBox([self.history_title, self.history_people]), "fac-history-bar"),
                    self.history_key,
                    self.history_plot,
                    W.HBox([self.csv_btn]),
                    self.csv_out,
                ]
            ),
            "fac-history",
        )
        self.widget.children = [
            bar,
            self.ns_form,
            self.notice,
            self.ask_safety,
            self.scoring,
            self.history_box,
        ]

        self.scale_pick.observe(self._on_scale_pick, "value")
        self.names.observe(lambda _ch: None if self._quiet else self.refresh(Event("mode")), "value")
        self.new_scale_btn.on_click(lambda _b: self._toggle_form())
        self.ns_cancel.on_click(lambda _b: self._toggle_form(False))
        self.ns_kind.observe(lambda _ch: self._refresh_form(), "value")
        self.ns_add.on_click(lambda _b: self.add_scale())
        self.ask_safety.on_click(lambda _b: self.add_scale("safety"))
        self.history_people.observe(lambda _ch: self._refresh_figures(), "value")
        self.chart_only.observe(lambda _ch: self._show_input(), "value")
        self.csv_btn.on_click(lambda _b: self.save_csv())

    def relabel(self) -> None:
        t = self.t
        self.scale_pick.description = ""
        self.new_scale_btn.description = t("scaling.new")
        self.names_label.value = t("scaling.names")
        self._quiet = True
        try:
            current = self.names.value
            self.names.options = [(t(f"scaling.names.{m}"), m) for m in NAME_MODES]
            self.names.value = current
        finally:
            self._quiet = False
        self.names.tooltip = t("scaling.names_tip")
        self.names.tooltips = [t("scaling.names_tip")] * len(NAME_MODES)
        kind = self.ns_kind.value
        self.ns_kind.options = [(t(f"scale.{k}"), k) for k in SCALE_KINDS]
        self.ns_kind.value = kind
        self.ns_labels["kind"].value = t("scaling.kind")
        self.ns_labels["question"].value = t("scaling.question")
        self.ns_labels["low"].value = t("scaling.anchor_low")
        self.ns_labels["high"].value = t("scaling.anchor_high")
        self.ns_question.placeholder = t("scaling.question_ph")
        self.ns_add.description = t("scaling.add")
        self.ns_cancel.description = t("scaling.cancel")
        self.ask_safety.description = t("scaling.ask_safety")
        self.now_title.value = esc(t("scaling.now"))
        self.history_title.value = esc(t("scaling.history"))
        self.history_people.description = t("scaling.history_people")
        self.csv_btn.description = t("scaling.csv")
        self.chart_only.description = t("scaling.chart_only")
        self.chart_only.tooltip = t("scaling.chart_only_tip")
        self.csv_btn.tooltip = t("scaling.csv_tip")
        self.line_plot.error_text = self.history_plot.error_text = t("scaling.no_scores")
        self.line_key.value = legend_html("line", self.session.lang)
        self.history_key.value = legend_html("history", self.session.lang)
        for row in self._rows.values():
            row.relabel()
        self._refresh_form()

    # ---- state -----------------------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return str(self.names.value or "names")

    @property
    def scale(self) -> Any:
        case = self.case
        if case is None or self._scale_id is None:
            return None
        return case.scales.get(self._scale_id)

    def select_scale(self, scale_id: str) -> None:
        """Show this scale (tests and the scale picker)."""
        if self.case is not None and scale_id in self.case.scales:
            self._scale_id = scale_id
            self.refresh(Event("mode"))

    # ---- refreshing ------------------------------------------------------------------------------

    def refresh(self, event: Event) -> None:
        case = self.case
        if case is None:
            self.widget.layout.display = "none"
            return
        self.widget.layout.display = ""
        if case.id != self._case_id:
            self._case_id = case.id
            self._scale_id = None
            self._rows.clear()
            self._row_order = []
            self.csv_out.value = ""
        light = event.type == "edit" and not (event.kinds & FIGURE_KINDS)
        self._refresh_scales()
        self._refresh_question()
        self.refresh_rows()
        if event.type != "edit" or event.kinds & {"person", "item"}:
            self._refresh_form()
        if not light:
            if event.type == "edit" and event.kinds <= {"score"}:
                self._refresh_figures_soon()
            else:
                self._refresh_figures()

    def _refresh_figures_soon(self) -> None:
        """The charts a moment after a score: the chosen button goes to the page first, not after the kernel
        has drawn two charts (its message waits for the kernel's attention while they are computed)."""
        loop = _kernel_loop()
        if loop is None:  # not in a kernel (widget tests): at once
            self._refresh_figures()
            return
        if self._figures_due:
            return
        self._figures_due = True

        def run() -> None:
            self._figures_due = False
            try:
                self._refresh_figures()
            except Exception:  # as in Session._emit: a chart that fails must not stop the kernel's loop
                log.exception("charts after a score failed")

        loop.call_later(FIGURES_AFTER_S, run)

    def _refresh_scales(self) -> None:
        case = self.case
        scales = case_scales(case)
        ids = [s.id for s in scales]
        if self._scale_id not in ids:
            self._scale_id = ids[0] if ids else None
        options = [(scale_title(case, s, self.session.lang), s.id) for s in scales]
        self._quiet = True
        try:
            if list(self.scale_pick.options) != options:
                self.scale_pick.options = options
            if self.scale_pick.value != self._scale_id:
                self.scale_pick.value = self._scale_id
        finally:
            self._quiet = False
        has = bool(scales)
        meeting = self.session.meeting
        self.scale_pick.layout.display = "" if has else "none"
        self.names.disabled = False
        self.ask_safety.layout.display = "" if not has else "none"
        self.scoring.layout.display = "" if has else "none"
        self.history_box.layout.display = "" if has else "none"
        if not has:
            note = self.t("scaling.no_scales")
        elif meeting is None:
            note = self.t("scaling.no_meeting")
        else:
            note = ""
        self.notice.value = f'<div class="fac-note">{esc(note)}</div>' if note else ""

    def _subject_display(self, scale: Any) -> str:
        case = self.case
        sk = subject_kind(scale.kind)
        if sk == "person":
            if scale.subject in case.people:
                return person_labels(case, [scale.subject], self.mode, self.session.lang)[scale.subject]
            return self.t("scaling.subject_missing")
        if sk == "item":
            return subject_name(case, scale) or self.t("scaling.goal_missing")
        return ""

    def _refresh_question(self) -> None:
        scale = self.scale
        if scale is None:
            self.question.value = ""
            return
        t = self.t
        w = wording_keys(scale.kind)
        name = self._subject_display(scale)
        # Own wording (always for a free question; any scale may carry it), else the standard wording.
        question = scale.question.strip() or t(w.question, name=name)
        low = t("scaling.own_low", text=scale.anchor_low.strip()) if scale.anchor_low.strip() else t(w.low, name=name)
        high = (
            t("scaling.own_high", text=scale.anchor_high.strip()) if scale.anchor_high.strip() else t(w.high, name=name)
        )
        self.question.value = (
            f'<div class="fac-q">{esc_lines(question)}</div>'
            f'<div class="fac-anchors"><div class="fac-anchor fac-anchor-low">{esc(low)}</div>'
            f'<div class="fac-anchor fac-anchor-high">{esc(high)}</div></div>'
            f'<div class="fac-follow"><span>{esc(t("scaling.follow_lower"))}</span>'
            f"<span>{esc(t('scaling.follow_higher'))}</span></div>"
        )

    def _participants(self) -> list[str]:
        case = self.case
        meeting = self.session.meeting
        if meeting is None:
            return []
        return participants(case, meeting, self._scale_id, self.session.present_ids())

    def refresh_rows(self) -> None:
        case = self.case
        scale = self.scale
        meeting = self.session.meeting
        if case is None or scale is None or meeting is None:
            self.rows_box.children = []
            self._row_order = []
            self.count.value = ""
            return
        ids = self._participants()
        lang = self.session.lang
        labels = person_labels(case, ids, self.mode, lang)
        scores = scores_at(case, scale.id, meeting.id)
        said = {
            (i.element, i.author, " ".join(i.text.split()))
            for i in case.items.values()
            if i.meeting == meeting.id and i.author is not None and i.element in ("strength", "next_step")
        }
        for pid in ids:
            row = self._rows.get(pid)
            if row is None:
                row = self._rows[pid] = _Row(self, pid)
            p = case.people[pid]
            score = scores.get(pid)
            in_column = {}
            for field, element in ANSWER_ELEMENT.items():
                text = " ".join(row.answer_value(field).split())
                in_column[field] = bool(text) and (element, pid, text) in said
            role = role_of(p, lang) if self.mode == "names" else ""
            row.update(labels[pid], role, group_of(p), score, in_column)
        if ids != self._row_order:
            self._row_order = ids
            self.rows_box.children = [self._rows[pid].box for pid in ids]
        n = sum(1 for pid in ids if pid in scores)
        if ids:
            self.count.value = (
                f'<div class="fac-count">{esc(self.t("scaling.scored_count", n=n, total=len(ids)))}</div>'
            )
        else:
            self.count.value = f'<div class="fac-note">{esc(self.t("scaling.nobody"))}</div>'

    def _show_input(self) -> None:
        hide = bool(self.chart_only.value)
        for w in (self.count, self.rows_box):
            w.layout.display = "none" if hide else ""

    def _refresh_figures(self) -> None:
        case = self.case
        scale = self.scale
        if case is None or scale is None:
            return
        lang = self.session.lang
        meeting_id = self.session.meeting_id
        if meeting_id is not None:
            line = line_figure(case, scale.id, meeting_id, mode=self.mode, lang=lang, order=self._row_order)
            if line != self._last_line:
                self._last_line = line
                # The chart's height is the figure's: a resize of the window then keeps it (plotly autosizes).
                self.line_plot.layout.height = f"{line['layout']['height']}px"
                self.line_plot.show(line)
            self._refresh_spread(scale.id, meeting_id)
        for w in (self.now_title, self.spread, self.line_key, self.line_plot):
            w.layout.display = "" if meeting_id is not None else "none"
        hist = history_figure(
            case, scale.id, mode=self.mode, lang=lang, current=meeting_id, people=bool(self.history_people.value)
        )
        if hist != self._last_history:
            self._last_history = hist
            self.history_plot.layout.height = f"{hist['layout']['height']}px"
            self.history_plot.show(hist)

    def _refresh_spread(self, scale_id: str, meeting_id: str) -> None:
        t = self.t
        spreads = summary(self.case, scale_id, meeting_id)
        parts = []
        for g in GROUPS:
            sp = spreads[g]
            if not sp.n:
                continue
            if sp.low == sp.high:
                text = t("scaling.spread_one", low=sp.low)
            else:
                text = t("scaling.spread", low=sp.low, high=sp.high, median=fmt_number(sp.median, self.session.lang))
            parts.append(f'<span class="fac-g-{g}">{esc(t(f"scaling.group.{g}"))}</span>: {esc(text)}')
        self.spread.value = " &nbsp;·&nbsp; ".join(parts)

    # ---- the new scale form ----------------------------------------------------------------------

    def _toggle_form(self, show: bool | None = None) -> None:
        visible = self.ns_form.layout.display != "none"
        show = (not visible) if show is None else show
        self.ns_form.layout.display = "" if show else "none"
        if show:
            self._refresh_form()

    def _refresh_form(self) -> None:
        case = self.case
        kind = self.ns_kind.value
        sk = subject_kind(kind)
        t = self.t
        options: list[tuple[str, str]] = []
        if case is not None and sk == "person":
            self.ns_labels["subject"].value = t("scaling.subject_person")
            options = [
                (shorten(f"{p.name} ({p.relation})" if p.relation.strip() else p.name, 90), p.id)
                for p in subject_people(case)
            ]
            empty = t("scaling.no_subjects")
        elif case is not None and sk == "item":
            self.ns_labels["subject"].value = t("scaling.subject_goal")
            options = [(shorten(" ".join(i.text.split()), 90), i.id) for i in subject_goals(case)]
            empty = t("scaling.no_goals")
        else:
            empty = ""
        current = self.ns_subject.value
        if not options and sk:
            options = [(empty, "")]
        if list(self.ns_subject.options) != options:
            self.ns_subject.options = options
        values = [v for _, v in options]
        if values:
            self.ns_subject.value = current if current in values else values[0]
        self.ns_subject.disabled = values == [""]
        self.ns_lines["subject"].layout.display = "" if sk else "none"
        for k in ("question", "low", "high"):
            self.ns_lines[k].layout.display = "" if kind == "free" else "none"

    def add_scale(self, kind: str | None = None) -> bool:
        """Ask a new scaling question (the form's, or ``kind`` with the standard wording)."""
        s = self.session
        case = self.case
        if case is None:
            return False
        kind = kind or str(self.ns_kind.value)
        sk = subject_kind(kind)
        subject = (self.ns_subject.value or None) if sk else None
        if sk == "person" and subject not in case.people:
            s.set_status(self.t("scaling.need_subject"), "error")
            return False
        if sk == "item" and subject not in case.items:
            s.set_status(self.t("scaling.need_goal"), "error")
            return False
        question = str(self.ns_question.value) if kind == "free" else ""
        if kind == "free" and not question.strip():
            s.set_status(self.t("scaling.need_question"), "error")
            return False
        existing = find_scale(case, kind, subject, question)
        if existing is not None:
            self._toggle_form(False)
            self.select_scale(existing.id)
            s.set_status(self.t("scaling.exists"), "info")
            return True
        fields = {}
        if kind == "free":
            fields = {"anchor_low": str(self.ns_low.value).strip(), "anchor_high": str(self.ns_high.value).strip()}
        try:
            edit, sid = ops.add_scale(case, kind, subject, question, **fields)
        except FacilitationError as e:
            s.fail(e)
            return False
        previous = self._scale_id
        self._scale_id = sid
        if not s.do(edit):
            self._scale_id = previous
            return False
        self.ns_question.value = self.ns_low.value = self.ns_high.value = ""
        self._toggle_form(False)
        s.set_status(self.t("scaling.added", what=scale_title(s.case, s.case.scales[sid], s.lang)), "ok")
        return True

    def _on_scale_pick(self, change: dict[str, Any]) -> None:
        if self._quiet or not change["new"]:
            return
        self.select_scale(change["new"])

    # ---- recording -------------------------------------------------------------------------------

    def _where(self) -> tuple[str, str] | None:
        if self.case is None or self._scale_id is None or self.session.meeting_id is None:
            return None
        return self._scale_id, self.session.meeting_id

    def _who(self, pid: str) -> str:
        row = self._rows.get(pid)
        if row is not None and row.label:
            return row.label
        return person_labels(self.case, [pid], self.mode, self.session.lang).get(pid, "?")

    def record(self, pid: str, value: Any) -> bool:
        """Record (or change) a person's score on the shown scale at the current meeting."""
        s = self.session
        where = self._where()
        if where is None:
            return False
        scale_id, meeting_id = where
        try:
            n = ops.parse_score(value)
        except ValidationError as e:
            s.fail(e)
            self._reset_row(pid)
            return False
        old = s.case.scores.get(Score.key(scale_id, meeting_id, pid))
        if old is not None and old.value == n:
            self._reset_row(pid)
            return True
        if not s.do(lambda case: ops.set_score(case, scale_id, meeting_id, pid, n)):
            self._reset_row(pid)
            return False
        who = self._who(pid)
        if old is None:
            s.set_status(self.t("scaling.scored", who=who, value=n), "ok")
        else:
            s.set_status(self.t("scaling.rescored", who=who, old=old.value, value=n), "ok")
        return True

    def record_typed(self, pid: str, text: Any) -> bool:
        """A typed score: the same as a click when it is a whole number 0-10; otherwise a message."""
        where = self._where()
        if where is None:
            return False
        if not isinstance(text, str):
            self.session.fail(ValidationError("score.value", "not_int"))
            self._reset_row(pid)
            return False
        return self.record(pid, text)

    def _reset_row(self, pid: str) -> None:
        row = self._rows.get(pid)
        if row is not None:
            row.reset()

    def clear(self, pid: str) -> bool:
        """Take back a person's score at this meeting (undo brings it back)."""
        s = self.session
        where = self._where()
        if where is None:
            return False
        key = Score.key(*where, pid)
        if key not in s.case.scores:
            return True
        if s.do(lambda case: ops.delete(case, "score", key, "scaling.edit_clear")):
            s.set_status(self.t("scaling.cleared", who=self._who(pid)), "ok")
            return True
        return False

    def save_answer(self, pid: str, field: str, text: str) -> bool:
        """Store a 'why not lower' / 'one point higher' answer with the person's score."""
        s = self.session
        where = self._where()
        if where is None:
            return False
        score = s.case.scores.get(Score.key(*where, pid))
        if score is None:
            s.set_status(self.t("scaling.answers_need_score"), "error")
            return False
        if ops.clean(text) == getattr(score, field):
            return True
        answers = {field: text}
        if not s.do(lambda case: ops.set_score(case, where[0], where[1], pid, score.value, **answers)):
            self._reset_row(pid)
            return False
        s.set_status(self.t("scaling.answer_saved", who=self._who(pid)), "ok")
        return True

    def answer_to_item(self, pid: str, field: str) -> bool:
        """Put an answer in the three columns: why-not-lower -> strength, one-point-higher -> next step."""
        s = self.session
        where = self._where()
        if where is None:
            return False
        scale_id, meeting_id = where
        score = s.case.scores.get(Score.key(scale_id, meeting_id, pid))
        if score is None:
            s.set_status(self.t("scaling.answers_need_score"), "error")
            return False
        row = self._rows.get(pid)
        text = row.answer_value(field) if row is not None else getattr(score, field)
        if not text.strip():
            s.set_status(self.t("scaling.answer_empty"), "error")
            return False
        element = ANSWER_ELEMENT[field]

        def edit(case: Any) -> Any:
            cur = case.scores[score.id]
            save = ops.set_score(case, scale_id, meeting_id, pid, cur.value, **{field: text})
            add, _ = ops.add_item(case, text, element=element, author=pid, meeting=meeting_id)
            return ops.combine("edit.add_item", [save, add], element=element)

        if not s.do(edit):
            return False
        s.set_status(
            self.t("scaling.answer_added", column=self.t(f"column.{ANSWER_COLUMN[field]}"), who=self._who(pid)), "ok"
        )
        return True

    # ---- export ----------------------------------------------------------------------------------

    def save_csv(self) -> str | None:
        """Write all scores of the case as CSV next to the store and offer it as a download."""
        from ...export.common import slug, write_private
        from ...export.tables import csv_bytes
        from ...store.location import exports_dir

        s = self.session
        case = self.case
        if case is None:
            return None
        df = scores_frame(case, s.lang, headers=True)
        if df.empty:
            self.csv_out.value = ""
            s.set_status(self.t("scaling.csv_none"), "info")
            return None
        data = csv_bytes(df)
        name = f"{slug(case.info.title, 'case')}-{self.t('scaling.file')}-{date.today().isoformat()}.csv"
        try:
            path = write_private(exports_dir(s.store.path) / name, data, overwrite=True)
        except (OSError, FacilitationError) as e:
            s.fail(e)
            return None
        label = self.t("scaling.csv_download", rows=len(df))
        self.csv_out.value = (
            download_link(name, data, "text/csv;charset=utf-8", label, "fac-csv-link")
            + f" <span>{esc(self.t('scaling.csv_written', path=''))}<code>{esc(path)}</code></span>"
        )
        s.set_status(self.t("scaling.csv_written", path=str(path)), "ok")
        return str(path)
