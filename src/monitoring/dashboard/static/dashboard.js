/* global document */
// The botfleet dashboard: plain browser script, no build step, no dependencies. Everything shown is
// written with textContent (never innerHTML): module names and alert messages are data, not markup.
'use strict';

const DASHBOARD_URL = '/api/v1/monitoring/dashboard';
const ALERTS_URL = '/api/v1/monitoring/alerts?state=firing';
const FORECAST_URL = '/api/v1/monitoring/forecast';
const KEY_STORAGE = 'botfleet.dashboard.apiKey';
const REFRESH_MS = 10_000;
const FETCH_TIMEOUT_MS = 8_000;
const DASH = '–';
const STATE_ORDER = ['PENDING', 'RETRYING', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED'];
const SVG_NS = 'http://www.w3.org/2000/svg';

let timer;
let lastSuccess;
/** Bumped by each refresh, so an answer that arrives after a newer refresh began is dropped. */
let generation = 0;
let memoryKey = null;

// ---------------------------------------------------------------------------------------------
// The key: session storage only (gone with the tab), sent as a header to this origin only.

function readKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? memoryKey;
  } catch {
    return memoryKey;
  }
}

function saveKey(key) {
  memoryKey = key;
  try {
    sessionStorage.setItem(KEY_STORAGE, key);
  } catch {
    // Storage disabled: the key lives in this page's memory until it is closed or reloaded.
  }
}

function forgetKey() {
  memoryKey = null;
  try {
    sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // Nothing stored.
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting: anything missing or not a number shows a dash.

const $ = (id) => document.getElementById(id);
const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
const obj = (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});
const list = (v) => (Array.isArray(v) ? v : []);
const text = (v) => (v === null || v === undefined || v === '' ? DASH : String(v));
const int = (v) => (isNum(v) ? Math.round(v).toLocaleString('en-US') : DASH);
const fixed = (v, digits = 1) => (isNum(v) ? v.toFixed(digits) : DASH);
const pct = (v) => (isNum(v) ? `${(v * 100).toFixed(v > 0 && v < 0.1 ? 1 : 0)} %` : DASH);
const ms = (v) => (isNum(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v)} ms` : DASH);
const mb = (v) => (isNum(v) ? `${Math.round(v)} MB` : DASH);
const cpu = (v) => (isNum(v) ? `${v.toFixed(0)} %` : DASH);

function duration(seconds) {
  if (!isNum(seconds)) return DASH;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 86400)} d ${Math.floor((seconds % 86400) / 3600)} h`;
}

function toDate(iso) {
  const date = typeof iso === 'string' || isNum(iso) ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

const clock = (date) => (date ? date.toLocaleTimeString('en-GB', { hour12: false }) : DASH);

function ago(iso) {
  const date = toDate(iso);
  return date ? `${duration(Math.max(0, (Date.now() - date.getTime()) / 1000))} ago` : DASH;
}

function setText(id, value) {
  const node = $(id);
  if (node) node.textContent = value;
}

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'text') node.textContent = value;
    else if (name === 'className') node.className = value;
    else if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  for (const child of children) node.append(child);
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/** A status word as a coloured pill; the colour comes from the stylesheet by data-status. */
function pill(status) {
  const value = text(status);
  return el('span', { className: 'pill', 'data-status': value.toUpperCase(), text: value });
}

function bar(fraction) {
  const track = el('span', { className: 'bar' });
  const fill = el('span', { className: 'bar-fill' });
  // CSSOM, not a style attribute: the page's CSP allows no inline styles.
  fill.style.width = `${isNum(fraction) ? Math.min(100, Math.max(0, fraction * 100)) : 0}%`;
  track.append(fill);
  return track;
}

function fillRows(tableId, rows, emptyText, columns) {
  const body = $(tableId)?.querySelector('tbody');
  if (!body) return;
  body.replaceChildren();
  if (rows.length === 0) {
    body.append(el('tr', { className: 'empty' }, [el('td', { colspan: columns, text: emptyText })]));
    return;
  }
  for (const row of rows) body.append(row);
}

// ---------------------------------------------------------------------------------------------
// Charts: inline SVG polylines over the last hour, one point per minute.

