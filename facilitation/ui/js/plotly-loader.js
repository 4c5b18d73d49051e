// plotly.js (4.8 MB), loaded once per page from this page's own server (``facilitation serve`` puts it
// beside the Voilà template), never from elsewhere: one promise per page (``window.__facPlotly``), whoever
// asks first (the page at rest, ``page.js``, or the first chart, ``plot.js``). A failed load is forgotten,
// so the next chart tries again.
export function plotlyUrl() {
  const base = (document.body && document.body.dataset.baseUrl) || '/voila/';
  return base.replace(/\/?$/, '/') + 'static/plotly.min.js';
}
export function loadPlotly() {
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
