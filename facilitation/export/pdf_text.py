"""Paragraph fragments of the documents' own markup, made without reportlab's XML parser.

A paragraph's markup (``render_pdf.markup``) is user text, escaped, inside a handful of tags: ``<b>``, ``<i>``,
``<font color=...>``, ``<font size=...>``, ``<br/>``. Reportlab turns it into fragments (a piece of text with its
font, size and colour) with Python's HTML parser, a fragment per piece of text, per entity (``&amp;``) and per
line break: in the large case's judge's document that parsing was three quarters of making the paragraphs.

``fragments`` does the same with one regular expression: each piece of text gets a copy of the fragment the
parser makes for the same tags around it, parsed once per paragraph style and set of open tags (a template,
with "x" for the text: nothing of a case). Markup it does not know (a shaped name's ``<font name=...>`` or an
emoji's ``<img/>``) goes to the parser, as before. ``tests/unit/test_export_pdf_speed.py`` checks fragment by
fragment that both ways give the same.
"""

from __future__ import annotations

import re
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

_TOKEN = re.compile(r"<[^>]*>|&(?:amp|lt|gt);")
_ENTITY = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}
_OPEN = re.compile(r'<(b|i)>|<(font) (?:color|size)="[^"<>&]*">')
_BREAK = "<br/>"

_templates: WeakKeyDictionary[ParagraphStyle, dict[tuple[tuple[str, ...], bool], Any]] = WeakKeyDictionary()
"""Per paragraph style (gone with it): the parser's fragment for text (or a line break) inside the open tags."""


def _template(style: ParagraphStyle, tags: tuple[str, ...], names: tuple[str, ...], line_break: bool) -> Any:
    per_style = _templates.setdefault(style, {})
    key = (tags, line_break)
    found = per_style.get(key)
    if found is None:
        inner = _BREAK if line_break else "x"
        markup = "".join(tags) + inner + "".join(f"</{n}>" for n in reversed(names))
        parser: Any = ParaParser()
        parsed_style, frags, _ = parser.parse(markup, style)
        if parsed_style is not style or frags is None or len(frags) != 1:
            raise AssertionError(f"unexpected parse of {markup!r}")
        found = per_style[key] = frags[0]
    return found


def fragments(text: str, style: ParagraphStyle) -> list[Any] | None:
    """The fragments reportlab's parser makes of ``text`` (markup already through ``cleanBlockQuotedText``), or
    None when the markup has more than this module knows (then the parser makes them)."""
    out: list[Any] = []
    tags: list[str] = []
    names: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        start, token = m.start(), m.group()
        if start > pos:
            out.append(_template(style, tuple(tags), tuple(names), False).clone(text=text[pos:start]))
        pos = m.end()
        if token[0] == "&":
            out.append(_template(style, tuple(tags), tuple(names), False).clone(text=_ENTITY[token]))
        elif token == _BREAK:
            out.append(_template(style, tuple(tags), tuple(names), True).clone())
        elif token[1] == "/":
            if not names or token != f"</{names[-1]}>":
                return None
            tags.pop()
            names.pop()
        else:
            opened = _OPEN.fullmatch(token)
            if opened is None:
                return None
            tags.append(token)
            names.append(opened.group(1) or opened.group(2))
    if pos < len(text):
        out.append(_template(style, tuple(tags), tuple(names), False).clone(text=text[pos:]))
    return None if tags else out


def clean(markup: str) -> str:
    """The markup as reportlab's paragraph cleans it before parsing (white space runs as one space, ends trimmed)."""
    return cleanBlockQuotedText(markup)
