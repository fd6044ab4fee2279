import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page, type Request } from 'playwright-core';
import { Scope } from '../../src/security/scopes.js';
import { issueKey } from '../factories/api-key.factory.js';
import { inAppNotification, sendInApp, writeInbox } from '../factories/in-app.factory.js';
import { lifecycleClient } from '../support/lifecycle-scenarios.js';
import { http, TEST_ADMIN_KEY, useTestApp } from '../support/test-app.js';

/**
 * The /dashboard page in a real headless Chromium (Debian's, driven by playwright-core; see
 * TESTING.md "Browser"). A known workload goes through the API first; the page must show its
 * numbers, as read from the real dashboard API.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const SCREENSHOT = `${ARTIFACTS}dashboard.png`;
const NOTIFICATIONS_SCREENSHOT = `${ARTIFACTS}dashboard-notifications.png`;
// The committed screenshot (README, the issue's closing note): rewritten only when asked.
const DOCS_SCREENSHOT = fileURLToPath(new URL('../../docs/screenshots/dashboard-notifications.png', import.meta.url));
// The page refreshes every 10 s; the dashboard API may answer fleet figures up to 30 s old.
const DATA_WAIT_MS = 45_000;
const BROWSER_TEST_MS = 120_000;

const MODULE = 'DashboardMod';
const ROBOT_TYPE = 'dashboard_review';
/** The workload: 7 robots created, 4 claimed, 2 completed, 1 failed (not retried), 1 still running. */
const WORKLOAD = { created: 7, claimed: 4, completed: 2, failed: 1 };
const EXPECTED_STATES = { PENDING: 3, PROCESSING: 1, COMPLETED: 2, FAILED: 1 };

// Skipped only on a developer machine without Chromium; under CI its absence fails the test.
const haveChromium = existsSync(CHROMIUM) || process.env.CI === 'true';
if (!haveChromium) process.stderr.write(`dashboard browser test skipped: no Chromium at ${CHROMIUM}\n`);

