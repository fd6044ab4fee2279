import { describe, expect, it } from '@jest/globals';
import { CacheService } from '../../src/cache/cache.service.js';
import { LoadBalancerService } from '../../src/load-balancer/load-balancer.service.js';
import { PerformanceScorerService } from '../../src/registry/performance-scorer.service.js';
import { RegistryService } from '../../src/registry/registry.service.js';
import { ModuleHealth } from '../../src/state/entities/index.js';
import { ModuleRegistryRepository } from '../../src/state/repositories/module-registry.repository.js';
import { http, useTestApp } from '../support/test-app.js';

type Module = Record<string, unknown> & { module_name: string; module_id: string };
type Decision = {
  selected_module: string | null;
  strategy: string;
  candidates: Array<{ module_name: string; eligible: boolean; excluded_because: string[]; score: { total: number } }>;
};

describe('modules and routing over REST (PGlite)', () => {
  const t = useTestApp({ APP_ENV: 'test' });
  const json = (method: string, body?: unknown): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const register = (body: Record<string, unknown>) => http<Module>(`${t.url}/api/v1/modules`, json('POST', body));
  const route = (robotType: string) => http<Decision>(`${t.url}/api/v1/routing/select?robot_type=${robotType}`);

  it('registers a module with the seeds id format, then replaces it on re-registration', async () => {
    const created = await register({
      module_name: 'LegalModule',
      module_version: '1.2.0',
      supported_robot_types: ['legal_review', 'contract_check'],
      health_endpoint: 'http://127.0.0.1:9/health',
      max_concurrent_robots: 4,
      registration_data: { team: 'legal' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      module_id: 'LegalModule_1.2.0_test',
      is_active: true,
      health_status: 'UNKNOWN',
      performance_score: 1,
      max_concurrent_robots: 4,
      registration_data: { team: 'legal' },
    });

    const again = await register({
      module_name: 'LegalModule',
      module_version: '1.3.0',
      supported_robot_types: ['legal_review'],
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      module_id: 'LegalModule_1.3.0_test',
      supported_robot_types: ['legal_review'],
      max_concurrent_robots: 10,
    });
    expect(again.body.registered_at).toBe(created.body.registered_at);
  });

  it.each([
    [
      { module_name: '1bad', module_version: '1', supported_robot_types: ['x'] },
      /module_name must start with a letter/,
    ],
    [
      { module_name: 'M', module_version: '1', supported_robot_types: [] },
      /supported_robot_types must contain at least 1/,
    ],
    [{ module_name: 'M', module_version: '1', supported_robot_types: ['Bad Type'] }, /each supported robot type/],
    [
      { module_name: 'M', module_version: '1', supported_robot_types: ['x'], health_endpoint: 'file:///etc/passwd' },
      /health_endpoint must be an http/,
    ],
    [
      { module_name: 'M', module_version: '1', supported_robot_types: ['x'], max_concurrent_robots: 0 },
      /max_concurrent_robots must not be less than 1/,
    ],
    [
      { module_name: 'M', module_version: '1', supported_robot_types: ['x'], owner: 'me' },
      /property owner should not exist/,
    ],
  ])('rejects %j', async (body, message) => {
    const res = await register(body);
    expect(res.status).toBe(400);
    expect((res.body.errors as string[]).join('\n')).toMatch(message);
    expect((await http(`${t.url}/api/v1/modules/M`)).status).toBe(404);
  });

  it('rejects a module_id longer than the column, and oversized registration data, writing nothing', async () => {
    const long = await register({
      module_name: 'N'.repeat(60),
      module_version: 'v'.repeat(45),
      supported_robot_types: ['x'],
    });
    expect(long.status).toBe(400);
    expect(long.body.code).toBe('MODULE_ID_TOO_LONG');
    const big = await register({
      module_name: 'Big',
      module_version: '1',
      supported_robot_types: ['x'],
      registration_data: { blob: 'x'.repeat(17_000) },
    });
    expect(big.status).toBe(400);
    expect(big.body.code).toBe('REGISTRATION_DATA_TOO_LARGE');
    expect((await http(`${t.url}/api/v1/modules/Big`)).status).toBe(404);
  });

  it('serves a module from its cache, dropped on change and rewritten by the 5-minute warm-up', async () => {
    await register({ module_name: 'CachedModule', module_version: '1.0.0', supported_robot_types: ['cached_type'] });
    const get = async () => (await http<Module>(`${t.url}/api/v1/modules/CachedModule`)).body;
    expect((await get()).total_robots_processed).toBe(0);
    // A write behind the API's back is not seen until the entry is dropped or rewritten.
    await t.db.query(`UPDATE module_registry SET total_robots_processed = 7 WHERE module_name = $1`, ['CachedModule']);
    expect((await get()).total_robots_processed).toBe(0);
    expect(await t.app.get(RegistryService).warmModuleViews()).toMatchObject({ modules: expect.any(Number) });
    expect((await get()).total_robots_processed).toBe(7);
    expect(await t.app.get(CacheService).get('module_health:CachedModule')).toMatchObject({
      total_robots_processed: 7,
    });
    // Changes through the API are visible at once.
    await http(`${t.url}/api/v1/modules/CachedModule`, json('PATCH', { max_concurrent_robots: 9 }));
    expect((await get()).max_concurrent_robots).toBe(9);
  });

  it('keeps capacity_utilization current from the robots a module is running', async () => {
    await register({
      module_name: 'Busy',
      module_version: '1.0.0',
      supported_robot_types: ['busy'],
      max_concurrent_robots: 4,
    });
    for (let i = 0; i < 3; i++)
      await http(`${t.url}/api/v1/robots`, json('POST', { robot_type: 'busy', input_data: { i } }));
    await http(`${t.url}/api/v1/modules/Busy/claims`, json('POST', { max_robots: 2 }));
    const scorer = t.app.get(PerformanceScorerService);
    expect(await scorer.refreshUtilization()).toMatchObject({ changed: expect.any(Number) });
    expect((await http<Module>(`${t.url}/api/v1/modules/Busy`)).body.capacity_utilization).toBe(0.5);
    const candidate = (await route('busy')).body.candidates.find((c) => c.module_name === 'Busy');
    expect(candidate).toMatchObject({ capacity_utilization: 0.5 });
    // Unchanged figures write nothing.
    expect(await scorer.refreshUtilization()).toEqual({ changed: 0 });
  });

  it('gets, lists, updates and deactivates', async () => {
    await register({ module_name: 'OcrModule', module_version: '2.0.0', supported_robot_types: ['invoice_extract'] });
    expect((await http<Module>(`${t.url}/api/v1/modules/OcrModule`)).body.module_id).toBe('OcrModule_2.0.0_test');
    expect((await http(`${t.url}/api/v1/modules/NoSuch`)).body).toMatchObject({
      status: 404,
      code: 'MODULE_NOT_FOUND',
    });

    const patched = await http<Module>(
      `${t.url}/api/v1/modules/OcrModule`,
      json('PATCH', { module_version: '2.1.0', max_concurrent_robots: 3 }),
    );
    expect(patched.body).toMatchObject({ module_id: 'OcrModule_2.1.0_test', max_concurrent_robots: 3 });
    expect((await http(`${t.url}/api/v1/modules/OcrModule`, json('PATCH', { module_name: 'Renamed' }))).status).toBe(
      400,
    );

    expect((await http(`${t.url}/api/v1/modules/OcrModule`, { method: 'DELETE' })).status).toBe(204);
    const active = await http<Module[]>(`${t.url}/api/v1/modules`);
    expect(active.body.map((m) => m.module_name)).not.toContain('OcrModule');
    const all = await http<Module[]>(`${t.url}/api/v1/modules?include_inactive=true`);
    expect(all.body.find((m) => m.module_name === 'OcrModule')).toMatchObject({ is_active: false });
    const byType = await http<Module[]>(`${t.url}/api/v1/modules?robot_type=legal_review`);
    expect(byType.body.map((m) => m.module_name)).toEqual(['LegalModule']);
    expect((await http(`${t.url}/api/v1/modules?include_inactive=maybe`)).status).toBe(400);
  });

  it('routes to the best score by the seeds formula and explains every candidate', async () => {
    const modules = t.app.get(ModuleRegistryRepository);
    await register({ module_name: 'FastReview', module_version: '1', supported_robot_types: ['doc_review'] });
    await register({ module_name: 'SlowReview', module_version: '1', supported_robot_types: ['doc_review'] });
    await register({ module_name: 'SickReview', module_version: '1', supported_robot_types: ['doc_review'] });
    await t.db.query(
      `UPDATE module_registry SET performance_score = 0.9, capacity_utilization = 0.2, health_status = 'HEALTHY' WHERE module_name = 'FastReview'`,
    );
    await t.db.query(
      `UPDATE module_registry SET performance_score = 1.0, capacity_utilization = 0.9, health_status = 'DEGRADED' WHERE module_name = 'SlowReview'`,
    );
    await modules.recordHealth('SickReview', ModuleHealth.Unhealthy);
    // Direct writes bypass the API: the cached table is refreshed by an API change below.
    await http(`${t.url}/api/v1/modules/SickReview`, json('PATCH', { max_concurrent_robots: 5 }));

    const decision = await route('doc_review');
    expect(decision.status).toBe(200);
    expect(decision.body.strategy).toBe('weighted');
    expect(decision.body.selected_module).toBe('FastReview');
    expect(decision.body.candidates.map((c) => [c.module_name, c.eligible, c.score.total, c.excluded_because])).toEqual(
      [
        ['FastReview', true, 0.89, []],
        ['SlowReview', true, 0.53, []],
        ['SickReview', false, 0.8, ['UNHEALTHY']],
      ],
    );
  });

  it('sees a new registration at once, despite the cached routing table', async () => {
    expect((await route('doc_review')).body.selected_module).toBe('FastReview');
    await register({ module_name: 'BrandNew', module_version: '1', supported_robot_types: ['doc_review'] });
    await t.db.query(`UPDATE module_registry SET health_status = 'HEALTHY' WHERE module_name = 'BrandNew'`);
    await http(`${t.url}/api/v1/modules/BrandNew`, json('PATCH', { max_concurrent_robots: 20 }));
    // New module: performance 1.0, utilisation 0, HEALTHY: 1.0 beats FastReview's 0.89.
    expect((await route('doc_review')).body.selected_module).toBe('BrandNew');
  });

  it('warms the routing tables of every declared robot type into the cache', async () => {
    const cache = t.app.get(CacheService);
    await cache.invalidatePrefix('routing_table:');
    const warmed = await t.app.get(LoadBalancerService).warmRoutingTables();
    expect(warmed.robot_types).toBeGreaterThanOrEqual(3);
    const table = await cache.get<Array<{ module_name: string }>>('routing_table:doc_review');
    expect(table?.map((c) => c.module_name).sort()).toEqual(['BrandNew', 'FastReview', 'SickReview', 'SlowReview']);
    const hitsBefore = cache.stats().hits;
    await route('doc_review');
    expect(cache.stats().hits).toBe(hitsBefore + 1);
  });

  it('answers a type nobody handles with no selection, and rejects a malformed type', async () => {
    expect((await route('nobody_does_this')).body).toMatchObject({ selected_module: null, candidates: [] });
    expect((await route('Robot%20Type')).status).toBe(400);
    expect((await http(`${t.url}/api/v1/routing/select`)).status).toBe(400);
  });

  it('documents the new routes in OpenAPI', async () => {
    const doc = await http<{ paths: Record<string, unknown> }>(`${t.url}/docs-json`);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/modules', '/api/v1/modules/{module_name}', '/api/v1/routing/select']),
    );
  });
});
