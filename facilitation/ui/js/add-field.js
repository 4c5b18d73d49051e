// The add field of the three columns (ui/columns/addfield.py): Enter sends the text typed, as typed, with
// the request to add it, and empties the field at once. Text typed while the kernel is busy can no longer
// arrive after the request (a second Enter then added it twice), and a second Enter on the emptied field
// adds nothing. When the kernel refuses the text it sends it back ('restore') and the field shows it again.
// The words are painted at once (issue 16.8): where the kernel says the next item lands ('ahead', a selector
// of its element group), Enter puts a row marked as being saved ('ahead_label'), text set as text, never as
// HTML. The kernel answers every Enter ('done', with the new item's id or none): the row then gives way to the
// item's own row (ui/js/item-list.js removes it when that row is drawn) or, refused, simply goes.
function render({ model, el }) {
  const input = document.createElement('input');
  input.type = 'text';
  input.className = 'fac-add-input widget-input';
  input.setAttribute('dir', 'auto');
  input.setAttribute('autocomplete', 'off');
  // Letters typed right after Enter must not be wiped by the kernel's emptying of the field, which can
  // arrive a moment later ("an: Het…" was stored as ": Het…"): an empty value from the kernel is ignored
  // while the field holds text typed since the last Enter, and that text is sent again.
  let typedSinceEnter = false;
  const ahead = new Map();  // token -> the row painted ahead of the kernel
  let sent = 0;
  const paintAhead = (text) => {
    let group = null;
    try { group = model.get('ahead') ? document.querySelector(model.get('ahead')) : null; } catch (e) { group = null; }
    const lists = group ? group.querySelectorAll('.fac-item-list') : [];
    if (!lists.length) return null;
    const node = document.createElement('div');
    node.className = 'fac-item-ahead';
    node.setAttribute('aria-busy', 'true');
    const body = document.createElement('div');
    body.className = 'fac-item-html';
    const words = document.createElement('div');
    words.className = 'fac-item-text';
    words.dir = 'auto';
    words.textContent = text;
    const meta = document.createElement('div');
    meta.className = 'fac-item-meta';
    const chip = document.createElement('span');
    chip.className = 'fac-chip fac-chip-ahead';
    chip.textContent = model.get('ahead_label') || '';
    meta.append(chip);
    body.append(words, meta);
    node.append(body);
    lists[lists.length - 1].append(node);
    return node;
  };
  const answered = (token, id) => {
    const node = ahead.get(token);
    ahead.delete(token);
    if (!node) return;
    const list = node.parentElement;
    if (typeof id === 'string' && list && !list.querySelector(`:scope > [data-item-id="${CSS.escape(id)}"]`)) {
      node.dataset.forId = id;  // its own row is on its way: item-list.js removes this one when it draws it
    } else {
      node.remove();
    }
  };
  const fromModel = () => {
    const v = model.get('value') || '';
    if (input.value === v) return;
    if (!v && typedSinceEnter && input.value) {
      model.set('value', input.value);
      model.save_changes();
      return;
    }
    input.value = v;
  };
  const looks = () => {
    input.placeholder = model.get('placeholder') || '';
    input.setAttribute('aria-label', model.get('label') || model.get('placeholder') || '');
    input.disabled = !!model.get('disabled');
  };
  input.addEventListener('input', () => {
    typedSinceEnter = true;
    model.set('value', input.value);
    model.save_changes();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.isComposing || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    // The request first, so the kernel adds at once; then the emptied value, which also replaces any value
    // the page still holds back for the kernel (the text typed) so that it cannot come back.
    const token = ++sent;
    const node = paintAhead(text);
    if (node) ahead.set(token, node);
    model.send({ event: 'submit', text, token });
    typedSinceEnter = false;
    input.value = '';
    model.set('value', '');
    model.save_changes();
  });
  const onMsg = (msg) => {
    if (!msg) return;
    if (msg.event === 'restore' && typeof msg.text === 'string' && !input.value) {
      input.value = msg.text;
      model.set('value', msg.text);
      model.save_changes();
    } else if (msg.event === 'done') {
      answered(msg.token, msg.id);
    } else if (msg.event === 'focus') {
      input.focus();
    }
  };
  fromModel();
  looks();
  model.on('change:value', fromModel);
  model.on('change:placeholder', looks);
  model.on('change:label', looks);
  model.on('change:disabled', looks);
  model.on('msg:custom', onMsg);
  el.append(input);
  return () => {
    for (const node of ahead.values()) node.remove();
    ahead.clear();
    model.off('change:value', fromModel);
    model.off('change:placeholder', looks);
    model.off('change:label', looks);
    model.off('change:disabled', looks);
    model.off('msg:custom', onMsg);
  };
}
export default { render };
