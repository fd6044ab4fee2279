import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiCommonProblems, ApiProblem } from '../../core/errors/api-problem.decorator.js';
import { Public } from '../../security/auth.decorator.js';
import { RateBucket, RateLimit } from '../../security/rate-limit.decorator.js';
import { HealthReportDto, ProbeDto } from './dto/health-report.dto.js';
import { HealthState, type ProbeName, type ProbeResult } from './health-state.service.js';

const READINESS: readonly ProbeName[] = ['database', 'cache', 'disk', 'memory', 'event_loop'];

@ApiTags('health')
@Public()
@RateLimit(RateBucket.Health)
@ApiCommonProblems()
@ApiExtraModels(ProbeDto)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly state: HealthState,
  ) {}

  @Get('live')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness: the process is up and its event loop answers' })
  @ApiOkResponse({ type: HealthReportDto })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Readiness: database, cache, disk, memory and event-loop lag',
    description:
      'Answered from probes refreshed in the background every HEALTH_REFRESH_MS, each bounded by HEALTH_PROBE_TIMEOUT_MS: a call never waits on a dependency.',
  })
  @ApiOkResponse({ type: HealthReportDto })
  @ApiProblem(503, 'A probe is down: `checks` holds every probe, as `details` does in a 200')
  async ready() {
    const probes = await this.state.current();
    return this.health.check(READINESS.map((name) => () => this.indicator(name, probes[name])));
  }

  private indicator(name: ProbeName, { status, ...details }: ProbeResult) {
    const indicator = this.indicators.check(name);
    return status === 'up' ? indicator.up(details) : indicator.down(details);
  }
}
