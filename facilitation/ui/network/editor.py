"""The person editor of the network part: details, safety circles, place on the map, Family Finding,
ties and family links, present at the meeting, removing and forgetting.

Each text field remembers the stored value it was filled from. A field the user did not touch follows
what is stored (another screen, an undo); a touched one is kept until saved. Saving over a value another
screen changed meanwhile first says so (the same conflict check as the columns' items). Only touched
fields are written, so another screen's edit of another field stays.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import ipywidgets as W

from ...domain import network as net
from ...domain import ops
from ...domain.errors import FacilitationError
from ...domain.model import CLOSENESS, FF_STATUSES, KNOWLEDGE, SECTORS, Person
from ...figures.text import shorten
from ..base import Rows, button, css, esc
from ..datefield import DateField
from .owner import NetworkOwner
from .present import link_options

TEXT_FIELDS = ("name", "relation", "age", "phone", "notes", "ff_lead", "ff_next_step")
"""Stored together with "Save"."""


def _stored(p: Person) -> dict[str, str]:
    return {
        "name": p.name,
        "relation": p.relation,
        "age": "" if p.age is None else str(p.age),
        "phone": p.phone,
        "notes": p.notes,
        "ff_lead": p.ff_lead,
        "ff_next_step": p.ff_next_step,
    }


class PersonEditor:
    """The selected person's editor (built once, shown for whoever is selected)."""

    def __init__(self, view: NetworkOwner) -> None:
        self.view = view
        self.pid: str | None = None
        self.base: dict[str, str] = {}
        tx = view.text
        label = lambda key: tx(css(W.HTML(), "fac-net-field-label"), key, "value", html=True)  # noqa: E731
        self.title = css(W.HTML(), "fac-net-editor-title")
        self.sub = css(W.HTML(), "fac-net-editor-sub")
        self.back = tx(button("", "fac-back-to-add"), "network.back_to_add")
        self.fields = {
            "name": css(W.Text(), "fac-person-name"),
            "relation": tx(css(W.Text(), "fac-person-relation"), "network.relation_ph", "placeholder"),
            "age": tx(css(W.Text(layout=W.Layout(width="7em")), "fac-person-age"), "network.age_ph", "placeholder"),
            "phone": tx(css(W.Text(), "fac-person-phone"), "network.phone_ph", "placeholder"),
            "notes": tx(
                css(W.Textarea(rows=3), "fac-person-notes", "fac-professional-only"), "network.notes_ph", "placeholder"
            ),
            "ff_lead": tx(css(W.Textarea(rows=2), "fac-person-ff-lead"), "network.ff.lead_ph", "placeholder"),
            "ff_next_step": tx(css(W.Textarea(rows=2), "fac-person-ff-next"), "network.ff.next_ph", "placeholder"),
        }
        self.save = tx(button("", "fac-save-person", style="primary"), "network.save")
        self.knowledge = css(W.ToggleButtons(options=[(k, k) for k in KNOWLEDGE], value="none"), "fac-person-knowledge")
        self.safety = tx(css(W.ToggleButton(value=False), "fac-person-safety"), "network.safety_network")
        self.present = tx(css(W.ToggleButton(value=False), "fac-person-present"), "network.present")
        self.sector = css(W.ToggleButtons(options=[(s, s) for s in SECTORS], value="family"), "fac-person-sector")
        self.ring = css(W.ToggleButtons(options=[(str(c), c) for c in CLOSENESS], value=2), "fac-person-ring")
        self.nudges = {
            d: tx(button(arrow, "fac-nudge", f"fac-nudge-{d}"), f"network.nudge.{d}", "tooltip")
            for d, arrow in (("left", "←"), ("up", "↑"), ("down", "↓"), ("right", "→"))
        }
        self.put_back = tx(button("", "fac-put-back"), "network.put_back")
        self.moved = css(W.HTML(), "fac-net-editor-sub")
        self.ff_status = css(W.Dropdown(options=[("—", "")]), "fac-person-ff-status")
        self.ff_contact = DateField(view.t, None, "fac-person-ff-contact")
        self.ff_follow = css(W.Dropdown(options=[("—", "")]), "fac-person-ff-follow")
        self.labels = {
            k: label(f"network.{k}")
            for k in ("name", "relation", "age", "phone", "notes", "sector", "closeness", "move")
        }
        self.labels["notes"].add_class("fac-professional-only")
        self.labels["knowledge"] = label("network.knowledge")
        for k in ("ff_status", "ff_lead", "ff_contact", "ff_follow", "ff_next"):
            self.labels[k] = label(f"network.ff.{k}")
        self._build_ties()
        self._build_danger()
        self._layout()
        self._bind()

    # ---- building --------------------------------------------------------------------------------------

    def _build_ties(self) -> None:
        tx = self.view.text
        self.ties_title = css(W.HTML(), "fac-net-box-title")
        self.tie_rows_box = css(W.VBox(), "fac-tie-rows")
        self.ties_empty = css(W.HTML(), "fac-net-editor-sub")
        self.tie_kind = css(W.Dropdown(options=[("", "support")], value="support"), "fac-tie-kind")
        self.tie_other = css(W.Dropdown(options=[]), "fac-tie-other")
        self.tie_note = tx(css(W.Text(), "fac-tie-note"), "network.tie.note_ph", "placeholder")
        self.tie_add = tx(button("", "fac-add-tie"), "network.tie.add")
        self.tie_rows: Rows[str, tuple[Any, ...]] = Rows(self._make_tie_row, self._redraw_tie_row)

    def _build_danger(self) -> None:
        tx = self.view.text
        self.remove = tx(button("", "fac-remove-person", "fac-danger-btn"), "network.remove")
        self.remove_text = css(W.HTML(), "fac-remove-text")
        self.remove_yes = tx(button("", "fac-remove-yes", style="danger"), "network.remove.yes")
        self.remove_no = tx(button("", "fac-remove-no"), "network.remove.no")
        self.remove_confirm = css(
            W.VBox([self.remove_text, css(W.HBox([self.remove_yes, self.remove_no]), "fac-net-row")]),
            "fac-remove-confirm",
        )
        self.forget = tx(button("", "fac-forget-person", "fac-danger-btn", "fac-professional-only"), "network.forget")
        self.forget_text = css(W.HTML(), "fac-forget-text")
        self.forget_yes = tx(button("", "fac-forget-yes", style="danger"), "network.forget.yes")
        self.forget_no = tx(button("", "fac-forget-no"), "network.forget.no")
        self.forget_confirm = css(
            W.VBox([self.forget_text, css(W.HBox([self.forget_yes, self.forget_no]), "fac-net-row")]),
            "fac-forget-confirm",
        )
        for box in (self.remove_confirm, self.forget_confirm):
            box.layout.display = "none"

    def _layout(self) -> None:
        lb = self.labels
        self.head = css(
            W.VBox([self.title, self.sub, css(W.HBox([self.back, self.present]), "fac-net-row")]), "fac-net-box"
        )
        self.circles = css(W.VBox([lb["knowledge"], self.knowledge, self.safety]), "fac-net-box", "fac-net-circles")
        self.move_box = css(
            W.VBox(
                [
                    lb["sector"],
                    self.sector,
                    lb["closeness"],
                    self.ring,
                    lb["move"],
                    css(W.HBox([*self.nudges.values(), self.put_back]), "fac-net-row"),
                    self.moved,
                ]
            ),
            "fac-net-box",
            "fac-net-move",
        )
        self.ties_box = css(
            W.VBox(
                [
                    self.ties_title,
                    self.ties_empty,
                    self.tie_rows_box,
                    css(
                        W.VBox(
                            [self.tie_kind, self.tie_other, css(W.HBox([self.tie_note, self.tie_add]), "fac-net-row")]
                        ),
                        "fac-tie-add",
                    ),
                ]
            ),
            "fac-net-box",
            "fac-net-ties",
        )
        self._layout_texts()
        danger = [self.remove, self.remove_confirm, self.forget, self.forget_confirm]
        self.widget = css(
            W.VBox(
                [
                    self.head,
                    self.circles,  # what changes most while people talk first
                    self.move_box,
                    self.ties_box,
                    self.details,
                    self.ff_box,
                    css(W.VBox(danger), "fac-net-box"),
                ]
            ),
            "fac-net-editor",
        )
        self.widget.layout.display = "none"

    def _layout_texts(self) -> None:
        """The details saved with "Save", and the Family Finding box (its texts saved with them)."""
        f, lb = self.fields, self.labels
        details = [w for k in ("name", "relation", "age", "phone", "notes") for w in (lb[k], f[k])]
        self.details = css(W.VBox([*details, self.save]), "fac-net-box", "fac-net-details")
        ff = [
            lb["ff_status"],
            self.ff_status,
            lb["ff_lead"],
            f["ff_lead"],
            lb["ff_contact"],
            self.ff_contact,
            lb["ff_follow"],
            self.ff_follow,
            lb["ff_next"],
            f["ff_next_step"],
        ]
        title = self.view.text(css(W.HTML(), "fac-net-box-title"), "network.ff.title", "value", html=True)
        self.ff_box = css(W.VBox([title, *ff]), "fac-net-box", "fac-net-ff")

    def _bind(self) -> None:
        v = self.view
        self.back.on_click(lambda _b: v.select(None))
        self.save.on_click(lambda _b: self.store())
        v.on(self.knowledge, lambda k: self._immediate(lambda c, pid: net.set_knowledge(c, pid, k)))
        v.on(self.safety, lambda on: self._immediate(lambda c, pid: net.set_safety_network(c, pid, on)))
        v.on(self.present, self._on_present)
        v.on(self.sector, lambda _s: self._on_cell())
        v.on(self.ring, lambda _r: self._on_cell())
        v.on(self.ff_status, lambda s: self._immediate(lambda c, pid: net.set_family_finding(c, pid, ff_status=s)))
        v.on(
            self.ff_follow,
            lambda f: self._immediate(lambda c, pid: net.set_family_finding(c, pid, ff_follow_up=f or None)),
        )
        v.on(
            self.ff_contact,
            lambda d: self._immediate(lambda c, pid: net.set_family_finding(c, pid, ff_last_contact=d or "")),
        )
        steps = {"left": (-1, 0), "right": (1, 0), "up": (0, 1), "down": (0, -1)}
        for d, b in self.nudges.items():
            b.on_click(lambda _b, s=steps[d]: v.nudge(*s))
        self.put_back.on_click(lambda _b: self._immediate(lambda c, pid: net.put_back(c, pid)))
        self.tie_add.on_click(lambda _b: self.add_tie())
        self.remove.on_click(lambda _b: self.ask_remove())
        self.remove_no.on_click(lambda _b: self.confirm(None))
        self.remove_yes.on_click(lambda _b: v.remove_person())
        self.forget.on_click(lambda _b: self.ask_forget())
        self.forget_no.on_click(lambda _b: self.confirm(None))
        self.forget_yes.on_click(lambda _b: v.forget_person())

    # ---- the fields ---------------------------------------------------------------------------------------

    def touched(self, name: str) -> bool:
        return ops.clean(self.fields[name].value or "") != self.base.get(name, "")

    def has_unsaved(self) -> bool:
        return self.pid is not None and any(self.touched(n) for n in self.base)

    def typed(self) -> dict[str, str]:
        """What was typed in the text fields."""
        return {n: self.fields[n].value for n in TEXT_FIELDS}

    def open(self, p: Person | None) -> None:
        """Show ``p`` (None: close); what was typed for someone else is dropped (the view asked first)."""
        self.pid = p.id if p else None
        self.base = _stored(p) if p else {}
        self.confirm(None)
        if p is not None:
            with self.view.quietly():
                for n, w in self.fields.items():
                    w.value = self.base[n]

    def follow(self, p: Person) -> None:
        """After a change elsewhere: untouched fields show what is stored, typed ones stay."""
        stored = _stored(p)
        for n, w in self.fields.items():
            if not self.touched(n) and stored[n] != self.base.get(n):
                self.base[n] = stored[n]
                self.view.set_quietly(w, value=stored[n])

    def show(self, p: Person, meeting_here: bool, here: bool) -> None:
        """Set every widget from the stored person (fields being typed in are left alone)."""
        t, v = self.view.t, self.view
        self.title.value = f"<span>{esc(p.name)}</span>"
        sub = [p.relation] if p.relation else []
        sub.append(
            t("network.child_note") if p.is_child else f"{t(f'sector.{p.sector}')} · {t(f'closeness.{p.closeness}')}"
        )
        self.sub.value = esc(" · ".join(sub))
        self.follow(p)
        v.set_choices(self.knowledge, [(t(f"network.knowledge.{k}"), k) for k in KNOWLEDGE], p.knowledge)
        v.set_quietly(
            self.safety,
            value=p.in_safety_network,
            icon="check" if p.in_safety_network else "",
            button_style="success" if p.in_safety_network else "",
        )
        v.set_quietly(self.present, value=here, icon="check" if here else "", button_style="success" if here else "")
        self.present.layout.display = "" if meeting_here else "none"
        v.set_choices(self.sector, [(t(f"sector.{s}"), s) for s in SECTORS], p.sector)
        v.set_choices(self.ring, [(t(f"closeness.{c}"), c) for c in CLOSENESS], p.closeness)
        for box in (self.move_box, self.safety):
            box.layout.display = "none" if p.is_child else ""
        manual = p.x is not None and p.y is not None
        self.put_back.disabled = not manual
        self.moved.value = esc(t("network.moved_by_hand")) if manual else ""
        self._show_ff(p)
        self._show_ties(p)

    def _show_ff(self, p: Person) -> None:
        t, v, case = self.view.t, self.view, self.view.case
        v.set_choices(self.ff_status, [("—", ""), *((t(f"ff_status.{s}"), s) for s in FF_STATUSES)], p.ff_status)
        others = sorted(
            (q for q in case.people.values() if q.id != p.id and not q.is_child),
            key=lambda q: (q.name.casefold(), q.id),
        )
        follow = [
            ("—", ""),
            *((shorten(f"{q.name} ({q.relation})" if q.relation else q.name, 40), q.id) for q in others),
        ]
        v.set_choices(self.ff_follow, follow, p.ff_follow_up if p.ff_follow_up in case.people else "")
        try:
            when = date.fromisoformat(p.ff_last_contact).isoformat() if p.ff_last_contact else None
        except ValueError:
            when = None
        self.ff_contact.relabel()
        v.set_quietly(self.ff_contact, value=when)
        self.ff_contact.reset_shown()  # another person: not the typo typed for the one before

    # ---- ties and links ------------------------------------------------------------------------------------

    def _show_ties(self, p: Person) -> None:
        t, case, v = self.view.t, self.view.case, self.view
        self.ties_title.value = f"<span>{esc(t('network.ties.title', name=shorten(p.name, 40)))}</span>"
        ties = net.ties_of(case, p.id)
        lang = v.session.lang
        rows = [(tie.id, (tie, case.name_of(tie.b if tie.a == p.id else tie.a), p.id, lang)) for tie in ties]
        self.tie_rows_box.children = self.tie_rows.widgets(rows)
        for w in self.tie_rows.take_gone():
            w.close()
        others = sorted(
            (q for q in case.people.values() if q.id != p.id), key=lambda q: (not q.is_child, q.name.casefold(), q.id)
        )
        options = [(shorten(f"{q.name} ({q.relation})" if q.relation else q.name, 40), q.id) for q in others]
        current = self.tie_other.value
        ids = [o[1] for o in options]
        v.set_choices(self.tie_other, options, current if current in ids else (ids[0] if ids else None))
        v.set_choices(self.tie_kind, link_options(t))
        self.tie_add.disabled = not others
        self.ties_empty.value = (
            esc(t("network.tie.nobody")) if not others else (esc(t("network.ties.none")) if not ties else "")
        )

    def _make_tie_row(self, state: tuple[Any, ...]) -> W.Widget:
        tie, _other_name, _pid, _lang = state
        t = self.view.t
        with_html = css(W.HTML(), "fac-tie-with")
        kind = css(W.Dropdown(options=link_options(t)), "fac-tie-row-kind")
        note = css(W.Text(placeholder=t("network.tie.note_ph"), continuous_update=False), "fac-tie-row-note")
        remove = button("✕", "fac-tie-remove", tooltip=t("network.tie.remove"))
        row = css(W.HBox([with_html, kind, note, remove]), "fac-net-row", "fac-tie-row")
        row._fac_tie = tie.id  # type: ignore[attr-defined]

        def kind_chosen(k: str) -> None:
            self._edit_tie(row, kind=k, seen_from=self.pid)

        def note_typed(n: str) -> None:
            self._edit_tie(row, note=n)

        self.view.on(kind, kind_chosen)
        self.view.on(note, note_typed)
        remove.on_click(lambda _b: self.view.session.do(lambda c: net.remove_tie(c, row._fac_tie)))
        self._redraw_tie_row(row, state)
        return row

    def _redraw_tie_row(self, row: W.Widget, state: tuple[Any, ...]) -> None:
        tie, other_name, pid, _lang = state
        with_html, kind, note, _remove = row.children
        t = self.view.t
        with_html.value = f"<span>{esc(t('network.tie.with', name=other_name))}</span>"
        self.view.set_choices(kind, link_options(t), net.tie_choice(tie, pid))
        self.view.set_quietly(note, value=tie.note)

    def _edit_tie(self, row: W.Widget, **fields: Any) -> None:
        tie_id = row._fac_tie
        if self.view.session.do(lambda c: net.edit_tie(c, tie_id, **fields)):
            return
        tie, case = self.view.case.ties.get(tie_id), self.view.case  # refused: show the tie as it is stored
        if tie is not None and self.pid is not None:
            other = case.name_of(tie.b if tie.a == self.pid else tie.a)
            self._redraw_tie_row(row, (tie, other, self.pid, self.view.session.lang))

    def add_tie(self) -> bool:
        v, pid, other, choice = self.view, self.pid, self.tie_other.value, self.tie_kind.value
        if pid is None:
            return False
        if not other:
            v.session.set_status(v.t("network.tie.pick_other"), "error")
            return False
        return v.add_link(pid, other, choice, self.tie_note.value, clear=self.tie_note)

    # ---- immediate changes -----------------------------------------------------------------------------------

    def _immediate(self, make: Any) -> None:
        pid = self.pid
        if pid is not None and not self.view.session.do(lambda c: make(c, pid)):
            self.view.update(force=True)

    def _on_cell(self) -> None:
        sector, ring = self.sector.value, self.ring.value
        self._immediate(lambda c, pid: net.move_person(c, pid, sector=sector, closeness=ring))

    def _on_present(self, here: bool) -> None:
        mid = self.view.session.meeting_id
        if mid is not None:
            self._immediate(lambda c, pid: net.set_present(c, mid, pid, here))

    # ---- saving ----------------------------------------------------------------------------------------

    def store(self) -> bool:
        """Save what was typed (only touched fields); over a value another screen changed, first warn."""
        v, pid = self.view, self.pid
        case = v.session.case
        if pid is None or case is None or pid not in case.people:
            return False
        stored = _stored(case.people[pid])
        clashes = [n for n in self.base if self.touched(n) and stored[n] != self.base[n]]
        if clashes:
            for n in clashes:
                self.base[n] = stored[n]
            v.session.set_status(v.t("network.changed_elsewhere", name=shorten(case.people[pid].name, 60)), "error")
            return False
        fields: dict[str, Any] = {}
        try:
            for n in TEXT_FIELDS:
                if self.touched(n):
                    fields[n] = net.parse_age(self.fields[n].value) if n == "age" else self.fields[n].value
        except FacilitationError as e:
            v.session.fail(e)
            return False
        if fields and not v.session.do(lambda c: net.edit_person(c, pid, **fields)):
            return False
        p = v.case.people[pid]
        self.base = _stored(p)
        v.session.set_status(v.t("network.saved", name=shorten(p.name, 60)), "ok")
        return True

    # ---- removing and forgetting ----------------------------------------------------------------------------

    def confirm(self, which: str | None) -> None:
        """Show the question of removing (``"remove"``) or forgetting (``"forget"``), or neither."""
        self.remove_confirm.layout.display = "" if which == "remove" else "none"
        self.forget_confirm.layout.display = "" if which == "forget" else "none"
        self.remove.layout.display = "none" if which else ""
        self.forget.layout.display = "none" if which else ""

    def ask_remove(self) -> None:
        case, pid, t = self.view.case, self.pid, self.view.t
        if pid is None or pid not in case.people:
            return
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
        self.confirm("remove")

    def ask_forget(self) -> None:
        case, pid, t = self.view.case, self.pid, self.view.t
        if pid is None or pid not in case.people:
            return
        name = shorten(case.people[pid].name, 60)
        self.forget_text.value = (
            f"<b>{esc(t('network.forget.ask', name=name))}</b><div>{esc(t('network.forget.explain', name=name))}</div>"
        )
        self.confirm("forget")
