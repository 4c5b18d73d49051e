"""The record tab: who writes it, the review of pseudonyms, a preview, the files."""

from __future__ import annotations

import logging
from typing import Any

import ipywidgets as W

from ...domain import reflecting as rt
from ...domain.errors import FacilitationError
from ...export import reflecting_record as record
from ...export.common import FileExists
from ...i18n import error_text
from ..base import button, css
from ..downloads import download_link
from ..replace_question import How, ReplaceQuestion, keep_both, overwrite
from .parts import RtView
from .present import blocks_html
from .review import ReviewList
from .state import RecordState, record_state

log = logging.getLogger(__name__)

FORMATS = ("docx", "pdf", "md")
"""The record's files, in the order they are offered."""


# ---- the record ---------------------------------------------------------------------------------


class RecordView(RtView[RecordState]):
    """Who writes the record, a preview, and the files (Word, PDF, Markdown) to save and download."""

    key = "rt-record"
    kinds = frozenset()

    def build(self) -> None:
        scribe_label = self.text(W.Label(), "reflecting.scribe", "value")
        self.scribe = css(W.Dropdown(options=[]), "fac-rt-scribe")
        self.on(self.scribe, self._on_scribe)
        self.make_btn = self.text(button("", "fac-rt-make-record", style="primary"), "reflecting.make_record")
        self.make_btn.on_click(lambda _b: self.make_files())
        self.where = self.text(css(W.HTML(), "fac-rt-hint"), "reflecting.record_where", "value", html=True)
        self.downloads = css(W.HTML(), "fac-rt-downloads")
        self.question = ReplaceQuestion(self.session, "fac-rt-replace")
        self.preview = css(W.HTML(), "fac-rt-preview")
        self.empty = self.text(css(W.HTML(), "fac-rt-hint"), "reflecting.no_meeting", "value", html=True)
        self.review = ReviewList(self.t, self.text, self.session.store.path, self.root.set_corrections)
        self.widget.children = [
            self.empty,
            css(W.HBox([scribe_label, self.scribe, self.make_btn]), "fac-rt-add"),
            self.where,
            self.question.widget,
            self.downloads,
            self.review.widget,
            self.preview,
        ]
        self.files: list[Any] = []

    @property
    def title(self) -> str:
        return self.t("reflecting.tab.record")

    def state(self) -> RecordState:
        root = self.root
        return record_state(self.case, self.shown, self.meeting, self.session.lang, root.pseudonym, root.corrections)

    def show(self, state: RecordState, previous: RecordState | None) -> None:
        no_meeting = state.meeting is None
        self.empty.layout.display = "" if no_meeting else "none"
        self.make_btn.disabled = no_meeting
        self.scribe.disabled = no_meeting
        options = ((self.t("reflecting.nobody_yet"), ""), *state.scribes)
        with self.quietly():
            self.set_quietly(self.scribe, options=options)
            self.set_quietly(self.scribe, value=state.scribe)
        self.downloads.value = ""  # the files offered no longer hold what is shown
        self.review.show(self.case, state.lang, state.pseudonym, dict(state.corrections))
        self.preview.value = blocks_html(state.blocks)

    def _on_scribe(self, pid: str | None) -> None:
        m = self.meeting
        if m is None:
            return
        self.do(lambda case: rt.set_scribe(case, m.id, pid or None))

    def make_files(self, how: How = "new") -> list[Any]:
        """Write the record as Word, PDF and Markdown next to the store, and offer them for download.

        ``how``: ``"new"`` replaces nothing (when a file is there already nothing is written and the question
        asks), ``"replace"`` or ``"both"`` (the three under one free number) as the question was answered."""
        case, m = self.session.case, self.meeting
        if case is None or m is None:
            return []
        from ...services import export as exports  # reportlab and python-docx load only when needed

        lang = self.session.lang
        self.question.clear()
        try:
            with exports.one_policy():  # a document that cannot be made is a message too, never a traceback
                out = self.session.exports_dir()
                made = [
                    record.render(case, m.id, fmt, lang, self.root.pseudonym, self.root.corrections) for fmt in FORMATS
                ]
            paths = exports.save_all(out, made, overwrite=overwrite(how), keep_both=keep_both(how))
        except FileExists as e:  # nothing written: the question asks whether to replace or keep both
            self.question.ask(e.paths, self.make_files)
            self.root.say(self.t("replace.asked"), "info")
            return []
        except FacilitationError as e:
            self.root.say(self.t("reflecting.write_failed", reason=error_text(lang, e)), "error")
            return []
        links = []
        for fmt, path, (_name, data) in zip(FORMATS, paths, made, strict=True):
            self.session.note_export(f"reflecting.{fmt}")
            label = self.t("reflecting.download." + fmt)
            links.append(
                download_link(path.name, data, record.MIME[fmt], label, f"fac-rt-download fac-rt-download-{fmt}")
            )
        self.files = paths
        self.downloads.value = "".join(links)
        self.root.say(self.t("reflecting.record_saved", folder=str(out)), "ok")
        return paths
