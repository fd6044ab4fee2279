import { expect } from '@jest/globals';
import { ModuleHealth, Priority, RobotStatus } from '../../src/state/entities/index.js';
import { ModuleRegistryRepository } from '../../src/state/repositories/module-registry.repository.js';
import { RobotExecuteRepository } from '../../src/state/repositories/robot-execute.repository.js';
import {
  type NewRobotRow,
  RobotLifecycleRepository,
  type RobotRow,
} from '../../src/state/repositories/robot-lifecycle.repository.js';
import { RobotRepository } from '../../src/state/repositories/robot.repository.js';
import type { TestApp } from './test-app.js';

let seq = 0;
/** Test data in the seeds' formats: module_id `{name}_{version}_{env}`, robot_id `{prefix}_{timestamp}_{seq}`. */
export const factories = {
  module(name = `Mod${Date.now()}${seq++}`, robotTypes = ['legal_review']) {
    return {
      moduleId: `${name}_1.0.0_test`,
      moduleName: name,
      moduleVersion: '1.0.0',
      supportedRobotTypes: robotTypes,
    };
  },
  robotId(prefix = 'TST'): string {
    return `${prefix}_${Date.now()}_${String(seq++).padStart(4, '0')}`;
  },
};

/**
 * Repository round trips shared by the PGlite and PostgreSQL tiers: both engines must behave the
 * same through the same code.
 */
export function repositories(t: TestApp) {
  return {
    modules: t.app.get(ModuleRegistryRepository),
    robots: t.app.get(RobotRepository),
    executions: t.app.get(RobotExecuteRepository),
  };
}

export async function registersAndRoutesModules(t: TestApp): Promise<void> {
  const { modules } = repositories(t);
  const legal = factories.module(undefined, ['legal_review', 'contract_check']);
  const saved = await modules.register({
    ...legal,
    healthEndpoint: 'http://127.0.0.1:9/health',
    registrationData: { team: 'legal' },
  });
  expect(saved).toMatchObject({
    moduleId: legal.moduleId,
    isActive: true,
    performanceScore: 1,
    successRate24h: 100,
    healthStatus: ModuleHealth.Unknown,
    registrationData: { team: 'legal' },
  });
  expect(saved.registeredAt).toBeInstanceOf(Date);
  expect(Math.abs(saved.registeredAt.getTime() - Date.now())).toBeLessThan(60_000);

  // Registering the same name again updates it instead of failing.
  const updated = await modules.register({
    ...legal,
    moduleVersion: '1.1.0',
    moduleId: `${legal.moduleName}_1.1.0_test`,
  });
  expect(updated.moduleVersion).toBe('1.1.0');

  const unhealthy = factories.module(undefined, ['legal_review']);
  await modules.register(unhealthy);
  await modules.recordHealth(unhealthy.moduleName, ModuleHealth.Unhealthy);
  const inactive = factories.module(undefined, ['legal_review']);
  await modules.register(inactive);
  expect(await modules.deactivate(inactive.moduleName)).toBe(true);

  const routable = (await modules.findRoutableModules('legal_review')).map((m) => m.moduleName);
  expect(routable).toContain(legal.moduleName);
  expect(routable).not.toContain(unhealthy.moduleName);
  expect(routable).not.toContain(inactive.moduleName);
  expect(await modules.findRoutableModules('no_such_type')).toEqual([]);
}

const newRobot = (moduleName: string | null, overrides: Partial<NewRobotRow> = {}): NewRobotRow => ({
  idPrefix: 'LEG',
  robotType: 'legal_review',
  moduleName,
  inputData: {},
  priority: Priority.Normal,
  cacheKey: null,
  correlationId: null,
  sourceReference: null,
  retryLimit: 3,
  timeoutSeconds: 1800,
  deadlineAt: null,
  routingDecision: null,
  ...overrides,
});

