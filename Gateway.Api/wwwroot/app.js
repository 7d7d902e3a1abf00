// VibeCheck live page: cameras on a map (map.js; violations in a range as a layer of it, violation-layer.js) and in a
// list, one camera's frame with zones and detections, violations, activity history with its forecast, alerts with
// acknowledge and silence, and live updates over server-sent events (GET /events, read with fetch so that the API key
// travels in its header when reads need one).
import { connectEvents } from './live.js';
import { drawActivityChart } from './chart.js';
import { createZoneEditor } from './zones.js';
import { createCameraMap } from './map.js';
import { createViolationLayer } from './violation-layer.js';
import { KEY_STORE, api, apiKey, json } from './api.js';

const SVG = 'http://www.w3.org/2000/svg';
const state = { cameras: new Map(), selected: null, frameUrl: null, liveCount: 0, violating: new Set(), live: null, zones: null, map: null };
const $ = id => document.getElementById(id);

function el(name, attrs = {}, text) {
  const node = name.startsWith('svg:') ? document.createElementNS(SVG, name.slice(4)) : document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// --- API ---------------------------------------------------------------------------------------------------------
function askKey() {
  return new Promise(resolve => {
    const dialog = $('key-dialog');
    $('key-input').value = apiKey() || '';
    dialog.onclose = () => {
      if (dialog.returnValue === 'save' && $('key-input').value.trim()) {
        sessionStorage.setItem(KEY_STORE, $('key-input').value.trim());
        state.live?.restart();
      }
      resolve(apiKey());
    };
    dialog.showModal();
  });
}

// A write with the key, asking for one when there is none or it is refused; the caller reads the response.
async function send(path, method, body) {
  if (!apiKey() && !(await askKey())) throw new Error('an API key is needed');
  let response = await api(path, { method, body });
  if (response.status === 401 || response.status === 403) {
    if (await askKey()) response = await api(path, { method, body });
  }
  return response;
}

async function write(path, body) {
  const response = await send(path, 'POST', body);
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new Error(problem?.detail || problem?.title || `${response.status}`);
  }
  return response.json().catch(() => null);
}

// --- Map and list ------------------------------------------------------------------------------------------------
async function loadCameras() {
  const body = await json('/cameras');
  state.cameras = new Map(body.cameras.map(c => [c.id, c]));
  $('camera-total').textContent = body.count;
  const boroughs = [...new Set(body.cameras.map(c => c.borough))].sort();
  const select = $('filter-borough');
  select.replaceChildren(el('option', { value: '' }, 'All boroughs'), ...boroughs.map(b => el('option', { value: b }, b)));
  state.map.setCameras(body.cameras);
  body.cameras.forEach(camera => paintCamera(camera.id));
  renderList();
}

function paintCamera(id) {
  const camera = state.cameras.get(id);
  if (!camera) return;
  state.map.paint(camera, { violating: state.violating.has(id), selected: state.selected === id });
  const item = document.querySelector(`#camera-list li[data-id="${id}"]`);
  if (item) {
    item.dataset.health = camera.health;
    const badge = item.querySelector('.badge');
    badge.className = `badge health-${camera.health}`;
    badge.textContent = camera.health.replace('_', ' ');
  }
}

function renderList() {
  const text = $('filter-text').value.trim().toLowerCase();
  const borough = $('filter-borough').value;
  const health = $('filter-health').value;
  const shown = [...state.cameras.values()]
    .filter(c => (!borough || c.borough === borough) && (!health || c.health === health)
      && (!text || c.name.toLowerCase().includes(text) || c.id.includes(text)))
    .sort((a, b) => a.name.localeCompare(b.name));
  const list = $('camera-list');
  list.replaceChildren(...shown.map(c => {
    const item = el('li', { class: `camera-item${state.selected === c.id ? ' selected' : ''}`, 'data-id': c.id, 'data-health': c.health });
    item.append(el('span', { class: 'name' }, c.name), el('span', { class: 'muted' }, c.borough), el('span', { class: `badge health-${c.health}` }, c.health.replace('_', ' ')));
    item.addEventListener('click', () => openCamera(c.id));
    return item;
  }));
  state.map.filter(new Set(shown.map(c => c.id)));
  $('camera-count').textContent = shown.length;
}

