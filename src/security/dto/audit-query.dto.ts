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

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class AuditEntryDto {
  @ApiProperty() audit_id: string;
  @ApiProperty() created_at: string;
  @ApiProperty({ example: 'auth.failed' }) operation: string;
  @ApiProperty() success: boolean;
  @ApiProperty({ nullable: true, type: Number }) status_code: number | null;
  @ApiProperty({ nullable: true, type: String }) resource_id: string | null;
  @ApiProperty({ nullable: true, type: String }) module_name: string | null;
  @ApiProperty({ nullable: true, type: String }) key_id: string | null;
  @ApiProperty({ nullable: true, type: String }) key_prefix: string | null;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: Object }) details: Record<string, unknown> | null;

  static of({ keyset_at: _cursorOnly, ...row }: AuditRow & Keyed): AuditEntryDto {
    return { ...row, created_at: row.created_at.toISOString() };
  }
}

export class AuditPageDto extends PageDto<AuditEntryDto> {
  @ApiProperty({ type: AuditEntryDto, isArray: true }) items: AuditEntryDto[];
}
