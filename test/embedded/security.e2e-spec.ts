import { beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditService } from '../../src/security/audit.service.js';
import { PUBLIC_KEY, SCOPES_KEY } from '../../src/security/auth.decorator.js';
import { ALL_SCOPES, Scope } from '../../src/security/scopes.js';
import { RobotReadsRepository } from '../../src/state/repositories/robot-reads.repository.js';
import { registerModule } from '../factories/module.factory.js';
import { pagesTheAuditTrail } from '../support/paging-scenarios.js';
import { http, type HttpResult, TEST_ADMIN_KEY, type TestApp, useTestApp } from '../support/test-app.js';

type Issued = {
  key_id: string;
  key_prefix: string;
  name: string;
  scopes: string[];
  module_name: string | null;
  rate_limit_per_minute: number | null;
  status: string;
  expires_at: string | null;
  rotated_from: string | null;
  api_key: string;
};
type Problem = { status: number; code: string; detail: string; errors?: string[] };
type Robot = { robot_id: string; module_name: string | null; status: string; input_data: Record<string, unknown> };
type Claimed = Robot & { execute_id: string; lease_token: string };
type AuditEntry = {
  operation: string;
  success: boolean;
  status_code: number | null;
  resource_id: string | null;
  module_name: string | null;
  key_id: string | null;
  key_prefix: string | null;
  details: Record<string, unknown> | null;
};

