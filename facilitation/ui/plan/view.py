"""The safety plan screen: write the agreements with the network, see live checks beside them, sign a version
of the plan, and make the documents.

Each agreement says what will happen, who does it, the backup, when, what if it does not happen (the red
flag: who calls whom) and how it is followed up, and which danger statement, safety goal or bottom line it
answers; the people present mark that they agree, and its review history shows. The checks
(``domain.plan.check_plan``) are warnings, never blocking. In the closing phase of a meeting the signing of
the plan and the documents come to the top.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as W

from ...domain import ops
from ...domain.errors import FacilitationError
from ...domain.model import Agreement
from ...domain.plan import check_plan, save_agreement, set_agreed, set_sent_to_judge, sign_version
from ...export.common import long_date
from ..base import PartView, Rows, css, esc
from ..session import Event
from .export import ExportBox
from .form import AgreementForm
from .keys import SHORTCUTS, PlanKeys
from .present import checks_html
from .rows import AgreementRowWidget, make_row, redraw_row
from .state import PlanState, RowState, plan_state
from .versions import VersionsPanel


class PlanView(PartView[PlanState]):
    """The safety plan: agreements, live checks, signed versions, and the documents at the end."""

    key = "plan"
    kinds = frozenset({"agreement", "item", "person", "meeting", "case", "review", "plan_version"})
    SHORTCUTS = SHORTCUTS

    # ---- building ----------------------------------------------------------------------------------

    def build(self) -> None:
        self.editing: str | None = None
        self._editing_seen: Agreement | None = None
        self._draft: dict[str, Any] | None = None
        self.heading = css(W.HTML(), "fac-plan-heading")
        self.empty = css(W.HTML(), "fac-plan-empty")
        self.list = css(W.VBox(), "fac-plan-list")
        self.keys = self.text(PlanKeys(), "planui.keys_hint", "hint")
        self._form = AgreementForm(self.text)
        self.form = self._form.box
        self.f_what, self.f_owner, self.f_backup = self._form.what, self._form.owner, self._form.backup
        self.f_when, self.f_if_not, self.f_check = self._form.when, self._form.if_not, self._form.check_how
        self.f_links, self.f_labels = self._form.links, self._form.labels
        self.form_title, self.save_btn, self.cancel_btn = self._form.title, self._form.save_btn, self._form.cancel_btn
        self.save_btn.on_click(lambda _b: self.save())
        self.cancel_btn.on_click(lambda _b: self.cancel_edit())
        self._rows: Rows[str, RowState] = Rows(self._make_row, self._redraw_row)

        self.checks = css(W.HTML(), "fac-plan-checks")
        self.versions = VersionsPanel(self.text, self.t, self.sign, self.set_sent)
        self.exporter = ExportBox(self.session, self.text)
        self.export_btn, self.export_result = self.exporter.button, self.exporter.result
        self.closing_title = css(
            self.text(W.HTML(), "planui.closing.title", "value", html=True), "fac-plan-closing-title"
        )
        self.closing_intro = css(self.text(W.HTML(), "planui.closing.intro", "value", html=True), "fac-plan-note")
        self.closing = css(W.VBox([self.closing_title, self.closing_intro]), "fac-plan-closing")
        left = css(W.VBox([self.heading, self.keys, self.empty, self.list]), "fac-plan-left")
        self.side = css(W.VBox([self.checks]), "fac-plan-side")
        self.widget.children = [self.closing, css(W.Box([left, self.side]), "fac-plan-main")]

    # ---- showing -----------------------------------------------------------------------------------

    def state(self) -> PlanState:
        return plan_state(self.session)

    def concerns(self, event: Event) -> bool:
        if event.type == "case":
            # Another case: its files, and anything typed for the previous case, do not belong here.
            self.exporter.forget()
            self.editing = None
            self._draft = None
            self._form.fill(None)
        return super().concerns(event)

    def show(self, state: PlanState, previous: PlanState | None) -> None:
        t = self.t
        lang_changed = previous is None or previous.lang != state.lang
        if lang_changed:
            self.heading.value = (
                f"<h2 class='fac-plan-title'>{esc(t('planui.title'))}</h2>"
                f"<div class='fac-plan-intro'>{esc(t('planui.intro'))}</div>"
            )
            self.exporter.show()
        if self.editing is not None and all(r.agreement.id != self.editing for r in state.rows):
            # Removed (undo, another screen) while being edited: back to a new agreement, keeping the text.
            self._leave_edit(restore=False)
            self.session.set_status(t("planui.edit_gone"), "info")
        self._form.show_people(t, state.people)
        self._form.show_linkable(t, state.linkable)
        self._show_rows(state)
        self.checks.value = checks_html(t, state.checks)
        self.versions.show(state)
        self._place_closing(state)
        self._show_form_title()

    def _make_row(self, s: RowState) -> AgreementRowWidget:
        return make_row(self.t, s, self._on_row_event)

    def _redraw_row(self, w: W.Widget, s: RowState) -> None:
        old = getattr(w, "_lang", None)
        redraw_row(self.t, w, s, lang_changed=old != s.lang)  # type: ignore[arg-type]
        w._lang = s.lang  # type: ignore[attr-defined]

    def _show_rows(self, state: PlanState) -> None:
        rows = self._rows.widgets((r.agreement.id, r) for r in state.rows)
        children = [self.form if r.agreement.id == self.editing else w for r, w in zip(state.rows, rows, strict=True)]
        if self.editing is None:
            children.append(self.form)
        self.list.children = children
        for gone in self._rows.take_gone():  # only once the page no longer shows them
            gone.close()
        self.empty.value = "" if state.rows else f"<p class='fac-plan-note'>{esc(self.t('planui.empty'))}</p>"

    def _place_closing(self, state: PlanState) -> None:
        """In the closing phase, signing and the documents stand at the top; otherwise beside the checks."""
        blocks = [self.versions.box, self.exporter.box]
        if state.closing:
            self.closing.children = [
                self.closing_title,
                self.closing_intro,
                css(W.HBox(blocks), "fac-plan-closing-row"),
            ]
            self.closing.layout.display = ""
            self.side.children = [self.checks]
        else:
            self.closing.children = [self.closing_title, self.closing_intro]
            self.closing.layout.display = "none"
            self.side.children = [self.checks, *blocks]

    def _show_form_title(self) -> None:
        t = self.t
        if self.editing is None:
            self.form_title.value = esc(t("planui.form.new"))
            self.save_btn.description = self.save_btn.tooltip = t("planui.add")
            self.cancel_btn.layout.display = "none"
        else:
            n = check_plan(self.case).numbers.get(self.editing, "?")
            self.form_title.value = esc(t("planui.form.edit", n=n))
            self.save_btn.description = self.save_btn.tooltip = t("planui.save")
            self.cancel_btn.layout.display = ""

    def _redraw(self) -> None:
        self.update(force=True)

    # ---- row events --------------------------------------------------------------------------------

    def _on_row_event(self, agreement_id: str, content: dict[str, Any]) -> None:
        event = content.get("event")
        if event == "move" and content.get("step") in (-1, 1):
            self.move(agreement_id, int(content["step"]))
        elif event == "edit":
            self.start_edit(agreement_id)
        elif event == "delete":
            self.delete(agreement_id)
        elif event == "agree" and isinstance(content.get("person"), str):
            self.set_agreed(agreement_id, content["person"], bool(content.get("on")))

    # ---- actions -----------------------------------------------------------------------------------

    def save(self) -> bool:
        """Store the form as a new agreement, or as the new text of the one being edited."""
        s = self.session
        if s.case is None:
            return False
        v = self._form.values()
        if not isinstance(v["what"], str) or not v["what"].strip():
            s.set_status(self.t("planui.what_needed"), "error")
            return False
        try:
            edit, aid = save_agreement(
                s.case,
                self.editing,
                what=v["what"],
                owner=v["owner"] or None,
                backup=v["backup"] or None,
                when=v["when"],
                if_not=v["if_not"],
                check_how=v["check_how"],
                links=v["links"],
                meeting=s.meeting_id,
            )
        except FacilitationError as e:
            s.fail(e)
            return False
        editing = self.editing
        was_editing = editing is not None
        stored = s.case.agreements.get(editing) if editing is not None else None
        if was_editing and self._editing_seen is not None and stored != self._editing_seen:
            # Another screen changed this agreement while it was open here: say so, keep what was typed.
            self._editing_seen = stored
            s.set_status(self.t("shell.edit_conflict"), "error")
            return False
        if not s.do(edit):
            return False
        n = check_plan(s.case).numbers.get(aid, "?")
        if was_editing:
            self.editing = None
            self._form.fill(self._draft)
            self._draft = None
            self._redraw()
        else:
            self._form.fill(None)
        s.set_status(self.t("planui.saved" if was_editing else "planui.added", n=n), "ok")
        return True

    def start_edit(self, agreement_id: str) -> None:
        """Show the form in place of the agreement's card, filled with its text."""
        case = self.session.case
        if case is None or agreement_id not in case.agreements:
            return
        if self.editing is None:
            self._draft = self._form.values()
        a: Agreement = case.agreements[agreement_id]
        self.editing = agreement_id
        self._editing_seen = a
        self._form.fill(
            {
                "what": a.what,
                "owner": a.owner,
                "backup": a.backup,
                "when": a.when,
                "if_not": a.if_not,
                "check_how": a.check_how,
                "links": a.links,
            }
        )
        self._redraw()

    def cancel_edit(self) -> None:
        self._leave_edit(restore=True)

    def _leave_edit(self, restore: bool) -> None:
        if self.editing is None:
            return
        self.editing = None
        if restore:
            self._form.fill(self._draft)
        self._draft = None
        if self.session.case is not None and self._shown is not None:
            self._show_rows(self._shown)
        self._show_form_title()

    def move(self, agreement_id: str, step: int) -> bool:
        return self.session.do(
            lambda case: ops.reorder(case, "agreement", agreement_id, step, case.agreements_in_order())
        )

    def delete(self, agreement_id: str) -> bool:
        case = self.session.case
        if case is None or agreement_id not in case.agreements:
            return False
        n = check_plan(case).numbers.get(agreement_id, "?")
        if self.editing == agreement_id:
            self._leave_edit(restore=True)
        ok = self.session.do(lambda c: ops.delete(c, "agreement", agreement_id, "planui.edit.delete"))
        if ok:
            self.session.set_status(self.t("planui.deleted", n=n), "ok")
        return ok

    def set_agreed(self, agreement_id: str, person_id: str, agreed: bool) -> bool:
        ok = self.session.do(lambda case: set_agreed(case, agreement_id, person_id, agreed))
        if not ok and self.session.case is not None:
            self._redraw()  # nothing stored: the buttons show what is stored, not what was clicked
        return ok

    def sign(self) -> bool:
        """Sign the plan as it stands at the current meeting (a new version, or this meeting's again)."""
        s = self.session
        m = s.meeting
        if m is None:
            s.set_status(self.t("planui.version.no_meeting"), "error")
            return False
        holder: dict[str, str] = {}

        def make(case: Any) -> Any:
            edit, holder["id"] = sign_version(case, m.id)
            return edit

        if not s.do(make):
            return False
        version = s.case.plan_versions[holder["id"]] if s.case is not None else None
        if version is not None:
            s.set_status(self.t("planui.version.signed", n=version.number), "ok")
        return True

    def set_sent(self, version_id: str, on: date | None) -> bool:
        """ "Naar de jeugdrechter gestuurd op": store the day (or clear it)."""
        s = self.session
        if s.case is None or version_id not in s.case.plan_versions:
            return False
        if not s.do(lambda case: set_sent_to_judge(case, version_id, on)):
            self.versions.reset()  # the date field shows what is stored, not what was refused
            return False
        n = s.case.plan_versions[version_id].number
        if on is None:
            s.set_status(self.t("planui.version.sent_cleared", n=n), "ok")
        else:
            s.set_status(self.t("planui.version.sent_saved", n=n, date=long_date(s.lang, on)), "ok")
        return True

    def export(self) -> list[Path]:
        return self.exporter.export()
