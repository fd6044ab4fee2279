import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Registry } from 'prom-client';
import { CacheModule } from '../cache/cache.module.js';
import { MetricsAccess, validateEnvironment } from '../core/config/environment.js';
import { OcrPipelineModule } from '../ocr/pipeline/ocr-pipeline.module.js';
import { StateModule } from '../state/state.module.js';
import { AlertEvaluator } from './alerts/alert-evaluator.service.js';
import { AlertsController } from './alerts/alerts.controller.js';
import { AlertsJob } from './alerts/alerts.job.js';
import { AlertsService } from './alerts/alerts.service.js';
import { DashboardPageController } from './dashboard/dashboard-page.controller.js';
import { DashboardService } from './dashboard/dashboard.service.js';
import { MonitoringController } from './dashboard/monitoring.controller.js';
import { EventsAdminService } from './events/events-admin.service.js';
import { EventsController } from './events/events.controller.js';
import { ForecastController } from './forecast/forecast.controller.js';
import { ForecastService } from './forecast/forecast.service.js';
import { SlaRiskJob } from './forecast/sla-risk.job.js';
import { SlaRiskService } from './forecast/sla-risk.service.js';
import { HealthState } from './health/health-state.service.js';
import { HealthController } from './health/health.controller.js';
import { NotificationTelemetryModule } from '../notification/deliveries/notification-telemetry.module.js';
import { FleetMetricsCollector } from './metrics/fleet-metrics.collector.js';
import { NotificationMetricsCollector } from './metrics/notification-metrics.collector.js';
import { HttpMetricsHook } from './metrics/http-metrics.hook.js';
import { OperationTimings } from './metrics/operation-timings.service.js';
import { metricsRegistryProvider } from './metrics/metrics-registry.provider.js';
import { OcrMetricsCollector } from './metrics/ocr-metrics.collector.js';
import { KeyMetricsController, PublicMetricsController } from './metrics/metrics.controller.js';
import { PerformanceTracker } from './metrics/performance-tracker.service.js';

/** Observability [PerformanceTracker, MetricsDashboard]: health, metrics, the dashboard, alerts and event delivery. */
@Module({})
export class MonitoringModule {
  /**
   * Reads METRICS_ENABLED and METRICS_ACCESS when the app is built: which controller exists, and
   * whether the timing hook is installed at all, is decided here (the benchmark prices them off).
   */
  static forRoot(): DynamicModule {
    const env = validateEnvironment(process.env);
    const tracker = { provide: PerformanceTracker, useFactory: () => new PerformanceTracker() };
    const metrics = env.METRICS_ENABLED
      ? {
          controllers: [env.METRICS_ACCESS === MetricsAccess.Key ? KeyMetricsController : PublicMetricsController],
          providers: [
            metricsRegistryProvider,
            HttpMetricsHook,
            FleetMetricsCollector,
            NotificationMetricsCollector,
            OcrMetricsCollector,
          ],
        }
      : { controllers: [], providers: [] };
    return {
      module: MonitoringModule,
      imports: [
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        StateModule,
        CacheModule,
        NotificationTelemetryModule,
        OcrPipelineModule,
      ],
      controllers: [
        HealthController,
        MonitoringController,
        DashboardPageController,
        AlertsController,
        EventsController,
        ForecastController,
        ...metrics.controllers,
      ],
      providers: [
        HealthState,
        DashboardService,
        OperationTimings,
        tracker,
        AlertEvaluator,
        AlertsService,
        AlertsJob,
        EventsAdminService,
        ForecastService,
        SlaRiskService,
        SlaRiskJob,
        ...metrics.providers,
      ],
      // Global so a layer can publish its own metrics in the one registry /metrics exposes
      // (injected with @Optional(): there is none while METRICS_ENABLED is false).
      global: true,
      exports: [PerformanceTracker, HealthState, AlertsService, ...(env.METRICS_ENABLED ? [Registry] : [])],
    };
  }
}
