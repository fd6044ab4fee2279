import type { InvoiceExtraction, InvoiceFieldName, OcrResult } from '../ocr.types.js';
import type { Candidates } from './candidate.js';
import { judgeFields } from './checks/field-checks.js';
import { DocumentText } from './document-text.js';
import { extractGeneric, subtotalsOf } from './generic/generic-extractor.js';
import type { ReadOptions } from './generic/value-readers.js';
import { dateOrderOf } from './parse/dates.js';
import type { SafeRegexRunner } from './templates/safe-regex-runner.js';
import { applyTemplate, methodOf, templateMatches } from './templates/template-applier.js';
import type { InvoiceTemplate } from './templates/template.types.js';

/** Fields a reviewer must see even when nothing was found: an invoice is unusable without them. */
export const REQUIRED_FIELDS: readonly InvoiceFieldName[] = [
  'invoice_number',
  'issue_date',
  'total',
  'currency',
  'vendor_name',
];

export interface ExtractionSettings {
  reviewThreshold: number;
  runner: SafeRegexRunner;
  today?: Date;
}

/**
 * Invoice fields from an OCR result. The vendor's templates come first (a learned field over the
 * user's pattern for it, as it exists because a person corrected what the others gave), then the
 * generic rules for whatever they leave. No template matching is the ordinary case, not an error
 * (invoice2data #566 failed hard on it).
 */
export function extractInvoice(
  result: OcrResult,
  templates: readonly InvoiceTemplate[],
  settings: ExtractionSettings,
): InvoiceExtraction {
  const doc = new DocumentText(result);
  const order = dateOrderOf(doc.text);
  const options: ReadOptions = { dateOrder: order.order };
  const chosen = chooseTemplates(doc, templates);
  let found: Candidates = extractGeneric(doc, options);
  for (const template of chosen) found = { ...found, ...applyTemplate(doc, template, options, settings.runner) };
  const fields = judgeFields(found, { subtotals: subtotalsOf(doc, options), today: settings.today ?? new Date() });
  const needs_review = fields
    .filter((f) => f.confidence < settings.reviewThreshold && (f.value !== null || REQUIRED_FIELDS.includes(f.name)))
    .map((f) => f.name);
  const vendorTemplate = chosen[chosen.length - 1];
  return { fields, template: vendorTemplate ? methodOf(vendorTemplate) : null, needs_review };
}

/**
 * The templates for this document, applied in order (later ones win): the vendor is the matching
 * template with the most keywords (a user's before a learned one); then that vendor's learned
 * template, which applies once the vendor is known even if its own keywords differ.
 */
function chooseTemplates(doc: DocumentText, templates: readonly InvoiceTemplate[]): InvoiceTemplate[] {
  const matching = templates
    .filter((t) => templateMatches(t, doc))
    .sort(
      (a, b) =>
        b.keywords.length - a.keywords.length || (a.source === 'USER' ? -1 : 1) - (b.source === 'USER' ? -1 : 1),
    );
  const vendor = matching[0];
  if (!vendor) return [];
  const sameVendor = (t: InvoiceTemplate) => t.vendor_name.toLowerCase() === vendor.vendor_name.toLowerCase();
  const user = templates.find((t) => t.source === 'USER' && sameVendor(t) && templateMatches(t, doc));
  const learned = templates.find((t) => t.source === 'LEARNED' && sameVendor(t));
  return [user, learned].filter((t): t is InvoiceTemplate => t !== undefined);
}
