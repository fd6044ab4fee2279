import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { BackupKind } from '../backup/backup-files.js';
import type { Verification } from '../backup/backup-engines.js';
import { type Keyed, keysetAt } from './keyset.js';

export type BackupStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';
export type BackupTrigger = 'schedule' | 'manual';

export interface BackupRow extends Keyed {
  backup_id: string;
  kind: BackupKind;
  trigger: BackupTrigger;
  status: BackupStatus;
  file_name: string | null;
  /** BIGINT: pg returns it as text. */
  size_bytes: string | null;
  checksum_sha256: string | null;
  duration_ms: number | null;
  verified: boolean;
  verification: Verification | null;
  error: string | null;
  instance_id: string;
  requested_by: string | null;
  started_at: Date;
  heartbeat_at: Date;
  snapshot_at: Date | null;
  finished_at: Date | null;
  file_deleted_at: Date | null;
}

export interface BackupFinish {
  fileName: string;
  sizeBytes: number;
  checksum: string;
  durationMs: number;
  verified: boolean;
  verification: Verification;
  snapshotAt: Date;
}

const UNIQUE_VIOLATION = '23505';
const RETURNING = `RETURNING *, ${keysetAt('started_at')}`;

@Injectable()
export class BackupLogRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  /**
   * The RUNNING row of a new backup, or undefined when one already runs (on any instance): the
   * partial unique index admits one RUNNING row. A RUNNING row whose instance has not beaten for
   * `staleAfterMs` is first taken back as FAILED: its instance died.
   */
  async start(
    backupId: string,
    kind: BackupKind,
    trigger: BackupTrigger,
    instanceId: string,
    requestedBy: string | null,
    staleAfterMs: number,
  ): Promise<BackupRow | undefined> {
    await this.writer.query(
      `UPDATE backup_log SET status = 'FAILED', finished_at = now(),
              error = 'abandoned: the instance running it stopped (no heartbeat)'
        WHERE status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [staleAfterMs],
    );
    try {
      const rows: BackupRow[] = await this.writer.query(
        `INSERT INTO backup_log (backup_id, kind, trigger, instance_id, requested_by) VALUES ($1, $2, $3, $4, $5) ${RETURNING}`,
        [backupId, kind, trigger, instanceId, requestedBy],
      );
      return rows[0];
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return undefined;
      throw error;
    }
  }

  async running(): Promise<BackupRow | undefined> {
    const rows: BackupRow[] = await this.writer.query(
      `SELECT *, ${keysetAt('started_at')} FROM backup_log WHERE status = 'RUNNING'`,
    );
    return rows[0];
  }

  async heartbeat(backupId: string): Promise<void> {
    await this.writer.query(`UPDATE backup_log SET heartbeat_at = now() WHERE backup_id = $1 AND status = 'RUNNING'`, [
      backupId,
    ]);
  }

  async succeed(backupId: string, done: BackupFinish): Promise<BackupRow> {
    const rows: [BackupRow[], number] = await this.writer.query(
      `UPDATE backup_log SET status = 'SUCCEEDED', finished_at = now(), file_name = $2, size_bytes = $3,
              checksum_sha256 = $4, duration_ms = $5, verified = $6, verification = $7, snapshot_at = $8
        WHERE backup_id = $1 ${RETURNING}`,
      [
        backupId,
        done.fileName,
        done.sizeBytes,
        done.checksum,
        done.durationMs,
        done.verified,
        done.verification,
        done.snapshotAt,
      ],
    );
    return rows[0][0];
  }

  async fail(backupId: string, error: string, durationMs: number, verification?: Verification): Promise<void> {
    await this.writer.query(
      `UPDATE backup_log SET status = 'FAILED', finished_at = now(), error = $2, duration_ms = $3,
              verification = $4 WHERE backup_id = $1`,
      [backupId, error.slice(0, 2_000), durationMs, verification ?? null],
    );
  }

  async get(backupId: string): Promise<BackupRow | undefined> {
    const rows: BackupRow[] = await this.writer.query(
      `SELECT *, ${keysetAt('started_at')} FROM backup_log WHERE backup_id = $1`,
      [backupId],
    );
    return rows[0];
  }

  /** Newest first, older than `before` when given. */
  find(before: { at: string; id: string } | undefined, limit: number): Promise<BackupRow[]> {
    return before
      ? this.writer.query(
          `SELECT *, ${keysetAt('started_at')} FROM backup_log WHERE (started_at, backup_id) < ($1, $2)
            ORDER BY started_at DESC, backup_id DESC LIMIT $3`,
          [before.at, before.id, limit],
        )
      : this.writer.query(
          `SELECT *, ${keysetAt('started_at')} FROM backup_log ORDER BY started_at DESC, backup_id DESC LIMIT $1`,
          [limit],
        );
  }

  /**
   * Backups whose files retention deletes: finished longer ago than `days`, files still there,
   * never the newest verified backup (if backups stopped working, the last good one stays).
   */
  expired(days: number): Promise<Array<Pick<BackupRow, 'backup_id' | 'file_name'>>> {
    return this.writer.query(
      `SELECT backup_id, file_name FROM backup_log
        WHERE status = 'SUCCEEDED' AND file_deleted_at IS NULL AND file_name IS NOT NULL
          AND started_at < now() - make_interval(days => $1)
          AND backup_id IS DISTINCT FROM (SELECT backup_id FROM backup_log WHERE status = 'SUCCEEDED' AND verified
                                           ORDER BY started_at DESC LIMIT 1)`,
      [days],
    );
  }

  async markFilesDeleted(backupIds: string[]): Promise<void> {
    if (backupIds.length === 0) return;
    await this.writer.query(`UPDATE backup_log SET file_deleted_at = now() WHERE backup_id = ANY($1::uuid[])`, [
      backupIds,
    ]);
  }
}
