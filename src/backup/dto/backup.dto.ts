import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PageDto } from '../../core/http/page.dto.js';
import type { BackupRow } from '../../state/repositories/backup-log.repository.js';

export class BackupIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'backup_id must be a UUID' })
  backup_id: string;
}

export class BackupDto {
  @ApiProperty({ format: 'uuid' }) backup_id: string;
  @ApiProperty({
    enum: ['pg_dump', 'pglite_datadir'],
    description: 'pg_dump -Fc of PostgreSQL, or the PGlite data folder',
  })
  kind: string;
  @ApiProperty({ enum: ['schedule', 'manual'] }) trigger: string;
  @ApiProperty({ enum: ['RUNNING', 'SUCCEEDED', 'FAILED'] }) status: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'In BACKUP_DIR, with its manifest beside it (<file>.json)',
  })
  file_name: string | null;
  @ApiProperty({ nullable: true, type: 'integer' }) size_bytes: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of the file, hex' }) checksum_sha256:
    string | null;
  @ApiProperty({ nullable: true, type: 'integer' }) duration_ms: number | null;
  @ApiProperty({ description: 'Restored into a scratch database and every table matched its row count' })
  verified: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: Object,
    description:
      'listed_entries, drill (passed | failed | skipped), drill_ms, tables_compared, rows_compared, mismatches, reason',
  })
  verification: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({
    description: 'Every write acknowledged before this instant is in the backup',
    nullable: true,
    type: String,
  })
  snapshot_at: string | null;
  @ApiProperty() started_at: string;
  @ApiProperty({ nullable: true, type: String }) finished_at: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When retention deleted the file' })
  file_deleted_at: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Prefix of the key that asked for it (manual runs)' })
  requested_by: string | null;

  static of(row: BackupRow): BackupDto {
    const iso = (at: Date | null) => at?.toISOString() ?? null;
    return {
      backup_id: row.backup_id,
      kind: row.kind,
      trigger: row.trigger,
      status: row.status,
      file_name: row.file_name,
      size_bytes: row.size_bytes === null ? null : Number(row.size_bytes),
      checksum_sha256: row.checksum_sha256,
      duration_ms: row.duration_ms,
      verified: row.verified,
      verification: row.verification as Record<string, unknown> | null,
      error: row.error,
      snapshot_at: iso(row.snapshot_at),
      started_at: row.started_at.toISOString(),
      finished_at: iso(row.finished_at),
      file_deleted_at: iso(row.file_deleted_at),
      requested_by: row.requested_by,
    };
  }
}

export class BackupPageDto extends PageDto<BackupDto> {
  @ApiProperty({ type: BackupDto, isArray: true }) items: BackupDto[];
}