(haveChromium ? describe : describe.skip)('GET /dashboard in headless Chromium (PGlite)', () => {
  // Alerts evaluated every second, and a PENDING robot older than 1 s fires `pending_age`: the
  // workload leaves three PENDING robots, so the alerts panel has a real alert to show.
  const t = useTestApp({ ALERT_EVALUATION_INTERVAL_MS: '1000', ALERT_PENDING_MAX_AGE_SECONDS: '1' });
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let readerKey: string;
  const requests: Request[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const api = lifecycleClient(t);
    expect((await api.registerModule(MODULE, [ROBOT_TYPE], 10)).status).toBe(201);
    for (let i = 0; i < WORKLOAD.created; i++) {
      expect((await api.createRobot({ robot_type: ROBOT_TYPE, input_data: { n: i } })).status).toBe(201);
    }
    const claimed = (await api.claim(MODULE, { max_robots: WORKLOAD.claimed, lease_seconds: 300 })).body;
    expect(claimed).toHaveLength(WORKLOAD.claimed);
    for (const robot of claimed.slice(0, WORKLOAD.completed)) {
      const done = await api.complete(robot.execute_id, { lease_token: robot.lease_token, output_data: { ok: true } });
      expect(done.body.status).toBe('COMPLETED');
    }
    const failing = claimed[WORKLOAD.completed];
    const failed = await api.fail(failing.execute_id, {
      lease_token: failing.lease_token,
      error_category: 'VALIDATION',
      error_message: 'Unreadable scan',
    });
    expect(failed.body.status).toBe('FAILED');

    // A key that may read everything but the monitoring API: refused with 403.
    const issued = await http<{ api_key: string }>(`${t.url}/api/v1/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'no monitoring', scopes: ['robots:read', 'modules:read'] }),
    });
    expect(issued.status).toBe(201);
    readerKey = issued.body.api_key;

    // Two in-app notifications for the admins before the page opens: its panel lists them.
    await writeInbox(t, 'admins', 2);

    // Playwright gives each launch a fresh temporary profile (its own --user-data-dir).
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    page.on('request', (request) => requests.push(request));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Refused and missing API calls are logged by Chromium as failed loads; those are expected.
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
        problems.push(`console: ${message.text()}`);
      }
    });
  }, BROWSER_TEST_MS);

  afterAll(async () => {
    await browser?.close();
  });

  it('serves the page, its script and its stylesheet without a key, under a strict CSP', async () => {
    const files = [
      ['/dashboard', /^text\/html/],
      ['/dashboard/dashboard.js', /^text\/javascript/],
      ['/dashboard/dashboard.css', /^text\/css/],
      ['/dashboard/inbox-panel.js', /^text\/javascript/],
      ['/dashboard/inbox-panel.css', /^text\/css/],
    ] as const;
    for (const [path, type] of files) {
      const res = await http<string>(`${t.url}${path}`, { key: null });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("form-action 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const html = (await http<string>(`${t.url}/dashboard`, { key: null })).body;
    // No inline script or style anywhere: the CSP would block it.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|<style/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('asks for a key, and shows the form again with the error when the key is refused (401, 403)', async () => {
    const response = await page.goto(`${t.url}/dashboard`);
    expect(response?.status()).toBe(200);
    await page.locator('#key-form').waitFor({ state: 'visible' });
    expect(await page.locator('#board').isVisible()).toBe(false);

    await page.fill('#key-input', `bf_deadbeef_${'x'.repeat(40)}`);
    await page.click('#key-form button[type=submit]');
    await page.locator('#key-error').waitFor({ state: 'visible' });
    expect(await page.textContent('#key-error')).toMatch(/refused \(HTTP 401 · AUTH_INVALID_KEY/);
    expect(await page.locator('#key-form').isVisible()).toBe(true);
    expect(await page.locator('#board').isVisible()).toBe(false);
    expect(await page.evaluate('Object.keys(sessionStorage)')).toEqual([]);

    await page.fill('#key-input', readerKey);
    await page.click('#key-form button[type=submit]');
    await page.locator('#key-error', { hasText: 'HTTP 403' }).waitFor();
    expect(await page.textContent('#key-error')).toMatch(/AUTH_FORBIDDEN.*monitoring:read/);
    expect(await page.locator('#board').isVisible()).toBe(false);
  });

  it(
    "shows the workload's numbers with the admin key, and keeps a screenshot",
    async () => {
      await page.fill('#key-input', TEST_ADMIN_KEY);
      await page.click('#key-form button[type=submit]');
      await page.locator('#board').waitFor({ state: 'visible' });
      expect(await page.locator('#key-panel').isVisible()).toBe(false);

      // Wait until a refresh shows the whole workload (the fleet figures may be cached up to 30 s).
      const shown = (state: string) => page.textContent(`#robots-by-state dd[data-state="${state}"] .count`);
      const allShown = Object.entries(EXPECTED_STATES)
        .map(
          ([state, n]) =>
            `document.querySelector('#robots-by-state dd[data-state="${state}"] .count')?.textContent === '${n}'`,
        )
        .join(' && ');
      await page.waitForFunction(allShown, undefined, { timeout: DATA_WAIT_MS, polling: 250 });
      for (const [state, n] of Object.entries(EXPECTED_STATES)) expect(await shown(state)).toBe(String(n));
      const pendingAlert = page.locator('#alert-table tbody tr[data-alert]', { hasText: 'pending_age' });
      await pendingAlert.waitFor({ timeout: DATA_WAIT_MS });

      // The page's figures are the API's figures, and those are the workload's.
      const api = (
        await http<{
          active_robots: { total_active: number; by_status: Record<string, number> };
          module_health: { total: number; modules: Array<{ module_name: string }> };
        }>(`${t.url}/api/v1/monitoring/dashboard`)
      ).body;
      expect(api.active_robots.by_status).toMatchObject(EXPECTED_STATES);
      expect(await page.textContent('#active-total')).toBe(String(api.active_robots.total_active));
      expect(api.active_robots.total_active).toBe(EXPECTED_STATES.PENDING + EXPECTED_STATES.PROCESSING);

      const row = page.locator(`#module-table tr[data-module="${MODULE}"]`);
      expect(await row.locator('th').textContent()).toBe(MODULE);
      expect(await row.locator('td').first().textContent()).toMatch(/^(HEALTHY|DEGRADED|UNHEALTHY|UNKNOWN)$/);
      // Every module the API lists has its row (the app's in-process example module too).
      expect(await page.textContent('#module-summary')).toMatch(new RegExp(`^${api.module_health.total} registered`));
      expect(await page.locator('#module-table tbody tr').count()).toBe(api.module_health.modules.length);
      expect(api.module_health.modules.map((m) => m.module_name)).toContain(MODULE);

      // The forecast panel: the type's queue as the forecast endpoint gives it.
      const forecast = (
        await http<{ robot_types: Array<{ robot_type: string; queue: { queued: number } }> }>(
          `${t.url}/api/v1/monitoring/forecast`,
        )
      ).body.robot_types.find((x) => x.robot_type === ROBOT_TYPE)!;
      const forecastRow = page.locator(`#forecast-table tr[data-robot-type="${ROBOT_TYPE}"]`);
      expect(await forecastRow.locator('td').first().textContent()).toBe(String(forecast.queue.queued));
      expect(forecast.queue.queued).toBe(EXPECTED_STATES.PENDING);

      const legend = (series: string) => page.textContent(`#throughput-legend [data-series="${series}"] strong`);
      expect(await legend('robots_created')).toBe(String(WORKLOAD.created));
      expect(await legend('robots_completed')).toBe(String(WORKLOAD.completed));
      expect(await legend('robots_failed')).toBe(String(WORKLOAD.failed));
      expect(
        await page.locator('#throughput-chart svg polyline, #throughput-chart svg circle').count(),
      ).toBeGreaterThan(0);

      expect(await page.textContent('#system-status')).toMatch(/^(HEALTHY|DEGRADED|UNHEALTHY)$/);
      expect(await page.textContent('#cache-hit-rate')).toMatch(/^\d+(\.\d)? %$/);
      expect(await page.textContent('#http-error-rate')).toMatch(/^\d+(\.\d)? %$/);
      expect(await page.getAttribute('#refresh-status', 'data-state')).toBe('ok');
      expect(await page.textContent('#refresh-status')).toMatch(/^Updated \d\d:\d\d:\d\d/);
      // The alerts panel lists what the alerts API says is firing.
      const firing = (
        await http<{ items: Array<{ alert_id: number; rule: string }> }>(
          `${t.url}/api/v1/monitoring/alerts?state=firing`,
        )
      ).body.items;
      const pendingId = firing.find((a) => a.rule === 'pending_age')?.alert_id;
      expect(await pendingAlert.getAttribute('data-alert')).toBe(String(pendingId));
      expect(await pendingAlert.textContent()).toMatch(/WARNING.*pending_age · fleet.*oldest PENDING robot has waited/);
      expect(await page.textContent('#alert-count')).toMatch(/^\d+ firing$/);

      // Readable at 1366x768: nothing wider than the screen.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      // eslint-disable-next-line no-console -- the screenshot is a test artefact the report points to
      console.log(`dashboard screenshot: ${SCREENSHOT}`);
      expect(problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    'keeps the last figures and says so when a refresh fails',
    async () => {
      await page.route('**/api/v1/monitoring/dashboard', (route) => route.abort('connectionrefused'));
      await page.waitForSelector('#refresh-status[data-state="error"]', { timeout: 15_000 });
      expect(await page.textContent('#refresh-status')).toMatch(
        /^Refresh failed at \d\d:\d\d:\d\d \(network error\) · showing data from \d\d:\d\d:\d\d$/,
      );
      expect(await page.textContent(`#robots-by-state dd[data-state="PENDING"] .count`)).toBe('3');
      await page.unroute('**/api/v1/monitoring/dashboard');
      await page.waitForSelector('#refresh-status[data-state="ok"]', { timeout: 15_000 });
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows in-app notifications live in the notifications panel, marks them read, and keeps a screenshot',
    async () => {
      // The panel listed the two written before, and streams with the key in a header.
      await page.locator('#inbox-status[data-state="live"]').waitFor({ timeout: 15_000 });
      expect(await page.locator('#inbox-list li[data-notification-id]').count()).toBe(2);
      expect(await page.textContent('#inbox-unread')).toBe('2 unread');

      const failed = inAppNotification('admins', { robotId: 'INVOICE_1796000000000_12', data: { attempt: 3 } });
      expect(await sendInApp(t, failed)).toEqual({ ok: true });
      const id = (
        await t.db.query<{ id: string }>(
          'SELECT notification_id::text AS id FROM inbox_notifications WHERE delivery_id = $1',
          [failed.delivery_id],
        )
      ).rows[0].id;
      const item = page.locator(`#inbox-list li[data-notification-id="${id}"]`);
      // Live: well before the page's 10 s refresh could have brought it.
      await item.waitFor({ timeout: 3_000 });
      expect(await item.locator('.inbox-title').textContent()).toBe('Robot INVOICE_1796000000000_12 failed');
      expect(await item.getAttribute('data-read')).toBe('false');
      expect(await page.textContent('#inbox-unread')).toBe('3 unread');
      // Newest first.
      expect(await page.locator('#inbox-list li').first().getAttribute('data-notification-id')).toBe(id);

      await item.locator('.inbox-mark').click();
      await page.locator(`#inbox-list li[data-notification-id="${id}"][data-read="true"]`).waitFor();
      await page.locator('#inbox-unread[data-count="2"]').waitFor();
      const read = await http<{ items: Array<{ notification_id: number; read: boolean }>; unread_count: number }>(
        `${t.url}/api/v1/notifications/inbox?audience=admins`,
      );
      expect(read.body.unread_count).toBe(2);
      expect(read.body.items.find((i) => String(i.notification_id) === id)?.read).toBe(true);

      // One more, so the picture shows a new unread one above the one just read.
      const completed = inAppNotification('admins', { type: 'robot.completed', robotId: 'LEGAL_1796000000000_7' });
      expect(await sendInApp(t, completed)).toEqual({ ok: true });
      await page.locator('#inbox-unread[data-count="3"]').waitFor({ timeout: 3_000 });
      expect(await page.locator('#inbox-list li').first().locator('.inbox-title').textContent()).toBe(
        'Robot LEGAL_1796000000000_7 completed',
      );

      // The stream was read with fetch and the X-API-Key header, resuming from the newest listed id.
      const stream = requests.find((r) => new URL(r.url()).pathname === '/api/v1/notifications/stream');
      expect(stream).toBeDefined();
      const streamHeaders = await stream!.allHeaders();
      expect(streamHeaders['x-api-key']).toBe(TEST_ADMIN_KEY);
      expect(Number(streamHeaders['last-event-id'])).toBeGreaterThan(0);
      expect(stream!.url()).not.toContain('bf_');

      await page.locator('#inbox-section').scrollIntoViewIfNeeded();
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: NOTIFICATIONS_SCREENSHOT, fullPage: true });
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        mkdirSync(dirname(DOCS_SCREENSHOT), { recursive: true });
        copyFileSync(NOTIFICATIONS_SCREENSHOT, DOCS_SCREENSHOT);
      }
      // eslint-disable-next-line no-console -- the screenshot is a test artefact the report points to
      console.log(`dashboard notifications screenshot: ${NOTIFICATIONS_SCREENSHOT}`);
      expect(problems).toEqual([]);

      // A key that may read the dashboard but not notifications: the board shows, the panel says why not.
      const monitoringOnly = (await issueKey(t, [Scope.MonitoringRead])).key;
      const other = await context.newPage();
      await other.goto(`${t.url}/dashboard`);
      await other.fill('#key-input', monitoringOnly);
      await other.click('#key-form button[type=submit]');
      await other.locator('#board').waitFor({ state: 'visible' });
      await other.locator('#inbox-status[data-state="error"]').waitFor();
      expect(await other.textContent('#inbox-status')).toBe(
        'Notifications unavailable (this key lacks notifications:read)',
      );
      await other.close();
    },
    BROWSER_TEST_MS,
  );

  it('keeps the key in this tab only, and sends it only as X-API-Key to this origin, never in a URL', async () => {
    const origin = new URL(t.url).origin;
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      expect(new URL(request.url()).origin).toBe(origin);
      expect(request.url()).not.toContain(TEST_ADMIN_KEY);
      expect(request.url()).not.toContain(readerKey);
      const headers = await request.allHeaders();
      expect(headers.referer ?? '').not.toContain('bf_');
      const key = headers['x-api-key'];
      if (key !== undefined) {
        expect(new URL(request.url()).pathname).toMatch(/^\/api\/v1\/(monitoring|notifications)\//);
      }
    }
    expect(requests.some((r) => r.headers()['x-api-key'] === TEST_ADMIN_KEY)).toBe(true);

    // Reloaded, the tab still has it; a new tab asks again.
    await page.reload();
    await page.locator('#board').waitFor({ state: 'visible' });
    const other = await context.newPage();
    await other.goto(`${t.url}/dashboard`);
    await other.locator('#key-form').waitFor({ state: 'visible' });
    expect(await other.evaluate('Object.keys(sessionStorage)')).toEqual([]);
    await other.close();

    // "Change key" forgets it.
    await page.click('#change-key');
    await page.locator('#key-form').waitFor({ state: 'visible' });
    expect(await page.evaluate('Object.keys(sessionStorage)')).toEqual([]);
  });
});
