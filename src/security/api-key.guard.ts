import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../core/config/app-config.service.js';
import { ApiKeysService } from './api-keys.service.js';
import { logCaller } from '../core/logging/logging.module.js';
import { presentedKey, securityOf } from './principal.js';

/**
 * First of the three global guards: finds out who is calling, and refuses nothing. The rate-limit
 * guard after it counts per key, or per IP for anyone without a valid key (so failed
 * authentication is throttled too); the scope guard last decides.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly enabled: boolean;

  constructor(
    private readonly keys: ApiKeysService,
    config: AppConfig,
  ) {
    this.enabled = config.get('SECURITY_ENABLED');
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.enabled) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = presentedKey(request);
    if (key === undefined) return true;
    const security = securityOf(request);
    const verdict = await this.keys.verify(key);
    security.principal = verdict.principal;
    security.authFailure = verdict.failure;
    if (verdict.principal) {
      logCaller(request.raw, { key: verdict.principal.prefix, module: verdict.principal.moduleName });
    }
    return true;
  }
}
