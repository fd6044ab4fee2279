import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonProblems } from '../../core/errors/api-problem.decorator.js';
import { Auth } from '../../security/auth.decorator.js';
import { Scope } from '../../security/scopes.js';
import { DashboardService } from './dashboard.service.js';
import { DashboardDto, DetailedHealthDto } from './dto/dashboard.dto.js';

@ApiTags('monitoring')
@ApiCommonProblems()
@Controller('api/v1/monitoring')
export class MonitoringController {
  constructor(private readonly dashboards: DashboardService) {}

  @Get('dashboard')
  @Auth(Scope.MonitoringRead)
  @ApiOperation({
    summary: 'System health (the seeds’ get_system_health) plus resource usage',
    description:
      'Database figures (robots, modules, the last hour) are computed at most every 30 s and shared by all instances; ' +
      'operation latencies, error rate, cache, pools, probes and resource usage are this instance’s, read live.',
  })
  @ApiOkResponse({ type: DashboardDto })
  dashboard() {
    return this.dashboards.dashboard();
  }

  @Get('health')
  @Auth(Scope.Admin)
  @ApiOperation({ summary: 'Detailed health (admin): every probe with its figures, modules that need attention' })
  @ApiOkResponse({ type: DetailedHealthDto })
  health() {
    return this.dashboards.detailedHealth();
  }
}
