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
from ...domain.model import COLUMNS, ELEMENT_KINDS, ELEMENTS, Item, Meeting, column_of
from ...domain.pseudonym import case_code
from ...export import reflecting_record as record
from ...i18n import LANGUAGE_NAMES, LANGUAGES, has
from ...store.location import exports_dir
from ..base import CaseMeetingPicks, Part, button, css, esc, esc_lines, status_html
from ..downloads import download_link
from ..session import Event, Session
from ..style import stylesheet

log = logging.getLogger(__name__)

NO_SCORE = -1


def _score_options() -> list[tuple[str, int]]:
    return [("–", NO_SCORE)] + [(str(n), n) for n in range(11)]


def score_track(values: list[tuple[str, int]], low_text: str, high_text: str) -> str:
    """A 0-10 line with each score as a dot and the range between lowest and highest shaded."""
    if not values:
        return ""
    nums = [v for _, v in values]
    lo, hi = min(nums), max(nums)
    html = [f'<div class="fac-rt-track" role="img" aria-label="{esc(", ".join(f"{n} {v}" for n, v in values))}">']
    html.append(f'<div class="fac-rt-band" style="left:{lo * 10}%;width:{(hi - lo) * 10}%"></div>')
    by_value: dict[int, list[str]] = {}
    for name, v in values:
        by_value.setdefault(v, []).append(name)
    for v, names in sorted(by_value.items()):
        label = f"{v}" if len(names) == 1 else f"{v} ×{len(names)}"
        html.append(
            f'<div class="fac-rt-dot" style="left:{v * 10}%" title="{esc(", ".join(names))}">{esc(label)}</div>'
        )
    html.append(f'<div class="fac-rt-end fac-rt-end-low">0 · {esc(low_text)}</div>')
    html.append(f'<div class="fac-rt-end fac-rt-end-high">{esc(high_text)} · 10</div>')
    html.append("</div>")
    return "".join(html)


def blocks_html(blocks: list[Any]) -> str:
    """The record's blocks as escaped HTML (the preview shows exactly what the files will hold)."""
    from ...export.document import Entry, Heading, Para, Table, Title

    def runs(rs: list[tuple[str, str]]) -> str:
        out = []
        for text, marks in rs:
            s = esc_lines(text)
            if "b" in marks:
                s = f"<b>{s}</b>"
            if "m" in marks:
                s = f'<span class="fac-m">{s}</span>'
            if "!" in marks:
                s = f'<span class="fac-alert">{s}</span>'
            out.append(s)
        return "".join(out)

    html: list[str] = []
    in_list = False
    for b in blocks:
        if in_list and not isinstance(b, Entry):
            html.append("</ul>")
            in_list = False
        if isinstance(b, Title):
            html.append(f"<h1>{esc(b.text)}</h1><p><b>{esc(b.subtitle)}</b></p>")
        elif isinstance(b, Heading):
            html.append(f"<h2>{esc(b.text)}</h2>")
        elif isinstance(b, Para):
            html.append(f"<p>{runs(b.runs)}</p>")
        elif isinstance(b, Entry):
            if not in_list:
                html.append("<ul>")
                in_list = True
            num = f"{esc(b.number)}. " if b.number else ""
            html.append(f"<li>{num}{runs(b.runs)}</li>")
        elif isinstance(b, Table):
            head = "".join(f"<th>{esc(h)}</th>" for h in b.header)
            rows = "".join(
                "<tr>" + "".join("<td>" + "<br>".join(runs(line) for line in cell) + "</td>" for cell in row) + "</tr>"
                for row in b.rows
            )
            html.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    if in_list:
        html.append("</ul>")
    return "".join(html)


# ---- shared pieces ------------------------------------------------------------------------------


class RtPart(Part):
    """A part of the reflecting-team dashboard: knows the root (shown case, current meeting)."""

    def __init__(self, session: Session, root: ReflectingTeam) -> None:
        self.root = root
        super().__init__(session)

    @property
    def shown(self) -> Case | None:
        return self.root.shown

    @property
    def meeting(self) -> Meeting | None:
        return self.root.meeting

    def do(self, make: Any) -> bool:
        return self.root.do(make)


