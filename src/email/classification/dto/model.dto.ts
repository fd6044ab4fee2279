import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { PageDto } from '../../../core/http/page.dto.js';
import type { ClassifierModelRow } from '../repositories/classifier-models.repository.js';

export class ModelVersionDto {
  @ApiProperty({ type: 'integer', example: 3 })
  version: number;
  @ApiProperty({ enum: ['TRAINING', 'READY', 'ACTIVE', 'RETIRED', 'FAILED'], example: 'READY' })
  status: string;
  @ApiProperty({ type: [String], example: ['invoice', 'spam', 'support'] })
  classes: string[];
  @ApiProperty({ type: 'integer', example: 818 })
  example_count: number;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    example: {
      accuracy: 0.67,
      macro_f1: 0.41,
      baseline_majority_accuracy: 0.46,
      coverage: [
        { coverage: 0.5, accuracy: 0.82, min_confidence: 0.71 },
        { coverage: 0.8, accuracy: 0.73, min_confidence: 0.48 },
      ],
    },
    description:
      '5-fold stratified cross-validation: accuracy, macro_f1, per_class, coverage (accuracy on the most confident share), thresholds per class, calibration_error; a scheduled retrain adds its verdict as retrain',
  })
  metrics: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'why it FAILED' })
  error: string | null;
  @ApiProperty({ nullable: true, type: String, example: '0000ad01' })
  created_by: string | null;
  @ApiProperty({ example: '2026-12-02T09:00:00.000Z' })
  created_at: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-02T09:00:12.000Z' })
  trained_at: string | null;
  @ApiProperty({ nullable: true, type: String, example: null })
  activated_at: string | null;

  static of(row: ClassifierModelRow): ModelVersionDto {
    return {
      version: row.version,
      status: row.status,
      classes: row.classes,
      example_count: row.example_count,
      metrics: row.metrics,
      error: row.error,
      created_by: row.created_by,
      created_at: row.created_at.toISOString(),
      trained_at: row.trained_at?.toISOString() ?? null,
      activated_at: row.activated_at?.toISOString() ?? null,
    };
  }
}

export class ModelVersionPageDto extends PageDto<ModelVersionDto> {
  @ApiProperty({ type: ModelVersionDto, isArray: true }) items: ModelVersionDto[];
}

export class ModelVersionParamDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version: number;
}
