"""Keeps a dashboard in step with edits stored by another screen (a facilitator and a scribe, the
consultant's laptop and the family screen on the projector)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from ..services import last_used
from .session import Session

log = logging.getLogger(__name__)
INTERVAL_S = 1.0
FAMILY_INTERVAL_S = 0.25
"""The family screen looks four times a second: what the consultant points at shows at once."""


def keep_in_sync(
    session: Session,
    interval: float = INTERVAL_S,
    *,
    quiet: bool = False,
    also: Callable[[], None] | None = None,
) -> asyncio.TimerHandle | None:
    """Poll the store's change log on the kernel's event loop; returns the first timer (None if no loop).

    ``quiet``: no status message (the family screen has no status line); ``also``: called every tick."""
    try:
        loop = asyncio.get_event_loop()
    except RuntimeError:
        return None

    def tick() -> None:
        try:
            if also is not None:
                also()
            if session.sync() and not quiet:
                session.set_status(session.t("shell.synced"), "info")
        except Exception:  # the store may be busy for a moment; try again next tick
            log.exception("sync failed")
        loop.call_later(interval, tick)

    return loop.call_later(interval, tick)


def follow_working_screen(session: Session) -> Callable[[], None]:
    """For the family screen: take over the meeting and language the working screen switches to (within
    this case only: a consultant looking at another family's case never puts it on the projector)."""
    seen = [last_used.stamp(session.store)]

    def check() -> None:
        stamp = last_used.stamp(session.store)
        if stamp == seen[0]:
            return
        seen[0] = stamp
        used = last_used.recall(session.store)
        if session.case is None or used.case != session.case.id:
            return
        if used.lang:
            session.set_language(used.lang)
        if used.meeting and used.meeting in session.case.meetings:
            session.set_meeting(used.meeting)

    return check
