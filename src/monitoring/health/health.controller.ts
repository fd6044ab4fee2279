import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, MemoryHealthIndicator } from '@nestjs/terminus';
import { CacheHealthIndicator } from './cache.health.js';
import { DatabaseHealthIndicator } from './database.health.js';
import { AppConfig } from '../../core/config/app-config.service.js';
import { Public } from '../../security/auth.decorator.js';
import { RateBucket, RateLimit } from '../../security/rate-limit.decorator.js';

@ApiTags('health')
@Public()
@RateLimit(RateBucket.Health)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly cache: CacheHealthIndicator,
    private readonly memory: MemoryHealthIndicator,
    private readonly config: AppConfig,
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process is up and its event loop answers' })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: database, cache and memory, each probe bounded by a timeout' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; the body says which' })
  ready() {
    const rssLimit = this.config.get('HEALTH_MEMORY_RSS_LIMIT_MB') * 1024 * 1024;
    return this.health.check([
      () => this.database.check(),
      () => this.cache.check(),
      () => this.memory.checkRSS('memory_rss', rssLimit),
    ]);
  }
}
