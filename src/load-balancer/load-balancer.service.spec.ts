import { describe, expect, it } from '@jest/globals';
import type { CacheService } from '../cache/cache.service.js';
import type { AppConfig } from '../core/config/app-config.service.js';
import { validateEnvironment } from '../core/config/environment.js';
import type { ModuleRegistryRepository } from '../state/repositories/module-registry.repository.js';
import { LoadBalancerService } from './load-balancer.service.js';

/** The service over a cache that counts its loads and a clock the test moves. */
function setup(localTtlMs: string) {
  const env = validateEnvironment({ ROUTING_LOCAL_TTL_MS: localTtlMs });
  const config = { get: (key: keyof typeof env) => env[key] } as unknown as AppConfig;
  const loads: string[] = [];
  const cache = {
    getOrLoad: (key: string) => {
      loads.push(key);
      return Promise.resolve([]);
    },
    invalidatePrefix: () => Promise.resolve(0),
  } as unknown as CacheService;
  const service = new LoadBalancerService({} as ModuleRegistryRepository, cache, config);
  return { service, loads };
}

describe('LoadBalancerService routing table in front of the shared cache', () => {
  it('asks the shared cache once per robot type within ROUTING_LOCAL_TTL_MS', async () => {
    const { service, loads } = setup('60000');
    await service.select('invoice');
    await service.select('invoice');
    await service.select('contract');
    expect(loads).toEqual(['routing_table:invoice', 'routing_table:contract']);
  });

  it('forgets its copies at once when this instance changes a module', async () => {
    const { service, loads } = setup('60000');
    await service.select('invoice');
    await service.invalidateModuleCaches();
    await service.select('invoice');
    expect(loads).toEqual(['routing_table:invoice', 'routing_table:invoice']);
  });

  it('asks the shared cache every time with ROUTING_LOCAL_TTL_MS=0', async () => {
    const { service, loads } = setup('0');
    await service.select('invoice');
    await service.select('invoice');
    expect(loads).toHaveLength(2);
  });

  it('asks again once the local copy is older than ROUTING_LOCAL_TTL_MS', async () => {
    const { service, loads } = setup('20');
    await service.select('invoice');
    await new Promise((resolve) => setTimeout(resolve, 40));
    await service.select('invoice');
    expect(loads).toHaveLength(2);
  });
});
