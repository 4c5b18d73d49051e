"""The training dashboard: start an exercise on a fictional case, hand out role cards, reveal case
information step by step, let groups work on their own copies, compare the groups, reset in one action.

The session's case is the copy of the group being worked on; the network, columns, scaling and plan parts
of the meeting dashboard work on it as on any case. What the trainer does for the whole room (revealing a
step, preparing cards, resetting) is applied to every group's copy of the exercise; the sample itself is only
ever read.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

import ipywidgets as W

from ...domain import training as tr
from ...domain.case import Case, Edit
from ...domain.errors import FacilitationError, NotFoundError, ValidationError
from ...domain.model import RevealStep, RoleCard
from ...domain.ops import new_id
from ...export.common import clean_text, slug, write_failure, write_private
from ...export.reflecting_record import MIME, number
from ...i18n import LANGUAGES, translate
from ...store.location import exports_dir
from ..base import Part, button, css, esc, esc_lines, status_html
from ..downloads import download_link
from ..session import Event, Session
from ..shell import available_parts
from ..style import stylesheet

log = logging.getLogger(__name__)

GROUP_PARTS = ("network", "columns", "scaling", "plan")
"""The meeting dashboard's parts the groups work with, on their own copy."""


# ---- printable role cards -----------------------------------------------------------------------


def cards_docx(cards: list[RoleCard], lang: str, case_title: str) -> bytes:
    """Role cards as a Word document: one card per page, large type."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt, RGBColor

    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.2)
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(15)
    doc.core_properties.author = ""
    doc.core_properties.title = clean_text(t("training.cards.doc_title", title=case_title))[:250]
    green = RGBColor(0x15, 0x5D, 0x3A)
    for n, card in enumerate(cards):
        p = doc.add_paragraph()
        r = p.add_run(clean_text(t("training.cards.doc_kicker", title=case_title)))
        r.font.size = Pt(10)
        r.font.color.rgb = RGBColor(0x5A, 0x65, 0x75)
        p = doc.add_paragraph()
        r = p.add_run(clean_text(card.role))
        r.bold = True
        r.font.size = Pt(26)
        r.font.color.rgb = green
        for key, text in (("training.cards.knows", card.knows), ("training.cards.thinks", card.thinks)):
            p = doc.add_paragraph()
            r = p.add_run(t(key))
            r.bold = True
            r.font.size = Pt(17)
            for line in clean_text(text).split("\n") or [""]:
                if line.strip():
                    doc.add_paragraph(line.strip())
        p = doc.add_paragraph()
        r = p.add_run(t("training.cards.doc_note"))
        r.italic = True
        r.font.size = Pt(10)
        if n < len(cards) - 1:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def cards_pdf(cards: list[RoleCard], lang: str, case_title: str) -> bytes:
    """Role cards as a PDF: one card per page, large type, DejaVu Sans for every accent."""
    from xml.sax.saxutils import escape as xml_escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepInFrame, PageBreak, Paragraph, SimpleDocTemplate, Spacer

    from ...export.render_pdf import fonts

    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    regular, bold = fonts()
    body = ParagraphStyle("b", fontName=regular, fontSize=14, leading=19, spaceAfter=5)
    kicker = ParagraphStyle("k", parent=body, fontSize=9, leading=12, textColor=colors.HexColor("#5a6575"))
    title = ParagraphStyle(
        "t", parent=body, fontName=bold, fontSize=26, leading=31, textColor=colors.HexColor("#155d3a"), spaceAfter=12
    )
    head = ParagraphStyle("h", parent=body, fontName=bold, fontSize=16, leading=21, spaceBefore=10)
    note = ParagraphStyle("n", parent=kicker, spaceBefore=16)

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(xml_escape(clean_text(text)).replace("\n", "<br/>"), style)

    frame_w, frame_h = A4[0] - 4.4 * cm, A4[1] - 4 * cm - 12
    story: list[Any] = []
    for n, card in enumerate(cards):
        content: list[Any] = [para(t("training.cards.doc_kicker", title=case_title), kicker), para(card.role, title)]
        for key, text in (("training.cards.knows", card.knows), ("training.cards.thinks", card.thinks)):
            content.append(para(t(key), head))
            content += [para(line.strip(), body) for line in clean_text(text).split("\n") if line.strip()]
        content += [Spacer(1, 8), para(t("training.cards.doc_note"), note)]
        # A card is handed out as one sheet: a long card is set smaller rather than split.
        story.append(KeepInFrame(frame_w, frame_h, content, mode="shrink"))
        if n < len(cards) - 1:
            story.append(PageBreak())
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=clean_text(t("training.cards.doc_title", title=case_title))[:250],
        author="",
        creator="facilitation",
        producer="facilitation",
    )
    doc.build(story)
    return buf.getvalue()


# ---- exercises in the store ---------------------------------------------------------------------


@dataclass(frozen=True)
class Copy:
    """One group's copy of an exercise."""

    case_id: str
    group: str
    title: str


