// The add field of the three columns (ui/columns/addfield.py): Enter sends the text typed, as typed, with
// the request to add it, and empties the field at once. Text typed while the kernel is busy can no longer
// arrive after the request (a second Enter then added it twice), and a second Enter on the emptied field
// adds nothing. When the kernel refuses the text it sends it back ('restore') and the field shows it again.
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
    model.send({ event: 'submit', text });
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
    model.off('change:value', fromModel);
    model.off('change:placeholder', looks);
    model.off('change:label', looks);
    model.off('change:disabled', looks);
    model.off('msg:custom', onMsg);
  };
}
export default { render };
