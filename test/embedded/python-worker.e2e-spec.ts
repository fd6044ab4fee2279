import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { BotfleetClient, type Robot } from '../../packages/client/src/index.js';
import { eventually } from '../support/eventually.js';
import { type ServiceProcess, spawnService } from '../support/service-process.js';
import { GENEROUS_LIMITS, TEST_ADMIN_KEY, tempDir } from '../support/test-app.js';

const WORKER = resolve('examples/python-worker/worker.py');

/** examples/python-worker/worker.py (Python 3, standard library only) against the built service. */
describe('the Python worker example against the real server', () => {
  const dir = tempDir();
  let service: ServiceProcess;
  let client: BotfleetClient;
  let python: ChildProcess | undefined;
  let pythonLog = '';
  let pythonExit: Promise<number | null>;

  beforeAll(async () => {
    service = spawnService({
      DATA_DIR: dir.path,
      BOOTSTRAP_ADMIN_KEY: TEST_ADMIN_KEY,
      RETRY_BACKOFF_BASE_MS: '100',
      ...GENEROUS_LIMITS,
    });
    const baseUrl = await service.ready;
    client = new BotfleetClient({ baseUrl, apiKey: TEST_ADMIN_KEY });
    // A key with just what a worker needs, bound to its module: the example runs with the least rights.
    await client.request('post', '/api/v1/modules', {
      body: { module_name: 'PythonWordCounter', module_version: '0.0.1', supported_robot_types: ['word_count'] },
    });
    const key = await client.request('post', '/api/v1/api-keys', {
      body: { name: 'python-worker', scopes: ['work', 'modules:write'], module_name: 'PythonWordCounter' },
    });
    python = spawn('python3', [WORKER], {
      env: {
        PATH: process.env.PATH ?? '',
        BOTFLEET_URL: baseUrl,
        BOTFLEET_API_KEY: key.api_key,
        BOTFLEET_POLL_WAIT_MS: '1000',
        BOTFLEET_HEARTBEAT_SECONDS: '0.5',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    python.stdout!.on('data', (chunk: Buffer) => (pythonLog += chunk.toString()));
    python.stderr!.on('data', (chunk: Buffer) => (pythonLog += chunk.toString()));
    pythonExit = new Promise((ok) => python!.on('exit', (code) => ok(code)));
  }, 300_000);

  afterAll(async () => {
    if (python && python.exitCode === null) python.kill('SIGKILL');
    service?.child.kill('SIGTERM');
    await service?.exited;
    dir.remove();
  }, 60_000);

  const settled = (robotId: string) =>
    eventually(
      () => client.getRobot(robotId),
      (robot) => ['COMPLETED', 'FAILED', 'CANCELLED'].includes(robot.status),
      30_000,
    );
  const submit = (input: Record<string, unknown>) =>
    client.createRobot({ robot_type: 'word_count', input_data: input });

  it('registers itself, completes robots, fails bad input for good and retries a flaky dependency', async () => {
    await eventually(
      async () => pythonLog,
      (log) => log.includes('registered PythonWordCounter'),
      20_000,
    );
    const module = await client.request('get', '/api/v1/modules/{module_name}', {
      params: { module_name: 'PythonWordCounter' },
    });
    expect([module.module_version, module.max_concurrent_robots, module.registration_data?.language]).toEqual([
      '1.0.0',
      2,
      'python',
    ]);

    const good = await submit({ text: 'review this legal request today' });
    const bad = await submit({ text: '   ' });
    const flaky = await submit({ text: 'one two', fail_first_attempt: true });
    const [goodDone, badDone, flakyDone] = await Promise.all([good, bad, flaky].map((r) => settled(r.robot_id)));

    expect([goodDone.status, goodDone.output_data]).toEqual(['COMPLETED', { words: 5 }]);
    const [goodAttempt] = await client.executions(good.robot_id);
    expect([
      goodAttempt.execution_state,
      goodAttempt.current_step,
      goodAttempt.step_category,
      goodAttempt.progress_percentage,
    ]).toEqual(['COMPLETED', 'COUNT', 'PROCESSING', 100]);
    expect([badDone.status, badDone.error_category, badDone.retry_count]).toEqual(['FAILED', 'VALIDATION', 0]);
    expect([flakyDone.status, flakyDone.retry_count, flakyDone.output_data]).toEqual(['COMPLETED', 1, { words: 2 }]);
    const flakyAttempts = await client.executions(flaky.robot_id);
    expect(flakyAttempts.map((a) => a.error_category).sort()).toEqual(['EXTERNAL_API', null]);
  });

  it('stops its handler when the robot is cancelled (heartbeat sees LEASE_LOST)', async () => {
    const slow = await submit({ text: 'slow words here', seconds: 3 });
    await eventually(
      () => client.getRobot(slow.robot_id),
      (robot) => robot.status === 'PROCESSING',
      20_000,
    );
    await client.cancelRobot(slow.robot_id, 'not needed');
    await eventually(
      async () => pythonLog,
      (log) => log.includes(`${slow.robot_id}: lease lost`) || log.includes(`${slow.robot_id} completed`),
      20_000,
    );
    expect(pythonLog).toContain(`${slow.robot_id}: lease lost, its result dropped`);
    expect(pythonLog).not.toContain(`${slow.robot_id} completed`);
    const after: Robot = await client.getRobot(slow.robot_id);
    expect([after.status, after.output_data]).toEqual(['CANCELLED', null]);
  });

  it('on SIGTERM finishes the robot in flight, then exits 0', async () => {
    const running = await submit({ text: 'finish me please', seconds: 2 });
    await eventually(
      () => client.getRobot(running.robot_id),
      (robot) => robot.status === 'PROCESSING',
      20_000,
    );
    python!.kill('SIGTERM');
    expect(await pythonExit).toBe(0);
    const after = await client.getRobot(running.robot_id);
    expect([after.status, after.output_data]).toEqual(['COMPLETED', { words: 3 }]);
    expect(pythonLog).toContain('stopped: in-flight robots finished');
    expect(pythonLog).not.toContain(TEST_ADMIN_KEY.slice(12));
  });
});
