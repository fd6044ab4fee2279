import { ApiProperty } from '@nestjs/swagger';
import type { ApiKeyRow } from '../../state/repositories/api-keys.repository.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export class ApiKeyResponseDto {
  @ApiProperty({ example: 'key_3f9a1c2b' }) key_id: string;
  @ApiProperty({ example: 'legal-worker-prod' }) name: string;
  @ApiProperty({ example: '3f9a1c2b', description: 'Public part of the key: bf_<key_prefix>_…' }) key_prefix: string;
  @ApiProperty({ example: ['work'] }) scopes: string[];
  @ApiProperty({ nullable: true, type: String, example: 'LegalModule' }) module_name: string | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 6000 }) rate_limit_per_minute: number | null;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'], example: 'active' }) status: 'active' | 'expired' | 'revoked';
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) created_at: string;
  @ApiProperty({ nullable: true, type: String, example: '2027-06-30T00:00:00.000Z' }) expires_at: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) last_used_at: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) revoked_at: string | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'The key this one replaced' })
  rotated_from: string | null;

  static of(row: ApiKeyRow): ApiKeyResponseDto {
    const expired = row.expires_at !== null && row.expires_at.getTime() <= Date.now();
    return {
      key_id: row.key_id,
      name: row.name,
      key_prefix: row.key_prefix,
      scopes: row.permissions,
      module_name: row.module_name,
      rate_limit_per_minute: row.rate_limit_per_minute,
      status: row.revoked_at ? 'revoked' : expired ? 'expired' : 'active',
      created_at: row.created_at.toISOString(),
      expires_at: iso(row.expires_at),
      last_used_at: iso(row.last_used_at),
      revoked_at: iso(row.revoked_at),
      rotated_from: row.rotated_from,
    };
  }
}

export class IssuedApiKeyDto extends ApiKeyResponseDto {
  @ApiProperty({
    example: 'bf_3f9a1c2b_Zx…',
    description: 'The secret: shown in this answer only, never again. Store it now.',
  })
  api_key: string;
}
