// One person's line on a scaling question (ui/scaling/rows.py): who, eleven buttons 0-10 (with faces on a
// child's scale), a typed score, clear, their answers. One widget model per person instead of about twenty.
// Everything user-written arrives escaped from Python (name_html, answers_html).
// A face is drawn by CSS from its value (ui/scaling/scaling.css), as ui/scaling/present.py face_html writes it.
function face(v) {
  const f = document.createElement('span');
  f.className = `fac-face fac-face-${v}`;
  f.setAttribute('aria-hidden', 'true');
  const eyes = document.createElement('span');
  eyes.className = 'fac-face-eyes';
  const mouth = document.createElement('span');
  mouth.className = 'fac-face-mouth';
  f.append(eyes, mouth);
  return f;
}

function render({ model, el }) {
  const line = document.createElement('div');
  line.className = 'fac-score-line';
  const name = document.createElement('div');
  name.className = 'fac-score-name';
  name.tabIndex = 0;
  name.setAttribute('role', 'button');
  const buttons = document.createElement('div');
  buttons.className = 'fac-score-buttons';
  buttons.setAttribute('role', 'group');
  const inputBox = document.createElement('div');
  inputBox.className = 'fac-score-input';
  const input = document.createElement('input');
  input.type = 'text';
  input.inputMode = 'numeric';
  input.className = 'widget-input';
  inputBox.append(input);
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.className = 'jupyter-button widget-button fac-btn fac-score-clear';
  const answers = document.createElement('button');
  answers.type = 'button';
  answers.className = 'jupyter-button widget-button fac-btn fac-answers-toggle';
  const answersText = document.createElement('div');
  answersText.className = 'fac-answers-text';
  line.append(name, buttons, inputBox, clear, answers);
  el.append(line, answersText);

  let valueButtons = [];
  const drawButtons = () => {
    const faces = !!model.get('faces');
    buttons.replaceChildren();
    valueButtons = [];
    for (let v = 0; v <= 10; v++) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = `jupyter-button widget-button fac-btn fac-score-btn fac-score-${v}` + (faces ? ' fac-face-btn' : '');
      if (faces) b.append(face(v));
      const n = document.createElement('span');
      n.className = 'fac-score-n';
      n.textContent = String(v);
      b.append(n);
      b.addEventListener('click', () => pick(v));
      buttons.append(b);
      valueButtons.push(b);
    }
    tips();
    chosen();
  };
  const tips = () => {
    const t = model.get('tips') || [];
    valueButtons.forEach((b, v) => { b.title = t[v] || String(v); b.setAttribute('aria-label', t[v] || String(v)); });
  };
  // A clicked score shows as chosen at once, as any toggle button does, and waits (fac-score-pending) for the
  // kernel: its new value, or its "reset" for a refused or unchanged score, shows what is stored. When
  // neither comes (the connection is lost, and the page says so), the stored score shows again.
  let waiting = null;
  const mark = (v, pending) => {
    valueButtons.forEach((b, i) => {
      b.classList.toggle('fac-score-chosen', i === v);
      b.classList.toggle('fac-score-pending', pending && i === v);
      b.setAttribute('aria-pressed', i === v ? 'true' : 'false');
    });
  };
  const pick = (v) => {
    mark(v, true);
    if (waiting !== null) clearTimeout(waiting);
    waiting = setTimeout(chosen, 5000);
    model.send({ event: 'score', value: v });
  };
  const chosen = () => {
    if (waiting !== null) { clearTimeout(waiting); waiting = null; }
    const v = model.get('value');
    mark(v, false);
    if (document.activeElement !== input) input.value = v >= 0 ? String(v) : '';
    clear.disabled = v < 0;
    answers.disabled = v < 0;
  };
  const texts = () => {
    name.innerHTML = model.get('name_html');
    answersText.innerHTML = model.get('answers_html');
    answersText.style.display = model.get('answers_html') ? '' : 'none';
    clear.textContent = model.get('clear_label');
    clear.title = model.get('clear_tip');
    answers.textContent = model.get('answers_label');
    answers.title = model.get('answers_tip');
    input.placeholder = model.get('typed_ph');
    input.title = model.get('typed_tip');
    input.setAttribute('aria-label', model.get('typed_tip'));
  };
  let applied = [];
  const classes = () => {
    for (const c of applied) el.classList.remove(c);
    applied = model.get('classes') || [];
    for (const c of applied) el.classList.add(c);
    answers.classList.toggle('mod-active', !!model.get('answers_open'));
    name.setAttribute('aria-current', model.get('selected') ? 'true' : 'false');
    if (model.get('selected') && el.isConnected) el.scrollIntoView({ block: 'nearest' });
  };

  name.addEventListener('click', () => model.send({ event: 'select' }));
  name.addEventListener('focus', () => { if (!model.get('selected')) model.send({ event: 'select' }); });
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.isComposing) return;
    e.preventDefault();
    model.send({ event: 'typed', text: input.value });
  });
  input.addEventListener('change', () => model.send({ event: 'typed', text: input.value }));
  clear.addEventListener('click', () => model.send({ event: 'clear' }));
  answers.addEventListener('click', () => model.send({ event: 'answers', open: !model.get('answers_open') }));
  const onMsg = (msg) => { if (msg && msg.event === 'reset') { chosen(); input.value = model.get('value') >= 0 ? String(model.get('value')) : ''; } };

  drawButtons();
  texts();
  classes();
  const handlers = [['change:faces', drawButtons], ['change:tips', tips], ['change:value', chosen], ['msg:custom', onMsg]];
  for (const t of ['name_html', 'answers_html', 'clear_label', 'clear_tip', 'answers_label', 'answers_tip', 'typed_ph', 'typed_tip']) {
    handlers.push([`change:${t}`, texts]);
  }
  for (const t of ['classes', 'answers_open', 'selected']) handlers.push([`change:${t}`, classes]);
  for (const [ev, fn] of handlers) model.on(ev, fn);
  return () => { if (waiting !== null) clearTimeout(waiting); for (const [ev, fn] of handlers) model.off(ev, fn); };
}
export default { render };
