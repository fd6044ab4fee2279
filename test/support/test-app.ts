import { afterAll, beforeAll } from '@jest/globals';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { poolOf } from '../../src/state/data-source.js';
import { seedMigratedPglite } from './pglite-template.js';

/** The admin key every test app is booted with (BOOTSTRAP_ADMIN_KEY); `http()` sends it by default. */
export const TEST_ADMIN_KEY = 'bf_0000ad01_test-admin-key-0123456789abcdefghijklmnop';

/** The key for secrets at rest every test app is booted with (SECRETS_KEY). */
export const TEST_SECRETS_KEY = 'dGVzdC1zZWNyZXRzLWtleS0wMTIzNDU2Nzg5YWJjZGU=';

/**
 * Limits far above what a test sends, so only the rate-limit tests (which set their own) meet them.
 * The security layer stays on: every test goes through authentication, scopes and counting.
 */
export const GENEROUS_LIMITS = {
  RATE_LIMIT_PER_MINUTE: '1000000',
  RATE_LIMIT_IP_PER_MINUTE: '1000000',
  RATE_LIMIT_HEALTH_PER_MINUTE: '1000000',
  RATE_LIMIT_BULK_PER_MINUTE: '1000000',
};

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  /** The write pool, for tests that read the catalog or seed rows directly. */
  db: pg.Pool;
  close(): Promise<void>;
}

/**
 * The environment as the test file found it. `@nestjs/config` writes every validated variable
 * (defaults included) back into process.env, so each app starts from this snapshot.
 */
const ORIGINAL_ENV = { ...process.env };

export function setEnv(env: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

export function resetEnv(): void {
  for (const key of Object.keys(process.env)) if (!(key in ORIGINAL_ENV)) delete process.env[key];
  Object.assign(process.env, ORIGINAL_ENV);
}

/**
 * Boots the production AppModule and pipeline on a random port. `root` builds the root module
 * after the environment is set: AppModule.forRoot() reads it when called. Without DATA_DIR the app
 * gets a temporary folder of its own (removed when it closes), never the repository's ./data.
 */
export async function startApp(
  env: Record<string, string | undefined> = {},
  root?: () => DynamicModule,
): Promise<TestApp> {
  const own = env.DATA_DIR ? undefined : tempDir();
  const dataDir = own?.path ?? (env.DATA_DIR as string);
  env = { ...env, DATA_DIR: dataDir };
  resetEnv();
  setEnv({
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Readiness answers from probes refreshed this often: outages show within a fifth of a second.
    HEALTH_REFRESH_MS: '200',
    BOOTSTRAP_ADMIN_KEY: TEST_ADMIN_KEY,
    SECRETS_KEY: TEST_SECRETS_KEY,
    // The test runner's own process hosts the app, the test's load and what earlier files left:
    // its RSS says nothing of the app's. The memory probe's own test sets a limit of its own.
    HEALTH_MEMORY_RSS_LIMIT_MB: '16384',
    ...GENEROUS_LIMITS,
    ...env,
  });
  try {
    // An embedded app on a new folder starts from the migrated template (pglite-template.ts).
    if (!env.DATABASE_URL && !existsSync(join(dataDir, 'pglite'))) {
      await seedMigratedPglite(dataDir);
    }
    const app = await createApp(root?.());
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const db = poolOf(app.get<DataSource>(getDataSourceToken()));
    const close = async () => {
      await app.close();
      own?.remove();
    };
    return { app, url, db, close };
  } catch (error) {
    own?.remove();
    throw error;
  }
}

export function tempDir(prefix = 'botfleet-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A request against the listening server; the body is parsed when it is JSON. It carries the test
 * admin key unless `key` names another (a string) or none (null), or the headers hold one already.
 */
export async function http<T = Record<string, unknown>>(
  url: string,
  init: RequestInit & { key?: string | null } = {},
): Promise<HttpResult<T>> {
  const { key = TEST_ADMIN_KEY, ...request } = init;
  const headers = new Headers(request.headers);
  if (key !== null && !headers.has('x-api-key') && !headers.has('authorization')) headers.set('x-api-key', key);
  const response = await fetch(url, { ...request, headers });
  const type = response.headers.get('content-type') ?? '';
  // A Server-Sent Events stream never ends by itself: its status and headers are the answer.
  if (type.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, headers: response.headers, body: '' as T };
  }
  const text = await response.text();
  const body = (type.includes('json') && text ? JSON.parse(text) : text) as T;
  return { status: response.status, headers: response.headers, body };
}

/**
 * One app for a whole test file: started in beforeAll, closed in afterAll. Without DATABASE_URL it
 * runs on PGlite in a fresh temporary folder, seeded with the migrated schema. The returned object reads through to the running app.
 */
export function useTestApp(env: Record<string, string | undefined> = {}, root?: () => DynamicModule): TestApp {
  let current: TestApp | undefined;
  let starting: Promise<TestApp> | undefined;
  beforeAll(async () => {
    starting = startApp(env, root);
    current = await starting;
  });
  afterAll(async () => {
    // A boot that outlived beforeAll's timeout still ends in an app: close it too, or its timers
    // and connections keep Jest from exiting.
    const app = current ?? (await starting?.catch(() => undefined));
    await app?.close();
  });
  const running = () => {
    if (!current) throw new Error('the test app is not running');
    return current;
  };
  return {
    get app() {
      return running().app;
    },
    get url() {
      return running().url;
    },
    get db() {
      return running().db;
    },
    close: () => running().close(),
  };
}
