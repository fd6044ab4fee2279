import { Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Redis } from 'ioredis';
import { AppConfig } from '../core/config/app-config.service.js';
import { StateModule } from '../state/state.module.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysService } from './api-keys.service.js';
import { AuditController } from './audit.controller.js';
import { AuditRetentionJob } from './audit-retention.job.js';
import { AuditService } from './audit.service.js';
import { BootstrapKeyService } from './bootstrap-key.service.js';
import { RATE_STORE, RateLimitGuard } from './rate-limit.guard.js';
import { RateLimitPolicy } from './rate-limit.policy.js';
import { FallbackRateStore, MemoryRateStore, RedisRateStore } from './rate-limit.store.js';
import { ScopeGuard } from './scope.guard.js';
import { SecretBox } from './secret-box.js';

const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

/**
 * Redis for the shared counters, failing fast (no offline queue, one try, a command timeout) so
 * that an outage adds no latency: the counters fall back to memory at once.
 */
function rateLimitRedis(config: AppConfig): Redis | null {
  const url = config.get('REDIS_URL');
  if (!url || !config.get('SECURITY_ENABLED')) return null;
  const redis = new Redis(url, {
    // Concurrent requests' counter hits leave in one write: one syscall per tick, not per request.
    enableAutoPipelining: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: config.get('CACHE_OPERATION_TIMEOUT_MS'),
    connectTimeout: config.get('REDIS_CONNECT_TIMEOUT_MS'),
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  const logger = new Logger('RateLimit');
  let warned = 0;
  redis.on('error', (error: Error) => {
    if (Date.now() - warned < 30_000) return;
    warned = Date.now();
    logger.warn(`rate-limit Redis: ${error.message}`);
  });
  return redis;
}

@Injectable()
class RateStoreLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(RATE_LIMIT_REDIS) private readonly redis: Redis | null,
    private readonly memory: MemoryRateStore,
  ) {}

  onApplicationShutdown(): void {
    this.redis?.disconnect();
    this.memory.close();
  }
}

/**
 * API keys, scopes, rate limits and the audit trail [SecurityValidator]. Three global guards run
 * in this order on every route: who is calling (ApiKeyGuard), how often (RateLimitGuard), may it
 * (ScopeGuard). Deny by default: a route needs @Auth(scope) or @Public().
 */
@Module({
  imports: [StateModule],
  controllers: [ApiKeysController, AuditController],
  providers: [
    ApiKeysService,
    AuditService,
    BootstrapKeyService,
    AuditRetentionJob,
    RateLimitPolicy,
    { provide: RATE_LIMIT_REDIS, inject: [AppConfig], useFactory: rateLimitRedis },
    { provide: MemoryRateStore, useFactory: () => new MemoryRateStore() },
    {
      provide: RATE_STORE,
      inject: [MemoryRateStore, RATE_LIMIT_REDIS],
      useFactory: (memory: MemoryRateStore, redis: Redis | null) =>
        new FallbackRateStore(memory, redis ? new RedisRateStore(redis) : undefined),
    },
    RateStoreLifecycle,
    SecretBox,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: ScopeGuard },
  ],
  exports: [ApiKeysService, AuditService, SecretBox],
})
export class SecurityModule {}
