import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../core/config/app-config.service.js';
import { DomainException } from '../core/errors/domain.exception.js';
import { type ApiKeyRow, ApiKeysRepository, type NewApiKey } from '../state/repositories/api-keys.repository.js';
import { generateApiKey, hashApiKey, parseApiKey, sameHash } from './api-key.format.js';
import type { Principal, SecurityContext } from './principal.js';
import { SecurityErrorCode } from './security.errors.js';

const CACHE_MAX_ENTRIES = 10_000;
// last_used_at is a hint for operators ("is this key still in use?"), not an access log: one
// write per minute for all keys used in it, instead of one per request.
const TOUCH_INTERVAL_MS = 60_000;

interface CachedVerdict {
  until: number;
  keyId: string | null;
  principal: Principal | null;
  failure?: SecurityContext['authFailure'];
}

export interface KeySpec {
  name: string;
  scopes: string[];
  moduleName: string | null;
  rateLimitPerMinute: number | null;
  expiresAt: Date | null;
}

const isForeignKeyViolation = (error: unknown) =>
  (error as { code?: unknown })?.code === '23503' ||
  (error as { driverError?: { code?: unknown } })?.driverError?.code === '23503';

/**
 * API keys: issue (the secret is returned once and only its hash is stored), verify, revoke,
 * rotate. Verdicts are cached for API_KEY_CACHE_MS, so a revoked key is refused within that on
 * every instance, and a revocation here drops it at once.
 */
@Injectable()
export class ApiKeysService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly verdicts = new Map<string, CachedVerdict>();
  private readonly lookups = new Map<string, Promise<CachedVerdict>>();
  private readonly used = new Set<string>();
  private readonly pepper?: string;
  private readonly cacheMs: number;
  private readonly overlapSeconds: number;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly keys: ApiKeysRepository,
    config: AppConfig,
  ) {
    this.pepper = config.get('API_KEY_PEPPER');
    this.cacheMs = config.get('API_KEY_CACHE_MS');
    this.overlapSeconds = config.get('API_KEY_ROTATION_OVERLAP_SECONDS');
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flushUsage(), TOUCH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flushUsage();
  }

  /** The principal a presented key stands for, or why it was refused. */
  async verify(presented: string): Promise<{ principal?: Principal; failure?: SecurityContext['authFailure'] }> {
    if (!parseApiKey(presented)) return { failure: 'malformed' };
    const hash = hashApiKey(presented, this.pepper);
    const now = Date.now();
    let verdict = this.verdicts.get(hash);
    if (!verdict || verdict.until <= now) verdict = await this.refresh(presented, hash, now);
    if (verdict.principal) this.used.add(verdict.principal.keyId);
    return verdict.principal ? { principal: verdict.principal } : { failure: verdict.failure };
  }

  /**
   * One database lookup per key at a time: when a busy key's verdict expires, the requests that
   * arrive before the lookup answers wait for it instead of each sending their own.
   */
  private refresh(presented: string, hash: string, now: number): Promise<CachedVerdict> {
    let pending = this.lookups.get(hash);
    if (!pending) {
      pending = this.lookUp(presented, hash, now)
        .then((verdict) => {
          if (this.verdicts.size >= CACHE_MAX_ENTRIES) this.verdicts.delete(this.verdicts.keys().next().value!);
          this.verdicts.set(hash, verdict);
          return verdict;
        })
        .finally(() => this.lookups.delete(hash));
      this.lookups.set(hash, pending);
    }
    return pending;
  }

  private async lookUp(presented: string, hash: string, now: number): Promise<CachedVerdict> {
    const row = await this.keys.findByPrefix(parseApiKey(presented)!.prefix);
    const until = now + this.cacheMs;
    if (!row || !sameHash(row.api_key_hash, hash)) return { until, keyId: null, principal: null, failure: 'unknown' };
    if (row.revoked_at) return { until, keyId: row.key_id, principal: null, failure: 'revoked' };
    const expiresAt = row.expires_at?.getTime() ?? Infinity;
    if (expiresAt <= now) return { until, keyId: row.key_id, principal: null, failure: 'expired' };
    return { until: Math.min(until, expiresAt), keyId: row.key_id, principal: principalOf(row) };
  }

  async create(spec: KeySpec, rotatedFrom?: ApiKeyRow): Promise<{ row: ApiKeyRow; key: string }> {
    const { prefix, key } = generateApiKey();
    const record: NewApiKey = {
      keyId: `key_${prefix}`,
      name: spec.name,
      prefix,
      hash: hashApiKey(key, this.pepper),
      scopes: spec.scopes,
      moduleName: spec.moduleName,
      rateLimitPerMinute: spec.rateLimitPerMinute,
      expiresAt: spec.expiresAt,
      rotatedFrom: rotatedFrom?.key_id ?? null,
    };
    try {
      const row = rotatedFrom
        ? await this.keys.rotate(rotatedFrom.key_id, record, this.overlapSeconds)
        : await this.keys.insert(record);
      if (!row) throw notRotatable(rotatedFrom!.key_id);
      if (rotatedFrom) this.forget(rotatedFrom.key_id);
      return { row, key };
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new DomainException(
        SecurityErrorCode.ApiKeyModuleNotRegistered,
        `No module is registered as ${spec.moduleName}: register it before binding a key to it.`,
      );
    }
  }

  list(includeRevoked: boolean): Promise<ApiKeyRow[]> {
    return this.keys.list(includeRevoked);
  }

  async get(keyId: string): Promise<ApiKeyRow> {
    const row = await this.keys.findById(keyId);
    if (!row) throw keyNotFound(keyId);
    return row;
  }

  async revoke(keyId: string): Promise<ApiKeyRow> {
    const row = await this.keys.revoke(keyId);
    if (!row) throw keyNotFound(keyId);
    this.forget(keyId);
    return row;
  }

  /** A new key with the same rights; the old one keeps working for the overlap, then expires. */
  async rotate(keyId: string): Promise<{ row: ApiKeyRow; key: string }> {
    const old = await this.get(keyId);
    return this.create(
      {
        name: old.name,
        scopes: old.permissions,
        moduleName: old.module_name,
        rateLimitPerMinute: old.rate_limit_per_minute,
        expiresAt: null,
      },
      old,
    );
  }

  /** Drops this instance's cached verdicts for a key (other instances forget within API_KEY_CACHE_MS). */
  private forget(keyId: string): void {
    for (const [hash, verdict] of this.verdicts) if (verdict.keyId === keyId) this.verdicts.delete(hash);
  }

  private async flushUsage(): Promise<void> {
    const ids = [...this.used];
    this.used.clear();
    await this.keys.touch(ids).catch((error: Error) => this.logger.warn(`last_used_at not recorded: ${error.message}`));
  }
}

function principalOf(row: ApiKeyRow): Principal {
  return {
    keyId: row.key_id,
    prefix: row.key_prefix,
    scopes: row.permissions,
    moduleName: row.module_name,
    rateLimitPerMinute: row.rate_limit_per_minute,
  };
}

const keyNotFound = (keyId: string) => new DomainException(SecurityErrorCode.ApiKeyNotFound, `No API key ${keyId}.`);

const notRotatable = (keyId: string) =>
  new DomainException(
    SecurityErrorCode.ApiKeyNotRotatable,
    `API key ${keyId} is revoked or expired: it cannot be rotated.`,
  );