@dataclass(frozen=True)
class Source:
    """What an exercise can start from: a sample case or a fictional case in the store."""

    key: str
    title: str


class TrPart(Part):
    """A part of the training dashboard: knows the root (exercise, copies, trainer actions)."""

    def __init__(self, session: Session, root: Training) -> None:
        self.root = root
        super().__init__(session)


# ---- the exercise: start, groups, reset ---------------------------------------------------------


class ExerciseView(TrPart):
    key = "tr-exercise"
    kinds = frozenset({"case"})

    def build(self) -> None:
        self.intro = css(W.HTML(), "fac-tr-hint")
        self.source = css(W.Dropdown(options=[], layout=W.Layout(width="auto", min_width="24em")), "fac-tr-source")
        self.groups = css(W.Textarea(rows=3, value=""), "fac-tr-groups")
        self.start_btn = button("", "fac-tr-start", style="primary")
        self.start_btn.on_click(lambda _b: self.start())
        self.labels = [W.Label(), W.Label()]
        self.start_form = css(
            W.VBox([W.HBox([self.labels[0], self.source]), W.HBox([self.labels[1], self.groups]), self.start_btn]),
            "fac-tr-form",
        )
        self.start_title = css(W.HTML(), "fac-tr-h")
        self.current_title = css(W.HTML(), "fac-tr-h")
        self.rows = css(W.VBox(), "fac-tr-groups-list")
        self.reset_all_btn = button("", "fac-tr-reset-all")
        self.remove_btn = button("", "fac-tr-remove-exercise")
        self.reset_all_btn.on_click(lambda _b: self.reset_all())
        self.remove_btn.on_click(lambda _b: self.remove_exercise())
        self.actions = css(W.HBox([self.reset_all_btn, self.remove_btn]), "fac-tr-actions")
        self.widget.children = [
            self.intro,
            self.current_title,
            self.rows,
            self.actions,
            self.start_title,
            self.start_form,
        ]
        self._armed: str | None = None

    @property
    def title(self) -> str:
        return self.t("training.tab.exercise")

    def relabel(self) -> None:
        t = self.t
        self.intro.value = esc(t("training.exercise.intro"))
        self.labels[0].value = t("training.exercise.source")
        self.labels[1].value = t("training.exercise.groups")
        self.groups.placeholder = t("training.exercise.groups_ph")
        if not self.groups.value:
            self.groups.value = "\n".join(t("training.exercise.group_n", n=n) for n in (1, 2, 3))
        self.start_btn.description = t("training.exercise.start")
        self.start_title.value = esc(t("training.exercise.new"))
        self._disarm()

    def _disarm(self) -> None:
        self._armed = None
        self.reset_all_btn.description = self.t("training.exercise.reset_all")
        self.remove_btn.description = self.t("training.exercise.remove")
        for b in (self.reset_all_btn, self.remove_btn):
            b.remove_class("fac-tr-danger")
        for row in self.rows.children:
            for b in getattr(row, "children", ()):
                if "fac-tr-reset-group" in b._dom_classes:
                    b.description = self.t("training.exercise.reset_group")
                    b.remove_class("fac-tr-danger")

    def _arm(self, key: str, btn: W.Button) -> bool:
        """First click asks, second click does it (a reset cannot be undone)."""
        if self._armed == key:
            self._disarm()
            return True
        self._disarm()
        self._armed = key
        btn.description = self.t("training.confirm")
        btn.add_class("fac-tr-danger")
        return False

    def refresh(self, event: Event) -> None:
        root = self.root
        t = self.t
        self._armed = None
        sources = root.sources()
        current = self.source.value
        self.source.options = [(s.title, s.key) for s in sources] or [(t("training.exercise.no_source"), "")]
        keys = [s.key for s in sources]
        self.source.value = (
            current if current in keys else (root.exercise if root.exercise in keys else (keys[0] if keys else ""))
        )
        self.start_btn.disabled = not sources
        copies = root.copies()
        ex = root.exercise
        has = bool(ex and copies)
        self.current_title.layout.display = "" if has else "none"
        self.actions.layout.display = "" if has else "none"
        if not has:
            self.rows.children = [css(W.HTML(esc(t("training.exercise.none"))), "fac-tr-hint")]
            return
        self.current_title.value = esc(t("training.exercise.current", title=root.source_title(ex or "")))
        active = self.session.case.id if self.session.case is not None else None
        rows = []
        for c in copies:
            state = t("training.exercise.working") if c.case_id == active else ""
            label = css(
                W.HTML(f"<b>{esc(c.group)}</b> <span class='fac-tr-hint'>{esc(state)}</span>"), "fac-tr-group-name"
            )
            open_btn = button(
                t("training.exercise.open"), "fac-tr-open-group", style="primary" if c.case_id != active else ""
            )
            open_btn.disabled = c.case_id == active
            open_btn.on_click(lambda _b, cid=c.case_id: root.open_copy(cid))
            reset_btn = button(t("training.exercise.reset_group"), "fac-tr-reset-group")
            reset_btn.on_click(lambda _b, cid=c.case_id, btn=reset_btn: self.reset_one(cid, btn))
            row = css(W.HBox([label, open_btn, reset_btn]), "fac-tr-row")
            if c.case_id == active:
                row.add_class("fac-tr-active")
            rows.append(row)
        self.rows.children = rows

    def start(self) -> bool:
        names = [line.strip() for line in self.groups.value.splitlines() if line.strip()]
        ok = self.root.start_exercise(self.source.value, names)
        return ok

    def reset_one(self, case_id: str, btn: W.Button) -> bool:
        if not self._arm(f"reset:{case_id}", btn):
            return False
        return self.root.reset([case_id])

    def reset_all(self) -> bool:
        if not self._arm("reset-all", self.reset_all_btn):
            return False
        return self.root.reset([c.case_id for c in self.root.copies()])

    def remove_exercise(self) -> bool:
        if not self._arm("remove", self.remove_btn):
            return False
        return self.root.remove_exercise()


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

    def print_cards(self, card_id: str | None, fmt: str) -> list[Any]:
        """Save a printable document (one card, or all) next to the store and offer it for download."""
        case = self.root.reference_case()
        cards = [c for c in self.cards() if card_id is None or c.id == card_id]
        if case is None or not cards:
            return []
        lang = self.session.lang
        title = case.info.title
        source_title = self.root.source_title(case.info.source) if case.info.source else title
        what = slug(cards[0].role, "kaart") if card_id else self.t("training.cards.file_all")
        name = f"{slug(source_title, 'oefening')}-{self.t('training.cards.file_part')}-{what}.{fmt}"
        try:
            data = cards_docx(cards, lang, source_title) if fmt == "docx" else cards_pdf(cards, lang, source_title)
            path = write_private(exports_dir(self.session.store.path) / name, data, overwrite=True)
        except (OSError, FacilitationError) as e:
            self.root.say(self.t("training.write_failed", reason=write_failure(lang, e)), "error")
            return []
        label = self.t(
            f"training.cards.download_{fmt}", what=cards[0].role if card_id else self.t("training.cards.all")
        )
        self.downloads.value = download_link(name, data, MIME[fmt], label, f"fac-tr-download fac-tr-download-{fmt}")
        self.root.say(self.t("training.saved_in", folder=str(path.parent)), "ok")
        return [path]


