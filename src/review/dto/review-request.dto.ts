import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsObject, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '../../core/http/page-query.dto.js';

export const REVIEW_STATUSES = ['PENDING', 'RESOLVED', 'DISMISSED'] as const;

export class ListReviewsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'ocr_field', description: 'only this kind' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,49}$/, { message: 'kind must be a lower-case name of up to 50 letters, digits or _' })
  kind?: string;

  @ApiPropertyOptional({ enum: REVIEW_STATUSES, description: 'only this status (all by default)' })
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  status?: (typeof REVIEW_STATUSES)[number];
}

export class ReviewParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

/** Corrected values, or `dismiss: true` to accept the values as they are. */
export class AnswerReviewDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { iban: 'ES9121000418450200051332', issue_date: '2023-03-20' },
    description: 'field name -> corrected value (ISO dates, numeric amounts, checksum-valid IBAN and tax ids)',
  })
  @IsOptional()
  @IsObject()
  fields?: Record<string, unknown>;

  @ApiPropertyOptional({ example: true, description: 'true: the values stand as extracted' })
  @IsOptional()
  @Equals(true, { message: 'dismiss can only be true' })
  dismiss?: true;
}
