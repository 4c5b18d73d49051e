"""Making every document at the end of the meeting: written next to the store, each offered for download."""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as W

from ...domain.errors import FacilitationError
from ...export.common import FileExists
from ...i18n import error_text
from ..base import button, css, esc
from ..downloads import data_url
from ..replace_question import How, ReplaceQuestion, keep_both, overwrite
from ..session import Session

log = logging.getLogger(__name__)

MAX_DOWNLOAD_BYTES = 25 * 1024 * 1024
"""Larger files are not offered as an in-page download (they stay on disk, path shown)."""

MIME = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".json": "application/json",
    ".csv": "text/csv",
    ".md": "text/markdown",
}

Bind = Callable[..., Any]


def file_data_url(path: Path) -> str | None:
    try:
        if path.stat().st_size > MAX_DOWNLOAD_BYTES:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    mime = MIME.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return data_url(data, mime)


class ExportBox:
    """The export button and the list of files it made (for the case open now)."""

    def __init__(self, session: Session, text: Bind) -> None:
        self.session = session
        self.t = session.t
        self.exported: list[tuple[Path, str | None]] = []
        self.title = text(W.HTML(), "planui.export.title", "value", html=True)
        self.title.add_class("fac-plan-export-title")
        self.intro = css(text(W.HTML(), "planui.export.intro", "value", html=True), "fac-plan-note")
        self.button = button("", "fac-plan-export", style="success")
        text(self.button, "planui.export.button")
        text(self.button, "planui.export.tip", "tooltip")
        self.result = css(W.HTML(), "fac-plan-export-result")
        self.question = ReplaceQuestion(session, "fac-plan-replace")
        self.box = css(
            W.VBox([self.title, self.intro, self.button, self.question.widget, self.result]), "fac-plan-export-box"
        )
        self.button.on_click(lambda _b: self.export())

    def forget(self) -> None:
        """Another case: its files do not belong here."""
        self.exported = []
        self.question.clear()
        self.show()

    def export(self, how: How = "new") -> list[Path]:
        """Write every document in the screen's language next to the store; offer each for download.

        ``how``: ``"new"`` replaces nothing (when a file is there already nothing is written and the question
        asks), ``"replace"`` or ``"both"`` (the set under one free number) as the question was answered."""
        s = self.session
        case = s.case
        if case is None:
            return []
        from ...services import export as exports  # reportlab and python-docx load only when needed
        from ...services.seats import seats_of

        self.question.clear()
        self.button.disabled = True
        self.result.value = f"<p class='fac-plan-note'>{esc(self.t('planui.export.busy'))}</p>"
        try:
            out = s.exports_dir()
            seats = seats_of(s.store, case)
            paths = exports.export_all(
                case,
                out,
                lang=s.lang,
                meeting_id=s.meeting_id,
                seats=seats,
                overwrite=overwrite(how),
                keep_both=keep_both(how),
            )
            s.note_export("plan")
        except FileExists as e:  # nothing written: the question asks whether to replace or keep both
            self.question.ask(e.paths, self.export)
            self.button.disabled = False
            self.show()
            s.set_status(self.t("replace.asked"), "info")
            return []
        except FacilitationError as e:
            self._failed(error_text(s.lang, e))
            return []
        except Exception as e:  # disk full, permissions: say so, the plan itself is stored
            log.exception("export failed")
            self._failed(f"{type(e).__name__}: {e}")
            return []
        finally:
            self.button.disabled = False
        self.exported = [(p, file_data_url(p)) for p in paths]
        self.show()
        s.set_status(self.t("planui.export.done", n=len(paths), folder=str(out)), "ok")
        return paths

    def _failed(self, detail: str) -> None:
        self.exported = []
        self.button.disabled = False
        self.show()
        self.session.set_status(self.t("planui.export.failed", detail=detail), "error")

    def show(self) -> None:
        if not self.exported:
            if not self.button.disabled:
                self.result.value = ""
            return
        t = self.t
        folder = self.exported[0][0].parent
        items = []
        for path, url in self.exported:
            if url is not None:
                link = (
                    f"<a class='fac-plan-download' href='{url}' download='{esc(path.name)}' "
                    f"title='{esc(t('planui.export.download_tip', name=path.name))}'>⬇ {esc(path.name)}</a>"
                )
            else:
                link = f"{esc(path.name)} <span class='fac-plan-note'>({esc(t('planui.export.too_big'))})</span>"
            items.append(f"<li>{link}</li>")
        self.result.value = (
            f"<div><b>{esc(t('planui.export.saved_in'))}</b> <span class='fac-plan-path'>{esc(str(folder))}</span></div>"
            f"<ul>{''.join(items)}</ul>"
            f"<div class='fac-plan-note'>{esc(t('planui.export.download_hint'))}</div>"
        )
