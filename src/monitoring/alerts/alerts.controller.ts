import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonProblems, ApiProblem } from '../../core/errors/api-problem.decorator.js';
import { Auth } from '../../security/auth.decorator.js';
import { Scope } from '../../security/scopes.js';
import { AlertsService } from './alerts.service.js';
import { AlertPageDto } from './dto/alert.dto.js';
import { ListAlertsQueryDto } from './dto/list-alerts-query.dto.js';

@ApiTags('monitoring')
@Auth(Scope.MonitoringRead)
@ApiCommonProblems()
@Controller('api/v1/monitoring/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({
    summary: 'Alerts, newest first: firing, resolved or all',
    description:
      'Rules: response_time, error_rate, cache_hit_rate, db_pool_usage, db_breaker_open (per instance); ' +
      'module_unhealthy, module_breaker_open (per module), mailbox_unhealthy (per mailbox); pending_age, ' +
      'notification_dead_letters, notification_queue_age, backup_failing (fleet). Paged by `limit` and `cursor`.',
  })
  @ApiOkResponse({ type: AlertPageDto })
  @ApiProblem(400, 'A bad state, limit or cursor')
  list(@Query() query: ListAlertsQueryDto): Promise<AlertPageDto> {
    return this.alerts.list(query);
  }
}
