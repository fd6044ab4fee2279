import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BotfleetClient, Worker } from '../../packages/client/src/index.js';
import { eventually } from '../support/eventually.js';
import { type ServiceProcess, spawnService } from '../support/service-process.js';
import { GENEROUS_LIMITS, TEST_ADMIN_KEY, TEST_SECRETS_KEY } from '../support/test-app.js';

const ENV = {
  DATABASE_URL: process.env.TEST_DATABASE_URL!,
  REDIS_URL: process.env.TEST_REDIS_URL!,
  CACHE_KEY_PREFIX: `${process.env.TEST_CACHE_PREFIX}_client`,
  BOOTSTRAP_ADMIN_KEY: TEST_ADMIN_KEY,
  SECRETS_KEY: TEST_SECRETS_KEY,
  LOG_LEVEL: 'info',
  ...GENEROUS_LIMITS,
};
const ROBOTS = 200;

/** Two service instances on one PostgreSQL, a client Worker on each: every robot is done once. */
describe('@botfleet/client Workers on two instances (PostgreSQL)', () => {
  const services: ServiceProcess[] = [];
  const workers: Worker[] = [];

  beforeAll(async () => {
    services.push(spawnService(ENV), spawnService(ENV));
    await Promise.all(services.map((service) => service.ready));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop({ timeoutMs: 1_000 })));
    for (const service of services) service.child.kill('SIGTERM');
    await Promise.all(services.map((service) => service.exited));
  }, 60_000);

  it('splits the robots between the Workers, with no robot run twice and none lost', async () => {
    const clients = await Promise.all(
      services.map(async (service) => new BotfleetClient({ baseUrl: await service.ready, apiKey: TEST_ADMIN_KEY })),
    );
    const runs = new Map<string, string[]>();
    const errors: unknown[] = [];
    clients.forEach((client, i) => {
      const worker = new Worker({
        client,
        module: 'ClientSharedModule',
        register: { version: '1.0.0', robotTypes: ['client_shared'] },
        concurrency: 8,
        pollWaitMs: 1_000,
        onError: (error) => errors.push(error),
        handler: async (input, context) => {
          runs.set(context.robot.robot_id, [...(runs.get(context.robot.robot_id) ?? []), `worker-${i}`]);
          await context.progress(50);
          return { n: input.n, by: `worker-${i}` };
        },
      });
      workers.push(worker);
    });
    for (const worker of workers) await worker.start();

    const created = await clients[0].request('post', '/api/v1/robots/bulk', {
      body: { robots: Array.from({ length: ROBOTS }, (_, n) => ({ robot_type: 'client_shared', input_data: { n } })) },
    });
    const ids = created.robots.map((robot) => robot.robot_id);
    // The list reads the table; GET /robots/:id may serve a copy cached (robot_status, 60 s) by a read
    // that raced the completion, so it is not what this test judges the Worker by.
    const listed = await eventually(
      () => clients[1].request('get', '/api/v1/robots', { query: { robot_type: 'client_shared', limit: ROBOTS } }),
      (page) => page.items.every((robot) => robot.status === 'COMPLETED' || robot.status === 'FAILED'),
      60_000,
    );
    const robots = [...listed.items].sort((x, y) => ids.indexOf(x.robot_id) - ids.indexOf(y.robot_id));
    expect(errors).toEqual([]);
    expect(robots.map((robot) => [robot.robot_id, robot.status])).toEqual(ids.map((id) => [id, 'COMPLETED']));
    expect(robots.map((robot) => (robot.output_data as { n: number }).n)).toEqual(ids.map((_, n) => n));
    expect([...runs.values()].filter((by) => by.length !== 1)).toEqual([]);
    expect(runs.size).toBe(ROBOTS);
    const byWorker = new Set(robots.map((robot) => (robot.output_data as { by: string }).by));
    expect(byWorker).toEqual(new Set(['worker-0', 'worker-1']));
  }, 240_000);
});
