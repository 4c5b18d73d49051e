"""Who sits where on the network map, read from the store's change log: seats by order of arrival, so that the
working screen, the family screen and the printed map put everyone in the same place (``figures.map_seats``
does the reading; this is where the screens and the documents get it from)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..domain.case import Case
from ..domain.errors import FacilitationError
from ..figures.map_seats import SeatBook


class Seats:
    """The seats of the case a screen shows, kept up to date: the first call for a case reads its whole change
    log, every later call only what was stored since. ``store`` gives the store (the session's)."""

    def __init__(self, store: Callable[[], Any]) -> None:
        self._store = store
        self._book = SeatBook()
        self._case: str | None = None

    def __call__(self, case: Case) -> dict[str, int]:
        store = self._store()
        if self._case != case.id:
            self._book.start(case, store.changes_since(case.id, 0))
            self._case = case.id
        else:
            self._book.replay(store.changes_since(case.id, self._book.seq))
        return self._book.seats(case)


def seats_of(store: Any, case: Case) -> dict[str, int] | None:
    """The map's seats as the screens have them, read once (for a document); None when the log cannot be read
    (the map is then laid out by id, as the screens do then)."""
    try:
        return Seats(lambda: store)(case)
    except FacilitationError:
        return None
