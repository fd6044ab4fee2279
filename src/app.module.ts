import { type DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { BackupModule } from './backup/backup.module.js';
import { CacheModule } from './cache/cache.module.js';
import { AppConfigModule } from './core/config/config.module.js';
import { ProblemDetailsFilter } from './core/errors/problem-details.filter.js';
import { LoggingModule } from './core/logging/logging.module.js';
import { EmailModule } from './email/email.module.js';
import { exampleModules } from './examples/example-modules.js';
import { LoadBalancerModule } from './load-balancer/load-balancer.module.js';
import { MonitoringModule } from './monitoring/monitoring.module.js';
import { NotificationModule } from './notification/notification.module.js';
import { OcrModule } from './ocr/ocr.module.js';
import { OrchestratorModule } from './orchestrator/orchestrator.module.js';
import { RegistryModule } from './registry/registry.module.js';
import { ReviewModule } from './review/review.module.js';
import { SecurityModule } from './security/security.module.js';
import { DatabaseBreakerModule } from './state/database-breaker.module.js';
import { StateModule } from './state/state.module.js';

/**
 * The whole service. The global pipeline is declared here as APP_* providers, so a test that boots
 * AppModule runs exactly what production runs.
 */
@Module({})
export class AppModule {
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(),
        ScheduleModule.forRoot(),
        EventEmitterModule.forRoot(),
        LoggingModule,
        StateModule,
        CacheModule,
        SecurityModule,
        LoadBalancerModule,
        RegistryModule,
        OrchestratorModule,
        EmailModule,
        OcrModule,
        ReviewModule,
        NotificationModule,
        MonitoringModule.forRoot(),
        BackupModule,
        ...exampleModules(),
        // Last: its guard runs after the security layer's (see the module).
        DatabaseBreakerModule,
      ],
      providers: [
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
        },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
