import { expect } from '@jest/globals';
import { ModuleHealth, Priority, RobotStatus } from '../../src/state/entities/index.js';
import { AttemptLeaseRepository } from '../../src/state/repositories/attempt-lease.repository.js';
import { ModuleRegistryRepository } from '../../src/state/repositories/module-registry.repository.js';
import { RobotIntakeRepository } from '../../src/state/repositories/robot-intake.repository.js';
import { RobotReadsRepository } from '../../src/state/repositories/robot-reads.repository.js';
import type { RobotRow } from '../../src/state/repositories/robot-rows.js';
import { moduleRecord } from '../factories/module.factory.js';
import { newRobotRow } from '../factories/robot.factory.js';
import type { TestApp } from './test-app.js';

/**
 * Repository round trips shared by the PGlite and PostgreSQL tiers: both engines must behave the
 * same through the same code.
 */
export function repositories(t: TestApp) {
  return {
    modules: t.app.get(ModuleRegistryRepository),
    intake: t.app.get(RobotIntakeRepository),
    reads: t.app.get(RobotReadsRepository),
    leases: t.app.get(AttemptLeaseRepository),
  };
}

export async function registersAndRoutesModules(t: TestApp): Promise<void> {
  const { modules } = repositories(t);
  const legal = moduleRecord(undefined, ['legal_review', 'contract_check']);
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

  const unhealthy = moduleRecord(undefined, ['legal_review']);
  await modules.register(unhealthy);
  await modules.recordHealth(unhealthy.moduleName, ModuleHealth.Unhealthy);
  const inactive = moduleRecord(undefined, ['legal_review']);
  await modules.register(inactive);
  expect(await modules.deactivate(inactive.moduleName)).toBe(true);

  const routable = (await modules.findRoutableModules('legal_review')).map((m) => m.moduleName);
  expect(routable).toContain(legal.moduleName);
  expect(routable).not.toContain(unhealthy.moduleName);
  expect(routable).not.toContain(inactive.moduleName);
  expect(await modules.findRoutableModules('no_such_type')).toEqual([]);
}

export async function createsRobotsAtomically(t: TestApp): Promise<void> {
  const { modules, intake, reads, leases } = repositories(t);
  const mod = moduleRecord();
  await modules.register(mod);

  const input = { case: "O'Brien; DROP TABLE robots; --", amounts: [1.5, 2], nested: { ok: true } };
  const robot = await intake.create(
    newRobotRow(mod.moduleName, { inputData: input, priority: Priority.High, cacheKey: `idem-${mod.moduleName}` }),
  );
  expect(robot).toMatchObject({ status: RobotStatus.Pending, priority: Priority.High, retry_count: 0, retry_limit: 3 });
  // The seeds' id format: {prefix}_{timestamp}_{seq}.
  expect(robot!.robot_id).toMatch(/^LEG_\d{13}_\d+$/);
  expect(Math.abs(Number(robot!.robot_id.split('_')[1]) - Date.now())).toBeLessThan(60_000);
  expect(robot!.input_data).toEqual(input);
  expect((await reads.findById(robot!.robot_id))?.input_data).toEqual(input);
  expect((await reads.findByCacheKey(`idem-${mod.moduleName}`))?.robot_id).toBe(robot!.robot_id);
  expect((await reads.events(robot!.robot_id)).map((e) => e.event_type)).toEqual(['robot.created']);
  // Its attempt's row is written when a worker claims it.
  expect(await reads.history(robot!.robot_id)).toEqual([]);
  const [claimed] = await leases.claim(mod.moduleName, 1, 60);
  expect(claimed.robot_id).toBe(robot!.robot_id);
  const history = await reads.history(robot!.robot_id);
  expect(history).toHaveLength(1);
  expect(history[0]).toMatchObject({ module_name: mod.moduleName, execution_state: 'RUNNING', timeout_seconds: 1800 });
  expect(history[0].execute_id).toBe(claimed.attempt.execute_id);

  // A repeated idempotency key writes nothing: no robot, no attempt, no event.
  expect(await intake.create(newRobotRow(mod.moduleName, { cacheKey: `idem-${mod.moduleName}` }))).toBeNull();
  const { rows } = await t.db.query<{ robots: string; events: string }>(
    `SELECT (SELECT count(*) FROM robots WHERE module_name = $1) AS robots,
            (SELECT count(*) FROM events WHERE module_name = $1) AS events`,
    [mod.moduleName],
  );
  expect(rows[0]).toEqual({ robots: '1', events: '2' }); // created, started

  // The foreign key to module_registry.module_name holds, and a failed statement leaves nothing.
  const before = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM events');
  await expect(intake.create(newRobotRow('NoSuchModule'))).rejects.toThrow(/foreign key/);
  expect((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n).toBe(before.rows[0].n);

  // A robot no module handles yet waits unassigned, without an attempt.
  const waiting = await intake.create(newRobotRow(null, { robotType: 'nobody_yet' }));
  expect(waiting).toMatchObject({ module_name: null, status: RobotStatus.Pending });
  expect(await reads.history(waiting!.robot_id)).toEqual([]);
}

/** Concurrent creations on separate pooled connections: unique ids, every robot with its event. */
export async function isolatesConcurrentTransactions(t: TestApp): Promise<void> {
  const { modules, intake } = repositories(t);
  const mod = moduleRecord();
  await modules.register(mod);
  const results = await Promise.allSettled(
    Array.from({ length: 40 }, (_, i) =>
      // Every fifth one reuses one idempotency key: one of those eight wins, the others insert nothing.
      intake.create(
        newRobotRow(mod.moduleName, { inputData: { i }, cacheKey: i % 5 === 4 ? `dup-${mod.moduleName}` : null }),
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