export async function createsRobotsAtomically(t: TestApp): Promise<void> {
  const { modules, robots, executions } = repositories(t);
  const lifecycle = t.app.get(RobotLifecycleRepository);
  const mod = factories.module();
  await modules.register(mod);

  const input = { case: "O'Brien; DROP TABLE robots; --", amounts: [1.5, 2], nested: { ok: true } };
  const robot = await lifecycle.create(
    newRobot(mod.moduleName, { inputData: input, priority: Priority.High, cacheKey: `idem-${mod.moduleName}` }),
  );
  expect(robot).toMatchObject({ status: RobotStatus.Pending, priority: Priority.High, retry_count: 0, retry_limit: 3 });
  // The seeds' id format: {prefix}_{timestamp}_{seq}.
  expect(robot!.robot_id).toMatch(/^LEG_\d{13}_\d+$/);
  expect(Math.abs(Number(robot!.robot_id.split('_')[1]) - Date.now())).toBeLessThan(60_000);
  expect(robot!.input_data).toEqual(input);
  expect((await robots.findById(robot!.robot_id))?.inputData).toEqual(input);
  expect((await robots.findByCacheKey(`idem-${mod.moduleName}`))?.robotId).toBe(robot!.robot_id);
  expect((await lifecycle.events(robot!.robot_id)).map((e) => e.event_type)).toEqual(['robot.created']);
  // Its attempt's row is written when a worker claims it.
  expect(await executions.historyOf(robot!.robot_id)).toEqual([]);
  const [claimed] = await lifecycle.claim(mod.moduleName, 1, 60);
  expect(claimed.robot_id).toBe(robot!.robot_id);
  const history = await executions.historyOf(robot!.robot_id);
  expect(history).toHaveLength(1);
  expect(history[0]).toMatchObject({ moduleName: mod.moduleName, executionState: 'RUNNING', timeoutSeconds: 1800 });
  expect(history[0].executeId).toBe(claimed.attempt.execute_id);

  // A repeated idempotency key writes nothing: no robot, no attempt, no event.
  expect(await lifecycle.create(newRobot(mod.moduleName, { cacheKey: `idem-${mod.moduleName}` }))).toBeNull();
  const { rows } = await t.db.query<{ robots: string; events: string }>(
    `SELECT (SELECT count(*) FROM robots WHERE module_name = $1) AS robots,
            (SELECT count(*) FROM events WHERE module_name = $1) AS events`,
    [mod.moduleName],
  );
  expect(rows[0]).toEqual({ robots: '1', events: '2' }); // created, started

  // The foreign key to module_registry.module_name holds, and a failed statement leaves nothing.
  const before = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM events');
  await expect(lifecycle.create(newRobot('NoSuchModule'))).rejects.toThrow(/foreign key/);
  expect((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n).toBe(before.rows[0].n);

  // A robot no module handles yet waits unassigned, without an attempt.
  const waiting = await lifecycle.create(newRobot(null, { robotType: 'nobody_yet' }));
  expect(waiting).toMatchObject({ module_name: null, status: RobotStatus.Pending });
  expect(await executions.historyOf(waiting!.robot_id)).toEqual([]);
}

/** Concurrent creations on separate pooled connections: unique ids, every robot with its event. */
export async function isolatesConcurrentTransactions(t: TestApp): Promise<void> {
  const { modules } = repositories(t);
  const lifecycle = t.app.get(RobotLifecycleRepository);
  const mod = factories.module();
  await modules.register(mod);
  const results = await Promise.allSettled(
    Array.from({ length: 40 }, (_, i) =>
      // Every fifth one reuses one idempotency key: one of those eight wins, the others insert nothing.
      lifecycle.create(
        newRobot(mod.moduleName, { inputData: { i }, cacheKey: i % 5 === 4 ? `dup-${mod.moduleName}` : null }),
      ),
    ),
  );
  expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  const created = results.map((r) => (r as PromiseFulfilledResult<RobotRow | null>).value).filter(Boolean);
  expect(created).toHaveLength(33);
  expect(new Set(created.map((r) => r!.robot_id)).size).toBe(33);
  const { rows } = await t.db.query<{ robots: string; events: string }>(
    `SELECT (SELECT count(*) FROM robots WHERE module_name = $1) AS robots,
            (SELECT count(*) FROM events WHERE module_name = $1 AND event_type = 'robot.created') AS events`,
    [mod.moduleName],
  );
  expect(rows[0]).toEqual({ robots: '33', events: '33' });
}
