"""The exercise tab: start an exercise (asking first when one runs), the groups, reset, remove."""

from __future__ import annotations

import ipywidgets as W

from ..base import Rows, button, css, esc
from .parts import TrPart
from .present import group_label_html
from .state import ExerciseState, GroupRow

# ---- the exercise: start, groups, reset ---------------------------------------------------------


class ExerciseView(TrPart[ExerciseState]):
    key = "tr-exercise"
    kinds = frozenset({"case"})

    def build(self) -> None:
        self._armed: str | None = None
        self.intro = self.text(css(W.HTML(), "fac-tr-hint"), "training.exercise.intro", "value", html=True)
        self.source = css(W.Dropdown(options=[], layout=W.Layout(width="auto", min_width="24em")), "fac-tr-source")
        self.groups = css(W.Textarea(rows=3, value=""), "fac-tr-groups")
        self.text(self.groups, "training.exercise.groups_ph", "placeholder")
        self.start_btn = button("", "fac-tr-start", style="primary")
        self.start_btn.on_click(lambda _b: self.start())
        labels = [
            self.text(W.Label(), key, "value") for key in ("training.exercise.source", "training.exercise.groups")
        ]
        self.start_form = css(
            W.VBox([W.HBox([labels[0], self.source]), W.HBox([labels[1], self.groups]), self.start_btn]),
            "fac-tr-form",
        )
        self.start_title = self.text(css(W.HTML(), "fac-tr-h"), "training.exercise.new", "value", html=True)
        self.current_title = css(W.HTML(), "fac-tr-h")
        self.none = self.text(css(W.HTML(), "fac-tr-hint"), "training.exercise.none", "value", html=True)
        self.rows = css(W.VBox(), "fac-tr-groups-list")
        self._rows: Rows[str, GroupRow] = Rows(self._make_row, self._redraw_row)
        self.reset_all_btn = button("", "fac-tr-reset-all")
        self.remove_btn = button("", "fac-tr-remove-exercise")
        self.reset_all_btn.on_click(lambda _b: self.reset_all())
        self.remove_btn.on_click(lambda _b: self.remove_exercise())
        self.actions = css(W.HBox([self.reset_all_btn, self.remove_btn]), "fac-tr-actions")
        self.widget.children = [
            self.intro,
            self.current_title,
            self.rows,
            self.actions,
            self.start_title,
            self.start_form,
        ]

    @property
    def title(self) -> str:
        return self.t("training.tab.exercise")

    # ---- rendering -----------------------------------------------------------------------------------

    def state(self) -> ExerciseState:
        root = self.root
        copies = root.copies()
        ex = root.exercise or ""
        active = self.session.case.id if self.session.case is not None else None
        ids = {c.case_id for c in copies}
        if self._armed and self._armed.startswith("reset:") and self._armed[len("reset:") :] not in ids:
            self._armed = None  # the group it asked about is gone: nothing left to confirm
        groups = tuple(
            GroupRow(c.case_id, c.group, c.case_id == active, self._armed == f"reset:{c.case_id}", self.session.lang)
            for c in copies
        )
        title = root.source_title(ex) if ex and copies else ""
        return ExerciseState(self.session.lang, tuple(root.sources()), ex, title, groups, self._armed)

    def show(self, state: ExerciseState, previous: ExerciseState | None) -> None:
        t = self.t
        if (previous is None or previous.lang != state.lang) and not self.groups.value:
            # The default names in the screen's language; names the trainer typed are kept.
            defaults = "\n".join(t("training.exercise.group_n", n=n) for n in (1, 2, 3))
            self.set_quietly(self.groups, value=defaults)
        self._show_sources(state)
        armed = state.armed
        self.start_btn.description = t(
            "training.exercise.add_groups" if armed == "start" else "training.exercise.start"
        )
        self._danger(self.start_btn, armed == "start")
        self.reset_all_btn.description = t(
            "training.confirm" if armed == "reset-all" else "training.exercise.reset_all"
        )
        self._danger(self.reset_all_btn, armed == "reset-all")
        self.remove_btn.description = t("training.confirm" if armed == "remove" else "training.exercise.remove")
        self._danger(self.remove_btn, armed == "remove")
        self.current_title.layout.display = "" if state.running else "none"
        self.actions.layout.display = "" if state.running else "none"
        self.current_title.value = esc(t("training.exercise.current", title=state.title)) if state.running else ""
        rows = self._rows.widgets((g.case_id, g) for g in state.groups)
        self.rows.children = rows or [self.none]
        for w in self._rows.take_gone():
            w.close()

    def _show_sources(self, state: ExerciseState) -> None:
        keys = [s.key for s in state.sources]
        options = [(s.title, s.key) for s in state.sources] or [(self.t("training.exercise.no_source"), "")]
        current = self.source.value
        ex = state.exercise
        value = current if current in keys else (ex if ex in keys else (keys[0] if keys else ""))
        self.pick(self.source, options, value)
        self.start_btn.disabled = not state.sources

    def _make_row(self, row: GroupRow) -> W.Widget:
        label = css(W.HTML(), "fac-tr-group-name")
        open_btn = button("", "fac-tr-open-group")
        open_btn.on_click(lambda _b, cid=row.case_id: self.root.open_copy(cid))
        reset_btn = button("", "fac-tr-reset-group")
        reset_btn.on_click(lambda _b, cid=row.case_id: self.reset_one(cid))
        box = css(W.HBox([label, open_btn, reset_btn]), "fac-tr-row")
        self._redraw_row(box, row)
        return box

    def _redraw_row(self, box: W.Widget, row: GroupRow) -> None:
        t = self.t
        label, open_btn, reset_btn = box.children
        label.value = group_label_html(row, t)
        with open_btn.hold_sync():
            open_btn.description = open_btn.tooltip = t("training.exercise.open")
            open_btn.button_style = "" if row.active else "primary"
            open_btn.disabled = row.active
        reset_btn.description = reset_btn.tooltip = t(
            "training.confirm" if row.armed else "training.exercise.reset_group"
        )
        self._danger(reset_btn, row.armed)
        (box.add_class if row.active else box.remove_class)("fac-tr-active")

    @staticmethod
    def _danger(btn: W.Button, on: bool) -> None:
        (btn.add_class if on else btn.remove_class)("fac-tr-danger")

    # ---- what the trainer does -----------------------------------------------------------------------

    def _arm(self, key: str) -> bool:
        """First click asks, second click does it (a reset cannot be undone)."""
        if self._armed == key:
            self._armed = None
            self.update()
            return True
        self._armed = key
        self.update()
        return False

    def start(self) -> bool:
        """Start the exercise; when one already runs on this case, the first click asks (it would add groups)."""
        names = [line.strip() for line in self.groups.value.splitlines() if line.strip()]
        running = self.root.copies(self.source.value) if self.source.value else []
        if running and names and not self._arm("start"):
            self.root.say(
                self.t(
                    "training.exercise.running",
                    groups=self.root.groups_text(len(running)),
                    new=self.root.groups_text(len(names)),
                ),
                "info",
            )
            return False
        if self._armed:
            self._armed = None
            self.update()
        return self.root.start_exercise(self.source.value, names)

    def reset_one(self, case_id: str) -> bool:
        if not self._arm(f"reset:{case_id}"):
            return False
        return self.root.reset([case_id])

    def reset_all(self) -> bool:
        if not self._arm("reset-all"):
            return False
        return self.root.reset([c.case_id for c in self.root.copies()])

    def remove_exercise(self) -> bool:
        if not self._arm("remove"):
            return False
        return self.root.remove_exercise()
