import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { ApiCommonProblems } from '../../core/errors/api-problem.decorator.js';
import { Auth, Public } from '../../security/auth.decorator.js';
import { Scope } from '../../security/scopes.js';

/** Prometheus text exposition format 0.0.4. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const ApiExposition = () =>
  ApiOkResponse({
    description: 'Prometheus text exposition',
    content: { 'text/plain': { schema: { type: 'string', example: 'botfleet_active_executions 7\n' } } },
  });

/**
 * `GET /metrics`. Two controllers because access is fixed per route by decorators; the module
 * registers the one METRICS_ACCESS names. Both are rate-limited by the global guards.
 */
abstract class MetricsEndpoint {
  constructor(private readonly registry: Registry) {}

  protected exposition(): Promise<string> {
    return this.registry.metrics();
  }
}

@ApiTags('monitoring')
@Public()
@ApiCommonProblems()
@Controller('metrics')
export class PublicMetricsController extends MetricsEndpoint {
  constructor(registry: Registry) {
    super(registry);
  }

  @Get()
  @Header('Content-Type', PROMETHEUS_CONTENT_TYPE)
  @ApiExposition()
  @ApiOperation({ summary: 'Prometheus metrics (public: METRICS_ACCESS=public)' })
  scrape(): Promise<string> {
    return this.exposition();
  }
}

@ApiTags('monitoring')
@Auth(Scope.MonitoringRead)
@ApiCommonProblems()
@Controller('metrics')
export class KeyMetricsController extends MetricsEndpoint {
  constructor(registry: Registry) {
    super(registry);
  }

  @Get()
  @Header('Content-Type', PROMETHEUS_CONTENT_TYPE)
  @ApiExposition()
  @ApiOperation({ summary: 'Prometheus metrics (needs monitoring:read: METRICS_ACCESS=key)' })
  scrape(): Promise<string> {
    return this.exposition();
  }
}
