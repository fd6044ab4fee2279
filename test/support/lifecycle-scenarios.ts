import { expect } from '@jest/globals';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ExecutionsService } from '../../src/orchestrator/executions.service.js';
import { OutboxRelay } from '../../src/state/outbox-relay.service.js';
import { RobotsService } from '../../src/orchestrator/robots.service.js';
import { RobotReadsRepository } from '../../src/state/repositories/robot-reads.repository.js';
import { registerModule } from '../factories/module.factory.js';
import { eventually } from './eventually.js';
import { http, type TestApp } from './test-app.js';

type Robot = Record<string, unknown> & {
  robot_id: string;
  status: string;
  module_name: string | null;
  retry_count: number;
  routing_decision: { selected_module: string | null } | null;
  next_attempt_at: string;
};
type Claimed = Robot & {
  execute_id: string;
  lease_token: string;
  lease_expires_at: string;
  input_data: Record<string, unknown>;
};
type Problem = { status: number; code: string; detail: string };

/**
 * The robot lifecycle through HTTP, shared by the PGlite and PostgreSQL tiers. Apps are started
 * with RETRY_BACKOFF_BASE_MS=50 so retries become claimable quickly.
 */
export function lifecycleClient(t: TestApp) {
  const send = <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    http<T>(`${t.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    send,
    registerModule: (name: string, types: string[], capacity = 100) => registerModule(t, name, types, { capacity }),
    createRobot: (body: Record<string, unknown>, headers?: Record<string, string>) =>
      send<Robot>('POST', '/api/v1/robots', body, headers),
    getRobot: (id: string) => send<Robot>('GET', `/api/v1/robots/${id}`),
    claim: (module: string, body: Record<string, unknown> = {}) =>
      send<Claimed[]>('POST', `/api/v1/modules/${module}/claims`, body),
    progress: (executeId: string, body: Record<string, unknown>) =>
      send<Record<string, unknown>>('POST', `/api/v1/executions/${executeId}/progress`, body),
    complete: (executeId: string, body: Record<string, unknown>) =>
      send<Robot>('POST', `/api/v1/executions/${executeId}/complete`, body),
    fail: (executeId: string, body: Record<string, unknown>) =>
      send<Robot>('POST', `/api/v1/executions/${executeId}/fail`, body),
    cancel: (id: string) => send<Robot>('POST', `/api/v1/robots/${id}/cancel`, {}),
    retry: (id: string) => send<Robot>('POST', `/api/v1/robots/${id}/retry`),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function fullLifecycle(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const module = `Legal${suffix}`;
  const type = `legal_review_${suffix.toLowerCase()}`;
  expect((await api.registerModule(module, [type])).status).toBe(201);

  const normal = await api.createRobot({ robot_type: type, input_data: { n: 1 }, correlation_id: `batch-${suffix}` });
  expect(normal.status).toBe(201);
  expect(normal.body).toMatchObject({ status: 'PENDING', module_name: module, priority: 'NORMAL', retry_count: 0 });
  expect(normal.body.robot_id).toMatch(/^LEGAL_\d{13}_\d+$/);
  expect(normal.body.routing_decision?.selected_module).toBe(module);
  const critical = await api.createRobot({
    robot_type: type,
    input_data: { n: 2 },
    priority: 'CRITICAL',
    correlation_id: `batch-${suffix}`,
  });

  // Priority before age: the CRITICAL robot, created second, is claimed first.
  const [first] = (await api.claim(module, { lease_seconds: 30 })).body;
  expect(first.robot_id).toBe(critical.body.robot_id);
  expect(first).toMatchObject({ status: 'PROCESSING' });
  expect(first.lease_token).toMatch(/^[0-9a-f-]{36}$/);
  expect((await api.getRobot(first.robot_id)).body.status).toBe('PROCESSING');

  const progressed = await api.progress(first.execute_id, {
    lease_token: first.lease_token,
    current_step: 'OCR_EXTRACT',
    step_category: 'PROCESSING',
    progress_percentage: 40,
    completed_steps: 2,
    total_steps: 5,
    cpu_usage_percent: 35.5,
    memory_usage_mb: 128,
  });
  expect(progressed.status).toBe(200);
  expect(progressed.body).toMatchObject({
    current_step: 'OCR_EXTRACT',
    progress_percentage: 40,
    cpu_usage_percent: 35.5,
  });
  expect(new Date(progressed.body.lease_expires_at as string).getTime()).toBeGreaterThan(
    new Date(first.lease_expires_at).getTime() - 1,
  );

  const forged = await api.progress(first.execute_id, {
    lease_token: '00000000-0000-4000-8000-000000000000',
    progress_percentage: 90,
  });
  expect(forged.status).toBe(409);
  expect((forged.body as unknown as Problem).code).toBe('LEASE_LOST');

  const done = await api.complete(first.execute_id, {
    lease_token: first.lease_token,
    output_data: { verdict: 'ok' },
    confidence_score: 0.93,
  });
  expect(done.status).toBe(200);
  expect(done.body).toMatchObject({ status: 'COMPLETED', output_data: { verdict: 'ok' }, confidence_score: 0.93 });
  // Finished: the same lease can neither complete nor fail it again.
  expect((await api.complete(first.execute_id, { lease_token: first.lease_token, output_data: {} })).status).toBe(409);
  expect((await api.getRobot(first.robot_id)).body.status).toBe('COMPLETED');

  const history = await api.send<Array<Record<string, unknown>>>('GET', `/api/v1/robots/${first.robot_id}/executions`);
  expect(history.body).toHaveLength(1);
  expect(history.body[0]).toMatchObject({
    execution_state: 'COMPLETED',
    progress_percentage: 100,
    current_step: 'OCR_EXTRACT',
  });
  const events = await t.app.get(RobotReadsRepository).events(first.robot_id);
  expect(events.map((e) => e.event_type)).toEqual([
    'robot.created',
    'robot.started',
    'robot.progress',
    'robot.completed',
  ]);

  // The list: filters and cursor pagination.
  const page1 = await api.send<{ items: Robot[]; next_cursor: string }>(
    'GET',
    `/api/v1/robots?correlation_id=batch-${suffix}&limit=1`,
  );
  expect(page1.body.items).toHaveLength(1);
  const page2 = await api.send<{ items: Robot[]; next_cursor: string | null }>(
    'GET',
    `/api/v1/robots?correlation_id=batch-${suffix}&limit=1&cursor=${page1.body.next_cursor}`,
  );
  expect(page2.body.items).toHaveLength(1);
  expect(page2.body.next_cursor).toBeNull();
  expect(new Set([page1.body.items[0].robot_id, page2.body.items[0].robot_id])).toEqual(
    new Set([normal.body.robot_id, critical.body.robot_id]),
  );
  const completed = await api.send<{ items: Robot[] }>('GET', `/api/v1/robots?status=COMPLETED&robot_type=${type}`);
  expect(completed.body.items.map((r) => r.robot_id)).toEqual([critical.body.robot_id]);
  expect((await api.send('GET', '/api/v1/robots?cursor=bm9wZQ')).status).toBe(400);
  expect((await api.send('GET', '/api/v1/robots?status=DONE')).status).toBe(400);
}

export async function retriesAndFailures(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const primary = `Primary${suffix}`;
  const backup = `Backup${suffix}`;
  const type = `extract_${suffix.toLowerCase()}`;
  await api.registerModule(primary, [type]);

  const robot = (await api.createRobot({ robot_type: type, input_data: {}, retry_limit: 1 })).body;
  let [claimed] = (await api.claim(primary)).body;
  const retried = await api.fail(claimed.execute_id, {
    lease_token: claimed.lease_token,
    error_category: 'EXTERNAL_API',
    error_message: 'registry 503',
  });
  expect(retried.body).toMatchObject({ status: 'RETRYING', retry_count: 1, error_category: 'EXTERNAL_API' });
  expect(new Date(retried.body.next_attempt_at).getTime()).toBeGreaterThan(Date.now() - 1_000);

  // The primary turns unhealthy and a backup appears: the retry fails over to the backup.
  await api.registerModule(backup, [type]);
  await t.db.query(`UPDATE module_registry SET health_status = 'UNHEALTHY' WHERE module_name = $1`, [primary]);
  await api.send('PATCH', `/api/v1/modules/${primary}`, { max_concurrent_robots: 100 });
  await sleep(150);
  // The retry was scheduled on the primary (it failed before the backup existed): it is claimed there.
  [claimed] = (await api.claim(primary, { wait_ms: 2_000 })).body;
  expect(claimed.robot_id).toBe(robot.robot_id);
  const failed = await api.fail(claimed.execute_id, {
    lease_token: claimed.lease_token,
    error_category: 'TIMEOUT',
    error_message: 'slow',
  });
  // retry_limit 1 is used up: FAILED for good.
  expect(failed.body).toMatchObject({ status: 'FAILED', retry_count: 1, error_category: 'TIMEOUT' });

  // A manual retry routes afresh: the primary is unhealthy, so the backup gets it.
  const requeued = await api.retry(robot.robot_id);
  expect(requeued.body).toMatchObject({ status: 'PENDING', module_name: backup, retry_count: 2 });
  expect((await api.retry(robot.robot_id)).status).toBe(409);

  // A failover on an automatic retry: fail on the backup with retries left, the backup turns
  // unhealthy, the primary recovers: the next attempt goes to the primary.
  const second = (await api.createRobot({ robot_type: type, input_data: { x: 1 } })).body;
  expect(second.module_name).toBe(backup);
  const [onBackup] = (await api.claim(backup, { max_robots: 5 })).body.filter((r) => r.robot_id === second.robot_id);
  await t.db.query(
    `UPDATE module_registry SET health_status = CASE module_name WHEN $1 THEN 'UNHEALTHY' ELSE 'HEALTHY' END::module_health_enum WHERE module_name IN ($1, $2)`,
    [backup, primary],
  );
  await api.send('PATCH', `/api/v1/modules/${backup}`, { max_concurrent_robots: 100 });
  const moved = await api.fail(onBackup.execute_id, {
    lease_token: onBackup.lease_token,
    error_category: 'SYSTEM',
    error_message: 'worker crashed',
  });
  expect(moved.body).toMatchObject({ status: 'RETRYING', module_name: primary });

  // VALIDATION is a business error: no retry even with retries left.
  await t.db.query(`UPDATE module_registry SET health_status = 'HEALTHY' WHERE module_name = $1`, [backup]);
  await api.send('PATCH', `/api/v1/modules/${backup}`, { max_concurrent_robots: 100 });
  const third = (await api.createRobot({ robot_type: type, input_data: { x: 3 } })).body;
  const [onThird] = (await api.claim(third.module_name!, { max_robots: 10 })).body.filter(
    (r) => r.robot_id === third.robot_id,
  );
  const invalid = await api.fail(onThird.execute_id, {
    lease_token: onThird.lease_token,
    error_category: 'VALIDATION',
    error_message: 'no case id',
  });
  expect(invalid.body).toMatchObject({ status: 'FAILED', retry_count: 0, error_category: 'VALIDATION' });
}

export async function cancellationAndFencing(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const module = `Cancel${suffix}`;
  const type = `cancel_${suffix.toLowerCase()}`;
  await api.registerModule(module, [type]);

  const pending = (await api.createRobot({ robot_type: type, input_data: {} })).body;
  expect((await api.cancel(pending.robot_id)).body).toMatchObject({ status: 'CANCELLED' });
  const again = await api.cancel(pending.robot_id);
  expect(again.status).toBe(409);
  expect((again.body as unknown as Problem).code).toBe('ROBOT_INVALID_TRANSITION');
  expect((await api.claim(module)).body).toEqual([]);

  // Cancelled while a worker holds it: the worker's lease is no longer valid.
  const running = (await api.createRobot({ robot_type: type, input_data: {} })).body;
  const [claimed] = (await api.claim(module)).body;
  expect(claimed.robot_id).toBe(running.robot_id);
  expect((await api.cancel(running.robot_id)).body.status).toBe('CANCELLED');
  const late = await api.complete(claimed.execute_id, { lease_token: claimed.lease_token, output_data: {} });
  expect(late.status).toBe(409);
  expect((late.body as unknown as Problem).code).toBe('LEASE_LOST');
  expect((await api.getRobot(running.robot_id)).body.status).toBe('CANCELLED');

  expect((await api.getRobot('NOPE_1_1')).status).toBe(404);
  expect((await api.cancel('bad id!')).status).toBe(400);
  expect((await api.progress('not-a-uuid', { lease_token: claimed.lease_token })).status).toBe(400);
}

export async function idempotentCreation(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const type = `idem_${suffix.toLowerCase()}`;
  await api.registerModule(`Idem${suffix}`, [type]);
  const key = { 'Idempotency-Key': `order-${suffix}-0001` };
  const body = { robot_type: type, input_data: { order: 1 } };
  const results = await Promise.all(Array.from({ length: 5 }, () => api.createRobot(body, key)));
  expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
  expect(new Set(results.map((r) => r.body.robot_id)).size).toBe(1);
  const other = await api.createRobot({ ...body, input_data: { order: 2 } }, key);
  expect(other.status).toBe(422);
  expect((other.body as unknown as Problem).code).toBe('IDEMPOTENCY_KEY_REUSED');
  expect((await api.createRobot(body, { 'Idempotency-Key': 'short' })).status).toBe(400);
  const { rows } = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM robots WHERE robot_type = $1', [type]);
  expect(rows[0].n).toBe('1');

  // Bulk: the same key returns the same robots in order, even when the repeats race.
  const bulkKey = { 'Idempotency-Key': `batch-${suffix}-0001` };
  const robots = Array.from({ length: 20 }, (_, i) => ({ robot_type: type, input_data: { line: i } }));
  type Bulk = { created: number; robots: Robot[] };
  const bulks = await Promise.all(
    Array.from({ length: 4 }, () => api.send<Bulk>('POST', '/api/v1/robots/bulk', { robots }, bulkKey)),
  );
  expect(bulks.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
  expect(bulks.map((r) => r.body.created).sort()).toEqual([0, 0, 0, 20]);
  const ids = bulks[0].body.robots.map((r) => r.robot_id);
  for (const bulk of bulks) expect(bulk.body.robots.map((r) => r.robot_id)).toEqual(ids);
  expect(bulks[0].body.robots.map((r) => (r.input_data as { line: number }).line)).toEqual(robots.map((_, i) => i));
  const changed = robots.map((robot, i) => (i === 7 ? { ...robot, input_data: { line: 'other' } } : robot));
  const reused = await api.send('POST', '/api/v1/robots/bulk', { robots: changed }, bulkKey);
  expect(reused.status).toBe(422);
  expect((reused.body as unknown as Problem).code).toBe('IDEMPOTENCY_KEY_REUSED');
  expect((await api.send('POST', '/api/v1/robots/bulk', { robots }, { 'Idempotency-Key': 'bad key!' })).status).toBe(
    400,
  );
  const after = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM robots WHERE robot_type = $1', [type]);
  expect(after.rows[0].n).toBe('21');
}

export async function unassignedAndValidation(t: TestApp): Promise<void> {
  const api = lifecycleClient(t);
  const waiting = await api.createRobot({ robot_type: 'nobody_handles_this', input_data: {} });
  expect(waiting.status).toBe(201);
  expect(waiting.body).toMatchObject({
    status: 'PENDING',
    module_name: null,
    routing_decision: { selected_module: null },
  });
  for (const body of [
    { robot_type: 'x' },
    { robot_type: 'x', input_data: 'text' },
    { robot_type: 'Bad Type', input_data: {} },
    { robot_type: 'x', input_data: {}, priority: 'URGENT' },
    { robot_type: 'x', input_data: {}, retry_limit: 99 },
    { robot_type: 'x', input_data: {}, deadline: 'tomorrow' },
    { robot_type: 'x', input_data: {}, correlation_id: '<script>' },
    { robot_type: 'x', input_data: {}, status: 'COMPLETED' },
  ]) {
    expect((await api.createRobot(body)).status).toBe(400);
  }
}

/** Many workers claiming at once never get the same robot twice; every robot ends exactly once. */
export async function concurrentWorkers(t: TestApp, suffix: string, workers: number, robots: number): Promise<void> {
  const api = lifecycleClient(t);
  const module = `Swarm${suffix}`;
  const type = `swarm_${suffix.toLowerCase()}`;
  await api.registerModule(module, [type]);
  for (let i = 0; i < robots; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, robots - i) }, (_, j) =>
        api.createRobot({ robot_type: type, input_data: { i: i + j } }),
      ),
    );
  }
  const seen = new Map<string, number>();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (;;) {
        const batch = (await api.claim(module, { max_robots: 10 })).body;
        if (batch.length === 0) return;
        for (const robot of batch) {
          seen.set(robot.robot_id, (seen.get(robot.robot_id) ?? 0) + 1);
          const done = await api.complete(robot.execute_id, { lease_token: robot.lease_token, output_data: {} });
          expect(done.status).toBe(200);
        }
      }
    }),
  );
  expect(seen.size).toBe(robots);
  expect([...seen.values()].every((n) => n === 1)).toBe(true);
  const { rows } = await t.db.query<{ status: string; n: string }>(
    'SELECT status, count(*) AS n FROM robots WHERE robot_type = $1 GROUP BY status',
    [type],
  );
  expect(rows).toEqual([{ status: 'COMPLETED', n: String(robots) }]);
}

/** An idle worker waiting on a long poll gets a new robot in well under its wait. */
export async function longPollWakesUp(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const module = `Poll${suffix}`;
  const type = `poll_${suffix.toLowerCase()}`;
  await api.registerModule(module, [type]);
  const started = Date.now();
  const waiting = api.claim(module, { wait_ms: 10_000 });
  await sleep(300);
  const robot = (await api.createRobot({ robot_type: type, input_data: {} })).body;
  const claimed = await waiting;
  expect(claimed.body.map((r) => r.robot_id)).toEqual([robot.robot_id]);
  expect(Date.now() - started).toBeLessThan(5_000);
  // With no work at all, the long poll returns empty once its wait is over.
  expect((await api.claim(module, { wait_ms: 300 })).body).toEqual([]);
}

/** A worker that stops reporting loses the robot: the sweep retries it and fences the old lease off. */
export async function leaseExpiry(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const executions = t.app.get(ExecutionsService);
  const module = `Lease${suffix}`;
  const type = `lease_${suffix.toLowerCase()}`;
  await api.registerModule(module, [type]);

  const robot = (await api.createRobot({ robot_type: type, input_data: {} })).body;
  const [stale] = (await api.claim(module, { lease_seconds: 30 })).body;
  await t.db.query(`UPDATE robot_execute SET lease_expires_at = now() - interval '1 second' WHERE execute_id = $1`, [
    stale.execute_id,
  ]);
  expect((await executions.sweepExpiredLeases()).timed_out).toBeGreaterThanOrEqual(1);
  expect((await api.getRobot(robot.robot_id)).body).toMatchObject({
    status: 'RETRYING',
    retry_count: 1,
    error_category: 'TIMEOUT',
  });

  const [fresh] = (await api.claim(module, { wait_ms: 2_000 })).body;
  expect(fresh.robot_id).toBe(robot.robot_id);
  expect(fresh.lease_token).not.toBe(stale.lease_token);
  const late = await api.complete(stale.execute_id, { lease_token: stale.lease_token, output_data: { from: 'stale' } });
  expect(late.status).toBe(409);
  const done = await api.complete(fresh.execute_id, { lease_token: fresh.lease_token, output_data: { from: 'fresh' } });
  expect(done.body).toMatchObject({ status: 'COMPLETED', output_data: { from: 'fresh' } });
  const attempts = await api.send<Array<{ execution_state: string }>>(
    'GET',
    `/api/v1/robots/${robot.robot_id}/executions`,
  );
  expect(attempts.body.map((a) => a.execution_state)).toEqual(['FAILED', 'COMPLETED']);

  // timeout_seconds bounds an attempt even while its lease is kept alive.
  const slow = (await api.createRobot({ robot_type: type, input_data: {}, timeout_seconds: 1, retry_limit: 0 })).body;
  const [claimed] = (await api.claim(module)).body;
  expect(claimed.robot_id).toBe(slow.robot_id);
  await sleep(1_200);
  await executions.sweepExpiredLeases();
  expect((await api.getRobot(slow.robot_id)).body).toMatchObject({ status: 'FAILED', error_category: 'TIMEOUT' });
}

/** Robots queued for a type nobody handled are routed once a module for it registers. */
export async function waitingRobotsFindANewModule(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const type = `late_${suffix.toLowerCase()}`;
  const waiting = (await api.createRobot({ robot_type: type, input_data: {} })).body;
  expect(waiting.module_name).toBeNull();
  await api.registerModule(`Late${suffix}`, [type]);
  // The periodic assign-waiting job may get there first: either way the robot is routed now.
  await t.app.get(RobotsService).assignUnassigned();
  expect((await api.getRobot(waiting.robot_id)).body.module_name).toBe(`Late${suffix}`);
  const [claimed] = (await api.claim(`Late${suffix}`)).body;
  expect(claimed.robot_id).toBe(waiting.robot_id);
  expect(claimed.routing_decision?.selected_module).toBe(`Late${suffix}`);
}

/** Every committed event reaches in-process subscribers after commit, in order, including ones written elsewhere. */
export async function eventsArePublished(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const emitter = t.app.get(EventEmitter2);
  const relay = t.app.get(OutboxRelay);
  const seen: Array<{ event_type: string; robot_id: string | null; event_id: number }> = [];
  const listener = (
    _name: string | string[],
    event: { event_type: string; robot_id: string | null; event_id: number },
  ) => {
    seen.push(event);
  };
  emitter.onAny(listener);
  try {
    const module = `Events${suffix}`;
    const type = `events_${suffix.toLowerCase()}`;
    await api.registerModule(module, [type]);
    const robot = (await api.createRobot({ robot_type: type, input_data: {} })).body;
    const [claimed] = (await api.claim(module)).body;
    await api.progress(claimed.execute_id, { lease_token: claimed.lease_token, progress_percentage: 50 });
    await api.complete(claimed.execute_id, { lease_token: claimed.lease_token, output_data: {} });

    // An event committed without this process's kick (another instance, or before a crash).
    await t.db.query(`INSERT INTO events (event_type, robot_id, module_name) VALUES ('robot.annotated', $1, $2)`, [
      robot.robot_id,
      module,
    ]);
    const deadline = Date.now() + 5_000;
    while (
      !seen.some((e) => e.event_type === 'robot.annotated' && e.robot_id === robot.robot_id) &&
      Date.now() < deadline
    ) {
      await sleep(50);
    }
    await relay.settle();
    const mine = seen.filter((e) => e.robot_id === robot.robot_id);
    expect(mine.map((e) => e.event_type)).toEqual([
      'robot.created',
      'robot.started',
      'robot.progress',
      'robot.completed',
      'robot.annotated',
    ]);
    // Each once, in the outbox's order.
    expect(new Set(mine.map((e) => e.event_id)).size).toBe(mine.length);
    const stored = await t.app.get(RobotReadsRepository).events(robot.robot_id);
    expect(mine.map((e) => e.event_id)).toEqual(stored.map((e) => Number(e.event_id)));
  } finally {
    emitter.offAny(listener);
  }
}

/** Bulk creation is one transaction; claims never take more than a module's free capacity. */
export async function bulkAndCapacity(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const module = `Bulk${suffix}`;
  const type = `bulk_${suffix.toLowerCase()}`;
  await api.registerModule(module, [type], 3);
  const robots = Array.from({ length: 250 }, (_, i) => ({
    robot_type: type,
    input_data: { i },
    priority: i === 249 ? 'HIGH' : 'LOW',
  }));
  const bulk = await api.send<{ created: number; robots: Robot[] }>('POST', '/api/v1/robots/bulk', { robots });
  expect(bulk.status).toBe(201);
  expect(bulk.body.created).toBe(250);
  expect(bulk.body.robots.map((r) => (r.input_data as { i: number }).i)).toEqual(robots.map((_, i) => i));
  expect(new Set(bulk.body.robots.map((r) => r.robot_id)).size).toBe(250);
  const { rows } = await t.db.query<{ robots: string; attempts: string; events: string }>(
    `SELECT (SELECT count(*) FROM robots WHERE robot_type = $1) AS robots,
            (SELECT count(*) FROM robot_execute WHERE module_name = $2) AS attempts,
            (SELECT count(*) FROM events WHERE module_name = $2 AND event_type = 'robot.created') AS events`,
    [type, module],
  );
  // An attempt's row is written when a worker claims the robot, not before.
  expect(rows[0]).toEqual({ robots: '250', attempts: '0', events: '250' });

  // One invalid robot: nothing is written.
  const bad = await api.send('POST', '/api/v1/robots/bulk', {
    robots: [{ robot_type: type, input_data: {} }, { robot_type: type }],
  });
  expect(bad.status).toBe(400);
  expect(
    (await t.db.query<{ n: string }>('SELECT count(*) AS n FROM robots WHERE robot_type = $1', [type])).rows[0].n,
  ).toBe('250');
  expect((await api.send('POST', '/api/v1/robots/bulk', { robots: [] })).status).toBe(400);

  // Capacity 3: a claim for 10 gets 3 (the HIGH one first); the next gets none until one finishes.
  const first = (await api.claim(module, { max_robots: 10 })).body;
  expect(first).toHaveLength(3);
  expect(first[0].priority).toBe('HIGH');
  expect((await api.claim(module, { max_robots: 10 })).body).toEqual([]);
  await api.complete(first[0].execute_id, { lease_token: first[0].lease_token, output_data: {} });
  expect((await api.claim(module, { max_robots: 10 })).body).toHaveLength(1);
}

/**
 * A module whose robots keep failing is quarantined: routing and its own claims stop, then one
 * probe after the cool-down closes the breaker again. Needs BREAKER_MIN_FAILURES=3 and
 * BREAKER_COOLDOWN_SECONDS=1.
 */
export async function quarantinesAFailingModule(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const flaky = `AFlaky${suffix}`;
  const steady = `ZSteady${suffix}`;
  const type = `breaker_${suffix.toLowerCase()}`;
  await api.registerModule(flaky, [type]);
  await api.registerModule(steady, [type]);
  // Equal scores: ties go to the lower name, so the flaky module gets the work first.
  const robots = [];
  for (let i = 0; i < 4; i++)
    robots.push((await api.createRobot({ robot_type: type, input_data: { i }, retry_limit: 0 })).body);
  expect(robots.map((r) => r.module_name)).toEqual(Array(4).fill(flaky));

  const claimed = (await api.claim(flaky, { max_robots: 3 })).body;
  for (const robot of claimed) {
    await api.fail(robot.execute_id, {
      lease_token: robot.lease_token,
      error_category: 'EXTERNAL_API',
      error_message: 'down',
    });
  }
  // The breaker judges the counted outcomes every BREAKER_EVALUATION_INTERVAL_MS.
  const breakerOf = async () =>
    (await api.send<{ breaker_state: string }>('GET', `/api/v1/modules/${flaky}`)).body.breaker_state;
  expect(await eventually(breakerOf, (state) => state === 'OPEN')).toBe('OPEN');
  const decision = (
    await api.send<{ selected_module: string; candidates: Array<{ module_name: string; excluded_because: string[] }> }>(
      'GET',
      `/api/v1/routing/select?robot_type=${type}`,
    )
  ).body;
  expect(decision.selected_module).toBe(steady);
  expect(decision.candidates.find((c) => c.module_name === flaky)?.excluded_because).toEqual(['QUARANTINED']);
  // Quarantined: no claims, though one of its robots is still waiting.
  expect((await api.claim(flaky)).body).toEqual([]);
  expect((await api.createRobot({ robot_type: type, input_data: {} })).body.module_name).toBe(steady);

  await sleep(1_100);
  // Cool-down over: exactly one probe robot at a time.
  const probe = (await api.claim(flaky, { max_robots: 5 })).body;
  expect(probe).toHaveLength(1);
  expect((await api.claim(flaky)).body).toEqual([]);
  await api.complete(probe[0].execute_id, { lease_token: probe[0].lease_token, output_data: {} });
  expect(await eventually(breakerOf, (state) => state === 'CLOSED')).toBe('CLOSED');
  const { rows } = await t.db.query<{ payload: { from: string; to: string } }>(
    `SELECT payload FROM events WHERE event_type = 'module.breaker_changed' AND module_name = $1 ORDER BY event_id`,
    [flaky],
  );
  expect(rows.map((r) => `${r.payload.from}→${r.payload.to}`)).toEqual(['CLOSED→OPEN', 'HALF_OPEN→CLOSED']);
}

/**
 * Concurrent reports share one statement (group commit): each still answers for its own attempt,
 * two reports on one attempt are both applied, and a stale token in the same batch is refused alone.
 */
export async function concurrentProgress(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const module = `Busy${suffix}`;
  const type = `busy_${suffix.toLowerCase()}`;
  await api.registerModule(module, [type]);
  await api.send('POST', '/api/v1/robots/bulk', {
    robots: Array.from({ length: 30 }, (_, i) => ({ robot_type: type, input_data: { i } })),
  });
  const claimed = (await api.claim(module, { max_robots: 30 })).body;
  expect(claimed).toHaveLength(30);
  const reports = [
    ...claimed.map((c, i) => ({ c, token: c.lease_token, percentage: i + 1, step: `STEP_${i}` })),
    { c: claimed[0], token: claimed[0].lease_token, percentage: 99, step: 'STEP_AGAIN' },
    { c: claimed[1], token: claimed[2].lease_token, percentage: 50, step: 'WRONG_TOKEN' },
  ];
  const answers = await Promise.all(
    reports.map((r) =>
      api.progress(r.c.execute_id, { lease_token: r.token, progress_percentage: r.percentage, current_step: r.step }),
    ),
  );
  expect(answers.map((a) => a.status)).toEqual([...claimed.map(() => 200), 200, 409]);
  answers
    .slice(1, 30)
    .forEach((a, i) =>
      expect(a.body).toMatchObject({ execute_id: claimed[i + 1].execute_id, progress_percentage: i + 2 }),
    );
  const { rows } = await t.db.query<{ execute_id: string; progress_percentage: number; current_step: string }>(
    `SELECT execute_id, progress_percentage, current_step FROM robot_execute WHERE module_name = $1`,
    [module],
  );
  const byId = new Map(rows.map((row) => [row.execute_id, row]));
  expect(['STEP_0', 'STEP_AGAIN']).toContain(byId.get(claimed[0].execute_id)!.current_step);
  expect(byId.get(claimed[1].execute_id)).toMatchObject({ current_step: 'STEP_1', progress_percentage: 2 });
  const events = await t.db.query<{ n: string }>(
    `SELECT count(*) AS n FROM events WHERE module_name = $1 AND event_type = 'robot.progress'`,
    [module],
  );
  expect(events.rows[0].n).toBe('31');
}

type BatchAnswer = {
  completed: number;
  refused: number;
  results: Array<{ execute_id: string; status: string; robot?: Robot }>;
};

/**
 * POST /executions/complete: each result answers for itself, in the order sent; a stale token or
 * an attempt already finished is refused alone; invalid input refuses the whole call, writing nothing.
 */
export async function batchCompletion(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const module = `Batch${suffix}`;
  const type = `batch_${suffix.toLowerCase()}`;
  await api.registerModule(module, [type]);
  await api.send('POST', '/api/v1/robots/bulk', {
    robots: Array.from({ length: 6 }, (_, i) => ({ robot_type: type, input_data: { i } })),
  });
  const claimed = (await api.claim(module, { max_robots: 6 })).body;
  expect(claimed).toHaveLength(6);
  const result = (c: Claimed, extra: Record<string, unknown> = {}) => ({
    execute_id: c.execute_id,
    lease_token: c.lease_token,
    output_data: { n: c.input_data },
    ...extra,
  });
  await api.complete(claimed[3].execute_id, { lease_token: claimed[3].lease_token, output_data: {} });

  const invalid = [
    { results: [] },
    { results: Array.from({ length: 101 }, () => result(claimed[0])) },
    { results: [result(claimed[0]), result(claimed[0])] },
    { results: [result(claimed[0]), { ...result(claimed[1]), lease_token: 'nope' }] },
    { results: [result(claimed[0]), { ...result(claimed[1]), confidence_score: 7 }] },
    { results: [result(claimed[0]), null] },
    { results: 'all of them' },
  ];
  for (const body of invalid) expect((await api.send('POST', '/api/v1/executions/complete', body)).status).toBe(400);
  const { rows: untouched } = await t.db.query<{ n: string }>(
    `SELECT count(*) AS n FROM robots WHERE robot_type = $1 AND status = 'COMPLETED'`,
    [type],
  );
  expect(untouched[0].n).toBe('1');

  const answer = await api.send<BatchAnswer>('POST', '/api/v1/executions/complete', {
    results: [
      result(claimed[0], { confidence_score: 0.9 }),
      result(claimed[1]),
      { ...result(claimed[2]), lease_token: claimed[4].lease_token },
      result(claimed[3]),
      result(claimed[4]),
    ],
  });
  expect(answer.status).toBe(200);
  expect(answer.body.results.map((r) => [r.execute_id, r.status])).toEqual([
    [claimed[0].execute_id, 'completed'],
    [claimed[1].execute_id, 'completed'],
    [claimed[2].execute_id, 'lease_lost'],
    [claimed[3].execute_id, 'lease_lost'],
    [claimed[4].execute_id, 'completed'],
  ]);
  expect([answer.body.completed, answer.body.refused]).toEqual([3, 2]);
  expect(answer.body.results[0].robot).toMatchObject({
    robot_id: claimed[0].robot_id,
    status: 'COMPLETED',
    output_data: { n: { i: (claimed[0].input_data as { i: number }).i } },
    confidence_score: 0.9,
  });
  const { rows } = await t.db.query<{ robot_id: string; status: string; completed: string }>(
    `SELECT r.robot_id, r.status,
            (SELECT count(*) FROM events e WHERE e.robot_id = r.robot_id AND e.event_type = 'robot.completed') AS completed
       FROM robots r WHERE r.robot_type = $1`,
    [type],
  );
  const byId = new Map(rows.map((r) => [r.robot_id, r]));
  for (const i of [0, 1, 3, 4])
    expect(byId.get(claimed[i].robot_id)).toMatchObject({ status: 'COMPLETED', completed: '1' });
  expect(byId.get(claimed[2].robot_id)).toMatchObject({ status: 'PROCESSING', completed: '0' });
  // The refused one is still held by its lease.
  const late = await api.complete(claimed[2].execute_id, { lease_token: claimed[2].lease_token, output_data: {} });
  expect(late.status).toBe(200);
}

/**
 * Concurrent failures share statements and are each judged on their robot's own row: the retry
 * delay follows RETRY_BACKOFF_BASE_MS·2^retry_count with equal jitter, the last attempt fails for
 * good, VALIDATION is never retried.
 */
export async function concurrentFailures(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const module = `Failing${suffix}`;
  const type = `failing_${suffix.toLowerCase()}`;
  await api.registerModule(module, [type]);
  await api.send('POST', '/api/v1/robots/bulk', {
    robots: [
      ...Array.from({ length: 8 }, (_, i) => ({ robot_type: type, input_data: { i }, retry_limit: 2 })),
      ...Array.from({ length: 4 }, (_, i) => ({ robot_type: type, input_data: { last: i }, retry_limit: 0 })),
    ],
  });
  const claimed = (await api.claim(module, { max_robots: 12 })).body;
  expect(claimed).toHaveLength(12);
  const category = (c: Claimed) => ((c.input_data.i as number) % 4 === 3 ? 'VALIDATION' : 'EXTERNAL_API');
  const started = Date.now();
  const answers = await Promise.all(
    claimed.map((c) =>
      api.fail(c.execute_id, { lease_token: c.lease_token, error_category: category(c), error_message: 'boom' }),
    ),
  );
  expect(answers.map((a) => a.status)).toEqual(claimed.map(() => 200));
  answers.forEach((answer, i) => {
    const c = claimed[i];
    const expected = c.input_data.last !== undefined || category(c) === 'VALIDATION' ? 'FAILED' : 'RETRYING';
    expect([c.input_data, answer.body.status]).toEqual([c.input_data, expected]);
    if (expected === 'RETRYING') {
      expect(answer.body.retry_count).toBe(1);
      // RETRY_BACKOFF_BASE_MS is 50 in these suites: the first retry waits 25-50 ms.
      const delay = new Date(answer.body.next_attempt_at).getTime() - started;
      expect(delay).toBeGreaterThanOrEqual(25 - 5);
      expect(delay).toBeLessThanOrEqual(50 + (Date.now() - started) + 5);
    } else expect(answer.body.retry_count).toBe(0);
  });
  const { rows } = await t.db.query<{ event_type: string; n: string; delays: number[] }>(
    `SELECT event_type, count(*) AS n, array_agg((payload->>'delay_ms')::int) AS delays FROM events
      WHERE module_name = $1 AND event_type IN ('robot.retrying', 'robot.failed') GROUP BY event_type ORDER BY 1`,
    [module],
  );
  expect(rows.map((r) => [r.event_type, r.n])).toEqual([
    ['robot.failed', '6'],
    ['robot.retrying', '6'],
  ]);
  for (const delay of rows[1].delays) expect(delay >= 20 && delay <= 50).toBe(true);
}

/**
 * How the breaker decides: from counted outcomes in the window (a VALIDATION failure is an ended
 * attempt, never a failure of the module), only when the failures are at least
 * BREAKER_MIN_FAILURES (3 here) and BREAKER_FAILURE_RATE (0.5) of the ended attempts; counts
 * older than the window neither count nor stay.
 */
export async function breakerCountsTheWindow(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const module = `Counted${suffix}`;
  const type = `counted_${suffix.toLowerCase()}`;
  await api.registerModule(module, [type]);
  // 1,000 failures an hour ago, past the window (600 s): they must not count.
  await t.db.query(
    `INSERT INTO module_breaker_counts (module_name, bucket_start, instance_id, succeeded, failed)
     VALUES ($1, (now() AT TIME ZONE 'UTC') - interval '1 hour', 'gone-instance', 0, 1000)`,
    [module],
  );
  const breakerOf = async () =>
    (await api.send<{ breaker_state: string }>('GET', `/api/v1/modules/${module}`)).body.breaker_state;
  const settle = () => sleep(300); // six evaluation intervals of 50 ms
  const finish = async (outcomes: string[]) => {
    await api.send('POST', '/api/v1/robots/bulk', {
      robots: outcomes.map((o) => ({ robot_type: type, input_data: { o }, retry_limit: 0 })),
    });
    const claimed = (await api.claim(module, { max_robots: outcomes.length })).body;
    expect(claimed).toHaveLength(outcomes.length);
    for (const c of claimed) {
      const o = c.input_data.o as string;
      if (o === 'ok') await api.complete(c.execute_id, { lease_token: c.lease_token, output_data: {} });
      else await api.fail(c.execute_id, { lease_token: c.lease_token, error_category: o, error_message: o });
    }
    await settle();
  };

  // Business failures never count against it, but they are ended attempts: 2 VALIDATION, 2
  // successes, then 3 failures make 3 of 7, under half (3 of 5 would have opened it).
  await finish(Array(2).fill('VALIDATION'));
  await finish(Array(2).fill('ok'));
  await finish(Array(3).fill('SYSTEM'));
  expect(await breakerOf()).toBe('CLOSED');
  const { rows: counted } = await t.db.query<{ succeeded: string; failed: string; old: string }>(
    `SELECT sum(succeeded) AS succeeded, sum(failed) AS failed,
            count(*) FILTER (WHERE instance_id = 'gone-instance') AS old
       FROM module_breaker_counts WHERE module_name = $1`,
    [module],
  );
  expect(counted[0]).toEqual({ succeeded: '4', failed: '3', old: '0' });
  // One more: 4 of 8 is half: quarantined.
  await finish(['EXTERNAL_API']);
  expect(await eventually(breakerOf, (state) => state === 'OPEN')).toBe('OPEN');
}

/**
 * The robot list pages without gaps or repeats, also through robots one bulk call created at the
 * same instant, and a page that is exactly full is the last: no cursor to an empty page.
 */
export async function pagesTheRobotList(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const correlation = `paged-${suffix}`;
  const robots = Array.from({ length: 4 }, (_, i) => ({
    robot_type: `paged_${suffix.toLowerCase()}`,
    input_data: { i },
    correlation_id: correlation,
  }));
  const created = (await api.send<{ robots: Robot[] }>('POST', '/api/v1/robots/bulk', { robots })).body.robots;
  type Page = { items: Robot[]; next_cursor: string | null };
  const list = (query: string) => api.send<Page>('GET', `/api/v1/robots?correlation_id=${correlation}&${query}`);

  const full = (await list('limit=4')).body;
  expect(full.items).toHaveLength(4);
  expect(full.next_cursor).toBeNull();

  const first = (await list('limit=2')).body;
  expect(first.items).toHaveLength(2);
  expect(first.next_cursor).toEqual(expect.any(String));
  const last = (await list(`limit=2&cursor=${first.next_cursor}`)).body;
  expect(last.items).toHaveLength(2);
  expect(last.next_cursor).toBeNull();
  expect([...first.items, ...last.items].map((r) => r.robot_id)).toEqual(full.items.map((r) => r.robot_id));
  expect(new Set(full.items.map((r) => r.robot_id))).toEqual(new Set(created.map((r) => r.robot_id)));
}
