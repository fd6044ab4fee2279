import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { StripHtml } from '../../core/validation/strip-html.js';
import { ALL_SCOPES, Scope } from '../scopes.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'legal-worker-prod', description: 'Who or what uses the key (shown in lists and audit)' })
  @StripHtml()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({
    enum: Scope,
    isArray: true,
    minItems: 1,
    maxItems: ALL_SCOPES.length,
    example: [Scope.Work, Scope.ModulesWrite],
  })
  @IsArray()
  @ArrayMinSize(1)
  // Unique scopes only, so there can never be more than there are scopes.
  @ArrayMaxSize(ALL_SCOPES.length)
  @ArrayUnique()
  @IsEnum(Scope, { each: true })
  scopes: Scope[];

  @ApiPropertyOptional({ example: 'LegalModule', description: 'Bind the key to one registered module' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/, { message: 'module_name must be a registered module name' })
  module_name?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 100_000_000,
    example: 6000,
    description: 'Requests per minute for this key (default RATE_LIMIT_PER_MINUTE)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  rate_limit_per_minute?: number;

  @ApiPropertyOptional({ example: '2027-06-30T00:00:00Z', description: 'When the key stops working' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'expires_at must be an ISO 8601 date-time' })
  expires_at?: string;
}
