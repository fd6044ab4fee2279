import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { PageDto } from '../../../core/http/page.dto.js';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import type {
  EmailAttachmentRow,
  EmailAuditRow,
  EmailRow,
  EmailStatus,
} from '../../../state/repositories/emails.repository.js';
import { CLASS_NAME } from '../../review/email-class-review.js';

export const EMAIL_STATUSES: readonly EmailStatus[] = ['ROBOT_CREATED', 'NEEDS_REVIEW', 'NO_ROBOT', 'REJECTED'];

export class IngestAnswerDto {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '5d1f0e2a-8c3b-4f6a-9e7d-2b4c6a8e0f13' })
  email_id: string | null;
  @ApiProperty({
    enum: ['ROBOT_CREATED', 'NEEDS_REVIEW', 'NO_ROBOT', 'REJECTED', 'DUPLICATE'],
    example: 'ROBOT_CREATED',
    description: 'DUPLICATE: the same Message-ID or content was taken in before (email_id is that one)',
  })
  status: string;
  @ApiProperty({ nullable: true, type: String, example: 'INV_1764979200000_1' })
  robot_id: string | null;
  @ApiPropertyOptional({ example: 'not_an_email: no header block', description: 'why it was refused' })
  reason?: string;
}

export class EmailIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  email_id: string;
}

export class AttachmentParamDto extends EmailIdParamDto {
  @ApiProperty({ type: 'integer', example: 0 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  position: number;
}

export class ListEmailsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EMAIL_STATUSES })
  @IsOptional()
  @IsIn(EMAIL_STATUSES)
  status?: EmailStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'only what this mailbox took in' })
  @IsOptional()
  @IsUUID()
  mailbox_id?: string;

  @ApiPropertyOptional({ example: 'invoice', description: "the class (a person's label when there is one)" })
  @IsOptional()
  @Matches(CLASS_NAME, { message: 'class_name must be 1-50 letters, digits, _ . -' })
  class_name?: string;
}

export class LabelEmailDto {
  @ApiProperty({ example: 'invoice', description: 'the right class; it becomes a training example' })
  @Matches(CLASS_NAME, { message: 'class_name must be 1-50 letters, digits, _ . -' })
  class_name: string;
}

export class EmailAddressDto {
  @ApiProperty({ example: 'ap@vendor.example' }) address: string;
  @ApiProperty({ nullable: true, type: String, example: 'Accounts Payable' }) name: string | null;
}

export class EmailSummaryDto {
  @ApiProperty({ format: 'uuid', example: '5d1f0e2a-8c3b-4f6a-9e7d-2b4c6a8e0f13' }) email_id: string;
  @ApiProperty({ nullable: true, type: String, example: 'CAF=x7@mail.vendor.example' }) message_id: string | null;
  @ApiProperty({ enum: ['imap', 'upload', 'mbox'], example: 'imap' }) source: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f' })
  mailbox_id: string | null;
  @ApiProperty({ enum: EMAIL_STATUSES, example: 'ROBOT_CREATED' }) status: string;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'why it was refused (REJECTED)' })
  reject_reason: string | null;
  @ApiProperty({ nullable: true, type: EmailAddressDto }) from: EmailAddressDto | null;
  @ApiProperty({ nullable: true, type: String, example: 'Invoice INV-2026-0042' }) subject: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-02T08:59:41.000Z', description: 'its Date header' })
  sent_at: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'CAF=x7@mail.vendor.example',
    description: "the thread's root Message-ID",
  })
  thread_id: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'invoice', description: 'the class chosen at intake' })
  class_name: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 0.93 }) confidence: number | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: "a person's class, when one was given" })
  label: string | null;
  @ApiProperty({ example: true, description: 'PII was found (pii_tags names its kinds)' })
  contains_sensitive_data: boolean;
  @ApiProperty({ type: [String], example: ['iban', 'phone'] }) pii_tags: string[];
  @ApiProperty({ nullable: true, type: String, example: 'INV_1764979200000_1' }) robot_id: string | null;
  @ApiProperty({ type: 'integer', example: 48213, description: 'the raw message' }) size_bytes: number;
  @ApiProperty({ example: '2026-12-02T09:00:00.000Z' }) received_at: string;

  static of(row: EmailRow): EmailSummaryDto {
    const classification = row.classification as { class_name?: string | null; confidence?: number } | null;
    return {
      email_id: row.email_id,
      message_id: row.message_id,
      source: row.source,
      mailbox_id: row.mailbox_id,
      status: row.status,
      reject_reason: row.reject_reason,
      from: row.from_address ? { address: row.from_address, name: row.from_name } : null,
      subject: row.subject,
      sent_at: row.sent_at?.toISOString() ?? null,
      thread_id: row.thread_id,
      class_name: classification?.class_name ?? null,
      confidence: classification?.confidence ?? null,
      label: row.label,
      contains_sensitive_data: row.contains_sensitive_data,
      pii_tags: row.pii_tags,
      robot_id: row.robot_id,
      size_bytes: row.size_bytes,
      received_at: row.received_at.toISOString(),
    };
  }
}

