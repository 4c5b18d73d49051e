"""Scaling questions on the shared screen (schaalvragen).

Ask a scale (the safety scale with its anchors, a parent's willingness/confidence/capacity, progress on a
safety goal, a child's own scale with faces, or the consultant's own question); record every present
person's score with one click on 0..10, a typed number, or one key while going round the table (the next
person is chosen after each score); keep their "why not lower?" and "one point higher?" answers and, with
one click, put an answer in the three columns; see who is where on the 0-10 line, how far apart the family
and network and the professionals are, what the children say on their own scale, and the history across
meetings; save the scores as CSV.
"""

from __future__ import annotations

import logging
from typing import Any

import ipywidgets as W

from ...domain import ops
from ...domain.errors import FacilitationError
from ...domain.scaling import (
    NAME_MODES,
    case_scales,
    child_scale_of,
    children_voices,
    find_scale,
    group_of,
    participants,
    person_labels,
    role_of,
    scale_title,
    scores_at,
    subject_kind,
    summary,
    young_present,
)
from ...figures.scaling import history_figure, legend_html, line_figure
from ..base import PartView, button, css, esc
from ..keys import KeyBindings, binding, digit_codes, shortcuts_html
from ..loop import kernel_loop
from ..plot import PlotView
from .form import NewScaleForm
from .present import SHORTCUTS, question_html, row_look, spread_html, subject_display, voices_html
from .record import Recording
from .rows import ANSWER_ELEMENT, ScoreRow
from .scores_csv import ScoresCsv
from .state import ScalingState

log = logging.getLogger(__name__)

FIGURES_AFTER_S = 0.01
"""After a score, the charts wait this long: the kernel is idle meanwhile and the chosen button goes out."""


def key_bindings() -> list[dict[str, Any]]:
    """Going round the table: a digit (or T for 10) scores the chosen person and chooses the next one."""
    keys = [binding(code=digit_codes(n), when="idle", send=f"score:{n}") for n in range(10)]
    keys += [
        binding(code="KeyT", when="idle", send="score:10"),
        binding(key="ArrowDown", when="idle", within=".fac-score-rows", send="next"),
        binding(key="ArrowUp", when="idle", within=".fac-score-rows", send="previous"),
        binding(key="?", when="idle", send="help", reveal=".fac-keys-help"),
        binding(key="Escape", send="escape"),
    ]
    return keys


