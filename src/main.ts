import { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { createApp } from './app.factory.js';
import { AppConfig } from './core/config/app-config.service.js';
import { ConfigValidationError } from './core/config/environment.js';
import { explainStartupFailure } from './core/errors/startup-failure.js';
import { DataDirLockedError } from './state/embedded/data-dir-lock.js';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const config = app.get(AppConfig);
  const host = config.get('HOST');
  // A deep accept queue: a burst of new connections (a fleet of workers reconnecting after a
  // deploy) waits to be accepted instead of being dropped into SYN retries (Node's default is 511).
  await app.listen({ port: config.get('PORT'), host, backlog: 4096 });

  const logger = new Logger('Bootstrap');
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  logger.log(
    {
      started_ms: Math.round(performance.now()),
      rss_mb: rssMb,
      database: config.isEmbeddedDatabase ? 'pglite' : 'postgresql',
      cache: config.get('REDIS_URL') ? 'redis' : 'memory',
    },
    `botfleet listening on ${url}: Swagger ${url}/docs, health ${url}/health/ready`,
  );

  // A second signal, or a drain that outlives SHUTDOWN_TIMEOUT_MS, exits at once.
  const deadline = config.get('SHUTDOWN_TIMEOUT_MS');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        logger.error(`Shutdown took longer than ${deadline} ms; exiting`);
        process.exit(1);
      }, deadline).unref();
    });
  }
}

/**
 * A failed start is one line on stderr, the sentence an operator acts on, and one JSON entry
 * (with the stack) on stdout for the log pipeline. Nest's own output of the attempt stays buffered
 * (createApp: `autoFlushLogs: false`), so no coloured trace buries the reason.
 */
bootstrap().catch((error: unknown) => {
  const known =
    error instanceof ConfigValidationError || error instanceof DataDirLockedError
      ? error.message
      : explainStartupFailure(error);
  const reason = known ?? (error instanceof Error ? error.message : String(error)).split('\n')[0];
  process.stderr.write(known ? `botfleet cannot start. ${known}\n` : `botfleet failed to start: ${reason}\n`);
  pino(pino.destination({ dest: 1, sync: true })).fatal({ err: error }, `botfleet cannot start: ${reason}`);
  process.exit(1);
});
