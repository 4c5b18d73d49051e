// Keyboard shortcuts of one screen part (ui/keys.py). Listens to keydown in the capture phase, before any
// widget sees the key, when the key is pressed inside the part or with nothing focused (a click on text
// leaves the focus on the page) while the part is on screen; then focuses an element of the part, chooses
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

  // A row of choice buttons is one stop for Tab (the chosen button); the arrows move along it and choose.
  const rovings = () => (model.get('bindings') || []).filter((b) => b.roving);
  let pending = false;
  const rove = () => {
    pending = false;
    if (!root) return;
    for (const b of rovings()) {
      for (const box of root.querySelectorAll(b.roving)) {
        const buttons = [...box.querySelectorAll('button')];
        const active = buttons.find((x) => x.classList.contains('mod-active')) || buttons[0];
        for (const x of buttons) x.tabIndex = x === active ? 0 : -1;
      }
    }
  };
  const observer = new MutationObserver(() => { if (!pending) { pending = true; requestAnimationFrame(rove); } });
  const arrows = (e) => {
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return false;
    for (const b of rovings()) {
      const box = e.target.closest && e.target.closest(b.roving);
      if (!box) continue;
      const buttons = [...box.querySelectorAll('button')];
      const at = buttons.indexOf(e.target);
      if (at < 0) return false;
      const step = e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 1;
      const next = buttons[(at + step + buttons.length) % buttons.length];
      next.click();
      next.focus();
      return true;
    }
    return false;
  };

  const concerns = (e) => {
    if (!root || !root.isConnected || root.getClientRects().length === 0) return false;  // not on screen
    const t = e.target;
    return root.contains(t) || t === document.body || t === document.documentElement || t === document;
  };

  const onKey = (e) => {
    if (e.isComposing || e.defaultPrevented || !concerns(e)) return;
    if (arrows(e)) {
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    const typing = !!(e.target.closest && e.target.closest(TYPING));
    for (const b of model.get('bindings') || []) {
      if (b.roving) continue;
      if (b.typeahead) {
        const inside = e.target.closest && e.target.closest(b.within);
        if (!typing && !e.altKey && !e.ctrlKey && !e.metaKey && inside && typeAhead(b, e)) {
          e.preventDefault();
          e.stopPropagation();
          return;
        }
        continue;
      }
      if (!matches(b, e, typing)) continue;
      if (b.within && !(e.target.closest && e.target.closest(b.within))) continue;
      // Handled here: the shell's global shortcuts (and the browser) leave it alone.
      e.preventDefault();
      e.stopPropagation();
      if (b.focus) {
        // "a || b": the first of these selectors that finds something (the chosen name, else the first).
        const target = b.focus.split('||').map((q) => root.querySelector(q.trim())).find((x) => x);
        if (target) { target.focus(); if (target.select && b.select) target.select(); }
      }
      if (b.send) model.send({ event: 'key', name: b.send });
      if (b.reveal) {
        // The kernel shows it a moment later: then bring it on screen if it is not.
        let tries = 0;
        const look = () => {
          const target = root.querySelector(b.reveal);
          if (target && target.getClientRects().length) target.scrollIntoView({ block: 'nearest' });
          else if (tries++ < 40) setTimeout(look, 50);
        };
        setTimeout(look, 50);
      }
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
    document.addEventListener('keydown', onKey, true);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    rove();
  };
  requestAnimationFrame(attach);
  return () => {
    document.removeEventListener('keydown', onKey, true);
    observer.disconnect();
  };
}
export default { render };
