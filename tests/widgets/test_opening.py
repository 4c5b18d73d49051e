"""A part's widgets reach the page in one message each (``ui/opening.py``), with the state they end with."""

from __future__ import annotations

from typing import ClassVar

import comm
import ipywidgets as W
import pytest
from comm.base_comm import BaseComm

from facilitation.ui.opening import opened_together
from facilitation.ui.shell import Shell


class Recorded(BaseComm):  # type: ignore[misc]
    """A comm that keeps what would go to the page."""

    sent: ClassVar[list[tuple[str, str, dict]]] = []

    def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):  # type: ignore[no-untyped-def]
        Recorded.sent.append((msg_type, self.comm_id, data or {}))


@pytest.fixture
def sent(monkeypatch):
    Recorded.sent = []
    monkeypatch.setattr(comm, "create_comm", lambda **kw: Recorded(**kw))
    return Recorded.sent


def opened(sent) -> dict[str, dict]:
    return {cid: data["state"] for kind, cid, data in sent if kind == "comm_open"}


def test_one_message_per_widget_with_its_final_state(sent):
    with opened_together():
        label = W.HTML("first")
        box = W.VBox([label])
        label.value = "last"
        label.add_class("fac-x")
        extra = W.Button(description="b")
        box.children = [label, extra]
    kinds = [kind for kind, _, _ in sent]
    assert kinds.count("comm_msg") == 0
    states = opened(sent)
    assert states[label.model_id]["value"] == "last" and "fac-x" in states[label.model_id]["_dom_classes"]
    assert states[box.model_id]["children"] == [f"IPY_MODEL_{label.model_id}", f"IPY_MODEL_{extra.model_id}"]
    order = [cid for kind, cid, _ in sent if kind == "comm_open"]
    # A box reaches the page after its children and their layouts, so it never refers to an unknown model.
    assert order.index(box.model_id) > order.index(label.model_id) > order.index(label.layout.model_id)
    label.value = "after"  # outside the block: as ipywidgets always does, one update
    assert sent[-1][0] == "comm_msg" and sent[-1][2]["state"] == {"value": "after"}


def test_a_widget_put_in_a_box_already_on_the_page_is_sent_first(sent):
    shown = W.VBox()
    with opened_together():
        new = W.HTML("new")
        shown.children = [new]
    ids = [cid for _, cid, _ in sent]
    assert ids.index(new.model_id) < len(ids) - 1
    assert sent[-1][:2] == ("comm_msg", shown.model_id)


def test_a_widget_closed_before_it_was_sent_is_never_sent(sent):
    with opened_together():
        gone = W.HTML("gone")
        gone.close()
        kept = W.HTML("kept")
    assert gone.comm is None
    assert kept.model_id in opened(sent)
    assert all(state.get("value") != "gone" for state in opened(sent).values())


def test_opening_the_columns_sends_each_widget_once_with_few_updates(session, sent):
    """The part's widgets go out in two batches: those built, then those made to show the case (the rows);
    only what showing sets on the first batch follows as updates (it was one update per class, text and
    option before: 173 updates for 624 widgets on the large case)."""
    shell = Shell(session)
    del sent[:]
    part = shell.part("columns")
    part_models = {w.model_id for w in _tree(part.widget)}
    mine = [(kind, cid) for kind, cid, _ in sent if cid in part_models]
    opens = [cid for kind, cid in mine if kind == "comm_open"]
    assert sorted(opens) == sorted(part_models)  # each once
    assert len(mine) - len(opens) <= len(opens) // 4


def _tree(w: W.Widget, seen: dict[int, W.Widget] | None = None) -> list[W.Widget]:
    seen = {} if seen is None else seen
    if id(w) not in seen:
        seen[id(w)] = w
        for name in w.keys:
            value = getattr(w, name, None)
            for x in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(x, W.Widget):
                    _tree(x, seen)
    return list(seen.values())
