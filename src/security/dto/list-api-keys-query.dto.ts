import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';

export class ListApiKeysQueryDto {
  @ApiPropertyOptional({ default: false, description: 'Include revoked keys' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  include_revoked?: boolean;
}

export class KeyIdParamDto {
  @ApiProperty({ example: 'key_3f9a1c2b' })
  @Matches(/^key_[0-9a-f]{8}$/, { message: 'key_id must look like key_<8 hex>' })
  key_id: string;
}
