"""Keeps a dashboard in step with edits stored by another screen (a facilitator and a scribe)."""

from __future__ import annotations

import asyncio
import logging

from .session import Session

log = logging.getLogger(__name__)
INTERVAL_S = 1.0


def keep_in_sync(session: Session, interval: float = INTERVAL_S) -> asyncio.TimerHandle | None:
    """Poll the store's change log on the kernel's event loop; returns the first timer (None if no loop)."""
    try:
        loop = asyncio.get_event_loop()
    except RuntimeError:
        return None

    def tick() -> None:
        try:
            if session.sync():
                session.set_status(session.t("shell.synced"), "info")
        except Exception:  # the store may be busy for a moment; try again next tick
            log.exception("sync failed")
        loop.call_later(interval, tick)

    return loop.call_later(interval, tick)
