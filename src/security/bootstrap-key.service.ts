import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../core/config/app-config.service.js';
import { ApiKeysRepository } from '../state/repositories/api-keys.repository.js';
import { generateApiKey, hashApiKey, parseApiKey } from './api-key.format.js';
import { Scope } from './scopes.js';

/**
 * The first admin key. BOOTSTRAP_ADMIN_KEY is ensured at every boot (inserted if absent; a key an
 * admin revoked stays revoked). Without it, on the embedded database with no admin key yet, one is
 * generated and printed once on stdout, never logged; on PostgreSQL a warning says what to set.
 */
@Injectable()
export class BootstrapKeyService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Security');

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get('SECURITY_ENABLED')) {
      this.logger.warn(
        'SECURITY_ENABLED=false: every route is open and unthrottled. Never run like this in production.',
      );
      return;
    }
    const pepper = this.config.get('API_KEY_PEPPER');
    const configured = this.config.get('BOOTSTRAP_ADMIN_KEY');
    if (configured) {
      const { prefix } = parseApiKey(configured)!;
      await this.keys.insertIfAbsent(this.adminKey(prefix, hashApiKey(configured, pepper), 'bootstrap admin'));
      return;
    }
    if (await this.keys.activeAdminExists()) return;
    if (!this.config.isEmbeddedDatabase) {
      this.logger.warn('No admin API key exists: set BOOTSTRAP_ADMIN_KEY to create one.');
      return;
    }
    const { prefix, key } = generateApiKey();
    await this.keys.insert(this.adminKey(prefix, hashApiKey(key, pepper), 'generated admin'));
    // The one time a secret is shown: straight to the console, past the logger and its sinks.
    process.stdout.write(
      `\nbotfleet generated an admin API key. It is shown only now; store it:\n\n  ${key}\n\n` +
        `Send it as "X-API-Key: ${'<key>'}" or "Authorization: Bearer <key>".\n\n`,
    );
  }

  private adminKey(prefix: string, hash: string, name: string) {
    return {
      keyId: `key_${prefix}`,
      name,
      prefix,
      hash,
      scopes: [Scope.Admin],
      moduleName: null,
      rateLimitPerMinute: null,
      expiresAt: null,
    };
  }
}
