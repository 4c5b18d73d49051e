"""Keyboard shortcuts of a screen part, handled in the page (``ui/js/keys.js``) with no visible widget.

A part puts one ``KeyBindings`` in its widget tree. Each binding says which key, with or without Alt, and
whether it counts while someone types in a field (``when="any"``) or only when not (``when="idle"``); then
what happens: focus an element of the part (no round trip to the kernel), send the binding's name to the
kernel (``on_key`` handlers), or choose among the buttons of a box by their first letters (type-ahead).
Keys a part handles do not reach the shell or the browser. Number keys are bound by ``code`` (``Digit1``),
so that they work the same on a Belgian AZERTY keyboard, where the digits need Shift.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import traitlets

from . import esm
from .base import esc


def digit_codes(n: int) -> str:
    """The key codes of digit ``n`` on the top row and on the number pad."""
    return f"Digit{n}|Numpad{n}"


def binding(
    *,
    key: str = "",
    code: str = "",
    alt: bool = False,
    when: str = "any",
    send: str = "",
    focus: str = "",
    select: bool = False,
    within: str = "",
    reveal: str = "",
) -> dict[str, Any]:
    """One shortcut (see the module's docstring); ``key``/``code`` may list alternatives with ``|``, ``focus``
    selectors to try in order with ``||``; ``reveal``: scroll to this element once the kernel showed it."""
    out: dict[str, Any] = {"key": key, "code": code, "alt": alt, "when": when}
    for name, value in (("send", send), ("focus", focus), ("select", select), ("within", within), ("reveal", reveal)):
        if value:
            out[name] = value
    return out


def roving(within: str) -> dict[str, Any]:
    """The buttons of ``within`` are one stop for Tab (the chosen one); the arrow keys move along and choose."""
    return {"roving": within}


def typeahead(within: str) -> dict[str, Any]:
    """Letters typed while a button of ``within`` has the focus choose the button whose words start so."""
    return {"typeahead": True, "within": within}


def shortcuts_html(t: Callable[..., str], title_key: str, shortcuts: Sequence[tuple[str, str]]) -> str:
    """The short list a part shows on ``?``: a table of (keys, translation key of what they do)."""
    rows = "".join(
        f'<tr><th scope="row"><kbd>{esc(keys)}</kbd></th><td>{esc(t(what))}</td></tr>' for keys, what in shortcuts
    )
    return f'<div class="fac-keys-title">{esc(t(title_key))}</div><table class="fac-keys">{rows}</table>'


class KeyBindings(esm.Widget):  # type: ignore[misc]
    """The shortcuts of the part whose root element matches ``scope`` (a CSS selector)."""

    _esm = traitlets.Unicode(esm.module("keys")).tag(sync=True)
    scope = traitlets.Unicode("").tag(sync=True)
    bindings = traitlets.List(traitlets.Dict()).tag(sync=True)

    def __init__(self, scope: str, bindings: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(scope=scope, bindings=bindings, _dom_classes=("fac-keys-listener",), **kwargs)
        self._handlers: list[Callable[[str], None]] = []
        self.on_msg(self._on_custom_msg)

    def on_key(self, fn: Callable[[str], None]) -> None:
        self._handlers.append(fn)

    def press(self, name: str) -> None:
        """Act as the page does when a bound key is pressed: the same comm message (tests call this)."""
        self._handle_msg(
            {"content": {"data": {"method": "custom", "content": {"event": "key", "name": name}}}, "buffers": []}
        )

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "key" and isinstance(content.get("name"), str):
            for fn in list(self._handlers):
                fn(content["name"])
