import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DatabaseBreakerGuard } from '../../src/state/database-breaker.guard.js';
import { eventually } from '../support/eventually.js';
import { appWithProbe } from '../support/probe.module.js';
import { http, useTestApp } from '../support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('service on the embedded defaults (PGlite, memory cache)', () => {
  const t = useTestApp({ BODY_LIMIT_BYTES: '4096', REQUEST_TIMEOUT_MS: '300' }, appWithProbe);

  describe('health', () => {
    it('answers liveness', async () => {
      const res = await http(`${t.url}/health/live`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok' });
    });

    it('answers readiness with database, cache, disk, memory and event loop up', async () => {
      const res = await http<{ status: string; details: Record<string, Record<string, unknown>> }>(
        `${t.url}/health/ready`,
      );
      // The body names the probe that is down, when one is.
      expect(res.status === 200 ? 200 : res.body).toBe(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.details.database).toMatchObject({ status: 'up', engine: 'pglite' });
      expect(res.body.details.database.pools).toMatchObject({ write: { max: 5 }, read: { max: 10 } });
      expect(res.body.details.cache).toMatchObject({ status: 'up', backend: 'memory' });
      expect(res.body.details.memory).toMatchObject({ status: 'up' });
      expect(res.body.details.disk).toMatchObject({ status: 'up' });
      expect(res.body.details.event_loop).toMatchObject({ status: 'up' });
    });
  });

  describe('docs', () => {
    it('serves Swagger UI at /docs with its assets', async () => {
      const page = await http<string>(`${t.url}/docs`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('swagger-ui');
      const asset = await http<string>(`${t.url}/docs/swagger-ui-bundle.js`);
      expect(asset.status).toBe(200);
    });

    it('serves the OpenAPI document at /docs-json', async () => {
      const res = await http<{ openapi: string; info: { title: string }; paths: Record<string, unknown> }>(
        `${t.url}/docs-json`,
      );
      expect(res.status).toBe(200);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(res.body.info.title).toBe('botfleet');
      expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
    });
  });

  describe('request id', () => {
    it('echoes a well-formed X-Request-Id', async () => {
      const id = `client-${randomUUID()}`;
      const res = await http(`${t.url}/health/live`, { headers: { 'X-Request-Id': id } });
      expect(res.headers.get('x-request-id')).toBe(id);
    });

    it('generates one when none is sent', async () => {
      const res = await http(`${t.url}/health/live`);
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    });

    it('replaces one that is not a plain token', async () => {
      const res = await http(`${t.url}/health/live`, { headers: { 'X-Request-Id': '<script>alert(1)</script>' } });
      expect(res.headers.get('x-request-id')).toMatch(UUID);
      const long = await http(`${t.url}/health/live`, { headers: { 'X-Request-Id': 'a'.repeat(200) } });
      expect(long.headers.get('x-request-id')).toMatch(UUID);
    });

    it('puts it in error bodies', async () => {
      const res = await http(`${t.url}/nowhere`, { headers: { 'X-Request-Id': 'trace-42' } });
      expect(res.body.request_id).toBe('trace-42');
    });
  });

  describe('errors are RFC 9457 problem details', () => {
    it('404 for an unknown route', async () => {
      const res = await http(`${t.url}/nowhere?token=secret`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        code: 'NOT_FOUND',
        instance: '/nowhere',
      });
    });

    it('400 listing every invalid field, unknown fields included', async () => {
      const res = await http<{ errors: string[]; code: string; status: number }>(`${t.url}/probe/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: 99, priority: 'URGENT', nested: { name: 7 }, admin: true }),
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const errors = res.body.errors.join('\n');
      expect(errors).toMatch(/count must not be greater than 10/);
      expect(errors).toMatch(/priority must be one of/);
      expect(errors).toMatch(/nested\.name must be a string/);
      expect(errors).toMatch(/property admin should not exist/);
    });

    it('converts valid input to the declared types', async () => {
      const res = await http<{ count_type: string; received: unknown }>(`${t.url}/probe/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: 3, priority: 'LOW', nested: { name: 'x' } }),
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        received: { count: 3, priority: 'LOW', nested: { name: 'x' } },
        count_type: 'number',
      });
    });

    it('400 for malformed JSON', async () => {
      const res = await http(`${t.url}/probe/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"count":',
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });

    it('413 for a body over BODY_LIMIT_BYTES', async () => {
      const res = await http(`${t.url}/probe/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pad: 'x'.repeat(5000) }),
      });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    });

    it('415 for a body that is not JSON', async () => {
      const res = await http(`${t.url}/probe/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/xml' },
        body: '<a/>',
      });
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('maps a domain exception to its status and code', async () => {
      const res = await http(`${t.url}/probe/conflict`);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'ROBOT_INVALID_TRANSITION',
        detail: 'A COMPLETED robot cannot be cancelled.',
        robot_id: 'R_1',
      });
    });

    it('500 with an error id and none of the internals', async () => {
      const res = await http<string>(`${t.url}/probe/crash`);
      expect(res.status).toBe(500);
      const raw = JSON.stringify(res.body);
      expect(raw).toMatch(/"error_id":"[0-9a-f-]{36}"/);
      for (const leak of ['robots_pkey', 'SELECT', 'db.internal', '5432', 'stack', 'at '])
        expect(raw).not.toContain(leak);
    });

    it('503 with Retry-After when a request outlives REQUEST_TIMEOUT_MS', async () => {
      const res = await http(`${t.url}/probe/slow`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    });

    it('counts a write that outlived REQUEST_TIMEOUT_MS as a database failure in the breaker', async () => {
      const breaker = (t.app.get(DatabaseBreakerGuard) as unknown as { breaker: { stats: { failures: number } } })
        .breaker;
      const before = breaker.stats.failures;
      const res = await http(`${t.url}/probe/slow`, { method: 'POST' });
      expect(res.status).toBe(503);
      const failures = async () => breaker.stats.failures;
      expect(await eventually(failures, (n) => n === before + 1, 2_000)).toBe(before + 1);
    });
  });
});