const ADMIN_KEY_ID = `key_${TEST_ADMIN_KEY.slice(3, 11)}`;
const PROBLEM = /^application\/problem\+json/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A JSON request (a body is sent as JSON unless it is a string), with the admin key unless told otherwise. */
function client(t: TestApp) {
  return <T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
  ): Promise<HttpResult<T>> => {
    const { body, key, headers = {} } = options;
    const raw = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
    return http<T>(`${t.url}${path}`, {
      method,
      key,
      headers: { ...(raw === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: raw as string | undefined,
    });
  };
}

/** Issues a key through the admin API. */
async function issue(t: TestApp, spec: Record<string, unknown>): Promise<Issued> {
  const res = await client(t)<Issued>('POST', '/api/v1/api-keys', { body: { name: 'test key', ...spec } });
  expect(res.status).toBe(201);
  return res.body;
}

const count = async (t: TestApp, table: string): Promise<number> =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

async function audit(t: TestApp, query = ''): Promise<AuditEntry[]> {
  await t.app.get(AuditService).flush();
  const res = await client(t)<{ items: AuditEntry[] }>('GET', `/api/v1/security/audit?limit=1000&${query}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

// ---------------------------------------------------------------------------------------------
// The route table: every route Nest serves, with the access its guards enforce.

interface RouteEntry {
  method: string;
  path: string;
  /** 'PUBLIC', the scopes a key needs (comma-separated), or 'NONE' (refused to everyone). */
  access: string;
  scopes: Scope[];
  handler: string;
}

const joinPath = (...parts: string[]) =>
  '/' +
  parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');

/** Reads the metadata the ScopeGuard reads (handler first, then class), for every controller method. */
function nestRoutes(app: NestFastifyApplication): RouteEntry[] {
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: RouteEntry[] = [];
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const metatype = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!metatype) continue;
    const prototype = metatype.prototype as Record<string, (...args: unknown[]) => unknown>;
    const bases = [Reflect.getMetadata('path', metatype) as string | string[]].flat();
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const paths = Reflect.getMetadata('path', handler) as string | string[] | undefined;
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata('method', handler) as RequestMethod];
      const targets = [handler, metatype];
      const isPublic = reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) === true;
      const scopes = reflector.getAllAndOverride<Scope[] | undefined>(SCOPES_KEY, targets);
      const access = isPublic ? 'PUBLIC' : scopes ? scopes.join(',') : 'NONE';
      for (const base of bases) {
        for (const path of [paths].flat()) {
          routes.push({
            method,
            path: joinPath(base, path),
            access,
            scopes: scopes ?? [],
            handler: `${metatype.name}.${name}`,
          });
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Every route Fastify itself serves (HEAD and OPTIONS aside), read from its route tree. */
function fastifyRoutes(app: NestFastifyApplication): Array<{ method: string; path: string }> {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const prefixes: string[] = [];
  const routes: Array<{ method: string; path: string }> = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    const path = (prefixes[depth - 1] ?? '') + match[2];
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of match[3]?.split(', ') ?? []) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, path });
    }
  }
  return routes;
}

// The access the design gives each route. A route added without a row here fails the table test.
const EXPECTED_ACCESS: Record<string, string> = {
  'GET /health/live': 'PUBLIC',
  'GET /health/ready': 'PUBLIC',
  'GET /metrics': 'PUBLIC', // METRICS_ACCESS=public, the default; `key` makes it monitoring:read
  // The dashboard page, its script and stylesheet: static files holding no data (the data comes
  // from /api/v1/monitoring/*, called by the page with the operator's key).
  'GET /dashboard': 'PUBLIC',
  'GET /dashboard/dashboard.js': 'PUBLIC',
  'GET /dashboard/dashboard.css': 'PUBLIC',
  'GET /dashboard/inbox-panel.js': 'PUBLIC',
  'GET /dashboard/inbox-panel.css': 'PUBLIC',
  'GET /api/v1/monitoring/dashboard': 'monitoring:read',
  'GET /api/v1/monitoring/forecast': 'monitoring:read',
  'GET /api/v1/monitoring/health': 'admin',
  'GET /api/v1/monitoring/alerts': 'monitoring:read',
  'POST /api/v1/robots': 'robots:write',
  'POST /api/v1/robots/bulk': 'robots:write',
  'POST /api/v1/robots/:robot_id/cancel': 'robots:write',
  'POST /api/v1/robots/:robot_id/retry': 'robots:write',
  'GET /api/v1/robots': 'robots:read',
  'GET /api/v1/robots/:robot_id': 'robots:read',
  'GET /api/v1/robots/:robot_id/executions': 'robots:read',
  'POST /api/v1/modules': 'modules:write',
  'PATCH /api/v1/modules/:module_name': 'modules:write',
  'DELETE /api/v1/modules/:module_name': 'modules:write',
  'GET /api/v1/modules': 'modules:read',
  'GET /api/v1/modules/:module_name': 'modules:read',
  'GET /api/v1/routing/select': 'modules:read',
  'POST /api/v1/modules/:module_name/claims': 'work',
  'POST /api/v1/executions/:execute_id/progress': 'work',
  'POST /api/v1/executions/:execute_id/complete': 'work',
  'POST /api/v1/executions/complete': 'work',
  'POST /api/v1/executions/:execute_id/fail': 'work',
  'POST /api/v1/api-keys': 'admin',
  'GET /api/v1/api-keys': 'admin',
  'POST /api/v1/backups': 'admin',
  'GET /api/v1/backups': 'admin',
  'GET /api/v1/backups/:backup_id': 'admin',
  'GET /api/v1/api-keys/:key_id': 'admin',
  'DELETE /api/v1/api-keys/:key_id': 'admin',
  'POST /api/v1/api-keys/:key_id/rotate': 'admin',
  'GET /api/v1/events/catalogue': 'monitoring:read',
  'GET /api/v1/events/consumers': 'monitoring:read',
  'GET /api/v1/events/parked': 'monitoring:read',
  'DELETE /api/v1/events/consumers/:consumer': 'admin',
  'POST /api/v1/events/consumers/:consumer/replay': 'admin',
  'POST /api/v1/events/parked/:consumer/:event_id/replay': 'admin',
  'GET /api/v1/security/audit': 'admin',
  'POST /api/v1/notifications/subscriptions': 'notifications:write',
  'GET /api/v1/notifications/subscriptions': 'notifications:read',
  'GET /api/v1/notifications/subscriptions/:subscription_id': 'notifications:read',
  'PATCH /api/v1/notifications/subscriptions/:subscription_id': 'notifications:write',
  'DELETE /api/v1/notifications/subscriptions/:subscription_id': 'notifications:write',
  'POST /api/v1/notifications/subscriptions/:subscription_id/rotate-secret': 'notifications:write',
  'POST /api/v1/notifications/subscriptions/:subscription_id/enable': 'notifications:write',
  'POST /api/v1/notifications/subscriptions/:subscription_id/replay': 'notifications:write',
  'GET /api/v1/notifications/deliveries': 'notifications:read',
  'GET /api/v1/notifications/deliveries/:delivery_id': 'notifications:read',
  'POST /api/v1/notifications/deliveries/:delivery_id/replay': 'notifications:write',
  'GET /api/v1/notifications/inbox': 'notifications:read',
  'GET /api/v1/notifications/inbox/unread-count': 'notifications:read',
  // Marking read changes only the inbox's read state: a reader's action, not subscription management.
  'POST /api/v1/notifications/inbox/:notification_id/read': 'notifications:read',
  'POST /api/v1/notifications/inbox/read-all': 'notifications:read',
  'GET /api/v1/notifications/stream': 'notifications:read',
  'GET /api/v1/notifications/templates': 'notifications:read',
  'POST /api/v1/notifications/templates/preview': 'notifications:read',
  'GET /api/v1/notifications/templates/:event_type/:channel/:locale': 'notifications:read',
  'PUT /api/v1/notifications/templates/:event_type/:channel/:locale': 'notifications:write',
  'DELETE /api/v1/notifications/templates/:event_type/:channel/:locale': 'notifications:write',
  'POST /api/v1/ocr/documents': 'ocr:write',
  'POST /api/v1/ocr/documents/batch': 'ocr:write',
  'GET /api/v1/ocr/documents': 'ocr:read',
  'GET /api/v1/ocr/documents/:document_id': 'ocr:read',
  'POST /api/v1/ocr/templates': 'ocr:write',
  'GET /api/v1/ocr/templates': 'ocr:read',
  'GET /api/v1/ocr/templates/:id': 'ocr:read',
  'PUT /api/v1/ocr/templates/:id': 'ocr:write',
  'DELETE /api/v1/ocr/templates/:id': 'ocr:write',
  'GET /api/v1/reviews': 'reviews:read',
  'GET /api/v1/reviews/:id': 'reviews:read',
  'POST /api/v1/reviews/:id': 'reviews:write',
  'POST /api/v1/emails': 'email:write',
  'POST /api/v1/emails/import': 'email:write',
  'GET /api/v1/emails': 'email:read',
  'GET /api/v1/emails/:email_id': 'email:read',
  'GET /api/v1/emails/:email_id/attachments/:position': 'email:read',
  'POST /api/v1/emails/:email_id/label': 'email:write',
  'GET /api/v1/email/classes': 'email:read',
  'GET /api/v1/email/classes/:name': 'email:read',
  'PUT /api/v1/email/classes/:name': 'email:write',
  'DELETE /api/v1/email/classes/:name': 'email:write',
  'GET /api/v1/email/rules': 'email:read',
  'POST /api/v1/email/rules': 'email:write',
  'GET /api/v1/email/rules/:id': 'email:read',
  'PATCH /api/v1/email/rules/:id': 'email:write',
  'DELETE /api/v1/email/rules/:id': 'email:write',
  'POST /api/v1/email/training/examples': 'email:write',
  'POST /api/v1/email/training/examples/bulk': 'email:write',
  'GET /api/v1/email/training/examples': 'email:read',
  'DELETE /api/v1/email/training/examples/:id': 'email:write',
  'POST /api/v1/email/training/models': 'email:write',
  'GET /api/v1/email/training/models': 'email:read',
  'GET /api/v1/email/training/models/:version': 'email:read',
  'POST /api/v1/email/training/models/:version/activate': 'email:write',
  // A dry run: nothing is stored.
  'POST /api/v1/email/classify': 'email:read',
  'POST /api/v1/email/mailboxes': 'email:write',
  'GET /api/v1/email/mailboxes': 'email:read',
  'GET /api/v1/email/mailboxes/:mailbox_id': 'email:read',
  'PATCH /api/v1/email/mailboxes/:mailbox_id': 'email:write',
  'DELETE /api/v1/email/mailboxes/:mailbox_id': 'email:write',
  'POST /api/v1/email/mailboxes/:mailbox_id/pause': 'email:write',
  'POST /api/v1/email/mailboxes/:mailbox_id/resume': 'email:write',
  'POST /api/v1/email/mailboxes/:mailbox_id/check': 'email:write',
};

const PLACEHOLDERS: Record<string, string> = {
  robot_id: 'LEGAL_1795310000000_42',
  execute_id: '3b241101-e2bb-4255-8caf-4136c566a962',
  module_name: 'NoSuchModule',
  key_id: 'key_00000000',
  backup_id: '00000000-0000-4000-8000-000000000000',
  consumer: 'nobody',
  event_id: '1',
  subscription_id: '00000000-0000-4000-8000-000000000000',
  delivery_id: '00000000-0000-4000-8000-000000000000',
  notification_id: '1',
  event_type: 'robot.completed',
  channel: 'email',
  locale: 'en',
  document_id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  // Templates, reviews, email rules and training examples are addressed by UUID.
  id: '3b241101-e2bb-4255-8caf-4136c566a963',
  email_id: '6f1c1b0e-0000-4000-8000-000000000000',
  position: '0',
  mailbox_id: '0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f',
  // An email class.
  name: 'invoice',
  version: '1',
};

function concrete(path: string): string {
  return path.replace(/:([a-z_]+)/g, (_, name: string) => {
    if (!(name in PLACEHOLDERS)) throw new Error(`no placeholder for :${name} in ${path}: add one`);
    return PLACEHOLDERS[name];
  });
}

const withBody = (method: string) => method === 'POST' || method === 'PATCH' || method === 'PUT';

function printTable(routes: RouteEntry[], outside: Array<{ method: string; path: string }>): void {
  const lines = [
    'METHOD  PATH                                         ACCESS',
    ...routes.map((r) => `${r.method.padEnd(7)} ${r.path.padEnd(44)} ${r.access}`),
    ...outside.map(
      (r) => `${r.method.padEnd(7)} ${r.path.padEnd(44)} PUBLIC (Swagger, served by Fastify outside Nest)`,
    ),
  ];
  // eslint-disable-next-line no-console -- the route/guard table is part of the security report
  console.log(`Route/guard table (${routes.length} Nest routes):\n${lines.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------

describe('security layer (PGlite)', () => {
  const t = useTestApp({ APP_ENV: 'test', API_KEY_ROTATION_OVERLAP_SECONDS: '2' });
  const call = <T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { body?: unknown; key?: string | null; headers?: Record<string, string> },
  ) => client(t)<T>(method, path, options);

  describe('(a) route/guard table', () => {
    let routes: RouteEntry[];
    beforeAll(() => {
      routes = nestRoutes(t.app);
    });

    it('classifies every route as @Public or @Auth(scopes), as the design says', () => {
      const fastify = fastifyRoutes(t.app);
      const outside = fastify.filter((r) => !routes.some((n) => n.method === r.method && n.path === r.path));
      printTable(routes, outside);

      expect(routes.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED_ACCESS).length);
      expect(routes.filter((r) => r.access === 'NONE').map((r) => `${r.method} ${r.path} (${r.handler})`)).toEqual([]);
      expect(Object.fromEntries(routes.map((r) => [`${r.method} ${r.path}`, r.access]))).toEqual(EXPECTED_ACCESS);
      // Deny by default holds only if every Fastify route goes through Nest's guards: the only
      // others are the Swagger UI and documents.
      expect(outside.filter((r) => !r.path.startsWith('/docs'))).toEqual([]);
      expect(routes.every((r) => fastify.some((f) => f.method === r.method && f.path === r.path))).toBe(true);
    });

    it('answers 401 AUTH_REQUIRED with WWW-Authenticate on every non-public route without a key', async () => {
      const refused: string[] = [];
      for (const route of routes.filter((r) => r.access !== 'PUBLIC')) {
        const res = await call<Problem>(route.method, concrete(route.path), {
          key: null,
          body: withBody(route.method) ? {} : undefined,
        });
        if (
          res.status !== 401 ||
          res.body.code !== 'AUTH_REQUIRED' ||
          !PROBLEM.test(res.headers.get('content-type') ?? '') ||
          !/^Bearer realm=/.test(res.headers.get('www-authenticate') ?? '')
        ) {
          refused.push(`${route.method} ${route.path}: ${res.status} ${res.body.code}`);
        }
      }
      expect(refused).toEqual([]);
    });

    it('answers 401 AUTH_INVALID_KEY on every non-public route with an unknown key', async () => {
      const unknown = `bf_deadbeef_${'x'.repeat(40)}`;
      const wrong: string[] = [];
      for (const route of routes.filter((r) => r.access !== 'PUBLIC')) {
        const res = await call<Problem>(route.method, concrete(route.path), {
          key: unknown,
          body: withBody(route.method) ? {} : undefined,
        });
        if (res.status !== 401 || res.body.code !== 'AUTH_INVALID_KEY') wrong.push(`${route.method} ${route.path}`);
        expect(JSON.stringify(res.body)).not.toContain(unknown);
      }
      expect(wrong).toEqual([]);
    });

    it('serves the public routes without a key', async () => {
      for (const route of routes.filter((r) => r.access === 'PUBLIC')) {
        expect((await call(route.method, route.path, { key: null })).status).toBe(200);
      }
    });

    it('refuses each route to a key holding every other scope, and serves it to one holding exactly its scopes', async () => {
      const plain = ALL_SCOPES.filter((s) => s !== Scope.Admin);
      const keys = new Map<string, string>();
      const keyFor = async (scopes: string[]) => {
        const id = [...scopes].sort().join(',');
        // Named by number: the scope list itself can pass the 100 characters a key name may hold.
        if (!keys.has(id)) keys.set(id, (await issue(t, { name: `matrix ${keys.size}`, scopes })).api_key);
        return keys.get(id)!;
      };
      const wrong: string[] = [];
      for (const route of routes.filter((r) => r.access !== 'PUBLIC')) {
        const body = withBody(route.method) ? {} : undefined;
        const others = plain.filter((s) => !route.scopes.includes(s));
        const denied = await call<Problem>(route.method, concrete(route.path), { key: await keyFor(others), body });
        if (denied.status !== 403 || denied.body.code !== 'AUTH_FORBIDDEN') {
          wrong.push(`${route.method} ${route.path} without its scope: ${denied.status}`);
        }
        const exact = route.scopes.includes(Scope.Admin) ? TEST_ADMIN_KEY : await keyFor(route.scopes);
        const served = await call(route.method, concrete(route.path), { key: exact, body });
        if ([401, 403, 429].includes(served.status) || served.status >= 500) {
          wrong.push(`${route.method} ${route.path} with exactly ${route.access}: ${served.status}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });

  describe('(b) each scope enforced', () => {
    let robotId: string;
    const keys: Record<string, string> = {};
    beforeAll(async () => {
      expect((await registerModule(t, 'ScopeMod', ['scope_type'])).status).toBe(201);
      robotId = (await call<Robot>('POST', '/api/v1/robots', { body: { robot_type: 'scope_type', input_data: {} } }))
        .body.robot_id;
      for (const scope of ALL_SCOPES.filter((s) => s !== Scope.Admin)) {
        keys[scope] = (await issue(t, { name: `only ${scope}`, scopes: [scope] })).api_key;
      }
      keys.everything = (
        await issue(t, { name: 'all but admin', scopes: ALL_SCOPES.filter((s) => s !== 'admin') })
      ).api_key;
    });

    it('robots:read reads robots, cannot create them', async () => {
      const key = keys['robots:read'];
      expect((await call('GET', '/api/v1/robots', { key })).status).toBe(200);
      expect((await call('GET', `/api/v1/robots/${robotId}`, { key })).status).toBe(200);
      const before = await count(t, 'robots');
      const denied = await call<Problem>('POST', '/api/v1/robots', {
        key,
        body: { robot_type: 'scope_type', input_data: {} },
      });
      expect(denied.status).toBe(403);
      expect(denied.body.code).toBe('AUTH_FORBIDDEN');
      expect(denied.headers.get('content-type')).toMatch(PROBLEM);
      expect(await count(t, 'robots')).toBe(before);
    });

    it('robots:write creates and cancels robots, cannot read them', async () => {
      const key = keys['robots:write'];
      const created = await call<Robot>('POST', '/api/v1/robots', {
        key,
        body: { robot_type: 'scope_type', input_data: {} },
      });
      expect(created.status).toBe(201);
      expect((await call('POST', `/api/v1/robots/${created.body.robot_id}/cancel`, { key, body: {} })).status).toBe(
        200,
      );
      expect((await call<Problem>('GET', '/api/v1/robots', { key })).body.code).toBe('AUTH_FORBIDDEN');
      expect((await call('GET', `/api/v1/robots/${robotId}`, { key })).status).toBe(403);
    });

    it('modules:read reads modules and routing, cannot register', async () => {
      const key = keys['modules:read'];
      expect((await call('GET', '/api/v1/modules/ScopeMod', { key })).status).toBe(200);
      expect((await call('GET', '/api/v1/routing/select?robot_type=scope_type', { key })).status).toBe(200);
      expect((await registerModule(t, 'NotByReader', ['x_type'], { key })).status).toBe(403);
      expect((await call('GET', '/api/v1/modules/NotByReader')).status).toBe(404);
    });

    it('modules:write registers and changes modules, cannot read them', async () => {
      const key = keys['modules:write'];
      expect((await registerModule(t, 'ByWriter', ['w_type'], { key })).status).toBe(201);
      expect(
        (await call('PATCH', '/api/v1/modules/ByWriter', { key, body: { max_concurrent_robots: 3 } })).status,
      ).toBe(200);
      expect((await call('GET', '/api/v1/modules', { key })).status).toBe(403);
    });

    it('work claims robots, cannot create or read them', async () => {
      const key = keys.work;
      const claimed = await call<Claimed[]>('POST', '/api/v1/modules/ScopeMod/claims', { key, body: {} });
      expect(claimed.status).toBe(200);
      expect(claimed.body.map((r) => r.robot_id)).toEqual([robotId]);
      expect((await call('GET', `/api/v1/robots/${robotId}`, { key })).status).toBe(403);
      expect(
        (await call('POST', '/api/v1/robots', { key, body: { robot_type: 'scope_type', input_data: {} } })).status,
      ).toBe(403);
    });

    it('monitoring:read opens the dashboard and alerts only, not robots, modules, keys or the detailed health', async () => {
      const key = keys['monitoring:read'];
      for (const path of [
        '/api/v1/robots',
        '/api/v1/modules',
        '/api/v1/security/audit',
        '/api/v1/api-keys',
        '/api/v1/monitoring/health',
      ]) {
        expect((await call<Problem>('GET', path, { key })).body.code).toBe('AUTH_FORBIDDEN');
      }
      for (const path of ['/api/v1/monitoring/dashboard', '/api/v1/monitoring/alerts', '/health/ready']) {
        expect((await call('GET', path, { key })).status).toBe(200);
      }
    });

    it('admin alone manages keys and reads the audit: every other scope together cannot', async () => {
      const key = keys.everything;
      const before = await count(t, 'api_keys');
      const escalate = await call<Problem>('POST', '/api/v1/api-keys', {
        key,
        body: { name: 'escalation', scopes: ['admin'] },
      });
      expect(escalate.status).toBe(403);
      expect(await count(t, 'api_keys')).toBe(before);
      expect((await call('GET', '/api/v1/api-keys', { key })).status).toBe(403);
      expect((await call('GET', '/api/v1/security/audit', { key })).status).toBe(403);
      expect((await call('GET', '/api/v1/api-keys')).status).toBe(200);
      expect((await call('GET', '/api/v1/security/audit')).status).toBe(200);
    });

    it('takes the key from Authorization: Bearer as well, and nothing from other schemes', async () => {
      const key = keys['robots:read'];
      const bearer = { Authorization: `Bearer ${key}` };
      expect((await call('GET', '/api/v1/robots', { key: null, headers: bearer })).status).toBe(200);
      expect(
        (await call('GET', '/api/v1/robots', { key: null, headers: { Authorization: `bearer ${key}` } })).status,
      ).toBe(200);
      const basic = await call<Problem>('GET', '/api/v1/robots', {
        key: null,
        headers: { Authorization: `Basic ${Buffer.from(`u:${key}`).toString('base64')}` },
      });
      expect(basic.status).toBe(401);
      expect(basic.body.code).toBe('AUTH_REQUIRED');
    });
  });

  describe('(c) a module-bound key acts for its own module only', () => {
    let bound: Issued;
    let own: Robot;
    let other: Robot;
    let otherClaim: Claimed;

    const snapshot = async () => ({
      robot: (await t.db.query(`SELECT * FROM robots WHERE robot_id = $1`, [other.robot_id])).rows,
      attempts: (
        await t.db.query(`SELECT * FROM robot_execute WHERE robot_id = $1 ORDER BY execute_id`, [other.robot_id])
      ).rows,
      events: await t.app.get(RobotReadsRepository).events(other.robot_id),
      modules: (
        await t.db.query(
          `SELECT module_version, supported_robot_types, max_concurrent_robots, is_active
             FROM module_registry WHERE module_name = 'BoundB'`,
        )
      ).rows,
    });

    beforeAll(async () => {
      expect((await registerModule(t, 'BoundA', ['bound_a'])).status).toBe(201);
      expect((await registerModule(t, 'BoundB', ['bound_b'])).status).toBe(201);
      own = (await call<Robot>('POST', '/api/v1/robots', { body: { robot_type: 'bound_a', input_data: { n: 1 } } }))
        .body;
      other = (await call<Robot>('POST', '/api/v1/robots', { body: { robot_type: 'bound_b', input_data: { n: 2 } } }))
        .body;
      expect([own.module_name, other.module_name]).toEqual(['BoundA', 'BoundB']);
      // The admin (an unbound key) holds BoundB's robot under a lease.
      [otherClaim] = (await call<Claimed[]>('POST', '/api/v1/modules/BoundB/claims', { body: {} })).body;
      expect(otherClaim.robot_id).toBe(other.robot_id);
      bound = await issue(t, {
        name: 'worker A',
        scopes: ['work', 'robots:read', 'robots:write', 'modules:read', 'modules:write'],
        module_name: 'BoundA',
      });
      expect(bound.module_name).toBe('BoundA');
    });

    it('refuses a key bound to a module that is not registered', async () => {
      const before = await count(t, 'api_keys');
      const res = await call<Problem>('POST', '/api/v1/api-keys', {
        body: { name: 'ghost', scopes: ['work'], module_name: 'GhostModule' },
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('API_KEY_MODULE_NOT_REGISTERED');
      expect(await count(t, 'api_keys')).toBe(before);
    });

    it("cannot claim, report on, read, list, cancel or retry another module's robot; nothing changes", async () => {
      const key = bound.api_key;
      const before = await snapshot();
      const lease = otherClaim.lease_token;
      const exec = otherClaim.execute_id;

      const claim = await call<Problem>('POST', '/api/v1/modules/BoundB/claims', { key, body: {} });
      expect([claim.status, claim.body.code]).toEqual([403, 'AUTH_WRONG_MODULE']);
      for (const [action, body] of [
        ['progress', { lease_token: lease, progress_percentage: 99, current_step: 'HIJACKED' }],
        ['complete', { lease_token: lease, output_data: { stolen: true } }],
        ['fail', { lease_token: lease, error_category: 'VALIDATION', error_message: 'sabotage' }],
      ] as const) {
        const res = await call<Problem>('POST', `/api/v1/executions/${exec}/${action}`, { key, body });
        expect([action, res.status, res.body.code]).toEqual([action, 409, 'LEASE_LOST']);
      }
      const batch = await call<{ completed: number; results: Array<{ status: string }> }>(
        'POST',
        '/api/v1/executions/complete',
        { key, body: { results: [{ execute_id: exec, lease_token: lease, output_data: { stolen: true } }] } },
      );
      expect([batch.status, batch.body.completed, batch.body.results[0].status]).toEqual([200, 0, 'lease_lost']);
      for (const path of [`/api/v1/robots/${other.robot_id}`, `/api/v1/robots/${other.robot_id}/executions`]) {
        expect((await call('GET', path, { key })).status).toBe(404);
      }
      expect((await call('POST', `/api/v1/robots/${other.robot_id}/cancel`, { key, body: {} })).status).toBe(404);
      expect((await call('POST', `/api/v1/robots/${other.robot_id}/retry`, { key })).status).toBe(404);

      const listed = await call<{ items: Robot[] }>('GET', '/api/v1/robots?limit=200', { key });
      expect(listed.body.items.length).toBeGreaterThan(0);
      expect(new Set(listed.body.items.map((r) => r.module_name))).toEqual(new Set(['BoundA']));
      expect((await call<Problem>('GET', '/api/v1/robots?module_name=BoundB', { key })).body.code).toBe(
        'AUTH_WRONG_MODULE',
      );
      const modules = await call<Array<{ module_name: string }>>('GET', '/api/v1/modules', { key });
      expect(modules.body.map((m) => m.module_name)).toEqual(['BoundA']);
      expect((await call('GET', '/api/v1/modules/BoundB', { key })).status).toBe(403);
      expect((await call('PATCH', '/api/v1/modules/BoundB', { key, body: { max_concurrent_robots: 1 } })).status).toBe(
        403,
      );
      expect((await call('DELETE', '/api/v1/modules/BoundB', { key })).status).toBe(403);
      expect((await registerModule(t, 'BoundB', ['bound_b'], { key })).status).toBe(403);
      // The routing dry run lists every module's scores: not for a key confined to one.
      const dryRun = await call<Problem>('GET', '/api/v1/routing/select?robot_type=bound_b', { key });
      expect([dryRun.status, dryRun.body.code]).toEqual([403, 'AUTH_WRONG_MODULE']);

      expect(await snapshot()).toEqual(before);
      // The lease was valid all along: its holder can still report with it.
      const holder = await call('POST', `/api/v1/executions/${exec}/progress`, {
        body: { lease_token: lease, progress_percentage: 10 },
      });
      expect(holder.status).toBe(200);
    });

    it('works on its own module: claim, progress, complete, read', async () => {
      const key = bound.api_key;
      const [claimed] = (await call<Claimed[]>('POST', '/api/v1/modules/BoundA/claims', { key, body: {} })).body;
      expect(claimed.robot_id).toBe(own.robot_id);
      const progress = await call('POST', `/api/v1/executions/${claimed.execute_id}/progress`, {
        key,
        body: { lease_token: claimed.lease_token, progress_percentage: 50 },
      });
      expect(progress.status).toBe(200);
      const done = await call<Robot>('POST', `/api/v1/executions/${claimed.execute_id}/complete`, {
        key,
        body: { lease_token: claimed.lease_token, output_data: { ok: true } },
      });
      expect([done.status, done.body.status]).toEqual([200, 'COMPLETED']);
      expect((await call('GET', `/api/v1/robots/${own.robot_id}`, { key })).status).toBe(200);
      expect((await call('GET', '/api/v1/modules/BoundA', { key })).status).toBe(200);
    });
  });

  describe('(d) revocation and expiry', () => {
    it('refuses a key revoked through the API at once, with AUTH_INVALID_KEY', async () => {
      const key = await issue(t, { name: 'to revoke', scopes: ['robots:read'] });
      expect((await call('GET', '/api/v1/robots', { key: key.api_key })).status).toBe(200);
      const revoked = await call<Issued>('DELETE', `/api/v1/api-keys/${key.key_id}`);
      expect(revoked.status).toBe(200);
      expect(revoked.body.status).toBe('revoked');
      const refused = await call<Problem>('GET', '/api/v1/robots', { key: key.api_key });
      expect([refused.status, refused.body.code]).toEqual([401, 'AUTH_INVALID_KEY']);
      expect(refused.body.detail).toMatch(/revoked/);
      // Listed only on request.
      const active = (await call<Issued[]>('GET', '/api/v1/api-keys')).body.map((k) => k.key_id);
      expect(active).not.toContain(key.key_id);
      const all = (await call<Issued[]>('GET', '/api/v1/api-keys?include_revoked=true')).body.map((k) => k.key_id);
      expect(all).toContain(key.key_id);
    });

    it('refuses, within API_KEY_CACHE_MS, a key revoked behind the cached verdict (as by another instance)', async () => {
      const key = await issue(t, { name: 'revoked elsewhere', scopes: ['robots:read'] });
      expect((await call('GET', '/api/v1/robots', { key: key.api_key })).status).toBe(200);
      await t.db.query(`UPDATE api_keys SET revoked_at = now() WHERE key_id = $1`, [key.key_id]);
      const revokedAt = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - revokedAt < 1_500) {
        status = (await call('GET', '/api/v1/robots', { key: key.api_key })).status;
        if (status === 200) await sleep(50);
      }
      expect(status).toBe(401);
      expect(Date.now() - revokedAt).toBeLessThan(1_500);
    });

    it('refuses a key once its expires_at has passed', async () => {
      const expiresAt = new Date(Date.now() + 1_500).toISOString();
      const key = await issue(t, { name: 'short-lived', scopes: ['robots:read'], expires_at: expiresAt });
      expect(key.expires_at).toBe(expiresAt);
      expect((await call('GET', '/api/v1/robots', { key: key.api_key })).status).toBe(200);
      await sleep(new Date(expiresAt).getTime() - Date.now() + 100);
      const refused = await call<Problem>('GET', '/api/v1/robots', { key: key.api_key });
      expect([refused.status, refused.body.code]).toEqual([401, 'AUTH_INVALID_KEY']);
      expect(refused.body.detail).toMatch(/expired/);
      expect((await call<Issued>('GET', `/api/v1/api-keys/${key.key_id}`)).body.status).toBe('expired');
    });
  });

  describe('(e) rotation', () => {
    it('issues a successor at once; the old key works for the overlap (2 s here), then stops', async () => {
      const old = await issue(t, { name: 'rotating', scopes: ['robots:read', 'work'], rate_limit_per_minute: 500 });
      expect((await call('GET', '/api/v1/robots', { key: old.api_key })).status).toBe(200);
      const rotated = await call<Issued>('POST', `/api/v1/api-keys/${old.key_id}/rotate`);
      const rotatedAt = Date.now();
      expect(rotated.status).toBe(201);
      const successor = rotated.body;
      expect(successor.api_key).toMatch(/^bf_[0-9a-f]{8}_[A-Za-z0-9_-]{32,128}$/);
      expect(successor.api_key).not.toBe(old.api_key);
      expect(successor).toMatchObject({
        rotated_from: old.key_id,
        name: 'rotating',
        scopes: ['robots:read', 'work'],
        rate_limit_per_minute: 500,
        status: 'active',
        expires_at: null,
      });
      expect((await call('GET', '/api/v1/robots', { key: successor.api_key })).status).toBe(200);
      expect((await call('GET', '/api/v1/robots', { key: old.api_key })).status).toBe(200);
      const oldRow = (await call<Issued>('GET', `/api/v1/api-keys/${old.key_id}`)).body;
      expect(new Date(oldRow.expires_at!).getTime()).toBeGreaterThan(rotatedAt - 1_000);
      expect(new Date(oldRow.expires_at!).getTime()).toBeLessThan(rotatedAt + 3_000);

      await sleep(new Date(oldRow.expires_at!).getTime() - Date.now() + 100);
      const refused = await call<Problem>('GET', '/api/v1/robots', { key: old.api_key });
      expect([refused.status, refused.body.code]).toEqual([401, 'AUTH_INVALID_KEY']);
      expect((await call('GET', '/api/v1/robots', { key: successor.api_key })).status).toBe(200);
      // An expired or revoked key cannot be rotated again.
      const again = await call<Problem>('POST', `/api/v1/api-keys/${old.key_id}/rotate`);
      expect([again.status, again.body.code]).toEqual([409, 'API_KEY_NOT_ROTATABLE']);
      await call('DELETE', `/api/v1/api-keys/${successor.key_id}`);
      expect((await call('POST', `/api/v1/api-keys/${successor.key_id}/rotate`)).status).toBe(409);
      expect((await call('POST', '/api/v1/api-keys/key_00000000/rotate')).status).toBe(404);
    });
  });

  describe('(g) hostile input', () => {
    let robotsBefore: number;
    beforeAll(async () => {
      expect((await registerModule(t, 'HostileMod', ['hostile_type'])).status).toBe(201);
    });

    it('stores SQL injection strings inert and returns them verbatim', async () => {
      const input = {
        q: "'; DROP TABLE robots; --",
        'k\'ey"': "1' OR '1'='1",
        nested: { $where: '1=1', arr: ["') UNION SELECT api_key_hash FROM api_keys --"] },
      };
      const before = await count(t, 'robots');
      const modulesBefore = await count(t, 'module_registry');
      const created = await call<Robot>('POST', '/api/v1/robots', {
        body: { robot_type: 'hostile_type', input_data: input },
      });
      expect(created.status).toBe(201);
      expect(created.body.input_data).toEqual(input);
      expect((await call<Robot>('GET', `/api/v1/robots/${created.body.robot_id}`)).body.input_data).toEqual(input);
      const { rows } = await t.db.query<{ robots: string | null; keys: string | null }>(
        `SELECT to_regclass('robots')::text AS robots, to_regclass('api_keys')::text AS keys`,
      );
      expect(rows[0]).toEqual({ robots: 'robots', keys: 'api_keys' });
      expect(await count(t, 'robots')).toBe(before + 1);

      // Identifier-like fields refuse quotes outright; filters bind them as parameters.
      const refused = await call<Problem>('POST', '/api/v1/robots', {
        body: { robot_type: 'hostile_type', input_data: {}, correlation_id: "x' OR '1'='1" },
      });
      expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(await count(t, 'robots')).toBe(before + 1);
      const filtered = await call<{ items: Robot[] }>(
        'GET',
        `/api/v1/robots?correlation_id=${encodeURIComponent("' OR '1'='1")}`,
      );
      expect(filtered.status).toBe(200);
      expect(filtered.body.items).toEqual([]);
      expect((await call('GET', `/api/v1/modules/${encodeURIComponent("x' OR '1'='1")}`)).status).toBe(400);
      expect((await call('GET', `/api/v1/routing/select?robot_type=${encodeURIComponent("x'; --")}`)).status).toBe(400);
      const registration = { note: "'); DELETE FROM module_registry; --" };
      const module = await call<{ registration_data: unknown }>('POST', '/api/v1/modules', {
        body: {
          module_name: 'HostileMod',
          module_version: '1.0.1',
          supported_robot_types: ['hostile_type'],
          registration_data: registration,
        },
      });
      expect(module.body.registration_data).toEqual(registration);
      expect(await count(t, 'module_registry')).toBe(modulesBefore);
    });

    it('strips HTML and scripts from current_step, error_message, reason and key names', async () => {
      const script = '<script>alert(document.cookie)</script>';
      const robot = (
        await call<Robot>('POST', '/api/v1/robots', { body: { robot_type: 'hostile_type', input_data: {} } })
      ).body;
      const claims = (await call<Claimed[]>('POST', '/api/v1/modules/HostileMod/claims', { body: { max_robots: 10 } }))
        .body;
      const claim = claims.find((c) => c.robot_id === robot.robot_id)!;
      expect(claim).toBeDefined();
      const progress = await call<{ current_step: string }>('POST', `/api/v1/executions/${claim.execute_id}/progress`, {
        body: {
          lease_token: claim.lease_token,
          current_step: `${script}OCR_<b>EXTRACT</b><img src=x onerror=alert(1)>`,
        },
      });
      expect(progress.status).toBe(200);
      expect(progress.body.current_step).toBe('OCR_EXTRACT');
      const failed = await call('POST', `/api/v1/executions/${claim.execute_id}/fail`, {
        body: {
          lease_token: claim.lease_token,
          error_category: 'VALIDATION',
          error_message: `Court <i>registry</i> said no${script}<iframe src="https://evil.example"></iframe>`,
        },
      });
      expect(failed.status).toBe(200);
      const history = await call<Array<{ current_step: string; error_message: string }>>(
        'GET',
        `/api/v1/robots/${robot.robot_id}/executions`,
      );
      expect(history.body[0]).toMatchObject({ current_step: 'OCR_EXTRACT', error_message: 'Court registry said no' });

      const toCancel = (
        await call<Robot>('POST', '/api/v1/robots', { body: { robot_type: 'hostile_type', input_data: {} } })
      ).body;
      const cancelled = await call('POST', `/api/v1/robots/${toCancel.robot_id}/cancel`, {
        body: { reason: `Duplicate ${script}<b>request</b>` },
      });
      expect(cancelled.status).toBe(200);
      const events = await t.app.get(RobotReadsRepository).events(toCancel.robot_id);
      expect(events.find((e) => e.event_type === 'robot.cancelled')?.payload).toMatchObject({
        reason: 'Duplicate request',
      });

      const key = await issue(t, { name: `ops ${script}<b>team</b>`, scopes: ['robots:read'] });
      expect(key.name).toBe('ops team');
      const empty = await call<Problem>('POST', '/api/v1/api-keys', { body: { name: script, scopes: ['work'] } });
      expect([empty.status, empty.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const stored = await t.db.query(
        `SELECT 1 FROM robot_execute WHERE current_step LIKE '%<%' OR error_message LIKE '%<%'`,
      );
      expect(stored.rowCount).toBe(0);
    });

    describe('refused with a clear 4xx problem, writing nothing', () => {
      beforeAll(async () => {
        robotsBefore = await count(t, 'robots');
      });

      const nest = (depth: number): Record<string, unknown> => (depth === 0 ? {} : { a: nest(depth - 1) });
      const robot = (extra: Record<string, unknown> = {}) =>
        JSON.stringify({ robot_type: 'hostile_type', input_data: {}, ...extra });

      it.each([
        [
          'an 11 MB body',
          413,
          'PAYLOAD_TOO_LARGE',
          'application/json',
          () => robot({ input_data: { pad: 'x'.repeat(11 * 1024 * 1024) } }),
        ],
        [
          'an XML body',
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'application/xml',
          () => '<robot><robot_type>x</robot_type></robot>',
        ],
        ['a form body', 415, 'UNSUPPORTED_MEDIA_TYPE', 'application/x-www-form-urlencoded', () => 'robot_type=x'],
        ['JSON sent as text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE', 'text/plain', () => robot()],
        ['JSON nested 40 deep', 400, 'BAD_REQUEST', 'application/json', () => robot({ input_data: nest(38) })],
        ['malformed JSON', 400, 'BAD_REQUEST', 'application/json', () => '{"robot_type": "hostile_type", '],
        ['an unknown field', 400, 'VALIDATION_FAILED', 'application/json', () => robot({ owner: 'me' })],
        [
          'a wrong type',
          400,
          'VALIDATION_FAILED',
          'application/json',
          () => robot({ input_data: 'DROP TABLE robots' }),
        ],
        [
          'a prototype-pollution key',
          400,
          'BAD_REQUEST',
          'application/json',
          () => '{"robot_type":"hostile_type","input_data":{},"__proto__":{"admin":true}}',
        ],
      ])('%s → %i %s', async (_what, status, code, contentType, body) => {
        const res = await call<Problem>('POST', '/api/v1/robots', {
          body: body(),
          headers: { 'content-type': contentType },
        });
        expect(res.status).toBe(status);
        expect(res.headers.get('content-type')).toMatch(PROBLEM);
        expect(res.body.code).toBe(code);
        expect(await count(t, 'robots')).toBe(robotsBefore);
      });

      it('accepts JSON 32 deep, the limit, and refuses 33', async () => {
        // The body is level 1, input_data level 2: nest(30) makes 32 levels in all.
        expect((await call('POST', '/api/v1/robots', { body: robot({ input_data: nest(30) }) })).status).toBe(201);
        const deep = await call<Problem>('POST', '/api/v1/robots', { body: robot({ input_data: nest(31) }) });
        expect(deep.status).toBe(400);
        expect(deep.body.detail).toMatch(/deeper than 32/);
        expect(await count(t, 'robots')).toBe(robotsBefore + 1);
        robotsBefore++;
      });

      it('refuses a form-encoded body even where every field is optional (cancel, claim)', async () => {
        const target = (await call<Robot>('POST', '/api/v1/robots', { body: robot() })).body;
        robotsBefore++;
        const form = { 'content-type': 'application/x-www-form-urlencoded' };
        const cancel = await call<Problem>('POST', `/api/v1/robots/${target.robot_id}/cancel`, {
          body: 'reason=forged',
          headers: form,
        });
        expect([cancel.status, cancel.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
        const claim = await call('POST', '/api/v1/modules/HostileMod/claims', { body: '', headers: form });
        expect(claim.status).toBe(415);
        expect((await call<Robot>('GET', `/api/v1/robots/${target.robot_id}`)).body.status).toBe('PENDING');
      });

      it.each([
        ['not in the bf_ format', 'bf_zz_<script>hunter2</script>'],
        ['a known prefix with a forged secret', `${TEST_ADMIN_KEY.slice(0, 12)}${'A'.repeat(40)}`],
        ['8 KB long', `bf_00000000_${'s3cr3t'.repeat(1_400)}`],
      ])('refuses a key %s with 401, without echoing it', async (_what, key) => {
        const res = await call<Problem>('POST', '/api/v1/robots', { key, body: robot() });
        expect([res.status, res.body.code]).toEqual([401, 'AUTH_INVALID_KEY']);
        expect(JSON.stringify(res.body)).not.toContain(key);
        expect(JSON.stringify(res.body)).not.toContain('hunter2');
        expect(JSON.stringify(Object.fromEntries(res.headers))).not.toContain(key.slice(12, 30));
        expect(await count(t, 'robots')).toBe(robotsBefore);
      });
    });
  });

  describe('(h) response headers', () => {
    it('sends helmet security headers on API answers and errors alike', async () => {
      for (const res of [await call('GET', '/api/v1/robots'), await call('GET', '/api/v1/robots', { key: null })]) {
        expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(res.headers.get('x-powered-by')).toBeNull();
      }
    });

    it('leaves CORS off by default: no Access-Control-Allow-Origin, even on a preflight', async () => {
      const origin = { Origin: 'https://evil.example' };
      const get = await call('GET', '/api/v1/robots', { headers: origin });
      expect(get.status).toBe(200);
      expect(get.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await call('OPTIONS', '/api/v1/robots', {
        key: null,
        headers: { ...origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-api-key' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    });
  });

  describe('(i) secrets', () => {
    it('shows a secret in its create and rotate answers only: never in lists, gets, the database or the audit', async () => {
      const key = await issue(t, { name: 'secretive', scopes: ['robots:read'] });
      const rotated = (await call<Issued>('POST', `/api/v1/api-keys/${key.key_id}/rotate`)).body;
      expect(key.api_key.startsWith(`bf_${key.key_prefix}_`)).toBe(true);
      for (const secret of [key.api_key, rotated.api_key]) {
        expect((await call('GET', '/api/v1/robots', { key: secret })).status).toBe(200);
      }
      const answers = [
        await call('GET', '/api/v1/api-keys'),
        await call('GET', '/api/v1/api-keys?include_revoked=true'),
        await call('GET', `/api/v1/api-keys/${key.key_id}`),
        await call('GET', `/api/v1/api-keys/${rotated.key_id}`),
        await call('DELETE', `/api/v1/api-keys/${rotated.key_id}`),
      ];
      const listed = (answers[0].body as unknown as Issued[]).find((k) => k.key_id === key.key_id);
      expect(listed).toMatchObject({ key_prefix: key.key_prefix, name: 'secretive' });
      for (const res of answers) {
        const text = JSON.stringify(res.body);
        for (const secret of [key.api_key, rotated.api_key, TEST_ADMIN_KEY]) {
          expect(text).not.toContain(secret);
          expect(text).not.toContain(secret.slice(12));
        }
        expect(text).not.toMatch(/"api_key"|api_key_hash/);
      }
      // Stored as a hash only.
      const { rows } = await t.db.query<{ row: string }>(`SELECT api_keys::text AS row FROM api_keys`);
      const table = rows.map((r) => r.row).join('\n');
      for (const secret of [key.api_key, rotated.api_key, TEST_ADMIN_KEY])
        expect(table).not.toContain(secret.slice(12));
      const trail = JSON.stringify(await audit(t));
      for (const secret of [key.api_key, rotated.api_key, TEST_ADMIN_KEY])
        expect(trail).not.toContain(secret.slice(12));
    });
  });

  describe('(f) audit trail', () => {
    it('records key creation, rotation and revocation, module registration, and refusals', async () => {
      const key = await issue(t, { name: 'audited', scopes: ['robots:read'] });
      expect((await call('GET', '/api/v1/security/audit', { key: key.api_key })).status).toBe(403);
      const rotated = (await call<Issued>('POST', `/api/v1/api-keys/${key.key_id}/rotate`)).body;
      await call('DELETE', `/api/v1/api-keys/${rotated.key_id}`);
      await registerModule(t, 'AuditedMod', ['audited_type']);
      expect((await call('GET', '/api/v1/security/audit', { key: rotated.api_key })).status).toBe(401);
      expect((await call('GET', '/api/v1/robots', { key: null })).status).toBe(401);

      const entries = await audit(t);
      const by = (operation: string) => entries.filter((e) => e.operation === operation);
      expect(by('api_key.created').find((e) => e.resource_id === key.key_id)).toMatchObject({
        success: true,
        key_id: ADMIN_KEY_ID,
        details: { scopes: ['robots:read'] },
      });
      expect(by('api_key.rotated').find((e) => e.resource_id === rotated.key_id)).toMatchObject({
        key_id: ADMIN_KEY_ID,
        details: { rotated_from: key.key_id },
      });
      expect(by('api_key.revoked').some((e) => e.resource_id === rotated.key_id)).toBe(true);
      expect(by('module.registered').find((e) => e.module_name === 'AuditedMod')).toMatchObject({
        success: true,
        key_id: ADMIN_KEY_ID,
        details: { created: true },
      });
      expect(by('auth.failed')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            success: false,
            status_code: 401,
            details: expect.objectContaining({ reason: 'revoked' }),
          }),
          expect.objectContaining({ status_code: 401, key_id: null, details: { method: 'GET', reason: 'missing' } }),
        ]),
      );
      expect(by('auth.forbidden').find((e) => e.key_id === key.key_id)).toMatchObject({
        status_code: 403,
        key_prefix: key.key_prefix,
        details: { method: 'GET', needed: ['admin'] },
      });

      // Filters and pagination.
      const mine = await audit(t, `key_prefix=${key.key_prefix}&success=false`);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((e) => e.key_prefix === key.key_prefix && !e.success)).toBe(true);
      const first = await call<{ items: AuditEntry[]; next_cursor: string }>('GET', '/api/v1/security/audit?limit=2');
      expect(first.body.items).toHaveLength(2);
      const second = await call<{ items: Array<{ audit_id: string }> }>(
        'GET',
        `/api/v1/security/audit?limit=2&cursor=${first.body.next_cursor}`,
      );
      expect(second.body.items).toHaveLength(2);
      const ids = [...first.body.items, ...second.body.items].map(
        (e) => (e as unknown as { audit_id: string }).audit_id,
      );
      expect(new Set(ids).size).toBe(4);
      expect((await call<Problem>('GET', '/api/v1/security/audit?cursor=bm9wZQ')).body.code).toBe('INVALID_CURSOR');
      expect((await call('GET', "/api/v1/security/audit?key_prefix=' OR 1=1 --")).status).toBe(400);
    });

    it('pages newest first; an exactly full page is the last', () => pagesTheAuditTrail(t));
  });
});

// ---------------------------------------------------------------------------------------------

describe('rate limits (PGlite, memory counters)', () => {
  const t = useTestApp({
    RATE_LIMIT_PER_MINUTE: '5',
    RATE_LIMIT_IP_PER_MINUTE: '4',
    RATE_LIMIT_HEALTH_PER_MINUTE: '3',
    RATE_LIMIT_BULK_PER_MINUTE: '2',
    RATE_LIMIT_WORK_PER_MINUTE: '8',
    RATE_LIMIT_MODULE_OVERRIDES: 'RateMod=3,OtherMod=50',
    CORS_ORIGINS: 'https://console.example',
  });
  const call = <T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { body?: unknown; key?: string | null; headers?: Record<string, string> },
  ) => client(t)<T>(method, path, options);
  const statuses = async (n: number, send: () => Promise<HttpResult>) => {
    const seen: number[] = [];
    for (let i = 0; i < n; i++) seen.push((await send()).status);
    return seen;
  };

  beforeAll(async () => {
    // The test admin key gets a limit of its own, so setting up does not eat into the ones tested.
    await t.db.query(`UPDATE api_keys SET rate_limit_per_minute = 1000000 WHERE key_id = $1`, [ADMIN_KEY_ID]);
    expect((await registerModule(t, 'RateMod', ['rate_type'])).status).toBe(201);
  });

  it('answers 429 RATE_LIMITED with Retry-After after RATE_LIMIT_PER_MINUTE calls of one key, with RateLimit-* on every answer', async () => {
    const key = (await issue(t, { name: 'default limit', scopes: ['robots:read'] })).api_key;
    const bystander = (await issue(t, { name: 'bystander', scopes: ['robots:read'] })).api_key;
    for (let i = 1; i <= 5; i++) {
      const res = await call('GET', '/api/v1/robots', { key });
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe('5');
      expect(res.headers.get('ratelimit-remaining')).toBe(String(5 - i));
      const reset = Number(res.headers.get('ratelimit-reset'));
      expect(reset).toBeGreaterThanOrEqual(1);
      expect(reset).toBeLessThanOrEqual(60);
    }
    for (let i = 0; i < 2; i++) {
      const limited = await call<Problem>('GET', '/api/v1/robots', { key });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toMatch(PROBLEM);
      expect(limited.body.code).toBe('RATE_LIMITED');
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    }
    // Counted per key: another key from the same address is unaffected.
    expect((await call('GET', '/api/v1/robots', { key: bystander })).status).toBe(200);
  });

  it("counts a key against its own rate_limit_per_minute, else its module's override", async () => {
    const own = (await issue(t, { name: 'own limit', scopes: ['robots:read'], rate_limit_per_minute: 2 })).api_key;
    expect(await statuses(3, () => call('GET', '/api/v1/robots', { key: own }))).toEqual([200, 200, 429]);
    const bound = (await issue(t, { name: 'rate worker', scopes: ['robots:read'], module_name: 'RateMod' })).api_key;
    const first = await call('GET', '/api/v1/robots', { key: bound });
    expect(first.headers.get('ratelimit-limit')).toBe('3');
    expect(await statuses(3, () => call('GET', '/api/v1/robots', { key: bound }))).toEqual([200, 200, 429]);
    const boundOwn = await issue(t, {
      name: 'rate worker with own limit',
      scopes: ['robots:read'],
      module_name: 'RateMod',
      rate_limit_per_minute: 7,
    });
    expect((await call('GET', '/api/v1/robots', { key: boundOwn.api_key })).headers.get('ratelimit-limit')).toBe('7');
  });

  it('counts calls without a valid key per IP: throttled before authentication', async () => {
    const seen = await statuses(4, () => call('GET', '/api/v1/robots', { key: null }));
    expect(seen).toEqual([401, 401, 401, 401]);
    const limited = await call<Problem>('GET', '/api/v1/robots', { key: null });
    expect([limited.status, limited.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(limited.headers.get('ratelimit-limit')).toBe('4');
    // Guessing keys shares the address's budget.
    expect((await call('GET', '/api/v1/robots', { key: `bf_0badc0de_${'g'.repeat(40)}` })).status).toBe(429);
    expect((await call('GET', '/api/v1/robots', { key: 'not-a-key' })).status).toBe(429);
    // A valid key is counted apart.
    const key = (await issue(t, { name: 'after ip limit', scopes: ['robots:read'] })).api_key;
    expect((await call('GET', '/api/v1/robots', { key })).status).toBe(200);
  });

  it('limits the health routes in a bucket of their own', async () => {
    expect(await statuses(3, () => call('GET', '/health/live', { key: null }))).toEqual([200, 200, 200]);
    const limited = await call<Problem>('GET', '/health/ready', { key: null });
    expect([limited.status, limited.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(limited.headers.get('ratelimit-limit')).toBe('3');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('limits bulk submissions in a bucket of their own, whatever the key allows, writing nothing past it', async () => {
    const bulk = () =>
      call('POST', '/api/v1/robots/bulk', { body: { robots: [{ robot_type: 'rate_type', input_data: {} }] } });
    expect((await bulk()).status).toBe(201);
    expect((await bulk()).status).toBe(201);
    const before = await count(t, 'robots');
    const limited = await bulk();
    expect([limited.status, (limited.body as unknown as Problem).code]).toEqual([429, 'RATE_LIMITED']);
    expect(limited.headers.get('ratelimit-limit')).toBe('2');
    expect(await count(t, 'robots')).toBe(before);
    // Single submissions are counted in the key's own bucket.
    expect((await call('POST', '/api/v1/robots', { body: { robot_type: 'rate_type', input_data: {} } })).status).toBe(
      201,
    );
  });

  it("counts the worker protocol in a bucket of its own, at RATE_LIMIT_WORK_PER_MINUTE, apart from the key's other calls", async () => {
    expect((await registerModule(t, 'WorkMod', ['work_type'])).status).toBe(201);
    const worker = (await issue(t, { name: 'worker', scopes: ['work', 'robots:read'] })).api_key;
    // Its other calls use up RATE_LIMIT_PER_MINUTE (5) ...
    expect(await statuses(6, () => call('GET', '/api/v1/robots', { key: worker }))).toEqual([
      200, 200, 200, 200, 200, 429,
    ]);
    // ... and its work calls still go: 8 a minute, a batch completion counting as one call.
    for (let i = 0; i < 3; i++)
      await call('POST', '/api/v1/robots', { body: { robot_type: 'work_type', input_data: { i } } });
    const claim = await call<Claimed[]>('POST', '/api/v1/modules/WorkMod/claims', {
      key: worker,
      body: { max_robots: 3 },
    });
    expect([claim.status, claim.body.length, claim.headers.get('ratelimit-limit')]).toEqual([200, 3, '8']);
    const batch = await call<{ completed: number }>('POST', '/api/v1/executions/complete', {
      key: worker,
      body: {
        results: claim.body.map((c) => ({ execute_id: c.execute_id, lease_token: c.lease_token, output_data: {} })),
      },
    });
    expect([batch.status, batch.body.completed, batch.headers.get('ratelimit-remaining')]).toEqual([200, 3, '6']);
    const empty = () => call('POST', '/api/v1/modules/WorkMod/claims', { key: worker, body: {} });
    expect(await statuses(7, empty)).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });

  it('audits the first refusal of each window per caller and bucket', async () => {
    const entries = await audit(t, 'operation=rate_limit.exceeded');
    const keys = (await call<Issued[]>('GET', '/api/v1/api-keys')).body;
    const prefixOf = (name: string) => keys.find((k) => k.name === name)!.key_prefix;
    const forPrefix = (prefix: string | null) => entries.filter((e) => e.key_prefix === prefix);
    // Two refusals of the default-limit key, one entry.
    expect(forPrefix(prefixOf('default limit'))).toHaveLength(1);
    expect(forPrefix(prefixOf('default limit'))[0]).toMatchObject({
      success: false,
      status_code: 429,
      resource_id: '/api/v1/robots',
      details: { method: 'GET', limit_per_minute: 5 },
    });
    expect(forPrefix(prefixOf('own limit'))[0].details).toMatchObject({ limit_per_minute: 2 });
    expect(forPrefix(prefixOf('rate worker'))[0]).toMatchObject({ module_name: 'RateMod' });
    // By address: the API bucket (limit 4) and the health bucket (limit 3), once each.
    expect(
      forPrefix(null)
        .map((e) => [e.resource_id, e.details?.limit_per_minute])
        .sort(),
    ).toEqual([
      ['/api/v1/robots', 4],
      ['/health/ready', 3],
    ]);
    expect(forPrefix('0000ad01').map((e) => [e.resource_id, e.details?.limit_per_minute])).toEqual([
      ['/api/v1/robots/bulk', 2],
    ]);
  });

  it('answers a CORS preflight for a configured origin only (CORS_ORIGINS)', async () => {
    const preflight = (origin: string) =>
      call('OPTIONS', '/api/v1/robots', {
        key: null,
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'x-api-key',
        },
      });
    const allowed = await preflight('https://console.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.example');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-api-key');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

// Keeps the placeholder helper honest: an unknown parameter must fail loudly, not pass silently.
describe('route placeholders', () => {
  it('names a placeholder for each path parameter and refuses unknown ones', () => {
    expect(concrete('/api/v1/robots/:robot_id/executions')).toBe('/api/v1/robots/LEGAL_1795310000000_42/executions');
    expect(() => concrete('/x/:unknown_param')).toThrow(/no placeholder/);
  });
});
