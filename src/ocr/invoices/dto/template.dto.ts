import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { PageDto } from '../../../core/http/page.dto.js';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import type { InvoiceTemplateRow } from '../../../state/repositories/invoice-templates.repository.js';

const NO_CONTROL = /^[^\p{Cc}\p{Cf}]*\S[^\p{Cc}\p{Cf}]*$/u;

export class VendorTemplateOptionsDto {
  @ApiPropertyOptional({ enum: ['dmy', 'mdy', 'ymd'], example: 'dmy', description: 'how numeric dates are ordered' })
  @IsOptional()
  @IsIn(['dmy', 'mdy', 'ymd'])
  date_format?: 'dmy' | 'mdy' | 'ymd';

  @ApiPropertyOptional({ enum: ['.', ','], example: ',', description: 'the decimal separator of amounts' })
  @IsOptional()
  @IsIn(['.', ','])
  decimal_separator?: '.' | ',';

  @ApiPropertyOptional({ example: 'EUR', description: 'the currency of all its invoices (ISO 4217)' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;
}

export class VendorTemplateBodyDto {
  @ApiProperty({ example: 'Azure Interior', description: 'the vendor; becomes the vendor_name field', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(NO_CONTROL, { message: 'vendor_name must be printable text' })
  vendor_name: string;

  @ApiProperty({
    type: [String],
    example: ['Azure Interior', 'azure-interior.com'],
    description: 'all must appear in a document for the template to apply (case-insensitive)',
    minItems: 1,
    maxItems: 20,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  @Matches(NO_CONTROL, { each: true, message: 'each keyword must be printable, non-blank text' })
  keywords: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { invoice_number: 'Invoice\\s+(INV/\\d+/\\d+/\\d+)', total: 'Total\\s+\\$\\s*([\\d.,]+)' },
    description:
      'invoice field -> regular expression on the document text (group 1, or the whole match, is the value); at most 300 characters, no nested quantifiers, quantified alternations or backreferences',
  })
  @IsObject()
  fields: Record<string, unknown>;

  @ApiPropertyOptional({ type: VendorTemplateOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => VendorTemplateOptionsDto)
  options?: VendorTemplateOptionsDto;
}

export class VendorTemplateDto {
  @ApiProperty({ format: 'uuid', example: '8c1f3a52-3d7e-4b8a-a1f0-6e2d9c4b7a10' })
  template_id: string;
  @ApiProperty({ example: 'Azure Interior' })
  vendor_name: string;
  @ApiProperty({ type: [String], example: ['Azure Interior'] })
  keywords: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { invoice_number: 'Invoice\\s+(INV/\\d+/\\d+/\\d+)' },
    description: 'USER: patterns; LEARNED: anchors {label, position, shape} or {constant}',
  })
  fields: Record<string, unknown>;
  @ApiProperty({ type: VendorTemplateOptionsDto })
  options: VendorTemplateOptionsDto;
  @ApiProperty({ enum: ['USER', 'LEARNED'], example: 'USER' })
  source: string;
  @ApiProperty({ type: 'integer', example: 0, description: 'review corrections it learned from' })
  corrections_applied: number;
  @ApiProperty({ nullable: true, type: String, example: 'bf_0000ad01', description: "the creator's key prefix" })
  created_by: string | null;
  @ApiProperty({ example: '2026-12-02T09:00:00.000Z' })
  created_at: string;
  @ApiProperty({ example: '2026-12-02T09:00:00.000Z' })
  updated_at: string;

  static of(row: InvoiceTemplateRow): VendorTemplateDto {
    return {
      template_id: row.template_id,
      vendor_name: row.vendor_name,
      keywords: row.keywords,
      fields: row.fields,
      options: row.options as VendorTemplateOptionsDto,
      source: row.source,
      corrections_applied: row.corrections_applied,
      created_by: row.created_by,
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
    };
  }
}

export class VendorTemplatePageDto extends PageDto<VendorTemplateDto> {
  @ApiProperty({ type: VendorTemplateDto, isArray: true }) items: VendorTemplateDto[];
}

export class ListVendorTemplatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['USER', 'LEARNED'], description: 'only this source (both by default)' })
  @IsOptional()
  @IsIn(['USER', 'LEARNED'])
  source?: 'USER' | 'LEARNED';
}

export class VendorTemplateParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}
