// bench:ocr's mixed set, sent through the API as a user sends it: the app started as `npm start`
// does, on a fresh PostgreSQL database per run (so no run is answered from an earlier run's cache).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { appEnv, appNodeArgs } from '../app-command.mjs';
import { onFreshDatabases } from './databases.mjs';
import { ROOT, rssSampler, startProcess, stopProcess } from './processes.mjs';

const KEY = 'bf_0000be03_bench-ocr-admin-key-0123456789abcdefghijk';
const FIXTURES = path.join(ROOT, 'test/fixtures/ocr');
const FINISHED = new Set(['COMPLETED', 'NEEDS_REVIEW', 'FAILED']);
const POLL_MS = 100;
const TIMEOUT_MS = 300_000;

/**
 * Every document of the fixtures: the scans (tesseract-ocr's test pages, one of them rotated) and
 * the invoice2data invoices, PDF and PNG, the invoices with extract=invoice and their expected fields.
 */
export function mixedSet() {
  const scans = readdirSync(path.join(FIXTURES, 'tesseract-test'))
    .filter((f) => f.endsWith('.tif'))
    .map((f) => ({ file: `tesseract-test/${f}`, languages: f.startsWith('eurotext') ? 'eng+spa' : 'eng' }));
  const invoices = readdirSync(path.join(FIXTURES, 'invoices'))
    .filter((f) => /\.(pdf|png)$/.test(f))
    .map((f) => ({
      file: `invoices/${f}`,
      languages: 'eng',
      extract: 'invoice',
      expected: JSON.parse(readFileSync(path.join(FIXTURES, 'invoices', f.replace(/\.\w+$/, '.json')), 'utf8'))[0],
    }));
  return [...scans, ...invoices].map((d) => ({ ...d, bytes: readFileSync(path.join(FIXTURES, d.file)) }));
}

async function upload(origin, doc) {
  const form = new FormData();
  form.append('languages', doc.languages);
  if (doc.extract) form.append('extract', doc.extract);
  form.append('file', new Blob([doc.bytes]), path.basename(doc.file));
  const res = await fetch(`${origin}/api/v1/ocr/documents`, {
    method: 'POST',
    headers: { 'x-api-key': KEY },
    body: form,
  });
  const body = await res.json();
  if (res.status !== 200 && res.status !== 202) throw new Error(`${doc.file}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function finished(origin, documentId) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const res = await fetch(`${origin}/api/v1/ocr/documents/${documentId}`, { headers: { 'x-api-key': KEY } });
    const body = await res.json();
    if (FINISHED.has(body.status)) return body;
    if (Date.now() > deadline) throw new Error(`${documentId} still ${body.status} after ${TIMEOUT_MS} ms`);
    await sleep(POLL_MS);
  }
}

/**
 * One run: the whole set uploaded at once, then each document awaited; the same set again, which the
 * dedupe cache must answer. Returns documents/min (first upload to last document finished), the
 * documents' answers, the cache hits of the second pass and the app's peak RSS.
 */
async function runOnce(databaseUrl, docs) {
  const env = appEnv({ key: KEY, extra: { DATABASE_URL: databaseUrl } });
  delete env.REDIS_URL;
  const app = await startProcess('app', appNodeArgs(), env, '/health/ready');
  const rss = rssSampler(app.pid);
  try {
    const started = performance.now();
    const answers = await Promise.all(
      docs.map(async (doc) => {
        const first = await upload(app.origin, doc);
        return FINISHED.has(first.status) && first.text !== undefined ? first : finished(app.origin, first.document_id);
      }),
    );
    const minutes = (performance.now() - started) / 60_000;
    const failed = answers.filter((a) => a.status === 'FAILED');
    if (failed.length) throw new Error(`failed: ${failed.map((a) => `${a.filename}: ${a.error?.message}`).join('; ')}`);
    const again = await Promise.all(docs.map((doc) => upload(app.origin, doc)));
    return {
      docsPerMinute: docs.length / minutes,
      answers,
      cacheHits: again.filter((a) => a.from_cache).length,
      rssPeakMb: rss.lap(),
    };
  } finally {
    rss.stop();
    await stopProcess(app);
  }
}

/** `runs` runs of the mixed set, each on a database of its own. */
export async function runMixedSet({ adminUrl, runs, docs }) {
  return onFreshDatabases(adminUrl, runs, (_, databaseUrl) => runOnce(databaseUrl, docs));
}
