"""Small browser-side widgets for running the meeting: a ticking clock and the blank screen.

Both work in the browser alone once drawn (the clock ticks without the kernel; the blank screen
appears on one key press even if the kernel is busy) and report to the kernel through their traits.
"""

from __future__ import annotations

import anywidget
import traitlets

_CLOCK_ESM = r"""
function fmt(ms) {
  if (ms < 0) ms = 0;
  const s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const mm = String(m).padStart(2, '0'), ss = String(r).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
function render({ model, el }) {
  el.classList.add('fac-clock');
  const label = document.createElement('span'); label.className = 'fac-clock-label';
  const value = document.createElement('span'); value.className = 'fac-clock-value';
  el.append(label, value);
  const tick = () => {
    label.textContent = model.get('label');
    const since = model.get('since_ms');
    value.textContent = since > 0 ? fmt(Date.now() - since) : '–';
  };
  tick();
  const t = setInterval(tick, 1000);
  model.on('change:since_ms', tick); model.on('change:label', tick);
  return () => clearInterval(t);
}
export default { render };
"""

_CLOCK_CSS = """
.fac-clock { display: inline-flex; gap: 0.35em; align-items: baseline; color: #4a5568; font-size: 0.9em; }
.fac-clock-value { font-variant-numeric: tabular-nums; font-weight: 600; }
"""


class ClockView(anywidget.AnyWidget):  # type: ignore[misc]
    """Shows ``label`` and the time since ``since_ms`` (epoch milliseconds; 0 = not started)."""

    _esm = traitlets.Unicode(_CLOCK_ESM).tag(sync=True)
    _css = traitlets.Unicode(_CLOCK_CSS).tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    since_ms = traitlets.Int(0).tag(sync=True)


_BLANK_ESM = r"""
function typing(target) {
  if (!target) return false;
  const tag = (target.tagName || '').toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
}
function render({ model, el }) {
  el.classList.add('fac-blank-control');
  const veil = document.createElement('div');
  veil.className = 'fac-blank';
  veil.setAttribute('role', 'presentation');
  const hint = document.createElement('div');
  hint.className = 'fac-blank-hint';
  veil.appendChild(hint);
  const sync = () => {
    hint.textContent = model.get('hint');
    if (model.get('blank')) { if (!veil.isConnected) document.body.appendChild(veil); }
    else if (veil.isConnected) veil.remove();
    document.body.classList.toggle('fac-is-blank', model.get('blank'));
  };
  const toggle = () => { model.set('blank', !model.get('blank')); model.save_changes(); sync(); };
  const onKey = (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if ((ev.key === 'b' || ev.key === 'B') && !typing(ev.target)) { ev.preventDefault(); toggle(); }
    else if (ev.key === 'Escape' && model.get('blank')) { ev.preventDefault(); toggle(); }
  };
  document.addEventListener('keydown', onKey);
  veil.addEventListener('dblclick', toggle);
  model.on('change:blank', sync); model.on('change:hint', sync);
  sync();
  return () => { document.removeEventListener('keydown', onKey); veil.remove(); };
}
export default { render };
"""

_BLANK_CSS = """
.fac-blank { position: fixed; inset: 0; background: #000; z-index: 100000; cursor: none; }
.fac-blank-hint { position: absolute; bottom: 8px; right: 12px; color: #1a1a1a; font-size: 12px; }
"""


class BlankScreen(anywidget.AnyWidget):  # type: ignore[misc]
    """Press B (outside a text field) to show nothing at all; B, Escape or a double click to return."""

    _esm = traitlets.Unicode(_BLANK_ESM).tag(sync=True)
    _css = traitlets.Unicode(_BLANK_CSS).tag(sync=True)
    blank = traitlets.Bool(False).tag(sync=True)
    hint = traitlets.Unicode("").tag(sync=True)
