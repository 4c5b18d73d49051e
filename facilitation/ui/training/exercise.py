"""The exercise tab: start an exercise (asking first when one runs), the groups, reset, remove."""

from __future__ import annotations

import logging

import ipywidgets as W

from ..base import button, css, esc
from ..session import Event
from .parts import TrPart

log = logging.getLogger(__name__)


# ---- the exercise: start, groups, reset ---------------------------------------------------------


class ExerciseView(TrPart):
    key = "tr-exercise"
    kinds = frozenset({"case"})

    def build(self) -> None:
        self.intro = css(W.HTML(), "fac-tr-hint")
        self.source = css(W.Dropdown(options=[], layout=W.Layout(width="auto", min_width="24em")), "fac-tr-source")
        self.groups = css(W.Textarea(rows=3, value=""), "fac-tr-groups")
        self.start_btn = button("", "fac-tr-start", style="primary")
        self.start_btn.on_click(lambda _b: self.start())
        self.labels = [W.Label(), W.Label()]
        self.start_form = css(
            W.VBox([W.HBox([self.labels[0], self.source]), W.HBox([self.labels[1], self.groups]), self.start_btn]),
            "fac-tr-form",
        )
        self.start_title = css(W.HTML(), "fac-tr-h")
        self.current_title = css(W.HTML(), "fac-tr-h")
        self.rows = css(W.VBox(), "fac-tr-groups-list")
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
        self._armed: str | None = None

    @property
    def title(self) -> str:
        return self.t("training.tab.exercise")

    def relabel(self) -> None:
        t = self.t
        self.intro.value = esc(t("training.exercise.intro"))
        self.labels[0].value = t("training.exercise.source")
        self.labels[1].value = t("training.exercise.groups")
        self.groups.placeholder = t("training.exercise.groups_ph")
        if not self.groups.value:
            self.groups.value = "\n".join(t("training.exercise.group_n", n=n) for n in (1, 2, 3))
        self.start_btn.description = t("training.exercise.start")
        self.start_title.value = esc(t("training.exercise.new"))
        self._disarm()

    def _disarm(self) -> None:
        self._armed = None
        self.start_btn.description = self.t("training.exercise.start")
        self.start_btn.remove_class("fac-tr-danger")
        self.reset_all_btn.description = self.t("training.exercise.reset_all")
        self.remove_btn.description = self.t("training.exercise.remove")
        for b in (self.reset_all_btn, self.remove_btn):
            b.remove_class("fac-tr-danger")
        for row in self.rows.children:
            for b in getattr(row, "children", ()):
                if "fac-tr-reset-group" in b._dom_classes:
                    b.description = self.t("training.exercise.reset_group")
                    b.remove_class("fac-tr-danger")

    def _arm(self, key: str, btn: W.Button) -> bool:
        """First click asks, second click does it (a reset cannot be undone)."""
        if self._armed == key:
            self._disarm()
            return True
        self._disarm()
        self._armed = key
        btn.description = self.t("training.confirm")
        btn.add_class("fac-tr-danger")
        return False

    def refresh(self, event: Event) -> None:
        root = self.root
        t = self.t
        self._armed = None
        sources = root.sources()
        current = self.source.value
        self.source.options = [(s.title, s.key) for s in sources] or [(t("training.exercise.no_source"), "")]
        keys = [s.key for s in sources]
        self.source.value = (
            current if current in keys else (root.exercise if root.exercise in keys else (keys[0] if keys else ""))
        )
        self.start_btn.disabled = not sources
        copies = root.copies()
        ex = root.exercise
        has = bool(ex and copies)
        self.current_title.layout.display = "" if has else "none"
        self.actions.layout.display = "" if has else "none"
        if not has:
            self.rows.children = [css(W.HTML(esc(t("training.exercise.none"))), "fac-tr-hint")]
            return
        self.current_title.value = esc(t("training.exercise.current", title=root.source_title(ex or "")))
        active = self.session.case.id if self.session.case is not None else None
        rows = []
        for c in copies:
            state = t("training.exercise.working") if c.case_id == active else ""
            label = css(
                W.HTML(f"<b>{esc(c.group)}</b> <span class='fac-tr-hint'>{esc(state)}</span>"), "fac-tr-group-name"
            )
            open_btn = button(
                t("training.exercise.open"), "fac-tr-open-group", style="primary" if c.case_id != active else ""
            )
            open_btn.disabled = c.case_id == active
            open_btn.on_click(lambda _b, cid=c.case_id: root.open_copy(cid))
            reset_btn = button(t("training.exercise.reset_group"), "fac-tr-reset-group")
            reset_btn.on_click(lambda _b, cid=c.case_id, btn=reset_btn: self.reset_one(cid, btn))
            row = css(W.HBox([label, open_btn, reset_btn]), "fac-tr-row")
            if c.case_id == active:
                row.add_class("fac-tr-active")
            rows.append(row)
        self.rows.children = rows

    def start(self) -> bool:
        """Start the exercise; when one already runs on this case, the first click asks (it would add groups)."""
        names = [line.strip() for line in self.groups.value.splitlines() if line.strip()]
        running = self.root.copies(self.source.value) if self.source.value else []
        if running and names and not self._arm("start", self.start_btn):
            self.start_btn.description = self.t("training.exercise.add_groups")
            self.root.say(
                self.t(
                    "training.exercise.running",
                    groups=self.root.groups_text(len(running)),
                    new=self.root.groups_text(len(names)),
                ),
                "info",
            )
            return False
        return self.root.start_exercise(self.source.value, names)

    def reset_one(self, case_id: str, btn: W.Button) -> bool:
        if not self._arm(f"reset:{case_id}", btn):
            return False
        return self.root.reset([case_id])

    def reset_all(self) -> bool:
        if not self._arm("reset-all", self.reset_all_btn):
            return False
        return self.root.reset([c.case_id for c in self.root.copies()])

    def remove_exercise(self) -> bool:
        if not self._arm("remove", self.remove_btn):
            return False
        return self.root.remove_exercise()
