import type { AppConfig } from '../../core/config/app-config.service.js';
import { DomainException } from '../../core/errors/domain.exception.js';
import type { Principal } from '../../security/principal.js';
import { InAppErrorCode } from '../in-app.errors.js';

/**
 * Who reads an in-app notification: a name a subscription targets (`admins`, `ops-team`,
 * `module:OcrModule`). Plain tokens only: it appears in URLs, logs and NOTIFY payloads.
 */
export const AUDIENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/;
export const AUDIENCE_MESSAGE = 'audience must be 1-200 letters, digits, . _ : @ or -, starting with a letter or digit';

/**
 * The audience the platform's own notices go to (subscription.disabled and the admins' defaults),
 * and what the inbox and the stream read when no audience is named: NOTIFY_ADMIN_AUDIENCE.
 */
export const adminAudience = (config: AppConfig): string => config.get('NOTIFY_ADMIN_AUDIENCE');

/** The audience of a module's own notices: the only one a key bound to that module may read. */
export const moduleAudience = (moduleName: string) => `module:${moduleName}`;

/**
 * Object-level access to an audience (OWASP API1). A key holding notifications:read (or admin)
 * reads every audience, as it reads every subscription; a module-bound key reads only its
 * module's audience, so a worker's key cannot read the admins' inbox. Without security
 * (SECURITY_ENABLED=false) there is no caller and everything is open, as everywhere else.
 */
export function assertMayRead(caller: Principal | undefined, audience: string): void {
  if (!caller?.moduleName || audience === moduleAudience(caller.moduleName)) return;
  throw new DomainException(
    InAppErrorCode.InboxAudienceForbidden,
    `This API key is bound to module ${caller.moduleName}: it may read only the audience ${moduleAudience(caller.moduleName)}.`,
  );
}

/** Whether `caller` may read `audience`, for lookups that must answer 404 rather than reveal a row. */
export function mayRead(caller: Principal | undefined, audience: string): boolean {
  return !caller?.moduleName || audience === moduleAudience(caller.moduleName);
}
