import { ApiKeysService, type KeySpec } from '../../src/security/api-keys.service.js';
import type { Scope } from '../../src/security/scopes.js';
import type { TestApp } from '../support/test-app.js';

/**
 * Issues a key straight through ApiKeysService: setting up costs no request, so it never counts
 * against the limits a test measures. Unbound, no limit of its own, never expiring.
 */
export async function issueKey(
  t: Pick<TestApp, 'app'>,
  scopes: Scope[],
  spec: Partial<Omit<KeySpec, 'scopes'>> = {},
): Promise<{ keyId: string; key: string }> {
  const { row, key } = await t.app.get(ApiKeysService).create({
    name: 'test key',
    moduleName: null,
    rateLimitPerMinute: null,
    expiresAt: null,
    ...spec,
    scopes,
  });
  return { keyId: row.key_id, key };
}