class ItemList:
    """The items of one column (of the case or of a scenario), each with a remove button."""

    def __init__(self, part: RtPart, column: str) -> None:
        self.part = part
        self.column = column
        self.widget = css(W.VBox(), "fac-rt-items")
        self._rows: dict[tuple[str, str, str, str], W.Widget] = {}

    def show(self, shown: Case, scenario: str | None) -> None:
        t = self.part.t
        kids: list[W.Widget] = []
        rows: dict[tuple[str, str, str, str], W.Widget] = {}
        for element in ELEMENTS[self.column]:
            items = shown.items_of(element, scenario)
            if not items:
                continue
            kids.append(css(W.HTML(esc(t(f"element.{element}"))), "fac-rt-el"))
            for item in items:
                key = (item.id, item.text, element, t("reflecting.remove"))
                row = self._rows.get(key) or self._row(item)
                rows[key] = row
                kids.append(row)
        if not kids:
            kids.append(css(W.HTML(esc(t("reflecting.nothing_yet"))), "fac-rt-hint"))
        self._rows = rows
        self.widget.children = kids

    def _row(self, item: Item) -> W.Widget:
        text = css(W.HTML(f'<span class="fac-rt-text">{esc_lines(item.text)}</span>'), "fac-rt-item-text")
        drop = button("✕", "fac-x", "fac-rt-remove-item", tooltip=self.part.t("reflecting.remove"))
        drop.on_click(lambda _b, iid=item.id: self.part.do(lambda case: ops.delete_item(case, iid)))
        return css(W.HBox([text, drop]), "fac-rt-item", f"fac-rt-item-{self.column}")


class AddItem:
    """Add an item to the case's columns or to a scenario: element, text, add."""

    def __init__(self, part: RtPart, scenario: str | None, elements: tuple[str, ...] = ELEMENT_KINDS) -> None:
        self.part = part
        self.scenario = scenario
        self.elements = elements
        self.element = css(W.Dropdown(options=[]), "fac-rt-element")
        self.text = css(W.Textarea(rows=2), "fac-rt-text-in")
        self.add = button("", "fac-rt-add-item", style="primary")
        self.add.on_click(lambda _b: self.submit())
        self.widget = css(W.HBox([self.element, self.text, self.add]), "fac-rt-add")

    def relabel(self) -> None:
        t = self.part.t
        current = self.element.value
        self.element.options = [
            (f"{t('reflecting.col_short.' + column_of(e))} · {t('element_one.' + e)}", e) for e in self.elements
        ]
        self.element.value = current if current in self.elements else self.elements[0]
        self.text.placeholder = t("reflecting.item_ph")
        self.add.description = t("reflecting.add")

    def submit(self) -> bool:
        m = self.part.meeting
        text = self.text.value
        ok = self.part.do(
            lambda case: ops.add_item(
                case, text, element=self.element.value, scenario=self.scenario, meeting=m.id if m else None
            )[0]
        )
        if ok:
            self.text.value = ""
        return ok


class ScoreRow:
    """The team's scores on one safety scale (of the case or a scenario) in this meeting."""

    def __init__(self, part: RtPart, scenario: str | None) -> None:
        self.part = part
        self.scenario = scenario
        self.title = css(W.HTML(), "fac-rt-scale-title")
        self.row = css(W.HBox(), "fac-rt-scores")
        self.track = css(W.HTML(), "fac-rt-track-box")
        self.widget = css(W.VBox([self.title, self.row, self.track]), "fac-rt-scale")
        self._pickers: dict[str, W.Dropdown] = {}
        self._labels: dict[str, W.HTML] = {}
        self._quiet = False

    def show(self, shown: Case, meeting: Meeting | None) -> None:
        t = self.part.t
        self.title.value = f"<b>{esc(t('reflecting.team_scale'))}</b>"
        team = rt.team(shown, meeting)
        if meeting is None or not team:
            self.row.children = [css(W.HTML(esc(t("reflecting.no_team"))), "fac-rt-hint")]
            self.track.value = ""
            return
        scores = rt.team_scores(shown, self.scenario, meeting.id)
        kids = []
        for pid in team:
            picker = self._pickers.get(pid)
            if picker is None:
                picker = css(W.Dropdown(options=_score_options(), value=NO_SCORE), "fac-rt-score-pick")
                picker.observe(lambda ch, pid=pid: self._changed(pid, ch["new"]), "value")
                self._pickers[pid] = picker
                self._labels[pid] = css(W.HTML(), "fac-rt-score-name")
            self._labels[pid].value = esc(shown.name_of(pid))
            picker.tooltip = t("reflecting.score_tip", name=shown.name_of(pid))
            self._quiet = True
            try:
                picker.value = scores.get(pid, NO_SCORE)
            finally:
                self._quiet = False
            kids.append(css(W.HBox([self._labels[pid], picker]), "fac-rt-score"))
        self.row.children = kids
        values = [(shown.name_of(pid), scores[pid]) for pid in team if pid in scores]
        sp = rt.spread([v for _, v in values])
        summary = ""
        if sp is not None and sp.count > 1:
            summary = f'<div class="fac-rt-hint">{esc(t("reflecting.spread", low=sp.low, high=sp.high, middle=record.number(sp.middle, self.part.session.lang)))}</div>'
        self.track.value = score_track(values, t("reflecting.low_end"), t("reflecting.high_end")) + summary

    def _changed(self, pid: str, value: int) -> None:
        if self._quiet:
            return
        m = self.part.meeting
        if m is None:
            return
        if value == NO_SCORE:
            self.part.do(lambda case: rt.clear_team_score(case, self.scenario, m.id, pid))
        else:
            self.part.do(lambda case: rt.set_team_score(case, self.scenario, m.id, pid, value))


