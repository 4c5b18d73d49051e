// Reading a story together: one page at a time over the whole window, large type, the picture above the text.
// Next and previous by the big buttons, a click on the page's right or left side, a swipe, or the arrow keys;
// Escape closes. The page HTML is made in Python (ui/words_pictures/present.py, reading_page_html), escaped.
function render({ model, el }) {
  el.classList.add('fac-reader-control');
  const veil = document.createElement('div');
  veil.className = 'fac-reader';
  veil.setAttribute('role', 'dialog');
  veil.setAttribute('aria-modal', 'true');
  const stage = document.createElement('div');
  stage.className = 'fac-reader-stage';
  const nav = document.createElement('div');
  nav.className = 'fac-reader-nav';
  const mk = (cls, text) => {
    const b = document.createElement('button');
    b.type = 'button'; b.className = `fac-reader-btn ${cls}`; b.textContent = text;
    return b;
  };
  const prev = mk('fac-reader-prev', '◀');
  const next = mk('fac-reader-next', '▶');
  const count = document.createElement('div');
  count.className = 'fac-reader-count';
  const close = mk('fac-reader-close', '✕');
  const full = mk('fac-reader-full', '⛶');
  const heading = document.createElement('div');
  heading.className = 'fac-reader-title';
  nav.append(prev, count, next);
  veil.append(heading, full, close, stage, nav);

  const pages = () => model.get('pages') || [];
  const go = (i) => {
    const n = pages().length;
    const j = Math.min(Math.max(i, 0), Math.max(n - 1, 0));
    if (j !== model.get('index')) { model.set('index', j); model.save_changes(); }
    draw();
  };
  const shut = () => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    model.set('showing', false); model.save_changes(); draw();
  };
  const draw = () => {
    const labels = model.get('labels') || {};
    const list = pages();
    const i = Math.min(model.get('index') || 0, Math.max(list.length - 1, 0));
    stage.innerHTML = list.length ? list[i] : '';
    heading.textContent = model.get('title') || '';
    count.textContent = list.length ? `${i + 1} / ${list.length}` : '';
    prev.disabled = i <= 0; next.disabled = i >= list.length - 1;
    prev.title = prev.ariaLabel = labels.previous || ''; next.title = next.ariaLabel = labels.next || '';
    close.title = close.ariaLabel = labels.close || ''; full.title = full.ariaLabel = labels.full || '';
    veil.dataset.index = String(i);
    if (model.get('showing')) { if (!veil.isConnected) { document.body.appendChild(veil); veil.focus(); } }
    else if (veil.isConnected) veil.remove();
    document.body.classList.toggle('fac-is-reading', !!model.get('showing'));
  };
  prev.addEventListener('click', () => go((model.get('index') || 0) - 1));
  next.addEventListener('click', () => go((model.get('index') || 0) + 1));
  close.addEventListener('click', shut);
  full.addEventListener('click', () => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else if (veil.requestFullscreen) veil.requestFullscreen().catch(() => {});
  });
  // A click on the page: its right third turns to the next page, its left third back.
  stage.addEventListener('click', (ev) => {
    const r = stage.getBoundingClientRect();
    const x = (ev.clientX - r.left) / r.width;
    if (x > 2 / 3) go((model.get('index') || 0) + 1);
    else if (x < 1 / 3) go((model.get('index') || 0) - 1);
  });
  let startX = null;
  stage.addEventListener('pointerdown', (ev) => { startX = ev.clientX; });
  stage.addEventListener('pointerup', (ev) => {
    if (startX === null) return;
    const dx = ev.clientX - startX;
    startX = null;
    if (Math.abs(dx) > 60 && ev.pointerType !== 'mouse') go((model.get('index') || 0) + (dx < 0 ? 1 : -1));
  });
  const onKey = (ev) => {
    if (!model.get('showing') || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const i = model.get('index') || 0;
    if (['ArrowRight', 'PageDown', ' '].includes(ev.key)) { ev.preventDefault(); go(i + 1); }
    else if (['ArrowLeft', 'PageUp'].includes(ev.key)) { ev.preventDefault(); go(i - 1); }
    else if (ev.key === 'Home') { ev.preventDefault(); go(0); }
    else if (ev.key === 'End') { ev.preventDefault(); go(pages().length - 1); }
    else if (ev.key === 'Escape') { ev.preventDefault(); shut(); }
  };
  document.addEventListener('keydown', onKey);
  draw();
  for (const n of ['pages', 'index', 'showing', 'labels', 'title']) model.on(`change:${n}`, draw);
  return () => {
    document.removeEventListener('keydown', onKey);
    for (const n of ['pages', 'index', 'showing', 'labels', 'title']) model.off(`change:${n}`, draw);
    veil.remove();
    document.body.classList.remove('fac-is-reading');
  };
}
export default { render };
