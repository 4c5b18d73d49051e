"""The reflecting-team dashboard: the case mapped in professional language, scenarios side by side with
the team's scaling, reflection rounds, and the record of the discussion; every name can be pseudonymised.

Everything shown is drawn from ``ReflectingTeam.shown``: the case itself, or its pseudonymised copy when
the switch is on (ids unchanged, so edits still go to the real records). Texts already stored are never
edited through a pseudonymised screen; new texts are stored as typed.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import ipywidgets as W

from ...domain import ops
from ...domain import reflecting as rt
from ...domain.case import Case, Edit
from ...domain.errors import FacilitationError
from ...domain.model import Meeting
from ...domain.pseudonym import case_code
from ...export import reflecting_record as record
from ...export.common import long_date
from ...i18n import LANGUAGE_NAMES, LANGUAGES, has
from ...services import pseudonyms
from ..base import CaseMeetingPicks, Texts, button, css, esc, status_html
from ..session import Event, Session
from ..style import stylesheet
from .map import MapView
from .parts import RtView
from .record import RecordView
from .rounds import RoundsView
from .scenarios import ScenariosView

log = logging.getLogger(__name__)


def flemish_to_iso(text: str) -> str | None:
    """``15/09/2026`` (or ``15-9-2026``, or ISO) -> ``2026-09-15``; None when it is no date."""
    from ..datefield import parse_day

    return parse_day(text)


# ---- the dashboard ------------------------------------------------------------------------------


class ReflectingTeam(CaseMeetingPicks):
    """Root of the reflecting-team dashboard (CSS classes ``fac-reflecting-team``, ``fac-ready``)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.pseudonym: str | None = None
        self.corrections: dict[str, str] = {}
        self._corrections_of = ""
        self._shown_key: tuple[Any, ...] | None = None
        self._shown: Case | None = None
        self._quiet = False
        self.parts: list[RtView[Any]] = []
        self._chips: dict[tuple[str, str, str, str], W.Widget] = {}
        self.texts = Texts(session.t)
        self._build()
        session.subscribe(self._on_event)
        self._ensure_meeting()
        self.parts = [
            MapView(session, self),
            ScenariosView(session, self),
            RoundsView(session, self),
            RecordView(session, self),
        ]
        self.tabs.children = [p.widget for p in self.parts]
        self._choices()
        self._refresh()
        self.widget.add_class("fac-ready")

    # ---- what is shown -------------------------------------------------------------------------

    @property
    def shown(self) -> Case | None:
        case = self.session.case
        if case is None or not self.pseudonym:
            return case
        # The case object itself is part of the key (held, so its id can never be reused for another case).
        if self._corrections_of != case.id:
            self._corrections_of = case.id
            self.corrections = pseudonyms.load_corrections(self.session.store.path, case.id)
        key = (case, self.pseudonym, self.session.lang, tuple(sorted(self.corrections.items())))
        if self._shown_key is None or key[0] is not self._shown_key[0] or key[1:] != self._shown_key[1:]:
            self._shown = record.shown_case(case, self.session.lang, self.pseudonym, self.corrections)
            self._shown_key = key
        return self._shown

    @property
    def meeting(self) -> Meeting | None:
        m = self.session.meeting
        return m if m is not None and m.kind == "reflecting_team" else None

    def case_title(self, case_id: str, title: str) -> str:
        if self.pseudonym:
            return self.session.t("reflecting.pseudo.case_title", code=case_code(case_id))
        return title

    # ---- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        s = self.session
        txt = self.texts.bind
        self.title = txt(css(W.HTML(), "fac-app-title"), "reflecting.title", "value", html=True)
        self.case_pick = css(
            W.Dropdown(options=[], layout=W.Layout(width="auto", min_width="11em")), "fac-rt-case-pick"
        )
        self.meeting_pick = css(
            W.Dropdown(options=[], layout=W.Layout(width="auto", min_width="11em")), "fac-rt-meeting-pick"
        )
        self.new_meeting_btn = txt(button("", "fac-rt-new-meeting"), "reflecting.new_meeting")
        self.pseudo_btn = txt(css(W.ToggleButton(value=False), "fac-rt-pseudo"), "reflecting.pseudo.switch")
        txt(self.pseudo_btn, "reflecting.pseudo.switch_tip", "tooltip")
        self.pseudo_mode = css(
            W.ToggleButtons(options=[("", "roles"), ("", "names")], value="roles"), "fac-rt-pseudo-mode"
        )
        self.undo_btn = txt(txt(button("", "fac-undo"), "shell.undo"), "shell.undo_tip", "tooltip")
        self.lang_pick = css(
            W.ToggleButtons(
                options=[(c.upper(), c) for c in LANGUAGES],
                value=s.lang,
                tooltips=[LANGUAGE_NAMES[c] for c in LANGUAGES],
            ),
            "fac-lang",
        )
        self.status = css(W.HTML(), "fac-status")
        self.banner_text = css(W.HTML(), "fac-rt-banner-text")
        self.banner = css(W.HBox([self.banner_text, self.pseudo_mode]), "fac-rt-banner")
        bar = css(
            W.HBox(
                [
                    self.title,
                    self.case_pick,
                    self.meeting_pick,
                    self.new_meeting_btn,
                    self.pseudo_btn,
                    self.undo_btn,
                    self.lang_pick,
                ]
            ),
            "fac-rt-bar",
        )

        self._build_team_forms()
        self.tabs = css(W.Tab(), "fac-tabs")
        self.empty = css(W.HTML(), "fac-empty")
        self.widget = css(
            W.VBox(
                [
                    W.HTML(stylesheet()),
                    bar,
                    self.status,
                    self.banner,
                    self.new_meeting_form,
                    self.team_bar,
                    self.empty,
                    self.tabs,
                ]
            ),
            "fac-reflecting-team",
            "fac-root",
        )

        self.case_pick.observe(self._on_case_pick, "value")
        self.meeting_pick.observe(self._on_meeting_pick, "value")
        self.lang_pick.observe(lambda ch: s.set_language(ch["new"]), "value")
        self.undo_btn.on_click(lambda _b: s.undo())
        self.pseudo_btn.observe(lambda ch: self.set_pseudonym(self.pseudo_mode.value if ch["new"] else None), "value")
        self.pseudo_mode.observe(
            lambda ch: self.set_pseudonym(ch["new"]) if self.pseudo_btn.value and not self._quiet else None, "value"
        )
        self.new_meeting_btn.on_click(lambda _b: self._toggle_form())
        self.nm_cancel.on_click(lambda _b: self._toggle_form(False))
        self.nm_start.on_click(lambda _b: self.start_meeting())
        self.member_add.on_click(lambda _b: self.add_member())

    def _build_team_forms(self) -> None:
        """The new-meeting form (date, who of the team is there) and the bar of this meeting's team."""
        # New meeting: date and who of the team is there.
        # A text field in Flemish form (dd/mm/jjjj): the browser's date field shows the browser's locale (11/30/2026).
        self.nm_date = css(W.Text(value=date.today().strftime("%d/%m/%Y")), "fac-rt-nm-date")
        self.nm_present = css(W.SelectMultiple(options=[], rows=6), "fac-rt-nm-present")
        txt = self.texts.bind
        self.nm_start = txt(button("", "fac-rt-nm-start", style="primary"), "reflecting.start_meeting")
        self.nm_cancel = txt(button("", "fac-rt-nm-cancel"), "shell.cancel")
        self.nm_labels = [txt(W.Label(), k, "value") for k in ("shell.meeting_date", "reflecting.team_present")]
        self.nm_hint = txt(css(W.HTML(), "fac-rt-hint"), "reflecting.team_present_hint", "value", html=True)
        self.new_meeting_form = css(
            W.VBox(
                [
                    W.HBox([self.nm_labels[0], self.nm_date]),
                    W.HBox([self.nm_labels[1], self.nm_present]),
                    self.nm_hint,
                    W.HBox([self.nm_start, self.nm_cancel]),
                ]
            ),
            "fac-form",
            "fac-rt-new-meeting-form",
        )
        self.new_meeting_form.layout.display = "none"

        # The team of this meeting: chips, and a colleague to add.
        self.team_label = txt(css(W.HTML(), "fac-rt-team-label"), "reflecting.team", "value", html=True)
        self.team_chips = css(W.HBox(), "fac-rt-chips")
        self.member_name = css(W.Text(layout=W.Layout(width="11em")), "fac-rt-member-name")
        txt(self.member_name, "reflecting.member_name_ph", "placeholder")
        self.member_role = css(W.Text(layout=W.Layout(width="11em")), "fac-rt-member-role")
        txt(self.member_role, "reflecting.member_role_ph", "placeholder")
        self.member_add = txt(button("", "fac-rt-add-member"), "reflecting.add_member")
        self.team_bar = css(
            W.HBox([self.team_label, self.team_chips, self.member_name, self.member_role, self.member_add]),
            "fac-rt-teambar",
        )

    # ---- texts ---------------------------------------------------------------------------------

    def _choices(self) -> None:
        """What is not one text: the pseudonym modes (the one chosen stays chosen) and the tab titles."""
        t = self.session.t
        mode = self.pseudo_mode.value
        self._quiet = True
        try:
            self.pseudo_mode.options = [
                (t("reflecting.pseudo.mode.roles"), "roles"),
                (t("reflecting.pseudo.mode.names"), "names"),
            ]
            self.pseudo_mode.value = mode
        finally:
            self._quiet = False
        self.pseudo_mode.tooltips = [t("reflecting.pseudo.mode.roles_tip"), t("reflecting.pseudo.mode.names_tip")]
        self.tabs.titles = tuple(p.title for p in self.parts)

    # ---- events --------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if event.type in ("case", "sync"):
            self._ensure_meeting()
        if event.type == "lang":
            self.texts.apply()
            self._choices()
        if event.type != "status":
            self._refresh(cases=event.type != "edit" or bool(event.kinds & {"case", "meeting"}))
        self._refresh_status()

    def _ensure_meeting(self) -> None:
        """Show a reflecting-team meeting of the case (the latest), never a network meeting."""
        case = self.session.case
        if case is None:
            return
        if self.meeting is None:
            ms = rt.reflecting_meetings(case)
            self.session.set_meeting(ms[-1].id if ms else None)

    def _refresh(self, cases: bool = True) -> None:
        shown = self.shown
        t = self.session.t
        has_case = shown is not None
        self.tabs.layout.display = "" if has_case else "none"
        self.empty.layout.display = "none" if has_case else ""
        if not has_case:
            self.empty.value = f"<p>{esc(t('reflecting.no_case'))}</p>"
        self.new_meeting_btn.disabled = not has_case
        # Cases: with the switch on, every case in the list is called by its code only.
        self._quiet = True
        try:
            if cases or not self.case_pick.options:
                self.case_pick.options = [
                    (self.case_title(c.id, c.title), c.id) for c in self.session.store.list_cases()
                ]
            if self.session.case is not None:
                self.case_pick.value = self.session.case.id
            ms = rt.reflecting_meetings(shown) if shown is not None else []
            m_options = []
            for option in reversed(ms):
                label = t("reflecting.meeting_label", date=long_date(self.session.lang, option.date))
                if option.title:
                    label += f" · {option.title}"
                m_options.append((label, option.id))
            self.meeting_pick.disabled = not m_options
            self.meeting_pick.options = m_options or [(t("reflecting.no_meeting_short"), "")]
            self.meeting_pick.value = (
                self.meeting.id if self.meeting is not None else (m_options[0][1] if m_options else "")
            )
        finally:
            self._quiet = False
        if shown is not None:
            # The team meets without the family: only the case's professionals can be marked present.
            self.nm_present.options = [(record.person_label(shown.people[p]), p) for p in rt.professionals(shown)]
        # The team of this meeting.
        m = self.meeting
        self.team_bar.layout.display = "" if m is not None else "none"
        if shown is not None and m is not None:
            chips = []
            cache: dict[tuple[str, str, str, str], W.Widget] = {}
            for pid in rt.team(shown, m):
                p = shown.people[pid]
                key = (pid, p.name, p.relation, m.id + self.session.lang)
                chip = self._chips.get(key)
                if chip is None:
                    extra = p.relation.strip() if p.relation.strip().casefold() not in p.name.casefold() else ""
                    label = f"<b>{esc(p.name)}</b>" + (f" · {esc(extra)}" if extra else "")
                    drop = button(
                        "✕", "fac-x", "fac-rt-remove-member", tooltip=t("reflecting.remove_member", name=p.name)
                    )
                    drop.on_click(
                        lambda _b, pid=pid, mid=m.id: self.do(lambda case: rt.set_present(case, mid, pid, False))
                    )
                    chip = css(W.HBox([W.HTML(label), drop]), "fac-rt-chip")
                cache[key] = chip
                chips.append(chip)
            self._chips = cache
            if not chips:
                chips = [css(W.HTML(esc(t("reflecting.no_team"))), "fac-rt-hint")]
            self.team_chips.children = chips
        if has_case and m is None and self.new_meeting_form.layout.display == "none":
            self.empty.value = f"<p>{esc(t('reflecting.no_meeting'))}</p>"
            self.empty.layout.display = ""
        elif has_case:
            self.empty.layout.display = "none"
        if self.pseudonym:
            self.pseudo_btn.add_class("mod-active")
            self.banner_text.value = esc(t(f"reflecting.pseudo.banner.{self.pseudonym}"))
            self.banner.layout.display = ""
        else:
            self.pseudo_btn.remove_class("mod-active")
            self.banner_text.value = ""
            self.banner.layout.display = "none"
        self.tabs.titles = tuple(p.title for p in self.parts)

    def _refresh_status(self) -> None:
        s = self.session
        self.undo_btn.disabled = not s.can_undo
        message, level = s.status
        self.status.value = status_html(message, level)

    # ---- actions -------------------------------------------------------------------------------

    def say(self, message: str, level: str = "info") -> None:
        self.session.set_status(message, level)

    def do(self, make: Any) -> bool:
        """Apply an edit; errors of this dashboard get their own message, others the shared one."""
        if self.session.case is None:
            return False
        try:
            edit = make(self.session.case) if callable(make) else make
        except FacilitationError as e:
            key = f"reflecting.error.{e.code}"
            if has(key):
                self.say(self.session.t(key, **{k: v for k, v in e.params.items() if k != "field"}), "error")
            else:
                self.session.fail(e)
            return False
        assert isinstance(edit, Edit)
        return self.session.do(edit)

    def set_corrections(self, corrections: dict[str, str]) -> None:
        """The consultant corrected the review list: everything shown is redrawn with it."""
        self.corrections = dict(corrections)
        self._shown_key = None
        self.say(self.session.t("reflecting.review.saved"), "ok")
        for p in self.parts:
            p.update()

    def set_pseudonym(self, mode: str | None) -> None:
        """Switch pseudonyms on (``roles`` or ``names``) or off; everything shown is redrawn at once."""
        if mode == self.pseudonym:
            return
        self.pseudonym = mode
        self._shown_key = None
        if bool(mode) != self.pseudo_btn.value:
            self.pseudo_btn.value = bool(mode)
        if mode and self.pseudo_mode.value != mode:
            self.pseudo_mode.value = mode
        self._refresh()
        for p in self.parts:
            p.update()

    def _toggle_form(self, show: bool | None = None) -> None:
        visible = self.new_meeting_form.layout.display != "none"
        show = not visible if show is None else show
        self.new_meeting_form.layout.display = "" if show else "none"
        if show and self.meeting is not None and not self.nm_present.value:
            values = {v for _, v in self.nm_present.options}
            self.nm_present.value = tuple(p for p in self.meeting.present if p in values)
        self._refresh()

    def start_meeting(self) -> bool:
        case = self.session.case
        if case is None:
            return False
        when = flemish_to_iso(self.nm_date.value)
        if when is None:
            self.say(self.session.t("reflecting.error.date"), "error")
            return False
        present = self.nm_present.value
        try:
            edit, mid = ops.add_meeting(case, "reflecting_team", when, present)
        except FacilitationError as e:
            self.session.fail(e)
            return False
        if not self.session.do(edit):
            return False
        self.session.set_meeting(mid)
        self.new_meeting_form.layout.display = "none"
        self.say(self.session.t("reflecting.meeting_started", date=long_date(self.session.lang, when)), "ok")
        self._refresh()
        return True

    def add_member(self) -> bool:
        m = self.meeting
        if m is None:
            return False
        name, role = self.member_name.value, self.member_role.value
        ok = self.do(lambda case: rt.add_team_member(case, m.id, name, role)[0])
        if ok:
            self.member_name.value = ""
            self.member_role.value = ""
        return ok
