import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonProblems, ApiProblem } from '../../core/errors/api-problem.decorator.js';
import { Auth } from '../../security/auth.decorator.js';
import { Scope } from '../../security/scopes.js';
import { ForecastDto, ForecastQueryDto } from './dto/forecast.dto.js';
import { ForecastService } from './forecast.service.js';

@ApiTags('monitoring')
@Auth(Scope.MonitoringRead)
@ApiCommonProblems()
@Controller('api/v1/monitoring/forecast')
export class ForecastController {
  constructor(private readonly forecasts: ForecastService) {}

  @Get()
  @ApiOperation({
    summary: 'Per robot type: arrivals, durations, queue, the next hour forecast, capacity needed, bottlenecks',
    description:
      'A fluid model over the figures of the last hour: the queue drains in queued / (throughput - arrivals). ' +
      "Throughput is the recent completion rate while a type is backlogged, else the eligible modules' capacity.",
  })
  @ApiOkResponse({ type: ForecastDto })
  @ApiProblem(400, 'A target_seconds outside 60-604800')
  forecast(@Query() query: ForecastQueryDto): Promise<ForecastDto> {
    return this.forecasts.forecast(query.target_seconds);
  }
}
