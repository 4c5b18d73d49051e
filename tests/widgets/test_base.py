"""The house style's part base: texts bound to translation keys, no echoes, redraw only on change."""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as W

from facilitation.domain import ops
from facilitation.ui.base import PartView, Rows


@dataclass(frozen=True)
class CountState:
    people: int
    lang: str


class CountPart(PartView[CountState]):
    key = "count"
    kinds = frozenset({"person"})

    def build(self) -> None:
        self.button = self.text(W.Button(), "shell.undo")
        self.title_html = self.text(W.HTML(), "shell.saved", "value", html=True, time="<b>")
        self.name = W.Text()
        self.typed: list[str] = []
        self.on(self.name, self.typed.append)
        self.shows = 0
        self.widget.children = [self.button, self.title_html, self.name]

    def state(self) -> CountState:
        return CountState(len(self.case.people), self.session.lang)

    def show(self, state: CountState, previous: CountState | None) -> None:
        self.shows += 1
        self.set_quietly(self.name, value=f"{state.people}")


def test_texts_follow_the_language_without_relabel(session):
    part = CountPart(session)
    assert part.button.description == "Ongedaan maken"
    assert part.title_html.value == "Bewaard &lt;b&gt;"  # parameters of an HTML text are escaped too
    session.set_language("en")
    assert part.button.description == "Undo"
    assert part.title_html.value == "Saved &lt;b&gt;"


def test_the_view_setting_values_does_not_echo_but_the_user_does(session):
    part = CountPart(session)
    assert part.typed == []  # the view set "3" itself
    part.name.value = "typed by the user"
    assert part.typed == ["typed by the user"]


def test_show_runs_only_when_the_state_changed(session):
    part = CountPart(session)
    first = part.shows
    assert session.do(lambda case: ops.update(case, "meeting", session.meeting_id, title="x"))  # not its kinds
    session.set_meeting(session.meeting_id)
    assert part.shows == first
    assert session.do(lambda case: ops.add_person(case, "Karim")[0])
    assert part.shows == first + 1
    assert part.name.value == "4"


def test_rows_are_made_once_and_redrawn_only_when_their_state_changed():
    made, redrawn = [], []

    def make(state: str) -> W.Widget:
        made.append(state)
        return W.Label(state)

    def redraw(w: W.Widget, state: str) -> None:
        redrawn.append(state)
        w.value = state

    rows: Rows[str, str] = Rows(make, redraw)
    first = rows.widgets([("a", "A"), ("b", "B")])
    again = rows.widgets([("b", "B"), ("a", "A2")])
    assert made == ["A", "B"] and redrawn == ["A2"]
    assert again == [first[1], first[0]]
    rows.widgets([("a", "A2")])
    assert rows.take_gone() == [first[1]] and rows.take_gone() == []


def test_what_the_family_screen_points_at_is_stored_but_not_undone(session):
    before = list(session._undo)
    assert session.do(lambda case: ops.update(case, "meeting", session.meeting_id, pointer="p-x"), undoable=False)
    assert session._undo == before
    assert session.store.load(session.case.id).meetings[session.meeting_id].pointer == "p-x"
