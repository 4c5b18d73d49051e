"""The Three Houses as HTML and texts (pure; every user text escaped).

``houses_html(case, child_id, lang)`` draws a child's three houses for a shared screen (the family screen):
only the entries the child allowed (*mag getoond worden*), never the others.
"""

from __future__ import annotations

from collections.abc import Callable

from ...domain.case import Case
from ...domain.child_voice import house_entries
from ...i18n import translate
from ..base import esc, esc_lines
from ..words_pictures.present import picture_html
from .state import HOUSES, EntryState, entry_state

Translate = Callable[..., str]
HOUSE_PICTOGRAM = {"worries": "rain", "good_things": "sun", "dreams": "rainbow"}


def house_title_html(t: Translate, house: str, count: int) -> str:
    from ...pictograms import data_uri

    return (
        f'<div class="fac-house-roof"></div><div class="fac-house-name">'
        f'<img class="fac-house-icon" src="{data_uri(HOUSE_PICTOGRAM[house])}" alt="">'
        f'<span>{esc(t(f"house.{house}"))}</span><span class="fac-house-count">{count}</span></div>'
    )


def entry_html(t: Translate, entry: EntryState, lang: str, shared_screen: bool) -> str:
    """One thing in a house: its picture and the child's words; on the worker's screen, whether it may be shown."""
    picture = picture_html(entry.drawing, entry.pictograms, lang) if (entry.drawing or entry.pictograms) else ""
    words = f'<div class="fac-entry-text" dir="auto">{esc_lines(entry.text)}</div>' if entry.text.strip() else ""
    badge = ""
    if not shared_screen:
        key, cls = ("house.shared", "fac-entry-shared") if entry.shareable else ("house.private", "fac-entry-private")
        badge = f'<div class="fac-entry-badge {cls}">{esc(t(key))}</div>'
    return f'<div class="fac-entry-body">{picture}{words}{badge}</div>'


def houses_html(case: Case, child_id: str, lang: str) -> str:
    """A child's three houses for a shared screen: only what the child allowed to be shown."""

    def t(key: str, **kw: object) -> str:
        return translate(lang, key, **kw)

    columns = []
    for house in HOUSES:
        entries = [entry_state(e) for e in house_entries(case, child_id, house, shared_only=True)]
        items = "".join(f'<li class="fac-entry">{entry_html(t, e, lang, True)}</li>' for e in entries)
        columns.append(
            f'<section class="fac-house fac-house-{house}">{house_title_html(t, house, len(entries))}'
            f'<ul class="fac-house-entries">{items}</ul></section>'
        )
    return f'<div class="fac-houses fac-houses-shared">{"".join(columns)}</div>'


def editor_title(t: Translate, house: str, is_new: bool) -> str:
    return t("house.editor.new" if is_new else "house.editor.edit", house=t(f"house.{house}"))
