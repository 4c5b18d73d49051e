// The page's watchdog (put in the page by serve.prepare_template; see ui/page/__init__.py).
// - A page that did not become usable (.fac-ready) in time is reloaded, at most twice in a row.
// - Leaving the page ends its kernel at once (Voilà would keep it until culled), with the page's own end key:
//   no other page or program can end it.
// - Voilà's own goodbye (a beforeunload listener) ends the kernel and drops the connection even when the
//   user then chooses to stay on the page; ours runs first and stops it. drafts.js says whether to ask.
// - The key leaves the address bar (it would be on the wall when projected); the page's cookie, set with
//   this very response, keeps reloads working.
(function () {
  'use strict';
  var fac = (window.facPage = window.facPage || {});
  fac.config = JSON.parse(document.getElementById('fac-page-config').textContent);
  fac.leaving = false;

  try {
    var here = new URL(location.href);
    if (here.searchParams.has('token')) {
      here.searchParams.delete('token');
      history.replaceState(history.state, '', here.pathname + here.search + here.hash);
    }
  } catch (e) { /* an old browser: the key stays visible, nothing else changes */ }

  fac.lang = function () {
    var lang = (document.documentElement.getAttribute('lang') || 'nl').slice(0, 2).toLowerCase();
    return fac.config.texts[lang] ? lang : 'nl';
  };
  fac.t = function (key) {
    var texts = fac.config.texts[fac.lang()] || {};
    return texts[key] || fac.config.texts.nl[key] || key;
  };
  fac.kernel = function () {
    var el = document.getElementById('jupyter-config-data');
    if (!el) return null;
    try {
      var cfg = JSON.parse(el.textContent);
      return cfg.kernelId ? { id: cfg.kernelId, base: cfg.baseUrl || '/', endKey: cfg.facEndKey || '' } : null;
    } catch (e) { return null; }
  };
  // Reloads the page on purpose (after the connection came back): drafts are kept, nothing to ask.
  fac.reload = function () {
    fac.leaving = true;
    if (fac.saveDrafts) fac.saveDrafts();
    location.reload();
  };

  var KEY = 'fac-reloads', LIMIT = 2;
  function ready() { return document.querySelector('.fac-ready') !== null; }
  setTimeout(function check() {
    if (ready()) { sessionStorage.removeItem(KEY); return; }
    var n = parseInt(sessionStorage.getItem(KEY) || '0', 10);
    if (n < LIMIT) { sessionStorage.setItem(KEY, String(n + 1)); fac.reload(); }
  }, fac.config.watchdogMs);
  var t = setInterval(function () { if (ready()) { sessionStorage.removeItem(KEY); clearInterval(t); } }, 500);

  window.addEventListener('beforeunload', function (e) {
    // Voilà's listener would end the kernel even if the user stays; under JupyterHub it is the only goodbye
    // (no door there to check a page's end key), so it is left to run.
    if (!fac.config.hub) e.stopImmediatePropagation();
    if (!fac.leaving && fac.unsaved && fac.unsaved()) {
      if (fac.saveDrafts) fac.saveDrafts();
      e.preventDefault();
      e.returnValue = '';
    }
  });

  window.addEventListener('pagehide', function () {
    if (fac.saveDrafts) fac.saveDrafts();
    var k = fac.kernel();
    if (!k || !k.endKey) return;
    var url = k.base + 'voila/api/shutdown/' + k.id;
    // A beacon survives the page going away better than a request; the key travels as a form field.
    var body = new URLSearchParams({ key: k.endKey });
    var sent = false;
    try { sent = navigator.sendBeacon && navigator.sendBeacon(url, body); } catch (err) { sent = false; }
    if (!sent) {
      try { fetch(url, { method: 'POST', body: body, keepalive: true, credentials: 'same-origin' }); } catch (err) { /* gone */ }
    }
  });
})();
