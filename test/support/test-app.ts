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

/** Variables a test may set; each is removed again so the next app in the file starts clean. */
const TOUCHED = new Set<string>();

export function setEnv(env: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(env)) {
    TOUCHED.add(key);
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

export function resetEnv(): void {
  for (const key of TOUCHED) delete process.env[key];
  TOUCHED.clear();
}

/** Boots the production AppModule and pipeline on a random port. */
export async function startApp(env: Record<string, string | undefined> = {}): Promise<TestApp> {
  resetEnv();
  setEnv({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  const app = await createApp();
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
