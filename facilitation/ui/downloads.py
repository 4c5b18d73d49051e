"""Files offered for download in the browser: a ``data:`` URL and the link that carries it."""

from __future__ import annotations

import base64

from .base import esc


def data_url(data: bytes, mime: str) -> str:
    """``data`` as a base64 ``data:`` URL of type ``mime``."""
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def download_link(name: str, data: bytes, mime: str, label: str, cls: str) -> str:
    """An ``<a>`` (CSS classes ``cls``) that saves ``data`` as ``name``; its text is ⬇ and ``label``."""
    href = data_url(data, mime)
    return f'<a class="{cls}" download="{esc(name)}" href="{esc(href)}">⬇ {esc(label)}</a>'
