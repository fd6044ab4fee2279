import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { toBoolean } from './to-boolean.js';

/**
 * The shape of a botfleet API key (see security/api-key.format.ts): `bf_<prefix>_<secret>`. Here
 * because the configuration validates BOOTSTRAP_ADMIN_KEY and core depends on no layer.
 */
export const API_KEY_PATTERN = /^bf_([0-9a-f]{8})_([A-Za-z0-9_-]{32,128})$/;

/** API keys, authentication, rate limits and CORS. */
export class SecuritySettings {
  /**
   * An admin API key ensured at every boot (`bf_<8 hex>_<32+ of A-Z a-z 0-9 _ ->`). Unset on the
   * embedded database with no admin key yet: one is generated and printed once.
   */
  @IsOptional()
  @Matches(API_KEY_PATTERN, { message: 'BOOTSTRAP_ADMIN_KEY must look like bf_<8 hex>_<32 to 128 of A-Z a-z 0-9 _ ->' })
  BOOTSTRAP_ADMIN_KEY?: string;

  /** Server-side secret mixed into stored key hashes (HMAC-SHA-256); changing it invalidates every key. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'API_KEY_PEPPER must be at least 16 characters' })
  API_KEY_PEPPER?: string;

  /**
   * Key for the secrets the service keeps encrypted at rest (webhook signing secrets, mailbox
   * passwords): 32 bytes in base64. Required with DATABASE_URL; generated into DATA_DIR otherwise.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'SECRETS_KEY must be 32 bytes in base64 (openssl rand -base64 32)' })
  SECRETS_KEY?: string;

  /** Turns authentication, scopes and rate limits off: only to price them in a benchmark. */
  @Transform(toBoolean)
  @IsBoolean()
  SECURITY_ENABLED: boolean = true;

  /** How long a validated key is trusted without asking the database: a revoked key is refused within this. */
  @IsInt()
  @Min(0)
  @Max(60_000)
  API_KEY_CACHE_MS: number = 1_000;

  /** After a rotation the old key keeps working this long, so clients switch without a gap. */
  @IsInt()
  @Min(0)
  @Max(30 * 86_400)
  API_KEY_ROTATION_OVERLAP_SECONDS: number = 86_400;

  // Rate limits per minute (seeds: 100 per key, 1000 for health, 10 for bulk operations).
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 100;

  @IsInt()
  @Min(1)
  RATE_LIMIT_HEALTH_PER_MINUTE: number = 1_000;

  @IsInt()
  @Min(1)
  RATE_LIMIT_BULK_PER_MINUTE: number = 10;

  // The worker protocol (claims, progress, complete, fail) per key: a worker reporting a few steps
  // per robot makes several calls a second; 6,000/min lets one run ~20-50 robots/s one call at a
  // time, and thousands with claim and batch completion. A key's own limit or its module's
  // override (RATE_LIMIT_MODULE_OVERRIDES) still come first.
  @IsInt()
  @Min(1)
  RATE_LIMIT_WORK_PER_MINUTE: number = 6_000;

  /** Requests without a valid key (public routes, failed authentication), per client IP. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_IP_PER_MINUTE: number = 300;

  /** Per-module limits for module-bound keys: `ModuleA=600,ModuleB=6000`. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,100}=\d{1,9}(,[A-Za-z0-9_.-]{1,100}=\d{1,9})*$/, {
    message: 'RATE_LIMIT_MODULE_OVERRIDES must look like ModuleA=600,ModuleB=6000',
  })
  RATE_LIMIT_MODULE_OVERRIDES?: string;

  /** Allowed CORS origins, comma-separated (`*` for any); unset: no cross-origin access. */
  @IsOptional()
  @Matches(/^(\*|https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*)$/, {
    message: 'CORS_ORIGINS must be * or a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;
}
