"""A plotly chart on the page without ``FigureWidget``.

plotly's ``FigureWidget`` ships its 5 MB bundle per figure over the websocket and, with two or more on
a page, updates were sometimes dropped. ``PlotView`` instead holds the figure as one synced JSON trait
and draws it with ``Plotly.react``; plotly.js itself is loaded once per page from the local Voilà
server (``/voila/static/plotly.min.js``, put there by ``facilitation serve``), never from a CDN. The
whole figure is state, so a page load always draws the latest figure, and each update carries a
revision number the browser tests wait on (``data-revision`` on the plot element).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import anywidget
import traitlets

_ESM = r"""
function plotlyUrl() {
  const base = (document.body && document.body.dataset.baseUrl) || '/voila/';
  return base.replace(/\/?$/, '/') + 'static/plotly.min.js';
}
function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__facPlotly) {
    window.__facPlotly = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = plotlyUrl();
      s.onload = () => resolve(window.Plotly);
      s.onerror = () => { window.__facPlotly = null; reject(new Error('plotly.js not found')); };
      document.head.appendChild(s);
    });
  }
  return window.__facPlotly;
}
async function render({ model, el }) {
  el.classList.add('fac-plot');
  const div = document.createElement('div');
  div.className = 'fac-plot-area';
  el.appendChild(div);
  let Plotly;
  try { Plotly = await loadPlotly(); }
  catch (e) { div.textContent = model.get('error_text') || String(e); el.classList.add('fac-plot-error'); return; }
  let drawing = Promise.resolve();
  let bound = false;
  const draw = () => {
    drawing = drawing.then(async () => {
      const f = model.get('figure') || {};
      const rev = model.get('revision');
      const layout = Object.assign({}, f.layout || {}, { autosize: true });
      await Plotly.react(div, f.data || [], layout, { displaylogo: false, responsive: true,
        displayModeBar: false, scrollZoom: false, doubleClick: false });
      if (!bound && typeof div.on === 'function') {
        // Plotly adds .on() to the element on its first draw.
        bound = true;
        div.on('plotly_click', (ev) => {
          const p = ev && ev.points && ev.points[0];
          if (!p) return;
          model.send({ type: 'click', customdata: p.customdata === undefined ? null : p.customdata,
                       x: p.x, y: p.y, curve: p.curveNumber, point: p.pointNumber });
        });
      }
      el.dataset.revision = String(rev);
      div.dataset.revision = String(rev);
      el.classList.add('fac-plot-ready');
    }).catch((e) => { console.warn('plot draw failed', e); });
  };
  draw();
  model.on('change:figure', draw);
  model.on('change:revision', draw);
  const ro = new ResizeObserver(() => { if (div.data) Plotly.Plots.resize(div); });
  ro.observe(el);
  return () => { ro.disconnect(); Plotly.purge(div); };
}
export default { render };
"""

_CSS = """
.fac-plot { width: 100%; min-height: 200px; }
.fac-plot-area { width: 100%; height: 100%; }
"""


class PlotView(anywidget.AnyWidget):  # type: ignore[misc]
    """Draws a plotly figure (as JSON); ``show(fig)`` updates it in place; clicks reach ``on_click``."""

    _esm = traitlets.Unicode(_ESM).tag(sync=True)
    _css = traitlets.Unicode(_CSS).tag(sync=True)
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
