// The family screen's stage: shows the board the kernel sends (HTML, every text escaped there), fits the
// type to the screen (largest size that shows everything, down to 1/30 of the screen height), then turns
// pages when even that is too much (by themselves, by a key, or to what the consultant points at).
function typing(target) {
  if (!target) return false;
  const tag = (target.tagName || '').toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
}
function render({ model, el }) {
  el.classList.add('fac-fv-stage');
  const content = document.createElement('div');
  content.className = 'fac-fv-content';
  const foot = document.createElement('div');
  foot.className = 'fac-fv-foot';
  foot.setAttribute('aria-live', 'polite');
  const veil = document.createElement('div');
  veil.className = 'fac-fv-blank';
  el.append(content, foot, veil);
  let page = 0, pages = 1, manual = false, fitted = 0, timer = null, shownHtml = null;

  const visible = () => el.getClientRects().length > 0;
  const lists = () => Array.from(content.querySelectorAll('.fac-fv-list'));
  const units = (list) => Array.from(list.children).filter((c) => c.classList.contains('fac-fv-unit'));
  const allUnits = () => Array.from(content.querySelectorAll('.fac-fv-unit'));
  const boardEl = () => content.querySelector('.fac-fv-board');

  function bounds() {
    const h = window.innerHeight || 720;
    return [Math.ceil(h / 30), Math.max(Math.ceil(h / 30), Math.floor(h / 21))];
  }
  function overflows() {
    const over = (n) => n.scrollHeight > n.clientHeight + 1 || n.scrollWidth > n.clientWidth + 1;
    const body = content.querySelector('.fac-fv-body');
    if (body && over(body)) return true;
    if (Array.from(content.querySelectorAll('.fac-fv-block')).some(over)) return true;
    return lists().some(over);
  }
  function setFont(board, size) { board.style.setProperty('--fv-font', size + 'px'); }
  function fitTitle() {
    const head = content.querySelector('.fac-fv-head');
    const title = content.querySelector('.fac-fv-title');
    if (!head || !title) return;
    const h = window.innerHeight || 720;
    let size = Math.floor(h / 13);
    const low = Math.ceil(h / 24);
    title.style.fontSize = size + 'px';
    while (size > low && (head.scrollHeight > head.clientHeight + 1 || title.scrollWidth > title.clientWidth + 1)) {
      size -= 1;
      title.style.fontSize = size + 'px';
    }
  }
  function paginate() {
    pages = 1;
    const tall = [];
    for (const list of lists()) {
      const us = units(list);
      let rest = us.slice();
      let p = 0;
      while (rest.length) {
        const shown = new Set(rest);
        us.forEach((u) => u.classList.toggle('fac-fv-off', !shown.has(u)));
        const box = list.getBoundingClientRect();
        let taken = [];
        for (const u of rest) {
          const r = u.getBoundingClientRect();
          if (r.bottom <= box.bottom + 0.5 && r.right <= box.right + 0.5) taken.push(u);
          else break;
        }
        // A sub-heading is never the last thing on a page: it goes with what follows.
        while (taken.length > 1 && taken[taken.length - 1].classList.contains('fac-fv-group-title')) taken.pop();
        if (!taken.length) { taken = [rest[0]]; tall.push(rest[0]); }
        taken.forEach((u) => { u.dataset.page = String(p); });
        rest = rest.slice(taken.length);
        p += 1;
      }
      list.dataset.pages = String(Math.max(1, p));
      pages = Math.max(pages, p);
    }
    return tall;
  }
  function shrink(unit) {
    const list = unit.closest('.fac-fv-list');
    if (!list) return;
    // Lay out the unit's own page to measure it there.
    units(list).forEach((u) => u.classList.toggle('fac-fv-off', u.dataset.page !== unit.dataset.page));
    const box = list.getBoundingClientRect();
    let size = parseFloat(getComputedStyle(unit).fontSize);
    while (size > 8 && unit.getBoundingClientRect().bottom > box.bottom + 0.5) {
      size -= 1;
      unit.style.fontSize = size + 'px';
    }
    unit.classList.add('fac-fv-shrunk');
  }
  function fit() {
    const board = boardEl();
    if (!board || !visible()) return;
    board.classList.remove('fac-fv-wide');
    allUnits().forEach((u) => { u.classList.remove('fac-fv-off', 'fac-fv-shrunk'); u.style.fontSize = ''; u.dataset.page = '0'; });
    lists().forEach((l) => { l.dataset.pages = '1'; });
    fitTitle();
    const [lo, hi] = bounds();
    let best = null;
    setFont(board, hi);
    if (!overflows()) best = hi;
    else {
      let a = lo, b = hi - 1;
      while (a <= b) {
        const mid = (a + b) >> 1;
        setFont(board, mid);
        if (!overflows()) { best = mid; a = mid + 1; } else b = mid - 1;
      }
    }
    if (best !== null) { setFont(board, best); pages = 1; }
    else {
      setFont(board, lo);
      let tall = paginate();
      // Cards side by side leave each card too narrow to show whole: one card across, then.
      if (tall.length && board.classList.contains('fac-fv-layout-cards')) {
        board.classList.add('fac-fv-wide');
        allUnits().forEach((u) => { u.classList.remove('fac-fv-off'); u.dataset.page = '0'; });
        tall = paginate();
      }
      // What is still taller than a whole page (a very long text) is made smaller, that one alone.
      for (const u of tall) shrink(u);
    }
    board.dataset.font = board.style.getPropertyValue('--fv-font');
    if (page >= pages) page = 0;
    show();
    fitted += 1;
    el.dataset.fitted = String(fitted);
    el.classList.add('fac-fv-ready');
    report();
  }
  function show() {
    for (const list of lists()) {
      const lp = Math.min(page, parseInt(list.dataset.pages || '1', 10) - 1);
      units(list).forEach((u) => u.classList.toggle('fac-fv-off', u.dataset.page !== String(lp)));
    }
    const text = model.get('page_text') || '{n}/{total}';
    foot.textContent = pages > 1 ? text.replace('{n}', String(page + 1)).replace('{total}', String(pages)) : '';
    el.dataset.page = String(page);
    el.dataset.pages = String(pages);
  }
  function point() {
    content.querySelectorAll('.fac-fv-pointed').forEach((n) => n.classList.remove('fac-fv-pointed'));
    const id = model.get('pointer');
    if (!id) return false;
    const target = content.querySelector('[data-id="' + CSS.escape(id) + '"]');
    if (!target) return false;
    target.classList.add('fac-fv-pointed');
    const unit = target.closest('.fac-fv-unit');
    if (unit && unit.dataset.page && unit.dataset.page !== String(page) && pages > 1) {
      page = parseInt(unit.dataset.page, 10);
      show();
    }
    return true;
  }
  function turn(step) {
    if (pages <= 1) return;
    page = (page + step + pages) % pages;
    show();
  }
  function tick() {
    if (!manual && !model.get('pointer') && visible()) turn(1);
  }
  function restartTimer() {
    if (timer) clearInterval(timer);
    const s = model.get('turn_seconds') || 0;
    timer = s > 0 ? setInterval(tick, s * 1000) : null;
  }
  let lastSize = '';
  function report() {
    const body = content.querySelector('.fac-fv-body');
    if (!body) return;
    const r = body.getBoundingClientRect();
    if (!r.width || !r.height) return;
    const size = [Math.round(r.width / 20) * 20, Math.round(r.height / 20) * 20];
    if (size.join('x') === lastSize) return;
    lastSize = size.join('x');
    model.set('size', size);
    model.save_changes();
  }
  function draw() {
    const html = model.get('html');
    if (html !== shownHtml) {
      shownHtml = html;
      const board = content.querySelector('.fac-fv-board');
      const sameBoard = board && html.indexOf('data-board="' + board.dataset.board + '"') >= 0;
      content.innerHTML = html;
      if (!sameBoard) { page = 0; manual = false; }
    }
    fit();
    point();
  }
  function blank() {
    const on = !!model.get('blank');
    veil.classList.toggle('fac-fv-blank-on', on);
    el.classList.toggle('fac-fv-is-blank', on);
  }
  const onKey = (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target) || !visible()) return;
    if (['PageDown', 'ArrowRight', 'ArrowDown'].includes(ev.key)) { ev.preventDefault(); manual = true; turn(1); }
    else if (['PageUp', 'ArrowLeft', 'ArrowUp'].includes(ev.key)) { ev.preventDefault(); manual = true; turn(-1); }
    else if (ev.key === 'Home' && pages > 1) { ev.preventDefault(); manual = true; page = 0; show(); }
    else if ((ev.key === 'b' || ev.key === 'B') && model.get('own_keys')) { ev.preventDefault(); model.send({ type: 'blank' }); }
    else if (ev.key === 'Escape' && model.get('own_keys') && model.get('blank')) { ev.preventDefault(); model.send({ type: 'blank' }); }
  };
  let pending = null;
  const refit = () => { if (pending) cancelAnimationFrame(pending); pending = requestAnimationFrame(() => { pending = null; fit(); point(); }); };
  const ro = new ResizeObserver(refit);
  ro.observe(el);
  document.addEventListener('keydown', onKey);
  model.on('change:html', draw);
  model.on('change:pointer', () => { if (!point()) show(); });
  model.on('change:blank', blank);
  model.on('change:page_text', show);
  model.on('change:turn_seconds', restartTimer);
  draw();
  blank();
  restartTimer();
  // The kernel draws the network map once it knows the screen's size (``Measured.wait``, as for the
  // working screen's map): measured as soon as the stage is in the page, or said at once that it cannot be
  // (a hidden tab): the map is then drawn at an assumed size, and again when the stage is shown.
  let tries = 0, gone = false;
  model.send({ type: 'shown' });  // the kernel's wait for the size counts from here, not from the build
  const start = () => {
    if (gone) return;
    if (!el.isConnected) { if (++tries < 60) requestAnimationFrame(start); else setTimeout(start, 200); return; }
    report();
    if (!lastSize) model.send({ type: 'unsized' });
  };
  start();
  // Fonts may arrive after the first fit; fit again once they are there.
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(refit);
  return () => { gone = true; ro.disconnect(); document.removeEventListener('keydown', onKey); if (timer) clearInterval(timer); };
}
export default { render };
