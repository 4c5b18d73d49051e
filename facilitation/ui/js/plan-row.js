// One agreement of the safety plan as one widget: its card (HTML made in Python, every user text escaped),
// the agree buttons of the people present, and up/down/change/remove. Thirty agreements of twenty people
// are thirty models in the browser, not six hundred buttons.
function button(cls) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `jupyter-button widget-button fac-btn ${cls}`;
  return b;
}

function render({ model, el }) {
  const card = document.createElement('div');
  card.className = 'fac-plan-card-html';
  const agreeRow = document.createElement('div');
  agreeRow.className = 'fac-plan-agree-row';
  const controls = document.createElement('div');
  controls.className = 'fac-plan-controls';
  const up = button('fac-plan-up');
  const down = button('fac-plan-down');
  const edit = button('fac-plan-edit');
  const remove = button('fac-plan-delete');
  controls.append(up, down, edit, remove);
  el.append(card, agreeRow, controls);

  const send = (content) => model.send(content);
  up.addEventListener('click', () => send({ event: 'move', step: -1 }));
  down.addEventListener('click', () => send({ event: 'move', step: 1 }));
  edit.addEventListener('click', () => send({ event: 'edit' }));
  remove.addEventListener('click', () => send({ event: 'delete' }));

  const labels = () => {
    const l = model.get('labels') || {};
    for (const [b, key] of [[up, 'up'], [down, 'down'], [edit, 'edit'], [remove, 'delete']]) {
      b.textContent = l[key] || '';
      b.title = l[`${key}_tip`] || '';
    }
    drawAgree();
  };
  const position = () => {
    up.disabled = !!model.get('first');
    down.disabled = !!model.get('last');
  };
  const drawCard = () => { card.innerHTML = model.get('html'); };
  function drawAgree() {
    const l = model.get('labels') || {};
    const focused = document.activeElement && agreeRow.contains(document.activeElement)
      ? document.activeElement.dataset.person : null;
    agreeRow.replaceChildren();
    const label = document.createElement('span');
    label.className = 'fac-plan-agree-label';
    label.textContent = l.agreed_by || '';
    agreeRow.append(label);
    const people = model.get('agree') || [];
    for (const [pid, name, on] of people) {
      const b = button(`fac-plan-agree${on ? ' mod-success' : ''}`);
      b.dataset.person = pid;
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
      b.textContent = (on ? '✓ ' : '') + name;
      b.title = ((on ? l.agree_on_tip : l.agree_off_tip) || '').replace('{name}', name);
      b.addEventListener('click', () => send({ event: 'agree', person: pid, on: !on }));
      agreeRow.append(b);
      if (focused === pid) b.focus();
    }
    if (!people.length) {
      const none = document.createElement('span');
      none.className = 'fac-plan-note';
      none.textContent = l.nobody_present || '';
      agreeRow.append(none);
    }
  }
  drawCard();
  labels();
  position();
  model.on('change:html', drawCard);
  model.on('change:agree', drawAgree);
  model.on('change:labels', labels);
  model.on('change:first', position);
  model.on('change:last', position);
  return () => {
    model.off('change:html', drawCard);
    model.off('change:agree', drawAgree);
    model.off('change:labels', labels);
    model.off('change:first', position);
    model.off('change:last', position);
  };
}
export default { render };
