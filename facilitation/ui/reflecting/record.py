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
from ...store.location import exports_dir
from ..base import button, css, esc, esc_lines
from ..downloads import download_link
from ..replace_question import How, ReplaceQuestion, keep_both, overwrite
from ..session import Event
from .parts import RtPart
from .review import ReviewList

log = logging.getLogger(__name__)

FORMATS = ("docx", "pdf", "md")
"""The record's files, in the order they are offered."""


def blocks_html(blocks: list[Any]) -> str:
    """The record's blocks as escaped HTML (the preview shows exactly what the files will hold)."""
    from ...export.document import Entry, Heading, Para, Table, Title

    def runs(rs: list[tuple[str, str]]) -> str:
        out = []
        for text, marks in rs:
            s = esc_lines(text)
            if "b" in marks:
                s = f"<b>{s}</b>"
            if "m" in marks:
                s = f'<span class="fac-m">{s}</span>'
            if "!" in marks:
                s = f'<span class="fac-alert">{s}</span>'
            out.append(s)
        return "".join(out)

    html: list[str] = []
    in_list = False
    for b in blocks:
        if in_list and not isinstance(b, Entry):
            html.append("</ul>")
            in_list = False
        if isinstance(b, Title):
            html.append(f"<h1>{esc(b.text)}</h1><p><b>{esc(b.subtitle)}</b></p>")
        elif isinstance(b, Heading):
            html.append(f"<h2>{esc(b.text)}</h2>")
        elif isinstance(b, Para):
            html.append(f"<p>{runs(b.runs)}</p>")
        elif isinstance(b, Entry):
            if not in_list:
                html.append("<ul>")
                in_list = True
            num = f"{esc(b.number)} " if b.number else ""
            notes = "".join(f"<br>{runs(note)}" for note in b.notes)
            html.append(f"<li>{num}{runs(b.runs)}{notes}</li>")
        elif isinstance(b, Table):
            head = "".join(f"<th>{esc(h)}</th>" for h in b.header)
            rows = "".join(
                "<tr>" + "".join("<td>" + "<br>".join(runs(line) for line in cell) + "</td>" for cell in row) + "</tr>"
                for row in b.rows
            )
            html.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    if in_list:
        html.append("</ul>")
    return "".join(html)


# ---- the record ---------------------------------------------------------------------------------


class RecordView(RtPart):
    """Who writes the record, a preview, and the files (Word, PDF, Markdown) to save and download."""

    key = "rt-record"
    kinds = frozenset()

    def build(self) -> None:
        self.scribe_label = W.Label()
        self.scribe = css(W.Dropdown(options=[]), "fac-rt-scribe")
        self.scribe.observe(self._on_scribe, "value")
        self.make_btn = button("", "fac-rt-make-record", style="primary")
        self.make_btn.on_click(lambda _b: self.make_files())
        self.where = css(W.HTML(), "fac-rt-hint")
        self.downloads = css(W.HTML(), "fac-rt-downloads")
        self.question = ReplaceQuestion(self.session, "fac-rt-replace")
        self.preview = css(W.HTML(), "fac-rt-preview")
        self.empty = css(W.HTML(), "fac-rt-hint")
        self.review = ReviewList(self.t, self.session.store.path, self.root.set_corrections)
        self.widget.children = [
            self.empty,
            css(W.HBox([self.scribe_label, self.scribe, self.make_btn]), "fac-rt-add"),
            self.where,
            self.question.widget,
            self.downloads,
            self.review.widget,
            self.preview,
        ]
        self._quiet = False
        self.files: list[Any] = []

    @property
    def title(self) -> str:
        return self.t("reflecting.tab.record")

    def relabel(self) -> None:
        self.scribe_label.value = self.t("reflecting.scribe")
        self.make_btn.description = self.t("reflecting.make_record")
        self.empty.value = esc(self.t("reflecting.no_meeting"))

    def refresh(self, event: Event) -> None:
        shown, m = self.shown, self.meeting
        self.empty.layout.display = "" if m is None else "none"
        self.make_btn.disabled = m is None
        self.scribe.disabled = m is None
        if shown is None:
            return
        team = rt.team(shown, m)
        options = [(self.t("reflecting.nobody_yet"), "")] + [(shown.name_of(pid), pid) for pid in team]
        self._quiet = True
        try:
            self.scribe.options = options
            self.scribe.value = (m.scribe if m and m.scribe in team else "") or ""
        finally:
            self._quiet = False
        self.where.value = esc(self.t("reflecting.record_where"))
        if event.type in ("edit", "sync", "case", "meeting", "lang", "mode"):
            self.downloads.value = ""
        case, lang, mode = self.session.case, self.session.lang, self.root.pseudonym
        replaced = record.replaced_in_words(case, lang, mode, self.root.corrections) if case and mode else ""
        blocks = record.record_blocks(shown, m.id if m else None, lang, pseudonymised=replaced or bool(mode))
        self.review.show(case, lang, mode, self.root.corrections)
        self.preview.value = blocks_html(blocks)

    def _on_scribe(self, change: dict[str, Any]) -> None:
        if self._quiet:
            return
        m = self.meeting
        if m is None:
            return
        pid = change["new"] or None
        self.do(lambda case: rt.set_scribe(case, m.id, pid))

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
                out = exports_dir(self.session.store.path)
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
