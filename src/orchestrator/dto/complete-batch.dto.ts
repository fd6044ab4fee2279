import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { CompleteDto } from './execution.dto.js';
import { RobotResponseDto } from './robot-response.dto.js';

/** Most results one batch completion takes: a claim's worth (max_robots is at most 100). */
export const MAX_BATCH_COMPLETIONS = 100;

export class CompleteBatchItemDto extends CompleteDto {
  @ApiProperty({ format: 'uuid', description: 'The attempt, as the claim returned it' })
  @IsUUID('all', { message: 'execute_id must be a UUID' })
  execute_id: string;
}

export class CompleteBatchDto {
  @ApiProperty({ type: [CompleteBatchItemDto], minItems: 1, maxItems: MAX_BATCH_COMPLETIONS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_COMPLETIONS)
  @ArrayUnique((item: { execute_id?: unknown } | null) => item?.execute_id, {
    message: 'results must not name an execute_id twice',
  })
  @ValidateNested({ each: true })
  @Type(() => CompleteBatchItemDto)
  results: CompleteBatchItemDto[];
}

export enum BatchOutcome {
  Completed = 'completed',
  LeaseLost = 'lease_lost',
  Unavailable = 'unavailable',
}

export class CompleteBatchItemResultDto {
  @ApiProperty({ format: 'uuid', example: '01931f2e-7c4a-7b3d-9e1f-2a3b4c5d6e7f' }) execute_id: string;

  @ApiProperty({
    enum: BatchOutcome,
    example: BatchOutcome.Completed,
    description:
      'completed; lease_lost (the lease expired and was reclaimed, the robot was cancelled, or a module-bound key does ' +
      'not own it: the same as a 409 on the single call); unavailable (the database failed: retry this one)',
  })
  status: BatchOutcome;

  @ApiPropertyOptional({ type: RobotResponseDto, description: 'The robot, when completed' })
  robot?: RobotResponseDto;
}

export class CompleteBatchResponseDto {
  @ApiProperty({ type: 'integer', example: 99 }) completed: number;
  @ApiProperty({ type: 'integer', example: 1 }) refused: number;

  @ApiProperty({ type: [CompleteBatchItemResultDto], description: 'One per result sent, in the same order' })
  results: CompleteBatchItemResultDto[];
}
