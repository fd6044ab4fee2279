import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { ROBOT_TYPE_PATTERN } from '../../core/validation/identifiers.js';

export class ListModulesQueryDto {
  @ApiPropertyOptional({ default: false, description: 'Include deactivated modules' })
  @IsOptional()
  // Query strings are text: only "true" and "false" are booleans here.
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) =>
    obj[key] === 'true' ? true : obj[key] === 'false' ? false : obj[key],
  )
  @IsBoolean({ message: 'include_inactive must be true or false' })
  include_inactive?: boolean;

  @ApiPropertyOptional({ example: 'legal_review', description: 'Only modules that process this robot type' })
  @IsOptional()
  @Matches(ROBOT_TYPE_PATTERN, { message: 'robot_type must be 1-50 lowercase letters, digits, _ . or -' })
  robot_type?: string;
}