class Board:
    """Three columns (of the case, or of one scenario) with an add row."""

    def __init__(self, part: RtPart, scenario: str | None) -> None:
        self.part = part
        self.scenario = scenario
        self.lists = {col: ItemList(part, col) for col in COLUMNS}
        self.titles = {col: css(W.HTML(), "fac-rt-col-title") for col in COLUMNS}
        self.cols = {
            col: css(W.VBox([self.titles[col], self.lists[col].widget]), "fac-rt-col", f"fac-rt-col-{col}")
            for col in COLUMNS
        }
        self.adder = AddItem(part, scenario)

    def relabel(self) -> None:
        for col in COLUMNS:
            self.titles[col].value = esc(self.part.t(f"column.{col}"))
        self.adder.relabel()

    def show(self, shown: Case) -> None:
        for col in COLUMNS:
            self.lists[col].show(shown, self.scenario)


# ---- the case mapped ----------------------------------------------------------------------------


class MapView(RtPart):
    """The case mapped with the framework: three columns, eight elements, the team's safety scale."""

    key = "rt-map"
    kinds = frozenset({"item", "scale", "score", "meeting", "person", "case"})

    def build(self) -> None:
        self.intro = css(W.HTML(), "fac-rt-hint")
        self.board = Board(self, None)
        self.columns = css(W.HBox([self.board.cols[c] for c in COLUMNS]), "fac-rt-columns")
        self.scale = ScoreRow(self, None)
        self.widget.children = [self.intro, self.board.adder.widget, self.columns, self.scale.widget]

    @property
    def title(self) -> str:
        return self.t("reflecting.tab.map")

    def relabel(self) -> None:
        self.intro.value = esc(self.t("reflecting.map.intro"))
        self.board.relabel()

    def refresh(self, event: Event) -> None:
        shown = self.shown
        if shown is None:
            return
        self.board.show(shown)
        self.scale.show(shown, self.meeting)


# ---- scenarios ----------------------------------------------------------------------------------


class ScenarioCard:
    """One scenario: its title and description, its own three columns, the team's scaling."""

    def __init__(self, part: ScenariosView, scenario_id: str) -> None:
        self.part = part
        self.id = scenario_id
        self.heading = css(W.HTML(), "fac-rt-card-title-box")
        self.left = button("◀", "fac-rt-small", "fac-rt-left")
        self.right = button("▶", "fac-rt-small", "fac-rt-right")
        self.drop = button("✕", "fac-rt-small", "fac-rt-drop-scenario")
        self.left.on_click(lambda _b: part.do(lambda case: rt.move_scenario(case, self.id, -1)))
        self.right.on_click(lambda _b: part.do(lambda case: rt.move_scenario(case, self.id, +1)))
        self.drop.on_click(lambda _b: self.remove())
        self.board = Board(part, scenario_id)
        self.scale = ScoreRow(part, scenario_id)
        head = css(W.HBox([self.heading, self.left, self.right, self.drop]), "fac-rt-card-head")
        self.widget = css(
            W.VBox([head, *(self.board.cols[c] for c in COLUMNS), self.board.adder.widget, self.scale.widget]),
            "fac-rt-card",
        )
        self._armed = False

    def relabel(self) -> None:
        t = self.part.t
        self.left.tooltip = t("reflecting.move_left")
        self.right.tooltip = t("reflecting.move_right")
        self.board.relabel()
        for col in COLUMNS:
            self.board.titles[col].value = esc(t(f"reflecting.col_short.{col}"))
        self._disarm()

    def _disarm(self) -> None:
        self._armed = False
        self.drop.description = "✕"
        self.drop.tooltip = self.part.t("reflecting.remove_scenario")
        self.drop.remove_class("fac-rt-danger")

    def remove(self) -> bool:
        """First click asks, second click removes (a scenario carries the team's work)."""
        if not self._armed:
            self._armed = True
            self.drop.description = self.part.t("reflecting.confirm_remove")
            self.drop.add_class("fac-rt-danger")
            return False
        self._disarm()
        return self.part.do(lambda case: rt.delete_scenario(case, self.id))

    def show(self, shown: Case, n: int, total: int) -> None:
        sc = shown.scenarios[self.id]
        t = self.part.t
        desc = f'<div class="fac-rt-desc">{esc_lines(sc.description)}</div>' if sc.description.strip() else ""
        self.heading.value = (
            f'<div class="fac-rt-card-title">{esc(t("reflecting.scenario_n", n=n, title=sc.title))}</div>{desc}'
        )
        self.left.disabled = n == 1
        self.right.disabled = n == total
        self.board.show(shown)
        self.scale.show(shown, self.part.meeting)