export class EmailAttachmentDto {
  @ApiProperty({ type: 'integer', example: 0, description: 'its place among the attachments, from 0' })
  position: number;
  @ApiProperty({ nullable: true, type: String, example: 'INV-2026-0042.pdf' }) filename: string | null;
  @ApiProperty({ example: 'application/pdf' }) media_type: string;
  @ApiProperty({ type: 'integer', example: 40112 }) size_bytes: number;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    example: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    description: 'its OCR document, once handed to OCR',
  })
  ocr_document_id: string | null;
  @ApiProperty({ example: '/api/v1/emails/5d1f0e2a-8c3b-4f6a-9e7d-2b4c6a8e0f13/attachments/0' }) url: string;
}

export class EmailAuditDto {
  @ApiProperty({ example: 'classify' }) step: string;
  @ApiProperty({ example: 'ok' }) outcome: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { class_name: 'invoice', confidence: 0.93 } })
  detail: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, example: null, description: "the key prefix of a person's step" })
  actor: string | null;
  @ApiProperty({ example: '2026-12-02T09:00:00.000Z' }) at: string;
}

export class EmailDto extends EmailSummaryDto {
  @ApiProperty({ type: [EmailAddressDto] }) to: EmailAddressDto[];
  @ApiProperty({ type: [EmailAddressDto] }) cc: EmailAddressDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) in_reply_to: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Please find attached invoice INV-2026-0042, due 2026-12-31.',
    description: 'safe plain text (redacted when EMAIL_REDACT_PII)',
  })
  text: string | null;
  @ApiProperty({
    type: [String],
    example: [],
    description: 'defects met and survived (charset fallbacks, bad headers)',
  })
  parse_warnings: string[];
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    example: { class_name: 'invoice', confidence: 0.93, model_version: 3, threshold: 0.6 },
    description: "class, confidence, every class's probability, rule, model version, threshold",
  })
  classification: Record<string, unknown> | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: {
      dates: ['2026-12-31'],
      amounts: [{ value: 1250, currency: 'EUR', text: '1.250,00 €' }],
      invoice_numbers: ['INV-2026-0042'],
    },
    description: 'dates, amounts, numbers, contacts, IBANs, signature',
  })
  extracted: Record<string, unknown>;
  @ApiProperty({ type: [EmailAttachmentDto] }) attachments: EmailAttachmentDto[];
  @ApiProperty({ type: [EmailAuditDto], description: 'every processing step, oldest first' }) audit: EmailAuditDto[];

  static full(row: EmailRow, attachments: EmailAttachmentRow[], audit: EmailAuditRow[]): EmailDto {
    const pick = (kind: 'to' | 'cc') =>
      row.recipients.filter((r) => r.kind === kind).map(({ address, name }) => ({ address, name }));
    return {
      ...EmailSummaryDto.of(row),
      to: pick('to'),
      cc: pick('cc'),
      in_reply_to: row.in_reply_to,
      text: row.text_body,
      parse_warnings: row.parse_warnings,
      classification: row.classification,
      extracted: row.extracted,
      attachments: attachments.map((a) => ({
        position: a.position,
        filename: a.filename,
        media_type: a.media_type,
        size_bytes: a.size_bytes,
        sha256: a.sha256,
        ocr_document_id: a.ocr_document_id,
        url: `/api/v1/emails/${row.email_id}/attachments/${a.position}`,
      })),
      audit: audit.map((step) => ({ ...step, at: step.at.toISOString() })),
    };
  }
}

export class EmailPageDto extends PageDto<EmailSummaryDto> {
  @ApiProperty({ type: EmailSummaryDto, isArray: true }) items: EmailSummaryDto[];
}
