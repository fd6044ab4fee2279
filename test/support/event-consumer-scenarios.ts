import { expect } from '@jest/globals';
import { batchCalls, control, deliveries, handledBy } from './event-consumers.js';
import { eventually } from './eventually.js';
import { OutboxRepository } from '../../src/state/repositories/outbox.repository.js';
import { http, type TestApp } from './test-app.js';

/**
 * Creates robots of the given types in one bulk call (one transaction: their events commit
 * together); answers the ids of their robot.created events, in commit order.
 */
export async function createRobots(t: TestApp, types: readonly string[]): Promise<number[]> {
  const answer = await http<{ robots: Array<{ robot_id: string }> }>(`${t.url}/api/v1/robots/bulk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ robots: types.map((robotType) => ({ robot_type: robotType, input_data: {} })) }),
  });
  expect(answer.status).toBe(201);
  const { rows } = await t.db.query<{ event_id: string }>(
    `SELECT event_id FROM events WHERE event_type = 'robot.created' AND robot_id = ANY($1) ORDER BY tx_id, event_id`,
    [answer.body.robots.map((robot) => robot.robot_id)],
  );
  return rows.map((row) => Number(row.event_id));
}

const attemptsOf = (consumer: string, eventId: number) =>
  deliveries.filter((d) => d.consumer === consumer && d.event_id === eventId);

/**
 * Three named consumers on one stream: `test-flaky` fails the first 3 deliveries of one event and
 * gets it on the 4th; `test-steady` is never delayed by that; `test-doomed` parks the event it
 * keeps failing and goes on with the rest, and an operator's replay delivers it again.
 */
export async function namedConsumers(t: TestApp, tier: string): Promise<void> {
  control.flakyType = `evt_flaky_${tier.toLowerCase()}`;
  control.doomedType = `evt_doomed_${tier.toLowerCase()}`;
  control.doomedHeals = false;
  const plain = `evt_plain_${tier.toLowerCase()}`;
  const types = [control.flakyType, ...Array(6).fill(plain), control.doomedType, ...Array(6).fill(plain)];
  const mine = [control.flakyType, control.doomedType, plain];
  const expected = await createRobots(t, types);
  const [flakyEvent] = expected;
  const doomedEvent = expected[7];

  await eventually(
    async () => [handledBy('test-steady', mine), handledBy('test-flaky', mine), handledBy('test-doomed', mine)],
    ([steady, flaky, doomed]) =>
      steady.length >= expected.length && flaky.length >= expected.length && doomed.length >= expected.length - 1,
    15_000,
  );
  // Each in commit order, each once; the doomed event is the only one test-doomed did not handle.
  expect(handledBy('test-steady', mine)).toEqual(expected);
  expect(handledBy('test-flaky', mine)).toEqual(expected);
  expect(handledBy('test-doomed', mine)).toEqual(expected.filter((id) => id !== doomedEvent));

  const flaky = attemptsOf('test-flaky', flakyEvent);
  expect(flaky.map((d) => [d.attempt, d.ok])).toEqual([
    [1, false],
    [2, false],
    [3, false],
    [4, true],
  ]);
  // test-steady had the whole stream before test-flaky's second try of its first event.
  const steady = deliveries.filter((d) => d.consumer === 'test-steady' && mine.includes(d.robot_type));
  const steadyDone = Math.max(...steady.map((d) => d.at));
  expect(steadyDone).toBeLessThan(flaky[1].at);
  expect(attemptsOf('test-doomed', doomedEvent).map((d) => [d.attempt, d.ok])).toEqual([
    [1, false],
    [2, false],
  ]);

  // Parked, visible over the admin API with its error.
  const parked = await http<Array<Record<string, unknown>>>(`${t.url}/api/v1/events/parked?consumer=test-doomed`);
  expect(parked.status).toBe(200);
  expect(parked.body).toEqual([
    expect.objectContaining({
      consumer: 'test-doomed',
      event_id: String(doomedEvent),
      event_type: 'robot.created',
      attempts: 2,
      last_error: `Error: test-doomed refuses ${control.doomedType} (attempt 2)`,
      replay_requested_at: null,
    }),
  ]);
  const consumers = await http<Array<{ consumer: string; parked: number; failed_attempts: number }>>(
    `${t.url}/api/v1/events/consumers`,
  );
  expect(consumers.body.map((c) => c.consumer)).toEqual(
    expect.arrayContaining(['in-process', 'test-doomed', 'test-flaky', 'test-steady']),
  );
  expect(consumers.body.find((c) => c.consumer === 'test-doomed')).toMatchObject({ parked: 1, failed_attempts: 0 });

  // Bad input and unknown events are refused.
  expect((await http(`${t.url}/api/v1/events/parked/test-doomed/abc/replay`, { method: 'POST' })).status).toBe(400);
  expect((await http(`${t.url}/api/v1/events/parked/bad%20name/1/replay`, { method: 'POST' })).status).toBe(400);
  const missing = await http(`${t.url}/api/v1/events/parked/test-doomed/${flakyEvent}/replay`, { method: 'POST' });
  expect(missing.status).toBe(404);
  expect(missing.body).toMatchObject({ code: 'PARKED_EVENT_NOT_FOUND' });

  // Replayed once the consumer heals: delivered again, and no longer parked.
  control.doomedHeals = true;
  const replay = await http(`${t.url}/api/v1/events/parked/test-doomed/${doomedEvent}/replay`, { method: 'POST' });
  expect(replay.status).toBe(202);
  expect(replay.body).toEqual({ flagged: 1 });
  const redelivered = await eventually(
    async () => attemptsOf('test-doomed', doomedEvent),
    (list) => list.some((d) => d.ok),
    10_000,
  );
  expect(redelivered.map((d) => [d.attempt, d.ok])).toEqual([
    [1, false],
    [2, false],
    [3, true],
  ]);
  const after = await eventually(
    async () => (await http<unknown[]>(`${t.url}/api/v1/events/parked?consumer=test-doomed`)).body,
    (list) => list.length === 0,
  );
  expect(after).toEqual([]);
}

/**
 * Consumers that handled one shared read move their cursors in one statement, each judged on its
 * own row: one whose lease went to another instance meanwhile is told so, and its cursor stays.
 */
export async function sharedCursorMoves(t: TestApp, tier: string): Promise<void> {
  const outbox = t.app.get(OutboxRepository);
  const [kept, lost] = [`test-shared-kept-${tier}`, `test-shared-lost-${tier}`];
  const owner = `test-owner-${tier}`;
  const start = {
    kept: await outbox.acquire(kept, owner, 60_000, 'oldest'),
    lost: await outbox.acquire(lost, owner, 60_000, 'oldest'),
  };
  expect(start.kept).not.toBeNull();
  expect(start.lost).not.toBeNull();
  await t.db.query(`UPDATE event_consumers SET owner = 'another-instance' WHERE consumer = $1`, [lost]);
  const events = await outbox.next({ last_tx_id: '0', last_event_id: '0' }, 5);
  expect(events.length).toBeGreaterThan(0);
  const to = { last_tx_id: events[events.length - 1].tx_id, last_event_id: events[events.length - 1].event_id };
  const held = await Promise.all([outbox.advance(kept, owner, to, 60_000), outbox.advance(lost, owner, to, 60_000)]);
  expect(held).toEqual([true, false]);
  const { rows } = await t.db.query<{ consumer: string; last_event_id: string; owner: string }>(
    `SELECT consumer, last_event_id::text AS last_event_id, owner FROM event_consumers WHERE consumer = ANY($1) ORDER BY consumer`,
    [[kept, lost]],
  );
  expect(rows).toEqual([
    { consumer: kept, last_event_id: to.last_event_id, owner },
    { consumer: lost, last_event_id: '0', owner: 'another-instance' },
  ]);
  await Promise.all([outbox.forget(kept), outbox.forget(lost)]);
}

/**
 * A consumer with handleBatch() gets each read in one call; a batch it refuses goes one by one,
 * so only the event that fails is retried, and every event is handled once, in commit order.
 */
export async function batchedConsumer(t: TestApp, tier: string): Promise<void> {
  control.batchFlakyType = `evt_batch_flaky_${tier.toLowerCase()}`;
  const plain = `evt_batch_${tier.toLowerCase()}`;
  const mine = [control.batchFlakyType, plain];
  const first = await createRobots(t, [plain, plain, control.batchFlakyType, plain]);
  await eventually(
    async () => handledBy('test-batched', mine),
    (ids) => ids.length >= first.length,
    10_000,
  );
  const second = await createRobots(t, [plain, plain, plain]);
  const handled = await eventually(
    async () => handledBy('test-batched', mine),
    (ids) => ids.length >= first.length + second.length,
    10_000,
  );
  expect(handled).toEqual([...first, ...second]);
  // The refused batch held the flaky event; alone, it failed once and went through on its retry.
  expect(batchCalls.some((call) => !call.ok && call.event_ids.includes(first[2]))).toBe(true);
  expect(attemptsOf('test-batched', first[2]).map((d) => [d.attempt, d.ok])).toEqual([
    [1, false],
    [2, true],
  ]);
  // What came after went in whole batches again.
  const okCalls = batchCalls.filter((call) => call.ok && call.event_ids.some((id) => second.includes(id)));
  expect(okCalls.flatMap((call) => call.event_ids)).toEqual(second);
}
