import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageDto } from '../../core/http/page.dto.js';
import type { ReviewItemRow } from '../../state/repositories/review-items.repository.js';

export class BoxDto {
  @ApiProperty({ type: 'integer', example: 30, description: 'left, in page pixels (PDF points for a text layer)' })
  x0: number;
  @ApiProperty({ type: 'integer', example: 643 }) y0: number;
  @ApiProperty({ type: 'integer', example: 166 }) x1: number;
  @ApiProperty({ type: 'integer', example: 655 }) y1: number;
}

export class ReviewFieldDto {
  @ApiProperty({ example: 'iban', description: 'the field in doubt' })
  name: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }],
    nullable: true,
    example: 'US1234567890',
    description: 'what extraction read; null when nothing was found',
  })
  value: string | number | null;
  @ApiProperty({ example: 0.45, description: '0-1: OCR confidence of its words combined with the checks' })
  confidence: number;
  @ApiProperty({
    type: [String],
    example: ['iban_checksum failed', 'confidence 0.45 below 0.8'],
    description: 'why it is in doubt: failed checks, low confidence, not found',
  })
  reasons: string[];
  @ApiPropertyOptional({ type: 'integer', example: 1, description: 'the page it was read on' })
  page?: number;
  @ApiPropertyOptional({ type: BoxDto, description: 'where on the page' })
  box?: BoxDto;
}

export class ReviewSubjectDto {
  @ApiProperty({ type: ReviewFieldDto, isArray: true, description: 'only the doubtful fields' })
  fields: ReviewFieldDto[];
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Azure Interior', description: 'who it is about' })
  vendor?: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { invoice_number: 'INV/2023/03/0008', total: 279.84, iban: 'US1234567890' },
    description: 'every value extracted, for context',
  })
  all_fields?: Record<string, unknown>;
}

export class ReviewDto {
  @ApiProperty({ format: 'uuid', example: '0b9d4f5e-4f7c-4a8e-9d6c-2f1e3a4b5c6d' })
  review_id: string;
  @ApiProperty({
    example: 'ocr_field',
    description: "what is reviewed: ocr_field (OCR fields) or email_class (an email's class)",
  })
  kind: string;
  @ApiProperty({ enum: ['PENDING', 'RESOLVED', 'DISMISSED'], example: 'PENDING' })
  status: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '5f0c7c1e-8d2b-4c55-9a43-3e2f1b0a9c8d' })
  document_id: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '/api/v1/ocr/documents/5f0c7c1e-8d2b-4c55-9a43-3e2f1b0a9c8d',
    description: 'the document the values came from: its pages, words and boxes',
  })
  document_url: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    example: null,
    description: 'the email, for email_class',
  })
  email_id: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: 'the email: its text, extraction and audit',
  })
  email_url: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'OCR_1764892800000_1' })
  robot_id: string | null;
  @ApiProperty({ type: ReviewSubjectDto })
  subject: ReviewSubjectDto;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    example: null,
    description: 'the corrected values, once resolved',
  })
  corrections: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: "the reviewer's API key prefix" })
  reviewed_by: string | null;
  @ApiProperty({ example: '2026-12-02T09:00:00.000Z' })
  created_at: string;
  @ApiProperty({ nullable: true, type: String, example: null })
  resolved_at: string | null;

  static of(row: ReviewItemRow): ReviewDto {
    return {
      review_id: row.review_id,
      kind: row.kind,
      status: row.status,
      document_id: row.document_id,
      document_url: row.document_id ? `/api/v1/ocr/documents/${row.document_id}` : null,
      email_id: row.email_id ?? null,
      email_url: row.email_id ? `/api/v1/emails/${row.email_id}` : null,
      robot_id: row.robot_id,
      subject: row.subject as unknown as ReviewSubjectDto,
      corrections: row.corrections,
      reviewed_by: row.reviewed_by,
      created_at: row.created_at.toISOString(),
      resolved_at: row.resolved_at?.toISOString() ?? null,
    };
  }
}

export class ReviewPageDto extends PageDto<ReviewDto> {
  @ApiProperty({ type: ReviewDto, isArray: true }) items: ReviewDto[];
}
