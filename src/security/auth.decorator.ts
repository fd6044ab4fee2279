import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import { ApiProblem } from '../core/errors/api-problem.decorator.js';
import type { Scope } from './scopes.js';

export const SCOPES_KEY = 'botfleet:scopes';
export const PUBLIC_KEY = 'botfleet:public';
export const API_KEY_SCHEME = 'api-key';
export const BEARER_SCHEME = 'bearer';

const rateLimited = () => ApiProblem(429, 'Rate limit exceeded; see Retry-After and RateLimit-* headers');

/**
 * The scopes a route needs (a key holding `admin` has them all), and the same in the OpenAPI
 * document. Every route carries this or `@Public()`; one with neither is refused (deny by default).
 */
export function Auth(...scopes: Scope[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(SCOPES_KEY, scopes),
    ApiSecurity(API_KEY_SCHEME),
    ApiBearerAuth(BEARER_SCHEME),
    ApiProblem(401, 'No API key, or one that is unknown, revoked or expired'),
    ApiProblem(403, `The key lacks the scope: ${scopes.join(', ')}`),
    rateLimited(),
  );
}

/** A route anyone may call (health probes): still rate-limited per IP. */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(PUBLIC_KEY, true), rateLimited());
}
