"""Who sits in which seat of the map: handed out in order of arrival, replayed from the change log.

Adding a person or moving one to another ring or sector therefore never moves anyone else, and undoing a
move or a removal puts the person back on their former seat. Pure: reads the log through a protocol.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from ..domain.case import Case
from ..domain.model import CLOSENESS
from .map_layout import WEDGES, assign_seats, cell_of, lowest_free


class LoggedPersonChange(Protocol):
    """What ``SeatBook`` reads of a stored change (``store.LoggedChange`` fits)."""

    seq: int
    kind: str
    id: str
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None


def _cell_of_data(d: Mapping[str, Any] | None) -> tuple[str, int] | None:
    if d is None or d.get("is_child"):
        return None
    sector, ring = d.get("sector", "family"), d.get("closeness", 2)
    if sector not in WEDGES or ring not in CLOSENESS:
        return None
    return (str(sector), int(ring))


class SeatBook:
    """Replays the change log of people: each arrival in a cell takes a free seat (its old one if free).

    Adding a person or moving one to another ring or sector therefore never moves anyone else, and
    undoing a move or a removal puts the person back on their former seat. People that were in the case
    before its log starts (an imported case) are seated by id. ``seats(case)`` always gives a valid
    seating for the case as it is, even if the book has not seen every change.
    """

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.seq = 0
        self._at: dict[str, tuple[tuple[str, int], int]] = {}
        self._taken: dict[tuple[str, int], set[int]] = {}
        self._former: dict[tuple[str, tuple[str, int]], int] = {}
        self._seen: set[str] = set()

    def start(self, case: Case, changes: Iterable[LoggedPersonChange]) -> None:
        """Read a case's whole log: seat the people it started with, then replay."""
        self._reset()
        rows = [c for c in changes if c.kind == "person"]
        first: dict[str, LoggedPersonChange] = {}
        for c in rows:
            first.setdefault(c.id, c)
        initial: dict[str, tuple[str, int] | None] = {}
        for pid, c in first.items():
            if c.before is not None:
                initial[pid] = _cell_of_data(c.before)
        for pid, p in case.people.items():
            if pid not in first:
                initial[pid] = cell_of(p)
        for pid in sorted(initial):
            cell = initial[pid]
            self._seen.add(pid)
            if cell is not None:
                self._arrive(pid, cell)
        self.replay(rows)

    def replay(self, changes: Iterable[LoggedPersonChange]) -> None:
        """Follow more changes (in log order); changes already seen are skipped."""
        for c in changes:
            if c.seq <= self.seq:
                continue
            self.seq = max(self.seq, c.seq)
            if c.kind != "person":
                continue
            pid = c.id
            if pid not in self._seen and c.before is not None:
                cell0 = _cell_of_data(c.before)
                if cell0 is not None:
                    self._arrive(pid, cell0)
            self._seen.add(pid)
            new = _cell_of_data(c.after)
            old = self._at.get(pid)
            if old is not None and (new is None or old[0] != new):
                self._leave(pid)
            if new is not None and (old is None or old[0] != new):
                self._arrive(pid, new)

    def _arrive(self, pid: str, cell: tuple[str, int]) -> None:
        taken = self._taken.setdefault(cell, set())
        seat = self._former.get((pid, cell))
        if seat is None or seat in taken:
            seat = lowest_free(taken)
        taken.add(seat)
        self._at[pid] = (cell, seat)

    def _leave(self, pid: str) -> None:
        cell, seat = self._at.pop(pid)
        self._taken[cell].discard(seat)
        self._former[(pid, cell)] = seat

    def seats(self, case: Case) -> dict[str, int]:
        """Seats for the case as it is. Someone in another cell than the book has seen (an edit shown before
        it is in the log) takes their former seat there if it is free, as the log will give it them."""
        wished = dict(self._at)
        for pid, p in case.people.items():
            cell = cell_of(p)
            at = self._at.get(pid)
            seat = self._former.get((pid, cell)) if cell is not None and (at is None or at[0] != cell) else None
            if cell is not None and seat is not None and seat not in self._taken.get(cell, set()):
                wished[pid] = (cell, seat)
        return assign_seats(case, wished)
