import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

type Middleware = ReturnType<typeof helmet>;

/**
 * Security headers (helmet) on every response. A route may replace parts of the app-wide options
 * through its config (`RouteConfig({ helmet: {...} })`, merged over `options` as @fastify/helmet
 * does). Each distinct set of options is turned into helmet's middleware once, not per request:
 * @fastify/helmet 13 rebuilds it, CSP parsing included, on every request, which cost about 4 % of
 * the app's CPU on the work calls.
 */
export function securityHeaders(fastify: FastifyInstance, options: HelmetOptions): void {
  const global = helmet(options);
  const perRoute = new WeakMap<object, Middleware>();
  const middlewareFor = (own: HelmetOptions | undefined): Middleware => {
    if (own === undefined) return global;
    let middleware = perRoute.get(own);
    if (!middleware) {
      middleware = helmet({ ...options, ...own } as HelmetOptions);
      perRoute.set(own, middleware);
    }
    return middleware;
  };
  fastify.addHook('onRequest', (request, reply, done) => {
    const own = (request.routeOptions.config as { helmet?: HelmetOptions }).helmet;
    middlewareFor(own)(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
}
