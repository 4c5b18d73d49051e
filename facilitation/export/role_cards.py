"""Training: the role cards as a document, one card per page, large type (read aloud at the table), through the
document model.

The texts stay the training part's (``training.cards.*``); the cards are ordinary blocks, so Word and PDF
are the same renderers as every other document (fonts, shaping, private files).
"""

from __future__ import annotations

from functools import partial

from ..domain.model import RoleCard
from ..i18n import translate
from . import render_docx, render_pdf
from .common import clean_text
from .document import Block, Heading, Keep, PageBreak, Para, Title, run

FORMATS = ("docx", "pdf")


def card_blocks(cards: list[RoleCard], lang: str, case_title: str) -> list[Block]:
    """Each card: the exercise (small), the role (large), what the role knows, what it thinks and says."""
    t = partial(translate, lang)
    blocks: list[Block] = []
    for n, card in enumerate(cards):
        if n:
            blocks.append(PageBreak())
        one: list[Block] = [Para([run(t("training.cards.doc_kicker", title=case_title), "m")], "small")]
        one.append(Title(clean_text(card.role)))
        for key, text in (("training.cards.knows", card.knows), ("training.cards.thinks", card.thinks)):
            one.append(Heading(t(key)))
            one += [Para([run(line.strip())]) for line in clean_text(text).split("\n") if line.strip()]
        one.append(Para([run(t("training.cards.doc_note"), "i")], "small"))
        blocks.append(Keep(one, shrink=True))  # a card is handed out as one sheet: set smaller, never split
    return blocks


def render(cards: list[RoleCard], lang: str, case_title: str, fmt: str) -> bytes:
    """The cards as a Word document or a PDF (A4, a card per page)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown role card format: {fmt!r}")
    blocks = card_blocks(cards, lang, case_title)
    title = translate(lang, "training.cards.doc_title", title=case_title)
    if fmt == "docx":
        return render_docx.render(
            blocks,
            child=True,
            footer=title,
            page_word=translate(lang, "export.page_word"),
            of_word=translate(lang, "export.page_of"),
            title=title,
        )
    return render_pdf.render(blocks, child=True, footer=title, page_text=translate(lang, "export.page"), title=title)