class ScenariosView(RtPart):
    """Several ways forward side by side, each with its own columns and the team's scaling; compared."""

    key = "rt-scenarios"
    kinds = frozenset({"scenario", "item", "scale", "score", "meeting", "person", "case"})

    def build(self) -> None:
        self.intro = css(W.HTML(), "fac-rt-hint")
        self.new_title = css(W.Text(), "fac-rt-scenario-title")
        self.new_desc = css(W.Textarea(rows=2), "fac-rt-scenario-desc")
        self.add_btn = button("", "fac-rt-add-scenario", style="primary")
        self.add_btn.on_click(lambda _b: self.add_scenario())
        self.form = css(W.HBox([self.new_title, self.new_desc, self.add_btn]), "fac-rt-add")
        self.cards_box = css(W.HBox(), "fac-rt-cards")
        self.compare_title = css(W.HTML(), "fac-rt-h")
        self.compare = css(W.HTML(), "fac-rt-compare")
        self.widget.children = [self.intro, self.form, self.cards_box, self.compare_title, self.compare]
        self.cards: dict[str, ScenarioCard] = {}

    @property
    def title(self) -> str:
        return self.t("reflecting.tab.scenarios")

    def relabel(self) -> None:
        t = self.t
        self.intro.value = esc(t("reflecting.scenarios.intro"))
        self.new_title.placeholder = t("reflecting.scenario_title_ph")
        self.new_desc.placeholder = t("reflecting.scenario_desc_ph")
        self.add_btn.description = t("reflecting.add_scenario")
        self.compare_title.value = esc(t("reflecting.compare.title"))
        for card in self.cards.values():
            card.relabel()

    def add_scenario(self) -> bool:
        title, desc = self.new_title.value, self.new_desc.value
        ok = self.do(lambda case: rt.add_scenario(case, title, desc)[0])
        if ok:
            self.new_title.value = ""
            self.new_desc.value = ""
        return ok

    def refresh(self, event: Event) -> None:
        shown = self.shown
        if shown is None:
            return
        order = rt.scenarios_in_order(shown)
        for sid in [s for s in self.cards if s not in shown.scenarios]:
            del self.cards[sid]
        kids = []
        for n, sc in enumerate(order, 1):
            card = self.cards.get(sc.id)
            if card is None:
                card = self.cards[sc.id] = ScenarioCard(self, sc.id)
                card.relabel()
            card.show(shown, n, len(order))
            kids.append(card.widget)
        if not kids:
            kids = [css(W.HTML(esc(self.t("reflecting.scenarios.none"))), "fac-rt-hint")]
        self.cards_box.children = kids
        self.compare.value = self._compare_html(shown)
        self.compare_title.layout.display = "" if len(order) > 1 else "none"

    def _compare_html(self, shown: Case) -> str:
        t = self.t
        rows = rt.compare(shown, self.meeting.id if self.meeting else None)
        if len(rows) < 2:
            return ""
        team = rt.team(shown, self.meeting)
        head = "".join(
            f"<th>{esc(t('reflecting.scenario_n', n=n, title=s.scenario.title))}</th>" for n, s in enumerate(rows, 1)
        )
        body = []
        for col in COLUMNS:
            cells = "".join(f'<td class="fac-rt-num">{s.counts[col]}</td>' for s in rows)
            body.append(
                f"<tr><th>{esc(t('reflecting.compare.count', what=t('reflecting.col_short.' + col)))}</th>{cells}</tr>"
            )
        for pid in team:
            cells = "".join(
                f'<td class="fac-rt-num">{esc(s.scores[pid]) if pid in s.scores else "–"}</td>' for s in rows
            )
            body.append(f"<tr><th>{esc(shown.name_of(pid))}</th>{cells}</tr>")
        cells = "".join(
            f"<td>{esc(t('reflecting.spread', low=s.spread.low, high=s.spread.high, middle=record.number(s.spread.middle, self.session.lang)) if s.spread else '–')}</td>"
            for s in rows
        )
        body.append(f"<tr><th>{esc(t('reflecting.compare.scores'))}</th>{cells}</tr>")
        return f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


