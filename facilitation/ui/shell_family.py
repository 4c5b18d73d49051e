"""The shell's page-wide duties beside the parts: the family screen (its window, what it shows, blank),
projection in one window, the page's language and title, the ``?`` shortcuts, the case used last.

A mixin of ``Shell`` (kept apart so the shell's own file stays about cases and meetings).
"""

from __future__ import annotations

import os
from typing import Any

import ipywidgets as W

from ..domain import ops
from ..services.last_used import LastUsed, remember
from .base import css
from .family.state import PINNABLE
from .page.widgets import FamilyLink, PageInfo, Shortcut, shortcut_groups
from .session import Event, Session

SHORTCUTS: tuple[Shortcut, ...] = (
    ("?", "shortcuts.help"),
    ("B", "shortcuts.blank"),
    ("Esc", "shortcuts.blank_back"),
)
"""The shell's own keys, and the blank screen's (``ui/meeting``'s ``BlankScreen`` listens for B and Esc)."""

ENV_CASE = "FACILITATION_CASE"

CONTROL_NAMES: dict[str, str] = {
    "fac-case-pick": "a11y.case_pick",
    "fac-meeting-pick": "a11y.meeting_pick",
    "fac-columns-add-element": "a11y.element",
    "fac-columns-add-author": "a11y.author",
    "fac-columns-add-setby": "a11y.set_by",
    "fac-columns-filter-person": "a11y.filter_person",
    "fac-columns-filter-meeting": "a11y.filter_meeting",
    "fac-edit-author": "a11y.author",
    "fac-edit-setby": "a11y.set_by",
    "fac-edit-pair": "a11y.pair",
    "fac-edit-element": "a11y.element",
    "fac-net-show-ties": "a11y.show_ties",
    "fac-net-pick": "a11y.net_pick",
    "fac-person-ff-status": "a11y.ff_status",
    "fac-person-ff-follow": "a11y.ff_follow",
    "fac-compare-before": "a11y.compare_before",
    "fac-compare-after": "a11y.compare_after",
    "fac-tie-other": "a11y.tie_other",
    "fac-tie-kind": "a11y.tie_kind",
    "fac-tie-row-kind": "a11y.tie_kind",
    "fac-scale-pick": "a11y.scale_pick",
    "fac-ns-kind": "a11y.scale_kind",
    "fac-ns-subject": "a11y.scale_subject",
    "fac-plan-owner": "a11y.owner",
    "fac-plan-backup": "a11y.backup",
}
"""Names for the controls of the parts that show no label of their own (a dropdown whose options say what
it is), by CSS class: the page gives them to screen readers. A part that sets a ``description`` or
``tooltip`` on its control needs no entry here."""


