import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, type Observable, throwError, timeout, TimeoutError } from 'rxjs';
import { AppConfig } from '../config/app-config.service.js';
import { DomainException } from '../errors/domain.exception.js';
import { CoreErrorCode } from '../errors/error-catalogue.js';

/**
 * No request waits longer than REQUEST_TIMEOUT_MS: past it the caller gets a 503 problem and can
 * retry, instead of a connection that hangs while a pool or a dependency is stuck.
 */
@Injectable()
export class RequestTimeoutInterceptor implements NestInterceptor {
  private readonly ms: number;

  constructor(config: AppConfig) {
    this.ms = config.get('REQUEST_TIMEOUT_MS');
  }

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      timeout(this.ms),
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof TimeoutError
            ? new DomainException(CoreErrorCode.ServiceUnavailable, 'The request took too long; try again.', {
                retryAfter: 1,
              })
            : error,
        ),
      ),
    );
  }
}
