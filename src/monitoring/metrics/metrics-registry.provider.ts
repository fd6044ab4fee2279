import type { Provider } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The one registry /metrics exposes; not prom-client's global one, so several apps in one process
 * (tests) do not collide on metric names. Default metrics: process CPU, memory, event-loop lag, GC.
 */
export const metricsRegistryProvider: Provider = {
  provide: Registry,
  useFactory: () => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    return registry;
  },
};
