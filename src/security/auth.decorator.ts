import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiSecurity,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Scope } from './scopes.js';

export const SCOPES_KEY = 'botfleet:scopes';
export const PUBLIC_KEY = 'botfleet:public';
export const API_KEY_SCHEME = 'api-key';
export const BEARER_SCHEME = 'bearer';

/**
 * The scopes a route needs (a key holding `admin` has them all), and the same in the OpenAPI
 * document. Every route carries this or `@Public()`; one with neither is refused (deny by default).
 */
export function Auth(...scopes: Scope[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(SCOPES_KEY, scopes),
    ApiSecurity(API_KEY_SCHEME),
    ApiBearerAuth(BEARER_SCHEME),
    ApiUnauthorizedResponse({ description: 'No API key, or one that is unknown, revoked or expired' }),
    ApiForbiddenResponse({ description: `The key lacks the scope: ${scopes.join(', ')}` }),
    ApiTooManyRequestsResponse({ description: 'Rate limit exceeded; see Retry-After and RateLimit-* headers' }),
  );
}

/** A route anyone may call (health probes): still rate-limited per IP. */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(PUBLIC_KEY, true));
}
