// Opens the family screen in its own window (to drag to the projector) and shows its address to copy.
// The address is this page's own, its parameters (a token) kept, with view=family and the case and
// meeting open here: the browser builds it, as only the browser knows the address it was opened at.
function familyUrl(model) {
  const u = new URL(window.location.href);
  u.hash = '';
  u.searchParams.set('view', 'family');
  const c = model.get('case_id'), m = model.get('meeting_id');
  if (c) u.searchParams.set('case', c); else u.searchParams.delete('case');
  if (m) u.searchParams.set('meeting', m); else u.searchParams.delete('meeting');
  u.searchParams.set('lang', model.get('lang') || 'nl');
  return u.toString();
}
function render({ model, el }) {
  el.classList.add('fac-family-link');
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.className = 'fac-open-family-view jupyter-button widget-button';
  const url = document.createElement('input');
  url.type = 'text';
  url.readOnly = true;
  url.className = 'fac-family-url';
  url.addEventListener('focus', () => url.select());
  el.append(btn, url);
  let win = null;
  const sync = () => {
    btn.textContent = '⧉ ' + model.get('label');
    btn.title = model.get('tip');
    url.setAttribute('aria-label', model.get('url_label'));
    url.title = model.get('url_label');
    url.value = familyUrl(model);
  };
  btn.addEventListener('click', () => {
    const target = familyUrl(model);
    if (win && !win.closed) {
      if (win.location.href !== target) win.location.href = target;
      win.focus();
    } else {
      win = window.open(target, 'fac-family-screen', 'popup,width=1280,height=720');
    }
    model.set('opened', model.get('opened') + 1);
    model.save_changes();
  });
  for (const name of ['label', 'tip', 'url_label', 'case_id', 'meeting_id', 'lang']) model.on('change:' + name, sync);
  sync();
}
export default { render };
