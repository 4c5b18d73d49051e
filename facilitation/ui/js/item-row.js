function render({ model, el }) {
  const body = document.createElement('div');
  body.className = 'fac-item-html';
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.className = 'jupyter-button widget-button fac-btn fac-item-edit';
  btn.addEventListener('click', () => model.send({ event: 'edit' }));
  // The HTML is made in Python with every user text escaped (ui/columns/rows.py, render).
  const draw = () => { body.innerHTML = model.get('html'); };
  // Classes come from our own trait, read when drawn: a row moved to another group gets a new view,
  // and class changes sent while that view was being made must not be lost.
  let applied = [];
  const classes = () => {
    for (const c of applied) el.classList.remove(c);
    applied = model.get('classes') || [];
    for (const c of applied) el.classList.add(c);
  };
  const label = () => {
    btn.textContent = model.get('edit_label');
    btn.title = model.get('edit_tip');
    btn.setAttribute('aria-label', model.get('edit_tip'));
  };
  draw();
  label();
  classes();
  model.on('change:html', draw);
  model.on('change:classes', classes);
  model.on('change:edit_label', label);
  model.on('change:edit_tip', label);
  el.append(body, btn);
  return () => {
    model.off('change:html', draw);
    model.off('change:classes', classes);
    model.off('change:edit_label', label);
    model.off('change:edit_tip', label);
  };
}
export default { render };