class FamilyScreenControls:
    """Family screen, projection, page info and shortcuts for the shell (``Shell`` mixes this in)."""

    session: Session
    widget: W.Box
    bar: W.Box
    _part_factories: list[tuple[str, Any]]

    def part(self, key: str) -> Any:  # provided by Shell
        raise NotImplementedError

    # ---- building --------------------------------------------------------------------------------

    def _build_family(self) -> None:
        self.page = PageInfo(charts=True)  # the network map, the scaling charts
        self.family_link = FamilyLink()
        self.family_pin = css(W.Dropdown(options=[], layout=W.Layout(width="auto", min_width="10em")), "fac-family-pin")
        self.family_box = css(W.HBox([self.family_link, self.family_pin]), "fac-family-controls")
        self.bar.children = [*self.bar.children, self.family_box]
        self.widget.children = [*self.widget.children, self.page]
        self.family_view: Any = None
        self._quiet_family = False
        self.family_pin.observe(self._on_pin, "value")
        blank = self._blank_widget()
        if blank is not None:
            blank.observe(self._on_blank_key, "blank")
        self.session.subscribe(self._on_family_event)
        self._label_family()
        self._follow_meeting()
        self._remember()

    def _blank_widget(self) -> Any:
        """The working screen's blank screen (B), from the meeting part, if it has one."""
        w = getattr(self._meeting_part(), "blank", None)
        return w if w is not None and w.has_trait("blank") else None

    # ---- events ----------------------------------------------------------------------------------

    def _on_family_event(self, event: Event) -> None:
        if event.type == "lang":
            self._label_family()
        if event.type == "mode":
            self._show_projection(self.session.projection)
        if event.type in ("case", "meeting", "lang", "sync", "edit"):
            self._follow_meeting(from_elsewhere=event.type == "sync")
        if event.type in ("case", "meeting", "lang"):
            self._remember()

    def _label_family(self) -> None:
        t = self.session.t
        with self.family_link.hold_sync():
            self.family_link.label = t("shell.family_open")
            self.family_link.tip = t("shell.family_open_tip")
            self.family_link.url_label = t("shell.family_url")
            self.family_link.lang = self.session.lang
        self.family_pin.description = ""
        self.family_pin.tooltip = t("shell.family_shows")
        with self.page.hold_sync():
            self.page.lang = self.session.lang
            self.page.title = t("app.title")
            self.page.shortcuts_title = t("shortcuts.title")
            self.page.close_label = t("shortcuts.close")
            self.page.shortcuts = shortcut_groups(self._shortcut_sources(), t)
            self.page.control_names = {cls: t(key) for cls, key in CONTROL_NAMES.items()}

    def _shortcut_sources(self) -> list[tuple[str, tuple[Shortcut, ...]]]:
        """The registry: the shell's keys, then each part's ``SHORTCUTS`` (class attribute), then the family
        screen's. A part adds its keys by defining ``SHORTCUTS = (("Ctrl+Enter", "i18n.key"), ...)``."""
        from .family.view import SHORTCUTS as FAMILY

        sources: list[tuple[str, tuple[Shortcut, ...]]] = [("shortcuts.group.shell", SHORTCUTS)]
        for key, factory in self._part_factories:
            own = tuple(getattr(factory, "SHORTCUTS", ()))
            if own:
                sources.append((f"part.{key}", own))
        sources.append(("fv.title", FAMILY))
        return sources

    def _follow_meeting(self, from_elsewhere: bool = False) -> None:
        """The family controls show the case and meeting open here; a blank from another screen shows here."""
        s = self.session
        m = s.meeting
        t = s.t
        with self.family_link.hold_sync():
            self.family_link.case_id = s.case.id if s.case is not None else ""
            self.family_link.meeting_id = m.id if m is not None else ""
        options = [(t("shell.family_shows") + ": " + t("shell.family_follows"), "")]
        options += [(t("shell.family_shows") + ": " + t(f"fv.board.{k}"), k) for k in PINNABLE]
        self._quiet_family = True
        try:
            if list(self.family_pin.options) != options:
                self.family_pin.options = options
            pinned = m.pinned if m is not None and m.pinned in PINNABLE else ""
            if self.family_pin.value != pinned:
                self.family_pin.value = pinned
            self.family_pin.disabled = m is None
            blank = self._blank_widget()
            if from_elsewhere and blank is not None and m is not None and bool(blank.blank) != m.blank:
                blank.blank = m.blank
        finally:
            self._quiet_family = False

    def _remember(self) -> None:
        s = self.session
        if s.case is None:
            return
        remember(s.store, LastUsed(s.case.id, s.meeting_id, s.lang, os.environ.get(ENV_CASE) or None))

    # ---- what the consultant does ----------------------------------------------------------------

    def _store_on_meeting(self, **fields: Any) -> bool:
        """Store what the family screen shows on the current meeting (not undoable: not an edit of the case)."""
        m = self.session.meeting
        if m is None:
            return False
        return self.session.do(
            lambda case: ops.update(case, "meeting", m.id, "edit.family_screen", **fields), undoable=False
        )

    def _on_pin(self, change: dict[str, Any]) -> None:
        if not self._quiet_family:
            self.pin(change["new"] or "")

    def pin(self, board: str) -> bool:
        """Show ``board`` on the family screen whatever the phase ("": follow the phase again)."""
        return self._store_on_meeting(pinned=board if board in PINNABLE else "")

    def _on_blank_key(self, change: dict[str, Any]) -> None:
        if not self._quiet_family:
            self._store_on_meeting(blank=bool(change["new"]))

    def toggle_blank(self) -> None:
        """Blank both screens, or bring them back (as B does)."""
        blank = self._blank_widget()
        if blank is not None:
            blank.blank = not blank.blank  # the observer stores it
        else:
            m = self.session.meeting
            self._store_on_meeting(blank=not (m is not None and m.blank))

    # ---- projection in one window ----------------------------------------------------------------

    def _show_projection(self, on: bool) -> None:
        """Projection mode: the working screen gives way to the family screen with a small control."""
        if on and self.family_view is None:
            from .family.view import FamilyView

            self.family_view = FamilyView(
                self.session,
                control={
                    "prev": lambda: self._step(-1),
                    "next": lambda: self._step(+1),
                    "blank": self.toggle_blank,
                    "back": self.leave_projection,
                },
            )
            self.widget.children = [*self.widget.children, self.family_view.widget]
        if self.family_view is not None:
            self.family_view.activate(on)

    def _meeting_part(self) -> Any:
        try:
            return self.part("meeting")
        except KeyError:
            return None

    def _step(self, delta: int) -> None:
        step = getattr(self._meeting_part(), "step", None)
        if step is not None:
            step(delta)

    def leave_projection(self) -> None:
        toggle = getattr(self._meeting_part(), "projection", None)
        if toggle is not None and toggle.has_trait("value"):
            toggle.value = False  # the meeting part's toggle tells the session
        self.session.set_projection(False)
