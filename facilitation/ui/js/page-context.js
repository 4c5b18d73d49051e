// The page's context for its own scripts (ui/page/drafts.js): which case and meeting this screen shows,
// and how many edits it has stored. A model without a view: anywidget runs initialize() when the page
// creates the model, so nothing needs to be displayed.
function publish(model) {
  const root = document.documentElement;
  root.dataset.facCase = model.get('case') || '';
  root.dataset.facMeeting = model.get('meeting') || '';
  root.dataset.facStored = String(model.get('stored') || 0);
  document.dispatchEvent(new CustomEvent('fac-context', { detail: {
    case: root.dataset.facCase, meeting: root.dataset.facMeeting, stored: model.get('stored') || 0 } }));
}
function initialize({ model }) {
  const update = () => publish(model);
  update();
  model.on('change:case', update);
  model.on('change:meeting', update);
  model.on('change:stored', update);
  return () => {
    model.off('change:case', update);
    model.off('change:meeting', update);
    model.off('change:stored', update);
  };
}
function render({ el }) {
  el.style.display = 'none';
}
export default { initialize, render };
