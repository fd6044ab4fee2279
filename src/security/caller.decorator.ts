import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainException } from '../core/errors/domain.exception.js';
import { type Principal, securityOf } from './principal.js';
import { SecurityErrorCode } from './security.errors.js';

/** The calling key's principal (undefined on public routes, or with SECURITY_ENABLED=false). */
export const Caller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    securityOf(context.switchToHttp().getRequest<FastifyRequest>()).principal,
);

/** The module a module-bound key is confined to; null for an unbound key (or none). */
export const boundModule = (caller?: Principal): string | null => caller?.moduleName ?? null;

/** A module-bound key may act only for its own module (OWASP API1: object-level authorisation). */
export function assertActsFor(caller: Principal | undefined, moduleName: string): void {
  const bound = boundModule(caller);
  if (bound !== null && bound !== moduleName) {
    throw new DomainException(
      SecurityErrorCode.AuthWrongModule,
      `This API key is bound to module ${bound}: it cannot act for ${moduleName}.`,
    );
  }
}
