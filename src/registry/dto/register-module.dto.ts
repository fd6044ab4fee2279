import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ROBOT_TYPE_PATTERN } from '../../core/validation/identifiers.js';

export const MODULE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,99}$/;
const VERSION_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.+-]{0,49}$/;

export class RegisterModuleDto {
  @ApiProperty({ example: 'LegalModule', description: 'Unique name; letters, digits, _ and -, starting with a letter' })
  @IsString()
  @Matches(MODULE_NAME_PATTERN, {
    message: 'module_name must start with a letter and hold only letters, digits, _ or - (100 at most)',
  })
  module_name: string;

  @ApiProperty({ example: '1.2.0' })
  @IsString()
  @Matches(VERSION_PATTERN, { message: 'module_version must be 1-50 letters, digits, . + or -' })
  module_version: string;

  @ApiProperty({
    example: ['legal_review', 'contract_check'],
    minItems: 1,
    maxItems: 50,
    description: 'Robot types this module processes (1-50)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(ROBOT_TYPE_PATTERN, {
    each: true,
    message: 'each supported robot type must be 1-50 lowercase letters, digits, _ . or -',
  })
  supported_robot_types: string[];

  @ApiPropertyOptional({ example: 'http://legal-worker:8080/health', description: 'Polled by the health monitor' })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'health_endpoint must be an http(s) URL' },
  )
  @MaxLength(200)
  health_endpoint?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 10_000,
    example: 10,
    default: 10,
    description: 'Robots the module may run at once',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  max_concurrent_robots?: number;

  @ApiPropertyOptional({
    example: { team: 'legal', owner: 'ops@example.com' },
    description: 'Free-form metadata (16 KB at most)',
  })
  @IsOptional()
  @IsObject()
  registration_data?: Record<string, unknown>;
}

export class UpdateModuleDto extends PartialType(OmitType(RegisterModuleDto, ['module_name'] as const)) {
  @ApiPropertyOptional({ description: 'false takes the module out of routing; true brings it back' })
  @IsOptional()
  @IsBoolean()
  is_active?: boolean;
}
