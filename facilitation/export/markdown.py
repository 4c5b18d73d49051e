"""A Markdown summary of a meeting for the case record (the judge's document with every column, as text); user
text is escaped so it stays literal."""

from __future__ import annotations

import re

from .common import clean_text
from .view import PlanView

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_LINE_START = re.compile(r"^(\s*)([-+=])")
_LINE_NUMBER = re.compile(r"^(\s*\d+)([.)])")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape(text: str | None) -> str:
    """Markdown-escape one line or paragraph; newlines stay as hard line breaks."""
    s = clean_text(text)
    s = _SPECIAL.sub(r"\\\1", s)
    s = _ENTITY.sub(r"\\&", s)
    lines = [_LINE_NUMBER.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", line)) for line in s.split("\n")]
    return "  \n".join(lines)


def render(v: PlanView) -> str:
    """The summary for the case record: the judge's document with the whole three columns, without pictures."""
    from . import judge, render_md

    return render_md.render(judge.judge_blocks(v, summary=True, pictures=False))
