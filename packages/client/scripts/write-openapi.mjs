// Writes the server's OpenAPI document (what it serves at /docs-json) to openapi.json, from the
// built app (`tsc -p tsconfig.build.json` first): the app is created on a throwaway embedded
// database and closed without listening, so the document is the one the real pipeline builds.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '..', 'openapi.json');
const dataDir = mkdtempSync(join(tmpdir(), 'botfleet-openapi-'));
// The document does not depend on the database or the cache: the embedded defaults, a key nobody keeps.
Object.assign(process.env, {
  DATA_DIR: dataDir,
  LOG_LEVEL: 'error',
  BOOTSTRAP_ADMIN_KEY: `bf_${randomBytes(4).toString('hex')}_${randomBytes(32).toString('base64url')}`,
});
delete process.env.DATABASE_URL;
delete process.env.REDIS_URL;

const { createApp, openApiDocument } = await import(resolve(here, '../../../dist/src/app.factory.js'));
const app = await createApp();
try {
  writeFileSync(out, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