// --- Camera view -------------------------------------------------------------------------------------------------
async function openCamera(id) {
  state.selected = id;
  document.querySelectorAll('.camera-item.selected').forEach(n => n.classList.remove('selected'));
  document.querySelector(`#camera-list li[data-id="${id}"]`)?.classList.add('selected');
  state.cameras.forEach((_, cid) => paintCamera(cid));
  const camera = state.cameras.get(id);
  $('camera-view').hidden = false;
  $('camera-view').dataset.id = id;
  $('camera-name').textContent = camera?.name ?? id;
  $('episode-layer').replaceChildren();
  await Promise.all([loadFrame(id), loadDetails(id), loadViolations(id), loadChart(id), state.zones.open(id)]);
}

async function loadFrame(id) {
  const status = $('frame-status');
  const response = await api(`/cameras/${id}/frame`, { headers: { Accept: 'image/jpeg' } });
  if (state.selected !== id) return;
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    status.textContent = `Frame not available: ${problem?.detail ?? response.status}`;
    $('frame').removeAttribute('src');
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const img = $('frame');
  img.onload = () => { img.dataset.loaded = 'true'; if (state.frameUrl && state.frameUrl !== url) URL.revokeObjectURL(state.frameUrl); state.frameUrl = url; };
  img.src = url;
  status.textContent = `Frame fetched ${new Date().toLocaleTimeString()}`;
}

async function loadDetails(id) {
  const overlay = $('overlay');
  let detail;
  try { detail = await json(`/cameras/${id}`); } catch (e) { $('camera-meta').textContent = `Camera state not available (${e.status ?? e.message})`; return; }
  if (state.selected !== id) return;
  const a = detail.lastAnalysis;
  $('camera-meta').textContent = `${detail.borough ?? ''} · ${detail.health}` +
    (detail.lastFrameTakenAt ? ` · frame ${new Date(detail.lastFrameTakenAt).toLocaleTimeString()}` : '') +
    (a ? ` · ${a.detections.length} detections (${a.detector})` : ' · not analysed yet');
  const width = a?.width || 352, height = a?.height || 240;
  overlay.setAttribute('viewBox', `0 0 ${width} ${height}`);
  $('episode-layer').setAttribute('viewBox', `0 0 ${width} ${height}`);
  overlay.replaceChildren();
  overlay.dataset.frameHash = detail.lastFrameHash ?? '';
  state.zones.frameSize(width, height);
  for (const d of a?.detections ?? []) {
    const { x, y, width: w, height: h } = d.box;
    overlay.appendChild(el('svg:rect', { class: 'detection', x, y, width: w, height: h }));
    overlay.appendChild(el('svg:text', { class: 'detection-label', x, y: Math.max(8, y - 2) }, detectionLabel(d)));
  }
}

/** "car #12 87% 40 s": the class, its track and how long it has stood when the detector tracks, the confidence. */
function detectionLabel(d) {
  const track = d.trackId != null ? ` #${d.trackId}` : '', standing = d.standingSeconds != null ? ` ${Math.round(d.standingSeconds)} s` : '';
  return `${d.label}${track} ${(d.confidence * 100).toFixed(0)}%${standing}`;
}

async function loadViolations(id) {
  const list = $('violations');
  try {
    const body = await json(`/cameras/${id}/violations`);
    if (state.selected !== id) return;
    const items = Array.isArray(body) ? body : (body.episodes ?? body.violations ?? []);
    const open = items.filter(v => !v.endedAt && !v.resolvedAt && v.status !== 'resolved' && v.state !== 'resolved');
    if (open.length) state.violating.add(id); else state.violating.delete(id);
    paintCamera(id);
    drawEpisodes(open);
    list.replaceChildren(...(open.length ? open.map(v => el('li', {},
      `${v.type ?? v.violationType ?? 'violation'}${v.zone ? ' in ' + v.zone : ''} · confidence ${((v.confidence ?? 0) * 100).toFixed(0)}%` +
      `${v.startedAt ? ' · since ' + new Date(v.startedAt).toLocaleTimeString() : ''}`)) : [el('li', { class: 'muted' }, 'none open')]));
  } catch (e) {
    drawEpisodes([]);
    list.replaceChildren(el('li', { class: 'muted' }, e.status === 404 && !e.problem ? 'not available' : `not available (${e.status ?? e.message})`));
  }
}

