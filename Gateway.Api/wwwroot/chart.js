// The camera view's activity chart: stored 5-minute buckets (GET /cameras/{id}/activity) as a line with a dot per
// bucket, the forecast after them (GET /cameras/{id}/predictions) as a dashed line inside its interval band, and
// anomalous buckets (GET /cameras/{id}/anomalies) as red dots. Pure SVG built with DOM calls: the page's CSP forbids
// inline scripts and styles.
const SVG = 'http://www.w3.org/2000/svg';
const W = 400, H = 160, LEFT = 30, RIGHT = 390, TOP = 15, BOTTOM = 140;

function node(name, attrs = {}, text) {
  const n = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  if (text !== undefined) n.textContent = text;
  return n;
}

function clock(t) {
  return new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Draws into `svg`; returns the line of text that explains what is shown. */
export function drawActivityChart(svg, { history, prediction, anomalies }) {
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.replaceChildren();
  const points = prediction?.status === 'ok' ? prediction.points ?? [] : [];
  const hist = history.map(b => ({ t: Date.parse(b.start), v: b.activity }));
  svg.dataset.historyPoints = String(hist.length);
  svg.dataset.forecastPoints = String(points.length);
  if (!hist.length) {
    svg.dataset.state = 'empty';
    svg.append(node('text', { class: 'empty', x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'No history yet'));
    return 'No activity has been recorded for this camera yet: buckets are counted over 5 minutes of analysed frames.';
  }

  const from = hist[0].t;
  const shownAnomalies = anomalies.map(a => ({ t: Date.parse(a.bucketStart), v: a.value })).filter(a => a.t >= from);
  const fore = points.map(p => ({ t: Date.parse(p.timestamp), v: p.value, lo: p.lower, hi: p.upper }));
  const times = [...hist.map(p => p.t), ...fore.map(p => p.t)];
  const t0 = Math.min(...times), t1 = Math.max(...times, t0 + 300000);
  const top = Math.max(1, ...hist.map(p => p.v), ...fore.map(p => p.hi));
  const x = t => LEFT + (t - t0) / (t1 - t0) * (RIGHT - LEFT);
  const y = v => BOTTOM - Math.max(0, v) / top * (BOTTOM - TOP);
  const xy = (t, v) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`;

  svg.append(
    node('line', { class: 'axis', x1: LEFT, y1: BOTTOM, x2: RIGHT, y2: BOTTOM }),
    node('line', { class: 'axis', x1: LEFT, y1: TOP, x2: LEFT, y2: BOTTOM }),
    node('text', { x: LEFT - 3, y: TOP + 3, 'text-anchor': 'end' }, top.toFixed(0)),
    node('text', { x: LEFT - 3, y: BOTTOM + 3, 'text-anchor': 'end' }, '0'),
    node('text', { x: LEFT, y: H - 6 }, clock(t0)),
    node('text', { x: RIGHT, y: H - 6, 'text-anchor': 'end' }, clock(t1)));

  if (fore.length) {
    const upper = fore.map(p => xy(p.t, p.hi));
    const lower = fore.map(p => xy(p.t, p.lo)).reverse();
    const bridge = hist[hist.length - 1];
    svg.append(
      node('polygon', { class: 'band', points: [...upper, ...lower].join(' ') }),
      node('polyline', { class: 'forecast', points: [xy(bridge.t, bridge.v), ...fore.map(p => xy(p.t, p.v))].join(' ') }),
      node('line', { class: 'now', x1: x(bridge.t).toFixed(1), y1: TOP, x2: x(bridge.t).toFixed(1), y2: BOTTOM }));
  }

  svg.append(node('polyline', { class: 'history', points: hist.map(p => xy(p.t, p.v)).join(' ') }));
  const dots = node('g', { class: 'history-points' });
  for (const p of hist) {
    const dot = node('circle', { class: 'history-point', r: 1.6, cx: x(p.t).toFixed(1), cy: y(p.v).toFixed(1) });
    dot.append(node('title', {}, `${clock(p.t)}: ${p.v}`));
    dots.append(dot);
  }
  svg.append(dots);
  for (const a of shownAnomalies) svg.append(node('circle', { class: 'anomaly', r: 2.8, cx: x(a.t).toFixed(1), cy: y(a.v).toFixed(1) }));
  svg.dataset.state = 'drawn';

  const forecastText = fore.length
    ? `dashed: ${prediction.model} forecast, band: ${((prediction.level ?? 0.95) * 100).toFixed(0)}% interval`
    : `no forecast yet (${prediction?.message ?? prediction?.status ?? 'not available'})`;
  return `line: activity (vehicles + persons) per 5 minutes, ${hist.length} buckets; ${forecastText}; red: unusual buckets`;
}
