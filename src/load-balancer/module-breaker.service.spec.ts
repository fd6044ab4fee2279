import { describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../core/config/app-config.service.js';
import type { JobRunner } from '../state/job-runner.service.js';
import type {
  BreakerMove,
  BreakerPolicy,
  ModuleBreakerRepository,
  OutcomeDelta,
} from '../state/repositories/module-breaker.repository.js';
import type { LoadBalancerService } from './load-balancer.service.js';
import { ModuleBreakerService } from './module-breaker.service.js';

const env = {
  BREAKER_MIN_FAILURES: 5,
  BREAKER_FAILURE_RATE: 0.5,
  BREAKER_WINDOW_SECONDS: 600,
  BREAKER_COOLDOWN_SECONDS: 60,
  BREAKER_EVALUATION_INTERVAL_MS: 60_000,
};

function breaker(answer: (deltas: OutcomeDelta[]) => BreakerMove[] | Error) {
  const flushes: Array<{ instance: string; deltas: OutcomeDelta[]; policy: BreakerPolicy }> = [];
  let invalidations = 0;
  const repository = {
    flush: (instance: string, deltas: OutcomeDelta[], policy: BreakerPolicy) => {
      flushes.push({ instance, deltas: structuredClone(deltas), policy });
      const moves = answer(deltas);
      return moves instanceof Error ? Promise.reject(moves) : Promise.resolve(moves);
    },
  } as unknown as ModuleBreakerRepository;
  const loadBalancer = { invalidateModuleCaches: () => Promise.resolve(void invalidations++) };
  const service = new ModuleBreakerService(
    repository,
    loadBalancer as unknown as LoadBalancerService,
    { instanceId: 'host:1:abc' } as JobRunner,
    { get: (key: keyof typeof env) => env[key] } as unknown as AppConfig,
  );
  return { service, flushes, invalidations: () => invalidations };
}

describe('ModuleBreakerService', () => {
  it('counts outcomes in memory and writes them per module in one flush, with the policy', async () => {
    const { service, flushes } = breaker(() => []);
    for (let i = 0; i < 1_000; i++) service.recordOutcome('A', i % 10 !== 0);
    service.recordOutcome('B', false);
    expect(flushes).toEqual([]);
    await service.flush();
    expect(flushes).toHaveLength(1);
    expect(flushes[0].instance).toBe('host:1:abc');
    expect(flushes[0].deltas).toEqual([
      { moduleName: 'A', succeeded: 900, failed: 100 },
      { moduleName: 'B', succeeded: 0, failed: 1 },
    ]);
    expect(flushes[0].policy).toEqual({
      minFailures: 5,
      failureRate: 0.5,
      windowSeconds: 600,
      cooldownSeconds: 60,
      bucketSeconds: 5,
    });
    // Nothing new: nothing written.
    await service.flush();
    expect(flushes).toHaveLength(1);
  });

  it('keeps what a failed flush carried and writes it with the next one', async () => {
    let down = true;
    const { service, flushes } = breaker(() => (down ? new Error('connection refused') : []));
    service.recordOutcome('A', false);
    await service.flush();
    down = false;
    service.recordOutcome('A', true);
    service.recordOutcome('A', false);
    await service.flush();
    expect(flushes.map((f) => f.deltas)).toEqual([
      [{ moduleName: 'A', succeeded: 0, failed: 1 }],
      [{ moduleName: 'A', succeeded: 1, failed: 2 }],
    ]);
  });

  it('drops the routing caches when a breaker moved, and only then', async () => {
    let moves: BreakerMove[] = [];
    const { service, invalidations } = breaker(() => moves);
    service.recordOutcome('A', true);
    await service.flush();
    expect(invalidations()).toBe(0);
    moves = [{ module_name: 'A', before: 'CLOSED', after: 'OPEN' }];
    service.recordOutcome('A', false);
    await service.flush();
    expect(invalidations()).toBe(1);
  });

  it('writes what is left when the app shuts down, one flush at a time', async () => {
    const { service, flushes } = breaker(() => []);
    service.onModuleInit();
    service.recordOutcome('A', true);
    const first = service.flush();
    service.recordOutcome('A', false);
    await Promise.all([first, service.onApplicationShutdown()]);
    const total = flushes
      .flatMap((f) => f.deltas)
      .reduce((sum, d) => [sum[0] + d.succeeded, sum[1] + d.failed], [0, 0]);
    expect(total).toEqual([1, 1]);
    await service.flush();
    expect(flushes.length).toBeLessThanOrEqual(2);
  });
});
