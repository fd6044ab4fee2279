import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../../security/auth.decorator.js';
import { RateBucket, RateLimit } from '../../security/rate-limit.decorator.js';
import { HealthState, type ProbeName, type ProbeResult } from './health-state.service.js';

const READINESS: readonly ProbeName[] = ['database', 'cache', 'disk', 'memory', 'event_loop'];

@ApiTags('health')
@Public()
@RateLimit(RateBucket.Health)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly state: HealthState,
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process is up and its event loop answers' })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: database, cache, disk, memory and event-loop lag',
    description:
      'Answered from probes refreshed in the background every HEALTH_REFRESH_MS, each bounded by HEALTH_PROBE_TIMEOUT_MS: a call never waits on a dependency.',
  })
  @ApiServiceUnavailableResponse({ description: 'A probe is down; the body says which' })
  async ready() {
    const probes = await this.state.current();
    return this.health.check(READINESS.map((name) => () => this.indicator(name, probes[name])));
  }

  private indicator(name: ProbeName, { status, ...details }: ProbeResult) {
    const indicator = this.indicators.check(name);
    return status === 'up' ? indicator.up(details) : indicator.down(details);
  }
}
