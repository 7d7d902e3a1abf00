// The map's violations layer: a checkbox shows it, radios choose the range (last hour, 24 hours, 7 days), Refresh
// reads again. The numbers are the warehouse's (GET /analytics/cameras, per camera and type) for [now - range, now) in
// whole seconds. The map draws a circle per camera (map.js); the list under the controls gives the same counts to
// keyboards and screen readers, each camera a button that opens it. The form's data-state, data-range, data-from and
// data-to say what is shown.
const RANGES = { '1h': { ms: 3600e3, text: 'the last hour' }, '24h': { ms: 86400e3, text: 'the last 24 hours' }, '7d': { ms: 7 * 86400e3, text: 'the last 7 days' } };
const LISTED = 10;

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const typeName = key => key.replaceAll('_', ' ');

export function createViolationLayer({ form, map, json, onOpen }) {
  const $ = selector => form.querySelector(selector);
  const toggle = $('#violations-shown');
  const status = $('#violation-layer-status');
  const list = $('#violation-layer-list');
  let request = 0;

  function describe(camera, row, range) {
    return `${camera.name}: ${plural(row.violations, 'violation')} in ${range.text} (` +
      row.byType.map(t => `${typeName(t.key)} ${t.violations}`).join(', ') + ')';
  }

  async function refresh() {
    const mine = ++request;
    const key = form.elements['violation-range'].value;
    const range = RANGES[key];
    if (!toggle.checked) {
      map.showViolations(null);
      list.replaceChildren();
      status.textContent = '';
      form.dataset.state = 'off';
      return;
    }

    form.dataset.state = 'loading';
    const to = new Date(Math.ceil(Date.now() / 1000) * 1000);
    const from = new Date(to.getTime() - range.ms);
    let body;
    try {
      body = await json(`/analytics/cameras?from=${from.toISOString()}&to=${to.toISOString()}`);
    } catch (e) {
      if (mine !== request) return;
      map.showViolations(null);
      list.replaceChildren();
      status.textContent = `Violations not available (${e.problem?.detail ?? e.status ?? e.message})`;
      form.dataset.state = 'failed';
      return;
    }

    if (mine !== request) return;
    const drawn = map.showViolations(body.cameras, (camera, row) => describe(camera, row, range));
    const onMap = drawn.reduce((sum, row) => sum + row.violations, 0);
    const elsewhere = body.total - onMap;
    status.textContent = `${plural(body.total, 'violation')} in ${range.text} at ${plural(drawn.length, 'camera')} on the map` +
      (elsewhere ? `, ${elsewhere} at cameras not on the map.` : '.');
    list.replaceChildren(...drawn.slice(0, LISTED).map(item));
    Object.assign(form.dataset, { state: 'ready', range: key, from: body.from, to: body.to });
  }

  function item(row) {
    const li = document.createElement('li');
    li.dataset.id = row.camera;
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'link';
    open.textContent = map.cameraName(row.camera);
    open.addEventListener('click', () => onOpen(row.camera));
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = String(row.violations);
    const types = document.createElement('span');
    types.className = 'muted';
    types.textContent = row.byType.map(t => `${typeName(t.key)} ${t.violations}`).join(', ');
    li.append(count, ' ', open, ' ', types);
    return li;
  }

  form.addEventListener('change', refresh);
  form.addEventListener('submit', event => { event.preventDefault(); refresh(); });
  return { refresh };
}