# ---- reflection rounds --------------------------------------------------------------------------


class RoundsView(RtPart):
    """Each team member reflects in turn; conclusions and next steps of the discussion."""

    _manual: str | None = None
    """A speaker the scribe picked by hand (out of turn); kept until their reflection is added or skipped."""
    _programmatic = False

    key = "rt-rounds"
    kinds = frozenset({"reflection", "item", "meeting", "person", "case"})

    def build(self) -> None:
        self.round_no = 1
        self._skipped: set[str] = set()
        self.turn = css(W.HTML(), "fac-rt-turn")
        self.speaker = css(W.Dropdown(options=[]), "fac-rt-speaker")
        self.speaker.observe(self._on_speaker, "value")
        self.text = css(W.Textarea(rows=3), "fac-rt-reflection")
        self.add_btn = button("", "fac-rt-add-reflection", style="primary")
        self.skip_btn = button("", "fac-rt-skip")
        self.new_round_btn = button("", "fac-rt-new-round")
        self.add_btn.on_click(lambda _b: self.add_reflection())
        self.skip_btn.on_click(lambda _b: self.skip())
        self.new_round_btn.on_click(lambda _b: self.new_round())
        self.speaker_label = W.Label()
        form = css(
            W.VBox(
                [
                    self.turn,
                    W.HBox([self.speaker_label, self.speaker]),
                    self.text,
                    W.HBox([self.add_btn, self.skip_btn, self.new_round_btn]),
                ]
            ),
            "fac-rt-form",
        )
        self.list_title = css(W.HTML(), "fac-rt-h")
        self.list_box = css(W.VBox(), "fac-rt-round-list")

        self.concl_title = css(W.HTML(), "fac-rt-h")
        self.concl_text = css(W.Textarea(rows=2), "fac-rt-conclusion")
        self.concl_btn = button("", "fac-rt-add-conclusion", style="primary")
        self.concl_btn.on_click(lambda _b: self.add_conclusion())
        self.concl_box = css(W.VBox(), "fac-rt-conclusions")
        self.steps_title = css(W.HTML(), "fac-rt-h")
        self.step_text = css(W.Textarea(rows=2), "fac-rt-step")
        self.step_btn = button("", "fac-rt-add-step", style="primary")
        self.step_btn.on_click(lambda _b: self.add_step())
        self.steps_box = css(W.VBox(), "fac-rt-steps")
        left = W.VBox([form, self.list_title, self.list_box])
        right = W.VBox(
            [
                self.concl_title,
                css(W.VBox([self.concl_text, self.concl_btn]), "fac-rt-form"),
                self.concl_box,
                self.steps_title,
                css(W.VBox([self.step_text, self.step_btn]), "fac-rt-form"),
                self.steps_box,
            ]
        )
        self.empty = css(W.HTML(), "fac-rt-hint")
        self.body = css(W.HBox([left, right]), "fac-rt-two")
        self.widget.children = [self.empty, self.body]
        self._for_meeting: str | None = None

    @property
    def title(self) -> str:
        return self.t("reflecting.tab.rounds")

    def relabel(self) -> None:
        t = self.t
        self.speaker_label.value = t("reflecting.speaker")
        self.text.placeholder = t("reflecting.reflection_ph")
        self.add_btn.description = t("reflecting.add_reflection")
        self.skip_btn.description = t("reflecting.skip")
        self.skip_btn.tooltip = t("reflecting.skip_tip")
        self.new_round_btn.description = t("reflecting.new_round")
        self.list_title.value = esc(t("reflecting.rounds.title"))
        self.concl_title.value = esc(t("reflecting.conclusions.title"))
        self.concl_text.placeholder = t("reflecting.conclusion_ph")
        self.concl_btn.description = t("reflecting.add_conclusion")
        self.steps_title.value = esc(t("reflecting.next_steps.title"))
        self.step_text.placeholder = t("reflecting.step_ph")
        self.step_btn.description = t("reflecting.add_step")
        self.empty.value = esc(t("reflecting.no_meeting"))

    def refresh(self, event: Event) -> None:
        shown, m = self.shown, self.meeting
        self.body.layout.display = "none" if m is None else ""
        self.empty.layout.display = "" if m is None else "none"
        if shown is None or m is None:
            return
        if self._for_meeting != m.id:
            self._for_meeting = m.id
            self.round_no = rt.last_round(shown, m.id)
            self._skipped.clear()
        self.round_no = max(self.round_no, rt.last_round(shown, m.id))
        team = rt.team(shown, m)
        nxt = rt.next_speaker(shown, m, self.round_no, frozenset(self._skipped))
        options = [(shown.name_of(pid), pid) for pid in team]
        self._programmatic = True
        try:
            if list(self.speaker.options) != options:
                self.speaker.options = options
            if self._manual in team:
                # Someone chosen out of turn stays chosen while they speak (a sync must not switch the speaker).
                self.speaker.value = self._manual
            elif nxt is not None:
                self.speaker.value = nxt
        finally:
            self._programmatic = False
        if nxt is not None:
            self.turn.value = esc(self.t("reflecting.turn", round=self.round_no, name=shown.name_of(nxt)))
        else:
            self.turn.value = esc(
                self.t("reflecting.round_done", round=self.round_no) if team else self.t("reflecting.no_team")
            )
        for w in (self.add_btn, self.skip_btn, self.speaker):
            w.disabled = not team
        self.skip_btn.disabled = nxt is None
        self.list_box.children = self._round_rows(shown, m)
        self.concl_box.children = self._rows(
            shown, rt.reflections(shown, m.id, conclusions=True), "reflection", numbered=True
        )
        self.steps_box.children = self._rows(shown, rt.meeting_next_steps(shown, m.id), "item", numbered=True)

    def _round_rows(self, shown: Case, m: Meeting) -> list[W.Widget]:
        kids: list[W.Widget] = []
        for n, refl in rt.rounds(shown, m.id).items():
            kids.append(css(W.HTML(esc(self.t("reflecting.round_n", n=n))), "fac-rt-round-title"))
            kids += self._rows(shown, refl, "reflection")
        if not kids:
            kids = [css(W.HTML(esc(self.t("reflecting.rounds.none"))), "fac-rt-hint")]
        return kids

    def _rows(self, shown: Case, records: list[Any], kind: str, numbered: bool = False) -> list[W.Widget]:
        rows: list[W.Widget] = []
        for n, r in enumerate(records, 1):
            who = ""
            if kind == "reflection" and not r.is_conclusion:
                who = f"<b>{esc(shown.name_of(r.author, self.t('reflecting.export.team')))}:</b> "
            num = f"<b>{n}.</b> " if numbered else ""
            text = css(W.HTML(f"{num}{who}{esc_lines(r.text)}"), "fac-rt-refl-text")
            drop = button("✕", "fac-x", f"fac-rt-remove-{kind}", tooltip=self.t("reflecting.remove"))
            if kind == "item":
                drop.on_click(lambda _b, rid=r.id: self.do(lambda case: ops.delete_item(case, rid)))
            else:
                drop.on_click(
                    lambda _b, rid=r.id: self.do(
                        lambda case: ops.delete(case, "reflection", rid, "reflecting.edit.remove_reflection")
                    )
                )
            rows.append(css(W.HBox([text, drop]), "fac-rt-refl"))
        if not rows and kind == "item":
            rows.append(css(W.HTML(esc(self.t("reflecting.next_steps.none"))), "fac-rt-hint"))
        elif not rows and numbered:
            rows.append(css(W.HTML(esc(self.t("reflecting.conclusions.none"))), "fac-rt-hint"))
        return rows

    def _on_speaker(self, change: dict[str, Any]) -> None:
        if not self._programmatic:
            self._manual = change["new"] or None

    def add_reflection(self) -> bool:
        m = self.meeting
        if m is None:
            return False
        author = self.speaker.value or None
        text, round_no = self.text.value, self.round_no
        manual, self._manual = self._manual, None
        ok = self.do(lambda case: rt.add_reflection(case, m.id, text, author, round_no)[0])
        if not ok:
            self._manual = manual
        if ok:
            self.text.value = ""
            self._skipped.discard(author or "")
        return ok

    def skip(self) -> None:
        self._manual = None
        if self.speaker.value:
            self._skipped.add(self.speaker.value)
        self.refresh(Event("mode"))

    def new_round(self) -> None:
        m = self.meeting
        if m is None or self.shown is None:
            return
        if not rt.spoken(self.shown, m.id, self.round_no):
            self.root.say(self.t("reflecting.round_empty", round=self.round_no), "info")
            return
        self.round_no += 1
        self._manual = None
        self._skipped.clear()
        self.root.say(self.t("reflecting.round_started", round=self.round_no), "ok")
        self.refresh(Event("mode"))

    def add_conclusion(self) -> bool:
        m = self.meeting
        if m is None:
            return False
        text, round_no = self.concl_text.value, self.round_no
        ok = self.do(lambda case: rt.add_reflection(case, m.id, text, None, round_no, conclusion=True)[0])
        if ok:
            self.concl_text.value = ""
        return ok

    def add_step(self) -> bool:
        m = self.meeting
        if m is None:
            return False
        text = self.step_text.value
        ok = self.do(lambda case: ops.add_item(case, text, element="next_step", meeting=m.id)[0])
        if ok:
            self.step_text.value = ""
        return ok


