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
