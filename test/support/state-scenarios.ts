import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ModuleHealth, Priority, RobotStatus } from '../../src/state/entities/index.js';
import { ModuleRegistryRepository } from '../../src/state/repositories/module-registry.repository.js';
import { RobotExecuteRepository } from '../../src/state/repositories/robot-execute.repository.js';
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

export async function createsRobotsAtomically(t: TestApp): Promise<void> {
  const { modules, robots, executions } = repositories(t);
  const mod = factories.module();
  await modules.register(mod);

  const robotId = factories.robotId('LEG');
  const executeId = randomUUID();
  const input = { case: "O'Brien; DROP TABLE robots; --", amounts: [1.5, 2], nested: { ok: true } };
  const robot = await robots.createWithExecution(
    {
      robotId,
      robotType: 'legal_review',
      moduleName: mod.moduleName,
      inputData: input,
      priority: Priority.High,
      cacheKey: `idem-${robotId}`,
    },
    executeId,
  );
  expect(robot).toMatchObject({
    robotId,
    status: RobotStatus.Pending,
    priority: Priority.High,
    retryCount: 0,
    retryLimit: 3,
  });
  expect(robot.inputData).toEqual(input);
  expect((await robots.findById(robotId))?.inputData).toEqual(input);
  expect((await robots.findByCacheKey(`idem-${robotId}`))?.robotId).toBe(robotId);
  const history = await executions.historyOf(robotId);
  expect(history).toHaveLength(1);
  expect(history[0]).toMatchObject({
    executeId,
    moduleName: mod.moduleName,
    executionState: 'PENDING',
    timeoutSeconds: 1800,
  });

  // The second insert fails (same execute_id): the robot must not be left behind.
  const orphan = factories.robotId('LEG');
  await expect(
    robots.createWithExecution(
      { robotId: orphan, robotType: 'legal_review', moduleName: mod.moduleName, inputData: {} },
      executeId,
    ),
  ).rejects.toThrow();
  expect(await robots.findById(orphan)).toBeNull();

  // The foreign key to module_registry.module_name holds.
  await expect(
    robots.createWithExecution(
      { robotId: factories.robotId('LEG'), robotType: 'legal_review', moduleName: 'NoSuchModule', inputData: {} },
      randomUUID(),
    ),
  ).rejects.toThrow(/foreign key/);

  // The unique cache_key (idempotency) holds.
  await expect(
    robots.createWithExecution(
      {
        robotId: factories.robotId('LEG'),
        robotType: 'legal_review',
        moduleName: mod.moduleName,
        inputData: {},
        cacheKey: `idem-${robotId}`,
      },
      randomUUID(),
    ),
  ).rejects.toThrow(/duplicate key/);
}

/** Concurrent transactions on separate pooled connections must not see or mix each other's work. */
export async function isolatesConcurrentTransactions(t: TestApp): Promise<void> {
  const { modules, robots } = repositories(t);
  const mod = factories.module();
  await modules.register(mod);
  const ids = Array.from({ length: 40 }, () => factories.robotId('CON'));
  const results = await Promise.allSettled(
    ids.map((robotId, i) =>
      robots.createWithExecution(
        // Every fifth one reuses an execute_id and must roll back on its own.
        { robotId, robotType: 'legal_review', moduleName: mod.moduleName, inputData: { i } },
        i % 5 === 4 ? 'dup-exec-' + mod.moduleName : randomUUID(),
      ),
    ),
  );
  const failed = results.filter((r) => r.status === 'rejected').length;
  const { rows } = await t.db.query<{ robots: string; executions: string }>(
    `SELECT (SELECT count(*) FROM robots WHERE module_name = $1) AS robots,
            (SELECT count(*) FROM robot_execute WHERE module_name = $1) AS executions`,
    [mod.moduleName],
  );
  // 8 share one execute_id: the first wins, seven roll back; each committed robot has its execution.
  expect(failed).toBe(7);
  expect(Number(rows[0].robots)).toBe(33);
  expect(Number(rows[0].executions)).toBe(33);
}
