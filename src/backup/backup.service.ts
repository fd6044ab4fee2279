import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../core/config/app-config.service.js';
import { DomainException } from '../core/errors/domain.exception.js';
import type { BackupEngine, Verification } from '../state/backup/backup-engines.js';
import { BACKUP_ENGINE } from '../state/backup/backup-engine.provider.js';
import { backupFileName, manifestPath, sha256File, writeManifest } from '../state/backup/backup-files.js';
import { JobRunner } from '../state/job-runner.service.js';
import {
  BackupLogRepository,
  type BackupRow,
  type BackupTrigger,
} from '../state/repositories/backup-log.repository.js';
import { BackupErrorCode } from './backup.errors.js';

/** A running backup beats this often; a RUNNING row silent for four beats belongs to a dead instance. */
const HEARTBEAT_MS = 15_000;
const STALE_AFTER_MS = 4 * HEARTBEAT_MS;

export interface StartedBackup {
  row: BackupRow;
  /** The finished row (SUCCEEDED or FAILED). */
  finished: Promise<BackupRow>;
}

/**
 * One backup at a time across the fleet: write the archive beside its final name, verify it
 * (listing, then a restore drill comparing every table's row count), checksum it, move it into
 * place with its manifest, record it in `backup_log`, then delete files past retention.
 */
@Injectable()
export class BackupService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(BackupService.name);
  private current?: { abort: AbortController; finished: Promise<BackupRow> };

  constructor(
    @Inject(BACKUP_ENGINE) private readonly engine: BackupEngine,
    private readonly log: BackupLogRepository,
    private readonly runner: JobRunner,
    private readonly config: AppConfig,
  ) {}

  get directory(): string {
    return this.config.get('BACKUP_DIR') ?? join(this.config.get('DATA_DIR'), 'backups');
  }

  async start(trigger: BackupTrigger, requestedBy: string | null): Promise<StartedBackup> {
    const unavailable = await this.engine.unavailable();
    if (unavailable) throw new DomainException(BackupErrorCode.BackupUnavailable, `Backups cannot run: ${unavailable}`);
    const row = await this.log.start(
      randomUUID(),
      this.engine.kind,
      trigger,
      this.runner.instanceId,
      requestedBy,
      STALE_AFTER_MS,
    );
    if (!row) {
      const running = await this.log.running();
      throw new DomainException(BackupErrorCode.BackupRunning, 'A backup is already running.', {
        running_backup_id: running?.backup_id,
      });
    }
    const abort = new AbortController();
    const timeout = setTimeout(
      () =>
        abort.abort(new Error(`still running after BACKUP_TIMEOUT_MS (${this.config.get('BACKUP_TIMEOUT_MS')} ms)`)),
      this.config.get('BACKUP_TIMEOUT_MS'),
    );
    const finished = this.run(row, abort.signal).finally(() => {
      clearTimeout(timeout);
      this.current = undefined;
    });
    this.current = { abort, finished };
    return { row, finished };
  }

  /** The scheduled tick: one backup, awaited; its outcome goes to `job_runs`. */
  async runScheduled(): Promise<Record<string, unknown>> {
    try {
      const done = await (await this.start('schedule', null)).finished;
      return { backup_id: done.backup_id, status: done.status, file_name: done.file_name, verified: done.verified };
    } catch (error) {
      if (error instanceof DomainException) return { skipped: error.detail };
      throw error;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.current) return;
    this.current.abort.abort(new Error('the instance is shutting down'));
    await this.current.finished;
  }

  private async run(row: BackupRow, signal: AbortSignal): Promise<BackupRow> {
    const started = Date.now();
    const fileName = backupFileName(this.engine.kind, this.engine.database, row.started_at, row.backup_id);
    const file = join(this.directory, fileName);
    const partial = `${file}.partial`;
    const beat = setInterval(() => void this.log.heartbeat(row.backup_id).catch(() => undefined), HEARTBEAT_MS);
    beat.unref();
    let verification: Verification | undefined;
    try {
      await mkdir(this.directory, { recursive: true, mode: 0o700 });
      const dumped = await this.engine.dump(partial, signal);
      signal.throwIfAborted();
      // pg_dump writes 0644; a backup holds every robot's data.
      await chmod(partial, 0o600);
      const checksum = await sha256File(partial);
      verification = await this.engine.verify(partial, dumped, this.config.get('BACKUP_VERIFY_RESTORE'), signal);
      if (verification.drill === 'failed') throw new Error(`the restore drill failed: ${verification.reason}`);
      const { size } = await stat(partial);
      await rename(partial, file);
      const done = await this.log.succeed(row.backup_id, {
        fileName,
        sizeBytes: size,
        checksum,
        durationMs: Date.now() - started,
        verified: verification.drill === 'passed',
        verification,
        snapshotAt: dumped.snapshotAt,
      });
      await writeManifest(file, {
        format: 'botfleet-backup/1',
        backup_id: row.backup_id,
        kind: this.engine.kind,
        database: this.engine.database,
        server_version: dumped.serverVersion,
        last_migration: dumped.lastMigration,
        snapshot_at: dumped.snapshotAt.toISOString(),
        finished_at: new Date().toISOString(),
        size_bytes: size,
        checksum_sha256: checksum,
        verified: done.verified,
        counts: dumped.counts,
      });
      this.logger.log(
        `Backup ${fileName}: ${size} bytes in ${done.duration_ms} ms, restore drill ${verification.drill}`,
      );
      await this.applyRetention();
      return done;
    } catch (error) {
      const message = (error as Error).message;
      await rm(partial, { force: true });
      this.logger.error(`Backup ${fileName} failed: ${message}`);
      await this.log.fail(row.backup_id, message, Date.now() - started, verification);
      return (await this.log.get(row.backup_id)) as BackupRow;
    } finally {
      clearInterval(beat);
    }
  }

  /** Deletes the files of backups past BACKUP_RETENTION_DAYS, keeping the newest verified one. */
  async applyRetention(): Promise<number> {
    const expired = await this.log.expired(this.config.get('BACKUP_RETENTION_DAYS'));
    for (const { file_name } of expired) {
      const file = join(this.directory, file_name as string);
      await rm(file, { force: true });
      await rm(manifestPath(file), { force: true });
    }
    await this.log.markFilesDeleted(expired.map((row) => row.backup_id));
    if (expired.length > 0) this.logger.log(`Backup retention deleted ${expired.length} file(s)`);
    return expired.length;
  }
}
