// The pages of a story side by side: click a page to open it, move it earlier or later with its arrows,
// or drag it to its place. Each card's HTML is made in Python with every user text escaped.
function render({ model, el }) {
  el.classList.add('fac-storyboard');
  const row = document.createElement('div');
  row.className = 'fac-board-row';
  let dragged = null;

  const button = (cls, text, title, onClick) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `jupyter-button widget-button fac-btn ${cls}`;
    b.textContent = text; b.title = title; b.setAttribute('aria-label', title);
    b.addEventListener('click', (ev) => { ev.stopPropagation(); onClick(); });
    return b;
  };
  const draw = () => {
    const cards = model.get('cards') || [];
    const labels = model.get('labels') || {};
    const readonly = !!model.get('readonly');
    el.classList.toggle('fac-board-readonly', readonly);
    row.replaceChildren(...cards.map((c, i) => {
      const card = document.createElement('div');
      card.className = 'fac-board-card' + (c.selected ? ' fac-board-selected' : '');
      card.dataset.id = c.id;
      card.tabIndex = 0;
      card.setAttribute('role', 'button');
      card.setAttribute('aria-pressed', String(!!c.selected));
      const body = document.createElement('div');
      body.className = 'fac-board-body';
      body.innerHTML = c.html;
      card.appendChild(body);
      card.addEventListener('click', () => model.send({ event: 'select', id: c.id }));
      card.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); model.send({ event: 'select', id: c.id }); }
      });
      if (!readonly) {
        const moves = document.createElement('div');
        moves.className = 'fac-board-moves';
        const left = button('fac-board-left', '◀', labels.earlier || '', () => model.send({ event: 'move', id: c.id, step: -1 }));
        const right = button('fac-board-right', '▶', labels.later || '', () => model.send({ event: 'move', id: c.id, step: 1 }));
        left.disabled = i === 0; right.disabled = i === cards.length - 1;
        moves.append(left, right);
        card.appendChild(moves);
        card.draggable = true;
        card.addEventListener('dragstart', (ev) => { dragged = i; ev.dataTransfer.effectAllowed = 'move'; });
        card.addEventListener('dragover', (ev) => { if (dragged !== null) { ev.preventDefault(); card.classList.add('fac-board-over'); } });
        card.addEventListener('dragleave', () => card.classList.remove('fac-board-over'));
        card.addEventListener('drop', (ev) => {
          ev.preventDefault(); card.classList.remove('fac-board-over');
          if (dragged !== null && dragged !== i) model.send({ event: 'move', id: cards[dragged].id, step: i - dragged });
          dragged = null;
        });
        card.addEventListener('dragend', () => { dragged = null; });
      }
      return card;
    }));
  };
  el.appendChild(row);
  draw();
  for (const n of ['cards', 'labels', 'readonly']) model.on(`change:${n}`, draw);
  return () => { for (const n of ['cards', 'labels', 'readonly']) model.off(`change:${n}`, draw); };
}
export default { render };
