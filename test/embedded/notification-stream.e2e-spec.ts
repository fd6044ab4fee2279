import { afterEach, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { InboxStreams } from '../../src/notification/inbox/inbox-streams.service.js';
import { Scope } from '../../src/security/scopes.js';
import { issueKey } from '../factories/api-key.factory.js';
import { writeInbox } from '../factories/in-app.factory.js';
import { registerModule } from '../factories/module.factory.js';
import { eventually } from '../support/eventually.js';
import { notificationOf, openStream, type SseConnection } from '../support/sse-client.js';
import { startApp, tempDir, useTestApp } from '../support/test-app.js';

const ids = (stream: SseConnection) => stream.events.map((e) => Number(e.id));

describe('GET /api/v1/notifications/stream: in-app notifications live over SSE (PGlite)', () => {
  const t = useTestApp({ NOTIFY_SSE_HEARTBEAT_MS: '200', NOTIFY_SSE_RETRY_MS: '1500', NOTIFY_SSE_MAX_PER_KEY: '4' });
  const streamUrl = (query = '') => `${t.url}/api/v1/notifications/stream${query}`;
  const open: SseConnection[] = [];
  const connect = async (...args: Parameters<typeof openStream>) => {
    const stream = await openStream(...args);
    open.push(stream);
    return stream;
  };
  const openStreams = () => t.app.get(InboxStreams).openCount;

  afterEach(async () => {
    for (const stream of open.splice(0)) stream.close();
    await eventually(
      async () => openStreams(),
      (n) => n === 0,
    );
  });

  it('sends each new notification as an event whose id is its notification id, with retry and pings', async () => {
    const stream = await connect(streamUrl('?audience=live'));
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toBe('no-cache, no-transform');
    expect(stream.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(stream.headers['x-content-type-options']).toBe('nosniff');
    await stream.waitForComment('ping');
    expect(stream.retry).toBe(1500);
    // Written before it connected, in another audience: neither is sent.
    await writeInbox(t, 'elsewhere', 1);

    const written = await writeInbox(t, 'live', 3);
    const events = await stream.waitForEvents(3);
    expect(events.map((e) => Number(e.id))).toEqual(written);
    expect(events.every((e) => e.event === 'notification')).toBe(true);
    const first = notificationOf(events[0]);
    expect(first).toMatchObject({ notification_id: written[0], audience: 'live', read: false });
    expect(first.title).toMatch(/^Robot LEGAL_\d+_\d+ failed$/);
    await sleep(300);
    expect(stream.events).toHaveLength(3);
  });

  it('after a disconnect, replays exactly what was missed from Last-Event-ID, then goes on live', async () => {
    const before = await connect(streamUrl('?audience=resume'));
    const seen = await writeInbox(t, 'resume', 2);
    await before.waitForEvents(2);
    before.close();
    await before.ended;

    const missed = await writeInbox(t, 'resume', 3);
    const after = await connect(streamUrl('?audience=resume'), { lastEventId: String(seen[1]) });
    expect(after.status).toBe(200);
    await after.waitForEvents(3);
    expect(ids(after)).toEqual(missed);
    const live = await writeInbox(t, 'resume', 2);
    await after.waitForEvents(5);
    expect(ids(after)).toEqual([...missed, ...live]);

    // The query parameter does the same for a client that cannot set the header; the header wins.
    const byQuery = await connect(streamUrl(`?audience=resume&last_event_id=${missed[2]}`));
    await byQuery.waitForEvents(2);
    expect(ids(byQuery)).toEqual(live);
    const both = await connect(streamUrl(`?audience=resume&last_event_id=0`), { lastEventId: String(live[0]) });
    await both.waitForEvents(1);
    expect(ids(both)).toEqual([live[1]]);
    const fromStart = await connect(streamUrl('?audience=resume'), { lastEventId: '0' });
    await fromStart.waitForEvents(7);
    expect(ids(fromStart)).toEqual([...seen, ...missed, ...live]);
  });

  it('loses and repeats nothing written while the replay runs', async () => {
    const [start] = await writeInbox(t, 'race', 1);
    const writing = writeInbox(t, 'race', 30);
    const streams = await Promise.all(
      [0, 1, 2].map(async (delay) => {
        await sleep(delay * 15);
        return connect(streamUrl('?audience=race'), { lastEventId: String(start) });
      }),
    );
    const written = await writing;
    for (const stream of streams) {
      await stream.waitForEvents(30);
      await sleep(100);
      expect(ids(stream)).toEqual(written);
    }
  });

  it('refuses bad input, foreign audiences and missing keys with a problem, before any stream starts', async () => {
    const refusals: Array<[SseConnection, number, string]> = [
      [await connect(streamUrl(), { lastEventId: 'abc' }), 400, 'INVALID_LAST_EVENT_ID'],
      [await connect(streamUrl(), { lastEventId: '-1' }), 400, 'INVALID_LAST_EVENT_ID'],
      [await connect(streamUrl(), { lastEventId: '9'.repeat(30) }), 400, 'INVALID_LAST_EVENT_ID'],
      [await connect(streamUrl('?last_event_id=x')), 400, 'VALIDATION_FAILED'],
      [await connect(streamUrl('?audience=%0Aadmins')), 400, 'VALIDATION_FAILED'],
      [await connect(streamUrl('?api_key=bf_deadbeef_x')), 400, 'VALIDATION_FAILED'],
      [await connect(streamUrl(), { key: null }), 401, 'AUTH_REQUIRED'],
    ];
    expect((await registerModule(t, 'StreamMod', ['stream_type'])).status).toBe(201);
    const bound = (await issueKey(t, [Scope.NotificationsRead], { moduleName: 'StreamMod' })).key;
    refusals.push([await connect(streamUrl(), { key: bound }), 403, 'INBOX_AUDIENCE_FORBIDDEN']);
    const noScope = (await issueKey(t, [Scope.MonitoringRead])).key;
    refusals.push([await connect(streamUrl(), { key: noScope }), 403, 'AUTH_FORBIDDEN']);
    for (const [stream, status, code] of refusals) {
      expect({ status: stream.status, code: JSON.parse(stream.events[0].data).code }).toEqual({ status, code });
      expect(stream.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(openStreams()).toBe(0);
    const own = await connect(streamUrl('?audience=module:StreamMod'), { key: bound });
    expect(own.status).toBe(200);
  });

  it('caps the streams per key (429) and gives a place back when a stream closes', async () => {
    const key = (await issueKey(t, [Scope.NotificationsRead])).key;
    const four = await Promise.all([1, 2, 3, 4].map(() => connect(streamUrl(), { key })));
    expect(four.map((s) => s.status)).toEqual([200, 200, 200, 200]);
    const fifth = await connect(streamUrl(), { key });
    expect(fifth.status).toBe(429);
    expect(JSON.parse(fifth.events[0].data).code).toBe('INBOX_STREAMS_PER_KEY_EXCEEDED');
    // Another key still gets its own.
    expect((await connect(streamUrl())).status).toBe(200);

    four[0].close();
    await eventually(
      async () => openStreams(),
      (n) => n === 4,
    );
    expect((await connect(streamUrl(), { key })).status).toBe(200);
  });
});

describe('the stream at its limits and at shutdown (PGlite)', () => {
  it('answers 503 past NOTIFY_SSE_MAX_CONNECTIONS, and ends open streams at once when the app closes', async () => {
    const dir = tempDir();
    const app = await startApp({ DATA_DIR: dir.path, NOTIFY_SSE_MAX_CONNECTIONS: '2' });
    try {
      const url = `${app.url}/api/v1/notifications/stream`;
      const streams = [await openStream(url), await openStream(url)];
      expect(streams.map((s) => s.status)).toEqual([200, 200]);
      const third = await openStream(url);
      expect(third.status).toBe(503);
      expect(JSON.parse(third.events[0].data).code).toBe('INBOX_STREAMS_EXHAUSTED');
      expect(third.headers['retry-after']).toBe('5');

      const started = Date.now();
      await app.close();
      await Promise.all(streams.map((s) => s.ended));
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await app.close().catch(() => undefined);
      dir.remove();
    }
  });
});
