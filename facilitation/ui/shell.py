"""The dashboard shell: pick or create a case, pick or start a meeting, switch language, undo.

The parts (network, columns, scaling, plan, ...) are tabs below; a tab exists only for a part that
is built. ``fac-ready`` is added to the shell when it is usable (browser tests wait on it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from importlib import import_module
from typing import Any

import ipywidgets as W

from ..domain import ops
from ..domain.errors import FacilitationError, ValidationError
from ..domain.model import MEETING_KINDS
from ..domain.text import day_month_year
from ..i18n import LANGUAGE_NAMES, LANGUAGES
from .base import CaseMeetingPicks, Texts, button, css, esc, status_html
from .datefield import DateField
from .meeting.attendance import Attendance
from .opening import opened_together
from .session import Event, Session
from .shell_family import FamilyScreenControls
from .style import stylesheet
from .welcome import Welcome


def meeting_label(t: Callable[..., str], kind: str, title: str, when: str) -> str:
    """ "Netwerkoverleg · 15/09/2026"; a title that names the kind stands for it ("Eerste netwerkoverleg ·
    15/09/2026"), any other title follows: the meeting is named once."""
    kind_text, title = t(f"meeting_kind.{kind}"), title.strip()
    if title and kind_text.lower() in title.lower():
        return t("shell.meeting_label", kind=title, date=day_month_year(when))
    label = t("shell.meeting_label", kind=kind_text, date=day_month_year(when))
    return f"{label} · {title}" if title else label


PROJECT_THEMSELVES = frozenset({"words_pictures", "three_houses"})
"""Parts the child works in: projected as they are (what the child chose to show), not as the family screen."""

# (part key, module, class) in tab order. A module that fails to import fails loudly: a typo must not hide a tab.
PARTS: tuple[tuple[str, str, str], ...] = (
    ("meeting", "facilitation.ui.meeting", "MeetingFlowView"),
    ("network", "facilitation.ui.network", "NetworkView"),
    ("columns", "facilitation.ui.columns", "ColumnsView"),
    ("scaling", "facilitation.ui.scaling", "ScalingView"),
    ("plan", "facilitation.ui.plan", "PlanView"),
    ("words_pictures", "facilitation.ui.words_pictures", "WordsPicturesView"),
    ("three_houses", "facilitation.ui.three_houses", "ThreeHousesView"),
    ("feedback", "facilitation.ui.feedback", "FeedbackView"),
)


def available_parts(keys: tuple[str, ...] | None = None) -> list[tuple[str, Callable[[Session], Any]]]:
    return [(key, getattr(import_module(module), cls)) for key, module, cls in PARTS if keys is None or key in keys]


def parse_children(text: str) -> list[tuple[str, int | None]]:
    """'Jonas, 17' lines -> [(name, age)]; raises ValidationError naming the line."""
    kids: list[tuple[str, int | None]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, _, age_text = line.partition(",")
        age_text = age_text.strip()
        age: int | None = None
        if age_text:
            if not age_text.isdigit() or int(age_text) > 25:
                raise ValidationError("children", "child_line_bad", line=n)
            age = int(age_text)
        if not name.strip():
            raise ValidationError("children", "child_line_bad", line=n)
        kids.append((name.strip(), age))
    if not kids:
        raise ValidationError("children", "children_needed")
    return kids


class Shell(FamilyScreenControls, CaseMeetingPicks):
    """The root widget of the meeting dashboard."""

    def __init__(self, session: Session, parts: tuple[str, ...] | None = None, root_class: str = "fac-shell") -> None:
        self.session = session
        self.parts: list[Any] = []
        self._part_factories = available_parts(parts)
        self.texts = Texts(session.t)
        self._build(root_class)
        session.subscribe(self._on_event)
        session.subscribe(self._after_edit, last=True)
        self._kind_options()
        self._refresh_cases()
        self._refresh_meetings()
        self._build_parts()
        self._build_family()
        self._refresh_status()
        self.widget.add_class("fac-ready")

    # ---- building --------------------------------------------------------------------------------

    def _build(self, root_class: str) -> None:
        s = self.session
        txt = self.texts.bind
        self.style = W.HTML(stylesheet())
        self.title = txt(css(W.HTML(), "fac-app-title"), "app.title", "value", html=True)
        self.case_pick = css(W.Dropdown(options=[], layout=W.Layout(width="auto", min_width="12em")), "fac-case-pick")
        txt(self.case_pick, "shell.case", "tooltip")
        self.new_case_btn = txt(button("", "fac-new-case"), "shell.new_case")
        self.meeting_pick = css(
            W.Dropdown(options=[], layout=W.Layout(width="auto", min_width="12em")), "fac-meeting-pick"
        )
        txt(self.meeting_pick, "shell.meeting", "tooltip")
        self.new_meeting_btn = txt(button("", "fac-new-meeting"), "shell.new_meeting")
        self.undo_btn = txt(txt(button("", "fac-undo"), "shell.undo"), "shell.undo_tip", "tooltip")
        self.lang_pick = css(
            W.ToggleButtons(options=[(LANGUAGE_NAMES[code], code) for code in LANGUAGES], value=s.lang), "fac-lang"
        )
        self.saved = css(W.HTML(), "fac-saved")
        self.status = css(W.HTML(), "fac-status")

        self._build_forms()

        self.tabs = css(W.Tab(), "fac-tabs")
        # While no case is open: the welcome (open a sample case, start a new case, import a case file).
        self.welcome = Welcome(s, new_case=lambda: self._toggle(self.new_case_form, True))
        self.empty = css(self.welcome.widget, "fac-empty")

        bar = css(
            W.HBox(
                [
                    self.title,
                    self.case_pick,
                    self.new_case_btn,
                    self.meeting_pick,
                    self.new_meeting_btn,
                    self.undo_btn,
                    self.saved,
                    self.lang_pick,
                ]
            ),
            "fac-topbar",
        )
        self.bar = bar
        self.widget = css(
            W.VBox([self.style, bar, self.status, self.new_case_form, self.new_meeting_form, self.empty, self.tabs]),
            root_class,
            "fac-root",
        )

        self.case_pick.observe(self._on_case_pick, "value")
        self.meeting_pick.observe(self._on_meeting_pick, "value")
        self.lang_pick.observe(lambda ch: s.set_language(ch["new"]), "value")
        self.undo_btn.on_click(lambda _b: s.undo())
        self.new_case_btn.on_click(lambda _b: self._toggle(self.new_case_form))
        self.nc_cancel.on_click(lambda _b: self._toggle(self.new_case_form, False))
        self.nc_create.on_click(lambda _b: self.create_case())
        self.new_meeting_btn.on_click(lambda _b: self._open_meeting_form())
        self.nm_cancel.on_click(lambda _b: self._toggle(self.new_meeting_form, False))
        self.nm_start.on_click(lambda _b: self.start_meeting())

    def _build_forms(self) -> None:
        """The new-case and new-meeting forms under the top bar (hidden until their button is pressed)."""
        s = self.session
        txt = self.texts.bind
        self.nc_title = txt(css(W.Text(), "fac-nc-title"), "shell.case_title_ph", "placeholder")
        self.nc_start = DateField(s.t, date.today(), "fac-nc-start")
        self.nc_children = txt(css(W.Textarea(rows=3), "fac-nc-children"), "shell.children_ph", "placeholder")
        self.nc_create = txt(button("", "fac-nc-create", style="primary"), "shell.create")
        self.nc_cancel = txt(button("", "fac-nc-cancel"), "shell.cancel")
        self.nc_labels = [
            txt(W.Label(), k, "value") for k in ("shell.case_title", "shell.start_date", "shell.children")
        ]
        self.new_case_form = css(
            W.VBox(
                [
                    W.HBox([self.nc_labels[0], self.nc_title]),
                    W.HBox([self.nc_labels[1], self.nc_start]),
                    W.HBox([self.nc_labels[2], self.nc_children]),
                    W.HBox([self.nc_create, self.nc_cancel]),
                ]
            ),
            "fac-form",
            "fac-new-case-form",
        )
        self.new_case_form.layout.display = "none"
        self.nm_kind = css(W.Dropdown(options=[]), "fac-nm-kind")
        self.nm_date = DateField(s.t, date.today(), "fac-nm-date")
        self.nm_present = css(Attendance(), "fac-nm-present")  # checkboxes, family first (issues 14.6, 22.6)
        self.nm_start = txt(button("", "fac-nm-start", style="primary"), "shell.start")
        self.nm_cancel = txt(button("", "fac-nm-cancel"), "shell.cancel")
        self.nm_labels = [
            txt(W.Label(), k, "value") for k in ("shell.meeting_kind", "shell.meeting_date", "shell.present")
        ]
        self.new_meeting_form = css(
            W.VBox(
                [
                    W.HBox([self.nm_labels[0], self.nm_kind]),
                    W.HBox([self.nm_labels[1], self.nm_date]),
                    W.HBox([self.nm_labels[2], self.nm_present]),
                    W.HBox([self.nm_start, self.nm_cancel]),
                ]
            ),
            "fac-form",
            "fac-new-meeting-form",
        )
        self.new_meeting_form.layout.display = "none"

    def _build_parts(self) -> None:
        """One tab per part. A part is built when its tab is first shown (the meeting flow at once, for
        its phase bar), so the dashboard is usable as soon as the first tab is, even on a large case."""
        self._keys = [key for key, _ in self._part_factories]
        self._factories = dict(self._part_factories)
        self._slots = {key: css(W.VBox(), "fac-slot", f"fac-slot-{key}") for key in self._keys}
        self.tabs.children = [self._slots[k] for k in self._keys]
        for key in self._keys:
            if key == "meeting" or key == self._keys[0]:
                self.part(key)
        self._retitle_tabs()
        self._show_parts()
        self.tabs.observe(lambda ch: self._on_tab(ch["new"]), "selected_index")

    def part(self, key: str) -> Any:
        """The part with ``key``, built now if it was not yet."""
        for p in self.parts:
            if p.key == key:
                return p
        with opened_together():  # each widget of the part reaches the page in one message
            p = self._factories[key](self.session)
        self.parts.append(p)
        self._slots[key].children = [p.widget]
        bar = getattr(p, "top_bar", None)
        if bar is not None:
            kids = list(self.widget.children)
            at = kids.index(self.status)
            self.widget.children = [*kids[:at], bar, *kids[at:]]
        return p

    def _on_tab(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self._keys):
            self.part(self._keys[index])
        self._projection_class()

    def _projection_class(self) -> None:
        """Projection shows the family screen; the child's own parts project themselves (only what the child
        chose to show), in the working screen's projection style."""
        index = self.tabs.selected_index
        key = self._keys[index] if index is not None and 0 <= index < len(self._keys) else ""
        if self.session.projection:
            self.widget.add_class("fac-projection")
        else:
            self.widget.remove_class("fac-projection")
        if self.session.projection and key in PROJECT_THEMSELVES:
            self.widget.add_class("fac-projection-own")
        else:
            self.widget.remove_class("fac-projection-own")

    # ---- events ----------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if event.type == "lang":
            # A message stays in the language it was written in; clear it rather than mix languages.
            self.session.status = ("", "info")
            self.texts.apply()
            self._kind_options()
            self.nc_start.relabel()
            self.nm_date.relabel()
            self._refresh_cases()
            self._refresh_meetings()
            self._retitle_tabs()
        elif event.type in ("case", "sync"):
            self._refresh_cases()
            self._refresh_meetings()
            self._show_parts()
        elif event.type == "edit" and event.kinds & {"case", "meeting", "person"}:
            self._refresh_meetings()
        elif event.type == "saved" and event.kinds & {"case", "meeting", "person"}:
            self._refresh_cases()  # read from the store: once the edit is in it
        elif event.type == "meeting":
            self._refresh_meetings()
        elif event.type == "show":
            for k in event.kinds:
                if k in self._keys:
                    self.part(k)
                    self.tabs.selected_index = self._keys.index(k)
        elif event.type == "mode":
            self._projection_class()
        if event.type not in ("edit", "saved"):
            self._refresh_status()

    def _after_edit(self, event: Event) -> None:
        """The saved time and the undo button, once the parts show the edit and it is committed."""
        if event.type == "saved":
            self._refresh_status()

    def _kind_options(self) -> None:
        """The kinds of meeting, named in the current language (the one chosen stays chosen)."""
        t = self.session.t
        current = self.nm_kind.value
        self.nm_kind.options = [(t(f"meeting_kind.{k}"), k) for k in MEETING_KINDS]
        self.nm_kind.value = current if current in MEETING_KINDS else MEETING_KINDS[0]

    def _retitle_tabs(self) -> None:
        self.tabs.titles = tuple(self.session.t(f"part.{k}") for k in self._keys)

    def _refresh_cases(self) -> None:
        t = self.session.t
        options = []
        for c in self.session.store.list_cases():
            label = t("shell.case_label", title=c.title, date=day_month_year(c.start_date) if c.start_date else "?")
            if c.fictional:
                label += f" ({t('shell.fictional')})"
            options.append((label, c.id))
        current = self.session.case.id if self.session.case else None
        self._silent(self.case_pick, options, current)

    def _refresh_meetings(self) -> None:
        t = self.session.t
        case = self.session.case
        options: list[tuple[str, str]] = []
        if case is not None:
            for m in reversed(case.meetings_by_date()):
                options.append((meeting_label(t, m.kind, m.title, m.date), m.id))
        self.meeting_pick.disabled = not options
        if not options:
            options = [(t("shell.no_meeting"), "")]
        self._silent(self.meeting_pick, options, self.session.meeting_id or "")
        if case is not None:
            self.nm_present.show_people(case, t)

    def _silent(self, dd: W.Dropdown, options: list[tuple[str, str]], value: str | None) -> None:
        self._quiet = True
        try:
            dd.options = options
            values = [v for _, v in options]
            if value in values:
                dd.value = value
            elif values:
                dd.value = values[0]
        finally:
            self._quiet = False

    def _show_parts(self) -> None:
        has_case = self.session.case is not None
        self.tabs.layout.display = "" if has_case else "none"
        self.empty.layout.display = "none" if has_case else ""
        self.new_meeting_btn.disabled = not has_case
        for p in self.parts:  # a part's bar above the tabs (the meeting's phases) has nothing to act on yet
            bar = getattr(p, "top_bar", None)
            if bar is not None:
                bar.layout.display = "" if has_case else "none"

    def _refresh_status(self) -> None:
        s = self.session
        self.undo_btn.disabled = not s.can_undo
        self.saved.value = (
            f'<span title="{esc(s.t("shell.saved_tip"))}">✓ {esc(s.t("shell.saved", time=s.saved_at))}</span>'
            if s.saved_at
            else ""
        )
        message, level = s.status
        self.status.value = status_html(message, level)

    # ---- actions ---------------------------------------------------------------------------------

    def _toggle(self, form: W.Box, show: bool | None = None) -> None:
        visible = form.layout.display != "none"
        form.layout.display = "" if (not visible if show is None else show) else "none"

    def _open_meeting_form(self) -> None:
        m = self.session.meeting
        if m is not None and not self.nm_present.value:
            self.nm_present.value = tuple(p for p in m.present if p in dict(self.nm_present.options).values())
        self._toggle(self.new_meeting_form)

    def create_case(self) -> bool:
        s = self.session
        try:
            if self.nc_start.problem():
                s.set_status(self.nc_start.problem(), "error")
                return False
            kids = parse_children(self.nc_children.value)
            start = self.nc_start.value or ""
            case = ops.new_case(self.nc_title.value, start, kids, language=s.lang)
        except ValidationError as e:
            if e.code in ("child_line_bad", "children_needed"):
                s.set_status(s.t(f"shell.{e.code}", **{k: v for k, v in e.params.items() if k != "field"}), "error")
            else:
                s.fail(e)
            return False
        s.add_case(case)
        s.set_status(s.t("shell.case_created", title=case.info.title), "ok")
        self.nc_title.value = ""
        self.nc_children.value = ""
        self._toggle(self.new_case_form, False)
        return True

    def start_meeting(self) -> bool:
        s = self.session
        if s.case is None:
            return False
        if self.nm_date.problem():
            s.set_status(self.nm_date.problem(), "error")
            return False
        when = self.nm_date.value or ""
        try:
            edit, mid = ops.add_meeting(s.case, self.nm_kind.value, when, self.nm_present.value)
        except FacilitationError as e:
            s.fail(e)
            return False
        if not s.do(edit):
            return False
        s.set_meeting(mid)
        s.set_status(s.t("shell.meeting_started", what=self.meeting_pick.label), "ok")
        self._toggle(self.new_meeting_form, False)
        return True
