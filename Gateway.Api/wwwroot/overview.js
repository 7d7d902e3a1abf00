// The city at a glance: violations over time, by type, by borough and the top cameras for one time range
// (GET /analytics/overview, the warehouse's numbers), alerts firing now (GET /alerts?status=firing) and cameras by
// health (GET /status). Each chart's CSV is the matching GET /analytics/violations with Accept: text/csv, saved as a file.
import { api, json, KEY_STORE } from './api.js';
import { drawOverTime, fillBarTable, el } from './overview-charts.js';

const TOP = 10;
const HOUR = 3600_000, DAY = 24 * HOUR;
const PRESETS = { '24h': { span: DAY, unit: HOUR, bucket: 'hour' }, '7d': { span: 7 * DAY, unit: DAY, bucket: 'day' }, '30d': { span: 30 * DAY, unit: DAY, bucket: 'day' } };
const $ = id => document.getElementById(id);
const view = { range: '24h', from: null, to: null, bucket: null, cameras: new Map(), generation: 0 };

/** The chosen range: a preset ends at the end of the current hour (24 h) or day (7 d, 30 d) so buckets are whole. */
function chosenRange() {
  const preset = PRESETS[view.range];
  if (preset) {
    const to = Math.ceil((Date.now() + 1) / preset.unit) * preset.unit;
    return { from: new Date(to - preset.span).toISOString(), to: new Date(to).toISOString(), bucket: preset.bucket };
  }
  // datetime-local gives 2025-06-01T12:00 (or with seconds); the labels say UTC, so it is read as UTC.
  const utc = value => {
    const time = new Date(`${value}${value.length === 16 ? ':00' : ''}Z`);
    return value && !Number.isNaN(time.getTime()) ? time.toISOString() : null;
  };
  return { from: utc($('range-from').value), to: utc($('range-to').value), bucket: null };
}

function rangeQuery() { return `from=${encodeURIComponent(view.from)}&to=${encodeURIComponent(view.to)}`; }

function cameraItem(group) {
  const camera = view.cameras.get(group.key);
  return camera
    ? { key: group.key, count: group.violations, label: `${camera.name} (${camera.borough})`, href: `./#camera=${encodeURIComponent(group.key)}` }
    : { key: group.key, count: group.violations };
}

async function loadAnalytics() {
  const bucket = view.bucket ? `&bucket=${view.bucket}` : '';
  const body = await json(`/analytics/overview?${rangeQuery()}${bucket}&top=${TOP}`);
  view.bucket = body.bucket;
  $('total').textContent = String(body.total);
  drawOverTime($('over-time-chart'), $('over-time-table'), body);
  const counts = groups => groups.map(g => ({ key: g.key, count: g.violations }));
  fillBarTable($('by-type-table'), counts(body.byType), 'no violations in this range');
  fillBarTable($('by-borough-table'), counts(body.byBorough), 'no violations in this range');
  fillBarTable($('top-cameras-table'), body.topCameras.map(cameraItem), 'no violations in this range');
}

