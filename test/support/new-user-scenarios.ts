import { expect } from '@jest/globals';
import { CacheService } from '../../src/cache/cache.service.js';
import { CacheKind, cacheKey } from '../../src/cache/cache-ttl.policy.js';
import { lifecycleClient } from './lifecycle-scenarios.js';
import type { TestApp } from './test-app.js';

type Warning = { code: string; message: string; robot_type: string };
type Unroutable = { robot_type: string; pending: number; oldest_created_at: string };

/**
 * A robot type no registered module declares (a typo) is queued, as before, with a warning in the
 * body and the Botfleet-Warning header; the dashboard lists the types its pending robots wait on.
 */
export async function unknownTypesAreWarned(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const known = `legal_review_${suffix.toLowerCase()}`;
  const typo = `legal_reveiw_${suffix.toLowerCase()}`;
  const retired = `retired_${suffix.toLowerCase()}`;
  await api.registerModule(`Known${suffix}`, [known]);
  // A deactivated module still declares its type: the type is known, only not routable now.
  await api.registerModule(`Retired${suffix}`, [retired]);
  expect((await api.send('DELETE', `/api/v1/modules/Retired${suffix}`)).status).toBe(204);

  const mistyped = await api.createRobot({ robot_type: typo, input_data: {} });
  expect(mistyped.status).toBe(201);
  expect(mistyped.body).toMatchObject({ status: 'PENDING', module_name: null });
  expect(mistyped.body.warnings).toEqual([
    { code: 'UNKNOWN_ROBOT_TYPE', message: expect.stringContaining(typo), robot_type: typo },
  ]);
  expect(mistyped.headers.get('botfleet-warning')).toBe(`UNKNOWN_ROBOT_TYPE ${typo}`);
  // The stored robot is the same as any other: the warning belongs to the answer only.
  expect((await api.getRobot(mistyped.body.robot_id)).body).not.toHaveProperty('warnings');

  for (const type of [known, retired]) {
    const fine = await api.createRobot({ robot_type: type, input_data: {} });
    expect(fine.status).toBe(201);
    expect(fine.body).not.toHaveProperty('warnings');
    expect(fine.headers.get('botfleet-warning')).toBeNull();
  }

  const bulk = await api.send<{ created: number; warnings?: Warning[] }>('POST', '/api/v1/robots/bulk', {
    robots: [
      { robot_type: known, input_data: {} },
      { robot_type: typo, input_data: {} },
      { robot_type: typo, input_data: {} },
    ],
  });
  expect(bulk.status).toBe(201);
  expect(bulk.body.created).toBe(3);
  expect(bulk.body.warnings?.map((w) => [w.code, w.robot_type])).toEqual([['UNKNOWN_ROBOT_TYPE', typo]]);
  expect(bulk.headers.get('botfleet-warning')).toBe(`UNKNOWN_ROBOT_TYPE ${typo}`);

  // The dashboard's fleet figures are cached for 30 s: read them afresh.
  await t.app.get(CacheService).invalidate(cacheKey(CacheKind.SystemHealth, 'dashboard'));
  const dashboard = await api.send<{ active_robots: { unroutable_robot_types: Unroutable[] } }>(
    'GET',
    '/api/v1/monitoring/dashboard',
  );
  const listed = dashboard.body.active_robots.unroutable_robot_types;
  expect(listed.find((u) => u.robot_type === typo)).toEqual({
    robot_type: typo,
    pending: 3,
    oldest_created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
  });
  expect(listed.map((u) => u.robot_type)).not.toContain(known);
  expect(listed.map((u) => u.robot_type)).not.toContain(retired);

  // Once a module declares the type, the warning stops.
  await api.registerModule(`Typo${suffix}`, [typo]);
  const later = await api.createRobot({ robot_type: typo, input_data: {} });
  expect(later.body).not.toHaveProperty('warnings');
}

/**
 * A cancel reason is read back from the robot (and cleared by a retry); a robot that completes
 * after a failed attempt shows no error, while that attempt keeps its own.
 */
export async function cancelReasonsAndAttemptErrors(t: TestApp, suffix: string): Promise<void> {
  const api = lifecycleClient(t);
  const module = `Reasons${suffix}`;
  const type = `reasons_${suffix.toLowerCase()}`;
  await api.registerModule(module, [type]);

  const robot = (await api.createRobot({ robot_type: type, input_data: {} })).body;
  expect(robot.cancel_reason).toBeNull();
  const cancelled = await api.send('POST', `/api/v1/robots/${robot.robot_id}/cancel`, {
    reason: 'Duplicate <b>request</b>',
  });
  expect(cancelled.body).toMatchObject({ status: 'CANCELLED', cancel_reason: 'Duplicate request' });
  expect((await api.getRobot(robot.robot_id)).body.cancel_reason).toBe('Duplicate request');
  expect((await api.retry(robot.robot_id)).body).toMatchObject({ status: 'PENDING', cancel_reason: null });

  let [claimed] = (await api.claim(module)).body;
  const retrying = await api.fail(claimed.execute_id, {
    lease_token: claimed.lease_token,
    error_category: 'EXTERNAL_API',
    error_message: 'registry 503',
    error_details: { upstream: 'registry' },
  });
  expect(retrying.body).toMatchObject({ status: 'RETRYING', error_category: 'EXTERNAL_API' });
  [claimed] = (await api.claim(module, { wait_ms: 2_000 })).body;
  const done = await api.complete(claimed.execute_id, { lease_token: claimed.lease_token, output_data: {} });
  expect(done.body).toMatchObject({ status: 'COMPLETED', error_category: null, error_details: null });
  expect((await api.getRobot(robot.robot_id)).body).toMatchObject({ error_category: null, error_details: null });

  const attempts = (
    await api.send<Array<Record<string, unknown>>>('GET', `/api/v1/robots/${robot.robot_id}/executions`)
  ).body;
  expect(attempts.map((a) => [a.execution_state, a.error_category, a.error_message])).toEqual([
    ['FAILED', 'EXTERNAL_API', 'registry 503'],
    ['COMPLETED', null, null],
  ]);
  expect(attempts[0].error_details).toEqual({ upstream: 'registry' });
}