# ---- revealing information ----------------------------------------------------------------------


class RevealView(TrPart):
    key = "tr-reveal"
    kinds = frozenset({"reveal", "case"})

    def build(self) -> None:
        self.intro = css(W.HTML(), "fac-tr-hint")
        self.next_btn = button("", "fac-tr-reveal-next", style="success")
        self.hide_all_btn = button("", "fac-tr-hide-all")
        self.generate_btn = button("", "fac-tr-generate-steps")
        self.next_btn.on_click(lambda _b: self.reveal_next())
        self.hide_all_btn.on_click(lambda _b: self.hide_all())
        self.generate_btn.on_click(lambda _b: self.root.generate("reveal"))
        self.open_title = css(W.HTML(), "fac-tr-h")
        self.open_box = css(W.VBox(), "fac-tr-open-steps")
        self.list_title = css(W.HTML(), "fac-tr-h")
        self.list_box = css(W.VBox(), "fac-tr-steps")
        self.new_title = css(W.Text(), "fac-tr-step-title")
        self.new_text = css(W.Textarea(rows=3), "fac-tr-step-text")
        self.add_btn = button("", "fac-tr-add-step", style="primary")
        self.add_btn.on_click(lambda _b: self.add_step())
        self.add_title = css(W.HTML(), "fac-tr-h")
        self.form = css(W.VBox([self.new_title, self.new_text, self.add_btn]), "fac-tr-form")
        self.widget.children = [
            self.intro,
            css(W.HBox([self.next_btn, self.hide_all_btn, self.generate_btn]), "fac-tr-actions"),
            self.open_title,
            self.open_box,
            self.list_title,
            self.list_box,
            self.add_title,
            self.form,
        ]
        self._open_rows: dict[tuple[str, str, str], W.Widget] = {}

    @property
    def title(self) -> str:
        return self.t("training.tab.reveal")

    def relabel(self) -> None:
        t = self.t
        self.intro.value = esc(t("training.reveal.intro"))
        self.next_btn.description = t("training.reveal.next")
        self.hide_all_btn.description = t("training.reveal.hide_all")
        self.generate_btn.description = t("training.reveal.generate")
        self.open_title.value = esc(t("training.reveal.open_title"))
        self.list_title.value = esc(t("training.reveal.all_title"))
        self.add_title.value = esc(t("training.reveal.add_title"))
        self.new_title.placeholder = t("training.reveal.title_ph")
        self.new_text.placeholder = t("training.reveal.text_ph")
        self.add_btn.description = t("training.reveal.add")

    def refresh(self, event: Event) -> None:
        t = self.t
        case = self.root.reference_case()
        steps = tr.steps_in_order(case) if case is not None else []
        nxt = tr.next_hidden(case) if case is not None else None
        self.next_btn.disabled = nxt is None
        self.next_btn.description = (
            t("training.reveal.next_named", title=nxt.title) if nxt else t("training.reveal.all_open")
        )
        self.hide_all_btn.disabled = not any(s.revealed for s in steps)
        self.generate_btn.layout.display = "" if case is not None and not steps else "none"
        self.add_btn.disabled = case is None
        opened = [s for s in steps if s.revealed]
        kids = []
        for n, s in enumerate(steps, 1):
            if not s.revealed:
                continue
            paras = "".join(f"<p>{esc_lines(line)}</p>" for line in s.text.split("\n") if line.strip())
            kids.append(css(W.HTML(f"<h3>{n}. {esc(s.title)}</h3>{paras}"), "fac-tr-step-open"))
        self.open_box.children = kids or [css(W.HTML(esc(t("training.reveal.nothing_open"))), "fac-tr-hint")]
        self.open_title.value = esc(t("training.reveal.open_title_n", n=len(opened), total=len(steps)))
        rows = []
        for n, s in enumerate(steps, 1):
            state = t("training.reveal.state_open") if s.revealed else t("training.reveal.state_hidden")
            cls = "fac-tr-state-open" if s.revealed else "fac-tr-state-hidden"
            label = css(
                W.HTML(f"<b>{n}. {esc(s.title)}</b> <span class='fac-tr-state {cls}'>· {esc(state)}</span>"),
                "fac-tr-step-name",
            )
            toggle = button(
                t("training.reveal.hide") if s.revealed else t("training.reveal.show"), "fac-tr-step-toggle"
            )
            toggle.on_click(lambda _b, sid=s.id, rev=not s.revealed: self.set(sid, rev))
            drop = button("✕", "fac-tr-small", "fac-tr-step-remove", tooltip=t("training.reveal.remove"))
            drop.on_click(lambda _b, sid=s.id, b=drop: self.remove(sid, b))
            rows.append(css(W.HBox([label, toggle, drop]), "fac-tr-row"))
        if not rows:
            rows = [
                css(
                    W.HTML(esc(t("training.reveal.none") if case is not None else t("training.no_exercise"))),
                    "fac-tr-hint",
                )
            ]
        self.list_box.children = rows
        self._armed: str | None = None

    def set(self, step_id: str, revealed: bool) -> bool:
        key = "training.reveal.revealed" if revealed else "training.reveal.hidden"
        return self.root.apply_all(lambda case: tr.set_revealed(case, step_id, revealed), key)

    def reveal_next(self) -> bool:
        case = self.root.reference_case()
        nxt = tr.next_hidden(case) if case is not None else None
        return self.set(nxt.id, True) if nxt is not None else False

    def hide_all(self) -> bool:
        def make(case: Case) -> Edit:
            from ...domain.ops import combine

            return combine(
                "training.edit.hide",
                [tr.set_revealed(case, s.id, False) for s in tr.steps_in_order(case) if s.revealed],
            )

        return self.root.apply_all(make, "training.reveal.all_hidden")

    def add_step(self) -> bool:
        case = self.root.reference_case()
        if case is None:
            return False
        steps = tr.steps_in_order(case)
        try:
            step = RevealStep.from_dict(
                {
                    "id": new_id("rv-"),
                    "title": self.new_title.value.strip(),
                    "text": self.new_text.value.strip(),
                    "position": max((s.position for s in steps), default=0.0) + 1.0,
                },
                "reveal",
            )
        except ValidationError as e:
            self.session.fail(e)
            return False
        ok = self.root.apply_all(lambda c: tr.put_record(c, step, "training.edit.step"), "training.reveal.added")
        if ok:
            self.new_title.value = self.new_text.value = ""
        return ok

    def remove(self, step_id: str, btn: W.Button) -> bool:
        if getattr(self, "_armed", None) != step_id:
            self._armed = step_id
            btn.description = self.t("training.confirm")
            btn.add_class("fac-tr-danger")
            return False
        self._armed = None
        return self.root.apply_all(
            lambda c: tr.remove_record(c, "reveal", step_id, "training.edit.step_removed"), "training.reveal.removed"
        )


