import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per backup: what was written, how big, how long it took, its SHA-256, and whether it was
 * proved restorable. At most one backup runs at a time across every instance (the partial unique
 * index); a row whose instance stopped beating is taken back as FAILED by the next run.
 */
export class BackupLog1765152000000 implements MigrationInterface {
  name = 'BackupLog1765152000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE backup_status_enum AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED')`);
    await db.query(`
      CREATE TABLE backup_log (
        backup_id UUID PRIMARY KEY,
        kind VARCHAR(20) NOT NULL CHECK (kind IN ('pg_dump', 'pglite_datadir')),
        trigger VARCHAR(20) NOT NULL CHECK (trigger IN ('schedule', 'manual')),
        status backup_status_enum NOT NULL DEFAULT 'RUNNING',
        file_name VARCHAR(255),
        size_bytes BIGINT,
        checksum_sha256 CHAR(64),
        duration_ms INTEGER,
        verified BOOLEAN NOT NULL DEFAULT false,
        verification JSONB,
        error TEXT,
        instance_id VARCHAR(100) NOT NULL,
        requested_by VARCHAR(100),
        started_at TIMESTAMP NOT NULL DEFAULT NOW(),
        heartbeat_at TIMESTAMP NOT NULL DEFAULT NOW(),
        snapshot_at TIMESTAMP,
        finished_at TIMESTAMP,
        file_deleted_at TIMESTAMP
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_backup_log_running ON backup_log ((true)) WHERE status = 'RUNNING'`);
    await db.query(`CREATE INDEX idx_backup_log_started ON backup_log (started_at DESC, backup_id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE backup_log`);
    await db.query(`DROP TYPE backup_status_enum`);
  }
}
