import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../core/config/app-config.service.js';
import { securityOf } from './principal.js';
import { RATE_BUCKET_KEY, RateBucket } from './rate-limit.decorator.js';

export const RATE_WINDOW_MS = 60_000;

/** `ModuleA=600,ModuleB=6000` → Map. */
export function parseModuleOverrides(spec: string | undefined): Map<string, number> {
  return new Map(
    (spec ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [name, limit] = pair.split('=');
        return [name, Number(limit)] as const;
      }),
  );
}

/**
 * Who is counted and against which limit. A caller with a valid key is counted per key, against
 * the key's own limit, else its module's override, else RATE_LIMIT_PER_MINUTE (the worker
 * protocol: RATE_LIMIT_WORK_PER_MINUTE); anyone else per IP against RATE_LIMIT_IP_PER_MINUTE.
 * Health, bulk and work routes have buckets of their own, so a worker's claims and completions
 * never eat into the same key's other calls, nor the other way round. A call counts once,
 * whatever it carries: a claim of 100 robots or a batch completion of 100 results is one call,
 * which is what batching is for (each of those robots had to be claimed under a lease first).
 */
@Injectable()
export class RateLimitPolicy {
  private readonly limits: { perKey: number; perIp: number; health: number; bulk: number; work: number };
  private readonly moduleOverrides: Map<string, number>;
  private readonly prefix: string;

  constructor(
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    this.limits = {
      perKey: config.get('RATE_LIMIT_PER_MINUTE'),
      perIp: config.get('RATE_LIMIT_IP_PER_MINUTE'),
      health: config.get('RATE_LIMIT_HEALTH_PER_MINUTE'),
      bulk: config.get('RATE_LIMIT_BULK_PER_MINUTE'),
      work: config.get('RATE_LIMIT_WORK_PER_MINUTE'),
    };
    this.moduleOverrides = parseModuleOverrides(config.get('RATE_LIMIT_MODULE_OVERRIDES'));
    this.prefix = `${config.get('CACHE_KEY_PREFIX')}:rl`;
  }

  limitFor(context: ExecutionContext): number {
    const bucket = this.bucketOf(context);
    if (bucket === RateBucket.Health) return this.limits.health;
    if (bucket === RateBucket.Bulk) return this.limits.bulk;
    const principal = securityOf(context.switchToHttp().getRequest<FastifyRequest>()).principal;
    if (!principal) return this.limits.perIp;
    return (
      principal.rateLimitPerMinute ??
      (principal.moduleName ? this.moduleOverrides.get(principal.moduleName) : undefined) ??
      (bucket === RateBucket.Work ? this.limits.work : this.limits.perKey)
    );
  }

  trackerFor(request: FastifyRequest): string {
    const principal = securityOf(request).principal;
    return principal ? `key:${principal.keyId}` : `ip:${request.ip}`;
  }

  /** One counter per caller and bucket, across all routes of the bucket and every instance. */
  counterKey(context: ExecutionContext, tracker: string): string {
    return `${this.prefix}:${this.bucketOf(context) ?? 'api'}:${tracker}`;
  }

  private bucketOf(context: ExecutionContext): RateBucket | undefined {
    return this.reflector.getAllAndOverride<RateBucket | undefined>(RATE_BUCKET_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
  }
}
