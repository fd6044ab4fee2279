import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry } from 'prom-client';
import { operationOf, type Operation, UNMATCHED_ROUTE } from './operations.js';
import { PerformanceTracker } from './performance-tracker.service.js';

/** Seconds, 1 ms to 10 s: the seeds' targets sit between 10 ms (health) and 500 ms (alert). */
export const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  duration: Histogram.Internal<'method' | 'route' | 'status'>;
  total: Counter.Internal;
  operation: Operation | undefined;
}

/**
 * Times every HTTP call in Fastify's onResponse hook rather than a Nest interceptor: it runs for
 * every reply (guards' 401/403/429, the filter's problem+json, Fastify's own 404 and 415) with the
 * status actually sent, and `routeOptions.url` is the route template, never a path with an id.
 * The label children are cached per (route, method, status), so a request allocates nothing.
 */
@Injectable()
export class HttpMetricsHook implements OnModuleInit {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private readonly total: Counter<'method' | 'route' | 'status'>;
  private readonly series = new Map<string, Map<string, Map<number, Series>>>();

  constructor(
    registry: Registry,
    private readonly tracker: PerformanceTracker,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.duration = new Histogram({
      name: 'botfleet_http_request_duration_seconds',
      help: 'HTTP request duration by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_BUCKETS,
      registers: [registry],
    });
    this.total = new Counter({
      name: 'botfleet_http_requests_total',
      help: 'HTTP requests by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    });
  }

  onModuleInit(): void {
    // Fastify binds hooks to routes when it becomes ready, so routes Nest has registered by now get it too.
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      this.observe(request.method, request.routeOptions.url ?? UNMATCHED_ROUTE, reply.statusCode, reply.elapsedTime);
      done();
    });
  }

  observe(method: string, route: string, status: number, elapsedMs: number): void {
    const series = this.seriesFor(method, route, status);
    series.duration.observe(elapsedMs / 1000);
    series.total.inc();
    if (series.operation) this.tracker.record(series.operation, elapsedMs, status < 500);
  }

  private seriesFor(method: string, route: string, status: number): Series {
    let byMethod = this.series.get(route);
    if (!byMethod) this.series.set(route, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map()));
    let series = byStatus.get(status);
    if (!series) {
      const labels = { method, route, status: String(status) };
      series = {
        duration: this.duration.labels(labels),
        total: this.total.labels(labels),
        operation: operationOf(method, route),
      };
      byStatus.set(status, series);
    }
    return series;
  }
}