function lineChart(containerId, minutes, series, label) {
  const container = $(containerId);
  if (!container) return;
  const width = 600;
  const height = 150;
  const pad = { left: 40, right: 10, top: 10, bottom: 22 };
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
  chart.append(Object.assign(svg('title'), { textContent: label }));
  const values = series.flatMap((s) => s.values.filter(isNum));
  if (minutes.length === 0 || values.length === 0) {
    const empty = svg('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'axis' });
    empty.textContent = 'No data in the last hour';
    chart.append(empty);
    container.replaceChildren(chart);
    return;
  }
  const max = niceCeiling(Math.max(...values));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (i) => pad.left + (minutes.length === 1 ? plotW / 2 : (i / (minutes.length - 1)) * plotW);
  const y = (v) => pad.top + plotH - (v / max) * plotH;

  for (const tick of [0, max / 2, max]) {
    chart.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick), class: 'gridline' }));
    const tickLabel = svg('text', { x: pad.left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'axis' });
    tickLabel.textContent = Number.isInteger(tick) ? String(tick) : tick.toFixed(1);
    chart.append(tickLabel);
  }
  const marks = minutes.length === 1 ? [0] : [0, Math.floor((minutes.length - 1) / 2), minutes.length - 1];
  for (const i of marks) {
    const anchor = i === 0 && minutes.length > 1 ? 'start' : i === minutes.length - 1 ? 'end' : 'middle';
    const timeLabel = svg('text', { x: x(i), y: height - 6, 'text-anchor': anchor, class: 'axis' });
    timeLabel.textContent = minutes[i]
      ? minutes[i].toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
      : '';
    chart.append(timeLabel);
  }
  for (const s of series) {
    // A missing value (a minute with no samples) breaks the line instead of dropping it to zero.
    let run = [];
    const flush = () => {
      if (run.length === 1)
        chart.append(svg('circle', { cx: run[0][0], cy: run[0][1], r: 2.5, class: `dot ${s.className}` }));
      else if (run.length > 1)
        chart.append(svg('polyline', { points: run.map((p) => p.join(',')).join(' '), class: `line ${s.className}` }));
      run = [];
    };
    s.values.forEach((v, i) => (isNum(v) ? run.push([x(i).toFixed(1), y(v).toFixed(1)]) : flush()));
    flush();
  }
  container.replaceChildren(chart);
}

function niceCeiling(value) {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * magnitude >= value) ?? 10;
  return step * magnitude;
}