# ---- the record ---------------------------------------------------------------------------------


class RecordView(RtPart):
    """Who writes the record, a preview, and the files (Word, PDF, Markdown) to save and download."""

    key = "rt-record"
    kinds = frozenset()

    def build(self) -> None:
        self.scribe_label = W.Label()
        self.scribe = css(W.Dropdown(options=[]), "fac-rt-scribe")
        self.scribe.observe(self._on_scribe, "value")
        self.make_btn = button("", "fac-rt-make-record", style="primary")
        self.make_btn.on_click(lambda _b: self.make_files())
        self.where = css(W.HTML(), "fac-rt-hint")
        self.downloads = css(W.HTML(), "fac-rt-downloads")
        self.preview = css(W.HTML(), "fac-rt-preview")
        self.empty = css(W.HTML(), "fac-rt-hint")
        self.widget.children = [
            self.empty,
            css(W.HBox([self.scribe_label, self.scribe, self.make_btn]), "fac-rt-add"),
            self.where,
            self.downloads,
            self.preview,
        ]
        self._quiet = False
        self.files: list[Any] = []

    @property
    def title(self) -> str:
        return self.t("reflecting.tab.record")

    def relabel(self) -> None:
        self.scribe_label.value = self.t("reflecting.scribe")
        self.make_btn.description = self.t("reflecting.make_record")
        self.empty.value = esc(self.t("reflecting.no_meeting"))

    def refresh(self, event: Event) -> None:
        shown, m = self.shown, self.meeting
        self.empty.layout.display = "" if m is None else "none"
        self.make_btn.disabled = m is None
        self.scribe.disabled = m is None
        if shown is None:
            return
        team = rt.team(shown, m)
        options = [(self.t("reflecting.nobody_yet"), "")] + [(shown.name_of(pid), pid) for pid in team]
        self._quiet = True
        try:
            self.scribe.options = options
            self.scribe.value = (m.scribe if m and m.scribe in team else "") or ""
        finally:
            self._quiet = False
        self.where.value = esc(self.t("reflecting.record_where"))
        if event.type in ("edit", "sync", "case", "meeting", "lang", "mode"):
            self.downloads.value = ""
        blocks = record.record_blocks(
            shown, m.id if m else None, self.session.lang, pseudonymised=bool(self.root.pseudonym)
        )
        self.preview.value = blocks_html(blocks)

    def _on_scribe(self, change: dict[str, Any]) -> None:
        if self._quiet:
            return
        m = self.meeting
        if m is None:
            return
        pid = change["new"] or None
        self.do(lambda case: rt.set_scribe(case, m.id, pid))

    def make_files(self) -> list[Any]:
        """Write the record as Word, PDF and Markdown next to the store, and offer them for download."""
        case, m = self.session.case, self.meeting
        if case is None or m is None:
            return []
        lang = self.session.lang
        out = exports_dir(self.session.store.path)
        links, paths = [], []
        from ...export.common import write_failure, write_private

        try:
            for fmt in ("docx", "pdf", "md"):
                name, data = record.render(case, m.id, fmt, lang, self.root.pseudonym)
                path = write_private(out / name, data, overwrite=True)
                paths.append(path)
                links.append(
                    download_link(
                        name,
                        data,
                        record.MIME[fmt],
                        self.t("reflecting.download." + fmt),
                        f"fac-rt-download fac-rt-download-{fmt}",
                    )
                )
        except (OSError, FacilitationError) as e:
            reason = write_failure(self.session.lang, e)
            self.root.say(self.t("reflecting.write_failed", reason=reason), "error")
            return []
        self.files = paths
        self.downloads.value = "".join(links)
        self.root.say(self.t("reflecting.record_saved", folder=str(out)), "ok")
        return paths


