"""The network part: the map (or the genogram, or the network over time) and, beside it, adding people,
the person editor, the facts and the Family Finding list.

State in ``state.py``, texts and rows in ``present.py``, the editor in ``editor.py``, quick add in
``quick_add.py``, the comparison in ``over_time.py``; this file builds the part and binds it.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

import ipywidgets as W

from ...domain import network as net
from ...domain import ops
from ...domain.errors import FacilitationError
from ...domain.genogram import genogram
from ...figures import map_layout as lay
from ...figures.genogram import gap_texts, genogram_figure
from ...figures.network import network_figure
from ...figures.text import shorten
from ...services.seats import Seats
from ..base import PartView, Rows, button, css, esc
from ..keys import KeyBindings
from ..loop import kernel_loop
from ..plot import PlotView
from . import keys
from .lazy import EditorOnDemand
from .map_input import MapInput
from .over_time import OverTime
from .present import (
    MAX_LISTED,
    facts_html,
    facts_rows,
    family_finding_rows,
    ff_legend,
    map_legend,
    shortened_html,
    supports_html,
)
from .quick_add import QuickAdd
from .state import MODES, TIE_FILTERS, NetworkState, ViewChoices

KEEP = object()
"""``set_choices``: keep what is chosen."""

log = logging.getLogger(__name__)


class NetworkView(EditorOnDemand, PartView[NetworkState]):
    """The network map and its editor."""

    key = "network"
    kinds = frozenset({"person", "tie", "agreement", "case", "meeting", "map_snapshot"})
    SHORTCUTS = keys.SHORTCUTS

    # ---- building --------------------------------------------------------------------------------------

    def build(self) -> None:
        self.selected: str | None = None
        self.choices = ViewChoices()
        self._seat_book = Seats(lambda: self.session.store)
        self._places: tuple[Any, dict[str, int] | None, dict[str, lay.Placement]] | None = None
        self._keys: dict[str, Any] = {}
        map_col = self._build_map()
        side = self._build_side()
        self.widget.children = [css(W.HBox([map_col, side]), "fac-net-body")]
        self.input.wait(lambda: self._size_known(None))
        loop = kernel_loop()
        if self.input.due and loop is not None:
            loop.call_soon(self._work_out_places)

    def _work_out_places(self) -> None:
        """While the page draws the part and measures the map, the kernel would be idle: the seats are worked
        out now (~0.15 s for the first map in a kernel). Nothing is shown; a failure is met again with the map."""
        if not self.input.due or self.session.case is None:
            return
        try:
            self.places()
        except Exception:  # the same work runs again for the map itself, where an error is handled
            log.debug("working out the map's places ahead failed", exc_info=True)

    def _build_map(self) -> W.Box:
        tx = self.text
        self.mode = css(W.ToggleButtons(options=[(m, m) for m in MODES], value="map"), "fac-net-mode")
        self.plot = tx(css(PlotView(), "fac-net-plot"), "network.plot_error", "error_text")
        self.plot.on_click(self.on_plot_click)
        self.legend = css(W.HTML(), "fac-net-legend")
        self.short_names = css(W.HTML(), "fac-net-legend", "fac-net-shortened")
        # The genogram and the network over time are built when first shown (a part opens faster).
        self.genogram_box = css(W.VBox(), "fac-genogram")
        self.time_box = css(W.VBox(), "fac-net-timebox")
        self.map_box = css(W.VBox([self.plot, self.legend, self.short_names]), "fac-net-mapbox")
        self.input = MapInput()
        self.input.observe(self._on_size, "size")
        self.input.on_msg(self._on_input)
        self.text_size = css(W.ToggleButtons(options=[("A", 0), ("A+", 1), ("A++", 2)], value=0), "fac-net-text-size")
        self.show_ties = css(W.Dropdown(options=[(f, f) for f in TIE_FILTERS], value="all"), "fac-net-show-ties")
        self.text_size_label = tx(css(W.HTML(), "fac-net-text-size-label"), "network.text_size", "value", html=True)
        self.on(self.text_size, lambda n: self.choose(text_size=n))
        self.on(self.show_ties, lambda f: self.choose(ties=f))
        self.on(self.mode, lambda m: self.choose(mode=m))
        self.view_bar = css(W.HBox([self.show_ties, self.text_size_label, self.text_size]), "fac-net-viewbar")
        self.keys = KeyBindings(".fac-network", keys.key_bindings())
        self.keys.on_key(lambda name: keys.on_key(self, name))
        return css(W.VBox([self.map_box, self.genogram_box, self.time_box, self.input, self.keys]), "fac-net-mapcol")

    def _build_genogram(self) -> None:
        tx = self.text
        self.geno_plot = tx(css(PlotView(), "fac-genogram-plot"), "network.plot_error", "error_text")
        self.geno_plot.on_click(self.on_plot_click)
        self.gaps = css(W.HTML(), "fac-genogram-gaps")
        self.geno_legend = css(W.HTML(), "fac-net-legend")
        self.genogram_box.children = [self.geno_plot, self.gaps, self.geno_legend]

    def _build_time(self) -> None:
        self.time = OverTime(self)
        self.time_box.children = [self.time.widget]

    def _build_side(self) -> W.Box:
        tx = self.text
        self.gone = css(W.HTML(), "fac-net-gone")
        self._build_add()
        self.quick = QuickAdd(self)
        self.pick = css(W.Dropdown(options=[("", "")]), "fac-net-pick")
        self.on(self.pick, self._on_pick)
        # The person editor and the tie menu (half the part's widgets) are built when first needed.
        self._ed = None
        self._menu = None
        self.ed_slot = css(W.VBox(), "fac-net-slot")
        self.menu_slot = css(W.VBox(), "fac-net-slot")
        self.facts_title = tx(css(W.HTML(), "fac-net-box-title"), "network.facts.title", "value", html=True)
        self.facts_html = css(W.HTML(), "fac-net-facts-html")
        self.supports_html = css(W.HTML(), "fac-net-supports")
        self.to_tell_label = W.HTML()
        self.to_tell_line = css(W.HBox(), "fac-fact-line", "fac-net-to-tell")
        self.isolated_label = W.HTML()
        self.isolated_line = css(W.HBox(), "fac-fact-line", "fac-net-isolated")
        self.facts_box = css(
            W.VBox([self.facts_title, self.facts_html, self.supports_html, self.to_tell_line, self.isolated_line]),
            "fac-net-box",
            "fac-net-factsbox",
        )
        self.ff_title = css(W.HTML(), "fac-net-box-title")
        self.ff_rows: Rows[str, tuple[str, str]] = Rows(self._make_ff_row, self._redraw_ff_row)
        self.ff_list = css(W.VBox(), "fac-ff-rows")
        self.ff_box = css(W.VBox([self.ff_title, self.ff_list]), "fac-net-box", "fac-family-finding")
        items = [
            self.mode,
            self.gone,
            self.menu_slot,
            self.ed_slot,
            self.add_box,
            self.pick,
            self.quick.widget,
            self.facts_box,
            self.ff_box,
            self.view_bar,
        ]
        return css(W.VBox(items), "fac-net-side")

    def _build_add(self) -> None:
        """The form for one person: a name, who they are, where and how close; phone and note if wanted."""
        tx = self.text
        self.add_title = tx(css(W.HTML(), "fac-net-box-title"), "network.add.title", "value", html=True)
        self.add_hint = css(W.HTML(), "fac-net-editor-sub", "fac-add-hint")
        self.add_name = tx(css(W.Text(), "fac-add-name"), "network.name_ph", "placeholder")
        self.add_relation = tx(css(W.Text(), "fac-add-relation"), "network.relation_ph", "placeholder")
        self.add_sector = css(W.ToggleButtons(options=[("", "family")], value="family"), "fac-add-sector")
        self.add_ring = css(W.ToggleButtons(options=[("", 2)], value=2), "fac-add-ring")
        self.add_more = tx(css(W.ToggleButton(value=False), "fac-add-more"), "network.more")
        self.add_phone = tx(css(W.Text(), "fac-add-phone"), "network.add_phone_ph", "placeholder")
        self.add_notes = tx(
            css(W.Textarea(rows=2), "fac-add-notes", "fac-professional-only"), "network.add_notes_ph", "placeholder"
        )
        self.add_more_box = W.VBox([self.add_phone, self.add_notes])
        self.add_more_box.layout.display = "none"
        self.on(self.add_more, lambda on: setattr(self.add_more_box.layout, "display", "" if on else "none"))
        self.add_btn = tx(button("", "fac-add-person", style="primary"), "network.add")
        self.add_btn.on_click(lambda _b: self.add_person())
        label = lambda key: tx(css(W.HTML(), "fac-net-field-label"), key, "value", html=True)  # noqa: E731
        self.add_labels = {k: label(f"network.{k}") for k in ("name", "relation", "sector", "closeness")}
        rows = [
            self.add_title,
            self.add_hint,
            css(W.HBox([self.add_labels["name"], self.add_name]), "fac-net-inline"),
            css(W.HBox([self.add_labels["relation"], self.add_relation]), "fac-net-inline"),
            self.add_labels["sector"],
            self.add_sector,
            self.add_labels["closeness"],
            self.add_ring,
            self.add_more,
            self.add_more_box,
            self.add_btn,
        ]
        self.add_box = css(W.VBox(rows), "fac-net-box", "fac-net-add")

    # ---- state -----------------------------------------------------------------------------------------

    def state(self) -> NetworkState:
        case = self.case
        s = self.session
        selected = self.selected if self.selected in case.people else None
        return NetworkState(
            lang=s.lang,
            projection=s.projection,
            people=case.people,
            ties=case.ties,
            agreements=case.agreements,
            meetings=case.meetings,
            snapshots=case.map_snapshots,
            meeting_id=s.meeting_id,
            selected=selected,
            view=self.choices,
        )

    def choose(self, **changes: Any) -> None:
        """Change how the map is looked at (mode, text size, ties shown, the moments compared)."""
        mode_changed = "mode" in changes and changes["mode"] != self.choices.mode
        self.choices = replace(self.choices, **changes)
        self.update()
        if mode_changed:
            self.input.measure_n += 1  # another plot in view: its own size

    def seats(self) -> dict[str, int]:
        """Seats by order of arrival, read from the store's change log (so every screen agrees)."""
        return self._seat_book(self.case)

    def places(self) -> dict[str, lay.Placement]:
        """Where everyone sits on the map: worked out once per case and seats (asked ahead, then for the map)."""
        try:
            seats = self.seats()
        except FacilitationError:
            seats = None  # the store is busy or the case went: place by id this once
        last = self._places
        if last is None or last[0] is not self.case or last[1] != seats:
            last = self._places = (self.case, seats, lay.layout(self.case, seats))
        return dict(last[2])

    # ---- showing ---------------------------------------------------------------------------------------

    def show(self, s: NetworkState, previous: NetworkState | None) -> None:
        t = self.t
        if self.selected is not None and s.selected is None:
            self._gone(self.selected)
        self.set_choices(self.mode, [(t(f"network.mode.{m}"), m) for m in MODES], s.view.mode)
        self.set_choices(self.show_ties, [(t(f"network.show_ties.{f}"), f) for f in TIE_FILTERS], s.view.ties)
        self.set_quietly(
            self.text_size, value=s.view.text_size, tooltips=[t(f"network.text_size.{i}") for i in range(3)]
        )
        if s.view.mode == "genogram" and not self.genogram_box.children:
            self._build_genogram()
        if s.view.mode == "time" and not self.time_box.children:
            self._build_time()
        for box, mode in ((self.map_box, "map"), (self.genogram_box, "genogram"), (self.time_box, "time")):
            box.layout.display = "" if s.view.mode == mode else "none"
        self.view_bar.layout.display = "" if s.view.mode == "map" else "none"
        f = net.facts(self.case)
        if s.view.mode == "map":
            self._show_map(s, f)
        elif s.view.mode == "genogram":
            self._show_genogram(s)
        elif self._changed(
            "time", (s.lang, s.people, s.ties, s.snapshots, s.meetings, s.meeting_id, s.view.compare, s.view.screen)
        ):
            self.time.show(s)
        self._show_side(s)
        self._show_facts(f)
        if self._changed("quick", (s.lang, s.people)):
            self.quick.show()

    def set_choices(self, widget: W.Widget, options: list[tuple[str, Any]], value: Any = KEEP) -> None:
        """New options (labels in the current language), keeping the choice (or ``value``), without echo."""
        want = widget.value if value is KEEP else value
        values = [v for _, v in options]
        with self.quietly(), widget.hold_sync():
            if [tuple(o) for o in widget.options] != [tuple(o) for o in options]:
                widget.options = options
            if want in values and widget.value != want:
                widget.value = want

    def _changed(self, what: str, key: Any) -> bool:
        if self._keys.get(what) == key:
            return False
        self._keys[what] = key
        return True

    def _show_map(self, s: NetworkState, f: net.NetworkFacts) -> None:
        if self.input.due and s.view.screen is None:
            return  # drawn once, at its size in the browser (``MapInput.wait``)
        if not self._changed("map", s.map_key()):
            return
        v = s.view
        figure = network_figure(
            self.case,
            s.lang,
            places=self.places(),
            selected=s.selected,
            text_size=v.text_size,
            projection=s.projection,
            ties=v.ties,
            screen=v.screen,
            known=f,
            present=s.present,
        )
        self.plot.show(figure)
        ff_used = {p.ff_status for p in s.people.values() if p.ff_status}
        self.legend.value = map_legend(self.t, ff_used, bool(s.present))
        self.short_names.value = shortened_html(self.case, figure["layout"]["meta"]["shortened"], self.t)

    def _show_genogram(self, s: NetworkState) -> None:
        if not self._changed("genogram", (s.lang, s.people, s.ties, s.selected, s.view.screen)):
            return
        g = genogram(self.case)
        self.geno_plot.show(genogram_figure(self.case, s.lang, screen=s.view.screen, selected=s.selected, layout=g))
        t = self.t
        gaps = gap_texts(self.case, s.lang, g)
        parts = []
        if gaps:
            items = "".join(f"<li>{esc(x)}</li>" for x in gaps)
            parts.append(f'<div class="fac-gaps"><b>{esc(t("genogram.gaps_title"))}</b><ul>{items}</ul></div>')
        if g.unplaced:
            names = ", ".join(esc(self.case.name_of(p)) for p in g.unplaced)
            parts.append(f'<div class="fac-unplaced fac-professional-only">{esc(t("genogram.unplaced"))} {names}</div>')
        self.gaps.value = "".join(parts)
        ff_used = {self.case.people[p].ff_status for p in g.places if self.case.people[p].ff_status}
        signs = ff_legend(t, ff_used)
        self.geno_legend.value = esc(t("genogram.legend")) + (f"<br>{signs}" if signs else "")

    def _show_side(self, s: NetworkState) -> None:
        p = s.people.get(s.selected) if s.selected else None
        self.add_box.layout.display = "none" if p else ""
        self.quick.widget.layout.display = "none" if p else ""
        if p is not None or self._ed is not None:
            self.ed.widget.layout.display = "" if p else "none"
        if p is not None:
            self.ed.show(p, s.meeting_id is not None, p.id in s.present)
        t = self.t
        self.set_choices(
            self.add_sector, [(t(f"sector.{x}"), x) for x in ("family", "friends", "school", "professional")]
        )
        self.set_choices(self.add_ring, [(t(f"closeness.{c}"), c) for c in (1, 2, 3)])
        if self._changed("pick", (s.lang, s.people)):
            people = sorted(s.people.values(), key=lambda q: (not q.is_child, q.name.casefold(), q.id))
            options = [
                (t("network.pick"), ""),
                *((shorten(f"{q.name} ({q.relation})" if q.relation else q.name, 44), q.id) for q in people),
            ]
            self.set_choices(self.pick, options, "")

    def _show_facts(self, f: net.NetworkFacts) -> None:
        t, case = self.t, self.case
        self.facts_html.value = facts_html(facts_rows(f, t))
        self.supports_html.value = supports_html(case, f, t)
        if f.not_told:
            self.to_tell_label.value = f"<b>{esc(t('network.facts.not_told'))}</b>"
        else:
            self.to_tell_label.value = esc(t("network.facts.all_told")) if f.in_safety_network else ""
        self._person_buttons("to_tell", self.to_tell_line, self.to_tell_label, f.not_told, "fac-fact-to-tell")
        self.isolated_label.value = f"<b>{esc(t('network.facts.isolated'))}</b>" if f.isolated else ""
        self._person_buttons("isolated", self.isolated_line, self.isolated_label, f.isolated, "")
        rows = family_finding_rows(case, f, t)
        self.ff_title.value = esc(t("network.ff.list_title", n=len(rows)) if rows else t("network.ff.list_none"))
        self.ff_list.children = self.ff_rows.widgets((pid, (pid, html)) for pid, html in rows)
        for w in self.ff_rows.take_gone():
            w.close()

    def _make_ff_row(self, state: tuple[str, str]) -> W.Widget:
        pid, _html = state
        open_btn = self.text(button("", "fac-ff-open"), "network.ff.open")
        open_btn.on_click(lambda _b: self.select(pid))
        row = css(W.HBox([css(W.HTML(), "fac-ff-text"), open_btn]), "fac-ff-row")
        self._redraw_ff_row(row, state)
        return row

    def _redraw_ff_row(self, row: W.Widget, state: tuple[str, str]) -> None:
        row.children[0].value = state[1]

    def _person_buttons(self, which: str, line: W.Box, label: W.HTML, ids: tuple[str, ...], cls: str) -> None:
        """Names as buttons: a click opens that person (e.g. to mark that they were told)."""
        case = self.case
        if not self._changed(which, (self.session.lang, tuple((i, case.people[i].name) for i in ids), label.value)):
            return
        buttons: list[W.Widget] = [label]
        for pid in ids[:MAX_LISTED]:
            name = case.people[pid].name
            b = button(shorten(name, 24), "fac-fact-person", *([cls] if cls else []), tooltip=name, many=True)
            b.on_click(lambda _b, pid=pid: self.select(pid))
            buttons.append(b)
        if len(ids) > MAX_LISTED:
            buttons.append(W.HTML(esc(self.t("network.facts.more", n=len(ids) - MAX_LISTED))))
        line.children = buttons
        line.layout.display = "" if ids or label.value else "none"

    def _gone(self, pid: str) -> None:
        """The open person was removed (undo, another screen): what was typed is offered, not thrown away."""
        typed = self.ed.typed() if self.has_unsaved_details() else None
        self.selected = None
        if self._ed is not None:
            self.ed.open(None)
        if typed is None:
            self.gone.value = ""
            return
        self.add_name.value, self.add_relation.value = typed["name"], typed["relation"]
        self.add_phone.value, self.add_notes.value = typed["phone"], typed["notes"]
        self.add_more.value = bool(typed["phone"] or typed["notes"])
        self.gone.value = (
            f'<div class="fac-msg fac-msg-error">{esc(self.t("network.gone", name=shorten(typed["name"], 60)))}</div>'
        )

    # ---- actions ---------------------------------------------------------------------------------------

    def select(self, person_id: str | None) -> None:
        """Open a person in the editor (None: back to adding someone)."""
        case = self.case
        if person_id is not None and person_id not in case.people:
            return
        if person_id != self.selected and self.has_unsaved_details():
            # Details typed for the open person are not thrown away by a click on someone else.
            self.session.set_status(self.t("network.unsaved_first"), "error")
            return
        if person_id != self.selected and (person_id is not None or self._ed is not None):
            self.ed.open(case.people.get(person_id) if person_id else None)
            self.input.scroll += 1  # the editor from its top
        self.selected = person_id
        self.gone.value = ""
        self.update()

    def on_plot_click(self, message: dict[str, Any]) -> None:
        pid = message.get("customdata")
        if isinstance(pid, str) and pid in self.case.people:
            self.select(pid)

    def _on_pick(self, pid: str) -> None:
        if pid:
            self.select(pid)
            self.set_quietly(self.pick, value="")
            self.input.ask_focus(".fac-person-name")

    def add_person(self) -> bool:
        s = self.session
        fields = {
            "relation": ops.clean(self.add_relation.value),
            "sector": self.add_sector.value,
            "closeness": self.add_ring.value,
            "phone": ops.clean(self.add_phone.value),
            "notes": ops.clean(self.add_notes.value),
        }
        try:
            edit, _pid = ops.add_person(self.case, self.add_name.value, **fields)
        except FacilitationError as e:
            s.fail(e)
            return False
        name = str(edit.params.get("name", ""))
        namesake = any(p.name.casefold() == name.casefold() for p in self.case.people.values())
        if not s.do(edit):
            return False
        for w in (self.add_name, self.add_relation, self.add_phone, self.add_notes):
            w.value = ""
        self.add_hint.value = self.gone.value = ""
        s.set_status(self.t("network.added_namesake" if namesake else "network.added", name=shorten(name, 60)), "ok")
        return True

    def add_link(self, pid: str, other: str, choice: str, note: str = "", clear: W.Text | None = None) -> bool:
        """A tie or family link from ``pid``'s side ("parent_of", "child_of", "support", ...)."""
        try:
            edit, _tid = net.add_link(self.case, pid, other, choice, note)
        except FacilitationError as e:
            self.session.fail(e)
            return False
        if not self.session.do(edit):
            return False
        if clear is not None:
            clear.value = ""
        a, b = shorten(self.case.name_of(pid), 40), shorten(self.case.name_of(other), 40)
        self.session.set_status(self.t("network.tie.added", a=a, b=b, kind=self.t(f"network.link.{choice}")), "ok")
        return True

    def nudge(self, dx: int, dy: int) -> bool:
        pid = self.selected
        if pid is None:
            return False
        x, y = lay.nudged(self.places()[pid], dx, dy)
        return self.session.do(lambda c: net.place_by_hand(c, pid, x, y))

    def remove_person(self) -> bool:
        case, pid = self.case, self.selected
        if pid is None or pid not in case.people:
            return False
        name = case.people[pid].name
        self.ed.confirm(None)
        self.ed.open(None)
        self.selected = None
        if not self.session.do(lambda c: ops.remove_person(c, pid)):
            self.select(pid if pid in self.case.people else None)
            return False
        self.session.set_status(self.t("network.removed", name=shorten(name, 60)), "ok")
        return True

    def forget_person(self) -> bool:
        """Erase the person from the case and from its change log (``Session.forget_person``)."""
        case, pid, s = self.case, self.selected, self.session
        if pid is None or pid not in case.people:
            return False
        if not hasattr(s, "forget_person"):
            s.set_status(self.t("network.forget.unavailable"), "error")
            return False
        name = case.people[pid].name
        self.ed.confirm(None)
        self.ed.open(None)
        self.selected = None
        if not s.forget_person(pid):
            self.select(pid if pid in self.case.people else None)
            return False
        s.set_status(self.t("network.forget.done", name=shorten(name, 60)), "ok")
        self.update(force=True)
        return True

    # ---- on the map itself -----------------------------------------------------------------------------------

    def _size_known(self, screen: tuple[int, int] | None) -> None:
        """The map's size in the browser (None: not known); a map that waited for it is drawn now."""
        self.input.due = False
        self.choose(screen=screen)
        if "map" not in self._keys:
            self.update(force=True)  # not drawn yet, and no size known: drawn at the assumed size

    def _on_size(self, _change: dict[str, Any]) -> None:
        size = self.input.size
        ok = len(size) == 2 and all(100 <= n <= 10_000 for n in size)
        self._size_known((int(size[0]), int(size[1])) if ok else None)
        self.widget.add_class("fac-net-sized")

    def _on_input(self, _w: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        kind = content.get("type")
        if kind == "dblclick":
            self.add_here(content.get("x"), content.get("y"))
        elif kind == "open" and isinstance(content.get("id"), str):
            self.select(content["id"])
        elif kind == "drag":
            self.menu.ask(content.get("from"), content.get("to"))
        elif kind == "submit" and isinstance(content.get("fields"), dict):
            self.submit(str(content.get("form")), content["fields"])

    def submit(self, form: str, fields: dict[str, Any]) -> bool:
        """Enter in a form: what the page shows in its fields is what is stored (``add``, ``editor``, ``tie``)."""
        typed = {k: v for k, v in fields.items() if isinstance(v, str)}
        if form == "add":
            for k, w in (("name", self.add_name), ("relation", self.add_relation), ("phone", self.add_phone)):
                w.value = typed.get(k, w.value)
            self.add_notes.value = typed.get("notes", self.add_notes.value)
            return self.add_person()
        if form == "editor" and self.selected is not None:
            for k, w in self.ed.fields.items():
                if k in typed:
                    w.value = typed[k]
            return self.ed.store()
        if form == "tie" and self.selected is not None:
            self.ed.tie_note.value = typed.get("note", self.ed.tie_note.value)
            return self.ed.add_tie()
        return False

    def add_here(self, x: Any, y: Any) -> bool:
        """A double-click on an empty spot: the form is set to that sector and ring, ready for a name."""
        if not isinstance(x, (int, float)) or not isinstance(y, (int, float)):
            return False
        cell = lay.cell_at(float(x), float(y))
        if cell is None:
            self.session.set_status(self.t("network.dblclick_centre"), "info")
            return False
        if self.selected is not None:
            self.select(None)
            if self.selected is not None:
                return False  # unsaved details: the editor stays open
        sector, ring = cell
        self.add_sector.value, self.add_ring.value = sector, ring
        where = f"{self.t(f'sector.{sector}')} · {self.t(f'closeness.{ring}')}"
        self.add_hint.value = esc(self.t("network.add_here", where=where))
        self.input.ask_focus(".fac-add-name")
        return True

    # ---- kept for callers of the first version --------------------------------------------------------------

    def save_person(self) -> bool:
        return self.ed.store()

    def has_unsaved_details(self) -> bool:
        return self._ed is not None and self._ed.has_unsaved()
