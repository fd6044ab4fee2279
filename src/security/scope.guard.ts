import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../core/config/app-config.service.js';
import { DomainException } from '../core/errors/domain.exception.js';
import { AuditOperation, AuditService } from './audit.service.js';
import { PUBLIC_KEY, SCOPES_KEY } from './auth.decorator.js';
import { securityOf } from './principal.js';
import { grants, type Scope } from './scopes.js';
import { SecurityErrorCode } from './security.errors.js';

const REFUSED: Record<string, string> = {
  malformed: 'The API key is not in the bf_<prefix>_<secret> format.',
  unknown: 'The API key is not valid.',
  revoked: 'The API key has been revoked.',
  expired: 'The API key has expired.',
};

/** Last global guard: public routes pass; every other route needs a valid key holding its scopes. */
@Injectable()
export class ScopeGuard implements CanActivate {
  private readonly logger = new Logger(ScopeGuard.name);
  private readonly enabled: boolean;

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.enabled = config.get('SECURITY_ENABLED');
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.enabled) return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const { principal, authFailure } = securityOf(request);
    const resource = request.url.split('?')[0].slice(0, 50);
    if (!principal) {
      void http.getResponse<FastifyReply>().header('WWW-Authenticate', 'Bearer realm="botfleet"');
      this.audit.recordCall(AuditOperation.AuthFailed, request, undefined, {
        resourceId: resource,
        success: false,
        statusCode: 401,
        details: { method: request.method, reason: authFailure ?? 'missing' },
      });
      throw authFailure
        ? new DomainException(SecurityErrorCode.AuthInvalidKey, REFUSED[authFailure])
        : new DomainException(
            SecurityErrorCode.AuthRequired,
            'An API key is required: send X-API-Key or Authorization: Bearer.',
          );
    }
    const needed = this.reflector.getAllAndOverride<Scope[] | undefined>(SCOPES_KEY, targets);
    if (!needed) this.logger.error(`${request.method} ${resource} declares neither @Auth nor @Public: refused`);
    if (!needed || !grants(principal.scopes, needed)) {
      this.audit.recordCall(AuditOperation.Forbidden, request, principal, {
        resourceId: resource,
        success: false,
        statusCode: 403,
        details: { method: request.method, needed: needed ?? [] },
      });
      throw new DomainException(
        SecurityErrorCode.AuthForbidden,
        needed ? `This API key lacks the scope ${needed.join(', ')}.` : 'This route is not open to any key.',
      );
    }
    return true;
  }
}
