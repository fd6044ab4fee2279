import type { FastifyInstance } from 'fastify';

/** No API body needs more; deeper JSON is a parser or validator stress attack (OWASP API4). */
export const MAX_JSON_DEPTH = 32;
export const JSON_TOO_DEEP = 'BF_JSON_TOO_DEEP';

/** True when `value` nests objects or arrays deeper than `max` levels (iterative: no stack to blow). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

const isParsedJson = (body: unknown) =>
  Array.isArray(body) ||
  (body !== null && typeof body === 'object' && Object.getPrototypeOf(body) === Object.prototype);

/** Refuses a parsed body nested deeper than MAX_JSON_DEPTH with a 400, before any handler runs. */
export function limitJsonDepth(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    // Parsed JSON only: a raw body (an email, an mbox) is handed over as its unread stream.
    if (isParsedJson(request.body) && nestsDeeperThan(request.body, MAX_JSON_DEPTH)) {
      done(Object.assign(new Error('JSON too deep'), { statusCode: 400, code: JSON_TOO_DEEP }));
      return;
    }
    done();
  });
}
