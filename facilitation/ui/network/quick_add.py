"""Quick add: people one a line, with a preview of what will be made before anything is stored."""

from __future__ import annotations

import ipywidgets as W

from ...domain import quickadd
from ..base import button, css
from .owner import NetworkOwner
from .present import preview_html


class QuickAdd:
    """A text field (one person a line), the preview, and "add these people"."""

    def __init__(self, view: NetworkOwner) -> None:
        self.view = view
        tx = view.text
        self.title = tx(css(W.HTML(), "fac-net-box-title"), "network.quick.title", "value", html=True)
        self.hint = tx(css(W.HTML(), "fac-net-editor-sub"), "network.quick.hint", "value", html=True)
        self.text = tx(
            css(W.Textarea(rows=4, continuous_update=True), "fac-quick-add-text"),
            "network.quick.placeholder",
            "placeholder",
        )
        self.preview = css(W.HTML(), "fac-quick-add-preview")
        self.add = button("", "fac-quick-add-btn", style="primary")
        self.clear = tx(button("", "fac-quick-add-clear"), "network.quick.clear")
        self.widget = css(
            W.VBox(
                [self.title, self.hint, self.text, self.preview, css(W.HBox([self.add, self.clear]), "fac-net-row")]
            ),
            "fac-net-box",
            "fac-quick-add",
        )
        view.on(self.text, lambda _v: self.show())
        self.add.on_click(lambda _b: self.store())
        self.clear.on_click(lambda _b: self.reset(""))
        self.show()

    def lines(self) -> list[quickadd.QuickLine]:
        case = self.view.session.case
        return quickadd.parse(self.text.value, case) if self.text.value.strip() else []

    def show(self) -> None:
        """The preview and the button, for what is typed now (and after a change of the map or language)."""
        t = self.view.t
        lines = self.lines()
        n = sum(1 for q in lines if q.ok)
        self.preview.value = preview_html(lines, t)
        self.add.description = t("network.quick.add", n=n) if n else t("network.quick.add_none")
        self.add.disabled = n == 0
        self.clear.layout.display = "" if self.text.value else "none"

    def reset(self, text: str) -> None:
        self.text.value = text
        self.show()

    def store(self) -> bool:
        """Add every understood line at once (one undo step); the lines not added stay, to correct them."""
        v = self.view
        lines = self.lines()
        ok = [q for q in lines if q.ok]
        if not ok or v.session.case is None:
            return False
        edit, _ids = quickadd.add_all(v.session.case, ok)
        if not v.session.do(edit):
            return False
        rest = "\n".join(q.text for q in lines if not q.ok and q.problem not in ("exists", "duplicate"))
        self.reset(rest)
        v.session.set_status(v.t("network.quick.added", n=len(ok)), "ok")
        return True
