"""One person's line on a scaling question: one browser-side widget (``ui/js/score-row.js``) per person.

Before, a line was about twenty widget models (eleven buttons, a text field, clear, a toggle, boxes); the
large case opened with 685 models and the page needed seconds. Now it is one model per person, plus the
answers panel ("why not lower?", "one point higher?") built only when someone opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import ipywidgets as W
import traitlets

from .. import esm
from ..base import button, css, esc, shared
from .owner import ScalingOwner

ANSWER_ELEMENT = {"why_not_lower": "strength", "one_point_higher": "next_step"}
ANSWER_COLUMN = {"why_not_lower": "working_well", "one_point_higher": "needs_to_happen"}


class ScoreRowWidget(esm.Widget):  # type: ignore[misc]
    """What one person's line shows; clicks and typing come back as messages (``event``)."""

    _esm = traitlets.Unicode(esm.module("score-row")).tag(sync=True)
    name_html = traitlets.Unicode("").tag(sync=True)
    value = traitlets.Int(-1).tag(sync=True)
    """The chosen score, -1 when none."""
    faces = traitlets.Bool(False).tag(sync=True)
    tips = traitlets.List(traitlets.Unicode()).tag(sync=True)
    classes = traitlets.List(traitlets.Unicode()).tag(sync=True)
    selected = traitlets.Bool(False).tag(sync=True)
    answers_open = traitlets.Bool(False).tag(sync=True)
    answers_html = traitlets.Unicode("").tag(sync=True)
    clear_label = traitlets.Unicode("").tag(sync=True)
    clear_tip = traitlets.Unicode("").tag(sync=True)
    answers_label = traitlets.Unicode("").tag(sync=True)
    answers_tip = traitlets.Unicode("").tag(sync=True)
    typed_ph = traitlets.Unicode("").tag(sync=True)
    typed_tip = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._handlers: list[Callable[[dict[str, Any]], None]] = []
        self.on_msg(self._on_custom_msg)

    def on_event(self, fn: Callable[[dict[str, Any]], None]) -> None:
        self._handlers.append(fn)

    def act(self, **content: Any) -> None:
        """Act as the page does (a click, typing): the same comm message (tests call this)."""
        self._handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": []})

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and isinstance(content.get("event"), str):
            for fn in list(self._handlers):
                fn(content)


@dataclass(frozen=True)
class RowLook:
    """Everything a line shows, computed by ``present.row_look``; equal looks are not sent again."""

    name_html: str
    group: str
    value: int
    faces: bool
    answers_html: str
    tips: tuple[str, ...]
    lang: str


