import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import CircuitBreaker from 'opossum';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { AppConfig } from '../core/config/app-config.service.js';
import { DomainException } from '../core/errors/domain.exception.js';
import { isInfrastructureError } from '../core/errors/infrastructure-error.js';
import { StateErrorCode } from './state.errors.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The database circuit breaker [StateManager] (opossum): when writes keep failing because the
 * database is unreachable, further writes are answered 503 with Retry-After at once, instead of
 * piling up on a pool that cannot connect. Reads pass: they are served from the cache where it
 * holds them. Only infrastructure errors count; a constraint violation or bad input never opens it.
 */
@Injectable()
export class DatabaseBreakerInterceptor implements NestInterceptor {
  private readonly logger = new Logger('DatabaseBreaker');
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  private readonly resetMs: number;
  private openedAt = 0;

  constructor(config: AppConfig) {
    this.resetMs = config.get('DB_BREAKER_RESET_MS');
    this.breaker = new CircuitBreaker((work: () => Promise<unknown>) => work(), {
      // Statement timeouts bound each call already.
      timeout: false,
      // Seeds: failure_threshold 5, recovery_timeout 60 s.
      volumeThreshold: 5,
      errorThresholdPercentage: 50,
      rollingCountTimeout: 10_000,
      resetTimeout: this.resetMs,
      errorFilter: (error: unknown) => !isInfrastructureError(error),
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

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = context.switchToHttp().getRequest<{ method?: string }>().method ?? 'GET';
    if (READS.has(method)) return next.handle();
    return from(
      this.breaker
        .fire(() => lastValueFrom(next.handle(), { defaultValue: undefined }))
        .catch((error: unknown) => {
          if (error instanceof Error && (error as { code?: string }).code === 'EOPENBREAKER') {
            const retryAfter = Math.max(1, Math.ceil((this.openedAt + this.resetMs - Date.now()) / 1000));
            throw new DomainException(StateErrorCode.DatabaseUnavailable, 'The database is unavailable; retry later.', {
              retryAfter,
            });
          }
          throw error;
        }),
    );
  }
}
