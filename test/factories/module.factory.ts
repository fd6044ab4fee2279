import type { NewModule } from '../../src/state/repositories/module-registry.repository.js';
import { http, type HttpResult, type TestApp } from '../support/test-app.js';

let seq = 0;

/** A module name no other test uses: tests sharing one database never see each other's modules. */
export function uniqueModuleName(prefix = 'Mod'): string {
  return `${prefix}${Date.now()}${seq++}`;
}

/** The body of `POST /api/v1/modules`. */
export function moduleRegistration(name: string, robotTypes: string[], capacity = 100) {
  return {
    module_name: name,
    module_version: '1.0.0',
    supported_robot_types: robotTypes,
    max_concurrent_robots: capacity,
  };
}

/** Registers a module through the API, with the test admin key unless `key` names another (or none: null). */
export function registerModule(
  t: Pick<TestApp, 'url'>,
  name: string,
  robotTypes: string[],
  { capacity = 100, key }: { capacity?: number; key?: string | null } = {},
): Promise<HttpResult> {
  return http(`${t.url}/api/v1/modules`, {
    method: 'POST',
    key,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(moduleRegistration(name, robotTypes, capacity)),
  });
}

/** A registration for ModuleRegistryRepository in the seeds' format: module_id `{name}_{version}_{env}`. */
export function moduleRecord(name = uniqueModuleName(), robotTypes = ['legal_review']) {
  return {
    moduleId: `${name}_1.0.0_test`,
    moduleName: name,
    moduleVersion: '1.0.0',
    supportedRobotTypes: robotTypes,
  } satisfies NewModule;
}