# ---- comparing the groups -----------------------------------------------------------------------


class CompareView(TrPart):
    key = "tr-compare"
    kinds = frozenset({"item", "scale", "score", "agreement", "person", "case"})

    def build(self) -> None:
        self.intro = css(W.HTML(), "fac-tr-hint")
        self.refresh_btn = button("", "fac-tr-compare-refresh")
        self.refresh_btn.on_click(lambda _b: self.refresh(Event("mode")))
        self.table = css(W.HTML(), "fac-tr-compare-table")
        self.widget.children = [self.intro, self.refresh_btn, self.table]

    @property
    def title(self) -> str:
        return self.t("training.tab.compare")

    def relabel(self) -> None:
        self.intro.value = esc(self.t("training.compare.intro"))
        self.refresh_btn.description = self.t("training.compare.refresh")

    def refresh(self, event: Event) -> None:
        t = self.t
        results = []
        for c in self.root.copies():
            try:
                results.append(tr.group_result(self.session.store.load(c.case_id)))
            except NotFoundError:
                continue
        if not results:
            self.table.value = f"<p class='fac-tr-hint'>{esc(t('training.no_exercise'))}</p>"
            return
        none = f"<span class='fac-tr-none'>{esc(t('training.compare.nothing'))}</span>"

        def ul(items: list[str]) -> str:
            return "<ul>" + "".join(f"<li>{esc_lines(x)}</li>" for x in items) + "</ul>" if items else none

        head = "".join(f"<th>{esc(r.group)}</th>" for r in results)
        rows = [
            (t("element.danger_statement"), [ul(r.danger_statements) for r in results]),
            (t("element.safety_goal"), [ul(r.safety_goals) for r in results]),
        ]
        score_cells = []
        for r in results:
            if not r.scores:
                score_cells.append(none)
                continue
            mid = f"<div class='fac-tr-mid'>{esc(t('training.compare.middle', middle=number(r.middle or 0, self.session.lang)))}</div>"
            score_cells.append(mid + ul([f"{name}: {value}" for name, value in r.scores]))
        rows.append((t("scale.safety"), score_cells))
        plan_cells = []
        for r in results:
            case = self.session.store.load(r.case_id)
            lines = []
            for a in r.agreements:
                who = case.name_of(a.owner)
                backup = case.name_of(a.backup)
                extra = " — ".join(
                    x for x in (who, t("training.compare.backup", name=backup) if backup else "", a.when) if x
                )
                lines.append(a.what + (f" ({extra})" if extra else ""))
            plan_cells.append(ul(lines))
        rows.append((t("part.plan"), plan_cells))
        body = "".join(
            f"<tr><th>{esc(label)}</th>{''.join(f'<td>{c}</td>' for c in cells)}</tr>" for label, cells in rows
        )
        self.table.value = f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody></table>"


