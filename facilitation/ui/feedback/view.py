"""Feedback of children and parents (seed 004's EXIT questionnaire): at the interim evaluation and at the end,
an overall mark 1-10 and the subscales *resultaat* and *procesverloop* (1-4, halves allowed), with a comment;
shown per person over time. A new feedback is stored with 'Bewaar'; an opened one is changed field by field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import ipywidgets as W

from ...domain import child_edits as ce
from ...domain.case import Edit
from ..base import PartView, button, css, esc
from ..datefield import DateField
from ..session import Session
from .present import HALVES, header_html, person_title, row_html, score_text
from .state import FeedbackRow, FeedbackState, feedback_state

NONE = -1.0
"""The subscale toggles' value for 'not given'."""


def _given(value: Any) -> Any:
    """A subscale toggle's value as stored: None for 'not given'."""
    return None if value == NONE else value


class FeedbackView(PartView[FeedbackState]):
    """Each child's and parent's feedback over time, editable."""

    key = "feedback"
    kinds = frozenset({"feedback", "person", "meeting"})

    def __init__(self, session: Session) -> None:
        self._editing: str | None = None
        self._form_open = False
        super().__init__(session)

    def build(self) -> None:
        self.intro = self.text(css(W.HTML(), "fac-fb-intro"), "feedback.intro", "value", html=True)
        self.add_btn = self.text(button("", "fac-fb-add", style="primary"), "feedback.add")
        self.add_btn.on_click(lambda _b: self.open_form())
        self.form = self._build_form()
        self.list = css(W.VBox(), "fac-fb-people")
        self.widget.children = [self.intro, self.add_btn, self.form, self.list]

    def _field(self, name: str, stored: Callable[[Any], Any] = lambda v: v) -> Callable[[Any], None]:
        """The handler of a form field: the user's change of ``name`` (as ``stored`` gives it) goes to ``edit``."""

        def changed(value: Any) -> None:
            self.edit(**{name: stored(value)})

        return changed

    def _labelled(self, key: str, widget: W.Widget) -> W.Box:
        label = self.text(css(W.HTML(), "fac-fb-label"), key, "value", html=True)
        return css(W.VBox([label, widget]), "fac-fb-field")  # type: ignore[return-value]

    def _build_form(self) -> W.Box:
        self.form_title = css(W.HTML(), "fac-fb-form-title")
        self.person = css(W.Dropdown(options=[]), "fac-fb-person-pick")
        self.on(self.person, self._field("person"))
        self.moment = css(W.ToggleButtons(options=[]), "fac-fb-moment")
        self.on(self.moment, self._field("moment"))
        self.given_on = DateField(self.t, date.today(), "fac-fb-date")
        self.on(self.given_on, self._field("given_on", lambda v: v or ""))
        self.mark = css(W.ToggleButtons(options=[(str(n), n) for n in range(1, 11)], value=None), "fac-fb-mark-pick")
        self.on(self.mark, self._field("mark"))
        self.result = css(W.ToggleButtons(options=[]), "fac-fb-result", "fac-fb-halves")
        self.on(self.result, self._field("result", _given))
        self.process = css(W.ToggleButtons(options=[]), "fac-fb-process", "fac-fb-halves")
        self.on(self.process, self._field("process", _given))
        self.comment = css(W.Textarea(rows=2, continuous_update=False), "fac-fb-comment-in")
        self.text(self.comment, "feedback.comment_ph", "placeholder")
        self.on(self.comment, self._field("comment"))
        self.save_btn = self.text(button("", "fac-fb-save", style="primary"), "feedback.save")
        self.save_btn.on_click(lambda _b: self.save_new())
        self.close_btn = self.text(button("", "fac-fb-close"), "feedback.close")
        self.close_btn.on_click(lambda _b: self.close_form())
        fields = [
            css(
                W.HBox(
                    [
                        self._labelled("feedback.person", self.person),
                        self._labelled("feedback.moment", self.moment),
                        self._labelled("feedback.date", self.given_on),
                    ]
                ),
                "fac-fb-line",
            ),
            self._labelled("feedback.mark", self.mark),
            css(
                W.HBox(
                    [self._labelled("feedback.result", self.result), self._labelled("feedback.process", self.process)]
                ),
                "fac-fb-line",
            ),
            self._labelled("feedback.comment", self.comment),
            css(W.HBox([self.save_btn, self.close_btn]), "fac-fb-buttons"),
        ]
        return css(W.VBox([self.form_title, *fields]), "fac-fb-form", "fac-form")  # type: ignore[return-value]

    # ---- rendering -----------------------------------------------------------------------------------

    def state(self) -> FeedbackState:
        s = feedback_state(self.case, self.session.lang, self._editing)
        if self._editing and s.editing is None:
            self._editing = None
        return s

    def show(self, state: FeedbackState, previous: FeedbackState | None) -> None:
        t = self.t
        sections = []
        for p in state.people:
            rows: list[W.Widget] = [css(W.HTML(person_title(t, p)), "fac-fb-title")]
            if p.rows:
                rows.append(css(W.HTML(header_html(t)), "fac-fb-header"))
            for r in p.rows:
                rows.append(self._row(r, state))
            if not p.rows:
                rows.append(css(W.HTML(f'<div class="fac-fb-empty">{esc(t("feedback.none"))}</div>'), "fac-fb-none"))
            sections.append(css(W.VBox(rows), "fac-fb-section", f"fac-fb-role-{p.role}"))
        old = list(self.list.children)
        self.list.children = sections
        for w in old:
            w.close()
        self._show_form(state)

    def _row(self, r: FeedbackRow, state: FeedbackState) -> W.Widget:
        t = self.t
        body = css(W.HTML(row_html(t, r, state.lang)), "fac-fb-row-html")
        edit = button("✎", "fac-fb-edit", tooltip=t("feedback.edit_tip"))
        edit.on_click(lambda _b, fid=r.id: self.open_form(fid))
        remove = button("✕", "fac-fb-remove", tooltip=t("feedback.remove_tip"))
        remove.on_click(lambda _b, fid=r.id: self.remove(fid))
        box = css(W.HBox([body, css(W.HBox([edit, remove]), "fac-fb-tools", "fac-professional-only")]), "fac-fb-row")
        if state.editing is not None and state.editing.id == r.id:
            box.add_class("fac-fb-editing")
        return box

    def _show_form(self, state: FeedbackState) -> None:
        t = self.t
        self.form.layout.display = "" if self._form_open else "none"
        self.add_btn.layout.display = "none" if self._form_open else ""
        halves = [(t("feedback.not_given"), NONE)] + [(score_text(v, state.lang), v) for v in HALVES]
        people = [(f"{p.name} ({t(f'feedback.role.{p.role}')})", p.id) for p in state.people]
        moments = [(t(f"feedback_moment.{m}"), m) for m in ("interim", "end")]
        r = state.editing
        with self.quietly():
            self.set_quietly(self.person, options=people)
            self.set_quietly(self.moment, options=moments)
            self.set_quietly(self.result, options=halves)
            self.set_quietly(self.process, options=halves)
        new = r is None
        self.given_on.relabel()
        self.form_title.value = f"<h3>{esc(t('feedback.new_title' if new else 'feedback.edit_title'))}</h3>"
        self.save_btn.layout.display = "" if new else "none"
        self.close_btn.description = t("feedback.cancel" if new else "feedback.close")
        if r is not None:
            self.set_quietly(self.person, value=state.editing_person)
            self.set_quietly(self.moment, value=r.moment)
            self.set_quietly(self.given_on, value=r.given_on or None)
            self.set_quietly(self.mark, value=r.mark)
            self.set_quietly(self.result, value=NONE if r.result is None else r.result)
            self.set_quietly(self.process, value=NONE if r.process is None else r.process)
            self.set_quietly(self.comment, value=r.comment)

    # ---- what the user does --------------------------------------------------------------------------

    def open_form(self, feedback_id: str | None = None) -> None:
        """Open a new feedback (empty form) or an existing one (every change stored at once)."""
        self._editing, self._form_open = feedback_id, True
        if feedback_id is None:
            moment = (
                "end" if any(m.kind == "second_network_meeting" for m in self.case.meetings.values()) else "interim"
            )
            with self.quietly():
                for w, v in ((self.mark, None), (self.result, NONE), (self.process, NONE), (self.comment, "")):
                    w.value = v
                self.given_on.value = date.today().isoformat()
                self.moment.value = moment if self.moment.options else None
                if self.person.value is None and self.person.options:
                    self.person.value = self.person.options[0][1]
        self.update(force=True)

    def close_form(self) -> None:
        self._editing, self._form_open = None, False
        self.update(force=True)

    def edit(self, **fields: Any) -> bool:
        """A change in the form: stored at once for an opened feedback; a new one waits for 'Bewaar'."""
        if self._editing is None:
            return False
        fid = self._editing
        stored = self.session.do(lambda c: ce.update_feedback(c, fid, **fields))
        if not stored:
            self.update(force=True)
        return stored

    def save_new(self) -> bool:
        s, t = self.session, self.t
        if self.mark.value is None:
            s.set_status(t("feedback.mark_needed"), "error")
            return False
        fields = {
            "result": None if self.result.value in (None, NONE) else self.result.value,
            "process": None if self.process.value in (None, NONE) else self.process.value,
            "comment": self.comment.value,
        }
        person, moment = self.person.value, self.moment.value or "interim"
        when = self.given_on.value or ""
        meeting = s.meeting_id

        def edit(c: Any) -> Edit:
            e, _ = ce.add_feedback(c, person, moment, when, int(self.mark.value), meeting=meeting, **fields)
            return e

        if not s.do(edit):
            return False
        s.set_status(t("feedback.saved", name=self.case.name_of(person)), "ok")
        self.close_form()
        return True

    def remove(self, feedback_id: str) -> bool:
        stored = self.session.do(lambda c: ce.remove_feedback(c, feedback_id))
        if stored and self._editing == feedback_id:
            self.close_form()
        return stored
