import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { CreateRobotDto } from './create-robot.dto.js';
import { RobotResponseDto } from './robot-response.dto.js';
import { RobotWarningDto } from './robot-warning.dto.js';
import { ROBOT_LIMITS } from '../../sdk/index.js';

export const MAX_BULK_ROBOTS = ROBOT_LIMITS.robotsPerCall;

export class BulkCreateRobotsDto {
  @ApiProperty({
    type: CreateRobotDto,
    isArray: true,
    minItems: 1,
    maxItems: MAX_BULK_ROBOTS,
    description: `1-${MAX_BULK_ROBOTS} robots, created all or none`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ROBOTS)
  @ValidateNested({ each: true })
  @Type(() => CreateRobotDto)
  robots: CreateRobotDto[];
}

export class BulkCreateRobotsResponseDto {
  @ApiProperty({ type: 'integer', example: 2, description: '0 on a replay' }) created: number;
  @ApiProperty({ type: RobotResponseDto, isArray: true, description: 'In request order' }) robots: RobotResponseDto[];
  @ApiPropertyOptional({
    type: RobotWarningDto,
    isArray: true,
    description: 'One per unknown robot_type; only when not empty',
  })
  warnings?: RobotWarningDto[];
}
