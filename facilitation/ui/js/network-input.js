// The network map's input: its size, double-click to add someone, drag from one person to another to
// draw a tie, Escape and Enter in the editors, and the side panel scrolled to the top when a person opens.
const NEAR = 16;  // px: a pointer this close to a marker is on that person

function render({ model, el }) {
  el.style.display = 'none';
  const root = () => el.closest('.fac-network');
  const area = () => { const r = root(); return r && r.querySelector('.fac-net-mapcol .fac-net-plot .fac-plot-area'); };
  // The map or the genogram, whichever is shown: both are drawn to the size of the one in view.
  const shownArea = () => {
    const r = root(); if (!r) return null;
    // In the comparison, the size of one of its two maps (both are the same).
    for (const sel of ['.fac-net-plot .fac-plot-area', '.fac-genogram-plot .fac-plot-area',
                       '.fac-compare-plot-after .fac-plot-area']) {
      const n = r.querySelector('.fac-net-mapcol ' + sel);
      if (n && n.getBoundingClientRect().width) return n;
    }
    return null;
  };
  let last = '';
  let ro = null;
  const cleanups = [];

  const measure = () => {
    const p = shownArea();
    if (!p) return;
    const r = p.getBoundingClientRect();
    if (!r.width || !r.height) return;  // a hidden tab or mode: measured when shown
    const w = Math.round(r.width), h = Math.round(r.height);
    if (w + 'x' + h === last) return;
    last = w + 'x' + h;
    model.set('size', [w, h]);
    model.save_changes();
  };

  // ---- map geometry (plotly's own axes) ------------------------------------------------------------------
  const axes = (gd) => gd && gd._fullLayout && gd._fullLayout.xaxis && gd._fullLayout.yaxis
    ? [gd._fullLayout.xaxis, gd._fullLayout.yaxis] : null;
  const toData = (gd, cx, cy) => {
    const ax = axes(gd); if (!ax) return null;
    const r = gd.getBoundingClientRect();
    return [ax[0].p2l(cx - r.left - ax[0]._offset), ax[1].p2l(cy - r.top - ax[1]._offset)];
  };
  const nearest = (gd, cx, cy) => {
    const ax = axes(gd); if (!ax) return null;
    const r = gd.getBoundingClientRect();
    let best = null, bestD = NEAR;
    for (const tr of (gd.data || [])) {
      if (tr.name !== 'people' && tr.name !== 'children') continue;
      for (let i = 0; i < (tr.x || []).length; i++) {
        const px = r.left + ax[0]._offset + ax[0].l2p(tr.x[i]);
        const py = r.top + ax[1]._offset + ax[1].l2p(tr.y[i]);
        const d = Math.hypot(px - cx, py - cy);
        if (d < bestD) { bestD = d; best = { id: tr.customdata[i], px, py }; }
      }
    }
    return best;
  };

  // ---- double-click and drag -------------------------------------------------------------------------------
  const bindPlot = (gd) => {
    if (!gd || gd.__facInput) return;
    gd.__facInput = true;
    const onDbl = (ev) => {
      const hit = nearest(gd, ev.clientX, ev.clientY);
      if (hit) { model.send({ type: 'open', id: hit.id }); return; }
      const xy = toData(gd, ev.clientX, ev.clientY);
      if (!xy) return;
      model.send({ type: 'dblclick', x: xy[0], y: xy[1] });
    };
    let drag = null;
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    line.setAttribute('class', 'fac-drag-line');
    line.innerHTML = '<line stroke="#1d2430" stroke-width="3" stroke-dasharray="6 4" stroke-linecap="round"/>';
    // Plotly covers the page while the button is down, so the browser's own dblclick never reaches the map:
    // two presses close in time and place are a double-click.
    let lastDown = null;
    const onDown = (ev) => {
      if (ev.button !== 0) return;
      const now = Date.now();
      if (lastDown && now - lastDown.t < 450 && Math.hypot(ev.clientX - lastDown.x, ev.clientY - lastDown.y) < 8) {
        lastDown = null;
        drag = null;
        onDbl(ev);
        return;
      }
      lastDown = { t: now, x: ev.clientX, y: ev.clientY };
      const hit = nearest(gd, ev.clientX, ev.clientY);
      if (hit) drag = { from: hit, moved: false };
    };
    const onMove = (ev) => {
      if (!drag) return;
      if (!drag.moved && Math.hypot(ev.clientX - drag.from.px, ev.clientY - drag.from.py) < 10) return;
      drag.moved = true;
      if (!line.parentNode) document.body.appendChild(line);
      const l = line.firstChild;
      l.setAttribute('x1', drag.from.px); l.setAttribute('y1', drag.from.py);
      l.setAttribute('x2', ev.clientX); l.setAttribute('y2', ev.clientY);
      ev.preventDefault();
    };
    const onUp = (ev) => {
      if (!drag) return;
      const d = drag; drag = null;
      if (line.parentNode) line.parentNode.removeChild(line);
      if (!d.moved) return;
      const hit = nearest(gd, ev.clientX, ev.clientY);
      if (hit && hit.id !== d.from.id) model.send({ type: 'drag', from: d.from.id, to: hit.id });
    };
    gd.addEventListener('mousedown', onDown, true);
    window.addEventListener('mousemove', onMove, true);
    window.addEventListener('mouseup', onUp, true);
    cleanups.push(() => {
      gd.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('mousemove', onMove, true);
      window.removeEventListener('mouseup', onUp, true);
    });
  };

  // ---- keys: Escape closes, Enter saves ---------------------------------------------------------------------
  const shown = (r, sel) => { const n = r.querySelector(sel); return n && n.offsetParent !== null ? n : null; };
  const onKey = (ev) => {
    const r = root(); if (!r || !r.contains(ev.target)) return;
    const tag = (ev.target.tagName || '').toLowerCase();
    if (ev.key === 'Escape') {
      const close = shown(r, '.fac-tie-menu .fac-tie-menu-cancel') || shown(r, '.fac-forget-no')
        || shown(r, '.fac-remove-no') || shown(r, '.fac-back-to-add');
      if (close) { close.click(); ev.preventDefault(); }
      return;
    }
    if (ev.key !== 'Enter' || ev.isComposing) return;
    if (tag === 'textarea') {
      if ((ev.ctrlKey || ev.metaKey) && ev.target.closest('.fac-quick-add')) {
        const add = shown(r, '.fac-quick-add .fac-quick-add-btn'); if (add) { add.click(); ev.preventDefault(); }
      }
      return;
    }
    if (tag !== 'input' || ev.target.type === 'checkbox') return;
    // The typed text goes along with the message: a widget's own value may still wait in the page's queue
    // (one message per widget in flight), and a click would overtake it.
    const val = (sel) => { const n = r.querySelector(sel); return n ? n.value : null; };
    let form = null, fields = {};
    if (ev.target.closest('.fac-tie-add')) {
      form = 'tie'; fields = { note: val('.fac-tie-note input') };
    } else if (ev.target.closest('.fac-net-editor')) {
      form = 'editor';
      fields = { name: val('.fac-person-name input'), relation: val('.fac-person-relation input'),
                 age: val('.fac-person-age input'), phone: val('.fac-person-phone input'),
                 notes: val('.fac-person-notes textarea'), ff_lead: val('.fac-person-ff-lead textarea'),
                 ff_next_step: val('.fac-person-ff-next textarea') };
    } else if (ev.target.closest('.fac-net-add')) {
      form = 'add';
      fields = { name: val('.fac-add-name input'), relation: val('.fac-add-relation input'),
                 phone: val('.fac-add-phone input'), notes: val('.fac-add-notes textarea') };
    }
    if (form) {
      model.send({ type: 'submit', form, fields });
      ev.preventDefault();
    }
  };
  document.addEventListener('keydown', onKey, true);
  cleanups.push(() => document.removeEventListener('keydown', onKey, true));

  // ---- the kernel asks: scroll the side panel to the top, focus a field ------------------------------------
  const scrollTop = () => {
    const r = root(); const side = r && r.querySelector('.fac-net-side');
    if (side) { side.scrollTop = 0; }
  };
  // The kernel's request comes a moment after the user's action that caused it (picking someone, Enter). A
  // user who has meanwhile gone on into a field (clicked the phone field and typed) keeps it: focusing and
  // selecting the name then would put what they type in the name, over it ("0470 11 22 33" became the name).
  let lastAct = 0, lastField = 0, ownFocus = false;
  const editable = (t) => !!t && t.matches && t.matches('input:not([type=button]):not([type=checkbox]), textarea');
  const onAct = (e) => {
    if (e.type === 'click' && editable(e.target)) return;  // clicking into a field is going on, not an action
    if (e.type === 'change' || e.type === 'click' || (e.type === 'keydown' && e.key === 'Enter')) lastAct = performance.now();
  };
  const onFocusIn = (e) => { if (!ownFocus && editable(e.target)) lastField = performance.now(); };
  for (const ev of ['change', 'click', 'keydown', 'focusin']) {
    const fn = ev === 'focusin' ? onFocusIn : onAct;
    document.addEventListener(ev, fn, true);
    cleanups.push(() => document.removeEventListener(ev, fn, true));
  }
  const focus = () => {
    const sel = model.get('focus'); const r = root();
    if (!sel || !r) return;
    setTimeout(() => {
      const n = r.querySelector(sel);
      const f = n && (n.matches('input, textarea, select, button') ? n : n.querySelector('input, textarea, select, button'));
      if (!f) return;
      const here = document.activeElement;
      if (here !== f && lastField > lastAct && editable(here)) return;  // the user went on into another field
      ownFocus = true;
      try { f.focus(); if (f.select && f.tagName === 'INPUT') f.select(); } finally { ownFocus = false; }
    }, 60);
  };
  model.on('change:scroll', scrollTop);
  model.on('change:measure_n', () => setTimeout(() => { last = ''; measure(); }, 80));
  model.on('change:focus_n', focus);

  // The kernel draws the map first when it knows its size: measured as soon as the map is in the page (next
  // frame), or said at once that it cannot be (a hidden tab): then the kernel draws it at an assumed size.
  let tries = 0;
  model.send({ type: 'shown' });  // the kernel's wait for the size counts from here, not from the part's build
  const start = () => {
    const p = area();
    if (!p) { if (++tries < 60) requestAnimationFrame(start); else setTimeout(start, 200); return; }
    ro = new ResizeObserver(measure);
    ro.observe(p.closest('.fac-net-mapcol') || p);
    ro.observe(p);
    measure();
    if (!last) model.send({ type: 'unsized' });
    const watch = () => { const gd = p.querySelector('.js-plotly-plot') || (p.classList.contains('js-plotly-plot') ? p : null); if (gd) bindPlot(gd); else setTimeout(watch, 300); };
    watch();
  };
  start();
  return () => { if (ro) ro.disconnect(); cleanups.forEach((f) => f()); };
}
export default { render };