class ScoreRow:
    """A person's line and, once opened, their answers panel (a sibling in the list of rows)."""

    def __init__(self, view: ScalingOwner, pid: str) -> None:
        self.view = view
        self.pid = pid
        self.look: RowLook | None = None
        self.key: Any = None
        """What the line was last drawn from (see ``ScalingView.refresh_rows``)."""
        self.label = ""
        self.score: Any = None
        self.widget = ScoreRowWidget(layout=shared("layout"), _dom_classes=("fac-score-row", f"fac-row-{pid}"))
        self.widget.on_event(self._on_event)
        self.panel: W.VBox | None = None
        self.why: W.Textarea | None = None
        self.higher: W.Textarea | None = None
        self.to_strength: W.Button | None = None
        self.to_next: W.Button | None = None
        self._quiet = False
        self._synced: dict[str, str] = {"why_not_lower": "", "one_point_higher": ""}
        self.relabel()

    # ---- what the tests and the keyboard do ------------------------------------------------------

    def click(self, value: int) -> None:
        self.widget.act(event="score", value=value)

    def type(self, text: Any) -> None:
        self.widget.act(event="typed", text=text)

    def press_clear(self) -> None:
        self.widget.act(event="clear")

    def toggle_answers(self, open_: bool = True) -> None:
        self.widget.act(event="answers", open=open_)

    @property
    def chosen(self) -> int | None:
        return None if self.widget.value < 0 else self.widget.value

    @property
    def typed_value(self) -> str:
        """What the typed-score field shows (the chosen score)."""
        return "" if self.widget.value < 0 else str(self.widget.value)

    @property
    def widgets(self) -> list[W.Widget]:
        """The line, and its answers panel when open."""
        if self.panel is not None and self.widget.answers_open:
            return [self.widget, self.panel]
        return [self.widget]

    # ---- texts -----------------------------------------------------------------------------------

    def relabel(self) -> None:
        t = self.view.t
        with self.widget.hold_sync():
            self.widget.typed_ph = t("scaling.typed_ph")
            self.widget.typed_tip = t("scaling.typed_tip")
            self.widget.clear_label = t("scaling.clear")
            self.widget.answers_label = t("scaling.answers")
            self.widget.answers_tip = t("scaling.answers_tip")
            if self.label:
                self.widget.clear_tip = t("scaling.clear_tip", who=self.label)
        if self.why is not None and self.higher is not None:
            self.why.placeholder = t("scaling.why_ph")
            self.higher.placeholder = t("scaling.higher_ph")
            self._questions()

    def _questions(self) -> None:
        if self.panel is not None:
            t = self.view.t
            self.panel.children[0].value = esc(t("scaling.follow_lower"))
            self.panel.children[2].value = esc(t("scaling.follow_higher"))

    # ---- showing ---------------------------------------------------------------------------------

    def show(self, look: RowLook, label: str, score: Any, selected: bool, in_column: dict[str, bool]) -> None:
        self.score = score
        relabel = self.look is None or self.look.lang != look.lang or label != self.label
        self.label = label
        w = self.widget
        with w.hold_sync():
            if look != self.look:
                if relabel:
                    self.relabel()
                    w.clear_tip = self.view.t("scaling.clear_tip", who=label)
                w.name_html = look.name_html
                w.value = look.value
                w.faces = look.faces
                w.answers_html = look.answers_html
                if self.look is None or self.look.tips != look.tips:
                    w.tips = list(look.tips)
                classes = [f"fac-group-{look.group}", *(["fac-score-selected"] if selected else [])]
                if w.classes != classes:
                    w.classes = classes
                self.look = look
            if w.selected != selected:
                w.selected = selected
                w.classes = [f"fac-group-{look.group}", *(["fac-score-selected"] if selected else [])]
            if look.value < 0 and w.answers_open:
                w.answers_open = False
        self._sync_answers(in_column)

    def reset(self) -> None:
        """Show the stored score again (after a refused input)."""
        self.widget.send({"event": "reset"})

    # ---- the answers panel -----------------------------------------------------------------------

    def _build_panel(self) -> None:
        self.why = css(W.Textarea(rows=2, continuous_update=False), "fac-why-not-lower")
        self.higher = css(W.Textarea(rows=2, continuous_update=False), "fac-one-higher")
        self.to_strength = button("", "fac-to-strength")
        self.to_next = button("", "fac-to-next-step")
        self.panel = css(
            W.VBox(
                [
                    css(W.HTML(), "fac-answer-q"),
                    css(W.HBox([self.why, self.to_strength]), "fac-answer-line"),
                    css(W.HTML(), "fac-answer-q"),
                    css(W.HBox([self.higher, self.to_next]), "fac-answer-line"),
                ]
            ),
            "fac-answers",
            f"fac-row-{self.pid}",
        )
        self.why.observe(lambda ch: self._on_answer("why_not_lower", ch["new"]), "value")
        self.higher.observe(lambda ch: self._on_answer("one_point_higher", ch["new"]), "value")
        self.to_strength.on_click(lambda _b: self.view.answer_to_item(self.pid, "why_not_lower"))
        self.to_next.on_click(lambda _b: self.view.answer_to_item(self.pid, "one_point_higher"))
        self._synced = {"why_not_lower": "", "one_point_higher": ""}
        self.relabel()

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
            key = "scaling.to_strength" if field == "why_not_lower" else "scaling.to_next_step"
            btn.description = t("scaling.in_column", column=col) if done else t(key)
            btn.disabled = done
            btn.tooltip = btn.description

    def answer_value(self, field: str) -> str:
        area = self.why if field == "why_not_lower" else self.higher
        if area is not None:
            return str(area.value)
        return getattr(self.score, field) if self.score else ""

    # ---- messages from the page ------------------------------------------------------------------

    def _on_event(self, content: dict[str, Any]) -> None:
        event = content["event"]
        if event == "score":
            self.view.record(self.pid, content.get("value"))
        elif event == "typed":
            self.view.record_typed(self.pid, content.get("text"))
        elif event == "clear":
            self.view.clear(self.pid)
        elif event == "select":
            self.view.select(self.pid)
        elif event == "answers":
            self._toggle(bool(content.get("open")))

    def _toggle(self, open_: bool) -> None:
        if open_ and self.widget.value < 0:
            return
        if open_ and self.panel is None:
            self._build_panel()
        self.widget.answers_open = open_
        self.look = self.key = None  # show the stored answers in the new boxes
        self.view.refresh_rows()

    def _on_answer(self, field: str, text: str) -> None:
        if self._quiet:
            return
        self.view.save_answer(self.pid, field, str(text))
