"""The training room on the room's network (``serve --dashboard training --lan``): the trainer's join board
(address, a code and a QR code per group, for the projector), and what a group's own laptop shows first (the
information revealed so far)."""

from __future__ import annotations

import ipywidgets as W

from ...domain import training as tr
from ...services import room as rooms
from ..base import css
from ..session import Event
from .parts import TrPart
from .present import info_html, join_html


class JoinView(TrPart):
    """The trainer's tab "Meedoen": how the groups' laptops join, one card per group."""

    key = "tr-join"
    kinds = frozenset({"case"})

    def build(self) -> None:
        self.board = css(W.HTML(), "fac-tr-join-board")
        self.widget.children = [self.board]

    @property
    def title(self) -> str:
        return self.t("training.tab.join")

    def relabel(self) -> None:
        return None

    def refresh(self, event: Event) -> None:
        secret, base = rooms.room_secret(), rooms.join_url()
        room = rooms.Room(secret, lambda: self.session.store)
        groups = []
        for c in self.root.copies():
            code = room.code(c.case_id)
            groups.append((c.group, code, rooms.group_url(base, code)))
        self.board.value = join_html(base, groups, self.t)


class GroupInfoView(TrPart):
    """A group's laptop: its group, and the case information the trainer revealed (read only)."""

    key = "tr-info"
    kinds = frozenset({"reveal", "case"})

    def build(self) -> None:
        self.board = css(W.HTML(), "fac-tr-info-board")
        self.widget.children = [self.board]

    @property
    def title(self) -> str:
        return self.t("training.tab.reveal")

    def relabel(self) -> None:
        return None

    def refresh(self, event: Event) -> None:
        case = self.session.case
        if case is None:
            self.board.value = ""
            return
        steps = tr.steps_in_order(case)
        shown = [(n, s.title, s.text) for n, s in enumerate(steps, 1) if s.revealed]
        self.board.value = info_html(case.info.group_name, shown, len(steps), self.t)
