// Keyboard shortcuts of one screen part (ui/keys.py). Listens to keydown on the part's root element in the
// capture phase, before any widget inside sees the key, and either focuses an element of the part, chooses
// among buttons by their first letters (type-ahead), or tells the kernel the action's name.
const TYPING = 'input, textarea, select, [contenteditable="true"]';

function fold(s) {
  return (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

function matches(b, e, typing) {
  if (b.code && !(b.code.split('|').includes(e.code))) return false;
  if (b.key && !(b.key.split('|').includes(e.key))) return false;
  if (!!b.alt !== e.altKey) return false;
  if (e.ctrlKey || e.metaKey) return false;
  if (b.when === 'idle' && typing) return false;
  if (b.within && !e.target.closest(b.within)) return false;
  return true;
}

function render({ model, el }) {
  el.style.display = 'none';
  let root = null;
  let buffer = '';
  let bufferAt = 0;

  const typeAhead = (b, e) => {
    if (e.key.length !== 1 || !/\p{L}/u.test(e.key)) return false;
    const now = Date.now();
    buffer = now - bufferAt > 900 ? e.key : buffer + e.key;
    bufferAt = now;
    const want = fold(buffer);
    const box = e.target.closest(b.within) || root.querySelector(b.within);
    if (!box) return false;
    const buttons = [...box.querySelectorAll('button')];
    const hit = buttons.find((x) => fold(x.textContent).startsWith(want))
      || buttons.find((x) => fold(x.textContent).split(/\s+/).some((w) => w.startsWith(want)));
    if (hit) { hit.click(); hit.focus(); }
    return true;
  };

  const onKey = (e) => {
    if (e.isComposing || e.defaultPrevented) return;
    const typing = !!(e.target.closest && e.target.closest(TYPING));
    for (const b of model.get('bindings') || []) {
      if (b.typeahead) {
        if (!typing && !e.altKey && !e.ctrlKey && !e.metaKey && e.target.closest(b.within) && typeAhead(b, e)) {
          e.preventDefault();
          e.stopPropagation();
          return;
        }
        continue;
      }
      if (!matches(b, e, typing)) continue;
      // Handled here: the shell's global shortcuts (and the browser) leave it alone.
      e.preventDefault();
      e.stopPropagation();
      if (b.focus) {
        const target = root.querySelector(b.focus);
        if (target) { target.focus(); if (target.select && b.select) target.select(); }
      }
      if (b.send) model.send({ event: 'key', name: b.send });
      return;
    }
  };

  let tries = 0;
  const attach = () => {
    root = el.closest(model.get('scope'));
    if (!root) {
      if (tries++ < 600) requestAnimationFrame(attach);
      return;
    }
    root.addEventListener('keydown', onKey, true);
  };
  requestAnimationFrame(attach);
  return () => { if (root) root.removeEventListener('keydown', onKey, true); };
}
export default { render };
