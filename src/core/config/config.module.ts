import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config.service.js';
import { validateEnvironment } from './environment.js';

@Global()
@Module({})
export class AppConfigModule {
  /** Reads and validates the environment when called (at app creation), not when imported. */
  static forRoot(): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          // The process environment is the only source: containers and CI set it, and a `.env`
          // file is loaded by `node --env-file` when a developer wants one.
          ignoreEnvFile: true,
          cache: true,
          validate: validateEnvironment,
        }),
      ],
      providers: [AppConfig],
      exports: [AppConfig],
    };
  }
}
