import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { CreateRobotDto } from './create-robot.dto.js';
import { RobotResponseDto } from './robot-response.dto.js';

export const MAX_BULK_ROBOTS = 1_000;

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
}
