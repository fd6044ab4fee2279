import type { DoubtfulField, ReviewRequest } from '../../../review/review-queue.service.js';
import type { ExtractedField, InvoiceExtraction } from '../../ocr.types.js';

export const OCR_FIELD_REVIEW = 'ocr_field';

/** Why a field is in doubt, in words a reviewer reads. */
function reasonsOf(field: ExtractedField, threshold: number): string[] {
  if (field.value === null) return ['not found'];
  return [
    ...field.checks.filter((c) => !c.passed).map((c) => `${c.check} failed`),
    `confidence ${field.confidence} below ${threshold}`,
  ];
}

/** The review request for an extraction: only its doubtful fields, with the rest for context. */
export function reviewRequestOf(
  extraction: InvoiceExtraction,
  target: { document_id: string | null; robot_id: string | null },
  threshold: number,
): ReviewRequest {
  const doubtful: DoubtfulField[] = extraction.fields
    .filter((f) => extraction.needs_review.includes(f.name))
    .map((f) => ({
      name: f.name,
      value: f.value,
      confidence: f.confidence,
      reasons: reasonsOf(f, threshold),
      ...(f.page !== undefined && { page: f.page }),
      ...(f.box && { box: f.box }),
    }));
  const vendor = extraction.fields.find((f) => f.name === 'vendor_name')?.value ?? null;
  return {
    kind: OCR_FIELD_REVIEW,
    ...target,
    subject: {
      fields: doubtful,
      vendor: vendor === null ? null : String(vendor),
      all_fields: Object.fromEntries(extraction.fields.map((f) => [f.name, f.value])),
      template: extraction.template,
    },
  };
}