# ---- the dashboard ------------------------------------------------------------------------------


class Training:
    """Root of the training dashboard (CSS classes ``fac-training``, ``fac-ready``)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.exercise: str | None = None
        self.parts: list[Any] = []
        self._copies_cache: tuple[Any, list[Copy]] | None = None
        self._titles: dict[str, str] = {}
        self._samples: dict[str, tuple[int, Any]] = {}
        self._quiet = False
        self._build()
        session.subscribe(self._on_event)
        if session.case is not None and tr.is_copy(session.case.info):
            self.exercise = session.case.info.source
        elif self.copies_of_any():
            first = self.copies_of_any()[0]
            self.exercise = first[0]
        self.parts = [ExerciseView(session, self), CardsView(session, self), RevealView(session, self)]
        for key, factory in available_parts(GROUP_PARTS):
            try:
                self.parts.append(factory(session))
            except Exception:  # a part that cannot be built must not take the exercise down with it
                log.exception("group part %s could not be built", key)
        self.parts.append(CompareView(session, self))
        self.tabs.children = [p.widget for p in self.parts]
        self._relabel()
        self._refresh()
        self.widget.add_class("fac-ready")

    # ---- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        s = self.session
        self.title = css(W.HTML(), "fac-app-title")
        self.exercise_pick = css(
            W.Dropdown(options=[], layout=W.Layout(width="auto", min_width="16em")), "fac-tr-exercise-pick"
        )
        self.group_pick = css(
            W.Dropdown(options=[], layout=W.Layout(width="auto", min_width="9em")), "fac-tr-group-pick"
        )
        self.group_label = W.Label()
        self.undo_btn = button("", "fac-undo")
        from ...i18n import LANGUAGE_NAMES

        self.lang_pick = css(
            W.ToggleButtons(
                options=[(c.upper(), c) for c in LANGUAGES],
                value=s.lang,
                tooltips=[LANGUAGE_NAMES[c] for c in LANGUAGES],
            ),
            "fac-lang",
        )
        self.status = css(W.HTML(), "fac-status")
        bar = css(
            W.HBox([self.title, self.exercise_pick, self.group_label, self.group_pick, self.undo_btn, self.lang_pick]),
            "fac-tr-bar",
        )
        self.tabs = css(W.Tab(), "fac-tabs")
        self.widget = css(W.VBox([W.HTML(stylesheet()), bar, self.status, self.tabs]), "fac-training", "fac-root")
        self.exercise_pick.observe(self._on_exercise_pick, "value")
        self.group_pick.observe(self._on_group_pick, "value")
        self.lang_pick.observe(lambda ch: s.set_language(ch["new"]), "value")
        self.undo_btn.on_click(lambda _b: s.undo())

    def _relabel(self) -> None:
        t = self.session.t
        self.title.value = f"<span>{esc(t('training.title'))}</span>"
        self.group_label.value = t("training.group")
        self.undo_btn.description = t("shell.undo")
        self.undo_btn.tooltip = t("training.undo_tip")
        self.tabs.titles = tuple(p.title for p in self.parts)

    # ---- the store's exercises -----------------------------------------------------------------

    def _fictional_infos(self) -> list[Any]:
        """CaseInfo of every fictional case in the store (cached until the store changes)."""
        store = self.session.store
        summaries = store.list_cases()
        # Keyed on which cases exist: a group's work does not change what the exercises are. (Edits of a
        # case's own details drop the cache in ``_on_event``.)
        key = tuple(sorted(c.id for c in summaries if c.fictional))
        if self._copies_cache is not None and self._copies_cache[0] == key:
            return self._copies_cache[1]
        infos = []
        for c in summaries:
            if not c.fictional:
                continue
            try:
                infos.append(store.load(c.id).info)
            except FacilitationError:
                continue
        self._copies_cache = (key, infos)
        return infos

    def copies_of_any(self) -> list[tuple[str, list[Copy]]]:
        """Exercises in the store: (source, copies), most recently worked on first."""
        out: dict[str, list[Copy]] = {}
        for info in self._fictional_infos():
            if tr.is_copy(info):
                out.setdefault(info.source, []).append(Copy(info.id, info.group_name, info.title))
        return [(src, sorted(cs, key=lambda c: c.group.casefold())) for src, cs in out.items()]

    def copies(self, source: str | None = None) -> list[Copy]:
        source = source if source is not None else self.exercise
        return dict(self.copies_of_any()).get(source or "", [])

    def sources(self) -> list[Source]:
        """Sample cases, and fictional cases in the store that are not exercise copies."""
        from ... import samples

        out: list[Source] = []
        sample_ids = set()
        for name in samples.sample_names():
            info = self._sample_info(name)
            if info is None or not info.fictional:
                continue
            sample_ids.add(info.id)
            self._titles[name] = info.title
            out.append(Source(name, self.session.t("training.sample_label", title=info.title)))
        for info in self._fictional_infos():
            if tr.is_copy(info) or info.id in sample_ids:
                continue
            self._titles[info.id] = info.title
            out.append(Source(info.id, info.title))
        return out

    def _sample_info(self, name: str) -> Any:
        """A sample's CaseInfo, read once per version of its file (a list refresh must not parse them all)."""
        from ... import samples

        path = samples.sample_dir() / f"{name}{samples.SAMPLE_SUFFIX}"
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return None
        cached = self._samples.get(name)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            info = samples.load_sample(name).info
        except FacilitationError:
            info = None
        self._samples[name] = (stamp, info)
        return info

    def source_title(self, source: str) -> str:
        if source not in self._titles:
            self.sources()
        return self._titles.get(source, source)

    def load_source(self, source: str) -> Case:
        """The sample (or stored fictional case) an exercise starts from; only ever read."""
        from ... import samples

        if source in samples.sample_names():
            return samples.load_sample(source)
        if self.session.store.has_case(source):
            case = self.session.store.load(source)
            if case.info.fictional and not tr.is_copy(case.info):
                return case
        raise NotFoundError("training_source_gone", name=source)

    def reference_case(self) -> Case | None:
        """The case whose cards and steps are shown: the open copy, or the exercise's first copy."""
        case = self.session.case
        if case is not None and tr.is_copy(case.info) and case.info.source == self.exercise:
            return case
        copies = self.copies()
        if copies:
            try:
                return self.session.store.load(copies[0].case_id)
            except FacilitationError:
                return None
        return None

    def say_fn(self, lang: str) -> tr.Say:
        return lambda key_, **kw: translate(lang, f"training.gen.{key_}", **kw)

    # ---- trainer actions -----------------------------------------------------------------------

    def say(self, message: str, level: str = "info") -> None:
        self.session.set_status(message, level)

    def _fail(self, e: Exception) -> None:
        if isinstance(e, FacilitationError) and e.code.startswith("training_"):
            params = {k: v for k, v in e.params.items() if k != "field"}
            self.say(self.session.t(f"training.error.{e.code[len('training_') :]}", **params), "error")
        else:
            self.session.fail(e)

    def start_exercise(self, source: str, groups: list[str]) -> bool:
        """Make a copy of the source for every group (added to the exercise if it already runs)."""
        t = self.session.t
        if not source:
            self.say(t("training.error.no_source"), "error")
            return False
        if not groups:
            self.say(t("training.error.no_groups"), "error")
            return False
        seen: set[str] = set()
        existing = {c.group.casefold() for c in self.copies(source)}
        for g in groups:
            if g.casefold() in seen or g.casefold() in existing:
                self.say(t("training.error.group_twice", group=g), "error")
                return False
            if len(g) > 200:
                self.say(t("training.error.group_long"), "error")
                return False
            seen.add(g.casefold())
        try:
            sample = self.load_source(source)
            today = date.today().isoformat()
            say = self.say_fn(sample.info.language)
            ref = self.reference_case() if self.exercise == source else None
            cards = tr.cards_in_order(ref) if ref is not None else None
            steps = tr.steps_in_order(ref) if ref is not None else None
            copies = [tr.new_copy(sample, source, g, today, say, cards, steps) for g in groups]
        except FacilitationError as e:
            self._fail(e)
            return False
        for copy in copies:
            self.session.store.add_case(copy, self.session.id, "training.edit.start")
        self.exercise = source
        self._copies_cache = None
        self.session.open_case(copies[0].id)
        self.say(t("training.started", n=len(copies), title=self.source_title(source)), "ok")
        return True

    def open_copy(self, case_id: str) -> None:
        if self.session.case is None or self.session.case.id != case_id:
            self.session.open_case(case_id)
        self.say(
            self.session.t("training.working_on", group=self.session.case.info.group_name if self.session.case else ""),
            "info",
        )

    def apply_all(self, make: Any, done_key: str) -> bool:
        """Apply an edit to every copy of the exercise (the whole room), each copy in one transaction."""
        copies = self.copies()
        if not copies:
            self.say(self.session.t("training.no_exercise"), "error")
            return False
        store = self.session.store
        tag = f"{self.session.id}-trainer"
        changed = 0
        try:
            for c in copies:
                case = store.load(c.case_id)
                edit = make(case)
                if edit:
                    store.apply(c.case_id, edit, tag)
                    changed += 1
        except FacilitationError as e:
            self._fail(e)
            self._after_trainer_edit()
            return False
        self._after_trainer_edit()
        self.say(self.session.t(done_key, n=changed), "ok")
        return True

    def _after_trainer_edit(self) -> None:
        self._copies_cache = None
        if not self.session.sync():
            self._refresh()
            for p in self.parts:
                if isinstance(p, TrPart):
                    p.refresh(Event("sync"))

    def generate(self, kind: str) -> bool:
        """Cards or steps drawn from the exercise's source, for an exercise that has none."""
        ex = self.exercise
        if not ex:
            return False
        try:
            sample = self.load_source(ex)
        except FacilitationError as e:
            self._fail(e)
            return False
        say = self.say_fn(sample.info.language)
        records = (
            tr.role_cards_from_people(sample, say) if kind == "rolecard" else tr.reveal_steps_from_case(sample, say)
        )

        def make(case: Case) -> Edit:
            from ...domain.ops import combine

            return combine(
                "training.edit.generate", [tr.put_record(case, r, "training.edit.generate") for r in records]
            )

        return self.apply_all(make, "training.generated")

    def reset(self, case_ids: list[str]) -> bool:
        """Return copies to the start of the exercise: one edit per copy; the sample is only read."""
        ex = self.exercise
        if not ex or not case_ids:
            return False
        try:
            sample = self.load_source(ex)
        except FacilitationError as e:
            self._fail(e)
            return False
        ids = set(case_ids)
        store = self.session.store
        tag = f"{self.session.id}-trainer"
        try:
            for c in self.copies():
                if c.case_id in ids:
                    edit = tr.reset_edit(store.load(c.case_id), sample)
                    if edit:
                        store.apply(c.case_id, edit, tag)
        except FacilitationError as e:
            self._fail(e)
            self._after_trainer_edit()
            return False
        self._after_trainer_edit()
        self.say(self.session.t("training.reset_done", n=len(ids)), "ok")
        return True

    def remove_exercise(self) -> bool:
        copies = self.copies()
        if not copies:
            return False
        active = self.session.case.id if self.session.case is not None else None
        for c in copies:
            self.session.store.delete_case(c.case_id)
        self._copies_cache = None
        title = self.source_title(self.exercise or "")
        remaining = self.copies_of_any()
        self.exercise = remaining[0][0] if remaining else None
        if active in {c.case_id for c in copies}:
            nxt = remaining[0][1][0].case_id if remaining else None
            if nxt:
                self.session.open_case(nxt)
            else:
                # Nothing left to show: close the case on this screen.
                self.session.case = None
                self.session.meeting_id = None
                self._refresh()
                for p in self.parts:
                    p.refresh(Event("case"))
        else:
            self._refresh()
            for p in self.parts:
                if isinstance(p, TrPart):
                    p.refresh(Event("case"))
        self.say(self.session.t("training.removed", title=title), "ok")
        return True

    # ---- events --------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if event.type == "lang":
            self._relabel()
        if event.type in ("sync", "case") or "case" in event.kinds:
            self._copies_cache = None
        if event.type in ("case", "sync") and self.session.case is not None and tr.is_copy(self.session.case.info):
            self.exercise = self.session.case.info.source
        if event.type != "status":
            self._refresh()
        self._refresh_status()

    def _refresh(self) -> None:
        t = self.session.t
        exercises = self.copies_of_any()
        self._quiet = True
        try:
            ex_options = [
                (t("training.exercise_label", title=self.source_title(src), n=len(cs)), src) for src, cs in exercises
            ]
            self.exercise_pick.options = ex_options or [(t("training.no_exercise_short"), "")]
            self.exercise_pick.disabled = not ex_options
            self.exercise_pick.value = (
                self.exercise if self.exercise in dict(exercises) else (ex_options[0][1] if ex_options else "")
            )
            copies = self.copies()
            g_options = [(c.group, c.case_id) for c in copies]
            self.group_pick.options = g_options or [("–", "")]
            self.group_pick.disabled = not g_options
            active = self.session.case.id if self.session.case is not None else ""
            self.group_pick.value = (
                active if active in [v for _, v in g_options] else (g_options[0][1] if g_options else "")
            )
        finally:
            self._quiet = False
        if self.session.case is not None and not tr.is_copy(self.session.case.info):
            # Never work on a real (or a sample) case here: group parts stay empty until a copy is open.
            pass
        self.tabs.titles = tuple(p.title for p in self.parts)

    def _refresh_status(self) -> None:
        s = self.session
        self.undo_btn.disabled = not s.can_undo
        message, level = s.status
        self.status.value = status_html(message, level)

    def _on_exercise_pick(self, change: dict[str, Any]) -> None:
        if self._quiet or not change["new"]:
            return
        self.exercise = change["new"]
        copies = self.copies()
        if copies:
            self.open_copy(copies[0].case_id)

    def _on_group_pick(self, change: dict[str, Any]) -> None:
        if self._quiet or not change["new"]:
            return
        self.open_copy(change["new"])
