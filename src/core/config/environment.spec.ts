import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ConfigValidationError, SETTINGS_LAYERS, settingNames, validateEnvironment } from './environment.js';

const problemsOf = (raw: Record<string, string>): string[] => {
  try {
    validateEnvironment(raw);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  return [];
};

describe('validateEnvironment', () => {
  it('applies the documented defaults to an empty environment', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      DB_READ_POOL_MIN: 2,
      DB_READ_POOL_MAX: 10,
      DB_WRITE_POOL_MIN: 1,
      DB_WRITE_POOL_MAX: 5,
      DB_STATEMENT_TIMEOUT_MS: 30_000,
      DB_MIGRATIONS_RUN: true,
      BODY_LIMIT_BYTES: 10 * 1024 * 1024,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('converts numbers and booleans from strings', () => {
    const env = validateEnvironment({ PORT: '8080', DB_MIGRATIONS_RUN: 'false', SWAGGER_ENABLED: '0' });
    expect(env.PORT).toBe(8080);
    expect(env.DB_MIGRATIONS_RUN).toBe(false);
    expect(env.SWAGGER_ENABLED).toBe(false);
  });

  it('treats an empty value as unset', () => {
    expect(validateEnvironment({ PORT: '', DATABASE_URL: '', DB_MIGRATIONS_RUN: '' })).toMatchObject({
      PORT: 3000,
      DATABASE_URL: undefined,
      DB_MIGRATIONS_RUN: true,
    });
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '3.5'],
    ['LOG_LEVEL', 'verbose'],
    ['NODE_ENV', 'staging'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://cache'],
    ['DB_MIGRATIONS_RUN', 'yes'],
    ['CACHE_KEY_PREFIX', 'has space'],
    ['DB_WRITE_POOL_MAX', '0'],
    ['BACKUP_CRON', 'every night'],
    ['BACKUP_CRON', '0 61 * * *'],
    ['BACKUP_RETENTION_DAYS', '0'],
  ])('rejects %s=%s and names it', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((p) => p.startsWith(`${name}: `))).toHaveLength(1);
  });

  it('reports every bad variable at once, never echoing a value', () => {
    const problems = problemsOf({ PORT: 'x', DATABASE_URL: 'mysql://user:s3cret@h/db', DB_WRITE_POOL_MIN: '9' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'DB_WRITE_POOL_MIN', 'PORT']);
    expect(problems.join('\n')).not.toContain('s3cret');
  });

  it('checks a setting that only one backend reads only while that backend is in use', () => {
    expect(problemsOf({ REDIS_CONNECT_TIMEOUT_MS: '5' })).toEqual([]);
    expect(problemsOf({ REDIS_CONNECT_TIMEOUT_MS: '5', REDIS_URL: 'redis://cache:6379' })).toEqual([
      expect.stringMatching(/^REDIS_CONNECT_TIMEOUT_MS: /),
    ]);
    expect(problemsOf({ CACHE_MEMORY_MAX_ENTRIES: '0', REDIS_URL: 'redis://cache:6379' })).toEqual([]);
    expect(problemsOf({ CACHE_MEMORY_MAX_ENTRIES: '0' })).toEqual([
      expect.stringMatching(/^CACHE_MEMORY_MAX_ENTRIES: /),
    ]);
  });

  it('accepts a 5- or 6-field BACKUP_CRON, or off', () => {
    for (const cron of ['0 2 * * *', '*/4 * * * * *', 'off']) expect(problemsOf({ BACKUP_CRON: cron })).toEqual([]);
  });

  it("keeps each layer's variables converted, and nothing it does not read", () => {
    const env = validateEnvironment({ PORT: '8080', LEASE_SECONDS: '30', ALERTS_ENABLED: 'false', PATH: '/bin' });
    expect(env).toMatchObject({ PORT: 8080, LEASE_SECONDS: 30, ALERTS_ENABLED: false });
    expect(env).not.toHaveProperty('PATH');
  });

  it('accepts PostgreSQL and Redis URLs', () => {
    const env = validateEnvironment({
      DATABASE_URL: 'postgresql://u:p@db:5432/botfleet',
      REDIS_URL: 'rediss://cache:6380/2',
    });
    expect(env.DATABASE_URL).toBe('postgresql://u:p@db:5432/botfleet');
  });
});

describe('configuration documentation', () => {
  const variables = SETTINGS_LAYERS.flatMap(({ settings }) => settingNames(settings));
  const envExample = readFileSync('.env.example', 'utf8');
  const readme = readFileSync('README.md', 'utf8');

  it.each(variables)('%s is in .env.example and the README table', (name) => {
    expect(envExample).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    expect(readme).toMatch(new RegExp(`^\\|\\s*\`${name}\`\\s*\\|`, 'm'));
  });

  it('gives every variable to exactly one layer', () => {
    expect(variables).toHaveLength(new Set(variables).size);
    expect(variables).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'BOOTSTRAP_ADMIN_KEY']));
  });

  it('lists nothing that the service does not read', () => {
    const documented = [...envExample.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(documented.filter((name) => !variables.includes(name))).toEqual([]);
  });
});
