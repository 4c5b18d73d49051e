"""The safety plan screen: write the agreements with the network, see live checks beside them, export.

Each agreement says what will happen, who does it, the backup, when, what if it does not happen (the red
flag: who calls whom) and how it is checked, and which danger statement, safety goal or bottom line it
answers. The people present mark that they agree. The checks (``domain.plan.check_plan``) are warnings,
never blocking. At the end one button writes every document next to the store and offers each for download.
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as W

from ...domain import ops
from ...domain.errors import FacilitationError
from ...domain.model import Agreement, Item, Person
from ...domain.plan import LINKABLE, PlanChecks, check_plan, save_agreement, set_agreed
from ...i18n import error_text, has
from ...store.location import exports_dir
from ..base import Part, button, css, esc, esc_lines, is_shared, shared
from ..downloads import data_url
from ..session import Event

log = logging.getLogger(__name__)

MAX_DOWNLOAD_BYTES = 25 * 1024 * 1024
"""Larger files are not offered as an in-page download (they stay on disk, path shown)."""
LINK_LABEL_CHARS = 140
"""A long danger statement is shortened in the link checkboxes; the columns show it whole."""

CHECK_TEXT_CHARS = 240
"""Bottom lines and danger statements in the checks panel are shortened only when very long."""

MIME = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".json": "application/json",
    ".csv": "text/csv",
    ".md": "text/markdown",
}

# Keys shown in their own section of the checks panel (the rest are listed under "points of attention").
_SECTION_KEYS = {
    "planui.check.no_bottom_lines",
    "planui.check.bottom_line_open",
    "planui.check.bottom_lines_answered",
    "planui.check.danger_open",
    "planui.check.adults_short",
    "planui.check.adults_enough",
    "planui.check.adults_count",
    "planui.check.no_agreements",
}
_ICON = {"warn": "⚠", "ok": "✓", "info": "ℹ"}


def _close_tree(widget: W.Widget) -> None:
    """Close a widget and everything in it (rows are rebuilt often: their widgets must not pile up)."""
    for child in getattr(widget, "children", ()):
        _close_tree(child)
    for part in ("layout", "style"):  # a widget's own layout and style models; shared ones stay
        sub = getattr(widget, part, None)
        if isinstance(sub, W.Widget) and not is_shared(sub):
            sub.close()
    widget.close()


def _short(text: str, limit: int = LINK_LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class PlanView(Part):
    """The safety plan: agreements, live checks, and the export at the end of the meeting."""

    key = "plan"
    kinds = frozenset({"agreement", "item", "person", "meeting", "case"})

    # ---- building ------------------------------------------------------------------------------

    def build(self) -> None:
        self.editing: str | None = None
        self._draft: dict[str, Any] | None = None
        self._rows: dict[str, tuple[Any, W.Box]] = {}
        self._links: dict[str, tuple[Item, str, W.Checkbox]] = {}
        self._exported: list[tuple[Path, str | None]] = []
        self.checks_result: PlanChecks | None = None

        self.heading = css(W.HTML(), "fac-plan-heading")
        self.empty = css(W.HTML(), "fac-plan-empty")
        self.list = css(W.VBox(), "fac-plan-list")

        # The form: one instance, shown at the end (new agreement) or in place of the card it edits.
        self.form_title = css(W.HTML(), "fac-plan-form-title")
        self.f_what = css(W.Textarea(rows=2, layout=W.Layout(width="100%")), "fac-plan-what")
        self.f_owner = css(W.Dropdown(options=[("", "")], value="", layout=W.Layout(width="100%")), "fac-plan-owner")
        self.f_backup = css(W.Dropdown(options=[("", "")], value="", layout=W.Layout(width="100%")), "fac-plan-backup")
        self.f_when = css(W.Text(layout=W.Layout(width="100%")), "fac-plan-when")
        self.f_if_not = css(W.Textarea(rows=2, layout=W.Layout(width="100%")), "fac-plan-if-not")
        self.f_check = css(W.Text(layout=W.Layout(width="100%")), "fac-plan-check-how")
        self.f_links = css(W.VBox(), "fac-plan-links")
        self.f_labels = {k: W.Label() for k in ("what", "owner", "backup", "when", "if_not", "check_how", "links")}
        self.links_none = css(W.HTML(), "fac-plan-links-none")
        self.save_btn = button("", "fac-plan-save", style="primary")
        self.cancel_btn = button("", "fac-plan-cancel")

        def field(key: str, widget: W.Widget) -> W.VBox:
            return css(W.VBox([self.f_labels[key], widget]), "fac-plan-field")  # type: ignore[return-value]

        self.form = css(
            W.VBox(
                [
                    self.form_title,
                    field("what", self.f_what),
                    css(W.HBox([field("owner", self.f_owner), field("backup", self.f_backup)]), "fac-plan-pair"),
                    field("when", self.f_when),
                    field("if_not", self.f_if_not),
                    field("check_how", self.f_check),
                    css(W.VBox([self.f_labels["links"], self.links_none, self.f_links]), "fac-plan-field"),
                    css(W.HBox([self.save_btn, self.cancel_btn]), "fac-plan-buttons"),
                ]
            ),
            "fac-plan-form",
            "fac-form",
        )

        self.checks = css(W.HTML(), "fac-plan-checks")
        self.export_title = W.HTML()
        self.export_intro = css(W.HTML(), "fac-plan-note")
        self.export_btn = button("", "fac-plan-export", style="success")
        self.export_result = css(W.HTML(), "fac-plan-export-result")
        self.export_box = css(
            W.VBox([self.export_title, self.export_intro, self.export_btn, self.export_result]), "fac-plan-export-box"
        )

        left = css(W.VBox([self.heading, self.empty, self.list]), "fac-plan-left")
        side = css(W.VBox([self.checks, self.export_box]), "fac-plan-side")
        self.widget.children = [css(W.Box([left, side]), "fac-plan-main")]

        self.save_btn.on_click(lambda _b: self.save())
        self.cancel_btn.on_click(lambda _b: self.cancel_edit())
        self.export_btn.on_click(lambda _b: self.export())

    def relabel(self) -> None:
        t = self.t
        self.heading.value = (
            f"<h2 style='margin:0.2em 0'>{esc(t('planui.title'))}</h2>"
            f"<div class='fac-plan-intro'>{esc(t('planui.intro'))}</div>"
        )
        for key, lab in self.f_labels.items():
            lab.value = t(f"planui.field.{key}")
        self.f_what.placeholder = t("planui.ph.what")
        self.f_when.placeholder = t("planui.ph.when")
        self.f_if_not.placeholder = t("planui.ph.if_not")
        self.f_check.placeholder = t("planui.ph.check_how")
        self.links_none.value = f"<span class='fac-plan-note'>{esc(t('planui.links_none'))}</span>"
        self.cancel_btn.description = self.cancel_btn.tooltip = t("planui.cancel")
        self.export_title.value = f"<h3>{esc(t('planui.export.title'))}</h3>"
        self.export_intro.value = esc(t("planui.export.intro"))
        self.export_btn.description = t("planui.export.button")
        self.export_btn.tooltip = t("planui.export.tip")
        self._relabel_form()
        self._show_export()

    def _relabel_form(self) -> None:
        if self.editing is None:
            self.form_title.value = esc(self.t("planui.form.new"))
            self.save_btn.description = self.save_btn.tooltip = self.t("planui.add")
            self.cancel_btn.layout.display = "none"
        else:
            n = self.checks_result.numbers.get(self.editing, "?") if self.checks_result else "?"
            self.form_title.value = esc(self.t("planui.form.edit", n=n))
            self.save_btn.description = self.save_btn.tooltip = self.t("planui.save")
            self.cancel_btn.layout.display = ""

    def tn(self, key: str, n: int, **params: Any) -> str:
        """``key`` for one, ``key_many`` (when it exists) for any other count."""
        if n != 1 and has(key + "_many"):
            key += "_many"
        return self.t(key, n=n, **params)

    def finding_text(self, f: Any) -> str:
        n = f.params.get("n")
        if isinstance(n, int):
            return self.tn(f.key, n, **{k: v for k, v in f.params.items() if k != "n"})
        return self.t(f.key, **f.params)

    # ---- refreshing ----------------------------------------------------------------------------

    def refresh(self, event: Event) -> None:
        case = self.case
        if event.type == "case":
            # Another case: its files, and anything typed for the previous case, do not belong here.
            self._exported = []
            self._show_export()
            self.editing = None
            self._draft = None
            self._fill_form(None)
        if case is None:
            self.checks_result = None
            self.list.children = []
            self.checks.value = ""
            self.empty.value = ""
            return
        if self.editing is not None and self.editing not in case.agreements:
            # Removed (undo, another screen) while being edited: back to a new agreement, keeping the text.
            self._leave_edit(restore=False)
            self.session.set_status(self.t("planui.edit_gone"), "info")
        self.checks_result = check_plan(case)
        self._refresh_people()
        self._refresh_links()
        self._refresh_rows()
        self._refresh_checks()
        self._relabel_form()

    def _people_options(self) -> list[tuple[str, str]]:
        case = self.case
        people = sorted(case.people.values(), key=lambda p: (p.sector == "professional", p.is_child, p.name.lower()))
        opts = [(self.t("planui.nobody_option"), "")]
        for p in people:
            extra = p.relation or (self.t("planui.child") if p.is_child else "")
            opts.append((f"{p.name} ({extra})" if extra else p.name, p.id))
        return opts

    def _refresh_people(self) -> None:
        opts = self._people_options()
        values = {v for _, v in opts}
        for dd in (self.f_owner, self.f_backup):
            if list(dd.options) == opts:
                continue
            keep = dd.value if dd.value in values else ""
            dd.options = opts
            dd.value = keep

    def _refresh_links(self) -> None:
        case = self.case
        items = [i for el in LINKABLE for i in case.items_of(el)]
        lang = self.session.lang
        boxes = []
        retired: list[W.Widget] = []
        fresh: dict[str, tuple[Item, str, W.Checkbox]] = {}
        for item in items:
            cached = self._links.get(item.id)
            if cached is not None and cached[0] == item and cached[1] == lang:
                cb = cached[2]
            else:
                label = f"{self.t('element_one.' + item.element)}: {_short(item.text)}"
                if cached is not None and cached[0].element == item.element:
                    cb = cached[2]
                    cb.description = label
                else:
                    was = cached[2] if cached is not None else None
                    cb = css(
                        W.Checkbox(
                            value=bool(was and was.value),
                            description=label,
                            indent=False,
                            layout=shared("layout-full"),
                            style=shared("checkbox"),
                        ),
                        "fac-plan-link",
                        f"fac-plan-link-{item.element}",
                    )
                    if was is not None:
                        retired.append(was)
            fresh[item.id] = (item, lang, cb)
            boxes.append(cb)
        for iid, (_, _, cb) in self._links.items():
            if iid not in fresh:
                retired.append(cb)
        self._links = fresh
        self.f_links.children = boxes
        for old in retired:
            old.close()
        self.links_none.layout.display = "none" if items else ""

    def _row_signature(self, a: Agreement, n: int, last: bool, present: tuple[Any, ...]) -> Any:
        case = self.case
        people = tuple(case.people.get(pid) for pid in (a.owner, a.backup, *a.agreed_by))
        links = tuple(case.items.get(lid) for lid in a.links)
        return (a, n, last, people, links, present, self.session.lang)

    def _refresh_rows(self) -> None:
        case = self.case
        agreements = case.agreements_in_order()
        present = tuple((pid, case.people[pid].name) for pid in self.session.present_ids())
        children: list[W.Widget] = []
        retired: list[W.Widget] = []
        fresh: dict[str, tuple[Any, W.Box]] = {}
        for n, a in enumerate(agreements, start=1):
            sig = self._row_signature(a, n, n == len(agreements), present)
            cached = self._rows.get(a.id)
            if cached is not None and cached[0] == sig:
                row = cached[1]
            else:
                row = self._build_row(a, n, n == len(agreements), present)
                if cached is not None:
                    retired.append(cached[1])
            fresh[a.id] = (sig, row)
            children.append(self.form if a.id == self.editing else row)
        for aid, (_, row) in self._rows.items():
            if aid not in fresh:
                retired.append(row)
        self._rows = fresh
        if self.editing is None:
            children.append(self.form)
        self.list.children = children
        # Close old rows only once the page no longer shows them ("widget model not found" otherwise).
        for row in retired:
            _close_tree(row)
        self.empty.value = "" if agreements else f"<p class='fac-plan-note'>{esc(self.t('planui.empty'))}</p>"

    def _person_html(self, pid: str | None) -> str:
        p: Person | None = self.case.people.get(pid) if pid else None
        if p is None:
            return f"<span class='fac-plan-missing'>{esc(self.t('planui.nobody'))}</span>"
        out = f"<bdi>{esc(p.name)}</bdi>"
        if p.relation:
            out += f" <span class='fac-plan-note'>(<bdi>{esc(p.relation)}</bdi>)</span>"
        if p.phone:
            out += f" · {esc(self.t('planui.tel'))} <bdi>{esc(p.phone)}</bdi>"
        return out

    def _card_html(self, a: Agreement, n: int) -> str:
        t = self.t
        case = self.case

        def fact(key: str, value_html: str, cls: str = "") -> str:
            return f"<tr class='{cls}'><th scope='row'>{esc(t(key))}</th><td dir='auto'>{value_html}</td></tr>"

        def text_or_missing(value: str) -> str:
            return (
                esc_lines(value)
                if value.strip()
                else f"<span class='fac-plan-missing'>{esc(t('planui.not_said'))}</span>"
            )

        facts = [
            fact("planui.card.owner", self._person_html(a.owner)),
            fact("planui.card.backup", self._person_html(a.backup)),
            fact("planui.card.when", text_or_missing(a.when)),
            fact("planui.card.if_not", text_or_missing(a.if_not), "fac-plan-redflag"),
        ]
        if a.check_how.strip():
            facts.append(fact("planui.card.check_how", esc_lines(a.check_how)))
        chips = []
        for lid in a.links:
            item = case.items.get(lid)
            if item is None:
                continue
            chips.append(
                f"<span class='fac-plan-chip fac-plan-chip-{esc(item.element)}' dir='auto'>"
                f"<b>{esc(t('element_one.' + item.element))}:</b> {esc(_short(item.text))}</span>"
            )
        if chips:
            facts.append(fact("planui.card.links", "".join(chips)))
        present = set(self.session.present_ids())
        absent_agreed = [case.name_of(pid) for pid in a.agreed_by if pid not in present and pid in case.people]
        if absent_agreed:
            facts.append(fact("planui.card.agreed_earlier", esc(", ".join(absent_agreed))))
        return (
            f"<div class='fac-plan-card'><div class='fac-plan-what-text' dir='auto'>"
            f"<span class='fac-plan-nr'>{n}</span>{esc_lines(a.what)}</div>"
            f"<table class='fac-plan-facts'>{''.join(facts)}</table></div>"
        )

    def _build_row(self, a: Agreement, n: int, last: bool, present: tuple[tuple[str, str], ...]) -> W.Box:
        t = self.t
        card = css(W.HTML(self._card_html(a, n)), "fac-plan-card-html")
        up = button(t("planui.up"), "fac-plan-up", tooltip=t("planui.up_tip"), many=True)
        down = button(t("planui.down"), "fac-plan-down", tooltip=t("planui.down_tip"), many=True)
        edit = button(t("planui.edit"), "fac-plan-edit", tooltip=t("planui.edit_tip"), many=True)
        delete = button(t("planui.delete"), "fac-plan-delete", tooltip=t("planui.delete_tip"), many=True)
        up.disabled = n == 1
        down.disabled = last
        aid = a.id
        up.on_click(lambda _b: self.move(aid, -1))
        down.on_click(lambda _b: self.move(aid, 1))
        edit.on_click(lambda _b: self.start_edit(aid))
        delete.on_click(lambda _b: self.delete(aid))

        toggles: list[W.Widget] = [css(W.HTML(esc(t("planui.agreed_by"))), "fac-plan-agree-label")]
        for pid, name in present:
            on = pid in a.agreed_by
            tb = css(
                W.ToggleButton(
                    value=on,
                    description=("✓ " if on else "") + name,
                    tooltip=t("planui.agree_on_tip" if on else "planui.agree_off_tip", name=name),
                    button_style="success" if on else "",
                    layout=shared("layout"),
                    style=shared("toggle"),
                ),
                "fac-plan-agree",
            )
            tb.observe(self._agree_handler(aid, pid), "value")
            toggles.append(tb)
        if not present:
            toggles.append(W.HTML(f"<span class='fac-plan-note'>{esc(t('planui.nobody_present'))}</span>"))
        row = css(
            W.VBox(
                [
                    card,
                    css(W.HBox(toggles), "fac-plan-agree-row"),
                    css(W.HBox([up, down, edit, delete]), "fac-plan-controls"),
                ]
            ),
            "fac-plan-row",
            f"fac-agreement-{aid}",
        )
        return row  # type: ignore[return-value]

    def _agree_handler(self, aid: str, pid: str) -> Callable[[dict[str, Any]], None]:
        def on_change(change: dict[str, Any]) -> None:
            self.set_agreed(aid, pid, bool(change["new"]))

        return on_change

    def _refresh_checks(self) -> None:
        res = self.checks_result
        if res is None:
            self.checks.value = ""
            return
        t = self.t

        def li(level: str, text_html: str, cls: str = "") -> str:
            return (
                f"<li class='fac-plan-check fac-plan-check-{level} {cls}' dir='auto'>"
                f"<span class='fac-plan-icon' aria-hidden='true'>{_ICON[level]}</span>{text_html}</li>"
            )

        def numbers_html(numbers: tuple[int, ...]) -> str:
            if not numbers:
                return esc(t("planui.check.none_yet"))
            return esc(self.tn("planui.check.by_agreements", len(numbers), numbers=", ".join(map(str, numbers))))

        parts = [f"<h3>{esc(t('planui.checks.title'))}</h3>"]
        n_warn = len(res.warnings)
        if n_warn:
            parts.append(
                f"<div class='fac-plan-summary fac-plan-summary-warn'>{esc(self.tn('planui.checks.n_warn', n_warn))}</div>"
            )
        else:
            parts.append(f"<div class='fac-plan-summary fac-plan-summary-ok'>{esc(t('planui.checks.all_ok'))}</div>")
        parts.append(f"<div class='fac-plan-note'>{esc(t('planui.checks.never_blocking'))}</div>")

        # Bottom lines, each with the agreements that answer it.
        parts.append(f"<h4>{esc(t('element.bottom_line'))}</h4><ul class='fac-plan-bottom-lines'>")
        if not res.bottom_lines:
            parts.append(li("info", esc(t("planui.check.no_bottom_lines"))))
        for cov in res.bottom_lines:
            level = "ok" if cov.numbers else "warn"
            parts.append(
                li(
                    level,
                    f"<bdi>{esc(_short(cov.item.text, CHECK_TEXT_CHARS))}</bdi> <i>({numbers_html(cov.numbers)})</i>",
                    "fac-plan-bottom-line",
                )
            )
        parts.append("</ul>")

        if res.danger_statements:
            parts.append(f"<h4>{esc(t('planui.checks.dangers'))}</h4><ul class='fac-plan-dangers'>")
            for cov in res.danger_statements:
                level = "ok" if cov.numbers else "warn"
                parts.append(
                    li(
                        level,
                        f"<bdi>{esc(_short(cov.item.text))}</bdi> <i>({numbers_html(cov.numbers)})</i>",
                        "fac-plan-danger",
                    )
                )
            parts.append("</ul>")

        # Network adults carrying the plan.
        parts.append(f"<h4>{esc(t('planui.checks.carriers'))}</h4><ul class='fac-plan-carriers'>")
        adults = [f for f in res.findings if f.key.startswith("planui.check.adults_")]
        for f in adults:
            parts.append(li(f.level, esc(self.finding_text(f)), "fac-plan-adults"))
        if not adults:
            parts.append(li("info", esc(t("planui.check.adults_none_yet")), "fac-plan-adults"))
        if res.carriers:
            names = ", ".join(p.name for p in res.carriers)
            parts.append(
                f"<li class='fac-plan-carrier-names' dir='auto'>{esc(t('planui.check.carrier_names', names=names))}</li>"
            )
        parts.append(f"</ul><div class='fac-plan-note'>{esc(t('planui.check.professionals_note'))}</div>")

        # Everything else.
        rest = [f for f in res.findings if f.key not in _SECTION_KEYS]
        parts.append(f"<h4>{esc(t('planui.checks.attention'))}</h4><ul class='fac-plan-attention'>")
        if not res.numbers:
            parts.append(li("info", esc(t("planui.check.no_agreements"))))
        for f in rest:
            parts.append(li(f.level, esc(self.finding_text(f)), "fac-plan-finding"))
        parts.append("</ul>")
        self.checks.value = "".join(parts)

    # ---- actions -------------------------------------------------------------------------------

    def _form_values(self) -> dict[str, Any]:
        return {
            "what": self.f_what.value,
            "owner": self.f_owner.value,
            "backup": self.f_backup.value,
            "when": self.f_when.value,
            "if_not": self.f_if_not.value,
            "check_how": self.f_check.value,
            "links": [iid for iid, (_, _, cb) in self._links.items() if cb.value],
        }

    def _fill_form(self, values: dict[str, Any] | None) -> None:
        v = values or {}
        self.f_what.value = v.get("what", "")
        for dd, key in ((self.f_owner, "owner"), (self.f_backup, "backup")):
            pid = v.get(key) or ""
            dd.value = pid if pid in {o[1] for o in dd.options} else ""
        self.f_when.value = v.get("when", "")
        self.f_if_not.value = v.get("if_not", "")
        self.f_check.value = v.get("check_how", "")
        chosen = set(v.get("links", ()))
        for iid, (_, _, cb) in self._links.items():
            cb.value = iid in chosen

    def save(self) -> bool:
        """Store the form as a new agreement, or as the new text of the one being edited."""
        s = self.session
        if self.case is None:
            return False
        v = self._form_values()
        if not isinstance(v["what"], str) or not v["what"].strip():
            s.set_status(self.t("planui.what_needed"), "error")
            return False
        try:
            edit, aid = save_agreement(
                self.case,
                self.editing,
                what=v["what"],
                owner=v["owner"] or None,
                backup=v["backup"] or None,
                when=v["when"],
                if_not=v["if_not"],
                check_how=v["check_how"],
                links=v["links"],
                meeting=s.meeting_id,
            )
        except FacilitationError as e:
            s.fail(e)
            return False
        was_editing = self.editing is not None
        seen = getattr(self, "_editing_seen", None)
        if was_editing and seen is not None and self.case.agreements.get(self.editing) != seen:
            # Another screen changed this agreement while it was open here: say so, keep what was typed.
            self._editing_seen = self.case.agreements.get(self.editing)
            s.set_status(self.t("shell.edit_conflict"), "error")
            return False
        if not s.do(edit):
            return False
        n = check_plan(self.case).numbers.get(aid, "?")
        if was_editing:
            self.editing = None
            self._fill_form(self._draft)
            self._draft = None
            self._refresh_rows()
            self._relabel_form()
        else:
            self._fill_form(None)
        s.set_status(self.t("planui.saved" if was_editing else "planui.added", n=n), "ok")
        return True

    def start_edit(self, agreement_id: str) -> None:
        """Show the form in place of the agreement's card, filled with its text."""
        case = self.case
        if case is None or agreement_id not in case.agreements:
            return
        if self.editing is None:
            self._draft = self._form_values()
        a: Agreement = case.agreements[agreement_id]
        self.editing = agreement_id
        self._editing_seen = a
        self._fill_form(
            {
                "what": a.what,
                "owner": a.owner,
                "backup": a.backup,
                "when": a.when,
                "if_not": a.if_not,
                "check_how": a.check_how,
                "links": a.links,
            }
        )
        self._refresh_rows()
        self._relabel_form()

    def cancel_edit(self) -> None:
        self._leave_edit(restore=True)

    def _leave_edit(self, restore: bool) -> None:
        if self.editing is None:
            return
        self.editing = None
        if restore:
            self._fill_form(self._draft)
        self._draft = None
        if self.case is not None:
            self._refresh_rows()
        self._relabel_form()

    def move(self, agreement_id: str, step: int) -> bool:
        return self.session.do(
            lambda case: ops.reorder(case, "agreement", agreement_id, step, case.agreements_in_order())
        )

    def delete(self, agreement_id: str) -> bool:
        case = self.case
        if case is None or agreement_id not in case.agreements:
            return False
        n = check_plan(case).numbers.get(agreement_id, "?")
        if self.editing == agreement_id:
            self._leave_edit(restore=True)
        ok = self.session.do(lambda c: ops.delete(c, "agreement", agreement_id, "planui.edit.delete"))
        if ok:
            self.session.set_status(self.t("planui.deleted", n=n), "ok")
        return ok

    def set_agreed(self, agreement_id: str, person_id: str, agreed: bool) -> bool:
        ok = self.session.do(lambda case: set_agreed(case, agreement_id, person_id, agreed))
        if not ok and self.case is not None:
            # Nothing stored: redraw the row so its buttons show what is stored, not what was clicked.
            stale = self._rows.pop(agreement_id, None)
            self._refresh_rows()
            if stale is not None:
                _close_tree(stale[1])
        return ok

    # ---- export --------------------------------------------------------------------------------

    def export(self) -> list[Path]:
        """Write every document in the screen's language next to the store; offer each for download."""
        s = self.session
        case = self.case
        if case is None:
            return []
        from ... import export as exporter  # reportlab and python-docx load only when needed

        self.export_btn.disabled = True
        self.export_result.value = f"<p class='fac-plan-note'>{esc(self.t('planui.export.busy'))}</p>"
        try:
            out = exports_dir(s.store.path)
            paths = exporter.export_all(case, out, s.lang, meeting_id=s.meeting_id, overwrite=True)
        except FacilitationError as e:
            self._exported = []
            self._show_export()
            s.set_status(self.t("planui.export.failed", detail=error_text(s.lang, e)), "error")
            return []
        except Exception as e:  # disk full, permissions: say so, the plan itself is stored
            log.exception("export failed")
            self._exported = []
            self._show_export()
            s.set_status(self.t("planui.export.failed", detail=f"{type(e).__name__}: {e}"), "error")
            return []
        finally:
            self.export_btn.disabled = False
        self._exported = [(p, self._data_url(p)) for p in paths]
        self._show_export()
        s.set_status(self.t("planui.export.done", n=len(paths), folder=str(out)), "ok")
        return paths

    @staticmethod
    def _data_url(path: Path) -> str | None:
        try:
            size = path.stat().st_size
            if size > MAX_DOWNLOAD_BYTES:
                return None
            data = path.read_bytes()
        except OSError:
            return None
        mime = MIME.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return data_url(data, mime)

    def _show_export(self) -> None:
        if not self._exported:
            if not self.export_btn.disabled:
                self.export_result.value = ""
            return
        t = self.t
        folder = self._exported[0][0].parent
        items = []
        for path, url in self._exported:
            if url is not None:
                link = (
                    f"<a class='fac-plan-download' href='{url}' download='{esc(path.name)}' "
                    f"title='{esc(t('planui.export.download_tip', name=path.name))}'>⬇ {esc(path.name)}</a>"
                )
            else:
                link = f"{esc(path.name)} <span class='fac-plan-note'>({esc(t('planui.export.too_big'))})</span>"
            items.append(f"<li>{link}</li>")
        self.export_result.value = (
            f"<div><b>{esc(t('planui.export.saved_in'))}</b> <span class='fac-plan-path'>{esc(str(folder))}</span></div>"
            f"<ul>{''.join(items)}</ul>"
            f"<div class='fac-plan-note'>{esc(t('planui.export.download_hint'))}</div>"
        )
