import { afterAll, beforeAll } from '@jest/globals';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { poolOf } from '../../src/state/data-source.js';

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
 * after the environment is set: AppModule.forRoot() reads it when called.
 */
export async function startApp(
  env: Record<string, string | undefined> = {},
  root?: () => DynamicModule,
): Promise<TestApp> {
  resetEnv();
  setEnv({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  const app = await createApp(root?.());
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const db = poolOf(app.get<DataSource>(getDataSourceToken()));
  return { app, url, db, close: () => app.close() };
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

/** A request against the listening server; the body is parsed when it is JSON. */
export async function http<T = Record<string, unknown>>(url: string, init: RequestInit = {}): Promise<HttpResult<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const body = (type.includes('json') && text ? JSON.parse(text) : text) as T;
  return { status: response.status, headers: response.headers, body };
}

/**
 * One app for a whole test file: started in beforeAll, closed in afterAll. Without DATABASE_URL it
 * runs on PGlite in a fresh temporary folder. The returned object reads through to the running app.
 */
export function useTestApp(env: Record<string, string | undefined> = {}, root?: () => DynamicModule): TestApp {
  let current: TestApp | undefined;
  const dir = env.DATABASE_URL ? undefined : tempDir();
  beforeAll(async () => {
    current = await startApp({ ...(dir && { DATA_DIR: dir.path }), ...env }, root);
  });
  afterAll(async () => {
    await current?.close();
    dir?.remove();
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
