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
from ..base import Rows, button, css, esc
from ..downloads import download_link
from ..replace_question import How, ReplaceQuestion, keep_both, overwrite
from .parts import TrPart
from .present import card_big_html, card_label_html
from .state import CardRow, CardsState, card_rows

log = logging.getLogger(__name__)


# ---- role cards ---------------------------------------------------------------------------------


class CardsView(TrPart[CardsState]):
    key = "tr-cards"
    kinds = frozenset({"rolecard", "person", "case"})

    def build(self) -> None:
        self.showing: str | None = None
        self.editing: str | None = None
        self._armed: str | None = None
        self.intro = self.text(css(W.HTML(), "fac-tr-hint"), "training.cards.intro", "value", html=True)
        self.all_docx = self.text(button("", "fac-tr-cards-docx"), "training.cards.all_docx")
        self.all_pdf = self.text(button("", "fac-tr-cards-pdf"), "training.cards.all_pdf")
        self.generate_btn = self.text(button("", "fac-tr-generate-cards"), "training.cards.generate")
        self.all_docx.on_click(lambda _b: self.print_cards(None, "docx"))
        self.all_pdf.on_click(lambda _b: self.print_cards(None, "pdf"))
        self.generate_btn.on_click(lambda _b: self.root.generate("rolecard"))
        self.downloads = css(W.HTML(), "fac-tr-downloads")
        self.question = ReplaceQuestion(self.session, "fac-tr-replace")
        self.big = css(W.HTML(), "fac-tr-card-big")
        self.prev_btn = self.text(button("◀", "fac-tr-card-prev"), "training.cards.prev", "tooltip")
        self.next_btn = self.text(button("▶", "fac-tr-card-next"), "training.cards.next", "tooltip")
        self.close_btn = self.text(button("", "fac-tr-card-close"), "training.cards.close")
        self.prev_btn.on_click(lambda _b: self.step(-1))
        self.next_btn.on_click(lambda _b: self.step(+1))
        self.close_btn.on_click(lambda _b: self.show_card(None))
        self.big_box = css(W.VBox([self.big, W.HBox([self.prev_btn, self.next_btn, self.close_btn])]), "fac-tr-big-box")
        self.list_box = css(W.VBox(), "fac-tr-card-list")
        self.no_cards = css(W.HTML(), "fac-tr-hint")
        self._rows: Rows[str, CardRow] = Rows(self._make_row, self._redraw_row)
        self.ed_title = css(W.HTML(), "fac-tr-h")
        self.editor = self._build_editor()
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

    def _build_editor(self) -> W.Box:
        """A new card, or the card being edited."""
        self.ed_role = self.text(css(W.Text(), "fac-tr-card-role"), "training.cards.role_ph", "placeholder")
        self.ed_knows = self.text(
            css(W.Textarea(rows=3), "fac-tr-card-knows"), "training.cards.knows_ph", "placeholder"
        )
        self.ed_thinks = self.text(
            css(W.Textarea(rows=3), "fac-tr-card-thinks"), "training.cards.thinks_ph", "placeholder"
        )
        self.ed_save = self.text(button("", "fac-tr-card-save", style="primary"), "training.cards.save")
        self.ed_new = self.text(button("", "fac-tr-card-new"), "training.cards.new")
        self.ed_save.on_click(lambda _b: self.save())
        self.ed_new.on_click(lambda _b: self.edit(None))
        labels = [
            self.text(W.Label(), key, "value")
            for key in ("training.cards.role", "training.cards.knows", "training.cards.thinks")
        ]
        lines = [
            W.HBox([label, field])
            for label, field in zip(labels, (self.ed_role, self.ed_knows, self.ed_thinks), strict=True)
        ]
        return css(W.VBox([*lines, W.HBox([self.ed_save, self.ed_new])]), "fac-tr-form")  # type: ignore[return-value]

    @property
    def title(self) -> str:
        return self.t("training.tab.cards")

    def cards(self) -> list[RoleCard]:
        case = self.root.reference_case()
        return tr.cards_in_order(case) if case is not None else []

    # ---- rendering -----------------------------------------------------------------------------------

    def state(self) -> CardsState:
        case = self.root.reference_case()
        cards = tr.cards_in_order(case) if case is not None else []
        ids = {c.id for c in cards}
        if self.showing not in ids:
            self.showing = None
        if self._armed not in ids:
            self._armed = None
        rows = card_rows(cards, self.showing, self._armed, self.session.lang)
        return CardsState(self.session.lang, case is not None, rows, self.editing is not None)

    def show(self, state: CardsState, previous: CardsState | None) -> None:
        t = self.t
        for b in (self.ed_save, self.ed_new):
            b.disabled = not state.has_exercise
        self.all_docx.disabled = self.all_pdf.disabled = not state.cards
        self.generate_btn.layout.display = "" if state.has_exercise and not state.cards else "none"
        self.ed_title.value = esc(t("training.cards.edit_title" if state.editing else "training.cards.new_title"))
        if previous is not None and (previous.lang != state.lang or _texts(previous) != _texts(state)):
            self.downloads.value = ""  # a document of other cards (or in the other language) is not offered
        self.no_cards.value = esc(t("training.cards.none" if state.has_exercise else "training.no_exercise"))
        self.list_box.children = self._rows.widgets((c.id, c) for c in state.cards) or [self.no_cards]
        for w in self._rows.take_gone():
            w.close()
        self._show_big(state)

    def _show_big(self, state: CardsState) -> None:
        card = state.shown
        self.big_box.layout.display = "" if card is not None else "none"
        if card is None:
            self.big.value = ""
            return
        self.prev_btn.disabled = card.n == 1
        self.next_btn.disabled = card.n == len(state.cards)
        self.big.value = card_big_html(card, self.t)

    def _make_row(self, card: CardRow) -> W.Widget:
        label = css(W.HTML(), "fac-tr-card-name")
        show = button("", "fac-tr-card-show")
        show.on_click(lambda _b, cid=card.id: self.show_card(cid))
        docx = button("", "fac-tr-card-docx")
        docx.on_click(lambda _b, cid=card.id: self.print_cards(cid, "docx"))
        pdf = button("", "fac-tr-card-pdf")
        pdf.on_click(lambda _b, cid=card.id: self.print_cards(cid, "pdf"))
        edit = button("", "fac-tr-card-edit")
        edit.on_click(lambda _b, cid=card.id: self.edit(cid))
        drop = button("✕", "fac-tr-small", "fac-tr-card-remove")
        drop.on_click(lambda _b, cid=card.id: self.remove(cid))
        row = css(W.HBox([label, show, docx, pdf, edit, drop]), "fac-tr-row")
        self._redraw_row(row, card)
        return row

    def _redraw_row(self, row: W.Widget, card: CardRow) -> None:
        t = self.t
        label, show, docx, pdf, edit, drop = row.children
        label.value = card_label_html(card)
        with show.hold_sync():
            show.description = show.tooltip = t("training.cards.show")
            show.button_style = "" if card.showing else "primary"
        for b, key in ((docx, "training.cards.docx"), (pdf, "training.cards.pdf"), (edit, "training.cards.edit")):
            b.description = b.tooltip = t(key)
        with drop.hold_sync():
            drop.description = t("training.confirm") if card.armed else "✕"
            drop.tooltip = t("training.cards.remove")
        (drop.add_class if card.armed else drop.remove_class)("fac-tr-danger")
        (row.add_class if card.showing else row.remove_class)("fac-tr-active")

    # ---- what the trainer does -----------------------------------------------------------------------

    def show_card(self, card_id: str | None) -> None:
        """Show a card large (on the projector), or none."""
        self.showing = card_id
        self.update()

    def step(self, delta: int) -> None:
        ids = [c.id for c in self.cards()]
        if self.showing in ids:
            i = max(0, min(len(ids) - 1, ids.index(self.showing) + delta))
            self.show_card(ids[i])

    def edit(self, card_id: str | None) -> None:
        card = next((c for c in self.cards() if c.id == card_id), None)
        self.editing = card.id if card else None
        self.set_quietly(self.ed_role, value=card.role if card else "")
        self.set_quietly(self.ed_knows, value=card.knows if card else "")
        self.set_quietly(self.ed_thinks, value=card.thinks if card else "")
        self.update()

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
            self.edit(None)
        return ok

    def remove(self, card_id: str) -> bool:
        """First click asks, second click removes the card from every group's copy."""
        if self._armed != card_id:
            self._armed = card_id
            self.update()
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
                out = self.session.exports_dir()
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


def _texts(state: CardsState) -> tuple[tuple[str, str, str], ...]:
    return tuple((c.role, c.knows, c.thinks) for c in state.cards)
