"""A Markdown summary of a meeting for the case record (the judge's document with every column, as text); user
text is escaped so it stays literal."""

from __future__ import annotations

from . import judge, render_md
from .render_md import escape
from .view import PlanView

__all__ = ["escape", "render"]


def render(v: PlanView) -> str:
    """The summary for the case record: the judge's document with the whole three columns, without pictures."""
    return render_md.render(judge.judge_blocks(v, summary=True, pictures=False))