function legend(id, entries) {
  const node = $(id);
  if (!node) return;
  node.replaceChildren(
    ...entries.map(([key, label, value, className]) =>
      el('span', { className: `legend-item ${className ?? ''}`, 'data-series': key }, [
        el('span', { className: 'swatch' }),
        `${label} `,
        el('strong', { text: value }),
      ]),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Sections. Each is drawn on its own, so one odd field cannot blank the rest of the page.

function renderSummary(data) {
  const status = $('system-status');
  if (status) {
    status.textContent = text(data.system_status);
    status.dataset.status = text(data.system_status).toUpperCase();
  }
  const robots = obj(data.active_robots);
  setText('active-total', int(robots.total_active));
  setText('queue-depth', int(robots.queue_depth));
  setText('oldest-pending', duration(robots.oldest_pending_seconds));
  const errors = obj(data.error_rates);
  setText('http-error-rate', pct(errors.http_error_rate));
  setText('robot-failure-rate', pct(errors.robot_failure_rate_1h));
  const cache = obj(data.cache_statistics);
  setText('cache-hit-rate', pct(cache.hit_rate));
  setText('cache-backend', text(cache.backend));
  setText('cache-hits', int(cache.hits));
  setText('cache-misses', int(cache.misses));
  const db = obj(data.database_status);
  setText('db-status', text(db.status));
  setText('db-engine', text(db.engine));
  setText('db-breaker', text(db.breaker_state));
  const res = obj(data.resource_usage);
  setText('res-rss', mb(res.rss_mb));
  setText('res-cpu', cpu(res.cpu_percent));
  setText('res-lag', ms(res.event_loop_lag_ms));
  setText('res-uptime', duration(res.uptime_seconds));
  const generated = toDate(data.generated_at);
  setText('generated-at', generated ? `${clock(generated)} (${ago(data.generated_at)})` : DASH);
}

function renderStates(data) {
  const byStatus = obj(obj(data.active_robots).by_status);
  const states = [
    ...STATE_ORDER.filter((s) => s in byStatus),
    ...Object.keys(byStatus).filter((s) => !STATE_ORDER.includes(s)),
  ];
  const total = states.reduce((sum, s) => sum + (isNum(byStatus[s]) ? byStatus[s] : 0), 0);
  const node = $('robots-by-state');
  if (!node) return;
  if (states.length === 0) {
    node.replaceChildren(el('dt', { text: 'No robots' }), el('dd', { text: DASH }));
    return;
  }
  node.replaceChildren(
    ...states.flatMap((state) => [
      el('dt', {}, [pill(state)]),
      el('dd', { 'data-state': state }, [
        el('span', { className: 'count', text: int(byStatus[state]) }),
        bar(total > 0 && isNum(byStatus[state]) ? byStatus[state] / total : 0),
      ]),
    ]),
  );
}

function renderCharts(data) {
  const lastHour = list(obj(data.performance_metrics).last_hour).map(obj);
  const minutes = lastHour.map((m) => toDate(m.minute));
  const series = [
    ['robots_created', 'created', 's-created'],
    ['robots_completed', 'completed', 's-completed'],
    ['robots_failed', 'failed', 's-failed'],
  ].map(([key, label, className]) => ({ key, label, className, values: lastHour.map((m) => m[key]) }));
  lineChart('throughput-chart', minutes, series, 'Robots created, completed and failed per minute, last hour');
  legend(
    'throughput-legend',
    series.map((s) => {
      const known = s.values.filter(isNum);
      return [
        s.key,
        `${s.label} in the hour`,
        known.length ? int(known.reduce((a, b) => a + b, 0)) : DASH,
        s.className,
      ];
    }),
  );
  const p95 = lastHour.map((m) => m.p95_ms);
  lineChart('latency-chart', minutes, [{ className: 's-latency', values: p95 }], 'p95 latency per minute, last hour');
  const known = p95.filter(isNum);
  legend('latency-legend', [
    ['p95_latest', 'latest p95', ms([...known].pop()), 's-latency'],
    ['p95_max', 'worst minute', known.length ? ms(Math.max(...known)) : DASH, 's-latency'],
  ]);
}

function renderModules(data) {
  const health = obj(data.module_health);
  const byHealth = obj(health.by_health);
  const summary = Object.entries(byHealth)
    .filter(([, n]) => isNum(n) && n > 0)
    .map(([state, n]) => `${n} ${state.toLowerCase()}`)
    .join(' · ');
  setText('module-summary', isNum(health.total) ? `${health.total} registered${summary ? ` · ${summary}` : ''}` : '');
  const rows = list(health.modules)
    .map(obj)
    .map((m) =>
      el('tr', { 'data-module': text(m.module_name) }, [
        el('th', { scope: 'row', text: text(m.module_name) }),
        el('td', {}, [pill(m.health_status)]),
        el('td', { className: 'num', text: fixed(m.performance_score, 2) }),
        el('td', { text: text(m.performance_tier) }),
        el('td', { className: 'util' }, [bar(m.capacity_utilization), ` ${pct(m.capacity_utilization)}`]),
        el('td', { text: text(m.breaker_state) }),
        el('td', { title: text(m.last_health_check), text: ago(m.last_health_check) }),
      ]),
    );
  fillRows('module-table', rows, 'No modules registered', 7);
}

/** Pending robots no module will ever claim until one declares their type: most often a typo. */
function renderUnroutable(data) {
  const rows = list(obj(data.active_robots).unroutable_robot_types)
    .map(obj)
    .map((u) =>
      el('tr', { 'data-robot-type': text(u.robot_type) }, [
        el('th', { scope: 'row', text: text(u.robot_type) }),
        el('td', { className: 'num', text: int(u.pending) }),
        el('td', { title: text(u.oldest_created_at), text: ago(u.oldest_created_at) }),
      ]),
    );
  fillRows('unroutable-table', rows, 'Every pending robot has a module that declares its type', 3);
}

function renderOperations(data) {
  const rows = list(obj(data.performance_metrics).operations)
    .map(obj)
    .map((op) => {
      // With no calls in the window the rates and percentiles are placeholders, not measurements.
      const seen = (v) => (op.count === 0 ? undefined : v);
      return el('tr', { 'data-operation': text(op.operation) }, [
        el('th', { scope: 'row', text: text(op.operation) }),
        el('td', { className: 'num', text: int(op.count) }),
        el('td', { className: 'num', text: pct(seen(op.success_rate)) }),
        el('td', { className: 'num', text: fixed(op.throughput, 2) }),
        el('td', { className: 'num', text: ms(seen(op.p50_ms)) }),
        el('td', { className: 'num', text: ms(seen(op.p95_ms)) }),
        el('td', { className: 'num', text: ms(seen(op.p99_ms)) }),
      ]);
    });
  fillRows('operation-table', rows, 'No operations recorded yet', 7);
}

function renderAlerts(result) {
  if (!result.ok) {
    setText('alert-count', '');
    fillRows('alert-table', [], `Alerts unavailable (${result.status ? `HTTP ${result.status}` : result.reason})`, 4);
    return;
  }
  const items = list(obj(result.body).items).map(obj);
  setText('alert-count', items.length ? `${items.length} firing` : '');
  const rows = items.map((a) =>
    el('tr', { 'data-alert': text(a.alert_id) }, [
      el('td', {}, [pill(a.severity)]),
      el('td', {}, [
        el('strong', { text: text(a.rule) }),
        a.subject ? ` · ${a.subject}` : '',
        el('div', { className: 'sub', text: text(a.message) }),
      ]),
      el('td', { className: 'num', text: `${text(a.value)} / ${text(a.threshold)}` }),
      el('td', { title: text(a.fired_at), text: ago(a.fired_at) }),
    ]),
  );
  fillRows('alert-table', rows, 'No active alerts', 4);
}

/** Per robot type: the queue, expected arrivals, throughput, time to drain, slots needed; bottlenecks below. */
function renderForecast(result) {
  if (!result.ok) {
    fillRows(
      'forecast-table',
      [],
      `Forecast unavailable (${result.status ? `HTTP ${result.status}` : result.reason})`,
      6,
    );
    return;
  }
  const body = obj(result.body);
  const rows = list(body.robot_types)
    .map(obj)
    .map((t) => {
      const queue = obj(t.queue);
      const arrivals = obj(t.arrivals);
      const forecast = obj(t.forecast);
      const capacity = obj(t.capacity);
      const drains = isNum(forecast.drain_seconds) ? duration(forecast.drain_seconds) : 'never';
      return el('tr', { 'data-robot-type': text(t.robot_type) }, [
        el('th', { scope: 'row', text: text(t.robot_type) }),
        el('td', { className: 'num', text: int(queue.queued) }),
        el('td', { className: 'num', text: fixed(arrivals.forecast_next_hour, 0) }),
        el('td', { className: 'num', title: text(t.throughput_basis), text: fixed(t.throughput_per_hour, 0) }),
        el('td', { className: 'num', text: drains }),
        el('td', {
          text: capacity.additional_slots
            ? `+${int(capacity.additional_slots)} on ${text(capacity.module_name)}`
            : text(capacity.reason),
        }),
      ]);
    });
  fillRows('forecast-table', rows, 'No robots queued or arriving', 6);
  const bottlenecks = $('forecast-bottlenecks');
  bottlenecks.replaceChildren(
    ...list(body.bottlenecks)
      .map(obj)
      .map((b) => el('li', { text: `${text(b.kind)}: ${text(b.detail)}` })),
  );
}

/** Deliveries of the last hour per channel, the queue now, and subscriptions disabled for failing. */
function renderNotifications(data) {
  const n = obj(data.notifications);
  const queue = obj(n.queue_depth);
  const hour = list(n.last_hour).map(obj);
  const channels = [...new Set([...hour.map((h) => h.channel), ...Object.keys(queue)])].sort();
  const rows = channels.map((channel) => {
    const h = obj(hour.find((row) => row.channel === channel));
    return el('tr', { 'data-channel': text(channel) }, [
      el('th', { scope: 'row', text: text(channel) }),
      el('td', { className: 'num', text: int(h.sent ?? 0) }),
      el('td', { className: 'num', text: int(h.failed ?? 0) }),
      el('td', { className: 'num', text: int(h.dead ?? 0) }),
      el('td', { className: 'num', text: int(h.waiting ?? 0) }),
      el('td', { className: 'num', text: int(queue[channel] ?? 0) }),
    ]);
  });
  const disabled = isNum(n.disabled_subscriptions) ? n.disabled_subscriptions : 0;
  setText(
    'notification-summary',
    `oldest due ${duration(n.oldest_pending_seconds ?? 0)} · ${int(disabled)} disabled subscription${disabled === 1 ? '' : 's'}`,
  );
  fillRows('notification-table', rows, 'No notifications in the last hour', 6);
}

function render(data) {
  for (const section of [
    renderSummary,
    renderStates,
    renderCharts,
    renderModules,
    renderUnroutable,
    renderOperations,
    renderNotifications,
  ]) {
    try {
      section(data);
    } catch (error) {
      // eslint-disable-next-line no-console -- a shape the page does not know; the rest still renders
      console.error(`dashboard: ${section.name} failed`, error);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Fetching and the refresh loop.

async function getJson(url, key) {
  try {
    const response = await fetch(url, {
      headers: { 'X-API-Key': key, Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    const body = await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, body };
  } catch (error) {
    return { ok: false, status: 0, body: null, reason: error?.name === 'TimeoutError' ? 'timed out' : 'network error' };
  }
}

const refused = (result) => result.status === 401 || result.status === 403;

function explain(result) {
  const problem = obj(result.body);
  if (!result.status) return result.reason;
  return [`HTTP ${result.status}`, problem.code, problem.detail].filter(Boolean).join(' · ');
}

function setRefresh(state, message) {
  const node = $('refresh-status');
  if (!node) return;
  node.dataset.state = state;
  node.textContent = message;
}

function showKeyForm(error) {
  clearTimeout(timer);
  $('board').hidden = true;
  $('change-key').hidden = true;
  $('key-panel').hidden = false;
  const message = $('key-error');
  message.hidden = !error;
  message.textContent = error ?? '';
  setRefresh('idle', 'Waiting for a key');
  // The in-app notifications panel (inbox-panel.js) stops its stream.
  document.dispatchEvent(new CustomEvent('botfleet:board-hidden'));
  $('key-input').focus();
}

function showBoard() {
  $('key-panel').hidden = true;
  $('board').hidden = false;
  $('change-key').hidden = false;
  // The in-app notifications panel (inbox-panel.js) opens its stream with the same key, once.
  document.dispatchEvent(new CustomEvent('botfleet:board-shown', { detail: { key: readKey() } }));
}

async function refresh() {
  clearTimeout(timer);
  const key = readKey();
  if (!key) return showKeyForm();
  if (document.hidden) {
    timer = setTimeout(refresh, REFRESH_MS);
    return;
  }
  setRefresh(lastSuccess ? 'ok' : 'loading', lastSuccess ? `Updated ${clock(lastSuccess)} · refreshing…` : 'Loading…');
  const mine = ++generation;
  const [dashboard, alerts, forecast] = await Promise.all([
    getJson(DASHBOARD_URL, key),
    getJson(ALERTS_URL, key),
    getJson(FORECAST_URL, key),
  ]);
  if (mine !== generation) return;
  // Only the dashboard's refusal sends the operator back to the form; a refused alerts call is
  // shown in the alerts panel and the rest of the page still works.
  if (refused(dashboard)) {
    forgetKey();
    lastSuccess = undefined;
    return showKeyForm(`The key was refused (${explain(dashboard)}). It needs the monitoring:read scope.`);
  }
  if (dashboard.ok && dashboard.body && typeof dashboard.body === 'object') {
    showBoard();
    render(dashboard.body);
    renderAlerts(alerts);
    renderForecast(forecast);
    lastSuccess = new Date();
    setRefresh('ok', `Updated ${clock(lastSuccess)}`);
  } else {
    const shown = lastSuccess ? ` · showing data from ${clock(lastSuccess)}` : '';
    setRefresh('error', `Refresh failed at ${clock(new Date())} (${explain(dashboard)})${shown}`);
  }
  timer = setTimeout(refresh, REFRESH_MS);
}

function start() {
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('key-input');
    const key = input.value.trim();
    if (!key) return showKeyForm('Paste a key first.');
    saveKey(key);
    input.value = '';
    $('key-error').hidden = true;
    void refresh();
  });
  $('change-key').addEventListener('click', () => {
    generation += 1;
    forgetKey();
    lastSuccess = undefined;
    showKeyForm();
  });
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && readKey()) void refresh();
  });
  if (readKey()) {
    $('key-panel').hidden = true;
    void refresh();
  } else {
    showKeyForm();
  }
}

start();
