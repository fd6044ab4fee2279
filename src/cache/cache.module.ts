import { CacheModule as NestCacheModule } from '@nestjs/cache-manager';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../core/config/app-config.service.js';
import { type CacheBackend, MemoryCacheBackend, RedisCacheBackend } from './cache-backend.js';
import { CACHE_BACKEND, CacheService } from './cache.service.js';

async function createBackend(config: AppConfig): Promise<CacheBackend> {
  const url = config.get('REDIS_URL');
  if (!url) return new MemoryCacheBackend(config.get('CACHE_MEMORY_MAX_ENTRIES'));
  return RedisCacheBackend.connect({
    url,
    namespace: config.get('CACHE_KEY_PREFIX'),
    connectTimeoutMs: config.get('REDIS_CONNECT_TIMEOUT_MS'),
    operationTimeoutMs: config.get('CACHE_OPERATION_TIMEOUT_MS'),
  });
}

/** Holds the backend so both the module and cache-manager's factory share one connection. */
@Module({
  providers: [{ provide: CACHE_BACKEND, inject: [AppConfig], useFactory: createBackend }],
  exports: [CACHE_BACKEND],
})
class CacheBackendModule {}

@Module({
  imports: [
    CacheBackendModule,
    NestCacheModule.registerAsync({
      imports: [CacheBackendModule],
      inject: [CACHE_BACKEND],
      useFactory: (backend: CacheBackend) => ({ stores: [backend.keyv] }),
    }),
  ],
  providers: [CacheService],
  exports: [CacheService, NestCacheModule],
})
export class CacheModule implements OnApplicationShutdown {
  constructor(@Inject(CACHE_BACKEND) private readonly backend: CacheBackend) {}

  async onApplicationShutdown(): Promise<void> {
    await this.backend.close();
  }
}
