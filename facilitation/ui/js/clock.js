function fmt(ms) {
  if (ms < 0) ms = 0;
  const s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const mm = String(m).padStart(2, '0'), ss = String(r).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
function render({ model, el }) {
  el.classList.add('fac-clock');
  const label = document.createElement('span'); label.className = 'fac-clock-label';
  const value = document.createElement('span'); value.className = 'fac-clock-value';
  el.append(label, value);
  const tick = () => {
    label.textContent = model.get('label');
    const since = model.get('since_ms');
    value.textContent = since > 0 ? fmt(Date.now() - since) : '–';
  };
  tick();
  const t = setInterval(tick, 1000);
  model.on('change:since_ms', tick); model.on('change:label', tick);
  return () => clearInterval(t);
}
export default { render };
