function render({ model, el }) {
  el.style.display = 'none';
  let last = '';
  let ro = null;
  // The drawing area itself (inside the plot's border): names are placed to its exact size.
  const plot = () => {
    const col = el.closest('.fac-net-mapcol');
    return col && (col.querySelector('.fac-plot .fac-plot-area') || col.querySelector('.fac-plot'));
  };
  const measure = () => {
    const p = plot();
    if (!p) return;
    const r = p.getBoundingClientRect();
    if (!r.width || !r.height) return;  // a hidden tab: measured when it is shown
    const w = Math.round(r.width), h = Math.round(r.height);
    if (w + 'x' + h === last) return;
    last = w + 'x' + h;
    model.set('size', [w, h]);
    model.save_changes();
  };
  const start = () => {
    const p = plot();
    if (!p) { setTimeout(start, 200); return; }
    ro = new ResizeObserver(measure);
    ro.observe(p);
    measure();
  };
  start();
  return () => { if (ro) ro.disconnect(); };
}
export default { render };
