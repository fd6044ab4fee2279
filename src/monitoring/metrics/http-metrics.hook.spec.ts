import { describe, expect, it } from '@jest/globals';
import type { HttpAdapterHost } from '@nestjs/core';
import { Registry } from 'prom-client';
import { HttpMetricsHook } from './http-metrics.hook.js';
import { Operation } from './operations.js';
import { PerformanceTracker } from './performance-tracker.service.js';

describe('HttpMetricsHook.observe', () => {
  it('counts by method, route template and status, and feeds named operations to the tracker', async () => {
    const registry = new Registry();
    const tracker = new PerformanceTracker(() => 1_000_000);
    const hook = new HttpMetricsHook(registry, tracker, {} as HttpAdapterHost);
    hook.observe('POST', '/api/v1/robots', 201, 12);
    hook.observe('POST', '/api/v1/robots', 201, 8);
    hook.observe('POST', '/api/v1/robots', 503, 3);
    hook.observe('GET', 'unmatched', 404, 1);

    const total = (await registry.getSingleMetric('botfleet_http_requests_total')!.get()).values;
    expect(total).toEqual(
      expect.arrayContaining([
        { labels: { method: 'POST', route: '/api/v1/robots', status: '201' }, value: 2 },
        { labels: { method: 'POST', route: '/api/v1/robots', status: '503' }, value: 1 },
        { labels: { method: 'GET', route: 'unmatched', status: '404' }, value: 1 },
      ]),
    );
    const creation = tracker.snapshot().find((s) => s.operation === Operation.RobotCreation)!;
    expect(creation.count).toBe(3);
    expect(creation.success_rate).toBeCloseTo(2 / 3);
    const sum = (await registry.getSingleMetric('botfleet_http_request_duration_seconds')!.get()).values.find(
      (v) =>
        (v as { metricName?: string }).metricName === 'botfleet_http_request_duration_seconds_sum' &&
        v.labels.status === '201',
    );
    expect(sum?.value).toBeCloseTo(0.02);
  });
});
