"""The network over time: keep the map with the current meeting, compare two meetings side by side."""

from __future__ import annotations

from datetime import date

import ipywidgets as W

from ...domain.case import Case
from ...domain.snapshots import NOW, case_at, compare, keep_map, kept_maps, map_facts_frame
from ...figures import map_layout as lay
from ...figures.network import network_figure
from ..base import button, css, esc
from ..plot import PlotView
from .owner import NetworkOwner
from .present import changes_html, facts_table_html, ff_legend, meeting_label, moment_options
from .state import NetworkState


class OverTime:
    """Keep the map; two moments chosen; their maps side by side, the changes in words, the facts table."""

    def __init__(self, view: NetworkOwner) -> None:
        self.view = view
        tx = view.text
        self.keep = css(button("", "fac-keep-map"), "fac-professional-only")
        self.kept_note = css(W.HTML(), "fac-net-editor-sub", "fac-keep-note")
        self.before = css(W.Dropdown(options=[]), "fac-compare-before")
        self.after = css(W.Dropdown(options=[]), "fac-compare-after")
        self.plots = (
            css(PlotView(), "fac-compare-plot", "fac-compare-plot-before"),
            css(PlotView(), "fac-compare-plot", "fac-compare-plot-after"),
        )
        self.titles = (css(W.HTML(), "fac-compare-title"), css(W.HTML(), "fac-compare-title"))
        self.signs = css(W.HTML(), "fac-net-legend", "fac-compare-signs")
        self.changes = css(W.HTML(), "fac-compare-changes")
        self.table = css(W.HTML(), "fac-compare-table")
        self.empty = css(W.HTML(), "fac-net-editor-sub")
        pickers = css(
            W.HBox(
                [
                    tx(css(W.HTML(), "fac-net-field-label"), "network.time.from", "value", html=True),
                    self.before,
                    tx(css(W.HTML(), "fac-net-field-label"), "network.time.to", "value", html=True),
                    self.after,
                ]
            ),
            "fac-net-row",
            "fac-compare-pickers",
        )
        side = css(
            W.HBox(
                [
                    css(W.VBox([self.titles[0], self.plots[0]]), "fac-compare-side"),
                    css(W.VBox([self.titles[1], self.plots[1]]), "fac-compare-side"),
                ]
            ),
            "fac-compare-maps",
        )
        self.widget = css(
            W.VBox(
                [
                    css(W.HBox([self.keep, self.kept_note]), "fac-net-row"),
                    self.empty,
                    pickers,
                    side,
                    self.signs,
                    self.changes,
                    self.table,
                ]
            ),
            "fac-map-compare",
        )
        self.keep.on_click(lambda _b: self.keep_now())
        view.on(self.before, lambda w: view.choose(compare=(w, view.choices.compare[1])))
        view.on(self.after, lambda w: view.choose(compare=(view.choices.compare[0], w)))

    def keep_now(self) -> bool:
        """Keep the map as it stands with the current meeting."""
        v = self.view
        mid = v.session.meeting_id
        if mid is None or v.session.case is None:
            v.session.set_status(v.t("network.time.no_meeting"), "error")
            return False
        if not v.session.do(lambda c: keep_map(c, mid, date.today().isoformat())):
            return False
        v.session.set_status(v.t("network.time.kept", meeting=meeting_label(v.case.meetings.get(mid), v.t)), "ok")
        kept = [s.meeting for s in kept_maps(v.case)]
        earlier = [m for m in kept if m != mid]
        v.choose(compare=(earlier[-1], mid) if earlier else (mid, NOW))
        return True

    def default_pair(self, kept: list[str]) -> tuple[str, str]:
        """The last two kept maps, or the last kept one and now."""
        if len(kept) >= 2:
            return (kept[-2], kept[-1])
        return (kept[-1], NOW) if kept else (NOW, NOW)

    def show(self, s: NetworkState) -> None:
        v, t, case = self.view, self.view.t, self.view.case
        mid = s.meeting_id
        m = case.meetings.get(mid) if mid else None
        self.keep.description = (
            t("network.time.keep", meeting=meeting_label(m, t)) if m else t("network.time.keep_none")
        )
        self.keep.disabled = m is None
        kept = [x.meeting for x in kept_maps(case)]
        self.kept_note.value = esc(t("network.time.kept_already")) if mid in kept else ""
        options = moment_options(case, kept, t)
        values = [o[1] for o in options]
        before, after = s.view.compare
        if before not in values or after not in values:
            before, after = self.default_pair(kept)
        v.set_choices(self.before, options, before)
        v.set_choices(self.after, options, after)
        self.empty.value = esc(t("network.time.none_kept")) if not kept else ""
        a, b = case_at(case, before), case_at(case, after)
        size = s.view.screen or (380, 240)  # measured on the comparison's own plots while it is shown
        for i, (which, snap_case) in enumerate(((before, a), (after, b))):
            self.titles[i].value = f"<b>{esc(meeting_label(case.meetings.get(which) if which != NOW else None, t))}</b>"
            seats = lay.assign_seats(snap_case) if i == 1 else self._same_seats(a, b)
            self.plots[i].show(network_figure(snap_case, s.lang, places=lay.layout(snap_case, seats), screen=size))
        # Family Finding signs on both maps (no present ticks: those belong to the meeting on screen now).
        self.signs.value = ff_legend(t, {p.ff_status for c in (a, b) for p in c.people.values() if p.ff_status})
        self.changes.value = changes_html(a, b, compare(a, b), t)
        frame = map_facts_frame(case, t)
        order = [*kept, NOW]
        chosen = [order.index(x) for x in (before, after) if x in order]
        self.table.value = facts_table_html(frame, chosen)

    @staticmethod
    def _same_seats(a: Case, b: Case) -> dict[str, int]:
        """Seats for the earlier map that keep everyone who stayed in their cell where the later map has them."""
        wished = {}
        for pid, seat in lay.assign_seats(b).items():
            cell = lay.cell_of(b.people[pid])
            if cell is not None:
                wished[pid] = (cell, seat)
        return lay.assign_seats(a, wished)
