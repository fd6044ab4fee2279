import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainException } from '../errors/domain.exception.js';
import { CoreErrorCode } from '../errors/error-catalogue.js';
import { noteInfrastructureFailure } from '../errors/infrastructure-error.js';

const timers = new WeakMap<FastifyRequest, NodeJS.Timeout>();

/**
 * No request waits longer than `ms` (REQUEST_TIMEOUT_MS): past it the caller gets a 503 problem
 * with Retry-After and can retry, instead of a connection that hangs while a pool or a dependency
 * is stuck. The handler's own work goes on; its late answer is dropped.
 *
 * A timer per request, not a Nest interceptor (any global interceptor puts every request through
 * rxjs) nor Fastify's `handlerTimeout` (it gives every request an AbortController and aborts it,
 * with a new DOMException, when the request closes: ~5 % of the CPU of a worker's calls). A
 * streaming reply (hijacked) or one already started is left alone.
 */
export function requestTimeout(fastify: FastifyInstance, ms: number): void {
  const clear = (request: FastifyRequest, _reply: unknown, done: () => void) => {
    clearTimeout(timers.get(request));
    done();
  };
  fastify.addHook('onRequest', (request, reply, done) => {
    const timer = setTimeout(() => {
      if (reply.sent || reply.raw.headersSent) return;
      // Counted by the database breaker as a failure: the pool's connect and statement timeouts are
      // far shorter, so a write still unanswered now is stuck behind a backing service.
      noteInfrastructureFailure(request.raw, Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' }));
      void reply.send(
        new DomainException(CoreErrorCode.ServiceUnavailable, 'The request took too long; try again.', {
          retryAfter: 1,
        }),
      );
    }, ms);
    timers.set(request, timer);
    done();
  });
  fastify.addHook('onResponse', clear);
  fastify.addHook('onRequestAbort', (request, done) => clear(request, undefined, done));
}
