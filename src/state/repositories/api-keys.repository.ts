import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface ApiKeyRow {
  key_id: string;
  name: string;
  key_prefix: string;
  api_key_hash: string;
  permissions: string[];
  module_name: string | null;
  rate_limit_per_minute: number | null;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  rotated_from: string | null;
}

export interface NewApiKey {
  keyId: string;
  name: string;
  prefix: string;
  hash: string;
  scopes: string[];
  moduleName: string | null;
  rateLimitPerMinute: number | null;
  expiresAt: Date | null;
  rotatedFrom?: string | null;
}

const INSERT = `INSERT INTO api_keys (key_id, name, key_prefix, api_key_hash, permissions, module_name,
                                      rate_limit_per_minute, expires_at, rotated_from)
                VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`;

const params = (key: NewApiKey) => [
  key.keyId,
  key.name,
  key.prefix,
  key.hash,
  JSON.stringify(key.scopes),
  key.moduleName,
  key.rateLimitPerMinute,
  key.expiresAt,
  key.rotatedFrom ?? null,
];

/** API keys: stored as hashes only; found by their public prefix. */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  async insert(key: NewApiKey): Promise<ApiKeyRow> {
    const rows: ApiKeyRow[] = await this.writer.query(`${INSERT} RETURNING *`, params(key));
    return rows[0];
  }

  /** Inserts the key unless one with its id exists (the configured bootstrap key, at every boot). */
  async insertIfAbsent(key: NewApiKey): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(`${INSERT} ON CONFLICT DO NOTHING RETURNING key_id`, params(key));
    return rows.length === 1;
  }

  /** The write pool: a key must work the moment its creation answered. */
  async findByPrefix(prefix: string): Promise<ApiKeyRow | null> {
    const rows: ApiKeyRow[] = await this.writer.query(`SELECT * FROM api_keys WHERE key_prefix = $1`, [prefix]);
    return rows[0] ?? null;
  }

  async findById(keyId: string): Promise<ApiKeyRow | null> {
    const rows: ApiKeyRow[] = await this.writer.query(`SELECT * FROM api_keys WHERE key_id = $1`, [keyId]);
    return rows[0] ?? null;
  }

  list(includeRevoked: boolean): Promise<ApiKeyRow[]> {
    return this.writer.query(
      `SELECT * FROM api_keys WHERE $1 OR revoked_at IS NULL ORDER BY created_at DESC, key_id LIMIT 1000`,
      [includeRevoked],
    );
  }

  async revoke(keyId: string): Promise<ApiKeyRow | null> {
    const rows: ApiKeyRow[] = await this.writer.query(
      `WITH revoked AS (
         UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE key_id = $1 RETURNING *
       ) SELECT * FROM revoked`,
      [keyId],
    );
    return rows[0] ?? null;
  }

  /**
   * Inserts the successor and shortens the old key's life to the overlap, in one transaction:
   * both keys work until then, so clients can switch without a gap.
   */
  async rotate(oldKeyId: string, successor: NewApiKey, overlapSeconds: number): Promise<ApiKeyRow | null> {
    return this.writer.transaction(async (tx) => {
      const old: ApiKeyRow[] = await tx.query(
        `WITH shortened AS (
           UPDATE api_keys
              SET expires_at = LEAST(COALESCE(expires_at, 'infinity'), now() + make_interval(secs => $2))
            WHERE key_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
           RETURNING *
         ) SELECT * FROM shortened`,
        [oldKeyId, overlapSeconds],
      );
      if (old.length === 0) return null;
      const rows: ApiKeyRow[] = await tx.query(`${INSERT} RETURNING *`, params(successor));
      return rows[0];
    });
  }

  async activeAdminExists(): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `SELECT 1 FROM api_keys WHERE permissions ? 'admin' AND revoked_at IS NULL
          AND (expires_at IS NULL OR expires_at > now()) LIMIT 1`,
    );
    return rows.length > 0;
  }

  /** One statement for every key used since the last call (see ApiKeysService). */
  async touch(keyIds: string[]): Promise<void> {
    if (keyIds.length === 0) return;
    await this.writer.query(`UPDATE api_keys SET last_used_at = now() WHERE key_id = ANY($1::text[])`, [keyIds]);
  }
}
