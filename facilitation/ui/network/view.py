"""The network map: draw the child's network with the family while they talk.

Left the map (children at the centre, closeness rings, sector quarters; click a person to edit), right
the facts that matter to the meeting and either the quick "add someone" form or the selected person's
editor (details, safety circles, safety network, ring and sector, moving by hand, ties, removing).
"""

from __future__ import annotations

from typing import Any

import anywidget
import ipywidgets as W
import traitlets

from ...domain import network as net
from ...domain import ops
from ...domain.errors import FacilitationError
from ...domain.model import CLOSENESS, KNOWLEDGE, SECTORS, TIE_KINDS, Person
from ...figures import map_layout as lay
from ...figures.map_seats import SeatBook
from ...figures.network import (
    SAFETY_COLOUR,
    SECTOR_COLOURS,
    TIE_STYLES,
    TO_TELL_COLOUR,
    network_figure,
    shorten,
)
from .. import esm
from ..base import Part, button, css, esc
from ..plot import PlotView
from ..session import Event

MAX_LISTED = 10
"""Names listed per fact (the rest as 'and N more')."""


class MapSizeProbe(anywidget.AnyWidget):  # type: ignore[misc]
    """Tells the kernel how large the map is drawn (px, in steps of 20), so names fit the screen."""

    _esm = traitlets.Unicode(esm.module("map-size")).tag(sync=True)
    size = traitlets.List(traitlets.Int(), default_value=[]).tag(sync=True)


def _legend_line(colour: str, width: float, dash: str) -> str:
    dashes = {"solid": "", "dash": 'stroke-dasharray="7 4"', "dot": 'stroke-dasharray="2 4"'}[dash]
    return (
        f'<svg width="28" height="12" aria-hidden="true"><line x1="1" y1="6" x2="27" y2="6" stroke="{colour}" '
        f'stroke-width="{width}" {dashes} stroke-linecap="round"/></svg>'
    )


def _legend_marker(kind: str, colour: str = "#1d2430") -> str:
    if kind == "square":
        shape = f'<rect x="3" y="3" width="14" height="14" fill="none" stroke="{colour}" stroke-width="2.5"/>'
    elif kind == "ring":
        shape = f'<circle cx="10" cy="10" r="8" fill="none" stroke="{colour}" stroke-width="3"/>'
    else:
        fill = colour if kind == "all" else "white"
        dot = f'<circle cx="10" cy="10" r="2.5" fill="{colour}"/>' if kind == "some" else ""
        shape = f'<circle cx="10" cy="10" r="7" fill="{fill}" stroke="{colour}" stroke-width="2.5"/>{dot}'
    return f'<svg width="20" height="20" aria-hidden="true">{shape}</svg>'


