"""The one-line add field of the three columns: Enter adds exactly what was typed, once (``ui/js/add-field.js``).

An ipywidgets ``Text`` sends its value and its Enter separately; while the kernel is busy the browser holds
the value back and sends the Enter at once, so the kernel added a first few letters, then the full text came
back into the field and a second Enter added it again. Here Enter carries its text and empties the field.

The words show at once (issue 16.8): ``ahead`` names the element group where the next item lands (a CSS
selector; empty when the page cannot know, as with a filter that shows only some people's words), and the page
paints a row there marked ``ahead_label`` ("Bewaren…") until the kernel answers the Enter ('done': the new
item's id, or none when it refused the text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import traitlets

from .. import esm


class AddField(esm.Widget):  # type: ignore[misc]
    """A text field whose Enter hands its text to ``on_submit`` handlers."""

    _esm = traitlets.Unicode(esm.module("add-field")).tag(sync=True)
    value = traitlets.Unicode("").tag(sync=True)
    placeholder = traitlets.Unicode("").tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    ahead = traitlets.Unicode("").tag(sync=True)
    ahead_label = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._submit: list[Callable[[str], None]] = []
        self._added: str | None = None
        self.on_msg(self._on_custom_msg)

    def on_submit(self, fn: Callable[[str], None]) -> None:
        self._submit.append(fn)

    def press_enter(self) -> None:
        """Act as the page does on Enter: the text goes with the request and the field is emptied."""
        text = self.value
        if not text.strip():
            for fn in list(self._submit):
                fn(text)
            return
        self.value = ""
        self._on_custom_msg(self, {"event": "submit", "text": text}, [])

    def restore(self, text: str) -> None:
        """Show refused text again so that nothing typed is lost."""
        self.value = text
        self.send({"event": "restore", "text": text})

    def added(self, item_id: str) -> None:
        """The text of this Enter is now the item ``item_id`` (told to the page with the answer)."""
        self._added = item_id

    def focus(self) -> None:
        self.send({"event": "focus"})

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "submit" and isinstance(content.get("text"), str):
            self._added = None
            try:
                for fn in list(self._submit):
                    fn(content["text"])
            finally:
                # Every Enter is answered, so that a row painted ahead never stays.
                self.send({"event": "done", "token": content.get("token"), "id": self._added})
