import { Injectable, Logger } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '../../core/config/app-config.service.js';
import { DatabaseProbe } from '../../state/database.probe.js';

@Injectable()
export class DatabaseHealthIndicator {
  private readonly logger = new Logger(DatabaseHealthIndicator.name);

  constructor(
    private readonly health: HealthIndicatorService,
    private readonly database: DatabaseProbe,
    private readonly config: AppConfig,
  ) {}

  check() {
    return this.health
      .check('database')
      .attempt(async () => {
        try {
          await this.database.ping();
        } catch (error) {
          // The driver's message may name hosts or users: log it, answer generically.
          this.logger.warn(`database probe failed: ${(error as Error).message}`);
          throw new Error('database unreachable');
        }
        return { engine: this.database.engine, pools: this.database.pools() };
      })
      .withTimeout(this.config.get('HEALTH_PROBE_TIMEOUT_MS'));
  }
}
