"""The session: one open case, the current meeting, the language, undo, and who is listening.

No widgets here. Views call ``session.do(edit)``; the session checks the edit, shows it (tells every
listener what kinds of records changed), then commits it to the store before ``do`` returns: the durable
commit is not between the click and the painted change. The saved mark follows the commit. Errors become a
status message in the user's language and nothing is changed; a commit that fails is taken back on screen.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from ..domain import ops
from ..domain.case import Case, Change, Edit
from ..domain.errors import ConflictError, FacilitationError
from ..domain.model import KINDS, Meeting
from ..i18n import Translator, error_text
from ..store import CaseStore
from ..store.location import exports_dir

log = logging.getLogger(__name__)


EventType = Literal["case", "meeting", "edit", "sync", "lang", "status", "mode", "show", "select", "saved"]
"""'case' another case opened; 'meeting' another meeting chosen; 'edit' this screen made an edit (shown before
it is committed); 'sync' the case is again what is stored: another screen's edits came in, or this screen's
edit could not be stored; 'lang' the language changed; 'status' the status line; 'mode' projection on or off;
'show' bring a part to the front; 'select' something was pointed at (see ``Session.select``); 'saved' a commit
of this screen finished (``kinds``: what it stored; what reads the store rather than the case reads it now)."""


@dataclass(frozen=True)
class Event:
    """What happened (``type``) and, for edits, which kinds of records changed (or the part to show)."""

    type: EventType
    kinds: frozenset[str] = field(default_factory=frozenset)


@dataclass
class _Shown:
    """An edit on screen, not yet committed: the case before it, and whether it was stored (None: not yet)."""

    case_id: str
    before: Case
    edit: Edit
    undoable: bool
    stored: bool | None = None


ALL_KINDS = frozenset(KINDS)
DISPLAY_FIELDS = frozenset({"pointer", "blank", "pinned"})
"""Fields of a meeting that say what the family screen shows: stored without undo, and never in the way
of undoing an earlier edit of the same meeting."""


class Session:
    """The state one dashboard works on, shared by all its parts."""

    def __init__(self, store: CaseStore, lang: str = "nl", session_id: str | None = None) -> None:
        self.store = store
        self.tr = Translator(lang)
        self.id = session_id or uuid.uuid4().hex[:12]
        self.case: Case | None = None
        self.meeting_id: str | None = None
        self.status: tuple[str, str] = ("", "info")  # (message, level: info|ok|error)
        self.saved_at: str = ""
        self.projection = False
        self._undo: list[str] = []
        self._shown: _Shown | None = None  # an edit on screen whose commit is under way
        self._seen_seq = 0
        self._listeners: list[Callable[[Event], None]] = []
        self._last_listeners: list[Callable[[Event], None]] = []
        self.tr.on_change(lambda _lang: self._emit(Event("lang")))

    # ---- listening -------------------------------------------------------------------------------

    def subscribe(self, fn: Callable[[Event], None], *, last: bool = False) -> None:
        """Call ``fn`` on every event; ``last``: after every other listener (the status line after the
        parts, so that what the user clicked changes on screen before the line saying it was saved)."""
        (self._last_listeners if last else self._listeners).append(fn)

    def _emit(self, event: Event) -> None:
        for fn in [*self._listeners, *self._last_listeners]:
            try:
                fn(event)
            except Exception:  # one broken view must not stop the others or lose the edit
                log.exception("listener failed on %s", event)

    # ---- language --------------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.tr.lang

    def t(self, key: str, **params: Any) -> str:
        return self.tr.t(key, **params)

    def set_language(self, lang: str) -> None:
        self.tr.set_language(lang)

    def exports_dir(self) -> Path:
        """Where this screen saves documents: next to the store, in a folder readable by the user only."""
        return exports_dir(self.store.path)

    # ---- case and meeting ------------------------------------------------------------------------

    only_case: str | None = None
    """Set on a group's laptop in the training room: the one case this screen may open (its group's copy)."""

    def open_case(self, case_id: str) -> None:
        if self.only_case is not None and case_id != self.only_case:
            raise FacilitationError("room_not_yours")
        self._commit_shown()
        self.case = self.store.load(case_id)
        self._seen_seq = self.store.last_seq(case_id)
        self.store.note(case_id, "open")  # the audit log: who opened which case
        self._undo.clear()
        self.meeting_id = None
        self._keep_meeting()
        self._emit(Event("case", ALL_KINDS))

    def add_case(self, case: Case) -> str:
        if self.only_case is not None:
            raise FacilitationError("room_not_yours")
        case_id = self.store.add_case(case, self.id)
        self.open_case(case_id)
        return case_id

    def set_meeting(self, meeting_id: str | None) -> None:
        if meeting_id == self.meeting_id:
            return
        if meeting_id is not None and (self.case is None or meeting_id not in self.case.meetings):
            return
        self.meeting_id = meeting_id
        self._emit(Event("meeting", frozenset({"meeting"})))

    @property
    def meeting(self) -> Meeting | None:
        if self.case is None or self.meeting_id is None:
            return None
        return self.case.meetings.get(self.meeting_id)

    def present_ids(self) -> list[str]:
        """People present at the current meeting (everyone on the map if no meeting is open)."""
        if self.case is None:
            return []
        m = self.meeting
        if m is not None and m.present:
            return [p for p in m.present if p in self.case.people]
        return sorted(self.case.people, key=lambda pid: self.case.people[pid].name.lower())  # type: ignore[union-attr]

    # ---- editing ---------------------------------------------------------------------------------

    def do(self, edit: Edit | Callable[[Case], Edit], *, undoable: bool = True) -> bool:
        """Store an edit (or the edit a function makes of the current case). True when stored.

        The change is shown first (the 'edit' event: ipykernel sends the widget updates while the kernel
        commits), then committed; 'saved' follows. A commit that fails puts the case back as it was, with a
        message. ``undoable=False`` for what is stored but not worth undoing (what the family screen points at)."""
        if self.case is None or not self._commit_shown():  # an edit made while another is being shown: that first
            return False
        try:
            if callable(edit):
                edit = edit(self.case)
            if not edit:
                return True
            new_case = self.case.apply(edit)
        except ConflictError as e:
            self._reload()
            self.set_status(self.t("shell.conflict"), "error")
            log.info("conflict: %s", e)
            return False
        except FacilitationError as e:
            self.set_status(error_text(self.lang, e), "error")
            return False
        shown = self._shown = _Shown(self.case.id, self.case, edit, undoable)
        self.case = new_case
        self._emit(Event("edit", edit.kinds))
        self._commit_shown()
        return bool(shown.stored)

    def _commit_shown(self) -> bool:
        """Commit the edit on screen, if any; False if that failed (the screen then shows what is stored).

        Everything that reads or writes the store through the session calls this first, so that the store
        and the screen agree again: an edit made by a listener of the 'edit' event is stored after this one."""
        shown, self._shown = self._shown, None
        if shown is None:
            return True
        try:
            group = self.store.apply(shown.case_id, shown.edit, self.id)
        except ConflictError as e:  # another screen stored a change of the same record first
            shown.stored = False
            self._reload()
            self.set_status(self.t("shell.conflict"), "error")
            log.info("conflict: %s", e)
            return False
        except Exception as e:  # a full or vanished disk, a store gone: nothing was stored
            shown.stored = False
            log.exception("commit failed")
            self.case = shown.before
            self._keep_meeting()
            self._emit(Event("sync", shown.edit.kinds | {"case"}))  # what is stored, as after another screen's
            message = error_text(self.lang, e) if isinstance(e, FacilitationError) else self.t("shell.not_stored")
            self.set_status(message, "error")
            return False
        shown.stored = True
        if shown.undoable:
            self._undo.append(group)
        self._mark_saved(shown.edit.kinds)
        return True

    def fail(self, err: Exception) -> None:
        """Show an error the user caused (bad input) without changing anything."""
        self.set_status(error_text(self.lang, err), "error")

    def undo(self) -> bool:
        if not self._commit_shown():
            return False
        if self.case is None or not self._undo:
            self.set_status(self.t("shell.nothing_to_undo"), "info")
            return False
        group = self._undo.pop()
        try:
            _, inverse = self.store.undo(self.case.id, group, self.id)
        except ConflictError as e:
            past = None if e.code == "erased" else self._undo_past_display(group)
            if past is None:
                self._reload()
                self.set_status(error_text(self.lang, e) if e.code == "erased" else self.t("shell.conflict"), "error")
                return False
            inverse = past
        self.case = self.case.apply(inverse, check=False)
        self.set_status(self.t("shell.undone", what=self.t(str(inverse.params.get("of", "edit.update")))), "ok")
        self._emit(Event("edit", inverse.kinds))
        self._mark_saved(inverse.kinds)
        return True

    def note_export(self, what: str) -> None:
        """The audit log: this user exported the open case (``what``: the format or document)."""
        if self.case is not None:
            try:
                self.store.note(self.case.id, "export", what)
            except Exception:  # the file is written; a busy store must not turn that into an error
                log.exception("could not log the export")

    def forget_person(self, person_id: str) -> bool:
        """*Vergeet deze persoon*: erase a person from the case and from its history (not undoable)."""
        if self.case is None or not self._commit_shown():
            return False
        try:
            self.store.forget_person(self.case.id, person_id, self.id)
        except FacilitationError as e:
            self.set_status(error_text(self.lang, e), "error")
            return False
        self._reload()  # edits that touched them can no longer be undone: undo then says so
        self._mark_saved(ALL_KINDS)
        self.set_status(self.t("shell.forgotten"), "ok")
        return True

    def _undo_past_display(self, group: str) -> Edit | None:
        """Undo an edit of a meeting whose only later change is what the family screen shows (pointer,
        blank, pinned): that stays as it is now. None when anything else changed since (a real conflict)."""
        if self.case is None:
            return None
        try:
            edit = self.store.edit_of(self.case.id, group).inverse()
            changes = []
            for ch in edit.changes:
                if ch.before is None:
                    return None
                now = self.case.get(ch.kind, ch.id).to_dict()
                moved = {k for k in set(now) | set(ch.before) if now.get(k) != ch.before.get(k)}
                if moved - DISPLAY_FIELDS:
                    return None
                kept = {k: now[k] for k in DISPLAY_FIELDS if k in now}
                changes.append(Change(ch.kind, ch.id, now, None if ch.after is None else {**ch.after, **kept}))
            inverse = Edit("edit.undo", tuple(changes), {"of": edit.label})
            self.store.apply(self.case.id, inverse, self.id, undoes=group)
        except FacilitationError:
            return None
        return inverse

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def _mark_saved(self, kinds: frozenset[str]) -> None:
        # Not advancing the sync position here: another screen's edits stored just before ours must
        # still be picked up by the next sync().
        self.saved_at = datetime.now().strftime("%H:%M:%S")
        self._emit(Event("saved", kinds))

    def _reload(self) -> None:
        if self.case is None:
            return
        self.case = self.store.load(self.case.id)
        self._seen_seq = self.store.last_seq(self.case.id)
        self._keep_meeting()
        self._emit(Event("sync", ALL_KINDS))

    def _keep_meeting(self) -> None:
        """After a reload: stay in the current meeting, or the latest one if it is gone."""
        if self.case is not None and self.meeting_id not in self.case.meetings:
            meetings = self.case.meetings_by_date()
            self.meeting_id = meetings[-1].id if meetings else None

    def sync(self) -> bool:
        """Pick up edits another screen stored; True if the case changed."""
        if self.case is None or not self._commit_shown():
            return False
        changes = self.store.changes_since(self.case.id, self._seen_seq)
        if not changes:
            return False
        foreign = [c for c in changes if c.session != self.id]
        self._seen_seq = changes[-1].seq
        if not foreign:
            return False
        # Our own undo stack may now point at records someone else changed; undo will then report a conflict.
        self.case = self.store.load(self.case.id)
        self._keep_meeting()
        self._emit(Event("sync", frozenset(c.kind for c in foreign) | {"case"}))
        return True

    def point_at(self, record_id: str | None) -> bool:
        """Show the family screen what is selected here (an item, a person, an agreement, a scale; None:
        nothing): stored on the current meeting, not undoable, so every screen of the meeting follows."""
        m = self.meeting
        if m is None or m.pointer == record_id:
            return False
        return self.do(lambda case: ops.update(case, "meeting", m.id, "edit.point", pointer=record_id), undoable=False)

    # ---- status and modes ------------------------------------------------------------------------

    def set_status(self, message: str, level: str = "info") -> None:
        self.status = (message, level)
        self._emit(Event("status"))

    def show_part(self, key: str) -> None:
        """Ask the shell to bring a part (tab) to the front."""
        self._emit(Event("show", frozenset({key})))

    def set_projection(self, on: bool) -> None:
        if on != self.projection:
            self.projection = on
            self._emit(Event("mode"))
