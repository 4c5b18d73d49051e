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
  // B blanks the room's screen only as a key of its own: a "b" inside a burst of typing whose field was not
  // (yet) focused, e.g. words typed while a form opens, is typing, never a blank screen in front of the family.
  const BURST_MS = 700;
  let before = -Infinity, previous = -Infinity;
  const stamp = (ev) => {
    // Letters, digits and signs make a burst of typing, and so does a part's Alt shortcut that opens a field
    // (Alt+2, then the words); Enter, Tab, an arrow or Escape before B do not.
    if (ev.key && ((ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey) || ev.altKey)) {
      previous = before;
      before = performance.now();
    } else {
      previous = before = -Infinity;
    }
  };
  const onKey = (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    // This key (stamped first) came right after another letter; bringing the screen back is never held back.
    const inBurst = before - previous < BURST_MS && !model.get('blank');
    if ((ev.key === 'b' || ev.key === 'B') && !typing(ev.target) && !inBurst) {
      ev.preventDefault();
      previous = before = -Infinity;
      toggle();
    }
    else if (ev.key === 'Escape' && model.get('blank')) { ev.preventDefault(); toggle(); }
  };
  document.addEventListener('keydown', stamp, true);  // every key, before a part's shortcuts may stop it
  document.addEventListener('keydown', onKey);
  veil.addEventListener('dblclick', toggle);
  model.on('change:blank', sync); model.on('change:hint', sync);
  sync();
  return () => {
    document.removeEventListener('keydown', stamp, true);
    document.removeEventListener('keydown', onKey);
    veil.remove();
  };
}
export default { render };
