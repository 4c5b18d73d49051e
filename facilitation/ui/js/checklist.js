// A list of checkboxes in groups (who is present; what an agreement answers): one widget, real
// <input type=checkbox> elements (Tab, Space), an "all" and a "none" button. Every text is set with
// textContent: names typed by users never become markup.
function render({ model, el }) {
  el.classList.add('fac-checklist');
  const tools = document.createElement('div');
  tools.className = 'fac-checklist-tools';
  const allBtn = document.createElement('button');
  allBtn.type = 'button';
  allBtn.className = 'jupyter-button widget-button fac-btn fac-checklist-all';
  const noneBtn = document.createElement('button');
  noneBtn.type = 'button';
  noneBtn.className = 'jupyter-button widget-button fac-btn fac-checklist-none';
  const count = document.createElement('span');
  count.className = 'fac-checklist-count';
  count.setAttribute('aria-live', 'polite');
  tools.append(allBtn, noneBtn, count);
  const body = document.createElement('div');
  body.className = 'fac-checklist-body';
  const empty = document.createElement('div');
  empty.className = 'fac-checklist-empty';
  el.append(tools, body, empty);

  let boxes = new Map();
  const ids = () => Array.from(boxes.keys());
  const send = (value) => {
    model.set('value', value);
    model.save_changes();
  };
  const showCount = () => {
    const n = (model.get('value') || []).length;
    count.textContent = (model.get('count_template') || '').replace('{n}', String(n));
  };
  const tick = () => {
    const on = new Set(model.get('value') || []);
    for (const [id, box] of boxes) box.checked = on.has(id);
    showCount();
  };
  const draw = () => {
    const focused = document.activeElement && el.contains(document.activeElement)
      ? document.activeElement.dataset.id : null;
    body.replaceChildren();
    boxes = new Map();
    const itemClass = model.get('item_class') || '';
    for (const group of model.get('groups') || []) {
      const set = document.createElement('fieldset');
      set.className = 'fac-checklist-group';
      if (group.title) {
        const legend = document.createElement('legend');
        legend.textContent = group.title;
        set.append(legend);
      }
      for (const item of group.items || []) {
        const label = document.createElement('label');
        label.className = ['fac-checklist-item', itemClass, item.cls || ''].filter(Boolean).join(' ');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.dataset.id = item.id;
        box.addEventListener('change', () => {
          const on = new Set(model.get('value') || []);
          if (box.checked) on.add(item.id); else on.delete(item.id);
          send(ids().filter((id) => on.has(id)).concat([...on].filter((id) => !boxes.has(id))));
        });
        const text = document.createElement('span');
        text.textContent = item.label;
        text.dir = 'auto';
        label.append(box, text);
        set.append(label);
        boxes.set(item.id, box);
      }
      body.append(set);
    }
    empty.textContent = boxes.size ? '' : (model.get('empty_text') || '');
    empty.style.display = boxes.size ? 'none' : '';
    tick();
    if (focused && boxes.has(focused)) boxes.get(focused).focus();
  };
  const labels = () => {
    allBtn.textContent = model.get('all_label') || '';
    noneBtn.textContent = model.get('none_label') || '';
    allBtn.style.display = model.get('all_label') ? '' : 'none';
    noneBtn.style.display = model.get('none_label') ? '' : 'none';
    tools.style.display = model.get('all_label') || model.get('none_label') || model.get('count_template') ? '' : 'none';
    showCount();
  };
  const disable = () => {
    const off = !!model.get('disabled');
    allBtn.disabled = noneBtn.disabled = off;
    for (const box of boxes.values()) box.disabled = off;
  };
  allBtn.addEventListener('click', () => send(ids()));
  noneBtn.addEventListener('click', () => send([]));
  draw();
  labels();
  disable();
  const onGroups = () => { draw(); disable(); };
  model.on('change:groups', onGroups);
  model.on('change:item_class', onGroups);
  model.on('change:value', tick);
  model.on('change:all_label', labels);
  model.on('change:none_label', labels);
  model.on('change:count_template', labels);
  model.on('change:empty_text', onGroups);
  model.on('change:disabled', disable);
  return () => {
    for (const name of ['groups', 'item_class', 'empty_text']) model.off(`change:${name}`, onGroups);
    model.off('change:value', tick);
    for (const name of ['all_label', 'none_label', 'count_template']) model.off(`change:${name}`, labels);
    model.off('change:disabled', disable);
  };
}
export default { render };
