import { describe, expect, it } from '@jest/globals';
import { fansOutAndReplays } from '../support/notification-scenarios.js';
import { api, DELIVERIES, type Problem } from '../support/notifications.js';
import { useTestApp } from '../support/test-app.js';

describe('the deliveries API', () => {
  // Nothing is sent here: the log and replays are under test, with deliveries that stay PENDING.
  const t = useTestApp({ NOTIFY_DISPATCH_ENABLED: 'false' });
  const call = api(t);

  it('lists, pages and shows deliveries, and replays ended ones', () => fansOutAndReplays(t));

  it.each([
    'state=LOST',
    'channel=fax',
    'subscription_id=42',
    'event_type=DROP%20TABLE',
    'since=yesterday',
    'until=2026-02-30T00:00:00Z',
    'limit=201',
    'cursor=not-ours',
  ])('refuses %s with a 400', async (query) => {
    const res = await call<Problem>('GET', `${DELIVERIES}?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses bad ids and windows', async () => {
    expect((await call<Problem>('GET', `${DELIVERIES}/nope`)).status).toBe(400);
    const missing = await call<Problem>('GET', `${DELIVERIES}/00000000-0000-4000-8000-000000000000`);
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'DELIVERY_NOT_FOUND' });
    const path = '/api/v1/notifications/subscriptions/00000000-0000-4000-8000-000000000000/replay';
    expect((await call<Problem>('POST', path, { since: 'then' })).status).toBe(400);
    const gone = await call<Problem>('POST', path, { since: '2026-01-01T00:00:00Z', until: '2026-01-02T00:00:00Z' });
    expect({ status: gone.status, code: gone.body.code }).toEqual({ status: 404, code: 'SUBSCRIPTION_NOT_FOUND' });
  });

  it('asks for notifications:write to replay', async () => {
    const reader = (
      await call<{ api_key: string }>('POST', '/api/v1/api-keys', { name: 'dl-reader', scopes: ['notifications:read'] })
    ).body.api_key;
    expect((await call('GET', DELIVERIES, undefined, reader)).status).toBe(200);
    const res = await call('POST', `${DELIVERIES}/00000000-0000-4000-8000-000000000000/replay`, undefined, reader);
    expect(res.status).toBe(403);
  });
});
