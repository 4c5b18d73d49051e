"""One agreement on screen as one browser-side widget (``ui/js/plan-row.js``): its card, the agree buttons of
the people present, and up/down/change/remove.

The plan of a large case (30 agreements, 20 people present) made 600 agree buttons and as many models in
the browser; now each agreement is one model. What the page sends back arrives as a custom message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import traitlets

from .. import esm
from ..base import shared
from .present import card_html
from .state import RowState

Translate = Callable[..., str]


def row_labels(t: Translate) -> dict[str, str]:
    keys = ("up", "up_tip", "down", "down_tip", "edit", "edit_tip", "delete", "delete_tip")
    out = {k: t(f"planui.{k}") for k in keys}
    out["agreed_by"] = t("planui.agreed_by")
    out["nobody_present"] = t("planui.nobody_present")
    out["agree_on_tip"] = t("planui.agree_on_tip", name="{name}")
    out["agree_off_tip"] = t("planui.agree_off_tip", name="{name}")
    return out


class AgreementRowWidget(esm.Widget):  # type: ignore[misc]
    """One agreement: ``html`` (escaped in Python), ``agree`` ([person id, name, agreed] of who is present)."""

    _esm = traitlets.Unicode(esm.module("plan-row")).tag(sync=True)
    html = traitlets.Unicode("").tag(sync=True)
    agree: traitlets.List[list[Any]] = traitlets.List().tag(sync=True)  # [person id, name, agreed] each
    labels = traitlets.Dict().tag(sync=True)
    first = traitlets.Bool(False).tag(sync=True)
    last = traitlets.Bool(False).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._handlers: list[Callable[[dict[str, Any]], None]] = []
        self.on_msg(self._on_custom_msg)

    def on_event(self, fn: Callable[[dict[str, Any]], None]) -> None:
        self._handlers.append(fn)

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict):
            for fn in list(self._handlers):
                fn(content)

    def send_as_page(self, **content: Any) -> None:
        """Act as the page does on a click (tests call this): ``event`` = move/edit/delete/agree."""
        self._handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": []})

    # What the tests (and a reader) want to know about the buttons.
    def agree_buttons(self) -> list[tuple[str, str, bool]]:
        """(person id, name, agreed) of the agree buttons, in the order shown."""
        return [(pid, name, bool(on)) for pid, name, on in self.agree]

    def click_agree(self, person_id: str) -> None:
        on = next((bool(x[2]) for x in self.agree if x[0] == person_id), False)
        self.send_as_page(event="agree", person=person_id, on=not on)


def row_traits(t: Translate, s: RowState) -> dict[str, Any]:
    agreed = set(s.agreement.agreed_by)
    return {
        "html": card_html(t, s),
        "agree": [[pid, name, pid in agreed] for pid, name in s.present],
        "first": s.number == 1,
        "last": s.last,
    }


def make_row(t: Translate, s: RowState, on_event: Callable[[str, dict[str, Any]], None]) -> AgreementRowWidget:
    """A new row with everything it shows in the message that creates it (the page draws it once)."""
    aid = s.agreement.id
    w = AgreementRowWidget(
        layout=shared("layout-full"),
        _dom_classes=("fac-plan-row", f"fac-agreement-{aid}"),
        labels=row_labels(t),
        **row_traits(t, s),
    )
    w.on_event(lambda content: on_event(aid, content))
    return w


def redraw_row(t: Translate, w: AgreementRowWidget, s: RowState, lang_changed: bool) -> None:
    traits = row_traits(t, s)
    with w.hold_sync():
        if lang_changed:
            w.labels = row_labels(t)
        for name, value in traits.items():
            if getattr(w, name) != value:
                setattr(w, name, value)
