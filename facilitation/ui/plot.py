"""A plotly chart on the page without ``FigureWidget``.

plotly's ``FigureWidget`` ships its 5 MB bundle per figure over the websocket and, with two or more on
a page, updates were sometimes dropped. ``PlotView`` instead holds the figure as one synced JSON trait
and draws it with ``Plotly.react``; plotly.js itself is loaded once per page from the local Voilà
server (``/voila/static/plotly.min.js``, put there by ``facilitation serve``), never from a CDN: by the
page while it rests (``PageInfo.charts``, ``js/page.js``), else by the first chart. The whole figure is
state, so a page load always draws the latest figure, and each update carries a revision number the
browser tests wait on (``data-revision`` on the plot element); revision 0 (never shown) draws nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import traitlets

from . import esm


class PlotView(esm.Widget):  # type: ignore[misc]
    """Draws a plotly figure (as JSON); ``show(fig)`` updates it in place; clicks reach ``on_click``."""

    _esm = traitlets.Unicode(esm.module("plot")).tag(sync=True)
    figure = traitlets.Dict().tag(sync=True)
    revision = traitlets.Int(0).tag(sync=True)
    error_text = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._click_handlers: list[Callable[[dict[str, Any]], None]] = []
        self.on_msg(self._on_custom_msg)

    def show(self, figure: Any) -> None:
        """Replace the figure (a plotly Figure or its dict) and bump the revision, in one message."""
        data = figure.to_plotly_json() if hasattr(figure, "to_plotly_json") else dict(figure)
        with self.hold_sync():
            self.figure = _plain(data)
            self.revision += 1

    def on_click(self, fn: Callable[[dict[str, Any]], None]) -> None:
        self._click_handlers.append(fn)

    def click(self, customdata: Any) -> None:
        """Act as if the user clicked the point carrying ``customdata`` (tests call this)."""
        for fn in list(self._click_handlers):
            fn({"type": "click", "customdata": customdata})

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("type") == "click":
            for fn in list(self._click_handlers):
                fn(content)


def _plain(obj: Any) -> Any:
    """Figure JSON with numpy values turned into plain Python (the widget state must be JSON)."""
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if hasattr(obj, "tolist"):
        return obj.tolist()
    return obj
