"""Words and Pictures as HTML and texts, from records or the part's state (pure; every user text escaped).

``reading_page_html(case, page, lang)`` and ``reading_pages(case, story_id, lang)`` draw a page as it is read
with the child (picture above the text, large type); the family screen calls them too. ``picture_html``
draws a page's or a house entry's picture: the pen drawing and the chosen pictograms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from ... import pictograms
from ...domain import drawing
from ...domain.case import Case
from ...domain.child_voice import pages_of
from ...domain.errors import ValidationError
from ...domain.model_child import StoryPage
from ...export.common import long_date, parse_date
from ...i18n import translate
from ..base import esc, esc_lines
from .state import Contact, PageState, StoryChoice, contact

Translate = Callable[..., str]


def date_words(lang: str) -> Callable[[date], str]:
    """A date in words in the reader's language, for a child's story ("3 oktober 2026")."""
    return lambda d: long_date(lang, d)


def short_date(value: str) -> str:
    """15/09/2026 (the Flemish short form); '' stays ''."""
    d = parse_date(value)
    return d.strftime("%d/%m/%Y") if d else value


def drawing_svg(text: str, css_class: str = "fac-drawing") -> str:
    """The pen drawing as SVG, or '' when there is none (a faulty stored drawing is left out, not shown raw)."""
    try:
        strokes = drawing.parse(text)
    except ValidationError:
        return ""
    return drawing.to_svg(strokes, css_class) if strokes else ""


def pictogram_imgs(names: Iterable[str], lang: str, css_class: str = "fac-picto") -> str:
    out = []
    for n in names:
        if pictograms.known(n):
            label = esc(pictograms.label(n, lang))
            out.append(f'<img class="{css_class}" src="{pictograms.data_uri(n)}" alt="{label}" title="{label}">')
    return "".join(out)


def picture_html(drawing_text: str, names: Iterable[str], lang: str) -> str:
    """The picture of a page or entry: the drawing with the pictograms beside it, or the pictograms alone."""
    svg = drawing_svg(drawing_text)
    imgs = pictogram_imgs(names, lang)
    if not svg and not imgs:
        return '<div class="fac-picture fac-picture-empty"></div>'
    cls = "fac-picture" + (" fac-picture-drawn" if svg else " fac-picture-pictos")
    row = f'<div class="fac-picture-pictos-row">{imgs}</div>' if imgs else ""
    return f'<div class="{cls}">{svg}{row}</div>'


def contacts_html(contacts: Iterable[Contact], lang: str) -> str:
    """Who the child may call: as the child calls them, with their phone number (no one else's number)."""
    items = []
    phone_img = pictogram_imgs(["telephone"], lang, "fac-read-phone-icon")
    for c in contacts:
        phone = f'<span class="fac-read-phone">{esc(c.phone)}</span>' if c.phone else ""
        items.append(f'<li>{phone_img}<span class="fac-read-called">{esc(c.called)}</span>{phone}</li>')
    return f'<ul class="fac-read-contacts">{"".join(items)}</ul>' if items else ""


def text_size(text: str) -> str:
    """s, m or l: the longer the text, the smaller its type, so that a page is read without scrolling."""
    n = len(text.strip())
    return "s" if n <= 130 else "m" if n <= 280 else "l"


def _page_html(
    topic: str, text: str, drawing_text: str, names: Iterable[str], contacts: Iterable[Contact], lang: str
) -> str:
    size = text_size(text)
    return (
        f'<article class="fac-read-page fac-read-topic-{esc(topic)} fac-read-size-{size}" lang="{esc(lang)}">'
        f"{picture_html(drawing_text, names, lang)}"
        f'<div class="fac-read-text" dir="auto">{esc_lines(text)}</div>'
        f"{contacts_html(contacts, lang)}</article>"
    )


def reading_page_html(case: Case, page: StoryPage, lang: str) -> str:
    """One page as read with the child: the picture above the text, then who to call (name and phone)."""
    contacts = [c for c in (contact(case, pid) for pid in page.contacts) if c is not None]
    return _page_html(page.topic, page.text, page.drawing, page.pictograms, contacts, lang)


def reading_pages(case: Case, story_id: str, lang: str) -> list[str]:
    """Every page of a story, in order, as ``reading_page_html`` draws them."""
    return [reading_page_html(case, p, lang) for p in pages_of(case, story_id)]


def reading_state_page(page: PageState, lang: str) -> str:
    return _page_html(page.topic, page.text, page.drawing, page.pictograms, page.contacts, lang)


# ---- the editing screen -----------------------------------------------------------------------------------


def story_title(t: Translate, story: StoryChoice) -> str:
    return story.title or t("child.story.untitled")


def story_label(t: Translate, story: StoryChoice) -> str:
    """'Het verhaal van Noah · Eerste verhaal · versie 2 · 23/10/2026' (for the story picker)."""
    parts = [story_title(t, story), t(f"story_kind.{story.kind}"), t("child.version", n=story.version)]
    if story.made_on:
        parts.append(short_date(story.made_on))
    return " · ".join(parts)


def version_label(t: Translate, story: StoryChoice) -> str:
    when = f" · {short_date(story.made_on)}" if story.made_on else ""
    return t("child.version", n=story.version) + when


def card_html(t: Translate, page: PageState, lang: str) -> str:
    """A page on the storyboard: number and topic, a small picture, the start of the text."""
    words = page.text.strip()
    excerpt = words if len(words) <= 90 else words[:88].rsplit(" ", 1)[0] + " …"
    text = esc(excerpt) if excerpt else f'<span class="fac-board-empty">{esc(t("child.page.no_text"))}</span>'
    return (
        f'<div class="fac-board-head"><span class="fac-board-num">{page.number}</span>'
        f'<span class="fac-board-topic">{esc(t(f"child.topic.{page.topic}"))}</span></div>'
        f"{picture_html(page.drawing, page.pictograms, lang)}"
        f'<div class="fac-board-text" dir="auto">{text}</div>'
    )


def contact_label(t: Translate, c: Contact) -> str:
    """'oma Monique (Monique Verstraete) · 0471 22 33 44' for picking; no number said when there is none."""
    who = c.called if c.called == c.name else f"{c.called} ({c.name})"
    return f"{who} · {c.phone}" if c.phone else t("child.contact.no_phone", who=who)


def default_title(t: Translate, names: list[str]) -> str:
    return t("child.story.title_for", kids=translate_join(t, names)) if names else t("child.story.untitled")


def translate_join(t: Translate, names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return t("child.join", first=", ".join(names[:-1]), last=names[-1])


def reader_labels(t: Translate) -> dict[str, str]:
    return {k: t(f"child.read.{k}") for k in ("previous", "next", "close", "full")}


def lang_t(lang: str) -> Translate:
    return lambda key, **kw: translate(lang, key, **kw)
