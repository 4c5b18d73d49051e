"""Blocks -> Markdown, for the case record: the same document as the PDF and Word files, as plain text.

User text is escaped (``escape``) so that it stays literal: no markup, no HTML, no links.
"""

from __future__ import annotations

import re
from typing import assert_never

from .common import clean_text
from .document import Block, DrawBox, Entry, Heading, Keep, Line, PageBreak, Para, Picture, Sketch, Table, Title

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


def _runs(runs: Line) -> str:
    parts = []
    for text, marks in runs:
        s = escape(text)
        core = s.strip()
        if not core:
            parts.append(s)
            continue
        lead, trail = s[: len(s) - len(s.lstrip())], s[len(s.rstrip()) :]
        if "b" in marks:
            core = f"**{core}**"
        if "i" in marks or "m" in marks:
            core = f"_{core}_"
        parts.append(lead + core + trail)
    return "".join(parts)


def _cell(lines: list[Line]) -> str:
    return "<br>".join(_runs(line).replace("  \n", "<br>") for line in lines)


def _table(b: Table) -> list[str]:
    out = [""]
    if b.kind == "facts" or not b.header:
        width = len(b.rows[0]) if b.rows else 2
        out.append("|" + " |" * width)
    else:
        out.append("| " + " | ".join(escape(h).replace("  \n", " ") for h in b.header) + " |")
    out.append("|" + "---|" * (len(b.header) or (len(b.rows[0]) if b.rows else 2)))
    for i, row in enumerate(b.rows):
        cells = [_cell(c) for c in row]
        if i in b.spans:
            cells = [f"**{_cell(row[0]).strip('*')}**", *[""] * (len(row) - 1)]
        out.append("| " + " | ".join(cells) + " |")
    return [*out, ""]


def render(blocks: list[Block]) -> str:
    lines: list[str] = []
    for b in blocks:
        if lines and lines[-1].strip() and not isinstance(b, Entry):
            lines.append("")  # after a list item: else the next paragraph would read as the item's continuation
        lines += _block(b)
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


def _block(b: Block) -> list[str]:
    if isinstance(b, Title):
        return [f"# {escape(b.text)}", "", *([escape(b.subtitle), ""] if b.subtitle else [])]
    if isinstance(b, Heading):
        return ["", f"{'#' * (b.level + 1)} {escape(b.text)}", ""]
    if isinstance(b, Para):
        return [_runs(b.runs), ""]
    if isinstance(b, Entry):
        mark = b.number if b.number else "-"
        indent = " " * (len(mark) + 1)
        first = _runs(b.runs).replace("  \n", "  \n" + indent)
        out = [f"{mark} {first}"]
        out += [f"{indent}{_runs(note)}" for note in b.notes]
        if b.notes:
            out[:-1] = [line + "  " for line in out[:-1]]
        return out
    if isinstance(b, Table):
        return _table(b)
    if isinstance(b, Keep):
        return [line for inner in b.blocks for line in _block(inner)]
    if isinstance(b, Picture):
        return [f"_{escape(b.caption)}_", ""] if b.caption else []
    if isinstance(b, DrawBox):
        return [f"**{escape(b.label)}**", ""]
    if isinstance(b, PageBreak):
        return ["", "---", ""]
    if isinstance(b, Sketch):
        return [f"_[{escape(b.label)}]_", ""] if b.label else []
    assert_never(b)  # a new kind of block must be written here too, not left out of the record
