"""Tells the page which case and meeting it shows and how many edits it stored (for ``ui/page/drafts.js``).

A draft of typed text is kept per case and meeting, so it is never offered in another case; an edit stored
just after the user typed marks that text as stored.
"""

from __future__ import annotations

import traitlets

from .. import esm
from ..session import Event, Session


class PageContext(esm.Widget):  # type: ignore[misc]
    """A model without a view: the page's script reads it from ``<html data-fac-case=… data-fac-meeting=…>``."""

    _esm = traitlets.Unicode(esm.module("page-context")).tag(sync=True)
    case = traitlets.Unicode("").tag(sync=True)
    meeting = traitlets.Unicode("").tag(sync=True)
    stored = traitlets.Int(0).tag(sync=True)


def attach(session: Session) -> PageContext:
    """A ``PageContext`` kept in step with ``session`` (it lives as long as the session's listeners)."""
    ctx = PageContext()

    def on_event(event: Event) -> None:
        if event.type == "saved":  # committed: the typed text it holds is safe (not when merely shown)
            ctx.stored += 1
        ctx.case = session.case.info.id if session.case is not None else ""
        ctx.meeting = session.meeting_id or ""

    on_event(Event("case"))
    session.subscribe(on_event)
    return ctx
