"""The training dashboard: start an exercise on a fictional case, hand out role cards, reveal case
information step by step, let groups work on their own copies, compare the groups, reset in one action.

The session's case is the copy of the group being worked on; the network, columns, scaling and plan parts
of the meeting dashboard work on it as on any case. What the trainer does for the whole room (revealing a
step, preparing cards, resetting) is applied to every group's copy of the exercise; the sample itself is only
ever read.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import ipywidgets as W

from ...domain import training as tr
from ...domain.case import Case, Edit
from ...domain.errors import FacilitationError
from ...i18n import LANGUAGES, error_text, translate
from ...services import room as rooms
from ...services import training as training_service
from ...services.training import Copy
from ..base import Texts, button, css, esc, status_html
from ..session import Event, Session
from ..shell import available_parts
from ..style import stylesheet
from .cards import CardsView
from .compare import CompareView
from .exercise import ExerciseView
from .parts import TrPart
from .reveal import RevealView
from .room import GroupInfoView, JoinView
from .state import Source

log = logging.getLogger(__name__)

GROUP_PARTS = ("network", "columns", "scaling", "plan")
"""The meeting dashboard's parts the groups work with, on their own copy."""


# ---- the dashboard ------------------------------------------------------------------------------


class Training:
    """Root of the training dashboard (CSS classes ``fac-training``, ``fac-ready``)."""

    def __init__(self, session: Session, group: str | None = None) -> None:
        """``group``: a group's own laptop in the training room (``serve --lan``): the copy it joined with its
        code; the screen stays there (no exercise or group to choose, no trainer actions)."""
        self.session = session
        self.group = group
        self.exercise: str | None = None
        self.parts: list[Any] = []
        self._copies_cache: tuple[Any, list[Any]] | None = None
        self._exercises: tuple[Any, list[tuple[str, list[Copy]]]] | None = None
        self._titles: dict[str, str] = {}
        self._samples: dict[str, tuple[int, Any]] = {}
        self._quiet = False
        self.texts = Texts(session.t)
        self._build()
        session.subscribe(self._on_event)
        if session.case is not None and tr.is_copy(session.case.info):
            self.exercise = session.case.info.source
        elif self.copies_of_any():
            first = self.copies_of_any()[0]
            self.exercise = first[0]
        self.parts = self._first_parts()
        for key, factory in available_parts(GROUP_PARTS):
            try:
                self.parts.append(factory(session))
            except Exception:  # a part that cannot be built must not take the exercise down with it
                log.exception("group part %s could not be built", key)
        self.parts.append(CompareView(session, self))
        self._hints: list[W.HTML] = []
        self.tabs.children = [p.widget if isinstance(p, TrPart) else self._group_tab(p) for p in self.parts]
        self._retitle_tabs()
        self._refresh()
        self.widget.add_class("fac-ready")

    def _first_parts(self) -> list[Any]:
        """The trainer's tabs before the groups' work (with the join board when served to the room's network);
        a group's laptop gets only the information revealed to it."""
        s = self.session
        if self.group:
            return [GroupInfoView(s, self)]
        first: list[Any] = [ExerciseView(s, self)]
        if rooms.room_secret():
            first.append(JoinView(s, self))
        return [*first, CardsView(s, self), RevealView(s, self)]

    # ---- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        s = self.session
        txt = self.texts.bind
        self.title = txt(css(W.HTML(), "fac-app-title"), "training.title", "value", html=True)
        self.exercise_pick = css(
            W.Dropdown(options=[], layout=W.Layout(width="auto", min_width="16em")), "fac-tr-exercise-pick"
        )
        self.group_pick = css(
            W.Dropdown(options=[], layout=W.Layout(width="auto", min_width="9em")), "fac-tr-group-pick"
        )
        self.group_label = txt(W.Label(), "training.group", "value")  # a group's laptop names its group instead
        self.undo_btn = txt(txt(button("", "fac-undo"), "shell.undo"), "training.undo_tip", "tooltip")
        from ...i18n import LANGUAGE_NAMES

        self.lang_pick = css(
            W.ToggleButtons(
                options=[(c.upper(), c) for c in LANGUAGES],
                value=s.lang,
                tooltips=[LANGUAGE_NAMES[c] for c in LANGUAGES],
            ),
            "fac-lang",
        )
        self.status = css(W.HTML(), "fac-status")
        bar = css(
            W.HBox([self.title, self.exercise_pick, self.group_label, self.group_pick, self.undo_btn, self.lang_pick]),
            "fac-tr-bar",
        )
        self.tabs = css(W.Tab(), "fac-tabs")
        self.widget = css(W.VBox([W.HTML(stylesheet()), bar, self.status, self.tabs]), "fac-training", "fac-root")
        self.exercise_pick.observe(self._on_exercise_pick, "value")
        self.group_pick.observe(self._on_group_pick, "value")
        self.lang_pick.observe(lambda ch: s.set_language(ch["new"]), "value")
        self.undo_btn.on_click(lambda _b: s.undo())

    def _retitle_tabs(self) -> None:
        self.tabs.titles = tuple(p.title for p in self.parts)

    # ---- the store's exercises -----------------------------------------------------------------

    def _fictional_infos(self) -> list[Any]:
        """CaseInfo of every fictional case in the store (cached until the store changes)."""
        # Keyed on which cases exist: a group's work does not change what the exercises are. (Edits of a
        # case's own details drop the cache in ``_on_event``.)
        key = training_service.fictional_ids(self.session.store)
        if self._copies_cache is not None and self._copies_cache[0] == key:
            return self._copies_cache[1]
        infos = training_service.infos_of(self.session.store, key)
        self._copies_cache = (key, infos)
        return infos

    def copies_of_any(self) -> list[tuple[str, list[Copy]]]:
        """Exercises in the store: (source, copies in the order they were made), most recently worked on first."""
        key = tuple(i.id for i in self._fictional_infos())
        if self._exercises is None or self._exercises[0] != key:
            self._exercises = (key, training_service.exercises(self.session.store))
        return self._exercises[1]

    def groups_text(self, n: int) -> str:
        """``1 groep``, ``3 groepen``."""
        return self.session.t("training.n_groups.one" if n == 1 else "training.n_groups.many", n=n)

    def copies(self, source: str | None = None) -> list[Copy]:
        source = source if source is not None else self.exercise
        return dict(self.copies_of_any()).get(source or "", [])

    def sources(self) -> list[Source]:
        """Sample cases, and fictional cases in the store that are not exercise copies."""
        from ... import samples

        out: list[Source] = []
        sample_ids = set()
        for name in samples.sample_names():
            info = self._sample_info(name)
            if info is None or not info.fictional:
                continue
            sample_ids.add(info.id)
            self._titles[name] = info.title
            out.append(Source(name, self.session.t("training.sample_label", title=info.title)))
        for info in self._fictional_infos():
            if tr.is_copy(info) or info.id in sample_ids:
                continue
            self._titles[info.id] = info.title
            out.append(Source(info.id, info.title))
        return out

    def _sample_info(self, name: str) -> Any:
        """A sample's CaseInfo, read once per version of its file (a list refresh must not parse them all)."""
        from ... import samples

        path = samples.sample_dir() / f"{name}{samples.SAMPLE_SUFFIX}"
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return None
        cached = self._samples.get(name)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            info = samples.load_sample(name).info
        except FacilitationError:
            info = None
        self._samples[name] = (stamp, info)
        return info

    def source_title(self, source: str) -> str:
        if source not in self._titles:
            self.sources()
        return self._titles.get(source, source)

    def load_source(self, source: str) -> Case:
        """The sample (or stored fictional case) an exercise starts from; only ever read."""
        return training_service.load_source(self.session.store, source)

    def reference_case(self) -> Case | None:
        """The case whose cards and steps are shown: the open copy, or the exercise's first copy."""
        case = self.session.case
        if case is not None and tr.is_copy(case.info) and case.info.source == self.exercise:
            return case
        copies = self.copies()
        if copies:
            try:
                return self.session.store.load(copies[0].case_id)
            except FacilitationError:
                return None
        return None

    def say_fn(self, lang: str) -> tr.Say:
        return lambda key_, **kw: translate(lang, f"training.gen.{key_}", **kw)

    # ---- trainer actions -----------------------------------------------------------------------

    def say(self, message: str, level: str = "info") -> None:
        self.session.set_status(message, level)

    def _fail(self, e: Exception) -> None:
        if isinstance(e, FacilitationError) and e.code.startswith("training_"):
            params = {k: v for k, v in e.params.items() if k != "field"}
            self.say(self.session.t(f"training.error.{e.code[len('training_') :]}", **params), "error")
        else:
            self.session.fail(e)

    def start_exercise(self, source: str, groups: list[str]) -> bool:
        """Make a copy of the source for every group (added to the exercise if it already runs), all or none."""
        t = self.session.t
        if not source:
            self.say(t("training.error.no_source"), "error")
            return False
        try:
            sample = self.load_source(source)
            ref = self.reference_case() if self.exercise == source else None
            added = training_service.start(
                self.session.store,
                sample,
                source,
                groups,
                date.today().isoformat(),
                self.say_fn(sample.info.language),
                ref,
                self.session.id,
            )
        except FacilitationError as e:
            self._fail(e)
            return False
        self.exercise = source
        self._copies_cache = self._exercises = None
        self.session.open_case(added[0])
        self.say(t("training.started", groups=self.groups_text(len(added)), title=self.source_title(source)), "ok")
        return True

    def open_copy(self, case_id: str) -> None:
        if self.group and case_id != self.group:
            return  # a group's laptop stays with its group (the session refuses any other case too)
        if self.session.case is None or self.session.case.id != case_id:
            self.session.open_case(case_id)
        self.say(
            self.session.t("training.working_on", group=self.session.case.info.group_name if self.session.case else ""),
            "info",
        )

    def apply_all(self, make: Any, done_key: str) -> bool:
        """Apply an edit to every copy of the exercise (the whole room): in every copy or, on a failure, in none."""
        copies = self.copies()
        if not copies:
            self.say(self.session.t("training.no_exercise"), "error")
            return False
        try:
            changed = training_service.apply_all(
                self.session.store, [c.case_id for c in copies], make, f"{self.session.id}-trainer"
            )
        except FacilitationError as e:
            self._after_trainer_edit()
            self.say(self.session.t("training.rolled_back", reason=error_text(self.session.lang, e)), "error")
            return False
        self._after_trainer_edit()
        self.say(self.session.t(done_key, n=changed, groups=self.groups_text(changed)), "ok")
        return True

    def _after_trainer_edit(self) -> None:
        self._copies_cache = self._exercises = None
        if not self.session.sync():
            self._refresh()
            self._update_parts()

    def generate(self, kind: str) -> bool:
        """Cards or steps drawn from the exercise's source, for an exercise that has none."""
        ex = self.exercise
        if not ex:
            return False
        try:
            sample = self.load_source(ex)
        except FacilitationError as e:
            self._fail(e)
            return False
        say = self.say_fn(sample.info.language)
        records = (
            tr.role_cards_from_people(sample, say) if kind == "rolecard" else tr.reveal_steps_from_case(sample, say)
        )

        def make(case: Case) -> Edit:
            from ...domain.ops import combine

            return combine(
                "training.edit.generate", [tr.put_record(case, r, "training.edit.generate") for r in records]
            )

        return self.apply_all(make, "training.generated")

    def reset(self, case_ids: list[str]) -> bool:
        """Return copies to the start of the exercise, all or none; the sample is only read."""
        ex = self.exercise
        if not ex or not case_ids:
            return False
        try:
            sample = self.load_source(ex)
            ids = [c.case_id for c in self.copies() if c.case_id in set(case_ids)]
            training_service.reset(self.session.store, ids, sample, f"{self.session.id}-trainer")
        except FacilitationError as e:
            self._after_trainer_edit()
            self.say(self.session.t("training.rolled_back", reason=error_text(self.session.lang, e)), "error")
            return False
        self._after_trainer_edit()
        self.say(self.session.t("training.reset_done", groups=self.groups_text(len(ids))), "ok")
        return True

    def remove_exercise(self) -> bool:
        copies = self.copies()
        if not copies:
            return False
        active = self.session.case.id if self.session.case is not None else None
        try:
            training_service.remove(self.session.store, [c.case_id for c in copies])  # all or none
        except FacilitationError as e:
            self._copies_cache = self._exercises = None
            self.say(self.session.t("training.rolled_back", reason=error_text(self.session.lang, e)), "error")
            return False
        self._copies_cache = self._exercises = None
        title = self.source_title(self.exercise or "")
        remaining = self.copies_of_any()
        self.exercise = remaining[0][0] if remaining else None
        if active in {c.case_id for c in copies}:
            nxt = remaining[0][1][0].case_id if remaining else None
            if nxt:
                self.session.open_case(nxt)
            else:
                # Nothing left to show: close the case on this screen.
                self.session.case = None
                self.session.meeting_id = None
        self._refresh()
        self._update_parts()
        self.say(self.session.t("training.removed", title=title), "ok")
        return True

    def _update_parts(self) -> None:
        """After the trainer changed the store behind the session's back (or closed the case): the trainer's tabs
        read it again."""
        for p in self.parts:
            if isinstance(p, TrPart):
                p.update()

    # ---- events --------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if event.type == "lang":
            self.texts.apply()
            self._retitle_tabs()
        if event.type in ("sync", "case") or "case" in event.kinds:
            self._copies_cache = self._exercises = None
        if event.type in ("case", "sync") and self.session.case is not None and tr.is_copy(self.session.case.info):
            self.exercise = self.session.case.info.source
        if event.type != "status":
            self._refresh()
        self._refresh_status()

    def _refresh(self) -> None:
        self._show_group_parts()
        if self.group:
            self._refresh_group()
            return
        t = self.session.t
        exercises = self.copies_of_any()
        self._quiet = True
        try:
            ex_options = [
                (t("training.exercise_label", title=self.source_title(src), groups=self.groups_text(len(cs))), src)
                for src, cs in exercises
            ]
            self.exercise_pick.options = ex_options or [(t("training.no_exercise_short"), "")]
            self.exercise_pick.disabled = not ex_options
            self.exercise_pick.value = (
                self.exercise if self.exercise in dict(exercises) else (ex_options[0][1] if ex_options else "")
            )
            copies = self.copies()
            g_options = [(c.group, c.case_id) for c in copies]
            active = self.session.case.id if self.session.case is not None else ""
            if active not in [v for _, v in g_options]:
                # A screen that has not chosen its group asks: it never takes the group another screen chose.
                g_options = [(t("training.choose_group"), ""), *g_options]
                active = ""
            self.group_pick.options = g_options if copies else [("–", "")]
            self.group_pick.disabled = not copies
            self.group_pick.value = active
        finally:
            self._quiet = False
        if self.session.case is not None and not tr.is_copy(self.session.case.info):
            # Never work on a real (or a sample) case here: group parts stay empty until a copy is open.
            pass
        self.tabs.titles = tuple(p.title for p in self.parts)

    def _show_group_parts(self) -> None:
        """The groups' tabs show the open copy, or nothing while none is open: not a removed copy's work (the
        network and plan parts keep what they showed last when the case closes)."""
        shown = "" if self.session.case is not None else "none"
        for p in self.parts:
            if not isinstance(p, TrPart):
                p.widget.layout.display = shown
        t = self.session.t
        first = t("training.choose_group_first") if self.copies_of_any() else t("training.no_exercise")
        for hint in self._hints:
            hint.value = "" if shown == "" else f"<p>{esc(first)}</p>"
            hint.layout.display = "none" if shown == "" else ""

    def _group_tab(self, part: Any) -> W.VBox:
        """A group part's tab: the part, or while no group's copy is open, what to do first."""
        hint = css(W.HTML(), "fac-empty", "fac-tr-group-hint")
        self._hints.append(hint)
        return css(W.VBox([hint, part.widget]), "fac-tr-group-tab")

    def _refresh_group(self) -> None:
        """A group's laptop names its group and offers no other: the pickers are not shown at all."""
        case = self.session.case
        self.exercise_pick.layout.display = self.group_pick.layout.display = "none"
        name = case.info.group_name if case is not None else ""
        word = self.session.t("training.group")
        # "Groep Blauw" as it is; "Blauw" as "Groep: Blauw" (never "Groep: Groep Blauw").
        self.group_label.value = name if name.casefold().startswith(word.casefold()) else f"{word}: {name}"
        self.group_label.add_class("fac-tr-group-badge")
        self.tabs.titles = tuple(p.title for p in self.parts)

    def _refresh_status(self) -> None:
        s = self.session
        self.undo_btn.disabled = not s.can_undo
        message, level = s.status
        self.status.value = status_html(message, level)

    def _on_exercise_pick(self, change: dict[str, Any]) -> None:
        if self._quiet or not change["new"]:
            return
        self.exercise = change["new"]
        copies = self.copies()
        if copies:
            self.open_copy(copies[0].case_id)

    def _on_group_pick(self, change: dict[str, Any]) -> None:
        if self._quiet or not change["new"]:
            return
        self.open_copy(change["new"])
