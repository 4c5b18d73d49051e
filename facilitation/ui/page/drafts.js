// Typed text survives a reload or a lost connection (see ui/page/__init__.py).
// Every text field and text area inside .fac-root keeps what the user types as a draft in this tab's
// sessionStorage, keyed by the case and meeting the screen shows (<html data-fac-case/-meeting>, set by
// ui/js/page-context.js), the part and the field's own fac-* classes: a draft is never offered in another
// case. A draft goes when its text is stored:
//   - the kernel puts that very text in the field, or clears or replaces it after the user handed the text
//     over (Enter, leaving the field, a button): the form was stored or emptied;
//   - this screen stores an edit within moments of the user's typing or handing over, with the text still
//     in the field (a field stored as it is typed or left);
//   - after a reload, the same field shows the same text.
// A field the kernel overwrote while the user was still typing keeps its draft. After a reload, the drafts
// of the case on screen are listed in a banner: put back, copy, or discard. Leaving with drafts asks first.
(function () {
  'use strict';
  var fac = (window.facPage = window.facPage || {});
  var STORE = 'fac-drafts', MAX = 60, RECENT_MS = 1500;
  var pageId = Math.random().toString(36).slice(2, 10);
  var drafts = load();
  var live = new WeakMap(); // field element -> {id, typedAt, handedAt}
  var stored = null;
  var banner = null;

  function load() {
    try { return JSON.parse(sessionStorage.getItem(STORE) || '{}') || {}; } catch (e) { return {}; }
  }
  var saveTimer = null;
  fac.saveDrafts = function () {
    clearTimeout(saveTimer);
    var ids = Object.keys(drafts).sort(function (a, b) { return drafts[b].t - drafts[a].t; });
    ids.slice(MAX).forEach(function (id) { delete drafts[id]; });
    try {
      if (Object.keys(drafts).length) sessionStorage.setItem(STORE, JSON.stringify(drafts));
      else sessionStorage.removeItem(STORE);
    } catch (e) { /* storage full: the drafts in memory still ask before leaving */ }
  };
  function saveSoon() { clearTimeout(saveTimer); saveTimer = setTimeout(fac.saveDrafts, 250); }
  fac.unsaved = function () {
    return Object.keys(drafts).some(function (id) { return drafts[id].text.trim() !== ''; });
  };
  fac.drafts = function () { return drafts; };

  function context() {
    var d = document.documentElement.dataset;
    return (d.facCase || '') + '|' + (d.facMeeting || '');
  }
  function isField(el) {
    if (!el || !el.closest || !el.closest('.fac-root')) return false;
    if (el.tagName === 'TEXTAREA') return true;
    var type = (el.getAttribute('type') || 'text').toLowerCase();
    return el.tagName === 'INPUT' && (type === 'text' || type === 'search');
  }
  function facClasses(el) {
    return Array.prototype.filter.call(el.classList, function (c) { return c.indexOf('fac-') === 0; }).sort();
  }
  // "fac-network>fac-person-name": the part the field is in and the field's own classes (on its widget).
  function fieldName(el) {
    var own = el.parentElement;
    while (own && !facClasses(own).length) own = own.parentElement;
    if (!own || own.classList.contains('fac-root')) return '';
    var part = own.closest('.fac-part');
    var partName = part ? facClasses(part).filter(function (c) { return c !== 'fac-part'; })[0] || '' : '';
    return partName + '>' + facClasses(own).join('.');
  }
  function fieldsNamed(name) {
    return Array.prototype.filter.call(document.querySelectorAll('.fac-root input, .fac-root textarea'), function (el) {
      return isField(el) && fieldName(el) === name;
    });
  }
  function labelOf(el) {
    var box = el.closest('.widget-inline-hbox, .widget-textarea, .widget-text') || el.parentElement;
    var label = box && box.querySelector('label.widget-label');
    var text = (label && label.textContent.trim()) || el.getAttribute('placeholder') || el.getAttribute('aria-label') || '';
    return text.slice(0, 80);
  }

  // ---- what the user types -------------------------------------------------------------------------
  function typed(el) {
    var name = fieldName(el);
    if (!name) return;
    var info = live.get(el);
    if (!info) {
      var same = fieldsNamed(name);
      info = { id: pageId + '|' + context() + '|' + name + '#' + same.indexOf(el), typedAt: 0, handedAt: 0 };
      live.set(el, info);
    }
    info.typedAt = Date.now();
    var ctx = context();
    var d = drafts[info.id] || { ctx: ctx, field: name, idx: Number(info.id.split('#').pop()), page: pageId };
    d.text = el.value;
    d.label = labelOf(el);
    d.pro = !!el.closest('.fac-professional-only');
    d.t = Date.now();
    d.overwritten = false;
    drafts[info.id] = d;
    saveSoon();
  }
  function handed(el) {
    var info = live.get(el);
    if (info) info.handedAt = Date.now();
  }
  function drop(id) {
    if (drafts[id]) { delete drafts[id]; fac.saveDrafts(); render(); }
  }
  document.addEventListener('input', function (e) {
    if (e.isTrusted && isField(e.target)) typed(e.target);
  }, true);
  document.addEventListener('change', function (e) { if (isField(e.target)) handed(e.target); }, true);
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && e.target.tagName === 'INPUT' && isField(e.target)) handed(e.target);
  }, true);

  // ---- what the kernel puts in a field (every value set by script goes through here) -------------
  function kernelSet(el) {
    var info = live.get(el);
    var d = info && drafts[info.id];
    if (!d) return;
    if (el.value === d.text || info.handedAt >= info.typedAt) drop(info.id);
    else { d.overwritten = true; saveSoon(); render(); }
  }
  [window.HTMLInputElement, window.HTMLTextAreaElement].forEach(function (C) {
    var desc = Object.getOwnPropertyDescriptor(C.prototype, 'value');
    Object.defineProperty(C.prototype, 'value', {
      configurable: true,
      enumerable: desc.enumerable,
      get: desc.get,
      set: function (v) {
        var before = desc.get.call(this);
        desc.set.call(this, v);
        if (!fac.puttingBack && before !== desc.get.call(this) && isField(this)) kernelSet(this);
      },
    });
  });

  // An edit this screen stored just after the user typed or handed over text that is still in its field.
  document.addEventListener('fac-context', function (e) {
    var now = Date.now(), count = e.detail.stored;
    if (stored !== null && count > stored) {
      document.querySelectorAll('.fac-root input, .fac-root textarea').forEach(function (el) {
        var info = live.get(el);
        var d = info && drafts[info.id];
        if (d && el.value === d.text && now - Math.max(info.typedAt, info.handedAt) < RECENT_MS) drop(info.id);
      });
    }
    stored = count;
    render();
  });

  // ---- after a reload: offer what was not stored ---------------------------------------------------
  function offered() {
    var ctx = context();
    return Object.keys(drafts).filter(function (id) {
      var d = drafts[id];
      return d.ctx === ctx && d.text.trim() !== '' && (d.page !== pageId || d.overwritten);
    });
  }
  function target(d) {
    return fieldsNamed(d.field)[d.idx] || null;
  }
  // A field that shows the draft's text again holds it stored.
  function reconcile() {
    offered().forEach(function (id) {
      var d = drafts[id], el = d.page !== pageId ? target(d) : null;
      if (el && el.value === d.text) drop(id);
    });
  }
  function partTitle(d) {
    var key = 'part.' + d.field.split('>')[0].replace(/^fac-/, '');
    var title = fac.t(key);
    return title === key ? '' : title;
  }
  // The part's tab, opened when the draft's field is not on screen yet (parts are built when first shown).
  function openPart(d) {
    var title = partTitle(d);
    var tabs = document.querySelectorAll('.fac-root .lm-TabBar-tab');
    for (var i = 0; i < tabs.length; i++) {
      if (title && tabs[i].textContent.trim() === title) { press(tabs[i]); return true; }
    }
    return false;
  }
  // A tab bar selects on a press where the pointer is (not on a click event).
  function press(el) {
    var box = el.getBoundingClientRect();
    var at = { bubbles: true, cancelable: true, button: 0, clientX: box.left + 4, clientY: box.top + box.height / 2 };
    ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'].forEach(function (type) {
      var Kind = type.indexOf('pointer') === 0 && window.PointerEvent ? window.PointerEvent : MouseEvent;
      el.dispatchEvent(new Kind(type, at));
    });
  }
  function usable(el) { return el && !el.disabled && el.offsetParent !== null; }
  function putBack(id, row, tries) {
    var d = drafts[id];
    if (!d) return;
    var el = target(d);
    if (!usable(el)) {
      if (!tries && openPart(d)) { tries = 1; }
      if (tries && tries < 80) { setTimeout(function () { putBack(id, row, tries + 1); }, 150); return; }
      row.querySelector('.fac-draft-hint').textContent = fac.t('page.drafts.open_first');
      return;
    }
    fac.puttingBack = true;
    try { el.value = d.text; } finally { fac.puttingBack = false; }
    delete drafts[id];
    live.delete(el);
    typed(el);
    // As if typed and handed over: the widget sends it to the kernel, which stores it as it would typed text.
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    el.focus();
    render();
  }
  function copy(id, button) {
    var text = drafts[id].text;
    var done = function () { button.textContent = fac.t('page.drafts.copied'); };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, function () {});
  }
  function button(key, cls, fn) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = fac.t(key);
    b.addEventListener('click', fn);
    return b;
  }
  var shown = '';
  function render() {
    var ids = fac.connection && fac.connection !== 'ok' ? [] : offered();
    // Professional-only text (notes) is never listed while the screen is projected for the family.
    var projecting = !!document.querySelector('.fac-root.fac-projection');
    if (projecting) ids = ids.filter(function (id) { return !drafts[id].pro; });
    var signature = fac.lang() + JSON.stringify(ids.map(function (id) { return [id, drafts[id].text]; }));
    if (signature === shown && (banner !== null) === (ids.length > 0)) return;
    shown = signature;
    if (!ids.length) { if (banner) { banner.remove(); banner = null; } return; }
    if (!banner) {
      banner = document.createElement('section');
      banner.className = 'fac-draft-banner fac-page-notice';
      banner.setAttribute('role', 'region');
      document.body.appendChild(banner);
    }
    banner.setAttribute('aria-label', fac.t('page.drafts.title'));
    banner.replaceChildren();
    var head = document.createElement('h2');
    head.textContent = fac.t('page.drafts.title');
    var intro = document.createElement('p');
    intro.className = 'fac-draft-intro';
    intro.textContent = fac.t('page.drafts.text');
    var list = document.createElement('ul');
    ids.forEach(function (id) {
      var d = drafts[id];
      var row = document.createElement('li');
      row.className = 'fac-draft-row';
      row.dataset.field = d.field;
      var label = document.createElement('span');
      label.className = 'fac-draft-label';
      label.textContent = [partTitle(d), d.label || fac.t('page.drafts.field')].filter(Boolean).join(' · ');
      var text = document.createElement('span');
      text.className = 'fac-draft-text';
      text.textContent = d.text.length > 400 ? d.text.slice(0, 400) + '…' : d.text;
      var hint = document.createElement('span');
      hint.className = 'fac-draft-hint';
      var actions = document.createElement('span');
      actions.className = 'fac-draft-actions';
      actions.append(
        button('page.drafts.put_back', 'fac-draft-put-back', function () { putBack(id, row, 0); }),
        button('page.drafts.copy', 'fac-draft-copy', function (e) { copy(id, e.currentTarget); }),
        button('page.drafts.discard', 'fac-draft-discard', function () { drop(id); })
      );
      row.append(label, text, actions, hint);
      list.appendChild(row);
    });
    var all = button('page.drafts.close', 'fac-draft-discard-all', function () { ids.forEach(drop); });
    banner.append(head, intro, list, all);
  }
  fac.renderDrafts = render;
  setInterval(function () { reconcile(); render(); }, 1000);
})();
