// The benches start the app exactly as `npm start` does: the node flags of package.json's start
// script (the heap cap among them), then dist/src/main.js.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Arguments for `process.execPath`: the start script's node flags and the entry point. */
export function appNodeArgs() {
  const start = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start;
  const words = start.trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error(`package.json start script must run node directly: ${start}`);
  // BENCH_NODE_FLAGS: extra node flags to try (e.g. GC settings), placed before the start script's.
  const extra = (process.env.BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  return [...extra, ...words.slice(1)];
}

// Limits set high enough never to refuse: the benches measure the layer's cost, not its refusals.
const UNREFUSED = '1000000000';

/**
 * The app's environment in a bench: as in production, with its security layer on (every request
 * but health carries `key`, is authenticated and counted in Redis), plus `extra` and BENCH_APP_ENV.
 */
export function appEnv({ key, redisUrl, extra = {} }) {
  return {
    REDIS_URL: redisUrl,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    BOOTSTRAP_ADMIN_KEY: key,
    RATE_LIMIT_PER_MINUTE: UNREFUSED,
    RATE_LIMIT_WORK_PER_MINUTE: UNREFUSED,
    RATE_LIMIT_IP_PER_MINUTE: UNREFUSED,
    RATE_LIMIT_HEALTH_PER_MINUTE: UNREFUSED,
    RATE_LIMIT_BULK_PER_MINUTE: UNREFUSED,
    ...extra,
    ...JSON.parse(process.env.BENCH_APP_ENV ?? '{}'),
  };
}
