import { expect } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { http, type TestApp } from './test-app.js';

type AuditPage = { items: Array<{ audit_id: string }>; next_cursor: string | null };

/**
 * The audit trail pages newest first without gaps or repeats (two entries share one instant: the
 * id breaks the tie), and a page that is exactly full is the last, on either database tier.
 */
export async function pagesTheAuditTrail(t: TestApp): Promise<void> {
  const prefix = randomBytes(4).toString('hex');
  const ids = ['c', 'b', 'a'].map((letter) => `paged-${prefix}-${letter}`);
  await t.db.query(
    `INSERT INTO security_audit (audit_id, created_at, operation, success, key_prefix)
     SELECT id, at, 'auth.failed', false, $2 FROM unnest($1::text[], $3::timestamp[]) AS s(id, at)`,
    [ids, prefix, ['2026-01-01T10:00:01Z', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z']],
  );
  const list = async (query: string) =>
    (await http<AuditPage>(`${t.url}/api/v1/security/audit?key_prefix=${prefix}&${query}`)).body;

  const full = await list('limit=3');
  expect(full.items.map((e) => e.audit_id)).toEqual(ids);
  expect(full.next_cursor).toBeNull();

  const seen: string[] = [];
  let page = await list('limit=2');
  expect(page.next_cursor).toEqual(expect.any(String));
  seen.push(...page.items.map((e) => e.audit_id));
  page = await list(`limit=2&cursor=${page.next_cursor}`);
  seen.push(...page.items.map((e) => e.audit_id));
  expect(seen).toEqual(ids);
  expect(page.next_cursor).toBeNull();

  // One per page: the second page is exactly full too, and the third ends the list.
  const one = await list('limit=1');
  const two = await list(`limit=1&cursor=${one.next_cursor}`);
  const three = await list(`limit=1&cursor=${two.next_cursor}`);
  expect([one, two, three].map((p) => p.items[0].audit_id)).toEqual(ids);
  expect(three.next_cursor).toBeNull();
}