class NetworkView(Part):
    """The network map and its editor."""

    key = "network"
    kinds = frozenset({"person", "tie", "agreement", "case"})

    # ---- building --------------------------------------------------------------------------------

    def build(self) -> None:
        self.selected: str | None = None
        self._quiet = False
        self._last_figure: dict[str, Any] | None = None
        self._book = SeatBook()
        self._book_case: str | None = None
        self._loaded: dict[str, str] = {}
        self._loaded_id: str | None = None
        self._tie_rows: dict[str, tuple[Any, W.Box]] = {}
        self._other_key: tuple[Any, ...] = ()
        self._fact_keys: dict[str, tuple[Any, ...]] = {}
        map_col = self._build_map()
        self._build_facts()
        self._build_add()
        self._build_editor()
        # Adding and editing first (what the consultant does while people talk), then the facts.
        side = css(W.VBox([self.add_box, self.editor, self.facts_box, self.view_bar]), "fac-net-side")
        self.widget.children = [css(W.HBox([map_col, side]), "fac-net-body")]

    def _build_map(self) -> W.Box:
        self.plot = css(PlotView(), "fac-net-plot")
        self.plot.on_click(self.on_plot_click)
        self.legend = css(W.HTML(), "fac-net-legend")
        self.text_size = css(W.ToggleButtons(options=[("A", 0), ("A+", 1), ("A++", 2)], value=0), "fac-net-text-size")
        self.text_size.observe(lambda _ch: self.refresh(Event("text_size")), "value")
        self.text_size_label = css(W.HTML(), "fac-net-text-size-label")
        self.show_ties = css(W.Dropdown(options=[("all", "all")], value="all"), "fac-net-show-ties")
        self.show_ties.observe(lambda _ch: None if self._quiet else self.refresh(Event("show_ties")), "value")
        self.probe = MapSizeProbe()
        self.probe.observe(self._on_size, "size")
        self.view_bar = css(W.HBox([self.show_ties, self.text_size_label, self.text_size]), "fac-net-viewbar")
        return css(W.VBox([self.plot, self.legend, self.probe]), "fac-net-mapcol")

    def _build_facts(self) -> None:
        self.facts_title = css(W.HTML(), "fac-net-box-title")
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

    def _build_add(self) -> None:
        """The quick form: a name, who they are, where and how close; phone and note if wanted."""
        self.add_title = css(W.HTML(), "fac-net-box-title")
        self.add_name = css(W.Text(), "fac-add-name")
        self.add_relation = css(W.Text(), "fac-add-relation")
        self.add_sector = css(W.ToggleButtons(options=[(s, s) for s in SECTORS], value="family"), "fac-add-sector")
        self.add_ring = css(W.ToggleButtons(options=[(str(c), c) for c in CLOSENESS], value=2), "fac-add-ring")
        self.add_more = css(W.ToggleButton(value=False), "fac-add-more")
        self.add_phone = css(W.Text(), "fac-add-phone")
        self.add_notes = css(W.Textarea(rows=2), "fac-add-notes", "fac-professional-only")
        self.add_more_box = W.VBox([self.add_phone, self.add_notes])
        self.add_more_box.layout.display = "none"
        self.add_more.observe(
            lambda ch: setattr(self.add_more_box.layout, "display", "" if ch["new"] else "none"), "value"
        )
        self.add_btn = button("", "fac-add-person", style="primary")
        self.add_btn.on_click(lambda _b: self.add_person())
        self.add_labels = {k: css(W.HTML(), "fac-net-field-label") for k in ("name", "relation", "sector", "closeness")}
        self.add_box = css(
            W.VBox(
                [
                    self.add_title,
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
            ),
            "fac-net-box",
            "fac-net-add",
        )

    def _build_editor(self) -> None:
        """The selected person: safety circles, place on the map, ties, details, removing."""
        self.ed_title = css(W.HTML(), "fac-net-editor-title")
        self.ed_sub = css(W.HTML(), "fac-net-editor-sub")
        self.back_btn = button("", "fac-back-to-add")
        self.back_btn.on_click(lambda _b: self.select(None))
        self.ed_name = css(W.Text(), "fac-person-name")
        self.ed_relation = css(W.Text(), "fac-person-relation")
        self.ed_age = css(W.Text(layout=W.Layout(width="7em")), "fac-person-age")
        self.ed_phone = css(W.Text(), "fac-person-phone")
        self.ed_notes = css(W.Textarea(rows=3), "fac-person-notes", "fac-professional-only")
        self.save_btn = button("", "fac-save-person", style="primary")
        self.save_btn.on_click(lambda _b: self.save_person())
        self.ed_labels = {
            k: css(W.HTML(), "fac-net-field-label")
            for k in ("name", "relation", "age", "phone", "notes", "sector", "closeness", "knowledge", "move")
        }
        self.ed_labels["notes"].add_class("fac-professional-only")
        self.ed_knowledge = css(
            W.ToggleButtons(options=[(k, k) for k in KNOWLEDGE], value="none"), "fac-person-knowledge"
        )
        self.ed_safety = css(W.ToggleButton(value=False, icon=""), "fac-person-safety")
        self.ed_sector = css(W.ToggleButtons(options=[(s, s) for s in SECTORS], value="family"), "fac-person-sector")
        self.ed_ring = css(W.ToggleButtons(options=[(str(c), c) for c in CLOSENESS], value=2), "fac-person-ring")
        self.ed_knowledge.observe(self._on_knowledge, "value")
        self.ed_safety.observe(self._on_safety, "value")
        self.ed_sector.observe(self._on_cell, "value")
        self.ed_ring.observe(self._on_cell, "value")
        self.nudges = {
            d: button(arrow, "fac-nudge", f"fac-nudge-{d}")
            for d, arrow in (("left", "←"), ("up", "↑"), ("down", "↓"), ("right", "→"))
        }
        steps = {"left": (-1, 0), "right": (1, 0), "up": (0, 1), "down": (0, -1)}
        for d, b in self.nudges.items():
            b.on_click(lambda _b, s=steps[d]: self.nudge(*s))
        self.put_back_btn = button("", "fac-put-back")
        self.put_back_btn.on_click(lambda _b: self.put_back())
        self.moved_note = css(W.HTML(), "fac-net-editor-sub")
        self.move_box = W.VBox(
            [
                self.ed_labels["sector"],
                self.ed_sector,
                self.ed_labels["closeness"],
                self.ed_ring,
                self.ed_labels["move"],
                css(W.HBox([*self.nudges.values(), self.put_back_btn]), "fac-net-row"),
                self.moved_note,
            ]
        )

        # Ties of the selected person
        self.ties_title = css(W.HTML(), "fac-net-box-title")
        self.tie_rows = css(W.VBox(), "fac-tie-rows")
        self.ties_empty = css(W.HTML(), "fac-net-editor-sub")
        self.tie_other = css(W.Dropdown(options=[]), "fac-tie-other")
        self.tie_kind = css(W.Dropdown(options=[(k, k) for k in TIE_KINDS], value="support"), "fac-tie-kind")
        self.tie_note = css(W.Text(), "fac-tie-note")
        self.tie_add_btn = button("", "fac-add-tie")
        self.tie_add_btn.on_click(lambda _b: self.add_tie())
        self.ties_box = css(
            W.VBox(
                [
                    self.ties_title,
                    self.ties_empty,
                    self.tie_rows,
                    css(W.HBox([self.tie_other, self.tie_kind]), "fac-net-row"),
                    css(W.HBox([self.tie_note, self.tie_add_btn]), "fac-net-row"),
                ]
            ),
            "fac-net-box",
            "fac-net-ties",
        )

        # Removing
        self.remove_btn = button("", "fac-remove-person", "fac-danger-btn")
        self.remove_btn.on_click(lambda _b: self.ask_remove())
        self.remove_text = css(W.HTML(), "fac-remove-text")
        self.remove_yes = button("", "fac-remove-yes", style="danger")
        self.remove_no = button("", "fac-remove-no")
        self.remove_yes.on_click(lambda _b: self.remove_person())
        self.remove_no.on_click(lambda _b: self._show_confirm(False))
        self.remove_confirm = css(
            W.VBox([self.remove_text, css(W.HBox([self.remove_yes, self.remove_no]), "fac-net-row")]),
            "fac-remove-confirm",
        )
        self.remove_confirm.layout.display = "none"

        self.details_box = W.VBox(
            [
                self.ed_labels["name"],
                self.ed_name,
                self.ed_labels["relation"],
                self.ed_relation,
                self.ed_labels["age"],
                self.ed_age,
                self.ed_labels["phone"],
                self.ed_phone,
                self.ed_labels["notes"],
                self.ed_notes,
                self.save_btn,
            ]
        )
        self.circles_box = W.VBox([self.ed_labels["knowledge"], self.ed_knowledge, self.ed_safety])
        self.editor = css(
            W.VBox(
                [
                    css(W.VBox([self.ed_title, self.ed_sub, self.back_btn]), "fac-net-box"),
                    css(self.circles_box, "fac-net-box"),
                    css(self.move_box, "fac-net-box", "fac-net-move"),
                    self.ties_box,
                    css(self.details_box, "fac-net-box", "fac-net-details"),
                    css(W.VBox([self.remove_btn, self.remove_confirm]), "fac-net-box"),
                ]
            ),
            "fac-net-editor",
        )
        self.editor.layout.display = "none"

    # ---- texts -----------------------------------------------------------------------------------

    def relabel(self) -> None:
        t = self.t
        self.plot.error_text = t("network.plot_error")
        self.text_size_label.value = esc(t("network.text_size"))
        self.text_size.tooltips = [t("network.text_size.0"), t("network.text_size.1"), t("network.text_size.2")]
        self.facts_title.value = f"<span>{esc(t('network.facts.title'))}</span>"
        self.add_title.value = f"<span>{esc(t('network.add.title'))}</span>"
        for k, key in (
            ("name", "network.name"),
            ("relation", "network.relation"),
            ("sector", "network.sector"),
            ("closeness", "network.closeness"),
        ):
            self.add_labels[k].value = esc(t(key))
        self.add_name.placeholder = t("network.name_ph")
        self.add_relation.placeholder = t("network.relation_ph")
        self.add_phone.placeholder = f"{t('network.phone')} ({t('network.phone_ph')})"
        self.add_notes.placeholder = f"{t('network.notes')} ({t('network.notes_ph')})"
        self.add_more.description = t("network.more")
        self.add_btn.description = t("network.add")
        self.back_btn.description = t("network.back_to_add")
        for k, key in (
            ("name", "network.name"),
            ("relation", "network.relation"),
            ("age", "network.age"),
            ("phone", "network.phone"),
            ("notes", "network.notes"),
            ("sector", "network.sector"),
            ("closeness", "network.closeness"),
            ("knowledge", "network.knowledge"),
            ("move", "network.move"),
        ):
            self.ed_labels[k].value = esc(t(key))
        self.ed_relation.placeholder = t("network.relation_ph")
        self.ed_age.placeholder = t("network.age_ph")
        self.ed_phone.placeholder = t("network.phone_ph")
        self.ed_notes.placeholder = t("network.notes_ph")
        self.save_btn.description = t("network.save")
        self.ed_safety.description = t("network.safety_network")
        for d, b in self.nudges.items():
            b.tooltip = t(f"network.nudge.{d}")
        self.put_back_btn.description = t("network.put_back")
        self.tie_note.placeholder = t("network.tie.note_ph")
        self.tie_add_btn.description = t("network.tie.add")
        self.remove_btn.description = t("network.remove")
        self.remove_yes.description = t("network.remove.yes")
        self.remove_no.description = t("network.remove.no")
        choices: list[tuple[Any, list[tuple[str, Any]]]] = [
            *((tb, [(t(f"sector.{s}"), s) for s in SECTORS]) for tb in (self.add_sector, self.ed_sector)),
            *((tb, [(t(f"closeness.{c}"), c) for c in CLOSENESS]) for tb in (self.add_ring, self.ed_ring)),
            (self.ed_knowledge, [(t(f"network.knowledge.{k}"), k) for k in KNOWLEDGE]),
            (self.tie_kind, [(t(f"tie.{k}"), k) for k in TIE_KINDS]),
            (self.show_ties, [(t(f"network.show_ties.{k}"), k) for k in ("all", "strong", "selected")]),
        ]
        self._quiet = True
        try:
            for w, options in choices:
                keep = w.value  # new labels, same choice (a language switch must not change what was picked)
                w.options = options
                w.value = keep
        finally:
            self._quiet = False
        self._other_key = ()
        self._tie_rows.clear()
        self._fact_keys.clear()
        self.legend.value = self._legend_html()

    def _legend_html(self) -> str:
        t = self.t
        ink = "#1d2430"
        items = [
            (_legend_marker("all", ink), t("network.legend.all")),
            (_legend_marker("some", ink), t("network.legend.some")),
            (_legend_marker("none", ink), t("network.legend.none")),
            (_legend_marker("square", SECTOR_COLOURS["professional"]), t("network.legend.professional")),
            (_legend_marker("ring", SAFETY_COLOUR), t("network.legend.safety")),
            (_legend_marker("ring", TO_TELL_COLOUR), t("network.legend.to_tell")),
        ]
        for kind in ("support", "conflict", "family", "broken"):
            s = TIE_STYLES[kind]
            items.append((_legend_line(s["color"], s["width"], s["dash"]), t(f"tie.{kind}")))
        return "".join(f'<span class="fac-lg">{svg}{esc(label)}</span> ' for svg, label in items)

    # ---- showing the case ------------------------------------------------------------------------

    def seats(self) -> dict[str, int]:
        """Seats by order of arrival, read from the store's change log (so every screen agrees)."""
        case = self.case
        store = self.session.store
        if self._book_case != case.id:
            self._book.start(case, store.changes_since(case.id, 0))
            self._book_case = case.id
        else:
            self._book.replay(store.changes_since(case.id, self._book.seq))
        return self._book.seats(case)

    def refresh(self, event: Event) -> None:
        case = self.case
        if case is None:
            self.selected = None
            return
        if self.selected is not None and self.selected not in case.people:
            self.selected = None
            self._show_confirm(False)
        try:
            seats = self.seats()
        except FacilitationError:
            seats = None  # the store is busy or the case went: place by id this once
        places = lay.layout(case, seats)
        facts = net.facts(case)
        figure = network_figure(
            case,
            self.session.lang,
            places=places,
            selected=self.selected,
            text_size=self.text_size.value,
            projection=self.session.projection,
            ties=self.show_ties.value,
            screen=self.screen(),
            known=facts,
        )
        if figure != self._last_figure:
            self._last_figure = figure
            self.plot.show(figure)
        self._show_facts(facts)
        self._show_side()

    def screen(self) -> tuple[int, int] | None:
        """The map's size in the browser (px), once it told us."""
        size = self.probe.size
        if len(size) == 2 and 100 <= size[0] <= 10_000 and 100 <= size[1] <= 10_000:
            return (int(size[0]), int(size[1]))
        return None

    def _on_size(self, _change: dict[str, Any]) -> None:
        if self.case is not None:
            self.refresh(Event("size"))
        self.widget.add_class("fac-net-sized")

    def _show_facts(self, f: net.NetworkFacts) -> None:
        t = self.t
        case = self.case
        rows = [
            (f.informal_adults, t("network.facts.informal_adults"), False),
            (f.know_worries, t("network.facts.know_worries", total=f.people), False),
            (f.in_safety_network, t("network.facts.safety_network", informal=f.safety_network_informal_adults), False),
            (len(f.isolated), t("network.facts.isolated_n"), bool(f.isolated)),
        ]
        self.facts_html.value = (
            '<div class="fac-net-facts">'
            + "".join(
                f'<span class="fac-fact-n{" fac-fact-warn" if warn else ""}">{n}</span><span>{esc(label)}</span>'
                for n, label, warn in rows
            )
            + "</div>"
        )
        lines = []
        for child in case.children():
            ids = f.supports_by_child.get(child.id, ())
            names = ", ".join(case.name_of(i) for i in ids[:MAX_LISTED])
            if len(ids) > MAX_LISTED:
                names += " " + t("network.facts.more", n=len(ids) - MAX_LISTED)
            lines.append(
                f"<div><b>{esc(t('network.facts.supports', child=shorten(child.name, 30)))}</b> "
                f"{esc(names) if names else '<i>' + esc(t('network.facts.no_supports')) + '</i>'}</div>"
            )
        self.supports_html.value = "".join(lines)
        if f.not_told:
            self.to_tell_label.value = f"<b>{esc(t('network.facts.not_told'))}</b>"
        elif f.in_safety_network:
            self.to_tell_label.value = esc(t("network.facts.all_told"))
        else:
            self.to_tell_label.value = ""
        self._person_buttons("to_tell", self.to_tell_line, self.to_tell_label, f.not_told, "fac-fact-to-tell")
        self.isolated_label.value = f"<b>{esc(t('network.facts.isolated'))}</b>" if f.isolated else ""
        self._person_buttons("isolated", self.isolated_line, self.isolated_label, f.isolated, "")

    def _person_buttons(self, which: str, line: W.Box, label: W.HTML, ids: tuple[str, ...], cls: str) -> None:
        """Names as buttons: a click opens that person (e.g. to mark that they were told)."""
        case = self.case
        key = (self.session.lang, tuple((i, case.people[i].name) for i in ids))
        if self._fact_keys.get(which) == key:
            return
        self._fact_keys[which] = key
        buttons: list[W.Widget] = [label]
        for pid in ids[:MAX_LISTED]:
            name = case.people[pid].name
            b = button(shorten(name, 24), "fac-fact-person", *([cls] if cls else []), tooltip=name)
            b.on_click(lambda _b, pid=pid: self.select(pid))
            buttons.append(b)
        if len(ids) > MAX_LISTED:
            buttons.append(W.HTML(esc(self.t("network.facts.more", n=len(ids) - MAX_LISTED))))
        line.children = buttons
        line.layout.display = "" if ids or label.value else "none"

    def _show_side(self) -> None:
        p = self.case.people.get(self.selected) if self.selected else None
        self.add_box.layout.display = "none" if p else ""
        self.editor.layout.display = "" if p else "none"
        if p is None:
            self._loaded_id = None
            return
        t = self.t
        self.ed_title.value = f"<span>{esc(p.name)}</span>"
        sub = [p.relation] if p.relation else []
        if p.is_child:
            sub.append(t("network.child_note"))
        else:
            sub.append(f"{t(f'sector.{p.sector}')} · {t(f'closeness.{p.closeness}')}")
        self.ed_sub.value = esc(" · ".join(sub))
        self._load_details(p)
        self._quiet = True
        try:
            self.ed_knowledge.value = p.knowledge
            self.ed_safety.value = p.in_safety_network
            self.ed_safety.icon = "check" if p.in_safety_network else ""
            self.ed_safety.button_style = "success" if p.in_safety_network else ""
            self.ed_sector.value = p.sector
            self.ed_ring.value = p.closeness
        finally:
            self._quiet = False
        self.move_box.layout.display = "none" if p.is_child else ""
        self.ed_safety.layout.display = "none" if p.is_child else ""
        manual = p.x is not None and p.y is not None
        self.put_back_btn.disabled = not manual
        self.moved_note.value = esc(t("network.moved_by_hand")) if manual else ""
        self._show_ties(p)

    def _load_details(self, p: Person) -> None:
        """Fill the text fields; on a refresh, a field the user is typing in is left alone."""
        values = {
            "name": p.name,
            "relation": p.relation,
            "age": "" if p.age is None else str(p.age),
            "phone": p.phone,
            "notes": p.notes,
        }
        fields = self._detail_fields()
        fresh = self._loaded_id != p.id
        for k, w in fields.items():
            if fresh or w.value == self._loaded.get(k):
                w.value = values[k]
        self._loaded = values
        self._loaded_id = p.id

    def has_unsaved_details(self) -> bool:
        """The open person's name, relation, age, phone or notes were changed here but not saved."""
        if self.selected is None or self._loaded_id != self.selected:
            return False
        return any(w.value != self._loaded.get(k) for k, w in self._detail_fields().items())

    def _detail_fields(self) -> dict[str, Any]:
        return {
            "name": self.ed_name,
            "relation": self.ed_relation,
            "age": self.ed_age,
            "phone": self.ed_phone,
            "notes": self.ed_notes,
        }

    def _show_ties(self, p: Person) -> None:
        case = self.case
        t = self.t
        self.ties_title.value = f"<span>{esc(t('network.ties.title', name=shorten(p.name, 40)))}</span>"
        ties = net.ties_of(case, p.id)
        self.ties_empty.value = esc(t("network.ties.none")) if not ties else ""
        rows = []
        for tie in ties:
            other = tie.b if tie.a == p.id else tie.a
            key = (tie, case.name_of(other), p.id)
            cached = self._tie_rows.get(tie.id)
            if cached is None or cached[0] != key:
                cached = (key, self._tie_row(tie, other))
                self._tie_rows[tie.id] = cached
            rows.append(cached[1])
        self.tie_rows.children = rows
        # Who a new tie can go to: everyone else, the children first.
        others = [q for q in case.people.values() if q.id != p.id]
        others.sort(key=lambda q: (not q.is_child, q.name.casefold(), q.id))
        key2 = (p.id, self.session.lang, tuple((q.id, q.name, q.relation) for q in others))
        if key2 != self._other_key:
            self._other_key = key2
            current = self.tie_other.value
            options = [(shorten(f"{q.name} ({q.relation})" if q.relation else q.name, 48), q.id) for q in others]
            self._quiet = True
            try:
                self.tie_other.options = options
                ids = [o[1] for o in options]
                self.tie_other.value = current if current in ids else (ids[0] if ids else None)
            finally:
                self._quiet = False
        self.tie_add_btn.disabled = not others
        if not others:
            self.ties_empty.value = esc(t("network.tie.nobody"))

    def _tie_row(self, tie: Any, other: str) -> W.Box:
        t = self.t
        with_html = css(
            W.HTML(f"<span>{esc(t('network.tie.with', name=self.case.name_of(other)))}</span>"), "fac-tie-with"
        )
        kind = css(W.Dropdown(options=[(t(f"tie.{k}"), k) for k in TIE_KINDS], value=tie.kind), "fac-tie-row-kind")
        note = css(
            W.Text(value=tie.note, placeholder=t("network.tie.note_ph"), continuous_update=False), "fac-tie-row-note"
        )
        remove = button("✕", "fac-tie-remove", tooltip=t("network.tie.remove"))
        tid = tie.id
        kind.observe(lambda ch: self._edit_tie(tid, kind=ch["new"]), "value")
        note.observe(lambda ch: self._edit_tie(tid, note=ch["new"]), "value")
        remove.on_click(lambda _b: self.session.do(lambda c: net.remove_tie(c, tid)))
        return css(W.HBox([with_html, kind, note, remove]), "fac-net-row", "fac-tie-row")

    # ---- actions ---------------------------------------------------------------------------------

    def _edit_tie(self, tie_id: str, **fields: Any) -> bool:
        if self._quiet:
            return False
        if self.session.do(lambda c: net.edit_tie(c, tie_id, **fields)):
            return True
        self._tie_rows.pop(tie_id, None)  # show the tie as it is stored again
        self.refresh(Event("select"))
        return False

    def select(self, person_id: str | None) -> None:
        """Open a person in the editor (None: back to adding someone)."""
        case = self.case
        if case is None or (person_id is not None and person_id not in case.people):
            return
        if person_id is not None and person_id != self.selected and self.has_unsaved_details():
            # Details typed for the open person are not thrown away by a click on someone else.
            self.session.set_status(self.t("network.unsaved_first"), "error")
            return
        if person_id != self.selected:
            self._show_confirm(False)
        self.selected = person_id
        self.refresh(Event("select"))

    def on_plot_click(self, message: dict[str, Any]) -> None:
        pid = message.get("customdata")
        if isinstance(pid, str) and self.case is not None and pid in self.case.people:
            self.select(pid)

    def add_person(self) -> bool:
        s = self.session
        if self.case is None:
            return False
        fields = {
            "relation": self.add_relation.value,
            "sector": self.add_sector.value,
            "closeness": self.add_ring.value,
            "phone": ops.clean(self.add_phone.value),
            "notes": ops.clean(self.add_notes.value),
        }
        fields["relation"] = ops.clean(fields["relation"])
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
        key = "network.added_namesake" if namesake else "network.added"
        s.set_status(self.t(key, name=shorten(name, 60)), "ok")
        return True

    def save_person(self) -> bool:
        pid = self.selected
        if pid is None:
            return False
        name, relation, age, phone, notes = (w.value for w in self._detail_fields().values())

        def edit(case: Any) -> Any:
            return net.edit_person(
                case, pid, name=name, relation=relation, age=net.parse_age(age), phone=phone, notes=notes
            )

        if not self.session.do(edit):
            return False
        p = self.case.people[pid]
        # What was typed is now stored: take it as loaded, so later refreshes keep fields in step.
        self._loaded_id = None
        self._show_side()
        self.session.set_status(self.t("network.saved", name=shorten(p.name, 60)), "ok")
        return True

    def _on_knowledge(self, change: dict[str, Any]) -> None:
        if self._quiet or self.selected is None:
            return
        pid = self.selected
        if not self.session.do(lambda c: net.set_knowledge(c, pid, change["new"])):
            self.refresh(Event("select"))

    def _on_safety(self, change: dict[str, Any]) -> None:
        if self._quiet or self.selected is None:
            return
        pid = self.selected
        if not self.session.do(lambda c: net.set_safety_network(c, pid, change["new"])):
            self.refresh(Event("select"))

    def _on_cell(self, _change: dict[str, Any]) -> None:
        if self._quiet or self.selected is None:
            return
        pid, sector, ring = self.selected, self.ed_sector.value, self.ed_ring.value
        if not self.session.do(lambda c: net.move_person(c, pid, sector=sector, closeness=ring)):
            self.refresh(Event("select"))

    def nudge(self, dx: int, dy: int) -> bool:
        pid = self.selected
        if pid is None or self.case is None:
            return False
        x, y = lay.nudged(lay.layout(self.case, self.seats())[pid], dx, dy)
        return self.session.do(lambda c: net.place_by_hand(c, pid, x, y))

    def put_back(self) -> bool:
        pid = self.selected
        if pid is None:
            return False
        return self.session.do(lambda c: net.put_back(c, pid))

    def add_tie(self) -> bool:
        pid, other, kind = self.selected, self.tie_other.value, self.tie_kind.value
        if pid is None or self.case is None:
            return False
        if not other:
            self.session.set_status(self.t("network.tie.pick_other"), "error")
            return False
        try:
            edit, _tid = ops.add_tie(self.case, pid, other, kind, self.tie_note.value)
        except FacilitationError as e:
            self.session.fail(e)
            return False
        if not self.session.do(edit):
            return False
        self.tie_note.value = ""
        case = self.case
        self.session.set_status(
            self.t(
                "network.tie.added",
                a=shorten(case.name_of(pid), 40),
                b=shorten(case.name_of(other), 40),
                kind=self.t(f"tie.{kind}"),
            ),
            "ok",
        )
        return True

    def ask_remove(self) -> None:
        """Show what removing the selected person takes with it, and ask."""
        case, pid = self.case, self.selected
        if case is None or pid is None or pid not in case.people:
            return
        t = self.t
        name = shorten(case.people[pid].name, 60)
        parts = [f"<b>{esc(t('network.remove.ask', name=name))}</b>"]
        uses = ops.person_usages(case, pid)
        if uses:
            items = "".join(f"<li>{esc(t(key, text=shorten(text, 80)))}</li>" for key, text in uses[:12])
            if len(uses) > 12:
                items += f"<li>{esc(t('network.facts.more', n=len(uses) - 12))}</li>"
            parts.append(f"<div>{esc(t('network.remove.used', name=name))}</div><ul>{items}</ul>")
            parts.append(f"<div>{esc(t('network.remove.cleared', name=name))}</div>")
        n_ties = sum(1 for tie in case.ties.values() if pid in (tie.a, tie.b))
        if n_ties:
            parts.append(f"<div>{esc(t('network.remove.ties', n=n_ties))}</div>")
        parts.append(f"<div>{esc(t('network.remove.undo_hint'))}</div>")
        self.remove_text.value = "".join(parts)
        self._show_confirm(True)

    def _show_confirm(self, show: bool) -> None:
        self.remove_confirm.layout.display = "" if show else "none"
        self.remove_btn.layout.display = "none" if show else ""

    def remove_person(self) -> bool:
        case, pid = self.case, self.selected
        if case is None or pid is None or pid not in case.people:
            return False
        name = case.people[pid].name
        self._show_confirm(False)
        self.selected = None
        if not self.session.do(lambda c: ops.remove_person(c, pid)):
            self.selected = pid if self.case is not None and pid in self.case.people else None
            self.refresh(Event("select"))
            return False
        self.session.set_status(self.t("network.removed", name=shorten(name, 60)), "ok")
        return True
