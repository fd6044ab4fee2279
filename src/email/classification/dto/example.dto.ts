import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { PageDto } from '../../../core/http/page.dto.js';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import type { ClassifierExampleRow } from '../repositories/classifier-examples.repository.js';
import { CLASS_NAME_MESSAGE, CLASS_NAME_PATTERN, EmailInputDto } from './email-input.dto.js';

export const MAX_BULK_EXAMPLES = 1_000;

export class AddExampleDto extends EmailInputDto {
  @ApiProperty({ example: 'invoice', description: 'the class this email belongs to' })
  @Matches(CLASS_NAME_PATTERN, { message: `label ${CLASS_NAME_MESSAGE}` })
  label: string;
}

export class BulkAddExamplesDto {
  @ApiProperty({ type: AddExampleDto, isArray: true, minItems: 1, maxItems: MAX_BULK_EXAMPLES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_EXAMPLES)
  @ValidateNested({ each: true })
  @Type(() => AddExampleDto)
  examples: AddExampleDto[];
}

export class ExampleDto {
  @ApiProperty({ format: 'uuid', example: '3f1c2b7a-6d5e-4c8b-9a1f-0e2d3c4b5a69' })
  example_id: string;
  @ApiProperty({ example: 'invoice' })
  label: string;
  @ApiProperty({ example: 'a3f5...', description: "the email content's SHA-256: one example per content" })
  content_sha256: string;
  @ApiProperty({ enum: ['api', 'feedback', 'review'], example: 'api' })
  source: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null })
  email_id: string | null;
  @ApiProperty({ nullable: true, type: String, example: '0000ad01', description: "the creator's key prefix" })
  created_by: string | null;
  @ApiProperty({ example: '2026-12-02T09:00:00.000Z', description: 'when added, or last relabelled' })
  created_at: string;

  static of(row: ClassifierExampleRow): ExampleDto {
    return {
      example_id: row.example_id,
      label: row.label,
      content_sha256: row.content_sha256,
      source: row.source,
      email_id: row.email_id,
      created_by: row.created_by,
      created_at: row.created_at.toISOString(),
    };
  }
}

export class AddedExampleDto extends ExampleDto {
  @ApiProperty({ example: true, description: 'false: an example of the same content existed and was relabelled' })
  created: boolean;

  static added(row: ClassifierExampleRow, created: boolean): AddedExampleDto {
    return { ...ExampleDto.of(row), created };
  }
}

export class BulkAddedExamplesDto {
  @ApiProperty({ type: 'integer', example: 998 })
  created: number;
  @ApiProperty({ type: 'integer', example: 2, description: 'examples whose content existed: their label was replaced' })
  replaced: number;
  @ApiProperty({ type: AddedExampleDto, isArray: true, description: 'in the order sent' })
  items: AddedExampleDto[];
}

export class ExamplePageDto extends PageDto<ExampleDto> {
  @ApiProperty({ type: ExampleDto, isArray: true }) items: ExampleDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { invoice: 120, spam: 40 },
    description: 'examples per label, over all of them (not only this page)',
  })
  counts: Record<string, number>;
  @ApiProperty({ type: 'integer', example: 160 })
  total: number;
}

export class ListExamplesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'invoice', description: 'only this label' })
  @IsOptional()
  @Matches(CLASS_NAME_PATTERN, { message: `label ${CLASS_NAME_MESSAGE}` })
  label?: string;
}

export class ExampleParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}
