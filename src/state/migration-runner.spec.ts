import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { assertServerVersion } from './migration-runner.js';

const server = (version: string) => ({ query: async () => [{ server_version_num: version }] }) as unknown as DataSource;

describe('assertServerVersion', () => {
  it('accepts PostgreSQL 15 and newer (PGlite reports 18)', async () => {
    await expect(assertServerVersion(server('150020'))).resolves.toBeUndefined();
    await expect(assertServerVersion(server('180000'))).resolves.toBeUndefined();
  });

  it('refuses an older server with a message that says what is needed', async () => {
    await expect(assertServerVersion(server('140011'))).rejects.toThrow(/PostgreSQL 15 or newer is required/);
  });
});
