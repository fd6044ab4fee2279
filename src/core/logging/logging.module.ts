import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pino } from 'pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from '../config/app-config.service.js';
import { redactUrl } from './redact-url.js';

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

/** The level of a request's own log line: error for 5xx (or a failure), warn for 4xx, else info. */
function lineLevel(res: ServerResponse, err?: Error): 'error' | 'warn' | 'info' {
  return err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
}

/** Who called, as a request's log line names it: the key's public prefix and its module, if bound. */
export interface LoggedCaller {
  key: string;
  module: string | null;
}

const callers = new WeakMap<IncomingMessage, LoggedCaller>();

/** Called by authentication once it knows the caller, so the request's log line can name it. */
export function logCaller(req: IncomingMessage, caller: LoggedCaller): void {
  callers.set(req, caller);
}

/**
 * Structured JSON logs (pino); every line written during a request carries its `req.id`. A
 * request's own line holds what an operator reads (method, url, status, duration, request id,
 * caller), not the headers: the security headers alone made it ~1,350 characters.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const threshold = pino.levels.values[config.get('LOG_LEVEL')] ?? Infinity;
        const logs = (level: string) => pino.levels.values[level] >= threshold;
        return {
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
          pinoHttp: [
            {
              level: config.get('LOG_LEVEL'),
              genReqId: (req: IncomingMessage & { id?: string }) => req.id ?? requestIdFor(req),
              // No headers at all, in or out: no secret (X-API-Key, Authorization, cookies) can reach a line.
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: redactUrl(req.url),
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              // Read when the response finishes, after authentication: the key prefix is public. None
              // (undefined, not {}) when there is no caller or the line is below LOG_LEVEL: pino-http
              // makes a child logger for any bindings, which cost ~15 % of creation throughput even
              // for lines never written.
              customProps: (req: IncomingMessage, res: ServerResponse) => {
                const caller = callers.get(req);
                if (!caller || !logs(lineLevel(res))) return undefined as unknown as object;
                return caller.module ? { key: caller.key, module: caller.module } : { key: caller.key };
              },
              customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) => lineLevel(res, err),
            },
            // Synchronous writes: pino's default buffers asynchronously, and the last lines before an
            // exit (the shutdown, a crash) would be lost when Nest re-raises SIGTERM.
            pino.destination({ dest: 1, sync: true }),
          ],
        };
      },
    }),
  ],
})
export class LoggingModule {}
