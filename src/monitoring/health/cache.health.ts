import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '../../core/config/app-config.service.js';
import { CacheService } from '../../cache/cache.service.js';

@Injectable()
export class CacheHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly cache: CacheService,
    private readonly config: AppConfig,
  ) {}

  check() {
    return this.health
      .check('cache')
      .attempt(async () => {
        try {
          await this.cache.ping();
        } catch {
          throw new Error(`${this.cache.backendKind} cache unreachable`);
        }
        return { backend: this.cache.backendKind };
      })
      .withTimeout(this.config.get('HEALTH_PROBE_TIMEOUT_MS'));
  }
}
