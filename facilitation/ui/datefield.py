"""A date typed the Flemish way: ``15/09/2026`` (``15-9-2026`` and ISO ``2026-09-15`` too).

The browser's own date field shows the browser's locale (11/30/2026 on an English laptop), so every date field
of the tool is this one: a text field with the placeholder "dd/mm/jjjj", a message in the user's language for a
date that is no date, and ``value`` as an ISO string (or None when empty) — what is stored is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import ipywidgets as W
import traitlets

from ..domain.text import day_month_year
from .base import css, esc

_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def parse_day(text: str) -> str | None:
    """``15/09/2026``, ``15-9-2026``, ``15.9.2026`` or ``2026-09-15`` -> ``2026-09-15``; None when it is no date."""
    value = (text or "").strip()
    m = _DAY_FIRST.fullmatch(value)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        return date.fromisoformat(value).isoformat() if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        return None


class DateField(W.VBox):
    """A date field: ``value`` is the ISO date typed (None when empty); a typo shows a message and leaves
    ``value`` as it was, so nothing is stored from it; ``ok`` says whether what is typed is a date (or empty).

    ``t`` translates (``session.t``): the placeholder and the message follow the user's language."""

    value = traitlets.Unicode(None, allow_none=True)

    def __init__(self, t: Callable[..., str], value: str | date | None = None, *classes: str) -> None:
        self._t = t
        self.input = css(W.Text(continuous_update=False), "fac-date-input")
        self.message = css(W.HTML(), "fac-date-error")
        self.message.layout.display = "none"
        super().__init__([self.input, self.message])
        css(self, "fac-date-field", *classes)
        self.ok = True
        self._echo = False
        self.relabel()
        self.observe(self._shown, "value")
        self.input.observe(self._typed, "value")
        self.value = value.isoformat() if isinstance(value, date) else (value or None)
        self._shown({"new": self.value})

    def relabel(self) -> None:
        """The placeholder (and a message shown) in the current language."""
        self.input.placeholder = self._t("date_field.placeholder")
        if not self.ok:
            self._say_bad(self.input.value)

    def reset_shown(self) -> None:
        """Show ``value`` again, dropping a typo (after a refused date: the field shows what is stored)."""
        self._shown({"new": self.value})

    def problem(self) -> str:
        """The message for what is typed when it is no date; "" when it is one (or empty)."""
        return "" if self.ok else self._t("date_field.bad", value=self.input.value.strip())

    def _typed(self, change: dict) -> None:  # type: ignore[type-arg]
        if self._echo:
            return
        text = (change["new"] or "").strip()
        iso = parse_day(text) if text else None
        if text and iso is None:
            self.ok = False
            self._say_bad(text)
            return
        self.ok = True
        self.message.layout.display = "none"
        self.value = iso
        self._shown({"new": iso})

    def _say_bad(self, text: str) -> None:
        self.message.value = esc(self._t("date_field.bad", value=text.strip()))
        self.message.layout.display = ""

    def _shown(self, change: dict) -> None:  # type: ignore[type-arg]
        """The typed text follows ``value`` (set by the program, or just typed): 15/09/2026."""
        iso = change["new"]
        shown = day_month_year(iso) if iso else ""
        if self.input.value != shown:
            self._echo = True
            try:
                self.input.value = shown
            finally:
                self._echo = False
        self.ok = True
        self.message.layout.display = "none"
