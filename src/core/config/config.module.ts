import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config.service.js';
import { validateEnvironment } from './environment.js';

@Global()
@Module({
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
})
export class AppConfigModule {}
