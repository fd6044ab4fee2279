import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { inAppNotification, sendInApp, writeInbox } from '../factories/in-app.factory.js';
import { openStream, type SseConnection } from '../support/sse-client.js';
import { startApp, type TestApp } from '../support/test-app.js';

// A heartbeat far longer than any wait below: what arrives live arrives by LISTEN/NOTIFY, not by the poll.
const ENV = {
  DATABASE_URL: process.env.TEST_DATABASE_URL,
  REDIS_URL: process.env.TEST_REDIS_URL,
  CACHE_KEY_PREFIX: `${process.env.TEST_CACHE_PREFIX}_inbox`,
  NOTIFY_SSE_HEARTBEAT_MS: '120000',
};
const LIVE_WITHIN_MS = 3_000;

const ids = (stream: SseConnection) => stream.events.map((e) => Number(e.id));

describe('in-app stream across two instances on one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  const open: SseConnection[] = [];
  const connect = async (app: TestApp, audience: string, lastEventId?: number) => {
    const stream = await openStream(`${app.url}/api/v1/notifications/stream?audience=${audience}`, {
      lastEventId: lastEventId === undefined ? undefined : String(lastEventId),
    });
    expect(stream.status).toBe(200);
    open.push(stream);
    return stream;
  };

  beforeAll(async () => {
    a = await startApp(ENV);
    b = await startApp(ENV);
  });
  afterAll(async () => {
    for (const stream of open) stream.close();
    await a?.close();
    await b?.close();
  });

  it('streams on A what B writes, and replays on B what A wrote while the client was away', async () => {
    const onA = await connect(a, 'cross');
    // PgListener's LISTEN connection is up once the app has booted.
    const [first] = await writeInbox(b, 'cross', 1);
    const started = Date.now();
    await onA.waitForEvents(1, LIVE_WITHIN_MS);
    expect(Date.now() - started).toBeLessThan(LIVE_WITHIN_MS);
    expect(ids(onA)).toEqual([first]);

    const more = await writeInbox(b, 'cross', 2);
    await onA.waitForEvents(3, LIVE_WITHIN_MS);
    expect(ids(onA)).toEqual([first, ...more]);
    onA.close();
    await onA.ended;

    // Away: A and B both write. The client reconnects to the other instance.
    const missed = [...(await writeInbox(a, 'cross', 2)), ...(await writeInbox(b, 'cross', 2))];
    const onB = await connect(b, 'cross', more[1]);
    await onB.waitForEvents(4, LIVE_WITHIN_MS);
    expect(ids(onB)).toEqual(missed);
    const live = await writeInbox(a, 'cross', 1);
    await onB.waitForEvents(5, LIVE_WITHIN_MS);
    expect(ids(onB)).toEqual([...missed, ...live]);
  });

  it('gives every stream every notification once, in id order, while both instances write at once', async () => {
    const [onA, onB] = [await connect(a, 'busy'), await connect(b, 'busy')];
    await writeInbox(a, 'busy', 1);
    await onA.waitForEvents(1, LIVE_WITHIN_MS);
    await onB.waitForEvents(1, LIVE_WITHIN_MS);
    // Eight writers per instance, ten notifications each: ids are drawn concurrently on two servers.
    const writers = [a, b].flatMap((app) => Array.from({ length: 8 }, () => writeInbox(app, 'busy', 10)));
    const written = (await Promise.all(writers)).flat().sort((x, y) => x - y);
    expect(written).toHaveLength(160);
    const late = await connect(a, 'busy', ids(onA)[0]);
    for (const stream of [onA, onB]) {
      await stream.waitForEvents(161, 10_000);
      expect(ids(stream).slice(1)).toEqual(written);
    }
    await late.waitForEvents(160, 10_000);
    expect(ids(late)).toEqual(written);
  });

  it('writes one row when the same delivery is sent on both instances at once', async () => {
    const notification = inAppNotification('twice');
    const outcomes = await Promise.all([sendInApp(a, notification), sendInApp(b, { ...notification, attempt: 2 })]);
    expect(outcomes).toEqual([{ ok: true }, { ok: true }]);
    const { rows } = await a.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inbox_notifications WHERE delivery_id = $1`,
      [notification.delivery_id],
    );
    expect(rows[0].n).toBe(1);
  });
});
