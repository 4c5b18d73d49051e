import { loadPlotly } from './plotly-loader.js';
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
  let drawn = null;
  const draw = () => {
    drawing = drawing.then(async () => {
      // Let the browser first paint what came with the same click (a chosen score, a new row): a chart
      // takes tens of milliseconds to draw and would otherwise hold that back.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const rev = model.get('revision');
      // One message changes figure and revision together (two events): draw each revision once, and
      // when several arrived while drawing, only the newest. Revision 0: no figure yet (the network map
      // waits for its size), nothing to draw (an empty plot would show bare axes).
      if (rev === drawn || !rev) return;
      drawn = rev;
      const f = model.get('figure') || {};
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
