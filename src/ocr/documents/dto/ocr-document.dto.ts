import { ApiProperty } from '@nestjs/swagger';
import { PageDto } from '../../../core/http/page.dto.js';
import type { OcrDocumentRow, OcrDocumentSummary } from '../../../state/repositories/ocr-documents.repository.js';
import type { ExtractedField, OcrPage, PageQuality } from '../../ocr.types.js';

const STATUSES = ['PENDING', 'PROCESSING', 'COMPLETED', 'NEEDS_REVIEW', 'FAILED'];
const CODE_PREFIX = /^([A-Z][A-Z0-9_]{2,63}): ([\s\S]*)$/;

export class OcrErrorDto {
  @ApiProperty({ type: String, nullable: true, example: 'OCR_UNREADABLE_DOCUMENT', description: 'Stable, when known' })
  code: string | null;
  @ApiProperty({ example: 'The document cannot be read: the PDF is encrypted.' })
  detail: string;

  /** Stored as `CODE: detail` when the failure has a code (see OcrExtractHandler). */
  static parse(stored: string | null): OcrErrorDto | null {
    if (stored === null) return null;
    const match = CODE_PREFIX.exec(stored);
    return match ? { code: match[1], detail: match[2] } : { code: null, detail: stored };
  }
}

export class OcrOptionsDto {
  @ApiProperty({ example: 'eng+spa' })
  languages: string;
  @ApiProperty({ enum: ['auto', 'native', 'wasm'], example: 'auto' })
  engine: string;
  @ApiProperty({ enum: ['invoice'], nullable: true, example: null, description: 'Business fields extracted' })
  extract: string | null;
}

export class OcrResourcesDto {
  @ApiProperty({ type: 'integer', nullable: true, example: 3120 })
  cpu_ms: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 412 })
  peak_memory_mb: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 3480 })
  duration_ms: number | null;
}

/** A document without its text, pages and fields: a list item. */
export class OcrDocumentSummaryDto {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  document_id: string;
  @ApiProperty({ enum: STATUSES, example: 'COMPLETED' })
  status: string;
  @ApiProperty({ type: String, nullable: true, example: 'invoice-2026-001.png' })
  filename: string | null;
  @ApiProperty({ example: 'image/png', description: 'Judged by the content, not the name' })
  media_type: string;
  @ApiProperty({ type: 'integer', example: 38668 })
  size_bytes: number;
  @ApiProperty({ example: 'a3f1c2d4e5b6a7980c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4' })
  sha256: string;
  @ApiProperty({ type: OcrOptionsDto })
  options: OcrOptionsDto;
  @ApiProperty({ type: 'integer', nullable: true, example: 1 })
  page_count: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 91.5, description: 'Document confidence, 0-100' })
  confidence: number | null;
  @ApiProperty({ example: false, description: 'Answered from a finished result of the same bytes and options' })
  from_cache: boolean;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'The document whose result this is' })
  cached_from: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'OCR_1795310000000_7', description: 'null for a cache hit' })
  robot_id: string | null;
  @ApiProperty({ type: OcrErrorDto, nullable: true })
  error: OcrErrorDto | null;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' })
  created_at: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-22T10:00:03.480Z' })
  completed_at: string | null;

  static of(row: OcrDocumentSummary): OcrDocumentSummaryDto {
    const options = row.options as { languages: string; engine: string; extract?: string };
    return {
      document_id: row.document_id,
      status: row.status,
      filename: row.filename,
      media_type: row.media_type,
      size_bytes: row.size_bytes,
      sha256: row.sha256,
      options: { languages: options.languages, engine: options.engine, extract: options.extract ?? null },
      page_count: row.page_count,
      confidence: row.confidence,
      from_cache: row.from_cache,
      cached_from: row.cached_from,
      robot_id: row.robot_id,
      error: OcrErrorDto.parse(row.error),
      created_at: row.created_at.toISOString(),
      completed_at: row.completed_at?.toISOString() ?? null,
    };
  }
}

const PAGE_EXAMPLE = {
  page_number: 1,
  source: 'native',
  text: 'INVOICE 2026-001',
  confidence: 93,
  rotation_applied: 0,
  preprocessing: ['grayscale'],
  lines: [{ text: 'INVOICE 2026-001', confidence: 93, box: { x0: 36, y0: 92, x1: 410, y1: 130 }, words: [] }],
  quality: { verdict: 'good', reasons: [] },
  engines_tried: [{ engine: 'native', confidence: 93, ms: 2900 }],
  timings_ms: { preprocess: 40, recognise: 2900, total: 2960 },
  width: 2480,
  height: 3508,
};

/** A document with its result. */
export class OcrDocumentDto extends OcrDocumentSummaryDto {
  @ApiProperty({ type: String, nullable: true, example: 'INVOICE 2026-001\nACME S.L. ...' })
  text: string | null;
  @ApiProperty({
    type: 'array',
    nullable: true,
    items: { type: 'object', additionalProperties: true },
    example: [PAGE_EXAMPLE],
    description: 'Per page: source (native, wasm or pdf_text), text, confidence, rotation, lines with words and boxes',
  })
  pages: OcrPage[] | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    example: { verdict: 'acceptable', reasons: ['resolution below 200 dpi: rescan at 300 dpi'], dpi: 150 },
  })
  quality: PageQuality | null;
  @ApiProperty({
    type: 'array',
    nullable: true,
    items: { type: 'object', additionalProperties: true },
    example: [{ name: 'total', value: 121, confidence: 0.94, checks: [{ check: 'total_matches_tax', passed: true }] }],
    description: 'With extract=invoice: each field with its confidence and checks',
  })
  fields: ExtractedField[] | null;
  @ApiProperty({
    type: [String],
    nullable: true,
    example: ['vendor_tax_id'],
    description: 'Fields sent to human review (status NEEDS_REVIEW)',
  })
  needs_review: string[] | null;
  @ApiProperty({ type: OcrResourcesDto })
  resources: OcrResourcesDto;

  static override of(row: OcrDocumentRow): OcrDocumentDto {
    // `fields` holds the whole extraction: its fields, the template used and what needs review.
    const extraction = row.fields as { fields?: ExtractedField[]; needs_review?: string[] } | null;
    return {
      ...OcrDocumentSummaryDto.of(row),
      text: row.text,
      pages: row.pages as OcrPage[] | null,
      quality: row.quality as PageQuality | null,
      fields: extraction?.fields ?? null,
      needs_review: extraction?.needs_review ?? null,
      resources: { cpu_ms: row.cpu_ms, peak_memory_mb: row.peak_memory_mb, duration_ms: row.duration_ms },
    };
  }
}

export class OcrDocumentPageDto extends PageDto<OcrDocumentSummaryDto> {
  @ApiProperty({ type: OcrDocumentSummaryDto, isArray: true })
  items: OcrDocumentSummaryDto[];
}

/** 202: the document is queued as a robot; follow it at `Location`. */
export class OcrAcceptedDto {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  document_id: string;
  @ApiProperty({ example: 'OCR_1795310000000_7' })
  robot_id: string;
  @ApiProperty({ enum: STATUSES, example: 'PENDING' })
  status: string;
  @ApiProperty({ example: false })
  from_cache: boolean;
  @ApiProperty({ example: '/api/v1/ocr/documents/7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  location: string;
}
