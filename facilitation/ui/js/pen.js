// Draw with a pen: mouse, touch or stylus (pointer events), a few colours and widths, undo and clear.
// The strokes are kept as JSON in a 0..1000 x 0..750 box (facilitation/domain/drawing.py) and sent to the
// kernel when a stroke ends; the kernel stores them and may send back what it stored.
const W = 1000, H = 750;

function parse(text) {
  try { const v = JSON.parse(text || '[]'); return Array.isArray(v) ? v : []; } catch (e) { return []; }
}

function render({ model, el }) {
  el.classList.add('fac-pen');
  const bar = document.createElement('div');
  bar.className = 'fac-pen-bar';
  const canvas = document.createElement('canvas');
  canvas.width = W; canvas.height = H;
  canvas.className = 'fac-pen-canvas';
  canvas.setAttribute('role', 'img');
  canvas.style.touchAction = 'none';
  const ctx = canvas.getContext('2d');
  let strokes = parse(model.get('strokes'));
  let sent = model.get('strokes');
  let history = [];
  let current = null;
  let color = (model.get('colors') || ['#1d2430'])[0];
  let width = (model.get('widths') || [10])[1] || 10;

  const line = (s) => {
    const pts = s.points;
    ctx.strokeStyle = s.color; ctx.fillStyle = s.color; ctx.lineWidth = s.width;
    ctx.lineCap = 'round'; ctx.lineJoin = 'round';
    if (pts.length === 1) {
      ctx.beginPath(); ctx.arc(pts[0][0], pts[0][1], s.width / 2, 0, 2 * Math.PI); ctx.fill(); return;
    }
    ctx.beginPath(); ctx.moveTo(pts[0][0], pts[0][1]);
    for (let i = 1; i < pts.length - 1; i++) {
      const mx = (pts[i][0] + pts[i + 1][0]) / 2, my = (pts[i][1] + pts[i + 1][1]) / 2;
      ctx.quadraticCurveTo(pts[i][0], pts[i][1], mx, my);
    }
    const last = pts[pts.length - 1];
    ctx.lineTo(last[0], last[1]);
    ctx.stroke();
  };
  const redraw = () => {
    ctx.clearRect(0, 0, W, H);
    for (const s of strokes) line(s);
    if (current) line(current);
    el.dataset.strokes = String(strokes.length);
    undoBtn.disabled = model.get('readonly') || history.length === 0;
    clearBtn.disabled = model.get('readonly') || strokes.length === 0;
  };
  const save = () => {
    sent = strokes.length ? JSON.stringify(strokes) : '';
    model.set('strokes', sent);
    model.save_changes();
  };
  const at = (ev) => {
    const r = canvas.getBoundingClientRect();
    const x = Math.min(Math.max((ev.clientX - r.left) / r.width * W, 0), W);
    const y = Math.min(Math.max((ev.clientY - r.top) / r.height * H, 0), H);
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  };
  const add = (p) => {
    const pts = current.points, last = pts[pts.length - 1];
    if (Math.hypot(p[0] - last[0], p[1] - last[1]) >= 2) pts.push(p);
  };
  canvas.addEventListener('pointerdown', (ev) => {
    if (model.get('readonly') || (ev.pointerType === 'mouse' && ev.button !== 0)) return;
    ev.preventDefault();
    canvas.setPointerCapture(ev.pointerId);
    current = { color, width, points: [at(ev)] };
    redraw();
  });
  canvas.addEventListener('pointermove', (ev) => {
    if (!current) return;
    ev.preventDefault();
    const events = ev.getCoalescedEvents ? ev.getCoalescedEvents() : [ev];
    for (const e of (events.length ? events : [ev])) add(at(e));
    redraw();
  });
  const end = (ev) => {
    if (!current) return;
    if (canvas.hasPointerCapture && canvas.hasPointerCapture(ev.pointerId)) canvas.releasePointerCapture(ev.pointerId);
    history.push(strokes);
    strokes = [...strokes, current];
    current = null;
    redraw();
    save();
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);

  const tool = (cls, text, title, onClick) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `jupyter-button widget-button fac-btn fac-pen-tool ${cls}`;
    b.textContent = text;
    b.title = title; b.setAttribute('aria-label', title);
    b.addEventListener('click', onClick);
    return b;
  };
  const swatches = document.createElement('div');
  swatches.className = 'fac-pen-colors';
  const sizes = document.createElement('div');
  sizes.className = 'fac-pen-widths';
  const undoBtn = tool('fac-pen-undo', '', '', () => {
    if (!history.length) return;
    strokes = history.pop(); redraw(); save();
  });
  const clearBtn = tool('fac-pen-clear', '', '', () => {
    if (!strokes.length) return;
    history.push(strokes); strokes = []; redraw(); save();
  });
  const mark = () => {
    for (const b of swatches.children) b.classList.toggle('fac-pen-on', b.dataset.color === color);
    for (const b of sizes.children) b.classList.toggle('fac-pen-on', Number(b.dataset.width) === width);
  };
  const tools = () => {
    const labels = model.get('labels') || {};
    swatches.replaceChildren(...(model.get('colors') || []).map((c, i) => {
      const b = tool('fac-pen-color', '', (labels.colors || [])[i] || c, () => { color = c; mark(); });
      b.dataset.color = c; b.style.setProperty('--pen-color', c);
      return b;
    }));
    sizes.replaceChildren(...(model.get('widths') || []).map((w, i) => {
      const b = tool('fac-pen-width', '', (labels.widths || [])[i] || String(w), () => { width = w; mark(); });
      b.dataset.width = String(w);
      const dot = document.createElement('span');
      dot.className = 'fac-pen-dot';
      dot.style.width = dot.style.height = `${Math.max(4, Math.round(w * 0.9))}px`;
      b.appendChild(dot);
      return b;
    }));
    undoBtn.textContent = `↶ ${labels.undo || ''}`; undoBtn.title = labels.undo || '';
    clearBtn.textContent = `✕ ${labels.clear || ''}`; clearBtn.title = labels.clear || '';
    canvas.setAttribute('aria-label', labels.canvas || '');
    mark();
  };
  const readonly = () => {
    el.classList.toggle('fac-pen-readonly', !!model.get('readonly'));
    redraw();
  };
  const fromKernel = () => {
    const text = model.get('strokes');
    if (text === sent) return;
    // Another page opened, or the kernel stored something else: that is the drawing now.
    sent = text; strokes = parse(text); history = []; current = null; redraw();
  };
  bar.append(swatches, sizes, undoBtn, clearBtn);
  el.append(bar, canvas);
  tools(); readonly();
  model.on('change:strokes', fromKernel);
  model.on('change:labels', tools); model.on('change:colors', tools); model.on('change:widths', tools);
  model.on('change:readonly', readonly);
  return () => {
    model.off('change:strokes', fromKernel);
    model.off('change:labels', tools); model.off('change:colors', tools); model.off('change:widths', tools);
    model.off('change:readonly', readonly);
  };
}
export default { render };
