// The overview's charts: violations over time as uPlot bars (lib/uplot, global uPlot) with a table of the same rows
// beside it, and the categories (type, borough, cameras, health) as tables whose third column is a bar, so the table
// is the chart and a screen reader reads the numbers. Rows carry data-key and a .count cell for tests.
const uPlot = window.uPlot;
const HEIGHT = 220;
const STEP = { hour: 3600, day: 86400 };

export function el(name, attrs = {}, text) {
  const node = document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One bucket per hour or day from the start of `from`'s bucket up to `to`, empty buckets at zero so gaps show. */
function fillBuckets(groups, bucket, from, to) {
  const step = STEP[bucket];
  const counts = new Map(groups.map(g => [Date.parse(g.key) / 1000, g.violations]));
  const times = [];
  for (let t = Math.floor(Date.parse(from) / 1000 / step) * step; t < Date.parse(to) / 1000; t += step) times.push(t);
  return [times, times.map(t => counts.get(t) ?? 0)];
}

/** Draws the over-time bars into `container` and the groups (only non-empty buckets, as the API answers) into `table`. */
export function drawOverTime(container, table, { overTime, bucket, from, to }) {
  container.chart?.destroy();
  container.replaceChildren();
  const data = fillBuckets(overTime, bucket, from, to);
  const label = bucket === 'hour' ? 'Hour (UTC)' : 'Day (UTC)';
  container.chart = new uPlot({
    width: Math.max(300, container.clientWidth || 600),
    height: HEIGHT,
    tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    legend: { show: false },
    scales: { y: { range: (_, min, max) => [0, Math.max(1, max)] } },
    axes: [{}, { label: 'violations' }],
    series: [{}, { label: 'violations', fill: '#2a66b0', stroke: '#2a66b0', paths: uPlot.paths.bars({ size: [0.8, 60] }), points: { show: false } }],
  }, data, container);
  container.dataset.buckets = String(data[0].length);
  container.dataset.violations = String(data[1].reduce((a, b) => a + b, 0));
  container.setAttribute('aria-label', `Bar chart of violations per ${bucket} (UTC), ${data[0].length} buckets; the numbers are in the table below`);

  const time = key => bucket === 'hour' ? key.slice(0, 16).replace('T', ' ') : key.slice(0, 10);
  table.querySelector('thead th').textContent = label;
  table.tBodies[0].replaceChildren(...(overTime.length
    ? overTime.map(g => { const row = el('tr', { 'data-key': g.key }); row.append(el('th', { scope: 'row' }, time(g.key)), el('td', { class: 'count' }, String(g.violations))); return row; })
    : [emptyRow(2, 'no violations in this range')]));
}

/**
 * Fills a category table: one row per item ({key, count, label?, href?}) with its count and a bar scaled to the largest;
 * `empty` is the text of the single row when there is nothing.
 */
export function fillBarTable(table, items, empty) {
  const largest = Math.max(1, ...items.map(i => i.count));
  const total = items.reduce((sum, i) => sum + i.count, 0);
  table.tBodies[0].replaceChildren(...(items.length ? items.map(item => {
    const row = el('tr', { 'data-key': item.key });
    const name = el('th', { scope: 'row' });
    name.append(item.href ? el('a', { href: item.href }, item.label ?? item.key) : document.createTextNode(item.label ?? item.key));
    const bar = el('span', { class: 'bar', 'aria-hidden': 'true' });
    bar.style.width = `${(100 * item.count / largest).toFixed(1)}%`;
    const track = el('span', { class: 'track' });
    track.append(bar);
    const share = el('td', { class: 'share' });
    share.append(track, el('span', { class: 'percent' }, total ? ` ${Math.round(100 * item.count / total)}%` : ''));
    row.append(name, el('td', { class: 'count' }, String(item.count)), share);
    return row;
  }) : [emptyRow(3, empty)]));
}

function emptyRow(columns, text) {
  const row = el('tr', { class: 'empty' });
  row.append(el('td', { colspan: String(columns), class: 'muted' }, text));
  return row;
}
