import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ReviewKinds, type ReviewKindHandler } from '../../../review/review-kinds.js';
import { InvoiceTemplatesRepository } from '../../../state/repositories/invoice-templates.repository.js';
import { OcrDocumentReviewsRepository } from '../../../state/repositories/ocr-document-reviews.repository.js';
import type { Queryable, ReviewItemRow } from '../../../state/repositories/review-items.repository.js';
import type { ExtractedField, InvoiceExtraction, InvoiceFieldName, OcrPage } from '../../ocr.types.js';
import { correctedValue } from '../field-values.js';
import { learnTemplate } from '../learning/template-learner.js';
import { OCR_FIELD_REVIEW } from './doubtful-fields.js';

type Corrections = Partial<Record<InvoiceFieldName, string | number | null>>;

/**
 * The OCR side of an `ocr_field` review: corrected values are checked per field type; once
 * answered (in the same transaction) the document gets the corrected fields and completes if it
 * waited, and the vendor's learned template takes what the correction teaches.
 */
@Injectable()
export class OcrFieldReviewHandler implements ReviewKindHandler, OnModuleInit {
  readonly kind = OCR_FIELD_REVIEW;
  private readonly logger = new Logger(OcrFieldReviewHandler.name);

  constructor(
    private readonly kinds: ReviewKinds,
    private readonly documents: OcrDocumentReviewsRepository,
    private readonly templates: InvoiceTemplatesRepository,
  ) {}

  onModuleInit(): void {
    this.kinds.register(this);
  }

  validate(_subject: Record<string, unknown>, corrections: Record<string, unknown>): string[] {
    return Object.entries(corrections).flatMap(([name, raw]) => {
      const checked = correctedValue(name, raw);
      return 'problem' in checked ? [checked.problem] : [];
    });
  }

  async resolved(tx: Queryable, review: ReviewItemRow): Promise<void> {
    if (!review.document_id) return;
    const document = await this.documents.lock(tx, review.document_id);
    if (!document) return;
    const corrections = this.normalised(review.corrections);
    await this.documents.complete(tx, review.document_id, corrected(document.fields, corrections));
    if (Object.keys(corrections).length > 0 && Array.isArray(document.pages)) {
      await this.learn(tx, review, document.pages as OcrPage[], corrections);
    }
  }

  private normalised(raw: Record<string, unknown> | null): Corrections {
    const corrections: Corrections = {};
    for (const [name, value] of Object.entries(raw ?? {})) {
      const checked = correctedValue(name, value);
      if ('value' in checked) corrections[name as InvoiceFieldName] = checked.value;
    }
    return corrections;
  }

  private async learn(tx: Queryable, review: ReviewItemRow, pages: OcrPage[], corrections: Corrections) {
    const subject = review.subject as { vendor?: string | null };
    const vendor = (corrections.vendor_name as string | undefined) ?? subject.vendor;
    if (!vendor) return;
    const existing = await this.templates.learnedForUpdate(tx, vendor);
    const learned = learnTemplate({
      pages,
      vendor,
      extractedVendor: subject.vendor,
      corrections,
      existing: existing && { keywords: existing.keywords, fields: existing.fields, options: existing.options },
    });
    await this.templates.saveLearned(tx, { ...learned, options: { ...learned.options } });
    this.logger.log(
      `review ${review.review_id}: learned ${learned.learned.join(', ') || 'nothing'} for ${vendor}` +
        (learned.unlearned.length ? ` (not printed readably: ${learned.unlearned.join(', ')})` : ''),
    );
  }
}

/** The stored fields (an InvoiceExtraction, or its field list) with the reviewer's values in. */
function corrected(stored: unknown, corrections: Corrections): unknown {
  const apply = (fields: ExtractedField[]) =>
    fields.map((field) =>
      field.name in corrections
        ? {
            ...field,
            value: corrections[field.name] ?? null,
            confidence: 1,
            checks: [...field.checks, { check: 'human_review', passed: true }],
            method: 'review',
          }
        : field,
    );
  if (Array.isArray(stored)) return apply(stored as ExtractedField[]);
  if (stored && typeof stored === 'object' && Array.isArray((stored as InvoiceExtraction).fields)) {
    return { ...(stored as InvoiceExtraction), fields: apply((stored as InvoiceExtraction).fields), needs_review: [] };
  }
  return stored;
}
