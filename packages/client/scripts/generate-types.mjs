// openapi.json (scripts/write-openapi.mjs) -> src/generated/openapi.ts: the `paths` and
// `components` types the client's requests are checked against.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const document = JSON.parse(readFileSync(resolve(here, '..', 'openapi.json'), 'utf8'));
const ast = await openapiTS(document, { exportType: true, emptyObjectsUnknown: true, defaultNonNullable: false });
const header = '// Generated from openapi.json by scripts/generate-types.mjs (npm run build): do not edit.\n\n';
writeFileSync(resolve(here, '..', 'src', 'generated', 'openapi.ts'), header + astToString(ast));
