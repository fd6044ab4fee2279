import { ShutdownSignal } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Server } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainException } from '../errors/domain.exception.js';
import { CoreErrorCode } from '../errors/error-catalogue.js';

/** What nginx passes on to the next replica after a 503 (proxy_next_upstream http_503): nothing else. */
const RETRIED_ELSEWHERE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** After the drain, how long connections still open may take to end by themselves before the close. */
const SETTLE_MS = 2_000;

/** The signals Nest's own shutdown hooks handle: all but SIGTERM, which drains first (below). */
export const NEST_SHUTDOWN_SIGNALS = Object.values(ShutdownSignal).filter(
  (signal) => signal !== ShutdownSignal.SIGTERM,
);

/**
 * SIGTERM behind a load balancer (a rolling restart, `docker compose up` of a new image). Open-source
 * nginx learns that a replica is going only from failed requests, and closing a listening socket
 * resets the connections the kernel had accepted for it: a POST sent on one is answered 502 and
 * nginx must not retry it. So for SHUTDOWN_DRAIN_MS the instance first takes itself out:
 * - GET, HEAD and OPTIONS get 503 + Retry-After, which nginx retries on another replica (the
 *   client sees the other's answer) and counts as failures: after `max_fails` (3) it sends this
 *   one nothing for `fail_timeout` (10 s), readiness included;
 * - everything else is served, each answer with `Connection: close`, so no connection is reused
 *   (the idle ones nginx keeps, it closes itself after its upstream `keepalive_timeout`, 3 s).
 * Then the port stops accepting (nginx sends nothing by now; a connect refused goes to the next
 * replica, whatever the method), the open connections end after their answer, Nest closes the app,
 * and the signal is raised again so the exit status says why. SIGINT (Ctrl-C) closes at once.
 */
export function drainOnSigterm(app: NestFastifyApplication, drainMs: number): void {
  let draining = false;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      if (!draining || !RETRIED_ELSEWHERE.has(request.method)) return done();
      void reply.header('connection', 'close');
      void reply.send(
        new DomainException(CoreErrorCode.ServiceUnavailable, 'This instance is shutting down; retry.', {
          retryAfter: 1,
        }),
      );
    });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (_request, reply, payload, done) => {
      if (draining) void reply.header('connection', 'close');
      done(null, payload);
    });
  const onSigterm = () => {
    draining = true;
    void sleep(drainMs)
      .then(() => stopAccepting(app.getHttpServer() as Server))
      .then(() => app.close())
      .finally(() => process.kill(process.pid, 'SIGTERM'));
  };
  process.once('SIGTERM', onSigterm);
  // An app closed otherwise (a test, a failed boot) leaves no listener behind.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', (_instance, done) => {
      if (!draining) process.removeListener('SIGTERM', onSigterm);
      done();
    });
}

/**
 * Stops accepting and lets the open connections end after their answer (each says Connection:
 * close by now). http.Server.close() would also drop the ones it counts idle, among them one
 * accepted a moment ago whose request is still being read: nginx would answer that POST 502.
 */
async function stopAccepting(server: Server): Promise<void> {
  Server.prototype.close.call(server);
  const deadline = Date.now() + SETTLE_MS;
  const open = () => new Promise<number>((ok) => server.getConnections((_error, count) => ok(count ?? 0)));
  while (Date.now() < deadline && (await open()) > 0) await sleep(25);
}
