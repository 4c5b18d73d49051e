"""The question an export asks before it would replace files that are there already.

Every dashboard export first writes without replacing anything. When one of its files is there already
(``FileExists``) nothing is written, and this piece, beside the export's button, says which file(s) and
offers two answers: *replace* them, or *keep both* (the new files get the first free number, ``plan (2).pdf``,
one number for the whole set). The answer calls the export again with ``"replace"`` or ``"both"``; the export
itself says what came of it (its links, the status line). A first export into an empty folder never asks.

    question = ReplaceQuestion(session, "fac-plan-replace")
    ...
    except FileExists as e:
        question.ask(e.paths, lambda how: self.export(how))

``how`` is one of ``HOW``: ``"new"`` (the first click: replace nothing), ``"replace"``, ``"both"``;
``overwrite(how)`` and ``keep_both(how)`` turn it into the arguments of ``services.export``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

import ipywidgets as W

from ..export.common import numbered
from .base import button, css, esc
from .session import Event, Session

How = Literal["new", "replace", "both"]
HOW: tuple[How, ...] = ("new", "replace", "both")


def overwrite(how: How) -> bool:
    """Whether an export asked ``how`` may replace a file that is there."""
    return how == "replace"


def keep_both(how: How) -> bool:
    """Whether an export asked ``how`` writes its files under the first free number."""
    return how == "both"


class ReplaceQuestion:
    """Which files are there already, and two buttons: replace them, or keep both. Hidden until asked."""

    def __init__(self, session: Session, *classes: str) -> None:
        self.session = session
        self.paths: tuple[Path, ...] = ()
        self._answer: Callable[[How], Any] | None = None
        self.message = css(W.HTML(), "fac-replace-message")
        self.replace_btn = button("", "fac-replace-yes", style="warning")
        self.both_btn = button("", "fac-replace-both", style="primary")
        self.replace_btn.on_click(lambda _b: self.answer("replace"))
        self.both_btn.on_click(lambda _b: self.answer("both"))
        buttons = css(W.HBox([self.replace_btn, self.both_btn]), "fac-replace-buttons")
        self.widget = css(W.VBox([self.message, buttons]), "fac-replace", *classes)
        self.widget.layout.display = "none"
        session.subscribe(self._on_event)

    @property
    def asking(self) -> bool:
        return self._answer is not None

    def ask(self, paths: Sequence[Path], answer: Callable[[How], Any]) -> None:
        """Show that ``paths`` are there already; a click on a button calls ``answer("replace" | "both")``."""
        self.paths = tuple(Path(p) for p in paths)
        self._answer = answer
        self._show()

    def clear(self) -> None:
        """Nothing to ask (another case, a new export, the question answered)."""
        self.paths = ()
        self._answer = None
        self.widget.layout.display = "none"
        self.message.value = ""

    def answer(self, how: How) -> Any:
        """Answer the question as the buttons do; returns what the export returned (None when not asked)."""
        again = self._answer
        self.clear()
        return again(how) if again is not None else None

    def _on_event(self, event: Event) -> None:
        if event.type in ("case", "meeting"):  # the files asked about were another case's or meeting's
            self.clear()
        elif event.type == "lang" and self.asking:
            self._show()

    def _show(self) -> None:
        t, paths = self.session.t, self.paths
        if not paths:
            self.clear()
            return
        folder = paths[0].parent
        key = "replace.one" if len(paths) == 1 else "replace.many"
        names = "".join(f"<li><code>{esc(p.name)}</code></li>" for p in paths)
        example = numbered(paths[0], 2).name
        self.message.value = (
            f"<p><b>{esc(t(key, n=len(paths)))}</b> <span class='fac-replace-folder'>{esc(str(folder))}</span></p>"
            f"<ul>{names}</ul><p>{esc(t('replace.ask', example=example))}</p>"
        )
        self.replace_btn.description = t("replace.replace")
        self.replace_btn.tooltip = t("replace.replace_tip", n=len(paths))
        self.both_btn.description = t("replace.both")
        self.both_btn.tooltip = t("replace.both_tip", example=example)
        self.widget.layout.display = ""
