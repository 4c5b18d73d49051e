"""Recording scores on the shown scale at the current meeting: a click, a typed number, a key; clearing a score;
the "why not lower?" and "one point higher?" answers, and putting an answer in the three columns."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...domain import ops
from ...domain.errors import ValidationError
from ...domain.model import Score
from .rows import ANSWER_COLUMN, ANSWER_ELEMENT

if TYPE_CHECKING:
    from .rows import ScoreRow


class Recording:
    """What the scaling part does with a score (mixed into ``ScalingView``, which holds the rows)."""

    session: Any
    _scale_id: str | None
    _selected: str | None
    _rows: dict[str, ScoreRow]
    _row_order: list[str]

    if TYPE_CHECKING:  # given by ScalingView and PartView

        def t(self, key: str, **params: Any) -> str: ...

        def update(self, force: bool = False) -> None: ...

        def _labels(self, ids: list[str]) -> dict[str, str]: ...

    def _where(self) -> tuple[str, str] | None:
        if self.session.case is None or self._scale_id is None or self.session.meeting_id is None:
            return None
        return self._scale_id, self.session.meeting_id

    def _who(self, pid: str) -> str:
        row = self._rows.get(pid)
        if row is not None and row.label:
            return row.label
        return self._labels([pid]).get(pid, "?")

    def record(self, pid: str, value: Any) -> bool:
        """Record (or change) a person's score on the shown scale at the current meeting; choose the next."""
        s = self.session
        where = self._where()
        if where is None:
            return False
        scale_id, meeting_id = where
        try:
            n = ops.parse_score(value)
        except ValidationError as e:
            s.fail(e)
            self._reset_row(pid)
            return False
        old = s.case.scores.get(Score.key(scale_id, meeting_id, pid))
        if old is not None and old.value == n:
            self._reset_row(pid)
            self._choose_after(pid)
            return True
        chosen = self._selected
        self._choose_after(pid, show=False)
        if not s.do(lambda case: ops.set_score(case, scale_id, meeting_id, pid, n)):
            self._selected = chosen
            self._reset_row(pid)
            return False
        who = self._who(pid)
        if old is None:
            s.set_status(self.t("scaling.scored", who=who, value=n), "ok")
        else:
            s.set_status(self.t("scaling.rescored", who=who, old=old.value, value=n), "ok")
        return True

    def _choose_after(self, pid: str, show: bool = True) -> None:
        """Going round the table: after a score, the next person present is chosen (none after the last)."""
        order = self._row_order
        if pid in order:
            i = order.index(pid) + 1
            self._selected = order[i] if i < len(order) else None
        if show:
            self.update()

    def record_typed(self, pid: str, text: Any) -> bool:
        """A typed score: the same as a click when it is a whole number 0-10; otherwise a message."""
        if self._where() is None:
            return False
        if not isinstance(text, str):
            self.session.fail(ValidationError("score.value", "not_int"))
            self._reset_row(pid)
            return False
        return self.record(pid, text)

    def _reset_row(self, pid: str) -> None:
        row = self._rows.get(pid)
        if row is not None:
            row.reset()

    def clear(self, pid: str) -> bool:
        """Take back a person's score at this meeting (undo brings it back)."""
        s = self.session
        where = self._where()
        if where is None:
            return False
        key = Score.key(*where, pid)
        if key not in s.case.scores:
            return True
        if s.do(lambda case: ops.delete(case, "score", key, "scaling.edit_clear")):
            s.set_status(self.t("scaling.cleared", who=self._who(pid)), "ok")
            return True
        return False

    def save_answer(self, pid: str, field: str, text: str) -> bool:
        """Store a 'why not lower' / 'one point higher' answer with the person's score."""
        s = self.session
        where = self._where()
        if where is None:
            return False
        score = s.case.scores.get(Score.key(*where, pid))
        if score is None:
            s.set_status(self.t("scaling.answers_need_score"), "error")
            return False
        if ops.clean(text) == getattr(score, field):
            return True
        answers = {field: text}
        if not s.do(lambda case: ops.set_score(case, where[0], where[1], pid, score.value, **answers)):
            self._reset_row(pid)
            return False
        s.set_status(self.t("scaling.answer_saved", who=self._who(pid)), "ok")
        return True

    def answer_to_item(self, pid: str, field: str) -> bool:
        """Put an answer in the three columns: why-not-lower -> strength, one-point-higher -> next step."""
        s = self.session
        where = self._where()
        if where is None:
            return False
        scale_id, meeting_id = where
        score = s.case.scores.get(Score.key(scale_id, meeting_id, pid))
        if score is None:
            s.set_status(self.t("scaling.answers_need_score"), "error")
            return False
        row = self._rows.get(pid)
        text = row.answer_value(field) if row is not None else getattr(score, field)
        if not text.strip():
            s.set_status(self.t("scaling.answer_empty"), "error")
            return False
        element = ANSWER_ELEMENT[field]

        def edit(case: Any) -> Any:
            cur = case.scores[score.id]
            save = ops.set_score(case, scale_id, meeting_id, pid, cur.value, **{field: text})
            add, _ = ops.add_item(case, text, element=element, author=pid, meeting=meeting_id)
            return ops.combine("edit.add_item", [save, add], element=element)

        if not s.do(edit):
            return False
        column = self.t(f"column.{ANSWER_COLUMN[field]}")
        s.set_status(self.t("scaling.answer_added", column=column, who=self._who(pid)), "ok")
        return True