// Open episodes in the picture: the offending object's latest box with the type and confidence, and its zone marked.
function drawEpisodes(open) {
  const layer = $('episode-layer');
  layer.replaceChildren(...open.flatMap(v => {
    const box = v.evidence?.boxes?.at(-1);
    if (!box) return [];
    const label = `${v.type.replaceAll('_', ' ')} ${((v.confidence ?? 0) * 100).toFixed(0)}%`;
    return [el('svg:rect', { class: 'episode', x: box.x, y: box.y, width: box.width, height: box.height, 'data-id': v.id }),
      el('svg:text', { class: 'episode-label', x: box.x, y: box.y + box.height + 10 }, label)];
  }));
  state.zones.highlight(open.map(v => v.zone));
}

const HISTORY_HOURS = 6;

async function loadChart(id) {
  const status = $('chart-status');
  const optional = async path => { try { return await json(path); } catch (e) { return { failed: e }; } };
  const [history, prediction, anomalies] = await Promise.all([
    optional(`/cameras/${id}/activity?hours=${HISTORY_HOURS}`), optional(`/cameras/${id}/predictions?horizon=60`), optional(`/cameras/${id}/anomalies`)]);
  if (state.selected !== id) return;
  if (history.failed) {
    $('chart').replaceChildren();
    $('chart').dataset.state = 'unavailable';
    status.textContent = `Activity history not available (${history.failed.problem?.detail ?? history.failed.status ?? history.failed.message})`;
    return;
  }
  status.textContent = drawActivityChart($('chart'), {
    history: history.buckets,
    prediction: prediction.failed ? null : prediction,
    anomalies: anomalies.failed ? [] : anomalies.anomalies ?? [],
  });
}

// --- Alerts ------------------------------------------------------------------------------------------------------
async function loadAlerts() {
  const rows = $('alert-rows');
  const status = $('alerts-status');
  let body;
  try { body = await json('/alerts'); } catch (e) { status.textContent = `Alerts not available (${e.problem?.detail ?? e.status ?? e.message})`; rows.replaceChildren(); return; }
  status.textContent = `${body.count} alerts`;
  rows.replaceChildren(...body.alerts.map(alert => {
    const acknowledged = Boolean(alert.acknowledgedAt);
    const row = el('tr', { class: `alert-row${acknowledged ? ' acknowledged' : ''}`, 'data-id': alert.id, 'data-status': alert.status, 'data-acknowledged': String(acknowledged) });
    const camera = alert.labels?.camera ?? alert.labels?.camera_id ?? '';
    row.append(el('td', {}, alert.status), el('td', {}, alert.tier), el('td', {}, alert.annotations?.summary ?? alert.name),
      el('td', {}, state.cameras.get(camera)?.name ?? camera), el('td', {}, new Date(alert.startsAt).toLocaleString()),
      el('td', { class: 'ack-state' }, acknowledged ? `by ${alert.acknowledgedBy ?? '?'}` : (alert.mutedBecause ? `muted: ${alert.mutedBecause}` : 'no')));
    const actions = el('td', { class: 'actions' });
    const ack = el('button', { type: 'button', class: 'ack' }, 'Acknowledge');
    ack.disabled = acknowledged;
    ack.addEventListener('click', () => act(() => write(`/alerts/${alert.id}/ack`, { by: 'web page' })));
    const silence = el('button', { type: 'button', class: 'silence secondary' }, 'Silence 1 h');
    const matchers = Object.entries(alert.labels ?? {}).filter(([k]) => ['alertname', 'camera', 'camera_id', 'rule'].includes(k)).map(([name, value]) => ({ name, value, operator: '=' }));
    silence.addEventListener('click', () => act(() => write('/silences', {
      matchers: matchers.length ? matchers : [{ name: 'alertname', value: alert.name, operator: '=' }], duration: '01:00:00', createdBy: 'web page', comment: `silenced from the page: ${alert.name}`,
    })));
    actions.append(ack, silence);
    row.appendChild(actions);
    return row;
  }));
}