async function loadAlerts() {
  const body = await json('/alerts?status=firing');
  const rows = body.alerts.map(alert => {
    const camera = alert.labels?.camera ?? alert.labels?.camera_id ?? '';
    const cell = el('td');
    cell.append(view.cameras.has(camera) ? el('a', { href: `./#camera=${encodeURIComponent(camera)}` }, view.cameras.get(camera).name) : document.createTextNode(camera));
    const row = el('tr', { 'data-id': alert.id });
    row.append(el('td', {}, alert.tier), el('th', { scope: 'row' }, alert.annotations?.summary ?? alert.name), cell,
      el('td', {}, new Date(alert.startsAt).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'));
    return row;
  });
  if (!rows.length) {
    rows.push(el('tr', { class: 'empty' }));
    rows[0].append(el('td', { colspan: '4', class: 'muted' }, 'no alert is firing'));
  }
  $('alerts-table').tBodies[0].replaceChildren(...rows);
}

async function loadHealth() {
  const body = await json('/status');
  const byHealth = Object.entries(body.cameras?.byHealth ?? {}).sort(([a], [b]) => a.localeCompare(b));
  fillBarTable($('health-table'), byHealth.map(([health, count]) => ({ key: health, count, label: health.replace('_', ' ') })),
    body.cameras ? 'no cameras' : 'camera counts not available');
}

async function loadCameraNames() {
  const body = await json('/cameras');
  view.cameras = new Map(body.cameras.map(c => [c.id, c]));
}

/** Loads everything for the chosen range; a newer load makes an older one's answers stale, so they are dropped. */
async function load() {
  const range = chosenRange();
  if (!range.from || !range.to) { $('range-shown').textContent = 'Choose both a start and an end.'; return; }
  const generation = ++view.generation;
  Object.assign(view, range);
  const main = $('overview');
  main.dataset.state = 'loading';
  $('range-shown').textContent = `Showing ${view.from.slice(0, 16).replace('T', ' ')} to ${view.to.slice(0, 16).replace('T', ' ')} UTC…`;
  const failures = [];
  const attempt = async (what, task) => { try { await task(); } catch (e) { failures.push({ what, error: e }); } };
  if (!view.cameras.size) await attempt('camera names', loadCameraNames);
  await Promise.all([attempt('violations', loadAnalytics), attempt('alerts', loadAlerts), attempt('camera health', loadHealth)]);
  if (generation !== view.generation) return;
  const needsKey = failures.some(f => f.error.status === 401 || f.error.status === 403);
  $('key-form').hidden = !needsKey;
  $('overview-status').textContent = failures.map(f => `${f.what} not available (${f.error.problem?.detail ?? f.error.status ?? f.error.message})`).join('; ');
  $('range-shown').textContent = `Showing ${view.from.slice(0, 16).replace('T', ' ')} to ${view.to.slice(0, 16).replace('T', ' ')} UTC, by ${view.bucket ?? '?'}`;
  Object.assign(main.dataset, { state: 'ready', range: view.range, from: view.from, to: view.to, bucket: view.bucket ?? '' });
  document.body.dataset.ready = 'true';
}

/** Saves what a chart shows (same range, grouped as shown) as the warehouse's CSV. */
async function downloadCsv(series) {
  const groupBy = series === 'time' ? view.bucket : series;
  const limit = series === 'camera' ? `&limit=${TOP}` : '';
  const response = await api(`/analytics/violations?${rangeQuery()}&groupBy=${groupBy}${limit}`, { headers: { Accept: 'text/csv' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    $('overview-status').textContent = `CSV not available (${problem?.detail ?? response.status})`;
    return;
  }
  const link = el('a', { download: `violations-by-${groupBy}-${view.from.slice(0, 13)}-${view.to.slice(0, 13)}.csv`.replaceAll(':', '') });
  link.href = URL.createObjectURL(await response.blob());
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function onRangeChange() {
  view.range = document.querySelector('input[name="range"]:checked').value;
  const custom = view.range === 'custom';
  $('range-from').disabled = !custom;
  $('range-to').disabled = !custom;
  if (custom) {
    // Start from what is shown, so that a custom range is a small edit of a preset.
    $('range-from').value = view.from?.slice(0, 16) ?? '';
    $('range-to').value = view.to?.slice(0, 16) ?? '';
    view.bucket = null;
    return;
  }

  load();
}

document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('input[name="range"]').forEach(radio => radio.addEventListener('change', onRangeChange));
  $('range-form').addEventListener('submit', e => { e.preventDefault(); load(); });
  document.querySelectorAll('button.csv').forEach(button => button.addEventListener('click', () => downloadCsv(button.dataset.series)));
  $('key-form').addEventListener('submit', e => {
    e.preventDefault();
    sessionStorage.setItem(KEY_STORE, $('key-input').value.trim());
    view.cameras = new Map();
    load();
  });
  load();
});
