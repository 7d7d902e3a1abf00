// The camera view's activity chart, drawn by uPlot (lib/uplot/uPlot.iife.min.js, global uPlot): stored 5-minute
// buckets (GET /cameras/{id}/activity) as a line with a dot per bucket, the forecast after them
// (GET /cameras/{id}/predictions) as a dashed line inside its interval band, and anomalous buckets
// (GET /cameras/{id}/anomalies) as red dots. The uPlot instance stays on the container (`container.chart`), so
// tests can read what was drawn and where.
const uPlot = window.uPlot;
const HEIGHT = 190;
const COLORS = { history: '#1d2330', forecast: '#3b7fd1', band: 'rgba(59, 127, 209, 0.2)', anomaly: '#c8372d' };

/** Draws into `container` (a div); returns the line of text that explains what is shown. */
export function drawActivityChart(container, { history, prediction, anomalies }) {
  container.chart?.destroy();
  container.chart = null;
  container.replaceChildren();
  const points = prediction?.status === 'ok' ? prediction.points ?? [] : [];
  const hist = history.map(b => ({ t: Date.parse(b.start) / 1000, v: b.activity }));
  if (!hist.length) {
    container.dataset.state = 'empty';
    container.dataset.historyPoints = '0';
    container.dataset.forecastPoints = '0';
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = 'No history yet';
    container.append(empty);
    return 'No activity has been recorded for this camera yet: buckets are counted over 5 minutes of analysed frames.';
  }

  const from = hist[0].t;
  const fore = points.map(p => ({ t: Date.parse(p.timestamp) / 1000, v: p.value, lo: p.lower, hi: p.upper }));
  const unusual = anomalies.map(a => ({ t: Date.parse(a.bucketStart) / 1000, v: a.value })).filter(a => a.t >= from);
  // The forecast line starts at the last stored bucket so that the two lines join.
  const bridge = fore.length ? [{ t: hist[hist.length - 1].t, v: hist[hist.length - 1].v }] : [];
  const times = [...new Set([...hist, ...fore, ...unusual].map(p => p.t))].sort((a, b) => a - b);
  const column = (rows, pick = p => p.v) => {
    const byTime = new Map(rows.map(p => [p.t, pick(p)]));
    return times.map(t => byTime.get(t) ?? null);
  };
  const data = [times, column(hist), column([...bridge, ...fore]), column(fore, p => p.lo), column(fore, p => p.hi), column(unusual)];
  const level = ((prediction?.level ?? 0.95) * 100).toFixed(0);
  const chart = new uPlot({
    width: Math.max(300, container.clientWidth || 400),
    height: HEIGHT,
    scales: { y: { range: (_, min, max) => [0, Math.max(1, max)] } },
    series: [
      {},
      { label: 'activity', stroke: COLORS.history, width: 1.5, points: { show: true, size: 4, fill: COLORS.history } },
      { label: 'forecast', stroke: COLORS.forecast, width: 1.5, dash: [4, 3], points: { show: false } },
      { label: 'lower', stroke: 'transparent', points: { show: false } },
      { label: `${level}% band`, stroke: 'transparent', points: { show: false } },
      { label: 'unusual', stroke: COLORS.anomaly, paths: () => null, points: { show: true, size: 7, fill: COLORS.anomaly } },
    ],
    bands: [{ series: [4, 3], fill: COLORS.band }],
  }, data, container);
  container.chart = chart;
  const drawn = index => chart.data[index].filter(v => v !== null).length;
  container.dataset.historyPoints = String(drawn(1));
  container.dataset.forecastPoints = String(drawn(3));
  container.dataset.state = 'drawn';

  const forecastText = fore.length
    ? `dashed: ${prediction.model} forecast, band: ${level}% interval`
    : `no forecast yet (${prediction?.message ?? prediction?.status ?? 'not available'})`;
  return `line: activity (vehicles + persons) per 5 minutes, ${hist.length} buckets; ${forecastText}; red: unusual buckets`;
}