async function act(action) {
  try { await action(); $('alerts-status').textContent = 'done'; } catch (e) { $('alerts-status').textContent = `failed: ${e.message}`; }
  await loadAlerts();
}

// --- Live updates ------------------------------------------------------------------------------------------------
function connectLive() {
  const badge = $('live-status');
  const show = (text, on) => { badge.textContent = text; badge.className = `live-status ${on ? 'on' : 'off'}`; };
  let connectedBefore = false;
  state.live = connectEvents({
    path: '/events',
    headers: () => (apiKey() ? { 'X-Api-Key': apiKey() } : {}),
    onOpen: () => {
      show('live', true);
      // No replay of what was missed while disconnected: catch up from the current state instead.
      if (connectedBefore) loadCameras().catch(() => {});
      connectedBefore = true;
    },
    onDown: () => show('reconnecting…', false),
    onUnauthorized: status => show(status === 401 ? 'API key needed for live updates' : 'API key not allowed live updates', false),
    onEvent: event => { if (event.type === 'camera') onCameraEvent(JSON.parse(event.data)); },
  });
}

function onCameraEvent(message) {
  state.liveCount++;
  const counter = $('live-count');
  counter.dataset.count = state.liveCount;
  counter.dataset.lastCamera = message.cameraId;
  counter.dataset.lastKind = message.kind;
  counter.textContent = `${state.liveCount} live updates`;
  const camera = state.cameras.get(message.cameraId);
  if (!camera) return;
  camera.health = message.health;
  paintCamera(message.cameraId);
  if (state.selected === message.cameraId && message.kind === 'frame_processed') {
    loadFrame(message.cameraId);
    loadDetails(message.cameraId);
    loadViolations(message.cameraId);
  }
}

// --- Start -------------------------------------------------------------------------------------------------------
function showView(alerts) {
  $('cameras-view').hidden = alerts;
  $('alerts-view').hidden = !alerts;
  $('show-cameras').classList.toggle('active', !alerts);
  $('show-alerts').classList.toggle('active', alerts);
  if (alerts) loadAlerts();
}

document.addEventListener('DOMContentLoaded', async () => {
  $('filters').addEventListener('input', renderList);
  $('filters').addEventListener('submit', e => e.preventDefault());
  $('close-camera').addEventListener('click', () => { state.selected = null; $('camera-view').hidden = true; renderList(); state.cameras.forEach((_, id) => paintCamera(id)); });
  $('show-cameras').addEventListener('click', () => showView(false));
  $('show-alerts').addEventListener('click', () => showView(true));
  $('refresh-alerts').addEventListener('click', loadAlerts);
  $('set-key').addEventListener('click', askKey);
  $('key-cancel').addEventListener('click', () => $('key-dialog').close('cancel'));
  state.zones = createZoneEditor({ layer: $('zone-layer'), panel: $('zone-editor'), json, send, cameras: () => [...state.cameras.values()] });
  state.map = await createCameraMap($('map'), { onOpen: openCamera });
  createViolationLayer({ form: $('violation-layer'), map: state.map, json, onOpen: openCamera });
  connectLive();
  try {
    await loadCameras();
  } catch (e) {
    if (e.status !== 401 && e.status !== 403) { $('camera-count').textContent = `error: ${e.message}`; return; }
    // This gateway needs a key for reads too: ask once, then load with it.
    $('camera-count').textContent = 'an API key is needed to read';
    if (!(await askKey())) return;
    try { await loadCameras(); } catch (again) { $('camera-count').textContent = `error: ${again.message}`; return; }
  }
  // The overview links a camera as index.html#camera={id}: open it once the list is known.
  const linked = new URLSearchParams(location.hash.slice(1)).get('camera');
  if (linked && state.cameras.has(linked)) await openCamera(linked);
  document.body.dataset.ready = 'true';
});
