"""The welcome: what a consultant sees on a first start, with no case yet (the shell shows it instead of the
parts while no case is open)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as W

from ... import samples
from ...domain.errors import FacilitationError
from ...i18n import error_text
from ...services import case_files
from ..base import PartView, button, css
from ..session import Session
from .present import refused_text, sample_buttons, sample_note_key
from .state import WelcomeState, welcome_state


class Welcome(PartView[WelcomeState]):
    """Open a sample case, start a new case (the shell's form, through ``new_case``), or import a case file."""

    key = "welcome"
    kinds = frozenset({"case"})
    needs_case = False  # the welcome is for the time no case is open

    def __init__(self, session: Session, new_case: Callable[[], None] | None = None) -> None:
        self._new_case = new_case
        super().__init__(session)

    def build(self) -> None:
        heading = self.text(css(W.HTML(), "fac-welcome-title"), "welcome.title", "value", html=True)
        intro = self.text(css(W.HTML(), "fac-welcome-intro"), "welcome.intro", "value", html=True)

        self.sample_note = css(W.HTML(), "fac-welcome-note")
        self.sample_list = css(W.VBox(), "fac-welcome-samples")
        open_sample = self._card("fac-welcome-open-sample", "welcome.sample.title", self.sample_note, self.sample_list)

        self.new_button = self.text(button("", "fac-welcome-new", style="primary"), "welcome.new.button")
        self.new_button.on_click(lambda _b: self.start_new_case())
        new_case = self._card(
            "fac-welcome-new-case", "welcome.new.title", self._note("welcome.new.text"), self.new_button
        )

        self.upload = css(W.FileUpload(accept=".json,application/json", multiple=False), "fac-welcome-upload")
        self.text(self.upload, "welcome.import.button")
        self.on(self.upload, self._on_upload)
        import_file = self._card(
            "fac-welcome-import", "welcome.import.title", self._note("welcome.import.text"), self.upload
        )

        cards = css(W.HBox([open_sample, new_case, import_file]), "fac-welcome-cards")
        self.widget.children = [heading, intro, cards]

    def _note(self, key: str) -> W.HTML:
        return self.text(css(W.HTML(), "fac-welcome-note"), key, "value", html=True)

    def _card(self, cls: str, title_key: str, *body: W.Widget) -> W.VBox:
        title = self.text(css(W.HTML(), "fac-welcome-card-title"), title_key, "value", html=True)
        return css(W.VBox([title, *body]), "fac-welcome-card", cls)  # type: ignore[return-value]

    # ---- rendering -----------------------------------------------------------------------------------

    def state(self) -> WelcomeState:
        return welcome_state()

    def show(self, state: WelcomeState, previous: WelcomeState | None) -> None:
        self.text(self.sample_note, sample_note_key(state), "value", html=True)
        if previous is None or previous.samples != state.samples:
            self.sample_list.children = [self._sample_button(name, label) for name, label in sample_buttons(state)]

    def _sample_button(self, name: str, label: str) -> W.Button:
        b = button(label, "fac-welcome-sample")
        b.on_click(lambda _b: self.open_sample(name))
        return b

    # ---- what the user does --------------------------------------------------------------------------

    def open_sample(self, name: str) -> bool:
        """Open a sample case: the one stored before if it is there (its edits kept), else stored now."""
        s = self.session
        try:
            case = samples.load_sample(name)
            if s.store.has_case(case.id):
                s.open_case(case.id)
            else:
                s.add_case(case)
        except FacilitationError as e:
            s.fail(e)
            return False
        s.set_status(s.t("welcome.opened", title=case.info.title), "ok")
        return True

    def start_new_case(self) -> None:
        if self._new_case is not None:
            self._new_case()

    def import_file(self, file_name: str, raw: bytes) -> bool:
        """Store and open a case file; a faulty file is refused with what is wrong and where, nothing stored."""
        s = self.session
        try:
            case = case_files.read(raw)
            s.add_case(case_files.as_new_case(s.store, case))
        except FacilitationError as e:
            s.set_status(refused_text(s.t, file_name, error_text(s.lang, e)), "error")
            return False
        s.set_status(s.t("welcome.imported", title=case.info.title), "ok")
        return True

    def _on_upload(self, files: Sequence[dict[str, Any]]) -> None:
        if not files:
            return
        try:
            self.import_file(str(files[0].get("name", "")), bytes(files[0]["content"]))
        finally:
            self.set_quietly(self.upload, value=())  # the same file may be chosen again after a fix
