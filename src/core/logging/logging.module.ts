import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pino } from 'pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from '../config/app-config.service.js';

export const REQUEST_ID_HEADER = 'x-request-id';
// An incoming id is echoed into logs and headers: accept only short, plain tokens.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify's `genReqId`: the caller's X-Request-Id when it is a plain token, else a new UUID.
 * Fastify puts it on the raw request, where pino-http and the error filter read it.
 */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Structured JSON logs (pino); every line written during a request carries its `req.id`. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        pinoHttp: [
          {
            level: config.get('LOG_LEVEL'),
            genReqId: (req: IncomingMessage & { id?: string }) => req.id ?? requestIdFor(req),
            // Secrets never reach a log line, whatever header carries them.
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers["x-api-key"]',
                'req.headers.cookie',
                'res.headers["set-cookie"]',
              ],
              censor: '[redacted]',
            },
            serializers: {
              req: (req: { id: string; method: string; url: string; headers: Record<string, unknown> }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
                headers: req.headers,
              }),
            },
            customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
              err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          },
          // Synchronous writes: pino's default buffers asynchronously, and the last lines before an
          // exit (the shutdown, a crash) would be lost when Nest re-raises SIGTERM.
          pino.destination({ dest: 1, sync: true }),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
