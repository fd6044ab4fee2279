import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

export class RobotIdParamDto {
  @ApiProperty({ example: 'LEGAL_1795310000000_42' })
  @Matches(/^[A-Za-z0-9_-]{1,50}$/, { message: 'robot_id is not a valid robot id' })
  robot_id: string;
}

export class ExecuteIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'execute_id must be a UUID' })
  execute_id: string;
}
