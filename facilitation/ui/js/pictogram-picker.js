// Choose pictures from the shipped pictograms: a tab per group, a big button per picture; a click puts it
// on the page or takes it off. The pictures come as data: URIs from the kernel (nothing is fetched).
function render({ model, el }) {
  el.classList.add('fac-picker');
  const tabs = document.createElement('div');
  tabs.className = 'fac-picker-groups';
  tabs.setAttribute('role', 'tablist');
  const grid = document.createElement('div');
  grid.className = 'fac-picker-grid';
  let group = null;

  const draw = () => {
    const groups = model.get('groups') || [];
    const items = model.get('items') || [];
    const chosen = new Set(model.get('chosen') || []);
    const readonly = !!model.get('readonly');
    if (!groups.some((g) => g.key === group)) group = groups.length ? groups[0].key : null;
    tabs.replaceChildren(...groups.map((g) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'jupyter-button widget-button fac-btn fac-picker-group' + (g.key === group ? ' fac-picker-on' : '');
      b.textContent = g.label;
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-selected', String(g.key === group));
      b.addEventListener('click', () => { group = g.key; draw(); });
      return b;
    }));
    grid.replaceChildren(...items.filter((it) => it.group === group).map((it) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'fac-picker-item' + (chosen.has(it.name) ? ' fac-picker-chosen' : '');
      b.dataset.name = it.name;
      b.title = it.label;
      b.disabled = readonly;
      b.setAttribute('aria-pressed', String(chosen.has(it.name)));
      const img = document.createElement('img');
      img.src = it.src; img.alt = ''; img.draggable = false;
      const label = document.createElement('span');
      label.textContent = it.label;
      b.append(img, label);
      b.addEventListener('click', () => {
        const now = model.get('chosen') || [];
        const next = now.includes(it.name) ? now.filter((n) => n !== it.name) : [...now, it.name];
        model.set('chosen', next);
        model.save_changes();
        draw();
      });
      return b;
    }));
  };
  el.append(tabs, grid);
  draw();
  for (const name of ['groups', 'items', 'chosen', 'readonly']) model.on(`change:${name}`, draw);
  return () => { for (const name of ['groups', 'items', 'chosen', 'readonly']) model.off(`change:${name}`, draw); };
}
export default { render };
