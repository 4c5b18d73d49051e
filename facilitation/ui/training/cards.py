"""The role cards tab: shown large, edited for every group, printed (one card per page)."""

from __future__ import annotations

import logging
from typing import Any

import ipywidgets as W

from ...domain import training as tr
from ...domain.errors import FacilitationError, ValidationError
from ...domain.model import RoleCard
from ...domain.ops import new_id
from ...export.common import FileExists, slug
from ...export.reflecting_record import MIME
from ...i18n import error_text
from ...store.location import exports_dir
from ..base import button, css, esc, esc_lines
from ..downloads import download_link
from ..replace_question import How, ReplaceQuestion, keep_both, overwrite
from ..session import Event
from .parts import TrPart

log = logging.getLogger(__name__)


# ---- role cards ---------------------------------------------------------------------------------


class CardsView(TrPart):
    key = "tr-cards"
    kinds = frozenset({"rolecard", "person", "case"})

    def build(self) -> None:
        self.intro = css(W.HTML(), "fac-tr-hint")
        self.all_docx = button("", "fac-tr-cards-docx")
        self.all_pdf = button("", "fac-tr-cards-pdf")
        self.generate_btn = button("", "fac-tr-generate-cards")
        self.all_docx.on_click(lambda _b: self.print_cards(None, "docx"))
        self.all_pdf.on_click(lambda _b: self.print_cards(None, "pdf"))
        self.generate_btn.on_click(lambda _b: self.root.generate("rolecard"))
        self.downloads = css(W.HTML(), "fac-tr-downloads")
        self.question = ReplaceQuestion(self.session, "fac-tr-replace")
        self.big = css(W.HTML(), "fac-tr-card-big")
        self.prev_btn = button("◀", "fac-tr-card-prev")
        self.next_btn = button("▶", "fac-tr-card-next")
        self.close_btn = button("", "fac-tr-card-close")
        self.prev_btn.on_click(lambda _b: self.step(-1))
        self.next_btn.on_click(lambda _b: self.step(+1))
        self.close_btn.on_click(lambda _b: self.show(None))
        self.big_box = css(W.VBox([self.big, W.HBox([self.prev_btn, self.next_btn, self.close_btn])]), "fac-tr-big-box")
        self.list_box = css(W.VBox(), "fac-tr-card-list")
        # Editor: a new card, or the card being edited.
        self.ed_role = css(W.Text(), "fac-tr-card-role")
        self.ed_knows = css(W.Textarea(rows=3), "fac-tr-card-knows")
        self.ed_thinks = css(W.Textarea(rows=3), "fac-tr-card-thinks")
        self.ed_save = button("", "fac-tr-card-save", style="primary")
        self.ed_new = button("", "fac-tr-card-new")
        self.ed_save.on_click(lambda _b: self.save())
        self.ed_new.on_click(lambda _b: self.edit(None))
        self.ed_title = css(W.HTML(), "fac-tr-h")
        self.ed_labels = [W.Label(), W.Label(), W.Label()]
        self.editor = css(
            W.VBox(
                [
                    W.HBox([self.ed_labels[0], self.ed_role]),
                    W.HBox([self.ed_labels[1], self.ed_knows]),
                    W.HBox([self.ed_labels[2], self.ed_thinks]),
                    W.HBox([self.ed_save, self.ed_new]),
                ]
            ),
            "fac-tr-form",
        )
        self.widget.children = [
            self.intro,
            css(W.HBox([self.all_docx, self.all_pdf, self.generate_btn]), "fac-tr-actions"),
            self.question.widget,
            self.downloads,
            self.big_box,
            self.list_box,
            self.ed_title,
            self.editor,
        ]
        self.showing: str | None = None
        self.editing: str | None = None
        self._armed: str | None = None

    @property
    def title(self) -> str:
        return self.t("training.tab.cards")

    def relabel(self) -> None:
        t = self.t
        self.intro.value = esc(t("training.cards.intro"))
        self.all_docx.description = t("training.cards.all_docx")
        self.all_pdf.description = t("training.cards.all_pdf")
        self.generate_btn.description = t("training.cards.generate")
        self.close_btn.description = t("training.cards.close")
        self.prev_btn.tooltip = t("training.cards.prev")
        self.next_btn.tooltip = t("training.cards.next")
        for lab, key in zip(
            self.ed_labels, ("training.cards.role", "training.cards.knows", "training.cards.thinks"), strict=True
        ):
            lab.value = t(key)
        self.ed_role.placeholder = t("training.cards.role_ph")
        self.ed_knows.placeholder = t("training.cards.knows_ph")
        self.ed_thinks.placeholder = t("training.cards.thinks_ph")
        self.ed_save.description = t("training.cards.save")
        self.ed_new.description = t("training.cards.new")

    def cards(self) -> list[RoleCard]:
        case = self.root.reference_case()
        return tr.cards_in_order(case) if case is not None else []

    def refresh(self, event: Event) -> None:
        t = self.t
        self._armed = None
        cards = self.cards()
        case = self.root.reference_case()
        has_ex = case is not None
        self.widget.layout.display = ""
        for b in (self.all_docx, self.all_pdf, self.ed_save, self.ed_new):
            b.disabled = not has_ex
        self.all_docx.disabled = self.all_pdf.disabled = not cards
        self.generate_btn.layout.display = "" if has_ex and not cards else "none"
        self.ed_title.value = esc(t("training.cards.edit_title") if self.editing else t("training.cards.new_title"))
        if event.type in ("edit", "sync", "case", "lang"):
            self.downloads.value = ""
        rows = []
        for n, card in enumerate(cards, 1):
            label = css(W.HTML(f"<b>{n}. {esc(card.role)}</b>"), "fac-tr-card-name")
            show = button(
                t("training.cards.show"), "fac-tr-card-show", style="primary" if card.id != self.showing else ""
            )
            show.on_click(lambda _b, cid=card.id: self.show(cid))
            docx = button(t("training.cards.docx"), "fac-tr-card-docx")
            docx.on_click(lambda _b, cid=card.id: self.print_cards(cid, "docx"))
            pdf = button(t("training.cards.pdf"), "fac-tr-card-pdf")
            pdf.on_click(lambda _b, cid=card.id: self.print_cards(cid, "pdf"))
            edit = button(t("training.cards.edit"), "fac-tr-card-edit")
            edit.on_click(lambda _b, cid=card.id: self.edit(cid))
            drop = button("✕", "fac-tr-small", "fac-tr-card-remove", tooltip=t("training.cards.remove"))
            drop.on_click(lambda _b, cid=card.id, b=drop: self.remove(cid, b))
            row = css(W.HBox([label, show, docx, pdf, edit, drop]), "fac-tr-row")
            if card.id == self.showing:
                row.add_class("fac-tr-active")
            rows.append(row)
        if not rows:
            rows = [css(W.HTML(esc(t("training.cards.none") if has_ex else t("training.no_exercise"))), "fac-tr-hint")]
        self.list_box.children = rows
        self._show_big(cards)

    def _show_big(self, cards: list[RoleCard]) -> None:
        t = self.t
        card = next((c for c in cards if c.id == self.showing), None)
        self.big_box.layout.display = "" if card is not None else "none"
        if card is None:
            self.showing = None
            self.big.value = ""
            return
        ids = [c.id for c in cards]
        i = ids.index(card.id)
        self.prev_btn.disabled = i == 0
        self.next_btn.disabled = i == len(ids) - 1

        def lines(text: str) -> str:
            return "".join(f"<p>{esc_lines(line)}</p>" for line in text.split("\n") if line.strip()) or "<p>–</p>"

        self.big.value = (
            f"<h2>{esc(card.role)}</h2><h3>{esc(t('training.cards.knows'))}</h3>{lines(card.knows)}"
            f"<h3>{esc(t('training.cards.thinks'))}</h3>{lines(card.thinks)}"
        )

    def show(self, card_id: str | None) -> None:
        self.showing = card_id
        self.refresh(Event("mode"))

    def step(self, delta: int) -> None:
        ids = [c.id for c in self.cards()]
        if self.showing in ids:
            i = max(0, min(len(ids) - 1, ids.index(self.showing) + delta))
            self.show(ids[i])

    def edit(self, card_id: str | None) -> None:
        card = next((c for c in self.cards() if c.id == card_id), None)
        self.editing = card.id if card else None
        self.ed_role.value = card.role if card else ""
        self.ed_knows.value = card.knows if card else ""
        self.ed_thinks.value = card.thinks if card else ""
        self.refresh(Event("mode"))

    def save(self) -> bool:
        cards = self.cards()
        current = next((c for c in cards if c.id == self.editing), None)
        position = current.position if current else max((c.position for c in cards), default=0.0) + 1.0
        try:
            card = RoleCard.from_dict(
                {
                    "id": current.id if current else new_id("rc-"),
                    "role": self.ed_role.value.strip(),
                    "person": current.person if current else None,
                    "knows": self.ed_knows.value.strip(),
                    "thinks": self.ed_thinks.value.strip(),
                    "position": position,
                },
                "rolecard",
            )
        except ValidationError as e:
            self.session.fail(e)
            return False
        ok = self.root.apply_all(lambda case: tr.put_record(case, card, "training.edit.card"), "training.cards.saved")
        if ok:
            self.editing = None
            self.ed_role.value = self.ed_knows.value = self.ed_thinks.value = ""
            self.refresh(Event("mode"))
        return ok

    def remove(self, card_id: str, btn: W.Button) -> bool:
        if self._armed != card_id:
            self._armed = card_id
            btn.description = self.t("training.confirm")
            btn.add_class("fac-tr-danger")
            return False
        self._armed = None
        if self.showing == card_id:
            self.showing = None
        return self.root.apply_all(
            lambda case: tr.remove_record(case, "rolecard", card_id, "training.edit.card_removed"),
            "training.cards.removed",
        )

    def print_cards(self, card_id: str | None, fmt: str, how: How = "new") -> list[Any]:
        """Save a printable document (one card, or all) next to the store and offer it for download.

        ``how``: ``"new"`` replaces nothing (when the file is there already nothing is written and the question
        asks), ``"replace"`` or ``"both"`` (the new file numbered) as the question was answered."""
        case = self.root.reference_case()
        cards = [c for c in self.cards() if card_id is None or c.id == card_id]
        if case is None or not cards:
            return []
        from ...services import export as exports  # reportlab and python-docx load only when needed

        lang = self.session.lang
        source_title = self.root.source_title(case.info.source) if case.info.source else case.info.title
        what = slug(cards[0].role, "kaart") if card_id else self.t("training.cards.file_all")
        name = f"{slug(source_title, 'oefening')}-{self.t('training.cards.file_part')}-{what}.{fmt}"
        self.question.clear()
        try:
            data = exports.role_cards(cards, lang, source_title, fmt)
            with exports.one_policy():
                out = exports_dir(self.session.store.path)
            path = exports.save(out, name, data, overwrite=overwrite(how), keep_both=keep_both(how))
        except FileExists as e:  # nothing written: the question asks whether to replace or keep both
            self.question.ask(e.paths, lambda again: self.print_cards(card_id, fmt, again))
            self.root.say(self.t("replace.asked"), "info")
            return []
        except FacilitationError as e:
            self.root.say(self.t("training.write_failed", reason=error_text(lang, e)), "error")
            return []
        self.session.note_export(f"rolecards.{fmt}")
        label = self.t(
            f"training.cards.download_{fmt}", what=cards[0].role if card_id else self.t("training.cards.all")
        )
        self.downloads.value = download_link(
            path.name, data, MIME[fmt], label, f"fac-tr-download fac-tr-download-{fmt}"
        )
        self.root.say(self.t("training.saved_in", folder=str(path.parent)), "ok")
        return [path]
