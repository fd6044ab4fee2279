import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Keyed, keysetAt } from './keyset.js';

export interface AuditEntry {
  auditId: string;
  at: Date;
  operation: string;
  success: boolean;
  statusCode: number | null;
  resourceId: string | null;
  moduleName: string | null;
  keyId: string | null;
  keyPrefix: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditRow {
  audit_id: string;
  created_at: Date;
  operation: string;
  success: boolean;
  status_code: number | null;
  resource_id: string | null;
  module_name: string | null;
  key_id: string | null;
  key_prefix: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditFilter {
  keyPrefix?: string;
  operation?: string;
  success?: boolean;
  from?: Date;
  to?: Date;
  before?: { createdAt: string; auditId: string };
  limit: number;
}

@Injectable()
export class SecurityAuditRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  /** Many entries in one statement: the audit writer flushes its buffer with this. */
  async insertMany(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const column = <K extends keyof AuditEntry>(key: K) => entries.map((entry) => entry[key] ?? null);
    await this.writer.query(
      `INSERT INTO security_audit (audit_id, created_at, operation, success, status_code, resource_id, module_name,
                                   key_id, key_prefix, ip, details)
       SELECT * FROM unnest($1::text[], $2::timestamp[], $3::text[], $4::boolean[], $5::smallint[], $6::text[], $7::text[],
                            $8::text[], $9::text[], $10::text[], $11::jsonb[])`,
      [
        column('auditId'),
        column('at'),
        column('operation'),
        column('success'),
        column('statusCode'),
        column('resourceId'),
        column('moduleName'),
        column('keyId'),
        column('keyPrefix'),
        column('ip'),
        entries.map((entry) => (entry.details ? JSON.stringify(entry.details) : null)),
      ],
    );
  }

  find(filter: AuditFilter): Promise<Array<AuditRow & Keyed>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      let text = sql;
      for (const value of values) {
        params.push(value);
        text = text.replace('?', `$${params.length}`);
      }
      where.push(text);
    };
    if (filter.keyPrefix) add('key_prefix = ?', filter.keyPrefix);
    if (filter.operation) add('operation = ?', filter.operation);
    if (filter.success !== undefined) add('success = ?', filter.success);
    if (filter.from) add('created_at >= ?', filter.from);
    if (filter.to) add('created_at < ?', filter.to);
    if (filter.before) add('(created_at, audit_id) < (?, ?)', filter.before.createdAt, filter.before.auditId);
    params.push(filter.limit);
    return this.writer.query(
      `SELECT *, ${keysetAt('created_at')} FROM security_audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, audit_id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async purgeOlderThan(days: number): Promise<number> {
    const rows: Array<{ n: number }> = await this.writer.query(
      `WITH purged AS (
         DELETE FROM security_audit WHERE created_at < now() - make_interval(days => $1) RETURNING 1
       ) SELECT count(*)::int AS n FROM purged`,
      [days],
    );
    return rows[0].n;
  }
}
