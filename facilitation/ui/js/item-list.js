// The rows of one element group of the three columns (ui/columns/rows.py, ItemListWidget).
// Each row is a plain element kept by its item's id: a change redraws only the rows whose HTML or
// classes changed, so an edit of one item touches one row and a row keeps its place and its focus.
// The HTML is made in Python with every user text escaped (ui/columns/rows.py, render).
function render({ model, el }) {
  el.classList.add('fac-item-list');
  const shown = new Map();  // id -> {node, body, btn, html, classes}
  const label = (btn) => {
    btn.textContent = model.get('edit_label');
    btn.title = model.get('edit_tip');
    btn.setAttribute('aria-label', model.get('edit_tip'));
  };
  const make = (id) => {
    const node = document.createElement('div');
    node.dataset.itemId = id;
    const body = document.createElement('div');
    body.className = 'fac-item-html';
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'jupyter-button widget-button fac-btn fac-item-edit';
    label(btn);
    node.append(body, btn);
    return { node, body, btn, html: null, classes: null };
  };
  const draw = () => {
    const rows = model.get('rows') || [];
    const wanted = new Set();
    let before = el.firstChild;
    for (const row of rows) {
      wanted.add(row.id);
      let r = shown.get(row.id);
      if (!r) { r = make(row.id); shown.set(row.id, r); }
      if (r.html !== row.html) { r.body.innerHTML = row.html; r.html = row.html; }
      const classes = ['fac-item', ...(row.classes || [])].join(' ');
      if (r.classes !== classes) { r.node.className = classes; r.classes = classes; }
      if (r.node !== before) el.insertBefore(r.node, before);
      else before = before.nextSibling;
    }
    for (const [id, r] of shown) {
      if (!wanted.has(id)) { r.node.remove(); shown.delete(id); }
    }
    // A row painted at Enter (ui/js/add-field.js) gives way to its item's own row.
    for (const node of el.querySelectorAll(':scope > .fac-item-ahead[data-for-id]')) {
      if (shown.has(node.dataset.forId)) node.remove();
    }
  };
  const relabel = () => { for (const r of shown.values()) label(r.btn); };
  const onClick = (ev) => {
    const btn = ev.target.closest('.fac-item-edit');
    const node = btn && btn.parentElement;
    if (node && node.parentElement === el) model.send({ event: 'edit', id: node.dataset.itemId });
  };
  draw();
  el.addEventListener('click', onClick);
  model.on('change:rows', draw);
  model.on('change:edit_label', relabel);
  model.on('change:edit_tip', relabel);
  return () => {
    el.removeEventListener('click', onClick);
    model.off('change:rows', draw);
    model.off('change:edit_label', relabel);
    model.off('change:edit_tip', relabel);
  };
}
export default { render };
