import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../core/http/page-query.dto.js';
import { ROBOT_TYPE_PATTERN } from '../../core/validation/identifiers.js';
import { MODULE_NAME_PATTERN } from '../../registry/dto/register-module.dto.js';
import { RobotStatus } from '../../state/entities/index.js';

export class ListRobotsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RobotStatus })
  @IsOptional()
  @IsEnum(RobotStatus)
  status?: RobotStatus;

  @ApiPropertyOptional({ example: 'legal_review' })
  @IsOptional()
  @Matches(ROBOT_TYPE_PATTERN, { message: 'robot_type must be 1-50 lowercase letters, digits, _ . or -' })
  robot_type?: string;

  @ApiPropertyOptional({ example: 'LegalModule' })
  @IsOptional()
  @Matches(MODULE_NAME_PATTERN, {
    message: 'module_name must start with a letter and hold only letters, digits, _ or -',
  })
  module_name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  correlation_id?: string;

  @ApiPropertyOptional({ example: '2026-11-22T00:00:00Z', description: 'Created at or after (ISO 8601)' })
  @IsOptional()
  @IsDateString({ strict: true })
  created_from?: string;

  @ApiPropertyOptional({ example: '2026-11-23T00:00:00Z', description: 'Created before (ISO 8601)' })
  @IsOptional()
  @IsDateString({ strict: true })
  created_to?: string;
}
