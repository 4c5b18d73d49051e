// The page's language and title follow the dashboard's language; '?' shows the keyboard shortcuts; plotly.js
// is loaded while the page is at rest when the page has charts.
import { loadPlotly } from './plotly-loader.js';

function typing(target) {
  if (!target) return false;
  const tag = (target.tagName || '').toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
}
// plotly.js (4.8 MB: a second or more of the page's own time to run) is loaded while the page is at rest,
// by the loader ``plot.js`` uses too (``plotly-loader.js``: one address, one promise per page): the
// first chart (the network map) then finds it loaded. At rest: usable (.fac-ready), in view, the kernel idle
// (nothing on its way to the page) and nobody touching the mouse or the keyboard, for REST_MS, then in an
// idle moment: the load (one long task) must not hold back what a user just asked for.
const REST_MS = 1000;
function preloadPlotly(kernel) {
  const inputs = ['pointermove', 'pointerdown', 'keydown', 'wheel'];
  let last = Date.now(), timer = 0, ready = false, stopped = false, busy = !!kernel && kernel.status === 'busy';
  const touched = () => { last = Date.now(); };
  const onStatus = (_k, status) => { busy = status === 'busy'; touched(); };
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    inputs.forEach((e) => document.removeEventListener(e, touched, true));
    if (kernel) kernel.statusChanged.disconnect(onStatus);
  };
  const load = () => {
    if (stopped) return;
    stop();
    if (window.Plotly || window.__facPlotly) return;
    loadPlotly().catch(() => {});  // a chart shown later loads it again, and says so if it cannot
  };
  const idle = window.requestIdleCallback ? (f) => window.requestIdleCallback(f) : (f) => setTimeout(f, 0);
  const resting = () => !busy && document.visibilityState === 'visible' && Date.now() - last >= REST_MS;
  const check = () => {
    if (stopped) return;
    if (window.Plotly || window.__facPlotly) { stop(); return; }  // a chart came first
    if (!ready && document.querySelector('.fac-ready')) { ready = true; touched(); }
    if (ready && resting()) idle(() => (resting() ? load() : check()));
    else timer = setTimeout(check, 250);
  };
  inputs.forEach((e) => document.addEventListener(e, touched, { capture: true, passive: true }));
  if (kernel) kernel.statusChanged.connect(onStatus);
  check();
  return stop;
}
function render({ model, el }) {
  el.classList.add('fac-page-info');
  const dialog = document.createElement('div');
  dialog.className = 'fac-shortcuts';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.id = 'fac-shortcuts-' + Math.random().toString(36).slice(2);
  let before = null;
  const apply = () => {
    const lang = model.get('lang') || 'nl';
    document.documentElement.lang = lang === 'nl' ? 'nl-BE' : lang;
    if (model.get('title')) document.title = model.get('title');
  };
  const fill = () => {
    dialog.textContent = '';
    const box = document.createElement('div');
    box.className = 'fac-shortcuts-box';
    const h = document.createElement('h2');
    h.id = dialog.id + '-title';
    h.textContent = model.get('shortcuts_title');
    dialog.setAttribute('aria-labelledby', h.id);
    box.appendChild(h);
    for (const group of model.get('shortcuts') || []) {
      const h3 = document.createElement('h3');
      h3.textContent = group.title;
      const dl = document.createElement('dl');
      for (const [keys, text] of group.rows) {
        const dt = document.createElement('dt');
        for (const k of String(keys).split(' / ')) {
          if (dt.childNodes.length) dt.appendChild(document.createTextNode(' / '));
          const kbd = document.createElement('kbd');
          kbd.textContent = k;
          dt.appendChild(kbd);
        }
        const dd = document.createElement('dd');
        dd.textContent = text;
        dl.append(dt, dd);
      }
      box.append(h3, dl);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'fac-shortcuts-close';
    close.textContent = model.get('close_label');
    close.addEventListener('click', () => hide());
    box.appendChild(close);
    dialog.appendChild(box);
  };
  const shown = () => dialog.isConnected;
  const show = () => {
    fill();
    before = document.activeElement;
    document.body.appendChild(dialog);
    const close = dialog.querySelector('.fac-shortcuts-close');
    if (close) close.focus();
  };
  const hide = () => {
    if (!shown()) return;
    dialog.remove();
    if (before && before.focus) before.focus();
  };
  const onKey = (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === '?' && !typing(ev.target)) { ev.preventDefault(); shown() ? hide() : show(); }
    else if (ev.key === 'Escape' && shown()) { ev.preventDefault(); ev.stopImmediatePropagation(); hide(); }
  };
  dialog.addEventListener('click', (ev) => { if (ev.target === dialog) hide(); });
  // ipywidgets gives a control without a description an empty, hidden <label>: screen readers then read
  // it without a name. Name it as a sighted user reads it: its tooltip or placeholder, else the label
  // just before it in its row.
  // (A label counts when it has words and is not hidden itself: ipywidgets hides the empty one with
  // display none. Not read from the layout: a control in a tab not shown is named all the same.)
  const named = (c) => c.getAttribute('aria-label') || c.getAttribute('aria-labelledby') ||
    Array.from(c.labels || []).some((l) => l.textContent.trim() && l.style.display !== 'none' && !l.hidden);
  let seq = 0;
  // A control is looked at until it has a name, then no more (a control whose tooltip or placeholder
  // changes is looked at again): looking at every control of every part after each change took ~25 ms of
  // the large case's page after every added item.
  let done = new WeakSet();
  const nameControls = () => {
    for (const c of document.querySelectorAll('.fac-root select, .fac-root input, .fac-root textarea')) {
      if (done.has(c) || c.type === 'hidden') continue;
      if (named(c)) { done.add(c); continue; }
      const hint = (c.getAttribute('title') || c.getAttribute('placeholder') || '').trim();
      if (hint) { c.setAttribute('aria-label', hint); done.add(c); continue; }
      const names = model.get('control_names') || {};
      const owner = Object.keys(names).find((cls) => c.closest('.' + cls));
      if (owner) {
        c.setAttribute('aria-label', names[owner]); c.setAttribute('data-fac-named', ''); done.add(c); continue;
      }
      const box = c.closest('.jupyter-widgets');
      const before = box && box.previousElementSibling;
      if (before && before.matches('.widget-label, .widget-html') && before.textContent.trim().length < 80 &&
          before.textContent.trim()) {
        if (!before.id) before.id = 'fac-label-' + (++seq);
        c.setAttribute('aria-labelledby', before.id);
        done.add(c);
      }
    }
  };
  let queued = false;
  // When the page is idle (at most half a second later): naming reads the layout, and doing that while a
  // part is being drawn made the browser lay the page out again and again.
  const idle = window.requestIdleCallback ? (f, o) => window.requestIdleCallback(f, o) : (f) => setTimeout(f, 0);
  const run = () => { queued = false; nameControls(); };
  const queue = () => { if (!queued) { queued = true; setTimeout(() => idle(run, { timeout: 500 }), 150); } };
  const mo = new MutationObserver((records) => {
    for (const r of records) if (r.type === 'attributes') done.delete(r.target);
    queue();
  });
  mo.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['title', 'placeholder'] });
  queue();
  document.addEventListener('keydown', onKey, true);
  model.on('change:lang', apply);
  model.on('change:title', apply);
  model.on('change:shortcuts', () => { if (shown()) fill(); });
  model.on('change:control_names', () => {
    document.querySelectorAll('.fac-root [data-fac-named]').forEach((c) => { c.removeAttribute('aria-label'); c.removeAttribute('data-fac-named'); });
    done = new WeakSet();
    queue();
  });
  apply();
  // The page's kernel (its busy/idle status), where the widget manager gives it (Voilà, JupyterLab).
  const manager = model.widget_manager;
  const kernel = manager && manager.kernel && manager.kernel.statusChanged ? manager.kernel : null;
  const stopPlotly = model.get('charts') ? preloadPlotly(kernel) : () => {};
  return () => { document.removeEventListener('keydown', onKey, true); mo.disconnect(); dialog.remove(); stopPlotly(); };
}
export default { render };