class ScalingView(Recording, ScoresCsv, PartView[ScalingState]):
    """Ask a scaling question, record everyone's score, see who is where and how it moves over time."""

    key = "scaling"
    SHORTCUTS = tuple(SHORTCUTS)
    kinds = frozenset({"case", "person", "meeting", "scale", "score", "item"})

    # ---- building --------------------------------------------------------------------------------

    def build(self) -> None:
        self._figures_due = False
        self._scale_id: str | None = None
        self._case_id: str | None = None
        self._selected: str | None = None
        self._rows: dict[str, ScoreRow] = {}
        self._row_order: list[str] = []
        self._last_line: Any = None
        self._last_history: Any = None
        self._figures_for: Any = None
        self._young_key: Any = None
        bar = self._build_bar()
        self._build_scoring()
        self.help = css(W.HTML(), "fac-keys-help")
        self.help.layout.display = "none"
        self.keys = KeyBindings(".fac-scaling", key_bindings())
        self.keys.on_key(self._on_key)
        self.widget.children = [
            self.keys,
            bar,
            self.help,
            self.form.widget,
            self.notice,
            self.ask_safety,
            self.scoring,
            self.history_box,
        ]
        self.scale_pick.observe(self._on_scale_pick, "value")
        self.on(self.names, lambda _v: self.update())
        self.new_scale_btn.on_click(lambda _b: self.form.toggle())
        self.form.add.on_click(lambda _b: self.add_scale())
        self.ask_safety.on_click(lambda _b: self.add_scale("safety"))
        self.on(self.history_people, lambda _v: self.update())
        self.on(self.chart_only, lambda _v: self.update())
        self.help_btn.on_click(lambda _b: self.toggle_help())

    def _build_bar(self) -> W.HBox:
        """The scale picker, a new scale, how names show, the chart alone, the shortcuts."""
        txt = self.text
        self.scale_pick = css(W.Dropdown(options=[]), "fac-scale-pick")
        self.new_scale_btn = txt(button("", "fac-new-scale"), "scaling.new")
        self.names_label = txt(W.Label(), "scaling.names", "value")
        self.names = css(W.ToggleButtons(options=[(m, m) for m in NAME_MODES], value="names"), "fac-names")
        txt(self.names, "scaling.names_tip", "tooltip")
        self.chart_only = txt(css(W.ToggleButton(value=False), "fac-btn", "fac-chart-only"), "scaling.chart_only")
        txt(self.chart_only, "scaling.chart_only_tip", "tooltip")
        self.help_btn = txt(button("?", "fac-keys-btn"), "scaling.keys.help", "tooltip")
        self.form = NewScaleForm(self)
        f = self.form  # the form's widgets under their earlier names (tests, the meeting flow)
        self.ns_form, self.ns_kind, self.ns_subject, self.ns_add = f.widget, f.kind, f.subject, f.add
        self.ns_question, self.ns_low, self.ns_high = f.question, f.low, f.high
        return css(  # type: ignore[return-value]
            W.HBox([self.scale_pick, self.new_scale_btn, self.names_label, self.names, self.chart_only, self.help_btn]),
            "fac-scaling-bar",
        )

    def _build_scoring(self) -> None:
        """The question, the people's lines, the spread, the children's own answers, the two charts."""
        txt = self.text
        self.notice = css(W.HTML(), "fac-scaling-notice")
        self.ask_safety = txt(button("", "fac-ask-safety", style="primary"), "scaling.ask_safety")
        self.question = css(W.HTML(), "fac-question")
        self.count = css(W.HTML(), "fac-score-count")
        self.rows_box = css(W.VBox(), "fac-score-rows")
        self.young = css(W.HBox(), "fac-young")
        self.voices = css(W.HTML(), "fac-voices")
        self.now_title = txt(css(W.HTML(), "fac-section-title"), "scaling.now", "value", html=True)
        self.spread = css(W.HTML(), "fac-spread")
        self.line_plot = css(PlotView(), "fac-line-plot")
        self.history_title = txt(css(W.HTML(), "fac-section-title"), "scaling.history", "value", html=True)
        self.history_people = css(W.Checkbox(value=True, indent=False), "fac-history-people")
        txt(self.history_people, "scaling.history_people")
        self.history_plot = css(PlotView(), "fac-history-plot")
        self.line_key = css(W.HTML(), "fac-line-key")
        self.history_key = css(W.HTML(), "fac-history-key")
        self.scoring = css(
            W.VBox(
                [
                    self.question,
                    self.young,
                    self.count,
                    self.rows_box,
                    self.now_title,
                    self.spread,
                    self.voices,
                    self.line_key,
                    self.line_plot,
                ]
            ),
            "fac-scoring",
        )
        history_bar = css(W.HBox([self.history_title, self.history_people]), "fac-history-bar")
        self.history_box = css(
            W.VBox([history_bar, self.history_key, self.history_plot, self._build_csv()]),
            "fac-history",
        )

    # ---- state -----------------------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return str(self.names.value or "names")

    @property
    def scale(self) -> Any:
        case = self.session.case
        if case is None or self._scale_id is None:
            return None
        return case.scales.get(self._scale_id)

    def state(self) -> ScalingState:
        case = self.case
        if case.id != self._case_id:
            self._case_id = case.id
            self._scale_id = None
            self._selected = None
            self._rows.clear()
            self._row_order = []
            self.csv_out.value = ""
        scales = case_scales(case)
        if self._scale_id not in {s.id for s in scales}:
            self._scale_id = scales[0].id if scales else None
        return ScalingState(
            case_id=case.id,
            lang=self.session.lang,
            scales=case.scales,
            scores=case.scores,
            people=case.people,
            items=case.items,
            meetings=case.meetings,
            meeting_id=self.session.meeting_id,
            present=tuple(self.session.present_ids()),
            scale_id=self._scale_id,
            mode=self.mode,
            selected=self._selected,
            chart_only=bool(self.chart_only.value),
            history_people=bool(self.history_people.value),
        )

    def update(self, force: bool = False) -> None:
        """Show the current case; with none open (the training room closes one) show nothing."""
        if self.session.case is None:
            self.widget.layout.display = "none"
            super().update(force)  # forgets what it showed
            return
        self.widget.layout.display = ""
        super().update(force)

    def select_scale(self, scale_id: str) -> None:
        """Show this scale (tests and the scale picker)."""
        if self.session.case is not None and scale_id in self.session.case.scales:
            self._scale_id = scale_id
            self._selected = None
            self.update()

    def show(self, state: ScalingState, previous: ScalingState | None) -> None:
        p = previous
        if p is None or p.lang != state.lang:
            self._relabel()
        self._refresh_scales(state)
        self._refresh_question(state)
        self.refresh_rows()
        self._refresh_children(state)
        if self.form.shown and (p is None or (p.people, p.items) != (state.people, state.items)):
            self.form.refresh()
        for w in (self.count, self.rows_box, self.young):
            w.layout.display = "none" if state.chart_only else ""
        key, before = state.figures_key(), self._figures_for
        if key != before:
            self._figures_for = key
            if before is not None and before[0] == key[0] and before[2] == key[2]:
                self._refresh_figures_soon()  # only the scores changed: the click's own change is painted first
            else:
                self._refresh_figures()

    def _relabel(self) -> None:
        t = self.t
        with self.quietly():
            current = self.names.value
            self.names.options = [(t(f"scaling.names.{m}"), m) for m in NAME_MODES]
            self.names.value = current
        self.names.tooltips = [t("scaling.names_tip")] * len(NAME_MODES)
        self.form.relabel()
        self.line_plot.error_text = self.history_plot.error_text = t("scaling.no_scores")
        self.line_key.value = legend_html("line", self.session.lang)
        self.history_key.value = legend_html("history", self.session.lang)
        self.help.value = shortcuts_html(t, "scaling.keys.title", SHORTCUTS)
        for row in self._rows.values():
            row.relabel()
        self._young_key = None

    # ---- showing ---------------------------------------------------------------------------------

    def _refresh_scales(self, state: ScalingState) -> None:
        case = self.case
        scales = case_scales(case)
        options = [(scale_title(case, s, self.t), s.id) for s in scales]
        with self.quietly():
            if list(self.scale_pick.options) != options:
                self.scale_pick.options = options
            if self.scale_pick.value != self._scale_id:
                self.scale_pick.value = self._scale_id
        has = bool(scales)
        self.scale_pick.layout.display = "" if has else "none"
        self.ask_safety.layout.display = "" if not has else "none"
        self.scoring.layout.display = "" if has else "none"
        self.history_box.layout.display = "" if has else "none"
        note = (
            self.t("scaling.no_scales") if not has else self.t("scaling.no_meeting") if state.meeting_id is None else ""
        )
        self.notice.value = f'<div class="fac-note">{esc(note)}</div>' if note else ""

    def _labels(self, ids: list[str]) -> dict[str, str]:
        return person_labels(self.case, ids, self.mode, self.t)

    def _refresh_question(self, state: ScalingState) -> None:
        scale = self.scale
        if scale is None:
            self.question.value = ""
            return
        case = self.case
        ids = [scale.subject] if scale.subject in case.people else []
        subject = subject_display(case, scale, self._labels(ids), self.t)
        meeting = self.session.meeting
        when = meeting.date if meeting is not None else None
        html = question_html(case, scale, self.t, subject=subject, names=self.mode == "names", when=when)
        if self.question.value != html:
            self.question.value = html
        css(self.question, "fac-question-child") if scale.kind == "child" else self.question.remove_class(
            "fac-question-child"
        )

    def _participants(self) -> list[str]:
        meeting = self.session.meeting
        if meeting is None:
            return []
        return participants(self.case, meeting, self._scale_id, self.session.present_ids())

    def refresh_rows(self) -> None:
        case = self.session.case
        scale = self.scale
        meeting = self.session.meeting
        if case is None or scale is None or meeting is None:
            self.rows_box.children = []
            self._row_order = []
            self.count.value = ""
            return
        ids = self._participants()
        lang = self.session.lang
        labels = self._labels(ids)
        scores = scores_at(case, scale.id, meeting.id)
        said = {
            (i.element, i.author, " ".join(i.text.split()))
            for i in case.items.values()
            if i.meeting == meeting.id and i.author is not None and i.element in ("strength", "next_step")
        }
        if self._selected not in ids:
            self._selected = None
        for pid in ids:
            row = self._rows.get(pid)
            if row is None:
                row = self._rows[pid] = ScoreRow(self, pid)
            p = case.people[pid]
            in_column = {}
            for field, element in ANSWER_ELEMENT.items():
                text = " ".join(row.answer_value(field).split())
                in_column[field] = bool(text) and (element, pid, text) in said
            score, selected = scores.get(pid), pid == self._selected
            key = (p, labels[pid], self.mode, score, scale.kind, lang, selected, tuple(in_column.items()), row.panel)
            if key == row.key:  # records are immutable: the same objects mean the same line
                continue
            row.key = key
            role = role_of(p, self.t) if self.mode == "names" else ""
            look = row_look(p, labels[pid], role, group_of(p), score, scale.kind == "child", lang, self.t)
            row.show(look, labels[pid], score, selected, in_column)
        self._row_order = ids
        children = [w for pid in ids for w in self._rows[pid].widgets]
        if tuple(children) != self.rows_box.children:
            self.rows_box.children = children
        n = sum(1 for pid in ids if pid in scores)
        if ids:
            self.count.value = (
                f'<div class="fac-count">{esc(self.t("scaling.scored_count", n=n, total=len(ids)))}</div>'
            )
        else:
            self.count.value = f'<div class="fac-note">{esc(self.t("scaling.nobody"))}</div>'

    def _refresh_children(self, state: ScalingState) -> None:
        """The children's own answers beside the adults' (never counted with them), and for a child younger
        than 12 at the table the way to their own question instead of the adults' one."""
        case, scale, meeting = self.case, self.scale, self.session.meeting
        adults = scale is not None and scale.kind != "child"
        voices = children_voices(case, state.meeting_id) if adults and meeting is not None else []
        when = meeting.date if meeting is not None else None
        labels = self._labels([v.child.id for v in voices])
        self.voices.value = voices_html(voices, labels, when, self.t)
        self.voices.layout.display = "" if voices else "none"
        young = tuple(p.id for p in young_present(case, meeting, state.present)) if adults else ()
        key = (young, self.mode, state.lang, state.chart_only, state.people)
        if key == self._young_key:
            return
        self._young_key = key
        names = self._labels(list(young))
        buttons = []
        for pid in young:
            b = button(self.t("scaling.ask_child", name=names[pid]), "fac-ask-child", f"fac-ask-child-{pid}")
            b.tooltip = self.t("scaling.ask_child_tip", name=names[pid])
            b.on_click(lambda _b, pid=pid: self.ask_child(pid))
            buttons.append(b)
        self.young.children = buttons
        self.young.layout.display = "" if buttons and not state.chart_only else "none"

    def _refresh_figures_soon(self) -> None:
        """The charts a moment after a score: the chosen button goes to the page first, not after the kernel
        has drawn two charts (its message waits for the kernel's attention while they are computed)."""
        loop = kernel_loop()
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

    def _refresh_figures(self) -> None:
        case, scale = self.session.case, self.scale
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
            self.spread.value = (
                "" if scale.kind == "child" else spread_html(summary(case, scale.id, meeting_id), self.t)
            )
        # A child's own scale has one answer: the chosen face says where it is, no line of groups is needed.
        for w in (self.now_title, self.spread, self.line_key, self.line_plot):
            w.layout.display = "" if meeting_id is not None and scale.kind != "child" else "none"
        self.history_key.layout.display = "none" if scale.kind == "child" else ""
        hist = history_figure(
            case, scale.id, mode=self.mode, lang=lang, current=meeting_id, people=bool(self.history_people.value)
        )
        if hist != self._last_history:
            self._last_history = hist
            self.history_plot.layout.height = f"{hist['layout']['height']}px"
            self.history_plot.show(hist)

    # ---- the keyboard ------------------------------------------------------------------------------

    def _on_key(self, name: str) -> None:
        if name.startswith("score:"):
            if self._selected is not None:
                self.record(self._selected, int(name.split(":", 1)[1]))
        elif name in ("next", "previous"):
            self.select_next(1 if name == "next" else -1)
        elif name == "help":
            self.toggle_help()
        elif name == "escape":
            self.toggle_help(False)

    def toggle_help(self, show: bool | None = None) -> None:
        visible = self.help.layout.display != "none"
        self.help.layout.display = "" if (not visible if show is None else show) else "none"

    def select(self, pid: str | None) -> None:
        """Choose the person whose score the number keys give."""
        if pid != self._selected:
            self._selected = pid
            self.update()

    def select_next(self, step: int = 1) -> None:
        order = self._row_order
        if not order:
            return
        if self._selected not in order:
            self.select(order[0] if step > 0 else order[-1])
            return
        i = order.index(self._selected) + step
        self.select(order[i] if 0 <= i < len(order) else None)

    # ---- asking ------------------------------------------------------------------------------------

    def add_scale(self, kind: str | None = None, subject: str | None = None) -> bool:
        """Ask a new scaling question (the form's, or ``kind`` with the standard wording)."""
        s, case = self.session, self.session.case
        if case is None:
            return False
        kind = kind or str(self.form.kind.value)
        sk = subject_kind(kind)
        if sk is not None and subject is None:
            subject = self.form.subject.value or None
        problem = self._scale_problem(kind, sk, subject)
        if problem:
            s.set_status(self.t(problem), "error")
            return False
        question = str(self.form.question.value) if kind == "free" else ""
        existing = find_scale(case, kind, subject, question)
        if existing is not None:
            self.form.toggle(False)
            self.select_scale(existing.id)
            s.set_status(self.t("scaling.exists"), "info")
            return True
        fields = {}
        if kind == "free":
            fields = {"anchor_low": str(self.form.low.value).strip(), "anchor_high": str(self.form.high.value).strip()}
        try:
            edit, sid = ops.add_scale(case, kind, subject, question, **fields)
        except FacilitationError as e:
            s.fail(e)
            return False
        previous, self._scale_id = self._scale_id, sid
        if not s.do(edit):
            self._scale_id = previous
            return False
        self.form.clear()
        self.form.toggle(False)
        s.set_status(self.t("scaling.added", what=scale_title(s.case, s.case.scales[sid], self.t)), "ok")
        return True

    def _scale_problem(self, kind: str, sk: str | None, subject: str | None) -> str:
        case = self.case
        if sk == "person" and subject not in case.people:
            return "scaling.need_subject"
        if sk == "child" and (subject is None or subject not in case.people or not case.people[subject].is_child):
            return "scaling.need_child"
        if sk == "item" and subject not in case.items:
            return "scaling.need_goal"
        if kind == "free" and not str(self.form.question.value).strip():
            return "scaling.need_question"
        return ""

    def ask_child(self, child_id: str) -> bool:
        """A child at the table gets their own scale (faces, "Hoe veilig voel jij je thuis?"): open it."""
        existing = child_scale_of(self.case, child_id)
        if existing is not None:
            self.select_scale(existing.id)
            return True
        return self.add_scale("child", child_id)

    def _on_scale_pick(self, change: dict[str, Any]) -> None:
        if self._quiet or not change["new"]:
            return
        self.select_scale(change["new"])
