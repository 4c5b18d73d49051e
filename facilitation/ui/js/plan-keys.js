// Keyboard for the safety plan (issue 22.3): N (outside a text field) goes to a new agreement;
// Ctrl+Enter in the agreement form saves it. Active only while the plan part is on screen.
function typing(t) {
  return t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
}

function render({ model, el }) {
  el.classList.add('fac-plan-keys');
  const hint = document.createElement('span');
  hint.className = 'fac-plan-note fac-plan-keys-hint';
  el.append(hint);
  const label = () => { hint.textContent = model.get('hint') || ''; };
  const onKey = (e) => {
    const plan = el.closest('.fac-plan');
    if (!plan || el.offsetParent === null) return;  // the plan part is not shown
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      const form = e.target && e.target.closest && e.target.closest('.fac-plan-form');
      if (form && plan.contains(form)) {
        e.preventDefault();
        const save = form.querySelector('.fac-plan-save');
        if (save) setTimeout(() => save.click(), 50);  // after the field's own value has gone out
      }
      return;
    }
    if ((e.key === 'n' || e.key === 'N') && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target)) {
      const field = plan.querySelector('.fac-plan-form .fac-plan-what textarea');
      if (field) {
        e.preventDefault();
        field.scrollIntoView({ block: 'center' });
        field.focus();
      }
    }
  };
  // Capture: the text widgets stop their own key presses from bubbling up (notebook shortcuts).
  document.addEventListener('keydown', onKey, true);
  label();
  model.on('change:hint', label);
  return () => {
    document.removeEventListener('keydown', onKey, true);
    model.off('change:hint', label);
  };
}
export default { render };
