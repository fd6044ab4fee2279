import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PageDto } from '../../core/http/page.dto.js';
import type { BackupRow } from '../../state/repositories/backup-log.repository.js';

const BACKUP_ID = '381781e6-1b03-4562-97da-cae58c7de80f';

export class BackupIdParamDto {
  @ApiProperty({ format: 'uuid', example: BACKUP_ID })
  @IsUUID('all', { message: 'backup_id must be a UUID' })
  backup_id: string;
}

export class BackupDto {
  @ApiProperty({ format: 'uuid', example: BACKUP_ID })
  backup_id: string;

  @ApiProperty({
    enum: ['pg_dump', 'pglite_datadir'],
    description: 'pg_dump -Fc of PostgreSQL, or the PGlite data folder',
    example: 'pg_dump',
  })
  kind: string;

  @ApiProperty({ enum: ['schedule', 'manual'], example: 'manual' })
  trigger: string;

  @ApiProperty({ enum: ['RUNNING', 'SUCCEEDED', 'FAILED'], example: 'SUCCEEDED' })
  status: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'In BACKUP_DIR, with its manifest beside it (<file>.json)',
    example: 'botfleet-botfleet-20261204T020000Z-381781e6.dump',
  })
  file_name: string | null;

  @ApiProperty({ nullable: true, type: 'integer', example: 99_566 })
  size_bytes: number | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'SHA-256 of the file, hex',
    example: '2d7fb131a7043f67ce3c1df75591b5feac26a45aaf8a74365f2ea44f1062ec28',
  })
  checksum_sha256: string | null;

  @ApiProperty({ nullable: true, type: 'integer', example: 2_754 })
  duration_ms: number | null;

  @ApiProperty({ description: 'Restored into a scratch database and every table matched its row count', example: true })
  verified: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: Object,
    description:
      'listed_entries, drill (passed | failed | skipped), drill_ms, tables_compared, rows_compared, mismatches, reason',
    example: { listed_entries: 226, drill: 'passed', drill_ms: 1235, tables_compared: 29, rows_compared: 4210 },
  })
  verification: Record<string, unknown> | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  error: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Every write acknowledged before this instant is in the backup',
    example: '2026-12-04T02:00:00.095Z',
  })
  snapshot_at: string | null;

  @ApiProperty({ example: '2026-12-04T02:00:00.073Z' })
  started_at: string;

  @ApiProperty({ nullable: true, type: String, example: '2026-12-04T02:00:02.837Z' })
  finished_at: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'When retention deleted the file', example: null })
  file_deleted_at: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Prefix of the key that asked for it (manual runs)',
    example: '0000ad01',
  })
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
