"""The training room on the room's network (``serve --dashboard training --lan``): the trainer's join board
(address, a code and a QR code per group, for the projector), and what a group's own laptop shows first (the
information revealed so far)."""

from __future__ import annotations

import ipywidgets as W

from ...services import room as rooms
from ..base import css
from .parts import TrPart
from .present import info_html, join_html
from .state import InfoState, JoinState, info_state


class JoinView(TrPart[JoinState]):
    """The trainer's tab "Meedoen": how the groups' laptops join, one card per group."""

    key = "tr-join"
    kinds = frozenset({"case"})

    def build(self) -> None:
        self.board = css(W.HTML(), "fac-tr-join-board")
        self.widget.children = [self.board]

    @property
    def title(self) -> str:
        return self.t("training.tab.join")

    def state(self) -> JoinState:
        secret, base = rooms.room_secret(), rooms.join_url()
        room = rooms.Room(secret, lambda: self.session.store)
        groups = []
        for c in self.root.copies():
            code = room.code(c.case_id)
            groups.append((c.group, code, rooms.group_url(base, code)))
        return JoinState(self.session.lang, base, tuple(groups))

    def show(self, state: JoinState, previous: JoinState | None) -> None:
        self.board.value = join_html(state, self.t)


class GroupInfoView(TrPart[InfoState]):
    """A group's laptop: its group, and the case information the trainer revealed (read only)."""

    key = "tr-info"
    kinds = frozenset({"reveal", "case"})

    def build(self) -> None:
        self.board = css(W.HTML(), "fac-tr-info-board")
        self.widget.children = [self.board]

    @property
    def title(self) -> str:
        return self.t("training.tab.reveal")

    def state(self) -> InfoState:
        return info_state(self.session.case, self.session.lang)

    def show(self, state: InfoState, previous: InfoState | None) -> None:
        self.board.value = info_html(state, self.t)
