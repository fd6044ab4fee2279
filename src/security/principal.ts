import type { FastifyRequest } from 'fastify';

/** Who is calling: the key that authenticated the request. */
export interface Principal {
  keyId: string;
  prefix: string;
  scopes: string[];
  /** A module-bound key acts for this module only. */
  moduleName: string | null;
  rateLimitPerMinute: number | null;
}

/** What the authentication guard leaves on the request for the guards and handlers after it. */
export interface SecurityContext {
  principal?: Principal;
  /** Why a presented key was refused (never the key itself). */
  authFailure?: 'malformed' | 'unknown' | 'revoked' | 'expired';
}

export type SecuredRequest = FastifyRequest & { security?: SecurityContext };

export function securityOf(request: FastifyRequest): SecurityContext {
  const secured = request as SecuredRequest;
  return (secured.security ??= {});
}

/** `X-API-Key: <key>` or `Authorization: Bearer <key>`. */
export function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header.length > 0) return header.trim();
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && /^Bearer\s+/i.test(authorization)) {
    return authorization.replace(/^Bearer\s+/i, '').trim();
  }
  return undefined;
}
