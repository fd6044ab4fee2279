import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import CircuitBreaker from 'opossum';
import { AppConfig } from '../core/config/app-config.service.js';
import { DomainException } from '../core/errors/domain.exception.js';
import { infrastructureFailureOf } from '../core/errors/infrastructure-error.js';
import { StateErrorCode } from './state.errors.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The database circuit breaker [StateManager] (opossum): when writes keep failing because the
 * database is unreachable, further writes are answered 503 with Retry-After at once, instead of
 * piling up on a pool that cannot connect. Reads pass: they are served from the cache where it
 * holds them. Only infrastructure errors count; a constraint violation or bad input never opens it:
 * the problem filter notes only infrastructure errors against a request.
 *
 * A guard, not an interceptor: any global interceptor makes Nest run every request through an
 * rxjs pipeline, which cost about a third of the app's CPU on the worker protocol's calls. The
 * guard refuses a write while the breaker is open and notes the writes it let through; when each
 * of them has been answered, its outcome (an infrastructure error the problem filter saw, or
 * none) is counted by the breaker.
 */
@Injectable()
export class DatabaseBreakerGuard implements CanActivate, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('DatabaseBreaker');
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  private readonly resetMs: number;
  private readonly watched = new WeakSet<object>();
  private openedAt = 0;

  constructor(
    config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.resetMs = config.get('DB_BREAKER_RESET_MS');
    this.breaker = new CircuitBreaker((outcome: () => Promise<unknown>) => outcome(), {
      // Statement timeouts bound each call already.
      timeout: false,
      // Seeds: failure_threshold 5, recovery_timeout 60 s.
      volumeThreshold: 5,
      errorThresholdPercentage: 50,
      rollingCountTimeout: 10_000,
      resetTimeout: this.resetMs,
      // No errorFilter: only infrastructure failures are ever handed to it (see count()).
    });
    this.breaker.on('open', () => {
      this.openedAt = Date.now();
      this.logger.error(`database unreachable: writes answered 503 for ${this.resetMs} ms`);
    });
    this.breaker.on('close', () => this.logger.log('database reachable again: breaker closed'));
  }

  get state(): 'CLOSED' | 'OPEN' | 'HALF_OPEN' {
    return this.breaker.opened ? 'OPEN' : this.breaker.halfOpen ? 'HALF_OPEN' : 'CLOSED';
  }

  /** Stops opossum's window timers: an app closed and another started (tests) keeps none running. */
  onApplicationShutdown(): void {
    this.breaker.shutdown();
  }

  onModuleInit(): void {
    // No HTTP server in a standalone context (the migration CLI): nothing to watch.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onResponse', (request, _reply, done) => {
      if (this.watched.delete(request.raw)) this.count(infrastructureFailureOf(request.raw));
      done();
    });
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (READS.has(request.method)) return true;
    if (this.breaker.opened) {
      const retryAfter = Math.max(1, Math.ceil((this.openedAt + this.resetMs - Date.now()) / 1000));
      throw new DomainException(StateErrorCode.DatabaseUnavailable, 'The database is unavailable; retry later.', {
        retryAfter,
      });
    }
    this.watched.add(request.raw);
    return true;
  }

  /**
   * opossum counts the outcomes of the calls it makes; the request has already run, so it is
   * handed a call that settles as the request did. While the breaker is open it makes no call
   * and counts nothing; half open, the first outcome closes or reopens it.
   */
  private count(failure: unknown): void {
    void this.breaker
      .fire(() => (failure === undefined ? Promise.resolve() : Promise.reject(failure)))
      .catch(() => undefined);
  }
}
