import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BotfleetClient,
  LeaseLostError,
  PermanentError,
  RetryableError,
  type Robot,
  Worker,
} from '../../packages/client/src/index.js';
import { eventually } from '../support/eventually.js';
import { type ServiceProcess, spawnService } from '../support/service-process.js';
import { GENEROUS_LIMITS, TEST_ADMIN_KEY, tempDir } from '../support/test-app.js';

/** The client package's Worker against the built service (`node dist/src/main.js`) on embedded PGlite. */
describe('@botfleet/client Worker against the real server', () => {
  const dir = tempDir();
  let service: ServiceProcess;
  let client: BotfleetClient;
  const workers: Worker[] = [];

  beforeAll(async () => {
    service = spawnService({
      DATA_DIR: dir.path,
      BOOTSTRAP_ADMIN_KEY: TEST_ADMIN_KEY,
      // A failed attempt is claimable again within ~100 ms instead of a second.
      RETRY_BACKOFF_BASE_MS: '100',
      ...GENEROUS_LIMITS,
    });
    client = new BotfleetClient({ baseUrl: await service.ready, apiKey: TEST_ADMIN_KEY });
  }, 300_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop({ timeoutMs: 1_000 })));
    service?.child.kill('SIGTERM');
    await service?.exited;
    dir.remove();
  }, 60_000);

  const worker = (options: Omit<ConstructorParameters<typeof Worker>[0], 'client'>) => {
    const created = new Worker({ client, pollWaitMs: 1_000, heartbeatMs: 300, ...options });
    workers.push(created);
    return created;
  };
  const submit = async (robotType: string, inputs: Record<string, unknown>[]) =>
    Promise.all(inputs.map((input) => client.createRobot({ robot_type: robotType, input_data: input })));
  const settled = (robotId: string, statuses: Robot['status'][], timeoutMs = 30_000) =>
    eventually(
      () => client.getRobot(robotId),
      (robot) => statuses.includes(robot.status),
      timeoutMs,
    );

  it('registers, claims and completes robots with their steps and output, several at once', async () => {
    let running = 0;
    let mostAtOnce = 0;
    const w = worker({
      module: 'ClientDoubler',
      register: { version: '1.0.0', robotTypes: ['client_double'] },
      concurrency: 3,
      handler: async (input, context) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await context.step('DOUBLE', 'PROCESSING');
        await sleep(300);
        await context.progress(100, 'doubled');
        running--;
        return { doubled: (input.n as number) * 2 };
      },
    });
    await w.start();
    const robots = await submit(
      'client_double',
      [1, 2, 3, 4, 5, 6].map((n) => ({ n })),
    );
    const done = await Promise.all(robots.map((robot) => settled(robot.robot_id, ['COMPLETED', 'FAILED'])));
    expect(done.map((robot) => [robot.status, robot.module_name, robot.output_data])).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => ['COMPLETED', 'ClientDoubler', { doubled: n * 2 }]),
    );
    expect(mostAtOnce).toBeGreaterThan(1);
    expect(mostAtOnce).toBeLessThanOrEqual(3);
    const [attempt] = await client.executions(robots[0].robot_id);
    expect([attempt.execution_state, attempt.current_step, attempt.step_category, attempt.progress_percentage]).toEqual(
      ['COMPLETED', 'DOUBLE', 'PROCESSING', 100],
    );
    const module = await client.request('get', '/api/v1/modules/{module_name}', {
      params: { module_name: 'ClientDoubler' },
    });
    expect([module.module_version, module.supported_robot_types, module.max_concurrent_robots]).toEqual([
      '1.0.0',
      ['client_double'],
      3,
    ]);
  });

  it('fails an attempt with the thrown category: a retryable one is retried, a permanent one is not', async () => {
    const seen = new Map<string, number>();
    const w = worker({
      module: 'ClientFlaky',
      register: { version: '1.0.0', robotTypes: ['client_flaky'] },
      handler: (input, context) => {
        const attempts = (seen.get(context.robot.robot_id) ?? 0) + 1;
        seen.set(context.robot.robot_id, attempts);
        if (input.kind === 'bad') throw new PermanentError('the case number is not valid');
        if (attempts === 1) throw new RetryableError('Court registry answered 503', 'EXTERNAL_API', { http: 503 });
        return { attempts };
      },
    });
    await w.start();
    const [flaky, bad] = await submit('client_flaky', [{ kind: 'flaky' }, { kind: 'bad' }]);

    const retried = await settled(flaky.robot_id, ['COMPLETED', 'FAILED']);
    expect([retried.status, retried.retry_count, retried.output_data]).toEqual(['COMPLETED', 1, { attempts: 2 }]);
    const flakyAttempts = await client.executions(flaky.robot_id);
    expect(
      flakyAttempts
        .map((a) => [a.execution_state, a.error_category, a.error_message, a.error_details])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['COMPLETED', null, null, null],
      ['FAILED', 'EXTERNAL_API', 'Court registry answered 503', { http: 503 }],
    ]);

    const failed = await settled(bad.robot_id, ['FAILED', 'COMPLETED']);
    expect([failed.status, failed.error_category, failed.retry_count]).toEqual(['FAILED', 'VALIDATION', 0]);
    const badAttempts = await client.executions(bad.robot_id);
    expect(badAttempts.map((a) => [a.execution_state, a.error_message])).toEqual([
      ['FAILED', 'the case number is not valid'],
    ]);
    expect(seen.get(bad.robot_id)).toBe(1);
  });

  it('fails the attempt when the server refuses the output, instead of leaving it leased', async () => {
    const errors: unknown[] = [];
    const w = worker({
      module: 'ClientOversized',
      register: { version: '1.0.0', robotTypes: ['client_oversized'] },
      // Over the 10 MB body cap (BODY_LIMIT_BYTES).
      handler: () => ({ blob: 'x'.repeat(11 * 1024 * 1024) }),
      onError: (error) => errors.push(error),
    });
    await w.start();
    const robot = await client.createRobot({ robot_type: 'client_oversized', input_data: {}, retry_limit: 0 });
    const failed = await settled(robot.robot_id, ['FAILED', 'COMPLETED']);
    expect([failed.status, failed.error_category]).toEqual(['FAILED', 'SYSTEM']);
    const [attempt] = await client.executions(robot.robot_id);
    expect(attempt.error_message).toMatch(/^The server refused the output: 413 /);
    expect(errors).toHaveLength(1);
  });

  it("aborts the handler's signal when the robot is cancelled, and reports nothing after", async () => {
    const started = new Map<string, AbortSignal>();
    const w = worker({
      module: 'ClientPatient',
      register: { version: '1.0.0', robotTypes: ['client_patient'] },
      handler: async (_input, context) => {
        started.set(context.robot.robot_id, context.signal);
        await new Promise((ok) => context.signal.addEventListener('abort', ok, { once: true }));
        return { finished: 'after the abort' };
      },
    });
    await w.start();
    const [robot] = await submit('client_patient', [{}]);
    const signal = await eventually(
      async () => started.get(robot.robot_id),
      (value) => value !== undefined,
      20_000,
    );
    expect(signal?.aborted).toBe(false);
    await client.cancelRobot(robot.robot_id, 'operator changed their mind');
    await eventually(
      async () => signal!.aborted,
      (aborted) => aborted,
      10_000,
    );
    expect(signal!.reason).toBeInstanceOf(LeaseLostError);
    await eventually(
      async () => w.active,
      (active) => active === 0,
      5_000,
    );
    const after = await client.getRobot(robot.robot_id);
    expect([after.status, after.output_data]).toEqual(['CANCELLED', null]);
    const attempts = await client.executions(robot.robot_id);
    expect(attempts.map((a) => a.execution_state)).toEqual(['CANCELLED']);
  });

  it('stop() finishes the robots in flight, then claims nothing more', async () => {
    const w = worker({
      module: 'ClientDrainer',
      register: { version: '1.0.0', robotTypes: ['client_drain'] },
      concurrency: 2,
      handler: async () => {
        await sleep(1_500);
        return { drained: true };
      },
    });
    await w.start();
    const robots = await submit('client_drain', [{}, {}]);
    await eventually(
      async () => w.active,
      (active) => active === 2,
      20_000,
    );
    await w.stop({ timeoutMs: 20_000 });
    expect(w.active).toBe(0);
    expect(w.released).toBe(0);
    const after = await Promise.all(robots.map((robot) => client.getRobot(robot.robot_id)));
    expect(after.map((robot) => [robot.status, robot.output_data])).toEqual([
      ['COMPLETED', { drained: true }],
      ['COMPLETED', { drained: true }],
    ]);
    const [late] = await submit('client_drain', [{}]);
    await sleep(1_500);
    expect((await client.getRobot(late.robot_id)).status).toBe('PENDING');
  });

  it('stop() releases a robot that outlives its timeout: the attempt fails as SYSTEM and is retried', async () => {
    let sawAbort = false;
    const w = worker({
      module: 'ClientStuck',
      register: { version: '1.0.0', robotTypes: ['client_stuck'] },
      handler: async (_input, context) => {
        await new Promise((ok) => context.signal.addEventListener('abort', ok, { once: true }));
        sawAbort = true;
      },
    });
    await w.start();
    const [robot] = await submit('client_stuck', [{}]);
    await eventually(
      async () => w.active,
      (active) => active === 1,
      20_000,
    );
    await w.stop({ timeoutMs: 500 });
    expect([w.released, w.active, sawAbort]).toEqual([1, 0, true]);
    const after = await client.getRobot(robot.robot_id);
    expect(['RETRYING', 'PENDING']).toContain(after.status);
    expect(after.retry_count).toBe(1);
    const attempts = await client.executions(robot.robot_id);
    expect(attempts.map((a) => [a.execution_state, a.error_category])).toEqual([['FAILED', 'SYSTEM']]);
  });
});
