import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';

export interface RawBodyRoutes {
  /** Media types read as a stream by their routes (e.g. `message/rfc822`, `application/mbox`). */
  types: string[];
  /** Route prefixes that read them; anywhere else such a body is refused with 415. */
  routes: string[];
}

/**
 * Bodies that are not JSON and may be large (a raw email, an mbox file): the parser does not read
 * them, it hands the route the request stream, which the route reads after authentication with
 * its own cap (EMAIL_MAX_BYTES) or streams through (an mbox), so nothing unauthenticated is
 * buffered and BODY_LIMIT_BYTES does not cut a 25 MB message.
 */
export function registerRawBodies(fastify: FastifyInstance, options: RawBodyRoutes): void {
  fastify.addContentTypeParser(options.types, (_request, payload, done) => done(null, payload));
  const types = new Set(options.types);
  fastify.addHook('preValidation', async (request) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    // The path as requested: this hook is added before Nest declares its routes, so it runs
    // without their routeOptions.
    const path = request.url.split('?')[0];
    if (types.has(type) && !options.routes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
      throw Object.assign(new Error(`${type} body on a JSON route`), {
        statusCode: 415,
        code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      });
    }
  });
}

/** True when a handler's body is the unread request stream a raw-body parser handed over. */
export function isBodyStream(body: unknown): body is Readable {
  return typeof body === 'object' && body !== null && typeof (body as Readable).pipe === 'function';
}

/**
 * Reads a stream to its end, up to `maxBytes`: answers the bytes, or `null` as soon as it is
 * larger. The rest is not read (the stream is paused, not destroyed, so the 413 still reaches the
 * client; Node closes the connection after it, as the body was not consumed).
 */
export function readCapped(stream: Readable, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (value: Buffer | null) => {
      stream.off('data', onData).off('end', onEnd).off('error', onError);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stream.pause();
        done(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks, size));
    const onError = (error: Error) => {
      stream.off('data', onData).off('end', onEnd);
      reject(error);
    };
    stream.on('data', onData).once('end', onEnd).once('error', onError);
  });
}
