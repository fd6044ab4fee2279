import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { type AuditEntry, SecurityAuditRepository } from '../state/repositories/security-audit.repository.js';
import type { Principal } from './principal.js';

const FLUSH_INTERVAL_MS = 250;
const FLUSH_AT = 200;
// Beyond this many unwritten entries (the database is down), the oldest are dropped and counted.
const MAX_BUFFERED = 10_000;

export enum AuditOperation {
  AuthFailed = 'auth.failed',
  Forbidden = 'auth.forbidden',
  RateLimited = 'rate_limit.exceeded',
  KeyCreated = 'api_key.created',
  KeyRevoked = 'api_key.revoked',
  KeyRotated = 'api_key.rotated',
  ModuleRegistered = 'module.registered',
  ModuleUpdated = 'module.updated',
  ModuleDeactivated = 'module.deactivated',
  AdminOperation = 'admin.operation',
}

export type AuditRecord = Omit<AuditEntry, 'auditId' | 'at'>;

export interface CallOutcome {
  resourceId: string;
  success?: boolean;
  statusCode?: number;
  moduleName?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The security audit trail, written off the request path: `record` only queues (seeds: async, no
 * added latency); a timer writes what is queued in one statement every 250 ms or 200 entries.
 */
@Injectable()
export class AuditService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SecurityAudit');
  private buffer: AuditEntry[] = [];
  private dropped = 0;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(private readonly audit: SecurityAuditRepository) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  record(entry: AuditRecord): void {
    if (this.buffer.length >= MAX_BUFFERED) {
      this.buffer.shift();
      this.dropped++;
    }
    this.buffer.push({ ...entry, auditId: randomUUID(), at: new Date() });
    if (this.buffer.length >= FLUSH_AT) void this.flush();
  }

  /** An entry about a call: the caller's key (or none) and IP did `operation` to a resource. */
  recordCall(
    operation: AuditOperation,
    request: FastifyRequest,
    caller: Principal | undefined,
    outcome: CallOutcome,
  ): void {
    this.record({
      operation,
      success: outcome.success ?? true,
      statusCode: outcome.statusCode ?? null,
      resourceId: outcome.resourceId.slice(0, 50),
      moduleName: outcome.moduleName ?? caller?.moduleName ?? null,
      keyId: caller?.keyId ?? null,
      keyPrefix: caller?.prefix ?? null,
      ip: request.ip,
      details: outcome.details ?? null,
    });
  }

  /** Writes what is queued; resolves when it is written (tests, shutdown). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.audit
      .insertMany(batch)
      .catch((error: Error) => {
        // Put them back for the next attempt, keeping the bound.
        this.buffer = [...batch, ...this.buffer].slice(-MAX_BUFFERED);
        this.logger.warn(`audit entries not written yet (${batch.length}): ${error.message}`);
      })
      .finally(() => {
        this.flushing = undefined;
        if (this.dropped > 0) {
          this.logger.error(`${this.dropped} audit entries dropped while the database was unavailable`);
          this.dropped = 0;
        }
      });
    await this.flushing;
  }
}
