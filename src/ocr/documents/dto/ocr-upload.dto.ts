import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import type { OcrDocumentStatus } from '../../../state/repositories/ocr-documents.repository.js';
import { DEFAULT_LANGUAGES, ENGINE_CHOICES, EXTRACT_KINDS, INSTALLED_LANGUAGES } from '../ocr-options.js';
import { OcrErrorDto } from './ocr-document.dto.js';

const OPTION_PROPERTIES = {
  languages: {
    type: 'string',
    pattern: '^[a-z]{3}(\\+[a-z]{3})*$',
    default: DEFAULT_LANGUAGES,
    description: `Tesseract languages joined by +; installed: ${INSTALLED_LANGUAGES.join(', ')}`,
  },
  engine: { type: 'string', enum: [...ENGINE_CHOICES], default: 'auto' },
  extract: { type: 'string', enum: [...EXTRACT_KINDS], description: 'Also extract invoice fields' },
};

/** The multipart form of POST /ocr/documents, for the OpenAPI document (the reader validates it). */
export const UPLOAD_FORM_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'PNG, JPEG, TIFF, WebP or PDF (judged by content)' },
    ...OPTION_PROPERTIES,
    sync: {
      type: 'boolean',
      default: false,
      description: 'Wait for the result when the document is small (OCR_SYNC_MAX_BYTES, OCR_SYNC_MAX_PAGES)',
    },
  },
};

export const BATCH_FORM_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'Several `file` parts' },
    ...OPTION_PROPERTIES,
  },
};

export const UPLOAD_FIELDS = ['languages', 'engine', 'extract', 'sync'] as const;
export const BATCH_FIELDS = ['languages', 'engine', 'extract'] as const;

export class OcrDocumentIdParamDto {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  @IsUUID('all', { message: 'document_id must be a UUID' })
  document_id: string;
}

const STATUSES: OcrDocumentStatus[] = ['PENDING', 'PROCESSING', 'COMPLETED', 'NEEDS_REVIEW', 'FAILED'];

export class ListOcrDocumentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsEnum(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: OcrDocumentStatus;
}

/** One file of a batch: accepted (202), answered from the cache (200), or refused with its reason. */
export class OcrBatchItemDto {
  @ApiProperty({ type: 'integer', example: 0, description: 'Position of the `file` part in the form' })
  index: number;
  @ApiProperty({ type: String, nullable: true, example: 'invoice-2026-001.png' })
  filename: string | null;
  @ApiProperty({
    type: 'integer',
    enum: [200, 202, 400, 413, 422],
    example: 202,
    description: 'As for a single upload',
  })
  status: number;
  @ApiProperty({ type: String, nullable: true, example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  document_id: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'OCR_1795310000000_7' })
  robot_id: string | null;
  @ApiProperty({ example: false })
  from_cache: boolean;
  @ApiProperty({ type: String, nullable: true, example: null })
  cached_from: string | null;
  @ApiProperty({ type: String, nullable: true, example: '/api/v1/ocr/documents/7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  location: string | null;
  @ApiProperty({ type: OcrErrorDto, nullable: true })
  error: OcrErrorDto | null;
}

export class OcrBatchDto {
  @ApiProperty({ type: OcrBatchItemDto, isArray: true })
  documents: OcrBatchItemDto[];
}
