// Reviewing the agreements one by one at an interim evaluation or a second network meeting.
// Keyboard first: keys 1-5 choose how the agreement works, the note field follows, Enter saves and shows
// the next agreement with the choice row focused again. Every text is set with textContent.
function el_(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function render({ model, el }) {
  el.classList.add('fac-review-card');
  el.tabIndex = -1;
  let choice = '';      // the status chosen here, not yet saved
  let shownFor = null;  // the agreement the fields were filled for
  let typed = null;     // what was typed in the note since it was filled
  let focusNext = false;

  const head = el_('div', 'fac-review-head');
  const what = el_('div', 'fac-review-what');
  what.dir = 'auto';
  const who = el_('div', 'fac-review-who');
  const history = el_('div', 'fac-review-history');
  const statuses = el_('div', 'fac-review-statuses');
  statuses.setAttribute('role', 'radiogroup');
  const noteLabel = el_('label', 'fac-review-note-label');
  const note = el_('textarea', 'fac-review-note');
  note.rows = 2;
  note.dir = 'auto';
  const byLabel = el_('label', 'fac-review-by-label');
  const by = el_('select', 'fac-review-by');
  const buttons = el_('div', 'fac-review-buttons');
  const prev = el_('button', 'jupyter-button widget-button fac-btn fac-review-prev');
  const save = el_('button', 'jupyter-button widget-button fac-btn mod-primary fac-review-save');
  const next = el_('button', 'jupyter-button widget-button fac-btn fac-review-next');
  for (const b of [prev, save, next]) b.type = 'button';
  buttons.append(prev, save, next);
  const overview = el_('div', 'fac-review-overview');
  const message = el_('div', 'fac-review-message');
  message.setAttribute('role', 'status');
  const fields = el_('div', 'fac-review-fields');
  const noteBox = el_('div', 'fac-review-field');
  noteBox.append(noteLabel, note);
  const byBox = el_('div', 'fac-review-field fac-review-field-by');
  byBox.append(byLabel, by);
  fields.append(noteBox, byBox);
  const body = el_('div', 'fac-review-body');
  body.append(head, what, who, history, statuses, fields, buttons);
  el.append(overview, message, body);
  const ids = `fac-review-${Math.random().toString(36).slice(2, 9)}`;
  note.id = `${ids}-note`;
  by.id = `${ids}-by`;
  noteLabel.htmlFor = note.id;
  byLabel.htmlFor = by.id;

  const card = () => model.get('card') || {};
  const labels = () => model.get('labels') || {};

  const pick = (key) => {
    choice = key;
    for (const b of statuses.querySelectorAll('button')) {
      const on = b.dataset.status === key;
      b.setAttribute('aria-checked', on ? 'true' : 'false');
      b.classList.toggle('fac-review-chosen', on);
    }
  };
  const doSave = () => {
    focusNext = true;
    model.send({ event: 'save', status: choice, note: note.value, said_by: by.value });
  };
  const goto = (index) => {
    focusNext = true;
    model.send({ event: 'goto', index });
  };

  const drawStatuses = (c, l) => {
    statuses.replaceChildren();
    (l.statuses || []).forEach(([key, label], i) => {
      const b = el_('button', `jupyter-button widget-button fac-btn fac-review-status fac-review-status-${key}`);
      b.type = 'button';
      b.dataset.status = key;
      b.setAttribute('role', 'radio');
      const k = el_('span', 'fac-review-key', String(i + 1));
      k.setAttribute('aria-hidden', 'true');
      b.append(k, document.createTextNode(' ' + label));
      b.title = (l.key_hint || '').replace('{n}', String(i + 1));
      b.addEventListener('click', () => { pick(key); note.focus(); });
      statuses.append(b);
    });
    pick(choice);
  };
  const drawHistory = (c, l) => {
    history.replaceChildren();
    const entries = c.history || [];
    history.append(el_('div', 'fac-review-history-title', entries.length ? l.earlier : l.none_earlier));
    for (const h of entries) {
      const line = el_('div', `fac-review-history-line fac-review-was-${h.status}`);
      line.append(el_('b', '', h.label));
      if (h.note) line.append(document.createTextNode(' ' + h.note));
      if (h.by) line.append(el_('span', 'fac-review-history-by', ' ' + h.by));
      line.dir = 'auto';
      history.append(line);
    }
  };
  const drawOverview = (c, l) => {
    overview.replaceChildren();
    const glyphs = l.glyphs || {};
    const names = l.names || {};
    (c.overview || []).forEach((o, i) => {
      const sign = o.status && glyphs[o.status] ? ` ${glyphs[o.status]}` : '';
      const b = el_('button', `fac-review-dot fac-review-dot-${o.status || 'open'}`, String(o.number) + sign);
      b.type = 'button';
      b.title = (o.status ? `${names[o.status] || ''}: ` : '') + (o.title || '');
      if (i === c.index) b.classList.add('fac-review-dot-current');
      b.addEventListener('click', () => goto(i));
      overview.append(b);
    });
    if (c.progress) overview.append(el_('span', 'fac-review-progress', c.progress));
  };
  const drawPeople = (c, l) => {
    by.replaceChildren();
    const none = el_('option', '', l.nobody_option || '');
    none.value = '';
    by.append(none);
    for (const [id, label] of c.people || []) {
      const o = el_('option', '', label);
      o.value = id;
      by.append(o);
    }
  };

  const draw = () => {
    const c = card();
    const l = labels();
    // A redraw replaces the choice buttons: keep the keyboard where it was.
    const was = document.activeElement;
    const inChoices = !!was && statuses.contains(was);
    message.textContent = c.message || '';
    message.style.display = c.message ? '' : 'none';
    body.style.display = c.agreement ? '' : 'none';
    drawOverview(c, l);
    if (!c.agreement) {
      shownFor = null;
      return;
    }
    const same = shownFor === c.agreement;
    head.textContent = c.heading || '';
    what.textContent = c.what || '';
    who.textContent = c.who || '';
    drawHistory(c, l);
    noteLabel.textContent = l.note || '';
    byLabel.textContent = l.said_by || '';
    note.placeholder = l.note_ph || '';
    prev.textContent = l.prev || '';
    save.textContent = l.save_next || '';
    next.textContent = l.next || '';
    prev.disabled = c.index <= 0;
    next.disabled = c.index >= (c.total || 0) - 1;
    const keepNote = same && typed !== null;
    if (!same) choice = c.status || c.suggested || '';
    else if (!choice) choice = c.status || c.suggested || '';
    drawStatuses(c, l);
    const keepBy = same && by.dataset.touched === '1' ? by.value : null;
    drawPeople(c, l);
    by.value = keepBy !== null ? keepBy : (c.said_by || '');
    if (!same) by.dataset.touched = '';
    if (!keepNote) { note.value = c.note || ''; typed = null; }
    shownFor = c.agreement;
    if (focusNext || (inChoices && !statuses.contains(document.activeElement))) {
      focusNext = false;
      const chosen = statuses.querySelector('.fac-review-chosen') || statuses.querySelector('button');
      if (chosen) chosen.focus();
    }
  };

  note.addEventListener('input', () => { typed = note.value; });
  by.addEventListener('change', () => { by.dataset.touched = '1'; });
  note.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); doSave(); }
  });
  el.addEventListener('keydown', (e) => {
    const t = e.target;
    if (t === note || t === by || e.ctrlKey || e.metaKey || e.altKey) return;
    const n = Number(e.key);
    const l = labels();
    if (Number.isInteger(n) && n >= 1 && n <= (l.statuses || []).length) {
      e.preventDefault();
      pick(l.statuses[n - 1][0]);
      note.focus();
    }
  });
  save.addEventListener('click', doSave);
  prev.addEventListener('click', () => goto((card().index || 0) - 1));
  next.addEventListener('click', () => goto((card().index || 0) + 1));

  draw();
  model.on('change:card', draw);
  model.on('change:labels', draw);
  return () => {
    model.off('change:card', draw);
    model.off('change:labels', draw);
  };
}
export default { render };
