// The page says at once when it lost its server or its kernel (see ui/page/__init__.py).
// Every heartbeatMs it asks GET <base><alivePath><kernel> (voila_app's facilitation/alive/, or Jupyter's api/kernels/ under JupyterHub):
//   200: all well (again): the notice goes, the inputs come back;
//   410 or 404: the server lives but this page's kernel is gone (culled, died): reload, drafts are offered;
//   403: the server was started again with a new key: say how to get back (the drafts stay in this tab);
//   no answer: the server is gone or hangs: nothing is saved any more. Say so, make the inputs read-only
//   (what was typed stays in them and in the drafts), keep asking, and reload once the server is back.
(function () {
  'use strict';
  var fac = (window.facPage = window.facPage || {});
  var cfg = fac.config;
  var state = 'ok';
  var banner = null;

  function show(kind) {
    if (!banner) {
      banner = document.createElement('div');
      banner.className = 'fac-conn-banner fac-page-notice';
      banner.setAttribute('role', 'alert');
      banner.setAttribute('aria-live', 'assertive');
      var title = document.createElement('strong');
      title.className = 'fac-conn-title';
      var text = document.createElement('span');
      text.className = 'fac-conn-text';
      var waiting = document.createElement('span');
      waiting.className = 'fac-conn-waiting';
      banner.append(title, text, waiting);
      document.body.appendChild(banner);
    }
    banner.dataset.state = kind;
    banner.querySelector('.fac-conn-title').textContent = fac.t('page.' + kind + '.title');
    banner.querySelector('.fac-conn-text').textContent = fac.t('page.' + kind + '.text');
    banner.querySelector('.fac-conn-waiting').textContent = kind === 'lost' ? fac.t('page.lost.waiting') : '';
  }

  function setOffline(on) {
    var html = document.documentElement;
    html.classList.toggle('fac-offline', on);
    document.querySelectorAll('.fac-root').forEach(function (root) {
      if (on) root.setAttribute('inert', ''); else root.removeAttribute('inert');
    });
    var controls = document.querySelectorAll('.fac-root input, .fac-root textarea, .fac-root select, .fac-root button');
    controls.forEach(function (el) {
      if (on && !el.disabled) {
        el.dataset.facOffline = '1';
        el.disabled = true;
      } else if (!on && el.dataset.facOffline) {
        delete el.dataset.facOffline;
        el.disabled = false;
      }
    });
  }

  function enter(next) {
    if (next === state) return;
    state = next;
    fac.connection = state;
    if (fac.saveDrafts) fac.saveDrafts();
    if (next === 'ok') {
      // The same kernel answers again (the server had only stalled): carry on where the user was.
      setOffline(false);
      if (banner) { banner.remove(); banner = null; }
      return;
    }
    setOffline(true);
    show(next);
    if (next === 'gone') setTimeout(fac.reload, 1200);
  }

  function beat() {
    var k = fac.kernel();
    if (!k || state === 'gone' || state === 'newkey') return schedule();
    var ctrl = new AbortController();
    var timer = setTimeout(function () { ctrl.abort(); }, cfg.heartbeatTimeoutMs);
    fetch(k.base + cfg.alivePath + k.id, { cache: 'no-store', credentials: 'same-origin', signal: ctrl.signal })
      .then(function (r) {
        if (r.status === 200) enter('ok');
        else if (r.status === 410 || r.status === 404) enter('gone');
        else if (r.status === 403) enter('newkey');
        else enter('lost');
      })
      .catch(function () { enter('lost'); })
      .finally(function () { clearTimeout(timer); schedule(); });
  }

  var pending = null;
  function schedule() {
    clearTimeout(pending);
    pending = setTimeout(beat, cfg.heartbeatMs);
  }
  fac.checkConnection = beat;
  schedule();
})();
