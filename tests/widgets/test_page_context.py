"""The page's context (issue 15): the page's drafts of typed text are kept per case and meeting and dropped
once an edit is stored; the kernel tells the page which case and meeting it shows and counts its edits."""

from __future__ import annotations

from facilitation.domain import ops
from facilitation.ui.page.context import PageContext, attach


def test_the_page_hears_which_case_and_meeting_and_each_stored_edit(session):
    ctx = attach(session)
    assert isinstance(ctx, PageContext)
    assert ctx.case == session.case.info.id and ctx.meeting == session.meeting_id
    assert ctx.stored == 0
    assert session.do(lambda case: ops.add_person(case, "Oma Rita")[0])
    assert ctx.stored == 1
    assert not session.do(lambda case: ops.add_person(case, "")[0])  # refused: nothing stored, nothing counted
    assert ctx.stored == 1
    session.undo()
    assert ctx.stored == 2  # an undo is stored too
    other = ops.new_case("Familie Peeters", "2026-11-02", [("Lore", 9)])
    session.add_case(other)
    assert ctx.case == session.case.info.id != "" and ctx.meeting == ""


def test_the_context_module_is_served_like_the_other_widget_modules():
    from facilitation.ui import esm

    assert "page-context" in esm.names()
    assert "initialize" in esm.source("page-context") and "facCase" in esm.source("page-context")
