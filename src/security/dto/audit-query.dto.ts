import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageDto } from '../../core/http/page.dto.js';
import type { Keyed } from '../../state/repositories/keyset.js';
import type { AuditRow } from '../../state/repositories/security-audit.repository.js';

export class AuditQueryDto {
  @ApiPropertyOptional({ example: '3f9a1c2b' })
  @IsOptional()
  @Matches(/^[0-9a-f]{8}$/, { message: 'key_prefix must be 8 hex characters' })
  key_prefix?: string;

  @ApiPropertyOptional({ example: 'auth.failed' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_.]{1,100}$/, { message: 'operation must be an audit operation such as auth.failed' })
  operation?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  success?: boolean;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'next_cursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class AuditEntryDto {
  @ApiProperty({ example: '01931f2e-7c4a-7b3d-9e1f-2a3b4c5d6e7f' }) audit_id: string;
  @ApiProperty({ example: '2026-11-23T09:00:00.000Z' }) created_at: string;
  @ApiProperty({ example: 'auth.failed' }) operation: string;
  @ApiProperty({ example: false }) success: boolean;
  @ApiProperty({ nullable: true, type: 'integer', example: 401 }) status_code: number | null;
  @ApiProperty({ nullable: true, type: String, example: '/api/v1/robots' }) resource_id: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) module_name: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) key_id: string | null;
  @ApiProperty({ nullable: true, type: String, example: '3f9a1c2b' }) key_prefix: string | null;
  @ApiProperty({ nullable: true, type: String, example: '10.0.0.7' }) ip: string | null;
  @ApiProperty({ nullable: true, type: Object, example: { method: 'GET', reason: 'unknown' } }) details: Record<
    string,
    unknown
  > | null;

  static of({ keyset_at: _cursorOnly, ...row }: AuditRow & Keyed): AuditEntryDto {
    return { ...row, created_at: row.created_at.toISOString() };
  }
}

export class AuditPageDto extends PageDto<AuditEntryDto> {
  @ApiProperty({ type: AuditEntryDto, isArray: true }) items: AuditEntryDto[];
}
