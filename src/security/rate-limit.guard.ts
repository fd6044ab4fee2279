import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../core/config/app-config.service.js';
import { DomainException } from '../core/errors/domain.exception.js';
import { AuditOperation, AuditService } from './audit.service.js';
import { securityOf } from './principal.js';
import { RATE_WINDOW_MS, RateLimitPolicy } from './rate-limit.policy.js';
import type { RateStore } from './rate-limit.store.js';
import { SecurityErrorCode } from './security.errors.js';

export const RATE_STORE = Symbol('RATE_STORE');

/**
 * Second global guard: counts the request per key, or per IP without a valid key (so failed
 * authentication is throttled too), in a fixed one-minute window. Answers carry RateLimit-Limit,
 * -Remaining and -Reset (IETF draft fields); past the limit, a 429 problem with Retry-After,
 * audited.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly enabled: boolean;

  constructor(
    private readonly policy: RateLimitPolicy,
    @Inject(RATE_STORE) private readonly store: RateStore,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.enabled = config.get('SECURITY_ENABLED');
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.enabled) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const limit = this.policy.limitFor(context);
    const { count, resetMs } = await this.store.hit(
      this.policy.counterKey(context, this.policy.trackerFor(request)),
      RATE_WINDOW_MS,
    );
    const resetSeconds = Math.max(1, Math.ceil(resetMs / 1000));
    void reply.header('RateLimit-Limit', limit);
    void reply.header('RateLimit-Remaining', Math.max(0, limit - count));
    void reply.header('RateLimit-Reset', resetSeconds);
    if (count <= limit) return true;
    // Only the first refusal of a window is audited: a client hammering past its limit would
    // otherwise turn the audit trail into a copy of its traffic.
    if (count === limit + 1) this.record(request, limit);
    throw new DomainException(
      SecurityErrorCode.RateLimited,
      `Rate limit of ${limit} requests per minute exceeded; retry in ${resetSeconds} s.`,
      { retryAfter: resetSeconds },
    );
  }

  private record(request: FastifyRequest, limit: number): void {
    this.audit.recordCall(AuditOperation.RateLimited, request, securityOf(request).principal, {
      resourceId: request.url.split('?')[0],
      success: false,
      statusCode: 429,
      details: { method: request.method, limit_per_minute: limit },
    });
  }
}