# ---- the dashboard ------------------------------------------------------------------------------


class ReflectingTeam(CaseMeetingPicks):
    """Root of the reflecting-team dashboard (CSS classes ``fac-reflecting-team``, ``fac-ready``)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.pseudonym: str | None = None
        self._shown_key: tuple[Any, ...] | None = None
        self._shown: Case | None = None
        self._quiet = False
        self.parts: list[RtPart] = []
        self._chips: dict[tuple[str, str, str, str], W.Widget] = {}
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
        self._relabel()
        self._refresh()
        self.widget.add_class("fac-ready")

    # ---- what is shown -------------------------------------------------------------------------

    @property
    def shown(self) -> Case | None:
        case = self.session.case
        if case is None or not self.pseudonym:
            return case
        # The case object itself is part of the key (held, so its id can never be reused for another case).
        key = (case, self.pseudonym, self.session.lang)
        if self._shown_key is None or key[0] is not self._shown_key[0] or key[1:] != self._shown_key[1:]:
            self._shown = record.shown_case(case, self.session.lang, self.pseudonym)
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
        self.title = css(W.HTML(), "fac-app-title")
        self.case_pick = css(
            W.Dropdown(options=[], layout=W.Layout(width="auto", min_width="11em")), "fac-rt-case-pick"
        )
        self.meeting_pick = css(
            W.Dropdown(options=[], layout=W.Layout(width="auto", min_width="11em")), "fac-rt-meeting-pick"
        )
        self.new_meeting_btn = button("", "fac-rt-new-meeting")
        self.pseudo_btn = css(W.ToggleButton(value=False), "fac-rt-pseudo")
        self.pseudo_mode = css(
            W.ToggleButtons(options=[("", "roles"), ("", "names")], value="roles"), "fac-rt-pseudo-mode"
        )
        self.undo_btn = button("", "fac-undo")
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

        # New meeting: date and who of the team is there.
        self.nm_date = css(W.DatePicker(value=date.today()), "fac-rt-nm-date")
        self.nm_present = css(W.SelectMultiple(options=[], rows=6), "fac-rt-nm-present")
        self.nm_start = button("", "fac-rt-nm-start", style="primary")
        self.nm_cancel = button("", "fac-rt-nm-cancel")
        self.nm_labels = [W.Label(), W.Label()]
        self.nm_hint = css(W.HTML(), "fac-rt-hint")
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
        self.team_label = css(W.HTML(), "fac-rt-team-label")
        self.team_chips = css(W.HBox(), "fac-rt-chips")
        self.member_name = css(W.Text(layout=W.Layout(width="11em")), "fac-rt-member-name")
        self.member_role = css(W.Text(layout=W.Layout(width="11em")), "fac-rt-member-role")
        self.member_add = button("", "fac-rt-add-member")
        self.team_bar = css(
            W.HBox([self.team_label, self.team_chips, self.member_name, self.member_role, self.member_add]),
            "fac-rt-teambar",
        )
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

    # ---- texts ---------------------------------------------------------------------------------

    def _relabel(self) -> None:
        t = self.session.t
        self.title.value = f"<span>{esc(t('reflecting.title'))}</span>"
        self.new_meeting_btn.description = t("reflecting.new_meeting")
        self.pseudo_btn.description = t("reflecting.pseudo.switch")
        self.pseudo_btn.tooltip = t("reflecting.pseudo.switch_tip")
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
        self.undo_btn.description = t("shell.undo")
        self.undo_btn.tooltip = t("shell.undo_tip")
        self.nm_labels[0].value = t("shell.meeting_date")
        self.nm_labels[1].value = t("reflecting.team_present")
        self.nm_hint.value = esc(t("reflecting.team_present_hint"))
        self.nm_start.description = t("reflecting.start_meeting")
        self.nm_cancel.description = t("shell.cancel")
        self.team_label.value = esc(t("reflecting.team"))
        self.member_name.placeholder = t("reflecting.member_name_ph")
        self.member_role.placeholder = t("reflecting.member_role_ph")
        self.member_add.description = t("reflecting.add_member")
        self.empty.value = f"<p>{esc(t('reflecting.no_case'))}</p>"
        self.tabs.titles = tuple(p.title for p in self.parts)

    # ---- events --------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if event.type in ("case", "sync"):
            self._ensure_meeting()
        if event.type == "lang":
            self._relabel()
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
            for m in reversed(ms):
                label = t("reflecting.meeting_label", date=m.date)
                if m.title:
                    label += f" · {m.title}"
                m_options.append((label, m.id))
            self.meeting_pick.disabled = not m_options
            self.meeting_pick.options = m_options or [(t("reflecting.no_meeting_short"), "")]
            self.meeting_pick.value = (
                self.meeting.id if self.meeting is not None else (m_options[0][1] if m_options else "")
            )
        finally:
            self._quiet = False
        if shown is not None:
            people = sorted(shown.people.values(), key=lambda p: (p.sector != "professional", p.name.casefold()))
            self.nm_present.options = [(record.person_label(p), p.id) for p in people if not p.is_child]
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
            p.refresh(Event("mode"))

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
        when = self.nm_date.value.isoformat() if self.nm_date.value else ""
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
        self.say(self.session.t("reflecting.meeting_started", date=when), "ok")
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
